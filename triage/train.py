"""Offline training: choose a calibrated linear model by cross-validation, fit it, save it.

Each candidate is a linear classifier over the same TF-IDF features, wrapped in
CalibratedClassifierCV so its probabilities are calibrated. The candidate with the best 5-fold
macro-F1 (ties broken by complaint recall, then Brier score) is refitted on the whole corpus.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from triage.corpus_io import DEFAULT_TRAIN_DIR, Example, corpus_files, corpus_sha256, load_corpus
from triage.features import WEIGHTS, compose
from triage.flag_models import fit_flag_models
from triage.flags import FlagInput, detect_flags
from triage.language import detect_language
from triage.thresholds import tune_thresholds
from triage.labels import LABELS, Label
from triage.model import DEFAULT_MODEL_PATH
from triage.model_file import pack_pipeline, write_model_file

Progress = Callable[[str], None]
CV_FOLDS = 5
SEED = 0
# name → (factory, calibration method). C values come from a coarse sweep on the corpus; the loose
# tolerance keeps lbfgs to a few seconds a fit on ~1,500 messages × ~90k features.
CANDIDATES: dict[str, tuple[Callable[[], object], str]] = {
    "logreg_c10_temperature": (
        lambda: LogisticRegression(C=10, tol=1e-3, max_iter=300),
        "temperature",
    ),
    "linearsvc_c1_sigmoid": (lambda: LinearSVC(C=1.0), "sigmoid"),
    "linearsvc_c1_temperature": (lambda: LinearSVC(C=1.0), "temperature"),
    "linearsvc_c1_balanced_sigmoid": (lambda: LinearSVC(C=1.0, class_weight="balanced"), "sigmoid"),
    "linearsvc_c1_balanced_temperature": (
        lambda: LinearSVC(C=1.0, class_weight="balanced"),
        "temperature",
    ),
}
# Candidates this close to the best macro-F1 count as equal; among them complaint recall decides.
F1_TOLERANCE = 0.01


@dataclass(frozen=True)
class CVScores:
    """Mean out-of-fold scores of one candidate."""

    macro_f1: float
    complaint_recall: float
    accuracy: float
    brier: float


def build_vectoriser(word_min_df: int = 2, char_min_df: int = 2) -> FeatureUnion:
    """Word 1-2 grams plus char_wb 2-5 grams, both sublinear TF-IDF."""
    word = TfidfVectorizer(
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=word_min_df,
        token_pattern=r"(?u)\b\w+\b|!|\?",
    )
    char = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=char_min_df
    )
    # Words weigh a little more: it helped cross-validated macro-F1 and keeps reasons readable.
    return FeatureUnion([("word", word), ("char", char)], transformer_weights=WEIGHTS)


def make_classifier(name: str, folds: int = CV_FOLDS) -> CalibratedClassifierCV:
    """A calibrated candidate classifier by name."""
    factory, method = CANDIDATES[name]
    return CalibratedClassifierCV(factory(), method=method, cv=folds, ensemble=False)


def build_pipeline(name: str, folds: int = CV_FOLDS) -> Pipeline:
    """Features plus the named calibrated classifier."""
    classifier = make_classifier(name, folds)
    return Pipeline([("features", build_vectoriser()), ("classifier", classifier)])


def fold_scores(gold: np.ndarray, proba: np.ndarray, classes: Sequence[str]) -> CVScores:
    """Scores of one fold's predicted probabilities."""
    pred = np.asarray(classes)[proba.argmax(axis=1)]
    f1s = []
    for label in set(gold):
        tp = np.sum((pred == label) & (gold == label))
        denom = np.sum(pred == label) + np.sum(gold == label)
        f1s.append(2 * tp / denom if denom else 0.0)
    complaint = gold == Label.COMPLAINT.value
    complaint_recall = np.mean(pred[complaint] == gold[complaint]) if complaint.any() else 0.0
    onehot = (np.asarray(classes)[None, :] == gold[:, None]).astype(float)
    return CVScores(
        macro_f1=float(np.mean(f1s)),
        complaint_recall=float(complaint_recall),
        accuracy=float(np.mean(pred == gold)),
        brier=float(np.mean(np.sum((proba - onehot) ** 2, axis=1))),
    )


def mean_scores(scores: Sequence[CVScores]) -> CVScores:
    """Average fold scores, rounded."""
    columns = zip(*(asdict(s).values() for s in scores))
    return CVScores(*(round(float(np.mean(col)), 4) for col in columns))


