"""`classify_batch` must give, message for message, exactly what `classify` gives."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from triage.context import EarlierContact
from triage.corpus_io import load_corpus
from triage.features import compose
from triage.model import TriageInput, Triager

SAMPLE = 200
RECEIVED = datetime(2025, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def triager(fixture_model: Path) -> Triager:
    return Triager.load(fixture_model)


@pytest.fixture(scope="module")
def inputs() -> list[TriageInput]:
    """About 200 training messages spread over every corpus file, messages with earlier contacts
    and edge cases."""
    examples = load_corpus()
    step = max(1, len(examples) // SAMPLE)
    sample = [TriageInput(e.text, e.subject, e.channel, e.received_at) for e in examples[::step]]
    earlier = (EarlierContact("The boiler is broken again", datetime(2025, 11, 1, tzinfo=UTC),
                              "complaint", "DS-2025-000123", same_case=True),
               EarlierContact("no heating, boiler broken", datetime(2025, 11, 3, tzinfo=UTC)))
    again = [TriageInput("Still no heating, the boiler is broken", received_at=RECEIVED,
                         earlier=earlier[i:]) for i in range(2)]
    return sample + again + [TriageInput(""), TriageInput("!!!", subject="?"),
                             TriageInput("zzzz qqqq")]


def test_batch_equals_single(triager: Triager, inputs: list[TriageInput]) -> None:
    batch = triager.classify_batch(inputs)
    assert len(batch) == len(inputs)
    for inp, got in zip(inputs, batch):
        want = triager.classify(inp)
        assert (got.category, got.flags, got.reasons) == (want.category, want.flags, want.reasons)
        assert got.probabilities.keys() == want.probabilities.keys()
        assert all(abs(got.probabilities[k] - p) <= 1e-9 for k, p in want.probabilities.items())
        assert got == want


def test_batch_probabilities_equal_single_rows(triager: Triager, inputs: list[TriageInput]) -> None:
    """Class and learned flag probabilities of a chunk equal, bit for bit, those of each message
    alone, and the learned ones are the detectors' logistic functions of the features."""
    scorer = triager._scorer
    docs = [compose(i.subject, i.text) for i in inputs]
    rows = scorer.vectorise_many(docs)
    many, learned = scorer.probabilities_many(rows), triager._flag_probabilities(rows)
    assert many.shape == (len(inputs), len(scorer.classes)) and len(learned) == len(inputs)
    models = list(triager._flag_models.values())
    for i, doc in enumerate(docs):
        alone = scorer.vectorise_many([doc])
        assert np.array_equal(scorer.probabilities_many(alone)[0], many[i])
        assert triager._flag_probabilities(alone)[0] == learned[i]
        index, values = rows.row(i)
        want = [1 / (1 + np.exp(-(values @ m.coef[index] + m.intercept))) for m in models]
        assert np.allclose(learned[i], want, rtol=0, atol=1e-12)


def test_batch_of_one(triager: Triager, inputs: list[TriageInput]) -> None:
    for inp in inputs[:3] + inputs[-5:]:
        assert triager.classify_batch([inp]) == [triager.classify(inp)]


def test_batches_longer_than_a_chunk(triager: Triager, inputs: list[TriageInput]) -> None:
    assert triager.classify_batch(inputs * 2) == triager.classify_batch(inputs) * 2


def test_empty_batch(triager: Triager) -> None:
    assert triager.classify_batch([]) == []


def test_forked_workers_give_the_same_results_in_order(triager: Triager,
                                                       inputs: list[TriageInput]) -> None:
    from triage.model import PARALLEL_MIN

    many = (inputs * (PARALLEL_MIN // len(inputs) + 2))[: PARALLEL_MIN + 37]
    assert triager.classify_batch(many, workers=2) == triager.classify_batch(many)
    assert triager.classify_batch(inputs[:5], workers=4) == triager.classify_batch(inputs[:5])
