"""Loading labelled corpora from JSON lines and CSV into typed examples."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from triage.corpus_io import CorpusError, corpus_sha256, load_corpus, parse_timestamp
from triage.labels import Flag, Label

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "triage"


def test_parse_timestamp_accepts_z_and_naive_as_utc() -> None:
    assert parse_timestamp("2025-01-07T07:42:00Z") == datetime(2025, 1, 7, 7, 42, tzinfo=UTC)
    assert parse_timestamp("2025-01-07T07:42:00").tzinfo is UTC
    assert parse_timestamp(None) is None


def test_load_jsonl_and_csv_from_files_and_directories() -> None:
    examples = load_corpus([FIXTURES])
    assert len(examples) == 66
    feedback = next(e for e in examples if e.id == "ev-5")
    assert feedback.label is Label.FEEDBACK and feedback.flags == (Flag.NO_RESPONSE_WANTED,)
    from_csv = next(e for e in examples if e.id == "fx-fee-03")
    assert from_csv.flags == (Flag.NO_RESPONSE_WANTED,) and from_csv.subject is None


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "hi", "label": "complaint"}\n{"id": "y", "text": "hi"}\n')
    with pytest.raises(CorpusError, match=r"bad.jsonl:2"):
        load_corpus([bad])


def test_corpus_hash_changes_with_content(tmp_path: Path) -> None:
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"id": "x", "text": "hi", "label": "enquiry"}\n')
    before = corpus_sha256([tmp_path])
    corpus.write_text('{"id": "x", "text": "hello", "label": "enquiry"}\n')
    assert corpus_sha256([tmp_path]) != before
