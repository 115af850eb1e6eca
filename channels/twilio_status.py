"""Twilio's delivery reports: the final status of each SMS, kept on its Outbound row.

Twilio posts ``MessageSid`` and ``MessageStatus`` (queued, sent, delivered, undelivered,
failed, …) to the status callback set on each message, with ``ErrorCode`` when it failed.
Reports can arrive out of order and more than once; only the final ones are recorded, once.
A failure after Twilio took the message marks the row ``failed`` (the resident did not get it),
with Twilio's error code in ``last_error`` for staff.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from sqlalchemy import select

from models import Event, Outbound
from models.outbound import OutboundStatus

log = logging.getLogger(__name__)

FINAL = ("delivered", "undelivered", "failed")
FAILED = ("undelivered", "failed")


def failure_text(status: str, code: str | None) -> str:
    """``undelivered: Twilio error 30003``, as staff see it."""
    return f"{status}: Twilio error {code}" if code else status


async def record_status(session, params: Mapping[str, str], now) -> bool:
    """Record a final status on the row sent as ``MessageSid``; False if there is nothing to do."""
    sid, status = params.get("MessageSid", ""), params.get("MessageStatus", "").lower()
    if status not in FINAL or not sid:
        return False
    out = await session.scalar(select(Outbound).where(
        Outbound.channel == "sms", Outbound.provider_id == sid))
    if out is None:
        log.warning("twilio.status_unknown sid=%s status=%s", sid, status)
        return False
    if (out.meta or {}).get("delivery_status") == status:
        return False  # a repeated report
    code = params.get("ErrorCode") or None
    out.meta = {**(out.meta or {}), "delivery_status": status, "delivery_status_at": now.isoformat(),
                **({"delivery_error_code": code} if code else {})}
    if status in FAILED:
        out.status, out.last_error = OutboundStatus.FAILED, failure_text(status, code)
    session.add(Event(kind=f"outbound.{status}", case_id=out.case_id, message_id=out.message_id,
                      data={"outbound_id": out.id, "channel": "sms", "provider_id": sid,
                            "error_code": code}))
    return True
