"""The outbox: delivers queued acknowledgements and notifications, retrying with backoff.

A failed send never touches the case or the message: the Outbound row records each attempt,
and after the last one its status is ``failed`` with the error, visible to staff.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import timedelta

from sqlalchemy import or_, select, update

from channels.base import AckResult, Deliverer, Outgoing
from gateway.pipeline import Deps, run_forever, worker_name
from models import Event, Outbound
from models.outbound import OutboundStatus

log = logging.getLogger(__name__)


class OutboxWorker:
    """Claims due Outbound rows and hands each to the deliverer for its channel."""

    def __init__(self, deps: Deps, deliverers: Mapping[str, Deliverer], fallback: Deliverer,
                 owner: str | None = None) -> None:
        self.deps, self.deliverers, self.fallback = deps, dict(deliverers), fallback
        self.owner = owner or worker_name()
        self.wake = asyncio.Event()

    def deliverer_for(self, channel: str) -> Deliverer:
        return self.deliverers.get(channel, self.fallback)

    async def due(self, limit: int = 50) -> list[int]:
        now = self.deps.clock()
        async with self.deps.sessions() as session:
            rows = await session.scalars(
                select(Outbound.id).where(
                    Outbound.status == OutboundStatus.QUEUED, Outbound.next_attempt_at <= now,
                    or_(Outbound.lease_expires.is_(None), Outbound.lease_expires < now),
                ).order_by(Outbound.id).limit(limit)
            )
            return list(rows)

    async def run_due(self, limit: int = 50) -> int:
        """Try every due row once; the number attempted."""
        ids = await self.due(limit)
        for outbound_id in ids:
            await self.deliver(outbound_id)
        return len(ids)

    async def deliver(self, outbound_id: int) -> None:
        if not await self._claim(outbound_id):
            return
        async with self.deps.sessions() as session:
            out = await session.get(Outbound, outbound_id)
            outgoing = Outgoing(outbound_id=out.id, channel=out.channel, recipient=out.recipient,
                                subject=out.subject, body_text=out.body_text,
                                body_html=out.body_html,
                                meta={**(out.meta or {}), "message_id": out.email_message_id})
        try:
            result = await self.deliverer_for(out.channel).send(outgoing)
        except Exception as e:  # noqa: BLE001 - a deliverer's crash is one failed attempt
            log.exception("outbox.deliver_error outbound_id=%s", outbound_id)
            result = AckResult(ok=False, error=f"{type(e).__name__}: {e}", retry=True)
        await self._record(outbound_id, result)

    async def _claim(self, outbound_id: int) -> bool:
        now = self.deps.clock()
        async with self.deps.sessions() as session:
            result = await session.execute(
                update(Outbound).where(
                    Outbound.id == outbound_id, Outbound.status == OutboundStatus.QUEUED,
                    or_(Outbound.lease_expires.is_(None), Outbound.lease_expires < now),
                ).values(lease_owner=self.owner,
                         lease_expires=now + timedelta(seconds=self.deps.settings.worker.lease_seconds))
            )
            await session.commit()
        return result.rowcount == 1

    async def _record(self, outbound_id: int, result: AckResult) -> None:
        settings = self.deps.settings.worker
        async with self.deps.sessions() as session:
            out = await session.get(Outbound, outbound_id)
            out.attempts += 1
            out.lease_owner = out.lease_expires = None
            if result.ok:
                out.status, out.sent_at, out.provider_id = OutboundStatus.SENT, self.deps.clock(), result.provider_id
                out.last_error = None
            else:
                out.last_error = result.error
                if not result.retry or out.attempts >= settings.max_attempts:
                    out.status = OutboundStatus.FAILED
                delay = settings.retry_base_seconds * 2 ** min(out.attempts - 1, 10)
                out.next_attempt_at = self.deps.clock() + timedelta(seconds=delay)
            session.add(Event(kind=f"outbound.{'sent' if result.ok else 'attempt_failed'}",
                              case_id=out.case_id, message_id=out.message_id,
                              data={"outbound_id": out.id, "channel": out.channel,
                                    "attempts": out.attempts, "error": result.error,
                                    "status": out.status}))
            await session.commit()
        if not result.ok:
            log.warning("outbox.send_failed outbound_id=%s error=%s", outbound_id, result.error)

    async def release_all_leases(self) -> None:
        """Forget leases left by a crashed process (single-process embedded default only)."""
        async with self.deps.sessions() as session:
            await session.execute(update(Outbound).where(Outbound.lease_owner.is_not(None))
                                  .values(lease_owner=None, lease_expires=None))
            await session.commit()

    async def worker(self) -> None:
        """Deliver for ever, waking at once when something is queued."""
        await run_forever(self.run_due, self.wake, self.deps.settings.worker.poll_seconds,
                          "outbox.worker_error")
