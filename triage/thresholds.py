"""Review thresholds: below its category's threshold a prediction goes to staff before it is acted on.

A complaint acknowledged as something else starts no Complaint Handling Code clock; a reviewer
clearing a false alarm costs a minute. So the threshold of each non-complaint category is set from
out-of-fold predictions on the training corpus to the lowest value that sends to review every
complaint the model mistook for that category, except the `LEAK_RATE` share it was most sure of
(blocking those would send nearly everything to review). Predictions in a language other than
English need at least `OTHER_LANGUAGE_THRESHOLD`: the model has seen far fewer of them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from triage.labels import LABELS, Label

REVIEW_THRESHOLD = 0.6  # any category without its own threshold
COMPLAINT_THRESHOLD = 0.5  # a doubtful complaint is still acknowledged as one: the cheap mistake
FLOOR, CEILING = 0.5, 0.99
LEAK_RATE = 0.01
OTHER_LANGUAGE_THRESHOLD = 0.85
# Tuned by `doorstep triage train` (model.json "thresholds") for the bundled model.
DEFAULT_THRESHOLDS: dict[str, float] = {
    "complaint": 0.5,
    "service_request": 0.91,
    "asb_report": 0.71,
    "compliment": 0.83,
    "feedback": 0.81,
    "enquiry": 0.77,
}


def needs_review(
    category: str,
    confidence: float,
    language: str | None,
    thresholds: Mapping[str, float] = DEFAULT_THRESHOLDS,
    default: float = REVIEW_THRESHOLD,
    other_language: float = OTHER_LANGUAGE_THRESHOLD,
) -> bool:
    """Whether a prediction should wait for staff review before it is acted on."""
    threshold = thresholds.get(category, default)
    if language not in (None, "en"):
        threshold = max(threshold, other_language)
    return confidence < threshold


def round_up(value: float) -> float:
    return min(CEILING, max(FLOOR, math.ceil(value * 100 + 1e-9) / 100))


def tune_thresholds(gold: np.ndarray, proba: np.ndarray) -> dict[str, float]:
    """Per-category thresholds from out-of-fold probabilities (columns in LABELS order)."""
    pred = np.asarray(LABELS)[proba.argmax(axis=1)]
    confidence = proba.max(axis=1)
    complaint = Label.COMPLAINT.value
    missed = np.flatnonzero((gold == complaint) & (pred != complaint))
    allowed = math.floor(LEAK_RATE * int(np.sum(gold == complaint)))
    blocked = missed[np.argsort(-confidence[missed])][allowed:]
    thresholds = {complaint: COMPLAINT_THRESHOLD}
    for label in LABELS:
        if label == complaint:
            continue
        here = [confidence[i] for i in blocked if pred[i] == label]
        thresholds[label] = round_up(max(here) + 0.005) if here else FLOOR
    return thresholds


def leak_and_review(gold: list[str], pred: list[str], review: list[bool]) -> dict[str, int]:
    """Complaints acknowledged as something else without review, and messages sent to review."""
    leaked = sum(g == "complaint" != p and not r for g, p, r in zip(gold, pred, review))
    return {"complaints": gold.count("complaint"), "complaints_auto_acknowledged_as_other": leaked,
            "sent_to_review": sum(review), "messages": len(gold)}