def cross_validate(
    docs: Sequence[str], labels: Sequence[str], names: Sequence[str], progress: Progress
) -> tuple[dict[str, CVScores], dict[str, np.ndarray]]:
    """Stratified k-fold scores and out-of-fold probabilities (LABELS order) for each candidate."""
    y = np.asarray(labels)
    folds = min(CV_FOLDS, int(min(Counter(labels).values())))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    per_name: dict[str, list[CVScores]] = {name: [] for name in names}
    oof = {name: np.zeros((len(docs), len(LABELS))) for name in names}
    for number, (train_idx, test_idx) in enumerate(splitter.split(docs, y), start=1):
        progress(f"cv fold {number}/{folds}: vectorising")
        vectoriser = build_vectoriser()
        x_train = vectoriser.fit_transform([docs[i] for i in train_idx])
        x_test = vectoriser.transform([docs[i] for i in test_idx])
        for name in names:
            model = make_classifier(name, min(folds, CV_FOLDS)).fit(x_train, y[train_idx])
            proba = model.predict_proba(x_test)
            per_name[name].append(fold_scores(y[test_idx], proba, model.classes_))
            for column, label in enumerate(model.classes_):  # a corpus may lack a label
                oof[name][test_idx, LABELS.index(str(label))] = proba[:, column]
        progress(f"cv fold {number}/{folds}: done")
    return {name: mean_scores(scores) for name, scores in per_name.items()}, oof


def best_candidate(results: dict[str, CVScores]) -> str:
    """Among candidates within F1_TOLERANCE of the best macro-F1: best complaint recall, then Brier.

    Missing a complaint is the costly mistake (guide: "Crossings that matter most"), so it breaks
    ties that macro-F1 cannot tell apart on a corpus of this size.
    """
    top = max(s.macro_f1 for s in results.values())
    close = [n for n, s in results.items() if s.macro_f1 >= top - F1_TOLERANCE]
    return max(close, key=lambda n: (results[n].complaint_recall, -results[n].brier))


def default_version(out: Path, now: datetime) -> str:
    """Today's date plus a counter: 2026.11.22-1, then -2 if a model of that day exists."""
    day = now.strftime("%Y.%m.%d")
    meta = out.with_suffix(".json")
    previous = json.loads(meta.read_text()).get("version", "") if meta.is_file() else ""
    if previous.startswith(day + "-") and previous.rsplit("-", 1)[1].isdigit():
        return f"{day}-{int(previous.rsplit('-', 1)[1]) + 1}"
    return f"{day}-1"


def metadata(examples: Sequence[Example], paths, version: str, chosen: str, cv: dict) -> dict:
    """The model.json record of what was trained, on what, and how well it cross-validated."""
    return {
        "version": version,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "n_examples": len(examples),
        "label_counts": {label: sum(e.label == label for e in examples) for label in LABELS},
        "flag_counts": dict(sorted(Counter(f.value for e in examples for f in e.flags).items())),
        "corpus_files": [p.name for p in corpus_files(paths)],
        "corpus_sha256": corpus_sha256(paths),
        "classifier": chosen,
        "cv": {"folds": CV_FOLDS, "chosen": asdict(cv[chosen]),
               "candidates": {n: asdict(s) for n, s in cv.items()}},
        "sklearn_version": sklearn.__version__,
    }


def save_model(pipeline: Pipeline, meta: dict, out: Path, flag_models: dict | None = None) -> None:
    """Write model.skops (skops, never pickle) and model.json beside it."""
    write_model_file(pack_pipeline(pipeline, meta["version"], flag_models), out)
    out.with_suffix(".json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")


def train(
    paths: Sequence[str | Path] | None = None,
    out: Path = DEFAULT_MODEL_PATH,
    version: str | None = None,
    progress: Progress = lambda _: None,
    candidates: Sequence[str] | None = None,
) -> dict:
    """Load the corpus, cross-validate the candidates, fit the best on everything and save it."""
    paths = list(paths) if paths else [DEFAULT_TRAIN_DIR]
    examples = load_corpus(paths)
    progress(f"loaded {len(examples)} examples from {len(corpus_files(paths))} file(s)")
    docs = [compose(e.subject, e.text) for e in examples]
    labels = [e.label.value for e in examples]
    names = list(candidates or CANDIDATES)
    cv, oof = cross_validate(docs, labels, names, progress)
    for name, s in cv.items():
        progress(f"  {name:<34} macro-F1 {s.macro_f1:.3f}  complaint recall "
                 f"{s.complaint_recall:.3f}  Brier {s.brier:.3f}")
    chosen = best_candidate(cv)
    progress(f"fitting {chosen} on all {len(examples)} examples")
    folds = min(CV_FOLDS, int(min(Counter(labels).values())))
    pipeline = build_pipeline(chosen, folds).fit(docs, labels)
    progress("fitting the learned flag detectors")
    matrix = pipeline.named_steps["features"].transform(docs)
    rule_sets = [[flag for flag, _ in detect_flags(FlagInput(
        e.text, e.subject, e.label, e.received_at, detect_language(f"{e.subject or ''}\n{e.text}")
    ))] for e in examples]
    flag_models, flag_report = fit_flag_models(matrix, [e.flags for e in examples], rule_sets)
    meta = metadata(examples, paths, version or default_version(out, datetime.now(UTC)), chosen, cv)
    meta["flag_detectors"] = flag_report
    meta["thresholds"] = tune_thresholds(np.asarray(labels), oof[chosen])
    progress(f"review thresholds from out-of-fold predictions: {meta['thresholds']}")
    save_model(pipeline, meta, out, flag_models)
    progress(f"saved {out} (version {meta['version']})")
    return meta
