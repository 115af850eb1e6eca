"""Learned flag detectors: thresholds from out-of-fold predictions, gates, reasons, model files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from triage.flag_models import FlagModel, allowed, best_threshold, fit_flag_models
from triage.labels import Flag, Label
from triage.model import TriageInput, Triager, unpack_flag_models
from triage.model_file import read_model_file, write_model_file


def test_best_threshold_maximises_f_beta():
    gold = np.array([True, True, False, False, False, False, False, True])
    proba = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2])
    threshold, f1 = best_threshold(gold, proba, beta=1.0)  # P 1, R 2/3
    assert threshold == 0.8 and f1 == pytest.approx(0.8)
    threshold, f2 = best_threshold(gold, proba, beta=2.0)  # recall first: P 3/8, R 1
    assert threshold == 0.2 and f2 == pytest.approx(5 * 0.375 / (4 * 0.375 + 1))


def test_fit_flag_models_learns_flags_with_enough_examples():
    rng = np.random.default_rng(0)
    n = 200
    x = rng.random((n, 30)) * 0.1
    hazard = np.arange(n) % 4 == 0
    x[hazard, 3] += 1.0  # one feature marks the flag
    flag_sets = [(Flag.URGENT_HAZARD,) if h else () for h in hazard]
    flag_sets[1] = (Flag.ABUSIVE,)  # too few examples to learn
    models, report = fit_flag_models(csr_matrix(x), flag_sets)
    assert set(models) == {Flag.URGENT_HAZARD}
    assert report["urgent_hazard"]["learned"]
    assert report["urgent_hazard"]["cv_f2_with_detector"] > 0.9 > report["urgent_hazard"]["cv_f2_rules"]
    assert report["abusive"] == {"positives": 1, "learned": False}
    assert "out_of_time" not in report  # dates are never guessed by a learned detector
    model = models[Flag.URGENT_HAZARD]
    probs = model.probabilities(csr_matrix(x))
    assert np.mean((probs >= model.threshold) == hazard) > 0.95


def test_gates_follow_the_guide():
    assert not allowed(Flag.ALSO_SERVICE_REQUEST, Label.SERVICE_REQUEST)
    assert allowed(Flag.ALSO_SERVICE_REQUEST, Label.COMPLAINT)
    assert not allowed(Flag.ESCALATION, Label.COMPLIMENT)
    assert all(allowed(Flag.URGENT_HAZARD, label) for label in Label)  # any category


def hazard_detector(triager: Triager, word: str) -> FlagModel:
    names = list(triager._names)
    coef = np.zeros(len(names))
    coef[names.index(f"word__{word}")] = 50.0
    return FlagModel(coef=coef, intercept=-5.0, threshold=0.5)


def test_a_learned_detector_raises_its_flag_with_the_words_that_drove_it(fixture_model: Path):
    bundle = read_model_file(fixture_model)
    plain = Triager(bundle, {})
    word = "after"  # a word the fixture model's vocabulary has
    triager = Triager(bundle, {Flag.URGENT_HAZARD: hazard_detector(plain, word)})
    result = triager.classify(TriageInput(f"There is a {word} in the kitchen"))
    assert "urgent_hazard" in result.flags
    [reason] = [r for r in result.reasons if r.endswith("→ urgent_hazard")]
    assert reason.startswith("detector: learned p=") and f'"{word}"' in reason
    assert "urgent_hazard" not in triager.classify(TriageInput("Thank you so much")).flags


def test_flag_detectors_survive_the_model_file(fixture_model: Path, tmp_path: Path):
    bundle = read_model_file(fixture_model)
    detector = FlagModel(np.arange(5, dtype=float), -1.5, 0.42)
    out = tmp_path / "m.skops"
    write_model_file({**bundle, "version": "v-flags",
                      "flag_models": {"escalation": detector.to_dict()}}, out)
    [(flag, loaded)] = unpack_flag_models(read_model_file(out)).items()
    assert flag is Flag.ESCALATION and loaded.threshold == 0.42 and loaded.intercept == -1.5
    assert np.array_equal(loaded.coef, detector.coef)
    assert Triager.load(out).version == "v-flags"


def test_a_detector_is_kept_only_where_it_completes_the_rules():
    from triage.flag_models import combined_threshold

    gold = np.array([True, True, True, False, False])
    rules = np.array([True, True, False, False, False])
    proba = np.array([0.9, 0.8, 0.7, 0.2, 0.1])
    threshold, with_detector, alone = combined_threshold(gold, proba, rules, beta=2.0)
    assert threshold == 0.7 and with_detector == 1.0 and alone < 1.0
    useless = np.array([0.1, 0.1, 0.1, 0.9, 0.9])  # fires only on the wrong messages
    assert combined_threshold(gold, useless, rules, beta=1.0)[0] is None
