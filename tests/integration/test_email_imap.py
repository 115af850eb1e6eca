"""Email intake from a real IMAP server (Dovecot on loopback), end to end through the gateway.

Each test gets a fresh Dovecot with its own user. Mail is APPENDed while Doorstep runs, and the
tests count what it stored and answered: messages, cases and the .eml acknowledgements in the
local outbox. Restarts (of the IMAP server, of Doorstep) must lose and duplicate nothing.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from contextlib import closing
from datetime import UTC, datetime

from sqlalchemy import func, select

from channels.email_imap import raw_message
from channels.imap_poller import MailboxPoller
from gateway import keys
from gateway.app import make_app, open_runtime
from gateway.settings import load_settings
from models import Case, Event, MailboxState, Message, Outbound
from tests.conftest import API_KEY
from tests.fixtures.web_form.forms import eventually, rows
from tests.integration.imap import env_name, imap_server
from tests.integration.postgres import free_port
from tests.integration.serve import Server

SEEN = b"\\Seen"
WAIT = 8.0  # seconds for anything the poller should do "at once"


def resident_mail(n: int, *, sender: str = "tina.m@example.org", body: str | None = None,
                  extra: str = "", message_id: bool = True) -> bytes:
    """A resident's email; ``n`` makes its Message-ID, subject and words its own."""
    ident = f"Message-ID: <resident-{n}@example.org>\r\n" if message_id else ""
    text = body or f"The kitchen tap at flat {n} has a leak again. Please send someone to repair it."
    return (f"From: Tina Example <{sender}>\r\nTo: complaints@example.org\r\n"
            f"Subject: Leaking tap, flat {n}\r\nDate: Fri, 20 Nov 2026 10:0{n % 10}:00 +0000\r\n"
            f"{ident}{extra}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"{text}\r\n\r\nTina\r\n07700 900{n:03d}\r\n").encode()


def email_settings(base, *mailboxes: dict, **email):
    return load_settings(None, **{**base.model_dump(), "email": {
        "mailboxes": list(mailboxes), "idle_seconds": 5.0, "poll_seconds": 0.2,
        "reconnect_max_seconds": 0.2, **email}})


async def start(aiohttp_client, settings, triager):
    return await aiohttp_client(make_app(settings, triager=triager))


async def append(server, message: bytes, folder: str = "INBOX") -> None:
    await asyncio.to_thread(server.append, message, folder)


async def flags(server, folder: str = "INBOX") -> dict:
    return await asyncio.to_thread(server.flags, folder)


async def settled(client, count: int, timeout: float = WAIT) -> list[Message]:
    """Wait until ``count`` messages are all through the pipeline; fail if they are not."""
    async def done():
        found = await rows(client, Message)
        return len(found) >= count and all(m.status in ("routed", "ignored") for m in found) and found
    found = await eventually(done, timeout)
    assert found, [(m.external_id, m.status, m.last_error) for m in await rows(client, Message)]
    return found


async def sent_files(settings, count: int, timeout: float = WAIT) -> list:
    folder = settings.outbox.dir
    found = await eventually(lambda: len(list(folder.glob("*.eml"))) >= count, timeout)
    assert found, sorted(p.name for p in folder.glob("*"))
    return sorted(folder.glob("*.eml"))


async def state(client, name: str = "complaints") -> MailboxState | None:
    async with client.app[keys.DEPS].sessions() as session:
        return await session.get(MailboxState, name)


async def test_mail_appended_while_running_becomes_an_acknowledged_case(
        imap, aiohttp_client, tmp_settings, fake_triager):
    settings = email_settings(tmp_settings, imap.mailbox())
    client = await start(aiohttp_client, settings, fake_triager)
    await append(imap, resident_mail(1))
    [message] = await settled(client, 1)
    assert message.external_id == "<resident-1@example.org>"
    assert message.sender_email == "tina.m@example.org" and message.subject == "Leaking tap, flat 1"
    assert message.meta["mailbox"] == "complaints" and message.meta["tag"] == "complaints"
    assert message.raw == resident_mail(1)
    [eml] = await sent_files(settings, 1)
    case = (await rows(client, Case))[0]
    assert case.reference in eml.read_text()
    assert "In-Reply-To: <resident-1@example.org>" in eml.read_text()
    assert SEEN in (await flags(imap))[1]
    health = await (await client.get("/healthz")).json()
    mailbox = health["channel_health"]["email"]["complaints"]
    assert mailbox["last_uid"] == 1 and mailbox["last_success_at"] and mailbox["last_error"] is None


async def test_restarting_the_imap_server_loses_and_duplicates_nothing(
        imap, aiohttp_client, tmp_settings, fake_triager):
    settings = email_settings(tmp_settings, imap.mailbox())
    client = await start(aiohttp_client, settings, fake_triager)
    for n in (1, 2):
        await append(imap, resident_mail(n))
    await settled(client, 2)
    await asyncio.to_thread(imap.stop)
    assert await eventually(lambda: _has_error(client), WAIT)
    await asyncio.to_thread(imap.start)  # the mail stays on disk; the poller reconnects
    for n in (3, 4):
        await append(imap, resident_mail(n))
    await settled(client, 4)
    await sent_files(settings, 4)
    await asyncio.sleep(0.5)  # time for any duplicate to show itself
    assert len(await rows(client, Message)) == 4 and len(await rows(client, Case)) == 4
    assert len(list(settings.outbox.dir.glob("*.eml"))) == 4
    assert all(SEEN in f for f in (await flags(imap)).values())
    assert (await state(client)).last_uid == 4


async def _has_error(client) -> bool:
    found = await state(client)
    return bool(found and found.last_error)


async def test_restarting_doorstep_resumes_from_the_stored_uid(
        imap, aiohttp_client, tmp_settings, fake_triager, caplog):
    # \\Seen is what staff see too; a keyword flag makes a re-fetch visible if one happened.
    settings = email_settings(tmp_settings, imap.mailbox(flag="$Doorstep"))
    first = await start(aiohttp_client, settings, fake_triager)
    for n in (1, 2):
        await append(imap, resident_mail(n))
    await settled(first, 2)
    polled = (await state(first)).last_success_at
    await first.close()

    caplog.set_level(logging.INFO)
    second = await start(aiohttp_client, settings, fake_triager)
    assert await eventually(lambda: _polled_since(second, polled), WAIT)
    assert "message.duplicate" not in caplog.text and "email.imap.taken" not in caplog.text
    assert "last_uid=2" in caplog.text
    await append(imap, resident_mail(3))
    await settled(second, 3)
    assert [m.external_id for m in await rows(second, Message)] == [
        f"<resident-{n}@example.org>" for n in (1, 2, 3)]
    assert "message.duplicate" not in caplog.text
    assert len(await sent_files(settings, 3)) == 3


async def _polled_since(client, when: datetime) -> bool:
    found = await state(client)
    return bool(found and found.last_success_at and found.last_success_at > when)


async def test_a_new_uidvalidity_starts_the_folder_again_without_duplicates(
        imap, aiohttp_client, tmp_settings, fake_triager):
    folder = "Complaints"
    with imap.client(imap.user, imap.password) as c:
        c.create_folder(folder)
    settings = email_settings(tmp_settings, imap.mailbox(folder=folder))
    first = await start(aiohttp_client, settings, fake_triager)
    for n in (1, 2):
        await append(imap, resident_mail(n), folder)
    await settled(first, 2)
    old = (await state(first)).uidvalidity
    await first.close()

    with imap.client(imap.user, imap.password) as c:  # recreated: UIDs start again at 1
        c.delete_folder(folder)
        c.create_folder(folder)
    await append(imap, resident_mail(3), folder)  # UID 1 now, below the stored last UID
    await append(imap, resident_mail(1), folder)  # an old message, copied back by someone
    second = await start(aiohttp_client, settings, fake_triager)
    await settled(second, 3)
    await asyncio.sleep(0.3)
    assert len(await rows(second, Message)) == 3
    current = await state(second)
    assert current.uidvalidity != old and current.last_uid == 2
    [event] = [e for e in await rows(second, Event) if e.kind == "mailbox.uidvalidity_changed"]
    assert event.data["old"] == old and event.data["new"] == current.uidvalidity
    assert all(SEEN in f for f in (await flags(imap, folder)).values())


class FlakySubmit:
    """A registered fake for ``submit``: raises before storing until told to stop failing."""

    def __init__(self, pipeline) -> None:
        self.pipeline, self.failing, self.calls = pipeline, True, []

    async def __call__(self, raw, *, wait: bool = True):
        self.calls.append(raw.external_id)
        if self.failing:
            raise ConnectionError("database unavailable")
        return await self.pipeline.submit(raw, wait=False)


async def test_a_message_is_flagged_only_after_its_raw_copy_is_committed(
        tmp_settings, fake_triager, imap):
    settings = email_settings(tmp_settings, imap.mailbox())
    async with open_runtime(settings, {}, triager=fake_triager) as runtime:
        deps = runtime.deps
        submit = FlakySubmit(runtime.pipeline)
        poller = MailboxPoller(settings.email.mailboxes[0], settings.email, deps.sessions,
                               deps.clock, submit, raw_message)
        task = asyncio.create_task(poller.run())
        try:
            await append(imap, resident_mail(1))
            assert await eventually(lambda: len(submit.calls) >= 3, WAIT)  # tried, and tried again
            assert SEEN not in (await flags(imap))[1]
            async with deps.sessions() as session:
                row = await session.get(MailboxState, "complaints")
                assert row.last_uid == 0 and "database unavailable" in row.last_error
                assert await session.scalar(select(func.count()).select_from(Message)) == 0

            submit.failing = False
            assert await eventually(lambda: _flagged(imap), WAIT)
            async with deps.sessions() as session:
                assert (await session.get(MailboxState, "complaints")).last_uid == 1
                assert await session.scalar(select(func.count()).select_from(Message)) == 1
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def _flagged(imap) -> bool:
    return SEEN in (await flags(imap)).get(1, ())


async def test_an_auto_reply_is_recorded_but_not_acknowledged(
        imap, aiohttp_client, tmp_settings, fake_triager):
    settings = email_settings(tmp_settings, imap.mailbox())
    client = await start(aiohttp_client, settings, fake_triager)
    await append(imap, resident_mail(
        1, body="I am out of the office until Monday.", extra="Auto-Submitted: auto-replied\r\n"))
    await append(imap, resident_mail(2))
    first, second = await settled(client, 2)
    assert first.status == "ignored" and second.status == "routed"
    assert [o.message_id for o in await rows(client, Outbound)] == [second.id]
    assert len(await sent_files(settings, 1)) == 1
    assert any(e.kind == "message.ignored_auto_reply" for e in await rows(client, Event))


async def test_health_shows_the_last_poll_and_error_of_an_unreachable_mailbox(
        aiohttp_client, tmp_settings, fake_triager, monkeypatch):
    monkeypatch.setenv("DOORSTEP_TEST_IMAP_NOWHERE_PASSWORD", "unused")
    box = {"name": "nowhere", "host": "127.0.0.1", "port": free_port(), "security": "none",
           "username": "tina", "password_env": "DOORSTEP_TEST_IMAP_NOWHERE_PASSWORD"}
    client = await start(aiohttp_client, email_settings(tmp_settings, box), fake_triager)

    async def reported():
        health = await (await client.get("/healthz")).json()
        found = health["channel_health"]["email"]["nowhere"]
        return found["last_error"] and found
    found = await eventually(reported, WAIT)
    assert "Connection refused" in found["last_error"] or "ConnectionRefused" in found["last_error"]
    assert found["last_poll_at"] and found["last_error_at"] and found["last_success_at"] is None
    assert datetime.fromisoformat(found["last_error_at"]) <= datetime.now(UTC)


async def test_moving_taken_mail_to_another_folder(
        imap, aiohttp_client, tmp_settings, fake_triager):
    settings = email_settings(tmp_settings, imap.mailbox(after="move"))
    client = await start(aiohttp_client, settings, fake_triager)
    for n in (1, 2):
        await append(imap, resident_mail(n))
    await settled(client, 2)
    assert await eventually(lambda: _moved(imap, 2), WAIT)
    assert await flags(imap) == {}


async def _moved(imap, count: int) -> bool:
    return len(await flags(imap, "Doorstep/Processed")) == count


async def test_a_message_over_the_size_limit_is_kept_as_headers_and_marked_refused(
        imap, aiohttp_client, tmp_settings, fake_triager):
    settings = email_settings(tmp_settings, imap.mailbox(), max_message_bytes=4096)
    client = await start(aiohttp_client, settings, fake_triager)
    big = resident_mail(1, body="A photo of the leak follows. " + "x" * 10_000)
    await append(imap, big)
    await append(imap, resident_mail(2))
    large, small = await settled(client, 2)
    assert large.raw == big[:big.index(b"\r\n\r\n") + 4]  # the header section only
    assert "over the 4096-byte limit" in large.meta["refused"] and large.meta["size"] == len(big)
    assert large.external_id == "<resident-1@example.org>" and large.subject == "Leaking tap, flat 1"
    assert "over the 4096-byte limit" in large.text
    assert small.raw == resident_mail(2)


async def test_mail_without_a_message_id_is_stored_once(
        imap, aiohttp_client, tmp_settings, fake_triager):
    settings = email_settings(tmp_settings, imap.mailbox())
    client = await start(aiohttp_client, settings, fake_triager)
    mail = resident_mail(1, message_id=False)
    await append(imap, mail)
    await append(imap, mail)  # the same bytes delivered twice
    await append(imap, resident_mail(2))
    await settled(client, 2)
    assert await eventually(lambda: _taken(client, 3), WAIT)
    found = await rows(client, Message)
    assert len(found) == 2 and found[0].external_id.endswith("@doorstep>")


async def _taken(client, uid: int) -> bool:
    found = await state(client)
    return bool(found and found.last_uid >= uid)


async def test_starttls_with_the_servers_own_certificate(aiohttp_client, tmp_settings,
                                                         fake_triager, monkeypatch):
    user, password = "tls-intake", "imap-tls-password-1"
    monkeypatch.setenv(env_name(user), password)
    with imap_server({user: password}, tls=True) as server:
        server.user, server.password = user, password
        box = server.mailbox(security="starttls", ca_file=str(server.cert))
        settings = email_settings(tmp_settings, box)
        client = await start(aiohttp_client, settings, fake_triager)
        await append(server, resident_mail(1))
        await settled(client, 1)
        assert "secured" in server.log() or "TLS" in server.log()
        await client.close()


async def test_a_certificate_that_is_not_trusted_is_refused(aiohttp_client, tmp_settings,
                                                            fake_triager, monkeypatch):
    user, password = "tls-intake", "imap-tls-password-1"
    monkeypatch.setenv(env_name(user), password)
    with imap_server({user: password}, tls=True) as server:
        server.user, server.password = user, password
        settings = email_settings(tmp_settings, server.mailbox(security="starttls"))
        client = await start(aiohttp_client, settings, fake_triager)
        assert await eventually(lambda: _has_error(client), WAIT)
        assert "CERTIFICATE_VERIFY_FAILED" in (await state(client)).last_error
        await client.close()


def stored(root) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(root / "doorstep.db")) as db:
        return db.execute("SELECT external_id, status FROM messages ORDER BY id").fetchall()


