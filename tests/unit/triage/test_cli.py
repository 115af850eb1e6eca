"""The classify contract (as a subprocess), and train / evaluate through the command line."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from triage.__main__ import main
from triage.labels import LABELS

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "triage"
OUTPUT_KEYS = {"id", "category", "confidence", "probabilities", "flags", "reasons"}


def run_classify(model: Path, lines: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "triage", "classify", "--model", str(model)],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_classify_contract(fixture_model: Path) -> None:
    lines = [
        json.dumps({"id": "a", "channel": "sms", "subject": None, "text": "fix my tap please",
                    "received_at": "2025-11-20T10:00:00Z"}),
        json.dumps({"id": 7, "channel": "carrier-pigeon", "text": "Thank you, brilliant work"}),
        "this is not json",
        json.dumps({"id": "no-text", "subject": "hello"}),
        json.dumps({"id": "d", "text": "Loud music every night from next door", "channel": None}),
    ]
    done = run_classify(fixture_model, lines)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7, None, "no-text", "d"]
    for good in (out[0], out[1], out[4]):
        assert set(good) == OUTPUT_KEYS
        assert good["category"] in LABELS and set(good["probabilities"]) == set(LABELS)
        assert isinstance(good["flags"], list) and isinstance(good["reasons"], list)
    assert out[0]["category"] == "service_request"
    assert out[4]["category"] == "asb_report"
    assert set(out[2]) == {"id", "error"} and "JSON" in out[2]["error"]
    assert out[3] == {"id": "no-text", "error": "missing text"}


def test_classify_flushes_each_line(fixture_model: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "triage", "classify", "--model", str(fixture_model)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT, env=os.environ.copy(),
    ) as proc:  # fmt: skip
        try:
            proc.stdin.write(b'{"id": 1, "text": "fix my tap please"}\n')
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, "no output before stdin closed"
            assert json.loads(proc.stdout.readline())["id"] == 1
        finally:
            proc.stdin.close()
            proc.wait(timeout=60)
    assert proc.returncode == 0


def test_train_command_writes_model_and_metadata(tmp_path: Path, capsys) -> None:
    out = tmp_path / "m" / "model.skops"
    corpus = str(FIXTURES / "small_corpus.csv")
    assert main(["train", "--corpus", corpus, "--out", str(out), "--version", "v-cli"]) == 0
    meta = json.loads(out.with_suffix(".json").read_text())
    assert meta["version"] == "v-cli" and meta["corpus_files"] == ["small_corpus.csv"]
    assert len(meta["corpus_sha256"]) == 64
    assert "cv fold" in capsys.readouterr().err


def test_train_reports_a_bad_corpus(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n")
    assert main(["train", "--corpus", str(bad), "--out", str(tmp_path / "x.skops")]) == 1
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_evaluate_json_structure(fixture_model: Path, capsys) -> None:
    args = ["evaluate", str(FIXTURES / "eval_sample.jsonl"), "--model", str(fixture_model)]
    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 6 and report["model_version"] == "test-1"
    assert set(report["categories"]) == set(LABELS)
    assert set(report["categories"]["complaint"]) == {
        "precision", "recall", "f1", "support", "predicted",
    }  # fmt: skip
    assert set(report["confusion"]) == set(LABELS)
    assert sum(sum(row.values()) for row in report["confusion"].values()) == 6
    assert "no_response_wanted" in report["flags"]
    assert 0 <= report["brier"] <= 2 and 0 <= report["macro_f1"] <= 1
    assert len(report["reliability"]) == 10
    assert sum(b["count"] for b in report["reliability"]) == 6


def test_evaluate_text_report(fixture_model: Path, capsys) -> None:
    args = ["evaluate", str(FIXTURES / "eval_sample.jsonl"), "--model", str(fixture_model)]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "macro-F1" in text and "confusion" in text and "reliability" in text


def test_register_requires_a_sub_command() -> None:
    with pytest.raises(SystemExit):
        main([])
