"""The pipeline: receive → persist raw → normalise → triage → case → acknowledge → route.

The raw message is committed before anything else. Each later stage runs in its own
transaction that also advances ``Message.status``, so a crash between stages resumes at the
next stage on restart. Work is claimed with a lease in the database, and the message row is
version-checked on every commit, so two workers never both complete the same stage.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from channels.base import Channel, RawMessage, SubmitResult
from gateway.blobs import BlobStore
from gateway.deadlines import WorkingCalendar
from gateway.errors import ParseError
from gateway.settings import Settings
from gateway.stages import STAGES, StageContext
from models import Attachment, Case, Event, Message, MessageStatus, TriageDecision, utcnow

log = logging.getLogger(__name__)

DONE = (MessageStatus.ROUTED, MessageStatus.IGNORED, MessageStatus.FAILED)
PERMANENT_ERRORS = (ParseError,)


@dataclass
class Deps:
    """Everything the stages need, built once by ``make_app`` (or by a test)."""

    settings: Settings
    sessions: async_sessionmaker
    triager: Any  # triage.model.Triager; loaded once, used from an executor
    adapters: Mapping[str, Channel]
    blobs: BlobStore
    calendar: WorkingCalendar
    acks: Any  # gateway.acknowledgements.AckRenderer
    clock: Callable[[], datetime] = utcnow
    on_outbound: Callable[[], None] = lambda: None
    extras: dict[str, Any] = field(default_factory=dict)


class LeaseLost(Exception):
    """Another worker took the message over; this one stops without writing."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class Pipeline:
    """Runs messages through the stages, claiming each from the database first."""

    def __init__(self, deps: Deps, owner: str | None = None) -> None:
        self.deps = deps
        self.owner = owner or worker_name()
        self.wake = asyncio.Event()

    async def submit(self, raw: RawMessage, *, wait: bool = True) -> SubmitResult:
        """Persist ``raw`` (committed on return), then process it inline or in the background."""
        message_id, created = await self.receive(raw)
        if wait:
            await self.run_inline(message_id)
        else:
            self.wake.set()
        return await self.outcome(message_id, created)

    async def receive(self, raw: RawMessage) -> tuple[int, bool]:
        """Commit the raw message and its attachments; a repeated delivery returns the first."""
        existing = await self._find(raw.channel, raw.external_id)
        if existing is not None:
            log.info("message.duplicate channel=%s external_id=%s", raw.channel, raw.external_id)
            return existing, False
        async with self.deps.sessions() as session:
            message = self._new_message(raw)
            session.add(message)
            try:
                await session.flush()
                session.add(Event(kind="message.received", message_id=message.id,
                                  data={"channel": raw.channel, "source": raw.source}))
                await session.commit()
            except IntegrityError:  # a concurrent delivery of the same message won the race
                await session.rollback()
                return await self._find(raw.channel, raw.external_id), False
        log.info("message.received channel=%s external_id=%s id=%s",
                 raw.channel, raw.external_id, message.id)
        return message.id, True

    def _new_message(self, raw: RawMessage) -> Message:
        message = Message(
            channel=raw.channel, external_id=raw.external_id, source=raw.source,
            received_at=raw.received_at, raw=raw.payload, raw_content_type=raw.content_type,
            meta=dict(raw.meta), status=MessageStatus.RECEIVED, next_attempt_at=self.deps.clock(),
        )
        message.attachments = [self._attachment(blob) for blob in raw.attachments]
        return message

    def _attachment(self, blob) -> Attachment:
        limit = self.deps.settings.uploads.max_file_bytes
        row = Attachment(filename=blob.filename[:255], content_type=blob.content_type,
                         size=len(blob.data), sha256="", refused=None)
        if len(blob.data) > limit:
            row.refused = f"larger than the {limit}-byte limit"
        else:
            row.sha256 = self.deps.blobs.put(blob.data)
        return row

    async def _find(self, channel: str, external_id: str) -> int | None:
        async with self.deps.sessions() as session:
            return await session.scalar(
                select(Message.id).where(
                    Message.channel == channel, Message.external_id == external_id
                )
            )

    async def run_inline(self, message_id: int) -> None:
        """Process a just-received message now, within the configured time limit."""
        timeout = self.deps.settings.worker.inline_timeout_seconds
        try:
            await asyncio.wait_for(self.run(message_id, due_only=False), timeout)
        except TimeoutError:
            log.warning("pipeline.inline_timeout message_id=%s", message_id)
            self.wake.set()

    async def run(self, message_id: int, *, due_only: bool = True) -> bool:
        """Claim ``message_id`` and run its remaining stages; False if it could not be claimed."""
        if not await self._claim(message_id, due_only):
            return False
        try:
            while await self._step(message_id):
                pass
        except LeaseLost:
            log.warning("pipeline.lease_lost message_id=%s", message_id)
            return True
        finally:
            await self._release(message_id)
        return True

    async def _step(self, message_id: int) -> bool:
        """Run the next stage in its own transaction; False when nothing is left to do."""
        async with self.deps.sessions() as session:
            message = await session.get(Message, message_id, populate_existing=True)
            if message is None or message.lease_owner != self.owner:
                raise LeaseLost
            stage = STAGES.get(message.status)
            if stage is None:
                return False
            try:
                message.status = await stage(StageContext(session, message, self.deps))
                message.failed_stage = message.last_error = None
                await session.commit()
            except StaleDataError as e:
                raise LeaseLost from e
            except Exception as e:  # noqa: BLE001 - every failure is recorded and retried
                await session.rollback()
                await self._record_failure(message_id, stage.__name__, e)
                return False
        if stage.__name__ == "acknowledge":
            self.deps.on_outbound()
        return True

    async def _record_failure(self, message_id: int, stage: str, error: Exception) -> None:
        settings = self.deps.settings.worker
        async with self.deps.sessions() as session:
            message = await session.get(Message, message_id)
            message.attempts += 1
            permanent = isinstance(error, PERMANENT_ERRORS)
            if permanent or message.attempts >= settings.max_attempts:
                message.status = MessageStatus.FAILED
            delay = settings.retry_base_seconds * 2 ** min(message.attempts - 1, 10)
            message.next_attempt_at = self.deps.clock() + timedelta(seconds=delay)
            message.failed_stage, message.last_error = stage, f"{type(error).__name__}: {error}"
            session.add(Event(kind="message.stage_failed", message_id=message_id,
                              case_id=message.case_id,
                              data={"stage": stage, "error": message.last_error,
                                    "attempts": message.attempts, "gave_up": message.status == MessageStatus.FAILED}))
            await session.commit()
        log.error("pipeline.stage_failed message_id=%s stage=%s error=%s", message_id, stage, error,
                  exc_info=not isinstance(error, PERMANENT_ERRORS))

    async def _claim(self, message_id: int, due_only: bool) -> bool:
        now = self.deps.clock()
        lease = timedelta(seconds=self.deps.settings.worker.lease_seconds)
        conditions = [
            Message.id == message_id,
            Message.status.not_in(DONE),
            or_(Message.lease_expires.is_(None), Message.lease_expires < now),
        ]
        if due_only:
            conditions.append(Message.next_attempt_at <= now)
        async with self.deps.sessions() as session:
            result = await session.execute(
                update(Message).where(*conditions).values(
                    lease_owner=self.owner, lease_expires=now + lease, version=Message.version + 1
                ).execution_options(synchronize_session=False)
            )
            await session.commit()
        return result.rowcount == 1

    async def _release(self, message_id: int) -> None:
        async with self.deps.sessions() as session:
            await session.execute(
                update(Message)
                .where(Message.id == message_id, Message.lease_owner == self.owner)
                .values(lease_owner=None, lease_expires=None, version=Message.version + 1)
                .execution_options(synchronize_session=False)
            )
            await session.commit()

    async def due_messages(self, limit: int = 50) -> list[int]:
        """Messages with work left whose retry time has come and whose lease is free."""
        now = self.deps.clock()
        async with self.deps.sessions() as session:
            rows = await session.scalars(
                select(Message.id).where(
                    Message.status.not_in(DONE),
                    Message.next_attempt_at <= now,
                    or_(Message.lease_expires.is_(None), Message.lease_expires < now),
                ).order_by(Message.id).limit(limit)
            )
            return list(rows)

    async def run_due(self, limit: int = 50) -> int:
        """Run every due message once; the number processed."""
        done = 0
        for message_id in await self.due_messages(limit):
            done += await self.run(message_id)
        return done

    async def release_all_leases(self) -> None:
        """Forget leases left by a crashed process (single-process embedded default only)."""
        async with self.deps.sessions() as session:
            await session.execute(
                update(Message).where(Message.lease_owner.is_not(None))
                .values(lease_owner=None, lease_expires=None, version=Message.version + 1)
                .execution_options(synchronize_session=False)
            )
            await session.commit()

    async def outcome(self, message_id: int, created: bool) -> SubmitResult:
        """What the pipeline has made of a message so far."""
        async with self.deps.sessions() as session:
            message = await session.get(Message, message_id)
            case = await session.get(Case, message.case_id) if message.case_id else None
            decision = await session.scalar(
                select(TriageDecision).where(TriageDecision.message_id == message_id)
                .order_by(TriageDecision.id.desc()).limit(1)
            )
        return SubmitResult(
            message_id=message_id, created=created, status=message.status,
            case_reference=case.reference if case else None,
            category=case.category if case else (decision.category if decision else None),
            confidence=decision.confidence if decision else None,
            flags=tuple(case.flags if case else (decision.flags if decision else ())),
            review=case.needs_review if case else None,
            ack_due=case.ack_due if case else None,
        )

    async def worker(self) -> None:
        """Run due messages for ever, waking at once when a message is queued."""
        await run_forever(self.run_due, self.wake, self.deps.settings.worker.poll_seconds,
                          "pipeline.worker_error")


async def run_forever(run_due: Callable[[], Awaitable[int]], wake: asyncio.Event, poll: float,
                      error_event: str) -> None:
    """Call ``run_due`` until cancelled: every ``poll`` seconds, or at once when ``wake`` is set."""
    while True:
        try:
            await run_due()
        except Exception:  # noqa: BLE001 - a worker must outlive a bad database moment
            log.exception(error_event)
        wake.clear()
        try:
            # Not wait_for: on Python 3.11 it swallows a cancel that lands just after wake is
            # set, and the worker then never stops (shutdown hangs).
            async with asyncio.timeout(poll):
                await wake.wait()
        except TimeoutError:
            pass