async def test_doorstep_serve_takes_mail_and_resumes_after_a_crash(imap, tmp_path):
    """The real process: mail in while it runs, a SIGKILL, and a restart that repeats nothing."""
    server = Server(tmp_path, API_KEY, {
        "DOORSTEP_EMAIL_MAILBOXES": json.dumps([imap.mailbox()]),
        "DOORSTEP_EMAIL_IDLE_SECONDS": "5", "DOORSTEP_EMAIL_RECONNECT_MAX_SECONDS": "0.5"})
    outbox = tmp_path / "outbox"
    await asyncio.to_thread(server.start)
    try:
        for n in (1, 2):
            await append(imap, resident_mail(n))
        assert await eventually(lambda: len(list(outbox.glob("*.eml"))) == 2, WAIT), server.log()
        server.kill()
        await append(imap, resident_mail(3))  # arrives while Doorstep is down
        await asyncio.to_thread(server.start)
        assert await eventually(lambda: len(list(outbox.glob("*.eml"))) == 3, WAIT), server.log()
        await asyncio.sleep(0.5)
        assert [s for _, s in stored(tmp_path)] == ["routed"] * 3
        assert len(list(outbox.glob("*.eml"))) == 3 and "message.duplicate" not in server.log()
    finally:
        server.stop()


