"""Case references such as ``DS-2026-000123``: issued in order per year, found in free text."""

from __future__ import annotations

import re

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models import Case, ReferenceCounter


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:06d}"


def reference_pattern(prefix: str) -> re.Pattern[str]:
    """Matches a reference written loosely: any case, spaces or slashes for the dashes."""
    return re.compile(rf"\b{re.escape(prefix)}[\s/-]?(\d{{4}})[\s/-]?(\d{{6}})\b", re.IGNORECASE)


def find_references(text: str, prefix: str) -> list[str]:
    """Every reference in ``text``, normalised, in order of appearance, without repeats."""
    found = []
    for year, number in reference_pattern(prefix).findall(text or ""):
        ref = format_reference(prefix, int(year), int(number))
        if ref not in found:
            found.append(ref)
    return found


async def next_reference(session: AsyncSession, prefix: str, year: int) -> str:
    """Issue the next reference for ``year``; the counter row serialises concurrent issuers."""
    insert = postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
    await session.execute(
        insert(ReferenceCounter).values(year=year, last=0).on_conflict_do_nothing()
    )
    number = await session.scalar(
        update(ReferenceCounter).where(ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + 1).returning(ReferenceCounter.last)
    )
    return format_reference(prefix, year, number)


async def referenced_case(session: AsyncSession, texts: list[str | None], prefix: str) -> Case | None:
    """The first existing case whose reference appears in any of ``texts``."""
    for text in texts:
        for ref in find_references(text or "", prefix):
            case = await session.scalar(select(Case).where(Case.reference == ref))
            if case is not None:
                return case
    return None
