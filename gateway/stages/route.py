"""Route: hand the case to the team (and later the downstream system) that deals with it."""

from __future__ import annotations

from models import Case, Event, MessageStatus


async def route(ctx) -> MessageStatus:
    """Record the queue the case belongs to; a case held for review waits in the review queue."""
    session, message = ctx.session, ctx.message
    if message.case_id is None:
        return MessageStatus.ROUTED
    case = await session.get(Case, message.case_id)
    queue = "review" if case.needs_review else ctx.deps.settings.routing.queue_for(case.category)
    if case.queue != queue:
        case.queue = queue
    session.add(Event(kind="case.routed", message_id=message.id, case_id=case.id,
                      data={"queue": queue}))
    return MessageStatus.ROUTED
