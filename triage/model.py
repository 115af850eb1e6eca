"""The runtime triager: loads the bundled model and turns an inbound message into a TriageResult."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import skops.io as sio

from triage.features import compose, describe_terms, term_contributions
from triage.flags import FlagInput, detect_flags
from triage.labels import Label
from triage.language import detect_language, warm_up

DEFAULT_MODEL_PATH = Path(__file__).parent / "data" / "model.skops"
# Only these modules may be instantiated from a model file (skops refuses anything else).
TRUSTED_PREFIXES: tuple[str, ...] = ("sklearn.", "numpy.", "scipy.sparse.", "builtins.")


class ModelError(RuntimeError):
    """The model file is missing, untrusted or not a Doorstep triage model."""


@dataclass(frozen=True)
class TriageInput:
    """One message to classify."""

    text: str
    subject: str | None = None
    channel: str | None = None  # any string accepted
    received_at: datetime | None = None  # aware UTC; None means "now" for date resolution


@dataclass(frozen=True)
class TriageResult:
    """The category, its probability, the flags and why."""

    category: Label
    confidence: float  # probability of the chosen category
    probabilities: dict[str, float]  # all six labels, sum 1, rounded to 4 dp
    flags: tuple[str, ...]  # sorted Flag values
    reasons: tuple[str, ...]
    model_version: str
    language: str | None


def read_model_file(path: Path) -> dict:
    """Load a skops model bundle, trusting only scikit-learn, numpy and scipy types."""
    if not path.is_file():
        raise ModelError(f"no triage model at {path}; run `doorstep triage train` first")
    untrusted = sio.get_untrusted_types(file=path)
    refused = [name for name in untrusted if not name.startswith(TRUSTED_PREFIXES)]
    if refused:
        raise ModelError(f"{path}: refusing to load untrusted types {refused}")
    bundle = sio.load(path, trusted=untrusted)
    if not isinstance(bundle, dict) or "pipeline" not in bundle:
        raise ModelError(f"{path}: not a Doorstep triage model")
    return bundle


def explanation_weights(classifier) -> np.ndarray:
    """Per-class linear weights, centred across classes, from a (calibrated) linear model."""
    if hasattr(classifier, "calibrated_classifiers_"):
        coef = np.mean([c.estimator.coef_ for c in classifier.calibrated_classifiers_], axis=0)
    else:
        coef = classifier.coef_
    return np.asarray(coef - coef.mean(axis=0), dtype=np.float64)


def rounded_probabilities(labels: Sequence[str], row: np.ndarray) -> dict[str, float]:
    """All six labels' probabilities to 4 dp, the largest absorbing the rounding error."""
    probs = {label.value: 0.0 for label in Label}
    probs.update({label: round(float(p), 4) for label, p in zip(labels, row)})
    top = max(probs, key=probs.__getitem__)
    probs[top] = round(1.0 - sum(p for k, p in probs.items() if k != top), 4)
    return probs


class Triager:
    """A loaded model: classify messages one at a time or in batches."""

    def __init__(self, pipeline, version: str) -> None:
        self.version = version
        self._features = pipeline.named_steps["features"]
        self._classifier = pipeline.named_steps["classifier"]
        self._labels = [str(c) for c in self._classifier.classes_]
        self._names = self._features.get_feature_names_out()
        self._weights = explanation_weights(self._classifier)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Triager:
        """Load a model file (default: the bundled triage/data/model.skops)."""
        bundle = read_model_file(Path(path) if path else DEFAULT_MODEL_PATH)
        warm_up()
        return cls(bundle["pipeline"], str(bundle.get("version", "unknown")))

    def classify(self, inp: TriageInput) -> TriageResult:
        """Classify one message."""
        return self.classify_batch([inp])[0]

    def classify_batch(self, inputs: Sequence[TriageInput]) -> list[TriageResult]:
        """Classify many messages with one vectoriser and model call."""
        if not inputs:
            return []
        matrix = self._features.transform([compose(i.subject, i.text) for i in inputs])
        proba = self._classifier.predict_proba(matrix)
        return [self._result(inp, matrix[n], proba[n]) for n, inp in enumerate(inputs)]

    def _result(self, inp: TriageInput, row, proba: np.ndarray) -> TriageResult:
        best = int(np.argmax(proba))
        category = Label(self._labels[best])
        contributions = term_contributions(row, self._weights[best])
        reasons = describe_terms(contributions, self._names, category.value)
        message = FlagInput(inp.text, inp.subject, category, inp.received_at)
        found = detect_flags(message)
        reasons += [f"rule: {evidence} → {flag.value}" for flag, evidence in found]
        probabilities = rounded_probabilities(self._labels, proba)
        return TriageResult(
            category=category,
            confidence=probabilities[category.value],
            probabilities=probabilities,
            flags=tuple(sorted(flag.value for flag, _ in found)),
            reasons=tuple(reasons),
            model_version=self.version,
            language=detect_language(f"{inp.subject or ''}\n{inp.text}"),
        )
