"""The pipeline on a real PostgreSQL server: migrations, idempotency, and two workers at once."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy import func, select

from channels.api import ApiChannel
from channels.base import RawMessage
from gateway.acknowledgements import AckRenderer
from gateway.app import make_app
from gateway.blobs import BlobStore
from gateway.db import make_engine, make_sessionmaker, upgrade_async
from gateway.deadlines import WorkingCalendar
from gateway.pipeline import Deps, Pipeline
from models import Case, Message, Outbound, TriageDecision
from tests.conftest import FakeTriager, api_message, utc


async def test_api_round_trip_on_postgres(aiohttp_client, pg_settings, auth):
    client = await aiohttp_client(make_app(pg_settings, triager=FakeTriager()))
    first = await client.post("/api/v1/messages", json=api_message(), headers=auth)
    assert first.status == 201, await first.text()
    again = await client.post("/api/v1/messages", json=api_message(), headers=auth)
    assert again.status == 200 and await again.json() == await first.json()
    case = await (await client.get(f"/api/v1/cases/{(await first.json())['case_reference']}",
                                   headers=auth)).json()
    assert case["ack_due"] == "2026-11-27"
    assert case["received_at"] == "2026-11-20T10:00:00+00:00"


async def test_two_workers_process_each_message_exactly_once(pg_settings):
    await upgrade_async(pg_settings.database.url)
    engine = make_engine(pg_settings.database.url)
    deps = Deps(settings=pg_settings, sessions=make_sessionmaker(engine), triager=FakeTriager(),
                adapters={"api": ApiChannel()}, blobs=BlobStore(pg_settings.storage.data_dir),
                calendar=WorkingCalendar(), acks=AckRenderer(pg_settings.landlord))
    one, two = Pipeline(deps, owner="one"), Pipeline(deps, owner="two")
    for n in range(40):
        body = api_message(external_id=f"m-{n}", sender={"email": f"r{n}@example.org"})
        await one.receive(RawMessage(source="api", channel="api", external_id=f"m-{n}",
                                     payload=json.dumps(body).encode(),
                                     content_type="application/json",
                                     received_at=utc(2026, 11, 20, 10)))
    done = await asyncio.gather(one.run_due(100), two.run_due(100))
    assert sum(done) == 40
    async with deps.sessions() as session:
        counts = [await session.scalar(select(func.count()).select_from(m))
                  for m in (Message, TriageDecision, Case, Outbound)]
        references = list(await session.scalars(select(Case.reference).order_by(Case.reference)))
    await engine.dispose()
    assert counts == [40, 40, 40, 40]
    assert references == [f"DS-2026-{n:06d}" for n in range(1, 41)]
