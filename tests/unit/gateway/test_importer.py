"""``doorstep import``: a JSON lines backlog through the pipeline, bad lines reported, repeats skipped."""

from __future__ import annotations

import io
import json

from gateway.importer import import_lines
from tests.conftest import FakeTriager, api_message


async def test_import_creates_cases_skips_repeats_and_reports_bad_lines(tmp_settings):
    lines = [
        json.dumps(api_message(external_id="a")),
        json.dumps(api_message(external_id="b", text="My neighbour plays loud music at 3am")),
        "not json",
        json.dumps(api_message(external_id="c", channel="telegraph")),
        json.dumps(api_message(external_id="a")),
        "",
    ]
    progress = io.StringIO()
    report = await import_lines(tmp_settings, lines, progress, triager=FakeTriager())
    assert (report.created, report.repeated) == (2, 1)
    assert report.categories == {"service_request": 1, "asb_report": 1}
    assert report.errors[0].startswith("line 3: not JSON")
    assert report.errors[1].startswith("line 4: channel:")
    assert len(list(tmp_settings.outbox.dir.glob("*.eml"))) == 2
