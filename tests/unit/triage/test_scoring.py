"""The fast scoring path must agree with the fitted pipeline's own transform and predict_proba."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from triage.corpus_io import load_corpus
from triage.features import compose
from triage.model import read_model_file, unpack_bundle
from triage.scoring import LinearScorer
from triage.train import train

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "triage"


@pytest.fixture(scope="module", params=["sigmoid", "temperature"])
def pipeline(request, fixture_model: Path, tmp_path_factory: pytest.TempPathFactory):
    if request.param == "sigmoid":
        return unpack_bundle(read_model_file(fixture_model))
    out = tmp_path_factory.mktemp("temperature") / "model.skops"
    train([FIXTURES / "small_corpus.csv"], out, "t", candidates=["linearsvc_c1_temperature"])
    return unpack_bundle(read_model_file(out))


def test_fast_path_matches_pipeline(pipeline) -> None:
    features, classifier = pipeline.named_steps["features"], pipeline.named_steps["classifier"]
    scorer = LinearScorer(features, classifier)
    docs = [compose(e.subject, e.text) for e in load_corpus([FIXTURES])]
    docs += ["", "!!!", "zzzz qqqq unseen words only"]
    expected = classifier.predict_proba(features.transform(docs))
    for doc, want in zip(docs, expected):
        index, values = scorer.vectorise(doc)
        dense = np.zeros(len(features.get_feature_names_out()))
        dense[index] = values
        assert np.allclose(dense, features.transform([doc]).toarray()[0])
        assert np.allclose(scorer.probabilities(index, values), want, atol=1e-9)


def test_calibration_matches_scikit_learn(pipeline) -> None:
    """Row by row and all rows at once, including rows scikit-learn takes for probabilities."""
    features, classifier = pipeline.named_steps["features"], pipeline.named_steps["classifier"]
    pair = classifier.calibrated_classifiers_[0]
    k = len(classifier.classes_)
    random = np.random.default_rng(0).normal(size=(5, k))
    rows = np.vstack([random, np.full(k, 1 / k), np.eye(k)[0]])  # the last two sum to 1
    got = LinearScorer(features, classifier).calibrate(rows.copy())
    for row, proba in zip(rows, got):
        if pair.method == "temperature":
            want = pair.calibrators[0].predict(row[None, :])[0]
        else:
            want = np.array([c.predict(row[i : i + 1])[0] for i, c in enumerate(pair.calibrators)])
            want /= want.sum()
        assert np.allclose(proba, want, atol=1e-12)
