"""Evaluation arithmetic on hand-made results: P/R/F1, confusion, Brier, reliability bins."""

from __future__ import annotations

from triage.corpus_io import Example
from triage.evaluation import brier_score, evaluate, reliability_table, score
from triage.labels import LABELS, Flag, Label
from triage.model import TriageResult


def result(category: str, confidence: float, flags: tuple[str, ...] = ()) -> TriageResult:
    rest = (1 - confidence) / 5
    probs = {label: (confidence if label == category else rest) for label in LABELS}
    return TriageResult(Label(category), confidence, probs, flags, (), "t", None)


def test_score_handles_zero_division() -> None:
    assert score(0, 0, 0).f1 == 0.0
    s = score(true_positive=2, support=4, predicted=2)
    assert (s.precision, s.recall, round(s.f1, 3)) == (1.0, 0.5, 0.667)


def test_evaluate_counts_categories_flags_and_confusion() -> None:
    examples = [
        Example("1", "a", Label.COMPLAINT, (Flag.ESCALATION,)),
        Example("2", "b", Label.COMPLAINT),
        Example("3", "c", Label.ENQUIRY),
    ]
    results = [
        result("complaint", 0.9, ("escalation",)),
        result("enquiry", 0.6),
        result("enquiry", 0.8, ("escalation",)),
    ]
    report = evaluate(examples, results, "v1")
    assert report.n == 3 and report.model_version == "v1"
    assert report.categories["complaint"].recall == 0.5
    assert report.categories["enquiry"].precision == 0.5
    assert report.confusion["complaint"]["enquiry"] == 1
    assert report.flags["escalation"].precision == 0.5 and report.flags["escalation"].recall == 1.0
    # macro-F1 averages the categories present in the gold labels only
    assert report.macro_f1 == round((2 / 3 + 2 / 3) / 2, 4)


def test_brier_is_zero_when_certain_and_right() -> None:
    certain = {label: float(label == "complaint") for label in LABELS}
    assert brier_score(["complaint"], [certain]) == 0.0
    assert brier_score(["enquiry"], [certain]) == 2.0


def test_reliability_bins() -> None:
    bins = reliability_table([True, False, True], [0.95, 0.55, 1.0])
    assert len(bins) == 10
    assert bins[9].count == 2 and bins[9].accuracy == 1.0
    assert bins[5].count == 1 and bins[5].accuracy == 0.0
