"""Scoring from the model file's parameters must agree with the fitted scikit-learn pipeline."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from triage.corpus_io import DEFAULT_TRAIN_DIR, load_corpus
from triage.features import compose
from triage.model_file import pack_pipeline, read_model_file, write_model_file
from triage.scoring import LinearScorer, char_wb_analyzer, word_analyzer
from triage.train import build_pipeline, build_vectoriser

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "triage"
ODD_DOCS = ["", "!!!", "zzzz qqqq unseen words only", "a", "  spaced   out\t\ttext \n", "ok"]


def fixture_docs() -> tuple[list[str], list[str]]:
    examples = load_corpus([FIXTURES])
    return [compose(e.subject, e.text) for e in examples], [e.label.value for e in examples]


@pytest.fixture(scope="module", params=["linearsvc_c1_sigmoid", "linearsvc_c1_temperature"])
def pipeline(request):
    docs, labels = fixture_docs()
    return build_pipeline(request.param, folds=3).fit(docs, labels)


@pytest.fixture(scope="module")
def scorer(pipeline, tmp_path_factory: pytest.TempPathFactory) -> LinearScorer:
    """A scorer from the pipeline after a trip through the model file."""
    out = tmp_path_factory.mktemp("scoring") / "model.skops"
    write_model_file(pack_pipeline(pipeline, "t"), out)
    return LinearScorer(read_model_file(out))


def test_fast_path_matches_pipeline(pipeline, scorer: LinearScorer) -> None:
    features, classifier = pipeline.named_steps["features"], pipeline.named_steps["classifier"]
    docs = fixture_docs()[0] + ODD_DOCS
    expected = classifier.predict_proba(features.transform(docs))
    assert list(scorer.feature_names()) == list(features.get_feature_names_out())
    for doc, want in zip(docs, expected):
        index, values = scorer.vectorise(doc)
        dense = np.zeros(len(features.get_feature_names_out()))
        dense[index] = values
        assert np.allclose(dense, features.transform([doc]).toarray()[0])
        assert np.allclose(scorer.probabilities(index, values), want, atol=1e-9)


def test_calibration_matches_scikit_learn(pipeline, scorer: LinearScorer) -> None:
    """Row by row and all rows at once, including rows scikit-learn takes for probabilities."""
    classifier = pipeline.named_steps["classifier"]
    pair = classifier.calibrated_classifiers_[0]
    k = len(classifier.classes_)
    random = np.random.default_rng(0).normal(size=(5, k)) * 10
    rows = np.vstack([random, np.full(k, 1 / k), np.eye(k)[0]])  # the last two sum to 1
    got = scorer.calibrate(rows.copy())
    for row, proba in zip(rows, got):
        if pair.method == "temperature":
            want = pair.calibrators[0].predict(row[None, :])[0]
        else:
            want = np.array([c.predict(row[i : i + 1])[0] for i, c in enumerate(pair.calibrators)])
            want /= want.sum()
        assert np.allclose(proba, want, atol=1e-12)


def corpus_texts() -> list[str]:
    if not DEFAULT_TRAIN_DIR.is_dir():
        pytest.skip(f"no training corpus at {DEFAULT_TRAIN_DIR}")
    return [compose(e.subject, e.text) for e in load_corpus()] + ODD_DOCS


def test_analyzers_match_scikit_learn_on_the_corpus() -> None:
    """Every training text (many languages and scripts) gives scikit-learn's n-grams exactly."""
    word = build_vectoriser().transformer_list[0][1]
    char = build_vectoriser().transformer_list[1][1]
    ours_word = word_analyzer(word.token_pattern, word.ngram_range, word.lowercase)
    ours_char = char_wb_analyzer(char.ngram_range, char.lowercase)
    theirs_word, theirs_char = word.build_analyzer(), char.build_analyzer()
    texts = corpus_texts()
    assert all(ours_word(t) == theirs_word(t) for t in texts)
    assert all(ours_char(t) == theirs_char(t) for t in texts)


@pytest.mark.parametrize("ngram_range", [(1, 1), (2, 3), (1, 3)])
def test_analyzers_match_for_other_ranges(ngram_range: tuple[int, int]) -> None:
    docs = ["the boiler is broken again!", "x", "", "a b c d e", "Ünïcödé wörds ça"]
    word = TfidfVectorizer(ngram_range=ngram_range).build_analyzer()
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range).build_analyzer()
    ours_word = word_analyzer(r"(?u)\b\w\w+\b", ngram_range, True)
    ours_char = char_wb_analyzer(ngram_range, True)
    assert [ours_word(d) for d in docs] == [word(d) for d in docs]
    assert [ours_char(d) for d in docs] == [char(d) for d in docs]


def test_packing_refuses_what_the_runtime_cannot_reproduce() -> None:
    docs, labels = fixture_docs()
    pipeline = build_pipeline("linearsvc_c1_sigmoid", folds=3)
    pipeline.set_params(features__word__strip_accents="unicode").fit(docs, labels)
    with pytest.raises(ValueError, match="strip_accents"):
        pack_pipeline(pipeline, "t")
