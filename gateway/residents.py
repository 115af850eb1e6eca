"""One resident across channels: the same email address or phone number is the same person."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from channels.base import InboundMessage
from models import Resident, ResidentIdentity


def identities_of(msg: InboundMessage) -> list[tuple[str, str]]:
    """The ``(kind, value)`` identities a message carries, most specific first."""
    found = []
    if msg.sender.email:
        found.append(("email", msg.sender.email.lower()))
    if msg.sender.phone:
        found.append(("phone", msg.sender.phone))
    if msg.sender.handle and msg.channel in ("facebook", "instagram", "whatsapp", "x"):
        found.append((msg.channel, msg.sender.handle))
    return found


async def resolve_resident(session: AsyncSession, msg: InboundMessage) -> Resident | None:
    """Find the resident behind ``msg`` or create one; attach any identity not yet known."""
    idents = identities_of(msg)
    if not idents and not msg.sender.name:
        return None
    resident = await _find(session, idents)
    if resident is None:
        resident = Resident(name=msg.sender.name, identities=[])
        session.add(resident)
        await session.flush()
    _fill_details(resident, msg)
    known = {(i.kind, i.value) for i in resident.identities}
    for kind, value in idents:
        if (kind, value) not in known and not await _taken(session, kind, value):
            session.add(ResidentIdentity(resident_id=resident.id, kind=kind, value=value))
    await session.flush()
    await session.refresh(resident, ["identities"])
    return resident


def _fill_details(resident: Resident, msg: InboundMessage) -> None:
    resident.name = resident.name or msg.sender.name
    resident.address = msg.address or resident.address
    resident.preferred_contact = msg.preferred_contact or resident.preferred_contact


async def _find(session: AsyncSession, idents: list[tuple[str, str]]) -> Resident | None:
    for kind, value in idents:
        found = await session.scalar(
            select(Resident)
            .join(ResidentIdentity)
            .where(ResidentIdentity.kind == kind, ResidentIdentity.value == value)
        )
        if found is not None:
            return found
    return None


async def _taken(session: AsyncSession, kind: str, value: str) -> bool:
    return (
        await session.scalar(
            select(ResidentIdentity.id).where(
                ResidentIdentity.kind == kind, ResidentIdentity.value == value
            )
        )
    ) is not None
