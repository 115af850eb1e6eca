"""Scoring a triager against a labelled corpus: categories, flags, Brier score and reliability."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from triage.corpus_io import Example
from triage.labels import FLAGS, LABELS
from triage.model import TriageResult
from triage.thresholds import DEFAULT_THRESHOLDS, leak_and_review, needs_review

RELIABILITY_BINS = 10


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 for one category or flag, with its support."""

    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass(frozen=True)
class ReliabilityBin:
    """Mean confidence against accuracy for the predictions whose confidence falls in a bin."""

    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


@dataclass(frozen=True)
class EvaluationReport:
    """Everything `triage evaluate` prints."""

    model_version: str
    n: int
    accuracy: float
    macro_f1: float
    categories: dict[str, Score]
    confusion: dict[str, dict[str, int]]  # gold → predicted → count
    flags: dict[str, Score]
    brier: float
    reliability: list[ReliabilityBin]
    review: dict[str, int]  # at the review thresholds: complaints leaked, messages held
    languages: dict[str, dict[str, float]]  # "en" / "other": messages, accuracy, sent to review

    def to_dict(self) -> dict:
        """A JSON-ready dict of the report."""
        return asdict(self)


def score(true_positive: int, support: int, predicted: int) -> Score:
    """P/R/F1 from counts (0 where undefined)."""
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(round(precision, 4), round(recall, 4), round(f1, 4), support, predicted)


def category_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Score]:
    """Per-category scores."""
    pairs = list(zip(gold, pred))
    return {
        label: score(
            sum(g == p == label for g, p in pairs), list(gold).count(label), list(pred).count(label)
        )
        for label in LABELS
    }


def macro_f1(scores: dict[str, Score]) -> float:
    """Mean F1 over the categories present in the gold labels."""
    present = [s.f1 for s in scores.values() if s.support]
    return round(sum(present) / len(present), 4) if present else 0.0


def confusion_matrix(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, int]]:
    """Counts of gold label (rows) against predicted label (columns)."""
    matrix = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, pred):
        matrix[g][p] += 1
    return matrix


def flag_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, Score]:
    """Per-flag scores over sets of flags."""
    out = {}
    for flag in FLAGS:
        g = [flag in flags for flags in gold]
        p = [flag in flags for flags in pred]
        out[flag] = score(sum(a and b for a, b in zip(g, p)), sum(g), sum(p))
    return out


def brier_score(gold: Sequence[str], probabilities: Sequence[dict[str, float]]) -> float:
    """Multi-class Brier score: mean over messages of the summed squared error (0 is perfect)."""
    total = sum(
        sum((probs.get(label, 0.0) - (label == g)) ** 2 for label in LABELS)
        for g, probs in zip(gold, probabilities)
    )
    return round(total / len(gold), 4) if gold else 0.0


def reliability_table(correct: Sequence[bool], confidence: Sequence[float]) -> list[ReliabilityBin]:
    """Ten equal-width confidence bins with mean confidence and accuracy in each."""
    bins = []
    for i in range(RELIABILITY_BINS):
        low, high = i / RELIABILITY_BINS, (i + 1) / RELIABILITY_BINS
        inside = [
            (c, ok)
            for c, ok in zip(confidence, correct)
            if low <= c < high or (i == RELIABILITY_BINS - 1 and c == 1.0)
        ]
        mean_conf = sum(c for c, _ in inside) / len(inside) if inside else 0.0
        accuracy = sum(ok for _, ok in inside) / len(inside) if inside else 0.0
        bins.append(ReliabilityBin(low, high, len(inside), round(mean_conf, 4), round(accuracy, 4)))
    return bins


def language_breakdown(
    correct: Sequence[bool], languages: Sequence[str | None], review: Sequence[bool]
) -> dict[str, dict[str, float]]:
    """Accuracy and review rate for English (or undetected) and for other languages."""
    out = {}
    for name in ("en", "other"):
        idx = [i for i, lang in enumerate(languages) if (lang in (None, "en")) == (name == "en")]
        out[name] = {
            "messages": len(idx),
            "accuracy": round(sum(correct[i] for i in idx) / len(idx), 4) if idx else 0.0,
            "sent_to_review": sum(review[i] for i in idx),
        }
    return out


def evaluate(
    examples: Sequence[Example], results: Sequence[TriageResult], model_version: str = "",
    thresholds: Mapping[str, float] = DEFAULT_THRESHOLDS,
) -> EvaluationReport:
    """Compare results with the gold labels and flags of the same examples, in order."""
    gold = [e.label.value for e in examples]
    pred = [r.category.value for r in results]
    languages = [r.language for r in results]
    confidence = [r.confidence for r in results]
    held = [needs_review(p, c, lang, thresholds) for p, c, lang in zip(pred, confidence, languages)]
    categories = category_scores(gold, pred)
    correct = [g == p for g, p in zip(gold, pred)]
    return EvaluationReport(
        model_version=model_version,
        n=len(gold),
        accuracy=round(sum(correct) / len(gold), 4) if gold else 0.0,
        macro_f1=macro_f1(categories),
        categories=categories,
        confusion=confusion_matrix(gold, pred),
        flags=flag_scores(
            [[f.value for f in e.flags] for e in examples],
            [r.flags for r in results],
        ),
        brier=brier_score(gold, [r.probabilities for r in results]),
        reliability=reliability_table(correct, confidence),
        review=leak_and_review(gold, pred, held),
        languages=language_breakdown(correct, languages, held),
    )


def format_scores(title: str, scores: dict[str, Score]) -> list[str]:
    """Aligned P/R/F1 rows under a heading."""
    lines = [f"{title:<22} {'prec':>6} {'recall':>6} {'f1':>6} {'gold':>5} {'pred':>5}"]
    for name, s in scores.items():
        lines.append(
            f"{name:<22} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
            f"{s.support:>5} {s.predicted:>5}"
        )
    return lines


def format_report(report: EvaluationReport) -> str:
    """The human-readable evaluation report."""
    lines = [
        f"model: {report.model_version}   messages: {report.n}   accuracy: {report.accuracy:.3f}   "
        f"macro-F1: {report.macro_f1:.3f}   Brier: {report.brier:.4f}",
        "",
    ]
    lines += format_scores("category", report.categories) + [""]
    short = [label[:8] for label in LABELS]
    lines.append("confusion (rows gold, columns predicted)")
    lines.append(f"{'':<16}" + "".join(f"{s:>9}" for s in short))
    for gold, row in report.confusion.items():
        lines.append(f"{gold:<16}" + "".join(f"{row[p]:>9}" for p in LABELS))
    lines += [""] + format_scores("flag", report.flags) + [""]
    r = report.review
    lines.append(f"at the review thresholds: {r['sent_to_review']}/{r['messages']} messages held "
                 f"for review; {r['complaints_auto_acknowledged_as_other']}/{r['complaints']} "
                 "complaints acknowledged as something else without review")
    for name, row in report.languages.items():
        label = "English or undetected" if name == "en" else "other languages"
        lines.append(f"  {label:<22} {row['messages']:>4} messages, accuracy "
                     f"{row['accuracy']:.3f}, {row['sent_to_review']} held for review")
    lines += ["", "reliability (confidence bins)"]
    lines.append(f"{'bin':<12} {'n':>5} {'mean conf':>10} {'accuracy':>9}")
    for b in report.reliability:
        lines.append(f"{b.low:.1f}-{b.high:.1f}{'':<5} {b.count:>5} "
                     f"{b.mean_confidence:>10.3f} {b.accuracy:>9.3f}")
    return "\n".join(lines)
