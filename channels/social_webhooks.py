"""What the Meta and X webhooks share: signature checks, refusals, and recording what is not a message.

A refused delivery keeps nothing but a ``security.signature_invalid`` Event naming the channel,
the remote address and the reason, never the payload. Receipts, echoes and delivery statuses
become Events; a status for something Doorstep sent updates that Outbound row, found by the
provider's message id.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import select

from gateway import keys
from gateway.errors import Problem
from models import Event, Outbound
from models.outbound import OutboundStatus

log = logging.getLogger(__name__)


def hub_signature(secret: str, body: bytes) -> str:
    """Meta's ``X-Hub-Signature-256`` value: ``sha256=`` and the hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def x_signature(secret: str, data: bytes) -> str:
    """X's ``sha256=`` and the base64 HMAC-SHA256: the webhook signature and the CRC answer."""
    digest = hmac.new(secret.encode(), data, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()


def matches(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a computed signature (or a token) with the one given."""
    return given is not None and hmac.compare_digest(expected.encode(), given.strip().encode())


def secret_text(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None and value.get_secret_value() else None


async def refuse(request: web.Request, channel: str, reason: str) -> Problem:
    """Record a refused delivery (no payload kept) and the 403 problem to answer with."""
    log.warning("%s.signature_invalid remote=%s reason=%s", channel, request.remote, reason)
    async with request.app[keys.DEPS].sessions() as session:
        session.add(Event(kind="security.signature_invalid", actor="webhook",
                          data={"channel": channel, "remote": request.remote, "reason": reason}))
        await session.commit()
    return Problem(403, "Forbidden", f"the webhook signature is {reason}")


@dataclass(frozen=True)
class Notice:
    """Something a provider told us that is not a resident's message."""

    kind: str  # social.echo, social.read, social.delivery, social.status
    channel: str
    data: dict[str, Any] = field(default_factory=dict)
    provider_ids: tuple[str, ...] = ()  # messages we sent that this is about
    status: str | None = None  # delivered, read, failed …
    at: datetime | None = None
    error: str | None = None


async def record_notices(request: web.Request, notices: list[Notice]) -> None:
    """Write every notice as an Event, updating the Outbound rows it concerns."""
    if not notices:
        return
    async with request.app[keys.DEPS].sessions() as session:
        for notice in notices:
            found = [out for provider_id in notice.provider_ids
                     if (out := await apply_status(session, notice, provider_id)) is not None]
            session.add(Event(kind=notice.kind, actor="webhook",
                              case_id=found[0].case_id if found else None,
                              data={"channel": notice.channel, **notice.data,
                                    "outbound_ids": [out.id for out in found]}))
        await session.commit()


async def apply_status(session, notice: Notice, provider_id: str) -> Outbound | None:
    """Note a delivery status on the Outbound row we sent as ``provider_id``; failed fails it."""
    out = await session.scalar(select(Outbound).where(
        Outbound.channel == notice.channel, Outbound.provider_id == provider_id).limit(1))
    if out is None or notice.status is None:
        return out
    at = notice.at.isoformat() if notice.at else None
    out.meta = {**(out.meta or {}), "delivery_status": notice.status, "delivery_status_at": at}
    if notice.status == "failed":
        out.status = OutboundStatus.FAILED
        out.last_error = notice.error or "the provider reported a failed delivery"
    return out
