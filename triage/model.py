"""The runtime triager: loads the bundled model and turns an inbound message into a TriageResult."""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import skops.io as sio

from triage.context import EarlierContact, reweigh, weigh
from triage.features import compose, describe_terms, term_contributions
from triage.flag_models import FlagModel, allowed
from triage.flags import FlagInput, detect_flags
from triage.labels import Flag, Label
from triage.language import detect_language, warm_up
from triage.scoring import LinearScorer

DEFAULT_MODEL_PATH = Path(__file__).parent / "data" / "model.skops"
# Only these modules may be instantiated from a model file (skops refuses anything else).
TRUSTED_PREFIXES: tuple[str, ...] = ("sklearn.", "numpy.", "scipy.sparse.", "builtins.")
FORMAT = "doorstep-triage/1"


class ModelError(RuntimeError):
    """The model file is missing, untrusted or not a Doorstep triage model."""


@dataclass(frozen=True)
class TriageInput:
    """One message to classify."""

    text: str
    subject: str | None = None
    channel: str | None = None  # any string accepted
    received_at: datetime | None = None  # aware UTC; None means "now" for date resolution
    earlier: tuple[EarlierContact, ...] = ()  # the resident's earlier contacts, newest first


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


def pack_bundle(pipeline, version: str, flag_models: dict | None = None) -> dict:
    """The dict saved to model.skops, each vocabulary stored as a term array.

    skops writes a dict attribute such as `vocabulary_` as verbose JSON (~40 MB here, seconds to
    parse); a numpy string array is a compact .npy member. The given pipeline is not changed.
    """
    packed = copy.deepcopy(pipeline)
    vocabularies = {}
    for name, vectoriser in packed.named_steps["features"].transformer_list:
        vocabularies[name] = np.asarray(vectoriser.get_feature_names_out(), dtype=str)
        del vectoriser.vocabulary_
    flags = {str(flag): model.to_dict() for flag, model in (flag_models or {}).items()}
    return {"format": FORMAT, "version": version, "pipeline": packed, "vocabularies": vocabularies,
            "flag_models": flags}


def unpack_bundle(bundle: dict):
    """Restore each vectoriser's vocabulary from its term array and return the pipeline."""
    pipeline = bundle["pipeline"]
    for name, vectoriser in pipeline.named_steps["features"].transformer_list:
        terms = bundle["vocabularies"][name]
        vectoriser.vocabulary_ = {str(term): index for index, term in enumerate(terms)}
    return pipeline


def write_model_file(pipeline, version: str, path: Path, flag_models: dict | None = None) -> None:
    """Save a pipeline and its learned flag detectors as a compressed skops bundle (never pickle)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(pack_bundle(pipeline, version, flag_models), path, compression=zipfile.ZIP_DEFLATED)


def unpack_flag_models(bundle: dict) -> dict[Flag, FlagModel]:
    """The learned flag detectors of a bundle (none in a model file from before they existed)."""
    stored = bundle.get("flag_models") or {}
    return {Flag(name): FlagModel.from_dict(data) for name, data in stored.items()}


def read_model_file(path: Path) -> dict:
    """Load a skops model bundle, trusting only scikit-learn, numpy and scipy types."""
    if not path.is_file():
        raise ModelError(f"no triage model at {path}; run `doorstep triage train` first")
    untrusted = sio.get_untrusted_types(file=path)
    refused = [name for name in untrusted if not name.startswith(TRUSTED_PREFIXES)]
    if refused:
        raise ModelError(f"{path}: refusing to load untrusted types {refused}")
    bundle = sio.load(path, trusted=untrusted)
    if not isinstance(bundle, dict) or bundle.get("format") != FORMAT:
        raise ModelError(f"{path}: not a Doorstep triage model ({FORMAT})")
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


def flag_reason(flag: Flag, evidence: str) -> str:
    """How a flag's evidence is shown to staff: which rule or detector raised it, and on what."""
    kind = "detector" if evidence.startswith("learned ") else "rule"
    if evidence.startswith("follows up "):
        kind = "context"
    return f"{kind}: {evidence} → {flag.value}"


