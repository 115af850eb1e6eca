"""Acknowledge: queue the right acknowledgement as an Outbound row, inside the stage's transaction."""

from __future__ import annotations

import secrets
from email.utils import make_msgid

from models import Case, Event, MessageStatus, Outbound, Resident
from models.outbound import OutboundStatus
from gateway.ack_limits import ACK_LIMIT_REACHED, is_over_ack_limit
from gateway.acknowledgements import SHORT_CHANNELS
from gateway.opt_outs import OPTED_OUT, is_opted_out
from gateway.replies import reply_route


async def acknowledge(ctx) -> MessageStatus:
    """A receipt while held for review, the category's acknowledgement otherwise."""
    case = await ctx.session.get(Case, ctx.message.case_id)
    first = case.messages[0].id == ctx.message.id if case.messages else True
    kind = "followup" if not first else ("receipt" if case.needs_review else "acknowledgement")
    await queue_acknowledgement(ctx.session, ctx.deps, case, ctx.message, kind)
    return MessageStatus.ACKNOWLEDGED


def template_for(case: Case, kind: str) -> str:
    if kind != "acknowledgement":
        return kind
    return "complaint_stage2" if case.category == "complaint" and case.stage == 2 else case.category


def response_due(deps, case: Case, acknowledged_on):
    """The response date, counted in working days from the acknowledgement."""
    limits = deps.settings.deadlines
    if case.category == "complaint":
        days = limits.stage2_working_days if case.stage == 2 else limits.stage1_working_days
    else:
        days = limits.other_response_working_days.get(case.category)
    return deps.calendar.add_working_days(acknowledged_on, days) if days else None


async def queue_acknowledgement(session, deps, case: Case, message, kind: str) -> Outbound:
    """Render and queue ``kind`` for ``case``; the category's acknowledgement starts its clock."""
    now = deps.clock()
    if kind == "acknowledgement":
        case.acknowledged_at = now
        case.response_due = response_due(deps, case, now)
    resident = await session.get(Resident, case.resident_id) if case.resident_id else None
    channel, recipient = reply_route(message, resident)
    rendered = deps.acks.render(
        template_for(case, kind), case.language or message.language,
        reference=case.reference, name=(resident.name if resident else None) or message.sender_name,
        received=deps.calendar.local_date(message.received_at), ack_due=case.ack_due,
        response_due=case.response_due, summary=message.new_text or message.text or "",
        outcome=(message.meta or {}).get("outcome"), flags=list(case.flags), stage=case.stage,
    )
    out = Outbound(
        case_id=case.id, message_id=message.id, kind=kind, channel=channel, recipient=recipient,
        email_message_id=new_message_id(deps, case) if channel == "email" else None,
        subject=rendered.subject,
        body_text=rendered.short if channel in SHORT_CHANNELS else rendered.text,
        body_html=rendered.html if channel == "email" else None, language=rendered.language,
        meta={**_threading(message), **_social(message)},
        status=OutboundStatus.QUEUED if recipient else OutboundStatus.SKIPPED,
        last_error=None if recipient else "no contact details to reply to",
        next_attempt_at=now,
    )
    if out.status == OutboundStatus.QUEUED and await is_over_ack_limit(
            session, deps, channel, recipient):
        out.status, out.last_error = OutboundStatus.SKIPPED, ACK_LIMIT_REACHED
    if out.status == OutboundStatus.QUEUED and channel == "sms" and await is_opted_out(
            session, recipient):
        out.status, out.last_error = OutboundStatus.SKIPPED, OPTED_OUT
    if out.meta.get("public"):  # a public comment: only the fixed public reply, no personal details
        out.body_text, out.subject = public_reply(deps, channel), None
    session.add(out)
    await session.flush()
    session.add(Event(kind=f"outbound.{out.status}", message_id=message.id, case_id=case.id,
                      data={"outbound_id": out.id, "kind": kind, "channel": channel}))
    return out


def new_message_id(deps, case: Case) -> str:
    """The Message-ID an email acknowledgement will carry, known before it is sent."""
    domain = deps.settings.smtp.from_address.rpartition("@")[2] or "doorstep.invalid"
    return make_msgid(idstring=f"{case.reference}.{secrets.token_hex(4)}", domain=domain)


def _threading(message) -> dict:
    meta = message.meta or {}
    refs = [*meta.get("references", []), meta["message_id"]] if meta.get("message_id") else []
    return {"in_reply_to": meta.get("message_id"), "references": refs} if refs else {}


def public_reply(deps, channel: str) -> str:
    """What is posted under a public comment: an invitation to message privately."""
    settings = deps.settings
    return settings.x.public_reply if channel == "x" else settings.meta.public_reply


def _social(message) -> dict:
    """For social replies: a public comment's id, and when the resident wrote (the 24-hour window)."""
    if message.channel not in ("facebook", "instagram", "whatsapp", "x"):
        return {}
    meta = message.meta or {}
    found = {key: meta[key] for key in ("public", "comment_id") if key in meta}
    return {**found, "inbound_at": message.received_at.isoformat()}
