"""The learning loop's promotion rule: a new model replaces the current one only if no worse."""

from __future__ import annotations

import csv
import shutil

from triage.promotion import judge, promote_if_no_worse, score_model
from triage.train import train
from tests.unit.triage.conftest import EVAL_SAMPLE, SMALL_CORPUS


def test_a_no_worse_model_is_promoted(fixture_model, tmp_path):
    current = tmp_path / "model.skops"
    shutil.copyfile(fixture_model, current)
    candidate = tmp_path / "candidate.skops"
    train([SMALL_CORPUS], candidate, version="test-2", candidates=["linearsvc_c1_sigmoid"])
    verdict = promote_if_no_worse(candidate, current, EVAL_SAMPLE)
    assert verdict.promoted, verdict.reason
    assert score_model(current, EVAL_SAMPLE).model_version == "test-2"


def test_a_worse_model_is_refused_and_the_current_one_kept(fixture_model, tmp_path):
    current = tmp_path / "model.skops"
    shutil.copyfile(fixture_model, current)
    # a candidate taught wrong: every complaint in its corpus relabelled as a service request
    with SMALL_CORPUS.open(newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["label"] == "complaint":
            row["label"] = "service_request"
    bad_corpus = tmp_path / "bad.csv"
    with bad_corpus.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=rows[0].keys())
        writer.writeheader()
        writer.writerows(rows)
    candidate = tmp_path / "candidate.skops"
    train([bad_corpus],
          candidate, version="bad-1", candidates=["linearsvc_c1_sigmoid"])
    verdict = promote_if_no_worse(candidate, current, EVAL_SAMPLE)
    assert not verdict.promoted
    assert "complaint recall" in verdict.reason
    assert score_model(current, EVAL_SAMPLE).model_version == "test-1"


def test_judge_needs_both_measures_no_worse(fixture_model):
    report = score_model(fixture_model, EVAL_SAMPLE)
    assert judge(report, None) == (True, "no current model")
    assert judge(report, report)[0] is True
