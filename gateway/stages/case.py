"""Case: a new case for a new matter, or the message joins the case it refers to."""

from __future__ import annotations

from sqlalchemy import select

from gateway.references import next_reference, referenced_case
from models import Case, Event, Message, MessageStatus, Outbound, TriageDecision
from models.case import CaseStatus


async def latest_decision(session, message_id: int) -> TriageDecision:
    return await session.scalar(
        select(TriageDecision).where(TriageDecision.message_id == message_id)
        .order_by(TriageDecision.id.desc()).limit(1)
    )


async def case(ctx) -> MessageStatus:
    """Join the referenced case, or open a new one with its working-day deadlines."""
    session, message, deps = ctx.session, ctx.message, ctx.deps
    decision = await latest_decision(session, message.id)
    prefix = deps.settings.landlord.reference_prefix
    existing = await threaded_case(session, message) or await referenced_case(
        session, [message.subject, message.new_text], prefix)
    if existing is not None:
        join(ctx, existing, decision)
        return MessageStatus.CASED
    new = await open_case(ctx, decision)
    decision.case_id = new.id
    return MessageStatus.CASED


async def threaded_case(session, message: Message) -> Case | None:
    """The case an email reply belongs to, by its In-Reply-To and References headers."""
    meta = message.meta or {}
    ids = [i for i in [meta.get("in_reply_to"), *meta.get("references", [])] if i]
    if not ids:
        return None
    case_id = await session.scalar(
        select(Outbound.case_id).where(Outbound.email_message_id.in_(ids)).limit(1))
    if case_id is None:
        case_id = await session.scalar(select(Message.case_id).where(
            Message.channel == "email", Message.external_id.in_(ids),
            Message.case_id.is_not(None)).limit(1))
    return await session.get(Case, case_id) if case_id else None


def join(ctx, existing: Case, decision: TriageDecision) -> None:
    """Add the message to ``existing``, noting an escalation for staff to weigh."""
    ctx.message.case_id = existing.id
    decision.case_id = existing.id
    data = {"reference": existing.reference, "category": decision.category}
    if "escalation" in decision.flags and existing.category == "complaint":
        data["suggestion"] = "stage_2_escalation"
    ctx.session.add(Event(kind="case.message_added", message_id=ctx.message.id,
                          case_id=existing.id, data=data))


async def open_case(ctx, decision: TriageDecision) -> Case:
    session, message, deps = ctx.session, ctx.message, ctx.deps
    calendar, limits = deps.calendar, deps.settings.deadlines
    received_local = calendar.local_date(message.received_at)
    new = Case(
        reference=await next_reference(session, deps.settings.landlord.reference_prefix,
                                       received_local.year),
        category=decision.category,
        stage=1 if decision.category == "complaint" else None,
        status=CaseStatus.NEEDS_REVIEW if decision.review else CaseStatus.OPEN,
        flags=list(decision.flags), channel=message.channel, language=message.language,
        resident_id=message.resident_id, received_at=message.received_at,
        ack_due=calendar.add_working_days(message.received_at, limits.ack_working_days),
    )
    session.add(new)
    await session.flush()
    message.case_id = new.id
    session.add(Event(kind="case.created", message_id=message.id, case_id=new.id, data={
        "reference": new.reference, "category": new.category, "status": new.status,
        "ack_due": new.ack_due.isoformat(),
    }))
    return new
