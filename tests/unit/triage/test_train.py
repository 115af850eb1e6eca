"""Training helpers: version strings, candidate choice and fold scoring."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from triage.train import CVScores, best_candidate, default_version, fold_scores

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def test_default_version_counts_up_within_a_day(tmp_path: Path) -> None:
    out = tmp_path / "model.skops"
    assert default_version(out, NOW) == "2026.11.22-1"
    out.with_suffix(".json").write_text(json.dumps({"version": "2026.11.22-1"}))
    assert default_version(out, NOW) == "2026.11.22-2"
    out.with_suffix(".json").write_text(json.dumps({"version": "2026.11.21-4"}))
    assert default_version(out, NOW) == "2026.11.22-1"


def test_best_candidate_prefers_macro_f1_then_complaint_recall() -> None:
    results = {
        "a": CVScores(0.80, 0.99, 0.8, 0.2),  # too far below the best macro-F1
        "b": CVScores(0.85, 0.90, 0.8, 0.3),
        "c": CVScores(0.845, 0.95, 0.8, 0.3),  # within tolerance, better complaint recall
        "d": CVScores(0.845, 0.95, 0.8, 0.25),  # same again, better Brier
    }
    assert best_candidate(results) == "d"


def test_fold_scores() -> None:
    gold = np.array(["complaint", "complaint", "enquiry"])
    proba = np.array([[0.9, 0.1], [0.2, 0.8], [0.1, 0.9]])
    scores = fold_scores(gold, proba, ["complaint", "enquiry"])
    assert scores.complaint_recall == 0.5
    assert round(scores.accuracy, 4) == round(2 / 3, 4)
    assert round(scores.macro_f1, 4) == round((2 / 3 + 2 / 3) / 2, 4)
