"""Reading labelled corpora (JSON lines, or CSV for small fixtures) into typed examples.

A CSV has the same columns as the JSON lines; its `flags` column is separated by semicolons.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from triage.context import EarlierContact
from triage.labels import Flag, Label, parse_flags, parse_label

DEFAULT_TRAIN_DIR = Path(__file__).parent / "corpus" / "train"


class CorpusError(ValueError):
    """A corpus line that cannot be used; names the file and line."""


@dataclass(frozen=True)
class Example:
    """One labelled message from a corpus file."""

    id: str
    text: str
    label: Label
    flags: tuple[Flag, ...] = ()
    subject: str | None = None
    channel: str | None = None
    received_at: datetime | None = None
    note: str | None = None
    earlier: tuple[EarlierContact, ...] = ()  # newest first


def parse_timestamp(value: str | None) -> datetime | None:
    """Parse an ISO 8601 timestamp ("Z" allowed) into an aware UTC datetime; None stays None."""
    if value is None or not str(value).strip():
        return None
    stamp = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def parse_earlier(value: object) -> tuple[EarlierContact, ...]:
    """The optional `earlier` field of a classify or corpus line: a list of objects with `text`
    and optionally `received_at`, `category`, `reference` and `same_case`. Raises ValueError."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("earlier must be a list of objects")
    contacts = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("text", ""), str):
            raise ValueError("each earlier contact must be an object whose text is a string")
        unknown = set(item) - {"text", "received_at", "category", "reference", "same_case"}
        if unknown:
            raise ValueError(f"unknown fields in an earlier contact: {sorted(unknown)}")
        contacts.append(EarlierContact(
            text=item.get("text", ""), received_at=parse_timestamp(item.get("received_at")),
            category=item.get("category"), reference=item.get("reference"),
            same_case=bool(item.get("same_case", False)),
        ))
    return tuple(contacts)


def corpus_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand directories to their *.jsonl files (sorted); keep files as given."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted([*path.glob("*.jsonl"), *path.glob("*.csv")]))
        elif path.is_file():
            files.append(path)
        else:
            raise CorpusError(f"{path}: no such file or directory")
    return files


def parse_example(record: dict, where: str) -> Example:
    """Build an Example from one decoded JSON record."""

    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise CorpusError(f"{where}: record has no text")
    try:
        return Example(
            id=str(record.get("id") or where),
            text=record["text"],
            label=parse_label(str(record.get("label", ""))),
            flags=parse_flags(record.get("flags") or []),
            subject=record.get("subject") or None,
            channel=record.get("channel") or None,
            received_at=parse_timestamp(record.get("received_at")),
            note=record.get("note") or None,
            earlier=parse_earlier(record.get("earlier")),
        )
    except (ValueError, TypeError) as e:
        raise CorpusError(f"{where}: {e}") from e


def iter_examples(path: Path) -> Iterator[Example]:
    """Yield the examples of one JSON-lines file, skipping blank lines."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise CorpusError(f"{where}: not JSON ({e.msg})") from e
            yield parse_example(record, where)


def iter_csv_examples(path: Path) -> Iterator[Example]:
    """Yield the examples of one CSV file (flags separated by semicolons)."""
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            flags = [f for f in (row.get("flags") or "").split(";") if f.strip()]
            record = {key: (value or None) for key, value in row.items()}
            record.update(text=row.get("text"), flags=flags)
            yield parse_example(record, f"{path}:{number}")


def load_corpus(paths: Iterable[str | Path] | None = None) -> list[Example]:
    """Load every example from the given files or directories (default: the train corpus)."""
    files = corpus_files(paths if paths else [DEFAULT_TRAIN_DIR])
    return [
        example
        for path in files
        for example in (iter_csv_examples(path) if path.suffix == ".csv" else iter_examples(path))
    ]


def corpus_sha256(paths: Iterable[str | Path] | None = None) -> str:
    """Hash the corpus files' names and bytes, so a model records exactly what it was trained on."""
    digest = hashlib.sha256()
    for path in corpus_files(paths if paths else [DEFAULT_TRAIN_DIR]):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
