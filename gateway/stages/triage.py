"""Triage: the classifier decides what the message is, off the event loop, with the history."""

from __future__ import annotations

import asyncio

from gateway.history import earlier_contacts
from models import Event, MessageStatus, TriageDecision
from triage.model import TriageInput


async def triage(ctx) -> MessageStatus:
    """Classify the resident's new text, weighing earlier contacts, and store the decision."""
    message, deps = ctx.message, ctx.deps
    earlier = await earlier_contacts(ctx.session, message, deps.settings.landlord.reference_prefix)
    inp = TriageInput(
        text=message.new_text or message.text or "", subject=message.subject,
        channel=message.channel, received_at=message.received_at, earlier=earlier,
    )
    result = await asyncio.get_running_loop().run_in_executor(None, deps.triager.classify, inp)
    review = deps.settings.triage.needs_review(
        str(result.category), result.confidence, result.language or message.language)
    decision = TriageDecision(
        message_id=message.id, model_version=result.model_version, category=str(result.category),
        confidence=result.confidence, probabilities=dict(result.probabilities),
        flags=list(result.flags), reasons=list(result.reasons), decided_by="model", review=review,
    )
    ctx.session.add(decision)
    ctx.session.add(Event(kind="triage.decided", message_id=message.id, data={
        "category": decision.category, "confidence": decision.confidence,
        "flags": decision.flags, "review": review, "model_version": decision.model_version,
    }))
    return MessageStatus.TRIAGED
