"""The runtime triager: loads the bundled model and turns an inbound message into a TriageResult."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

import numpy as np

from triage.context import EarlierContact, reweigh, weigh
from triage.features import compose, describe_terms, term_contributions
from triage.flag_models import FlagModel, allowed
from triage.flags import FlagInput, detect_flags
from triage.labels import Flag, Label
from triage.language import detect_language, identifier, warm_up
from triage.model_file import ModelError, read_model_file
from triage.rule_engine import compile_every_table
from triage.scoring import LinearScorer

DEFAULT_MODEL_PATH = Path(__file__).parent / "data" / "model.skops"
__all__ = ["DEFAULT_MODEL_PATH", "ModelError", "TriageInput", "TriageResult", "Triager"]


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


def unpack_flag_models(bundle: dict) -> dict[Flag, FlagModel]:
    """The learned flag detectors of a bundle."""
    stored = bundle.get("flag_models") or {}
    return {Flag(name): FlagModel.from_dict(data) for name, data in stored.items()}


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

    def __init__(self, bundle: dict, flag_models: dict[Flag, FlagModel] | None = None) -> None:
        """A triager from a model bundle (see `triage.model_file`); ``flag_models`` replaces the
        bundle's learned flag detectors when given."""
        self.version = str(bundle.get("version", "unknown"))
        try:
            self._scorer = LinearScorer(bundle)
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(f"unsupported triage model: {e!r}") from e
        self._labels = self._scorer.classes
        self._names = self._scorer.feature_names()
        # Explanations use each class's weights relative to the mean over classes.
        self._weights = self._scorer.coef - self._scorer.coef.mean(axis=0)
        self._flag_models = dict(unpack_flag_models(bundle) if flag_models is None else flag_models)
        # All the learned detectors' weights side by side: one gather scores them all.
        models = list(self._flag_models.values())
        self._flag_weights = np.column_stack([m.coef for m in models]) if models else None
        self._flag_bias = np.array([m.intercept for m in models])

    @classmethod
    def load(cls, path: str | Path | None = None) -> Triager:
        """Load a model file (default: the bundled triage/data/model.skops)."""
        bundle = read_model_file(Path(path) if path else DEFAULT_MODEL_PATH)
        warm_up()
        compile_every_table()
        return cls(bundle)

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
        learned = self._flag_probabilities(index, values)
        for (flag, model), p in zip(self._flag_models.items(), learned):
            if flag in found or not allowed(flag, category):
                continue
            if p >= model.threshold:
                words = ", ".join(f'"{t}"' for t in model.terms(index, values, self._names))
                found[flag] = f"learned p={p:.2f}" + (f" from {words}" if words else "")
        if (evidence is not None and evidence.complaint_follow_up and category is Label.COMPLAINT
                and Flag.ESCALATION not in found):
            found[Flag.ESCALATION] = f"follows up complaint {evidence.complaint_follow_up}"
        return sorted(found.items(), key=lambda pair: pair[0].value)

    def _flag_probabilities(self, index: np.ndarray, values: np.ndarray) -> list[float]:
        """Each learned detector's probability for the message, in `_flag_models` order."""
        if self._flag_weights is None:
            return []
        z = values @ self._flag_weights[index] + self._flag_bias
        return (1.0 / (1.0 + np.exp(-z))).tolist()

    def _reasons(self, index, values, best: int, found) -> tuple[str, ...]:
        """The top terms for the chosen class, then the rules and detectors that fired."""
        contributions = term_contributions(index, values, self._weights[best])
        terms = describe_terms(contributions, self._names, self._labels[best])
        return tuple(terms + [flag_reason(flag, evidence) for flag, evidence in found])

    def classify_batch(self, inputs: Sequence[TriageInput], workers: int = 1) -> list[TriageResult]:
        """Classify many messages, in order; each result is exactly what `classify` returns.

        The calibrator runs once per chunk of messages (a chunk's features are held at once,
        ~10 kB a message); flags, language and reasons are per message and dominate the time.
        With ``workers`` > 1 a long batch is shared among that many forked processes, which
        inherit the loaded model (where the platform can fork; otherwise one process does it).
        """
        if workers > 1 and len(inputs) >= PARALLEL_MIN and "fork" in get_all_start_methods():
            return self._classify_forked(inputs, workers)
        results: list[TriageResult] = []
        for start in range(0, len(inputs), CHUNK):
            batch = inputs[start : start + CHUNK]
            vectors = [self._scorer.vectorise(compose(inp.subject, inp.text)) for inp in batch]
            probabilities = self._scorer.probabilities_many(vectors)
            results += [
                self._result(inp, index, values, proba)
                for inp, (index, values), proba in zip(batch, vectors, probabilities)
            ]
        return results

    def _classify_forked(self, inputs: Sequence[TriageInput], workers: int) -> list[TriageResult]:
        """`classify_batch` over forked processes, a chunk at a time, results in order."""
        identifier()  # loaded before forking, so no child inherits the loading thread's lock
        _FORKED[:] = [self, inputs]
        try:
            ranges = [(start, start + CHUNK) for start in range(0, len(inputs), CHUNK)]
            with ProcessPoolExecutor(min(workers, len(ranges)), get_context("fork")) as pool:
                return [result for part in pool.map(_classify_range, ranges) for result in part]
        finally:
            _FORKED.clear()


CHUNK = 256  # messages scored together; also the unit of work of a forked process
PARALLEL_MIN = 2 * CHUNK  # shorter batches are not worth starting processes for
_FORKED: list = []  # [triager, inputs] while a forked batch runs: children inherit them


def _classify_range(bounds: tuple[int, int]) -> list[TriageResult]:
    """In a forked child: classify the parent's inputs[start:end] with the parent's triager."""
    triager, inputs = _FORKED
    return triager.classify_batch(inputs[bounds[0] : bounds[1]])
