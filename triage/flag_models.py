"""Learned flag detectors: one logistic regression per flag over the category model's features.

The rules in `triage.rules` catch the phrasings they were written for; a learned detector also
catches wordings they miss ("fumes from the boiler", "sparks off the plug"). A flag fires when its
rule fires or its learned probability reaches the flag's threshold, chosen on out-of-fold
predictions over the training corpus. For the flags whose misses are costly — `urgent_hazard`,
`escalation`, `designated_person` — the detector is a safety net in its own right: its threshold
maximises its own F2 (recall counts double), because the rules, written from the training text,
look better on it than on new text. For the rest it is kept only where it completes the rules,
at the threshold that maximises the F1 of rules or detector.
The category gates of the rules apply to the learned detectors too (a service request never
carries `also_service_request`), and the reason names the words that weighed most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from triage.labels import Flag, Label

MIN_POSITIVES = 15  # fewer examples than this and the flag keeps its rules only
CV_FOLDS = 5
SEED = 0
RECALL_FIRST = frozenset({Flag.URGENT_HAZARD, Flag.ESCALATION, Flag.DESIGNATED_PERSON})
MAX_TERMS = 3
# Categories in which a learned detector may raise each flag (None: any category).
GATES: dict[Flag, frozenset[Label] | None] = {
    Flag.ALSO_SERVICE_REQUEST: frozenset(Label) - {Label.SERVICE_REQUEST},
    Flag.ESCALATION: frozenset({Label.COMPLAINT, Label.FEEDBACK}),
    Flag.LEGAL_ACTION: frozenset({Label.COMPLAINT, Label.SERVICE_REQUEST, Label.ASB_REPORT}),
    Flag.OUT_OF_TIME: frozenset(),  # dates are resolved by triage.dates, never guessed
    Flag.ABUSIVE: frozenset(Label) - {Label.ASB_REPORT},
}


@dataclass(frozen=True)
class FlagModel:
    """Weights over the joined feature space, an intercept and the firing threshold."""

    coef: np.ndarray
    intercept: float
    threshold: float

    def probabilities(self, matrix) -> np.ndarray:
        """Probabilities for every row of a sparse feature matrix."""
        return 1.0 / (1.0 + np.exp(-(matrix @ self.coef + self.intercept)))

    def terms(self, index: np.ndarray, values: np.ndarray, names: Sequence[str]) -> list[str]:
        """The readable words that pushed this flag up most."""
        scores = values * self.coef[index]
        out: list[str] = []
        for i in np.argsort(-scores):
            kind, _, term = str(names[index[i]]).partition("__")
            if scores[i] <= 0 or len(out) >= MAX_TERMS:
                break
            if kind == "word" and not any(term in t or t in term for t in out):
                out.append(term)
        return out

    def to_dict(self) -> dict:
        """The form stored in the model file (numpy arrays and floats only)."""
        return {"coef": self.coef, "intercept": float(self.intercept),
                "threshold": float(self.threshold)}

    @classmethod
    def from_dict(cls, data: dict) -> FlagModel:
        return cls(np.asarray(data["coef"], dtype=np.float64), float(data["intercept"]),
                   float(data["threshold"]))


def allowed(flag: Flag, category: Label) -> bool:
    """Whether a learned detector may raise ``flag`` on a message of ``category``."""
    gate = GATES.get(flag)
    return gate is None or category in gate


def best_threshold(gold: np.ndarray, proba: np.ndarray, beta: float) -> tuple[float, float]:
    """(threshold, F-beta) maximising F-beta over the distinct out-of-fold probabilities."""
    best = (0.5, 0.0)
    for t in np.unique(np.round(proba, 3)):
        f = fbeta(gold, proba >= t, beta)
        if f > best[1]:
            best = (float(t), f)
    return best


def logistic():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=10, class_weight="balanced", tol=1e-3, max_iter=500)


def out_of_fold(matrix, gold: np.ndarray) -> np.ndarray:
    """Out-of-fold probabilities of a flag from stratified k-fold fits."""
    from sklearn.model_selection import StratifiedKFold

    proba = np.zeros(len(gold))
    splitter = StratifiedKFold(n_splits=CV_FOLDS, shuffle=True, random_state=SEED)
    for train_idx, test_idx in splitter.split(np.zeros(len(gold)), gold):
        model = logistic().fit(matrix[train_idx], gold[train_idx])
        proba[test_idx] = model.predict_proba(matrix[test_idx])[:, 1]
    return proba


def combined_threshold(
    gold: np.ndarray, proba: np.ndarray, rules: np.ndarray, beta: float
) -> tuple[float | None, float, float]:
    """(threshold or None, F-beta of rules or detector, F-beta of the rules alone).

    The detector fires only where the rules did not, so its threshold is the one that best
    completes the rules; None when no threshold improves on the rules alone.
    """
    alone = fbeta(gold, rules, beta)
    best: tuple[float | None, float] = (None, alone)
    for t in np.unique(np.round(proba, 3)):
        f = fbeta(gold, rules | (proba >= t), beta)
        if f > best[1] + 1e-9:
            best = (float(t), f)
    return best[0], best[1], alone


def fbeta(gold: np.ndarray, pred: np.ndarray, beta: float) -> float:
    tp = float(np.sum(pred & gold))
    if not tp:
        return 0.0
    p, r = tp / pred.sum(), tp / gold.sum()
    return (1 + beta**2) * p * r / (beta**2 * p + r)


def fit_flag_models(
    matrix, flag_sets: Sequence[Sequence[Flag]], rule_sets: Sequence[Sequence[Flag]] | None = None
) -> tuple[dict[Flag, FlagModel], dict[str, dict]]:
    """One detector per flag that completes its rules, and out-of-fold scores for model.json.

    ``rule_sets`` are the flags the rules raised on each training message (given its gold
    category); without them each detector is judged alone.
    """
    models: dict[Flag, FlagModel] = {}
    report: dict[str, dict] = {}
    for flag in Flag:
        if GATES.get(flag) == frozenset():
            continue
        gold = np.array([flag in flags for flags in flag_sets])
        if gold.sum() < MIN_POSITIVES:
            report[flag.value] = {"positives": int(gold.sum()), "learned": False}
            continue
        beta = 2.0 if flag in RECALL_FIRST else 1.0
        rules = np.array([flag in found for found in (rule_sets or [()] * len(gold))])
        proba = out_of_fold(matrix, gold)
        threshold, combined, alone = combined_threshold(gold, proba, rules, beta)
        if flag in RECALL_FIRST:
            threshold = best_threshold(gold, proba, beta)[0]
            combined = fbeta(gold, rules | (proba >= threshold), beta)
        entry = {"positives": int(gold.sum()), "learned": threshold is not None,
                 f"cv_f{beta:g}_rules": round(alone, 4), f"cv_f{beta:g}_with_detector":
                 round(combined, 4)}
        report[flag.value] = entry
        if threshold is None:
            continue
        fitted = logistic().fit(matrix, gold)
        models[flag] = FlagModel(np.asarray(fitted.coef_[0], dtype=np.float64),
                                 float(fitted.intercept_[0]), threshold)
        entry["threshold"] = round(threshold, 3)
    return models, report
