"""Shared fixtures for the triage tests: a model trained once on the small CSV fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.train import train

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "triage"
SMALL_CORPUS = FIXTURES / "small_corpus.csv"
EVAL_SAMPLE = FIXTURES / "eval_sample.jsonl"


@pytest.fixture(scope="session")
def fixture_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a model trained on the small fixture (one candidate, to keep it quick)."""
    out = tmp_path_factory.mktemp("model") / "model.skops"
    train([SMALL_CORPUS], out, version="test-1", candidates=["linearsvc_c1_sigmoid"])
    return out
