"""The runtime triager: loads the bundled model and turns an inbound message into a TriageResult."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

import numpy as np

from triage.context import ContextEvidence, EarlierContact, reweigh, weigh
from triage.features import compose, describe_terms, term_contributions
from triage.flag_models import FlagModel, allowed
from triage.flags import FlagInput, detect_also_service_request, detect_flags
from triage.labels import Flag, Label
from triage.language import detect_language, identifier, warm_up
from triage.model_file import ModelError, read_model_file
from triage.rule_engine import compile_every_table
from triage.scoring import LinearScorer, Rows, Vector

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


RUNNER_UPS = (Label.COMPLAINT, Label.ASB_REPORT)  # what a service request may yet be, for its flags
RUNNER_UP = 0.1  # the probability at which a service request is judged as its runner-up too
LABEL_VALUES = tuple(label.value for label in Label)  # in Label's order (iterating it is slow)


def rounded_probabilities(labels: Sequence[str], row: np.ndarray) -> dict[str, float]:
    """All six labels' probabilities to 4 dp, the largest absorbing the rounding error."""
    probs = dict.fromkeys(LABEL_VALUES, 0.0)
    probs.update(zip(labels, [round(p, 4) for p in map(float, row)]))
    top = max(probs, key=probs.__getitem__)
    probs[top] = round(1.0 - sum(p for k, p in probs.items() if k != top), 4)
    return probs


def flag_reason(flag: Flag, evidence: str) -> str:
    """How a flag's evidence is shown to staff: which rule or detector raised it, and on what."""
    kind = "detector" if evidence.startswith("learned ") else "rule"
    if evidence.startswith("follows up "):
        kind = "context"
    return f"{kind}: {evidence} → {flag.value}"


