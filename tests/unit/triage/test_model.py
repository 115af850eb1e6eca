"""Train on the small fixture, then classify: labels, result shape, skops round trip."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio

from triage.labels import LABELS, Flag, Label
from triage.model import (
    Decision,
    ModelError,
    TriageInput,
    TriageResult,
    Triager,
    rounded_probabilities,
)

RECEIVED = datetime(2025, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def triager(fixture_model: Path) -> Triager:
    return Triager.load(fixture_model)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Nobody came for the appointment again and the repair is still not fixed", "complaint"),
        ("Please can you send someone to fix the kitchen tap", "service_request"),
        ("The neighbour plays loud music every night", "asb_report"),
        ("Thank you to the engineer, he was brilliant", "compliment"),
        ("How do I apply for a transfer", "enquiry"),
    ],
)
def test_classifies_fixture_like_messages(triager: Triager, text: str, label: str) -> None:
    assert triager.classify(TriageInput(text)).category == label


def test_result_shape(triager: Triager) -> None:
    result = triager.classify(
        TriageInput(
            "Nobody came again and I can smell gas in the kitchen",
            subject="Boiler",
            channel="pigeon",
            received_at=RECEIVED,
        )
    )
    assert isinstance(result, TriageResult)
    assert isinstance(result.category, Label)
    assert set(result.probabilities) == set(LABELS)
    assert abs(sum(result.probabilities.values()) - 1) < 1e-9
    assert result.confidence == result.probabilities[result.category.value]
    assert result.confidence == max(result.probabilities.values())
    assert "urgent_hazard" in result.flags and list(result.flags) == sorted(result.flags)
    assert any(r.startswith("rule: ") and r.endswith("→ urgent_hazard") for r in result.reasons)
    assert any(r.startswith('word "') for r in result.reasons)
    assert result.model_version == "test-1"
    assert result.language == "en"


def test_batch_matches_single(triager: Triager) -> None:
    inputs = [TriageInput("Thank you so much to the team"), TriageInput("fix my tap please")]
    assert triager.classify_batch(inputs) == [triager.classify(i) for i in inputs]
    assert triager.classify_batch([]) == []


@pytest.mark.parametrize(("complaint", "flagged"), [(0.3, True), (0.05, False)])
def test_a_service_request_that_may_be_a_complaint_keeps_a_further_repair(
        triager: Triager, complaint: float, flagged: bool) -> None:
    """Taken for a repair request but likely enough a complaint (so held for review), a message's
    further repair is flagged as it would be in a complaint, saying so; unlikely, it is not."""
    labels = list(triager._labels)
    proba = np.zeros(len(labels))
    proba[labels.index("complaint")] = complaint
    proba[labels.index("service_request")] = 1 - complaint
    decision = Decision(proba, labels.index("service_request"), Label.SERVICE_REQUEST, None)
    text = ("You have added £60 to my rent account for clearing rubbish that was never mine. The "
            "bedroom window catch has snapped.")
    no_learned = [0.0] * len(triager._flag_models)  # (the vector is read only for learned flags)
    found = dict(triager._flags(TriageInput(text), decision, None, no_learned))
    assert (Flag.ALSO_SERVICE_REQUEST in found) is flagged
    if flagged:
        assert found[Flag.ALSO_SERVICE_REQUEST].startswith("if complaint: plain … ")


def test_short_text_has_no_language(triager: Triager) -> None:
    assert triager.classify(TriageInput("ok thx")).language is None


def test_skops_round_trip(fixture_model: Path, tmp_path: Path, triager: Triager) -> None:
    """The model file is plain data: skops loads it trusting nothing, and what it saves back
    loads and classifies the same."""
    assert sio.get_untrusted_types(file=fixture_model) == []
    bundle = sio.load(fixture_model, trusted=[])
    copy = tmp_path / "copy.skops"
    sio.dump(bundle, copy)
    again = Triager.load(copy)
    text = TriageInput("The neighbour plays loud music every night")
    assert again.classify(text) == triager.classify(text)
    meta = json.loads(fixture_model.with_suffix(".json").read_text())
    assert meta["version"] == "test-1" and meta["n_examples"] == 60
    assert set(meta["label_counts"]) == set(LABELS)
    assert {"macro_f1", "complaint_recall"} <= set(meta["cv"]["chosen"])


def test_refuses_untrusted_types(tmp_path: Path) -> None:
    evil = tmp_path / "evil.skops"
    sio.dump({"format": "doorstep-triage/2", "pipeline": datetime(2025, 1, 1)}, evil)
    with pytest.raises(ModelError, match="untrusted"):
        Triager.load(evil)


def test_refuses_another_format(tmp_path: Path) -> None:
    old = tmp_path / "old.skops"
    sio.dump({"format": "doorstep-triage/1", "version": "x"}, old)
    with pytest.raises(ModelError, match="doorstep-triage/2.*triage train"):
        Triager.load(old)


def test_refuses_a_file_that_is_not_a_model(tmp_path: Path) -> None:
    junk = tmp_path / "junk.skops"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(ModelError, match="not a readable skops file"):
        Triager.load(junk)


def test_missing_model_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="triage train"):
        Triager.load(tmp_path / "nope.skops")


def test_rounded_probabilities_sum_to_one() -> None:
    probs = rounded_probabilities(list(LABELS), [1 / 6] * 6)
    assert round(sum(probs.values()), 10) == 1.0
    assert all(round(p, 4) == p for p in probs.values())
