"""Blocking IMAP calls for one mailbox, made with imapclient on the mailbox's own thread.

Nothing here touches the database or the event loop: ``channels.imap_poller`` calls these
methods through ``Worker.call`` and decides what to do with the answers.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import queue
import ssl
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from imapclient import IMAPClient

from gateway.settings import MailboxSettings

TIMEOUT_SECONDS = 60.0
IDLE_SLICE_SECONDS = 1.0  # how often an IDLE wait checks whether Doorstep is stopping
DELETED = b"\\Deleted"


class Worker:
    """One daemon thread that runs blocking calls in order; a stuck call never blocks exit."""

    def __init__(self, name: str) -> None:
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._run, name=name, daemon=True).start()

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            future, fn, args = job
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args))
                except BaseException as e:  # noqa: BLE001 - handed to the awaiting coroutine
                    future.set_exception(e)

    def submit(self, fn: Callable[..., Any], *args: Any) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self.jobs.put((future, fn, args))
        return future

    async def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` on the thread and wait for it without blocking the loop."""
        return await asyncio.wrap_future(self.submit(fn, *args))

    def close(self) -> None:
        """Let the thread end once the calls already queued are done."""
        self.jobs.put(None)


class Connection:
    """A logged-in session with the mailbox's folder selected."""

    def __init__(self, box: MailboxSettings) -> None:
        self.box = box
        self.client: IMAPClient | None = None
        self.has_idle = False

    def open(self) -> tuple[int, int | None]:
        """Connect, log in and select the folder; returns ``(UIDVALIDITY, UIDNEXT)``."""
        box = self.box
        context = ssl.create_default_context(cafile=str(box.ca_file) if box.ca_file else None)
        self.client = client = IMAPClient(box.host, box.port, ssl=box.security == "tls",
                                          ssl_context=context, timeout=TIMEOUT_SECONDS)
        try:
            client.normalise_times = False  # INTERNALDATE with its offset, not naive local time
            if box.security == "starttls":
                client.starttls(context)
            client.login(box.username, box.password())
            if box.after == "move" and not client.folder_exists(box.move_to):
                client.create_folder(box.move_to)
            info = client.select_folder(box.folder)
            self.has_news()  # the EXISTS of the SELECT itself is no news
            self.has_idle = client.has_capability("IDLE")
        except BaseException:
            self.close()
            raise
        return int(info[b"UIDVALIDITY"]), info.get(b"UIDNEXT")

    def new_uids(self, after: int) -> list[int]:
        """UIDs above ``after``, oldest first (``n:*`` always matches the newest, hence the filter)."""
        return sorted(uid for uid in self.client.search(["UID", f"{after + 1}:*"]) if uid > after)

    def describe(self, uids: list[int]) -> dict[int, tuple[int, datetime | None]]:
        """``uid -> (size, INTERNALDATE)``, without fetching any message."""
        found = self.client.fetch(uids, ["RFC822.SIZE", "INTERNALDATE"])
        return {uid: (int(d[b"RFC822.SIZE"]), d.get(b"INTERNALDATE")) for uid, d in found.items()}

    def bodies(self, uids: list[int]) -> dict[int, bytes]:
        """The whole messages; PEEK, so that nothing is marked \\Seen before it is stored."""
        found = self.client.fetch(uids, ["BODY.PEEK[]"])
        return {uid: d[b"BODY[]"] for uid, d in found.items() if b"BODY[]" in d}

    def headers(self, uids: list[int]) -> dict[int, bytes]:
        """The header sections only, for messages too large to take."""
        found = self.client.fetch(uids, ["BODY.PEEK[HEADER]"])
        return {uid: d[b"BODY[HEADER]"] for uid, d in found.items() if b"BODY[HEADER]" in d}

    def mark(self, uids: list[int]) -> None:
        """Mark stored messages as configured: add the flag, or move them out of the folder."""
        client, box = self.client, self.box
        if box.after == "flag":
            client.add_flags(uids, [box.flag], silent=True)
        elif client.has_capability("MOVE"):
            client.move(uids, box.move_to)
        else:
            client.copy(uids, box.move_to)
            client.add_flags(uids, [DELETED], silent=True)
            if client.has_capability("UIDPLUS"):  # a plain EXPUNGE would take others' deletions too
                client.uid_expunge(uids)

    def has_news(self) -> bool:
        """Whether the server announced messages (EXISTS) since the last look.

        A message that arrives during a round is announced in the answer to one of that round's
        commands, which imaplib files away; IDLE will not announce it again, so look first.
        """
        return self.client._imap.untagged_responses.pop("EXISTS", None) is not None

    def refresh(self) -> None:
        """Let the server report what arrived since the last command."""
        self.client.noop()

    def idle(self, seconds: float, stopping: threading.Event) -> None:
        """Wait in IDLE until the server reports something, ``seconds`` pass, or Doorstep stops."""
        client = self.client
        client.idle()
        deadline = time.monotonic() + seconds
        try:
            while not stopping.is_set() and (left := deadline - time.monotonic()) > 0:
                wait = min(IDLE_SLICE_SECONDS, left)
                started = time.monotonic()
                # An early empty answer means the socket closed: leave, and idle_done will say so.
                if client.idle_check(timeout=wait) or time.monotonic() - started < wait / 2:
                    return
        finally:
            client.idle_done()

    def close(self) -> None:
        """Log out, or just drop the connection if the server is already gone."""
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - the connection is being abandoned anyway
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001
                pass
