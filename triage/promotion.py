"""Promoting a newly trained model only if it is no worse on the held-out set than the current one.

"No worse" means: macro-F1 and complaint recall both at least the current model's (a missed
complaint costs far more than a false alarm), each within a small tolerance for rounding.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from triage.corpus_io import load_corpus
from triage.evaluation import EvaluationReport, evaluate
from triage.model import Triager, TriageInput

TOLERANCE = 0.0005


@dataclass(frozen=True)
class Verdict:
    promoted: bool
    reason: str
    candidate: EvaluationReport
    current: EvaluationReport | None


def score_model(model: Path, holdout: Path) -> EvaluationReport:
    """Evaluate the model file ``model`` on the labelled ``holdout`` file."""
    examples = load_corpus([holdout])
    triager = Triager.load(model)
    inputs = [TriageInput(e.text, e.subject, e.channel, e.received_at) for e in examples]
    return evaluate(examples, triager.classify_batch(inputs), triager.version)


def complaint_recall(report: EvaluationReport) -> float:
    return report.categories["complaint"].recall


def judge(candidate: EvaluationReport, current: EvaluationReport | None) -> tuple[bool, str]:
    """Whether ``candidate`` may replace ``current``, and why."""
    if current is None:
        return True, "no current model"
    worse = []
    if candidate.macro_f1 + TOLERANCE < current.macro_f1:
        worse.append(f"macro-F1 {candidate.macro_f1:.3f} < {current.macro_f1:.3f}")
    if complaint_recall(candidate) + TOLERANCE < complaint_recall(current):
        worse.append(f"complaint recall {complaint_recall(candidate):.3f} < "
                     f"{complaint_recall(current):.3f}")
    if worse:
        return False, "worse on the held-out set: " + "; ".join(worse)
    return True, (f"no worse: macro-F1 {candidate.macro_f1:.3f} (was {current.macro_f1:.3f}), "
                  f"complaint recall {complaint_recall(candidate):.3f} "
                  f"(was {complaint_recall(current):.3f})")


def promote_if_no_worse(candidate: Path, current: Path, holdout: Path) -> Verdict:
    """Replace ``current`` (and its .json) with ``candidate`` only if it is no worse on ``holdout``."""
    new = score_model(candidate, holdout)
    old = score_model(current, holdout) if current.exists() else None
    promoted, reason = judge(new, old)
    if promoted:
        shutil.copyfile(candidate, current)
        if candidate.with_suffix(".json").exists():
            shutil.copyfile(candidate.with_suffix(".json"), current.with_suffix(".json"))
    return Verdict(promoted, reason, new, old)
