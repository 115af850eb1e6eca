"""The resident's earlier contacts that triage weighs: same resident, any channel, last 12 months.

Also the case this message replies to (by e-mail threading) or quotes the reference of, marked
`same_case`, so that a reply to a complaint counts as a follow-up rather than a first contact.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from gateway.references import referenced_case
from gateway.stages.case import threaded_case
from models import Case, Message, MessageStatus
from triage.context import WINDOW, EarlierContact

MAX_EARLIER = 20
NOT_CONTACTS = (MessageStatus.IGNORED, MessageStatus.RECEIVED, MessageStatus.NORMALISED)


async def earlier_contacts(session, message: Message, prefix: str) -> tuple[EarlierContact, ...]:
    """The earlier contacts and the case replied to, newest first."""
    found: list[EarlierContact] = []
    replied = await threaded_case(session, message) or await referenced_case(
        session, [message.subject, message.new_text], prefix)
    if replied is not None:
        found.append(EarlierContact(text="", received_at=replied.received_at,
                                    category=replied.category, reference=replied.reference,
                                    same_case=True))
    if message.resident_id is not None:
        found += await resident_history(session, message, replied)
    return tuple(found)


async def resident_history(session, message: Message, replied: Case | None) -> list[EarlierContact]:
    """The resident's earlier messages in the window, with their case's reference and category."""
    since: datetime = message.received_at - WINDOW
    rows = await session.execute(
        select(Message, Case.reference, Case.category)
        .outerjoin(Case, Case.id == Message.case_id)
        .where(Message.resident_id == message.resident_id, Message.id != message.id,
               Message.received_at >= since, Message.received_at <= message.received_at,
               Message.status.not_in(NOT_CONTACTS))
        .order_by(Message.received_at.desc()).limit(MAX_EARLIER)
    )
    return [
        EarlierContact(
            text=earlier.new_text or earlier.text or "", received_at=earlier.received_at,
            category=category, reference=reference,
            same_case=replied is not None and earlier.case_id == replied.id,
        )
        for earlier, reference, category in rows.all()
    ]
