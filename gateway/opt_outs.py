"""SMS opt-outs: a number that texted STOP gets nothing more by SMS until it texts START."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models import SmsOptOut

OPTED_OUT = "recipient opted out"


async def is_opted_out(session: AsyncSession, phone: str | None) -> bool:
    """True when ``phone`` (E.164) has opted out of SMS and not opted back in."""
    if not phone:
        return False
    row = await session.get(SmsOptOut, phone, populate_existing=True)
    return row is not None and row.is_opted_out


async def record_opt_out(session: AsyncSession, phone: str, now: datetime) -> None:
    """Opt ``phone`` out; an upsert, so two STOPs at once cannot collide."""
    insert = postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
    await session.execute(
        insert(SmsOptOut).values(phone=phone, opted_out_at=now, opted_in_at=None)
        .on_conflict_do_update(index_elements=["phone"],
                               set_={"opted_out_at": now, "opted_in_at": None})
    )


async def record_opt_in(session: AsyncSession, phone: str, now: datetime) -> None:
    """Opt back in; a number that never opted out gets no row."""
    await session.execute(update(SmsOptOut).where(SmsOptOut.phone == phone).values(opted_in_at=now))
