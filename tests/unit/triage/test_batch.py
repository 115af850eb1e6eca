"""`classify_batch` must give, message for message, exactly what `classify` gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from triage.corpus_io import load_corpus
from triage.features import compose
from triage.model import TriageInput, Triager

SAMPLE = 200


@pytest.fixture(scope="module")
def triager(fixture_model: Path) -> Triager:
    return Triager.load(fixture_model)


@pytest.fixture(scope="module")
def inputs() -> list[TriageInput]:
    """About 200 training messages spread over every corpus file, plus edge cases."""
    examples = load_corpus()
    step = max(1, len(examples) // SAMPLE)
    sample = [TriageInput(e.text, e.subject, e.channel, e.received_at) for e in examples[::step]]
    return sample + [TriageInput(""), TriageInput("!!!", subject="?"), TriageInput("zzzz qqqq")]


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
    scorer = triager._scorer
    vectors = [scorer.vectorise(compose(i.subject, i.text)) for i in inputs]
    many = scorer.probabilities_many(vectors)
    single = np.array([scorer.probabilities(index, values) for index, values in vectors])
    assert many.shape == single.shape
    assert np.abs(many - single).max() <= 1e-9


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
