"""``doorstep import``: load messages in bulk (a backlog, another system's export) as JSON lines.

Each line has the API's fields (``channel``, ``external_id``, ``sender``, ``subject``, ``text``,
``received_at``). Lines go through the same validation and pipeline as the API, so a line
already imported is recognised and skipped, and a bad line is reported without stopping the rest.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from pydantic import ValidationError

from channels.api import ApiChannel, ApiMessage, received_time, validation_errors
from channels.base import RawMessage
from gateway.app import open_runtime
from gateway.settings import Settings


@dataclass
class ImportReport:
    created: int = 0
    repeated: int = 0
    errors: list[str] = field(default_factory=list)
    categories: Counter = field(default_factory=Counter)


def parse_line(line: str) -> tuple[ApiMessage, dict]:
    """One JSON line, checked as the API checks a body; raises ValueError with the reason."""
    try:
        data = json.loads(line)
        return ApiMessage.model_validate(data), data
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON: {e}") from e
    except ValidationError as e:
        raise ValueError("; ".join(f"{x['field']}: {x['message']}" for x in validation_errors(e))) from e


async def import_lines(settings: Settings, lines: Iterable[str], progress: TextIO = sys.stderr,
                       triager=None) -> ImportReport:
    """Submit every line through the pipeline, reporting progress every 50 lines."""
    report = ImportReport()
    async with open_runtime(settings, {"api": ApiChannel()}, triager=triager) as runtime:
        for number, line in enumerate(lines, 1):
            if line.strip():
                await _import_one(runtime, line, number, report)
            if number % 50 == 0:
                print(f"import: {number} lines, {report.created} new, {report.repeated} already "
                      f"known, {len(report.errors)} errors", file=progress, flush=True)
        await runtime.outbox.run_due(limit=10_000)
    return report


async def _import_one(runtime, line: str, number: int, report: ImportReport) -> None:
    try:
        body, data = parse_line(line)
    except ValueError as e:
        report.errors.append(f"line {number}: {e}")
        return
    raw = RawMessage(source="api", channel=body.channel, external_id=body.external_id,
                     payload=json.dumps(data, ensure_ascii=False).encode(),
                     content_type="application/json",
                     received_at=received_time(body, runtime.deps.clock()))
    result = await runtime.pipeline.submit(raw)
    if result.created:
        report.created += 1
        report.categories[result.category] += 1
    else:
        report.repeated += 1