@dataclass(frozen=True)
class Decision:
    """A message's category: its model probabilities, reweighed by any earlier contacts."""

    proba: np.ndarray
    best: int  # index of the category in the classifier's classes
    category: Label
    evidence: ContextEvidence | None


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
        self._names = self._scorer.feature_names().tolist()  # read by index ~40 times a message
        # Explanations use each class's weights relative to the mean over classes.
        self._weights = self._scorer.coef - self._scorer.coef.mean(axis=0)
        self._flag_models = dict(unpack_flag_models(bundle) if flag_models is None else flag_models)
        # All the learned detectors' weights, a row each: one gather scores them all.
        models = list(self._flag_models.values())
        self._flag_weights = np.array([m.coef for m in models]) if models else None
        self._flag_bias = np.array([m.intercept for m in models])
        self._runner_up_columns = [(self._labels.index(label.value), label) for label in RUNNER_UPS
                                   if label.value in self._labels]

    @classmethod
    def load(cls, path: str | Path | None = None) -> Triager:
        """Load a model file (default: the bundled triage/data/model.skops)."""
        bundle = read_model_file(Path(path) if path else DEFAULT_MODEL_PATH)
        warm_up()
        compile_every_table()
        return cls(bundle)

    def classify(self, inp: TriageInput) -> TriageResult:
        """Classify one message (about a millisecond, plus the flag rules): as a batch of one, so
        that its numbers are exactly those `classify_batch` gives."""
        return self._classify_chunk([inp])[0]

    def _classify_chunk(self, batch: Sequence[TriageInput]) -> list[TriageResult]:
        """The results of a few messages, each step taken for them all before the next.

        Features, probabilities and learned flag probabilities are computed for all the messages
        at once; then come each message's category, language (which the flags use), flags and
        reasons. Taking one step for every message keeps its tables (flag rules, language model)
        in the processor's caches: about a tenth faster than finishing each message before
        starting the next.
        """
        rows = self._scorer.vectorise_many([compose(inp.subject, inp.text) for inp in batch])
        vectors = [rows.row(i) for i in range(len(batch))]
        learned = self._flag_probabilities(rows)
        decisions = [self._decide(inp, proba)
                     for inp, proba in zip(batch, self._scorer.probabilities_many(rows))]
        languages = [detect_language(f"{inp.subject or ''}\n{inp.text}") for inp in batch]
        found = [self._flags(inp, decision, vector, p, language) for inp, decision, vector, p,
                 language in zip(batch, decisions, vectors, learned, languages)]
        reasons = [self._reasons(vector, decision, flags)
                   for vector, decision, flags in zip(vectors, decisions, found)]
        return [self._result(*parts) for parts in zip(decisions, found, reasons, languages)]

    def _decide(self, inp: TriageInput, proba: np.ndarray) -> Decision:
        """A message's category from its model probabilities and its earlier contacts."""
        evidence = weigh(inp.text, inp.received_at, inp.earlier) if inp.earlier else None
        if evidence is not None:
            proba = reweigh(proba, self._labels, evidence.odds)
        best = int(np.argmax(proba))
        return Decision(proba, best, Label(self._labels[best]), evidence)

    def _result(self, decision: Decision, found: list[tuple[Flag, str]], reasons: tuple[str, ...],
                language: str | None) -> TriageResult:
        """A message's result from its decision, flags, reasons and language."""
        probabilities = rounded_probabilities(self._labels, decision.proba)
        return TriageResult(
            category=decision.category,
            confidence=probabilities[decision.category.value],
            probabilities=probabilities,
            flags=tuple(sorted(flag.value for flag, _ in found)),
            reasons=reasons,
            model_version=self.version,
            language=language,
        )

    def _flags(self, inp: TriageInput, decision: Decision, vector: Vector, learned: list[float],
               language: str | None = None) -> list[tuple[Flag, str]]:
        """Rule evidence, then learned detectors for flags no rule raised, then the history."""
        category, evidence = decision.category, decision.evidence
        found = dict(detect_flags(
            FlagInput(inp.text, inp.subject, category, inp.received_at, language)))
        for (flag, model), p in zip(self._flag_models.items(), learned):
            if flag in found or not allowed(flag, category):
                continue
            if p >= model.threshold:
                words = ", ".join(f'"{t}"' for t in model.terms(*vector, self._names))
                found[flag] = f"learned p={p:.2f}" + (f" from {words}" if words else "")
        if (evidence is not None and evidence.complaint_follow_up and category is Label.COMPLAINT
                and Flag.ESCALATION not in found):
            found[Flag.ESCALATION] = f"follows up complaint {evidence.complaint_follow_up}"
        if category is Label.SERVICE_REQUEST and (runner_up := self._runner_up(decision)):
            also = detect_also_service_request(
                FlagInput(inp.text, inp.subject, runner_up, inp.received_at, language))
            if also:
                found[Flag.ALSO_SERVICE_REQUEST] = f"if {runner_up.value}: {also}"
        return sorted(found.items(), key=lambda pair: pair[0].value)

    def _runner_up(self, decision: Decision) -> Label | None:
        """For a message taken for a service request, a complaint or ASB report it may yet be.

        Such a message (p ≥ `RUNNER_UP`) is held for review at the default service-request
        threshold; judged as that runner-up for `also_service_request`, a further repair it
        reports is flagged for the reviewer, and is not lost if the reviewer makes it a complaint.
        """
        best = max(self._runner_up_columns, key=lambda pair: decision.proba[pair[0]], default=None)
        return best[1] if best and decision.proba[best[0]] >= RUNNER_UP else None

    def _flag_probabilities(self, rows: Rows) -> list[list[float]]:
        """Each learned detector's probability for each message, in `_flag_models` order."""
        if self._flag_weights is None:
            return [[] for _ in range(len(rows))]
        z = rows.dot(self._flag_weights) + self._flag_bias
        return (1.0 / (1.0 + np.exp(-z))).tolist()

    def _reasons(self, vector: Vector, decision: Decision, found: list[tuple[Flag, str]]
                 ) -> tuple[str, ...]:
        """The top terms for the chosen class, then the rules and detectors that fired, then the
        earlier contacts that weighed."""
        best = decision.best
        terms = describe_terms(term_contributions(*vector, self._weights[best]), self._names,
                               self._labels[best])
        reason = decision.evidence.reason() if decision.evidence is not None else None
        return tuple(terms + [flag_reason(flag, evidence) for flag, evidence in found]
                     + ([reason] if reason else []))

    def classify_batch(self, inputs: Sequence[TriageInput], workers: int = 1) -> list[TriageResult]:
        """Classify many messages, in order; each result is exactly what `classify` returns.

        Features, probabilities and learned flag probabilities are computed a chunk of messages
        at a time (a chunk's features are held at once, ~10 kB a message); flags, language and
        reasons are per message and dominate the time.
        With ``workers`` > 1 a long batch is shared among that many forked processes, which
        inherit the loaded model (where the platform can fork; otherwise one process does it).
        """
        if workers > 1 and len(inputs) >= PARALLEL_MIN and "fork" in get_all_start_methods():
            return self._classify_forked(inputs, workers)
        results: list[TriageResult] = []
        for start in range(0, len(inputs), CHUNK):
            results += self._classify_chunk(inputs[start : start + CHUNK])
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