class Triager:
    """A loaded model: classify messages one at a time or in batches."""

    def __init__(self, pipeline, version: str, flag_models: dict | None = None) -> None:
        self.version = version
        features = pipeline.named_steps["features"]
        classifier = pipeline.named_steps["classifier"]
        try:
            self._scorer = LinearScorer(features, classifier)
        except (AttributeError, ValueError) as e:
            raise ModelError(f"unsupported triage model: {e}") from e
        self._labels = [str(c) for c in classifier.classes_]
        self._names = features.get_feature_names_out()
        self._weights = explanation_weights(classifier)
        self._flag_models: dict[Flag, FlagModel] = dict(flag_models or {})

    @classmethod
    def load(cls, path: str | Path | None = None) -> Triager:
        """Load a model file (default: the bundled triage/data/model.skops)."""
        bundle = read_model_file(Path(path) if path else DEFAULT_MODEL_PATH)
        warm_up()
        return cls(unpack_bundle(bundle), str(bundle.get("version", "unknown")),
                   unpack_flag_models(bundle))

    def classify(self, inp: TriageInput) -> TriageResult:
        """Classify one message (about a millisecond, plus the flag rules)."""
        index, values = self._scorer.vectorise(compose(inp.subject, inp.text))
        return self._result(inp, index, values, self._scorer.probabilities(index, values))

    def _result(self, inp: TriageInput, index, values, proba: np.ndarray) -> TriageResult:
        """The result for one message from its features and model probabilities."""
        evidence = weigh(inp.text, inp.received_at, inp.earlier) if inp.earlier else None
        if evidence is not None:
            proba = reweigh(proba, self._labels, evidence.odds)
        best = int(np.argmax(proba))
        category = Label(self._labels[best])
        found = self._flags(inp, category, index, values, evidence)
        probabilities = rounded_probabilities(self._labels, proba)
        reason = evidence.reason() if evidence is not None else None
        return TriageResult(
            category=category,
            confidence=probabilities[category.value],
            probabilities=probabilities,
            flags=tuple(sorted(flag.value for flag, _ in found)),
            reasons=self._reasons(index, values, best, found) + ((reason,) if reason else ()),
            model_version=self.version,
            language=detect_language(f"{inp.subject or ''}\n{inp.text}"),
        )

    def _flags(self, inp: TriageInput, category: Label, index, values, evidence):
        """Rule evidence, then learned detectors for flags no rule raised, then the history."""
        found = dict(detect_flags(FlagInput(inp.text, inp.subject, category, inp.received_at)))
        for flag, model in self._flag_models.items():
            if flag in found or not allowed(flag, category):
                continue
            p = model.probability(index, values)
            if p >= model.threshold:
                words = ", ".join(f'"{t}"' for t in model.terms(index, values, self._names))
                found[flag] = f"learned p={p:.2f}" + (f" from {words}" if words else "")
        if (evidence is not None and evidence.complaint_follow_up and category is Label.COMPLAINT
                and Flag.ESCALATION not in found):
            found[Flag.ESCALATION] = f"follows up complaint {evidence.complaint_follow_up}"
        return sorted(found.items(), key=lambda pair: pair[0].value)

    def _reasons(self, index, values, best: int, found) -> tuple[str, ...]:
        """The top terms for the chosen class, then the rules and detectors that fired."""
        contributions = term_contributions(index, values, self._weights[best])
        terms = describe_terms(contributions, self._names, self._labels[best])
        return tuple(terms + [flag_reason(flag, evidence) for flag, evidence in found])

    def classify_batch(self, inputs: Sequence[TriageInput]) -> list[TriageResult]:
        """Classify many messages, in order; each result is exactly what `classify` returns.

        The calibrator runs once per chunk of messages (a chunk's features are held at once,
        ~10 kB a message); flags, language and reasons are per message and dominate the time.
        """
        chunk, results = 256, []
        for start in range(0, len(inputs), chunk):
            batch = inputs[start : start + chunk]
            vectors = [self._scorer.vectorise(compose(inp.subject, inp.text)) for inp in batch]
            probabilities = self._scorer.probabilities_many(vectors)
            results += [
                self._result(inp, index, values, proba)
                for inp, (index, values), proba in zip(batch, vectors, probabilities)
            ]
        return results
