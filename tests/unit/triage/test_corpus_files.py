"""The bundled corpus itself: well-formed, unique, every channel, and kept apart from the holdout."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from channels.base import CHANNELS
from triage.corpus_io import load_corpus

CORPUS = Path(__file__).resolve().parents[3] / "triage" / "corpus"
TRAIN, HOLDOUT = CORPUS / "train", CORPUS / "holdout" / "holdout.jsonl"
HOLDOUTS, DEV = CORPUS / "holdout", CORPUS / "dev"


def records(*paths: Path) -> list[dict]:
    found = []
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            found += [json.loads(line) for line in file.read_text().splitlines() if line.strip()]
    return found


def test_every_record_loads_strictly():
    assert len(load_corpus([TRAIN])) >= 1000
    assert len(load_corpus([HOLDOUT])) >= 400


def test_ids_are_unique_across_all_sets():
    ids = Counter(r["id"] for r in records(TRAIN, HOLDOUTS, DEV))
    assert [i for i, n in ids.items() if n > 1] == []


def test_channels_are_known_and_all_present():
    for path in (TRAIN, HOLDOUT):
        seen = {r["channel"] for r in records(path)}
        assert seen == set(CHANNELS), path
    assert {r["channel"] for r in records(DEV)} <= set(CHANNELS)


def test_no_holdout_or_dev_text_is_in_training_or_in_each_other():
    def texts(*paths: Path) -> set[str]:
        return {" ".join(r["text"].lower().split()) for r in records(*paths)}

    assert texts(HOLDOUTS) & texts(TRAIN) == set()
    assert texts(DEV) & (texts(TRAIN) | texts(HOLDOUTS)) == set()


def test_test_data_uses_fake_contact_details_only():
    import re

    for r in records(TRAIN, HOLDOUTS, DEV):
        for address in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", r["text"]):
            assert address.lower().endswith("example.org") or "example" in address.lower(), (r["id"], address)
        for number in re.findall(r"\b07\d{3}\s?\d{6}\b", r["text"]):
            assert number.replace(" ", "").startswith("07700900"), (r["id"], number)