async def test_without_idle_or_move_the_folder_is_polled_and_mail_copied_out(
        aiohttp_client, tmp_settings, fake_triager, monkeypatch):
    """A server that offers neither IDLE nor MOVE: Doorstep polls, and moves by COPY + EXPUNGE."""
    user, password = "plain-intake", "imap-plain-password-1"
    monkeypatch.setenv(env_name(user), password)
    with imap_server({user: password}, extra_config="imap_capability = IMAP4rev1 UIDPLUS\n") as server:
        server.user, server.password = user, password
        settings = email_settings(tmp_settings, server.mailbox(after="move"), poll_seconds=0.2)
        client = await start(aiohttp_client, settings, fake_triager)
        assert await eventually(lambda: _polled(client), WAIT)
        for n in (1, 2):
            await append(server, resident_mail(n))
        await settled(client, 2)
        assert await eventually(lambda: _moved(server, 2), WAIT)
        assert await flags(server) == {}
        await client.close()


async def _polled(client) -> bool:
    found = await state(client)
    return bool(found and found.last_success_at)


async def test_first_run_new_leaves_the_mail_already_there(
        imap, aiohttp_client, tmp_settings, fake_triager):
    for n in (1, 2):
        await append(imap, resident_mail(n))
    settings = email_settings(tmp_settings, imap.mailbox(first_run="new"))
    client = await start(aiohttp_client, settings, fake_triager)
    assert await eventually(lambda: _polled(client), WAIT)
    await append(imap, resident_mail(3))
    [message] = await settled(client, 1)
    assert message.external_id == "<resident-3@example.org>" and (await state(client)).last_uid == 3
    assert SEEN not in (await flags(imap))[1]


async def test_a_wrong_imap_password_is_shown_in_health(
        imap, aiohttp_client, tmp_settings, fake_triager, monkeypatch):
    monkeypatch.setenv(env_name(imap.user), "not-the-password")
    client = await start(aiohttp_client, email_settings(tmp_settings, imap.mailbox()), fake_triager)
    assert await eventually(lambda: _has_error(client), WAIT)
    health = await (await client.get("/healthz")).json()
    error = health["channel_health"]["email"]["complaints"]["last_error"]
    assert error.startswith("LoginError: [AUTHENTICATIONFAILED]"), error


async def test_intake_on_postgres(imap, aiohttp_client, pg_settings, fake_triager):
    settings = email_settings(pg_settings, imap.mailbox())
    client = await start(aiohttp_client, settings, fake_triager)
    for n in (1, 2):
        await append(imap, resident_mail(n))
    await settled(client, 2)
    await sent_files(settings, 2)
    assert (await state(client)).last_uid == 2
