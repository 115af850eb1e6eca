"""Earlier contacts reach triage: the same resident's earlier messages and the case replied to."""

from __future__ import annotations

import json

import pytest

from channels.api import ApiChannel
from channels.base import RawMessage
from gateway.acknowledgements import AckRenderer
from gateway.blobs import BlobStore
from gateway.db import make_engine, make_sessionmaker, upgrade_async
from gateway.deadlines import WorkingCalendar
from gateway.pipeline import Deps, Pipeline
from tests.conftest import FakeTriager, api_message, utc


@pytest.fixture
async def deps(tmp_settings):
    await upgrade_async(tmp_settings.database.url)
    engine = make_engine(tmp_settings.database.url)
    yield Deps(
        settings=tmp_settings, sessions=make_sessionmaker(engine), triager=FakeTriager(),
        adapters={"api": ApiChannel()}, blobs=BlobStore(tmp_settings.storage.data_dir / "blobs"),
        calendar=WorkingCalendar(), acks=AckRenderer(tmp_settings.landlord),
        clock=lambda: utc(2026, 11, 20, 12, 0),
    )
    await engine.dispose()


def raw(external_id: str, when, **changes) -> RawMessage:
    body = api_message(external_id=external_id, received_at=when.isoformat(), **changes)
    return RawMessage(source="api", channel="api", external_id=external_id,
                      payload=json.dumps(body).encode(), content_type="application/json",
                      received_at=when)


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
