"""A cap on email acknowledgements per address, so a mail loop or a flood is not answered in kind.

Auto-replies are already set aside by the normalise stage; this catches what slips past it (a
mailer that marks nothing, a script, a person sending fifty messages) by counting what Doorstep
itself queued to the same address in the last 24 hours.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from models import Outbound, utcnow
from models.outbound import OutboundStatus

ACK_LIMIT_REACHED = "acknowledgement limit reached for this sender"
ACK_KINDS = ("receipt", "acknowledgement", "followup")
WINDOW = timedelta(hours=24)


async def is_over_ack_limit(session, deps, channel: str, recipient: str | None) -> bool:
    """True when ``recipient`` already has ``[email] ack_limit_per_sender`` acknowledgements today."""
    limit = deps.settings.email.ack_limit_per_sender
    if channel != "email" or not recipient or not limit:
        return False
    # created_at is stamped with the wall clock, so the window is measured with it too.
    sent = await session.scalar(
        select(func.count()).select_from(Outbound).where(
            Outbound.channel == "email",
            func.lower(Outbound.recipient) == recipient.lower(),
            Outbound.kind.in_(ACK_KINDS),
            Outbound.status.in_((OutboundStatus.QUEUED, OutboundStatus.SENT)),
            Outbound.created_at >= utcnow() - WINDOW,
        )
    )
    return sent >= limit
