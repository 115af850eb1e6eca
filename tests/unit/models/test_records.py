"""The records: aware UTC datetimes on SQLite, uniqueness, and case references."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError

from gateway.db import make_engine, make_sessionmaker, upgrade_async
from gateway.references import find_references, next_reference
from models import Message, Resident


@pytest.fixture
async def sessions(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'records.db'}"
    await upgrade_async(url)
    engine = make_engine(url)
    yield make_sessionmaker(engine)
    await engine.dispose()


def message(**changes) -> Message:
    fields = dict(channel="sms", external_id="SM1", source="sms", raw=b"x",
                  raw_content_type="text/plain", received_at=datetime(2026, 3, 29, 0, 30, tzinfo=UTC))
    return Message(**{**fields, **changes})


async def test_datetimes_come_back_aware_utc(sessions):
    bst = timezone(timedelta(hours=1))
    async with sessions() as session:
        session.add(message(received_at=datetime(2026, 6, 1, 9, 0, tzinfo=bst)))
        await session.commit()
    async with sessions() as session:
        stored = await session.scalar(select(Message.received_at))
    assert stored == datetime(2026, 6, 1, 8, 0, tzinfo=UTC) and stored.tzinfo is UTC


async def test_naive_datetimes_are_refused(sessions):
    async with sessions() as session:
        session.add(message(received_at=datetime(2026, 6, 1, 9, 0)))
        with pytest.raises(StatementError, match="naive datetime"):
            await session.commit()


async def test_channel_and_external_id_are_unique(sessions):
    async with sessions() as session:
        session.add_all([message(), message(channel="whatsapp"), message()])
        with pytest.raises(IntegrityError):
            await session.commit()


async def test_references_are_issued_in_order_per_year(sessions):
    async with sessions() as session:
        refs = [await next_reference(session, "DS", 2026) for _ in range(3)]
        refs.append(await next_reference(session, "DS", 2027))
        await session.commit()
    assert refs == ["DS-2026-000001", "DS-2026-000002", "DS-2026-000003", "DS-2027-000001"]


@pytest.mark.parametrize("text, found", [
    ("Re: your ref DS-2026-000123 again", ["DS-2026-000123"]),
    ("ref ds 2026 000123 and DS/2025/000007", ["DS-2026-000123", "DS-2025-000007"]),
    ("DS-2026-000123 DS-2026-000123", ["DS-2026-000123"]),
    ("call 0113 496 0000 or DS-26-123", []),
    ("XDS-2026-0001234", []),
])
def test_references_found_in_free_text(text, found):
    assert find_references(text, "DS") == found


async def test_resident_identity_lookup(sessions):
    async with sessions() as session:
        resident = Resident(name="Tina Example", identities=[])
        session.add(resident)
        await session.flush()
        assert resident.identity("email") is None
