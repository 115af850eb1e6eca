"""Earlier contacts reach triage: the same resident's earlier messages and the case replied to."""

from __future__ import annotations

import pytest

from gateway.pipeline import Pipeline
from tests.conftest import pipeline_deps, raw_api, utc


@pytest.fixture
async def deps(tmp_settings):
    async with pipeline_deps(tmp_settings) as made:
        yield made


raw = raw_api


async def test_same_resident_earlier_contacts_are_passed_to_triage(deps):
    pipeline = Pipeline(deps)
    first = await pipeline.submit(raw("m-1", utc(2026, 10, 1, 9), text="The boiler is broken."))
    await pipeline.submit(raw("m-2", utc(2026, 11, 20, 9), subject="Boiler",
                              text="The boiler has stopped working once more."))
    latest = deps.triager.calls[-1]
    assert deps.triager.calls[0].earlier == ()
    [earlier] = latest.earlier
    assert earlier.text == "The boiler is broken."
    assert earlier.reference == first.case_reference and earlier.category == "service_request"
    assert earlier.same_case is False


async def test_another_residents_messages_are_not_history(deps):
    pipeline = Pipeline(deps)
    await pipeline.submit(raw("m-1", utc(2026, 10, 1, 9), text="The boiler is broken."))
    other = {"name": "Ola Example", "email": "ola@example.org", "phone": "07700 900456"}
    await pipeline.submit(raw("m-2", utc(2026, 11, 20, 9), sender=other,
                              text="The boiler is broken."))
    assert deps.triager.calls[-1].earlier == ()


async def test_contacts_older_than_a_year_are_left_out(deps):
    pipeline = Pipeline(deps)
    await pipeline.submit(raw("m-1", utc(2025, 10, 1, 9), text="The boiler is broken."))
    await pipeline.submit(raw("m-2", utc(2026, 11, 20, 9), text="The boiler is broken."))
    assert deps.triager.calls[-1].earlier == ()


async def test_a_message_quoting_a_case_reference_marks_that_case(deps):
    pipeline = Pipeline(deps)
    first = await pipeline.submit(raw("m-1", utc(2026, 11, 2, 9),
                                      text="I want to complain: the repair is still not done."))
    other = {"name": "Kim Example", "email": "kim@example.org", "phone": "07700 900789"}
    await pipeline.submit(raw("m-2", utc(2026, 11, 20, 9), sender=other,
                              text=f"Writing about {first.case_reference} for my mum."))
    [replied] = deps.triager.calls[-1].earlier
    assert replied.same_case and replied.category == "complaint"
    assert replied.reference == first.case_reference
