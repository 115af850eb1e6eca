"""The intake loop for one IMAP mailbox: exactly-once by UIDVALIDITY and the last UID taken.

For each new UID, oldest first: fetch, ``submit`` (which commits the raw copy), and only then
mark the message on the server and advance ``MailboxState.last_uid``. A crash between any two
steps makes the message come round again, and its Message-ID makes that second submission a
no-op. Between rounds the loop waits in IDLE where the server offers it, else sleeps; a lost
connection is retried with capped exponential backoff, and every outcome is recorded on the
mailbox's state row for ``/healthz``.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from channels.base import RawMessage, Submit
from channels.imap_connection import Connection, Worker
from gateway.settings import EmailSettings, MailboxSettings
from models import Event, MailboxState

log = logging.getLogger(__name__)

DESCRIBE_BATCH = 200  # UIDs whose size and date are asked for at once
FETCH_BATCH = 10  # messages fetched whole at once (fewer if they are large)

RawBuilder = Callable[..., RawMessage]


class MailboxPoller:
    """Takes new mail from one mailbox and submits it, until cancelled."""

    def __init__(self, box: MailboxSettings, settings: EmailSettings, sessions, clock,
                 submit: Submit, build_raw: RawBuilder) -> None:
        self.box, self.settings, self.sessions, self.clock = box, settings, sessions, clock
        self.submit, self.build_raw = submit, build_raw
        self.worker = Worker(f"imap-{box.name}")
        self.stopping = threading.Event()
        self.failures = 0
        self.last_uid = 0
        self.uidvalidity = 0

    async def run(self) -> None:
        """Connect, take mail, wait; on any error record it and reconnect after a growing pause."""
        try:
            while True:
                try:
                    await self.session()
                except Exception as e:  # noqa: BLE001 - every failure is recorded, then retried
                    self.failures += 1
                    delay = min(2.0 ** (self.failures - 1), self.settings.reconnect_max_seconds)
                    log.warning("email.imap.error mailbox=%s error=%s retry_in=%.1fs",
                                self.box.name, describe(e), delay)
                    await self.record_error(describe(e))
                    await asyncio.sleep(delay)
        finally:
            self.stopping.set()
            self.worker.close()

    async def session(self) -> None:
        conn = Connection(self.box)
        await self.record(last_poll_at=self.clock())
        try:
            uidvalidity, uidnext = await self.worker.call(conn.open)
            await self.check_uidvalidity(uidvalidity, uidnext)
            log.info("email.imap.connected mailbox=%s folder=%s idle=%s last_uid=%s",
                     self.box.name, self.box.folder, conn.has_idle, self.last_uid)
            while True:
                await self.take_new(conn)
                self.failures = 0
                now = self.clock()
                await self.record(last_poll_at=now, last_success_at=now)
                if not await self.worker.call(conn.has_news):
                    await self.wait_for_mail(conn)
        finally:
            self.worker.submit(conn.close)  # after whatever call is still running

    async def wait_for_mail(self, conn: Connection) -> None:
        if conn.has_idle:
            await self.worker.call(conn.idle, self.settings.idle_seconds, self.stopping)
        else:
            await asyncio.sleep(self.settings.poll_seconds)
            await self.worker.call(conn.refresh)

    async def take_new(self, conn: Connection) -> None:
        """Submit every message above the last UID taken, in UID order."""
        uids = await self.worker.call(conn.new_uids, self.last_uid)
        for chunk in chunks(uids, DESCRIBE_BATCH):
            described = await self.worker.call(conn.describe, chunk)
            for batch in self.batches([u for u in chunk if u in described], described):
                await self.take_batch(conn, batch, described)

    def batches(self, uids: list[int], described: dict) -> Iterator[list[int]]:
        """Runs of at most FETCH_BATCH messages, and at most max_message_bytes between them."""
        batch, size = [], 0
        for uid in uids:
            bytes_ = min(described[uid][0], self.settings.max_message_bytes)
            full = len(batch) == FETCH_BATCH or size + bytes_ > self.settings.max_message_bytes
            if batch and full:
                yield batch
                batch, size = [], 0
            batch.append(uid)
            size += bytes_
        if batch:
            yield batch

    async def take_batch(self, conn: Connection, batch: list[int], described: dict) -> None:
        limit = self.settings.max_message_bytes
        small = [u for u in batch if described[u][0] <= limit]
        large = [u for u in batch if described[u][0] > limit]
        payloads = await self.worker.call(conn.bodies, small) if small else {}
        if large:
            payloads.update(await self.worker.call(conn.headers, large))
        stored: list[int] = []
        try:
            for uid in batch:
                if uid in payloads:  # else deleted by someone else since the SEARCH
                    size, internaldate = described[uid]
                    await self.take_one(uid, payloads[uid], size, internaldate)
                stored.append(uid)
        finally:  # mark and advance past what was stored, even if a later message failed
            if stored:
                await self.worker.call(conn.mark, stored)
                await self.advance(stored[-1])

    async def take_one(self, uid: int, payload: bytes, size: int, internaldate) -> None:
        meta = {"mailbox": self.box.name, "folder": self.box.folder, "uid": uid,
                "uidvalidity": self.uidvalidity, "size": size}
        if self.box.tag:
            meta["tag"] = self.box.tag
        if size > self.settings.max_message_bytes:
            meta["refused"] = (f"the message is {size} bytes, over the {self.settings.max_message_bytes}"
                               "-byte limit: only its headers were kept")
        raw = await asyncio.to_thread(  # parsing a large message would hold up the loop
            self.build_raw, payload, received_at=received_time(internaldate, self.clock), meta=meta)
        result = await self.submit(raw, wait=False)
        log.info("email.imap.taken channel=email mailbox=%s uid=%s external_id=%s raw_id=%s "
                 "created=%s", self.box.name, uid, raw.external_id, result.message_id, result.created)

    async def check_uidvalidity(self, uidvalidity: int, uidnext: int | None) -> None:
        """Load the stored position; a new UIDVALIDITY (or folder) starts the folder again."""
        async with self.sessions() as session:
            state = await self._state(session)
            changed = state.uidvalidity is not None and (
                state.uidvalidity != uidvalidity or state.folder != self.box.folder)
            if changed:
                log.warning("email.imap.uidvalidity_changed mailbox=%s folder=%s old=%s new=%s",
                            self.box.name, self.box.folder, state.uidvalidity, uidvalidity)
                session.add(Event(kind="mailbox.uidvalidity_changed", data={
                    "mailbox": self.box.name, "folder": self.box.folder, "old": state.uidvalidity,
                    "new": uidvalidity, "last_uid": state.last_uid}))
                state.last_uid = 0  # Message-IDs keep the messages already stored from repeating
            elif state.uidvalidity is None and self.box.first_run == "new" and uidnext:
                state.last_uid = uidnext - 1
            state.uidvalidity, state.folder = uidvalidity, self.box.folder
            self.uidvalidity, self.last_uid = uidvalidity, state.last_uid
            await session.commit()

    async def advance(self, uid: int) -> None:
        """Move the stored position forward (never back, whoever else polls the mailbox)."""
        async with self.sessions() as session:
            await session.execute(
                update(MailboxState).where(
                    MailboxState.name == self.box.name, MailboxState.last_uid < uid,
                    MailboxState.uidvalidity == self.uidvalidity,
                ).values(last_uid=uid))
            await session.commit()
        self.last_uid = max(self.last_uid, uid)

    async def record_error(self, error: str) -> None:
        try:
            await self.record(last_error=error, last_error_at=self.clock())
        except Exception:  # noqa: BLE001 - the database may be what failed; keep polling
            log.exception("email.imap.record_failed mailbox=%s", self.box.name)

    async def record(self, **values) -> None:
        """Write health fields onto the mailbox's state row, creating the row if need be."""
        for attempt in range(2):
            async with self.sessions() as session:
                state = await self._state(session)
                for key, value in values.items():
                    setattr(state, key, value)
                try:
                    await session.commit()
                    return
                except IntegrityError:  # another process created the row first
                    if attempt:
                        raise

    async def _state(self, session) -> MailboxState:
        state = await session.get(MailboxState, self.box.name)
        if state is None:
            state = MailboxState(name=self.box.name, folder=self.box.folder, last_uid=0)
            session.add(state)
        return state


def received_time(internaldate: datetime | None, clock) -> datetime:
    """INTERNALDATE in UTC (a naive one is taken as UTC), or now if the server gave none."""
    if internaldate is None:
        return clock()
    if internaldate.tzinfo is None:
        return internaldate.replace(tzinfo=UTC)
    return internaldate.astimezone(UTC)


def chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def describe(error: BaseException) -> str:
    """``Type: message`` for the health record; imaplib's answers arrive as bytes or their repr."""
    first = error.args[0] if error.args else ""
    text = first.decode(errors="replace") if isinstance(first, bytes) else str(error)
    if text.startswith(("b'", 'b"')) and text[-1:] == text[1:2]:
        text = text[2:-1]
    return f"{type(error).__name__}: {text}"[:1000]
