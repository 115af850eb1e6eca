"""Sending acknowledgements through a real SMTP server: aiosmtpd with STARTTLS and required AUTH.

The server's certificate is self-signed, made by the test; Doorstep's deliverer is given a TLS
context that trusts it. The sink's handler can answer the next messages with a 4xx or refuse a
recipient with a 5xx, as a real server would.
"""

from __future__ import annotations

import asyncio
import ssl
from email import message_from_bytes
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from channels.email_smtp import SmtpDeliverer
from gateway.app import make_app
from gateway.settings import load_settings
from models import Case, Event, Message, Outbound
from tests.conftest import api_message
from tests.fixtures.web_form.forms import eventually, rows, sign_in
from tests.integration.imap import self_signed_cert
from tests.integration.postgres import free_port

SMTP_USER, SMTP_PASSWORD = "doorstep", "smtp-test-password-1"
RESIDENT = "tina.m@example.org"


class Sink:
    """An aiosmtpd handler that keeps what it accepts and answers as told."""

    def __init__(self) -> None:
        self.messages: list = []
        self.data_answers: list[str] = []  # the next DATA commands get these answers
        self.refused: dict[str, str] = {}  # recipient -> RCPT answer

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_answers:
            return self.data_answers.pop(0)
        self.messages.append(message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    # handled=False lets aiosmtpd answer 535 itself; handled=True with a failure hangs the client.
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == SMTP_USER.encode()
          and auth_data.password == SMTP_PASSWORD.encode())
    return AuthResult(success=ok, handled=False)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return self_signed_cert(tmp_path_factory.mktemp("smtp-cert"))


@pytest.fixture
def client_tls(certificate) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate[0]))


def server_tls(certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*map(str, certificate))
    return context


@pytest.fixture
def smtp_sink(certificate):
    """A STARTTLS server that requires TLS before AUTH and AUTH before mail."""
    sink = Sink()
    controller = Controller(
        sink, hostname="127.0.0.1", port=free_port(), tls_context=server_tls(certificate),
        require_starttls=True, auth_required=True, auth_require_tls=True,
        authenticator=authenticator,
    )
    controller.start()
    sink.port = controller.port
    yield sink
    controller.stop()


@pytest.fixture
def smtps_sink(certificate):
    """The same server on implicit TLS (port 465 style)."""
    sink = Sink()
    controller = Controller(
        sink, hostname="127.0.0.1", port=free_port(), ssl_context=server_tls(certificate),
        # aiosmtpd cannot tell that an implicit-TLS connection is encrypted, so it must be told.
        auth_required=True, auth_require_tls=False, authenticator=authenticator,
    )
    controller.start()
    sink.port = controller.port
    yield sink
    controller.stop()


def smtp_settings(base, port: int, security: str = "starttls", password: str = SMTP_PASSWORD):
    return load_settings(None, **{**base.model_dump(), "smtp": {
        "host": "127.0.0.1", "port": port, "security": security, "username": SMTP_USER,
        "password": password, "from_address": "complaints@example.org",
        "from_name": "Example Homes", "timeout_seconds": 5.0}})


async def gateway(aiohttp_client, settings, triager, client_tls):
    deliverer = SmtpDeliverer(settings.smtp, tls_context=client_tls)
    return await aiohttp_client(make_app(settings, triager=triager, deliverers={"email": deliverer}))


async def send_api_message(client, auth, **overrides) -> dict:
    resp = await client.post("/api/v1/messages", json=api_message(**overrides), headers=auth)
    assert resp.status == 201, await resp.text()
    return await resp.json()


async def outbound_when(client, *statuses: str, timeout: float = 5.0) -> Outbound:
    async def settled():
        found = await rows(client, Outbound)
        return found[0] if found and found[0].status in statuses else None
    out = await eventually(settled, timeout)
    assert out is not None, [(o.status, o.attempts, o.last_error) for o in await rows(client, Outbound)]
    return out


async def test_acknowledgement_goes_out_over_starttls_with_text_and_html(
        aiohttp_client, tmp_settings, fake_triager, client_tls, smtp_sink, auth):
    client = await gateway(aiohttp_client, smtp_settings(tmp_settings, smtp_sink.port),
                           fake_triager, client_tls)
    created = await send_api_message(client, auth)
    out = await outbound_when(client, "sent")
    assert out.attempts == 1 and out.provider_id == out.email_message_id
    [mail] = smtp_sink.messages
    assert mail["To"] == RESIDENT and mail["Message-ID"] == out.email_message_id
    assert created["case_reference"] in mail["Subject"]
    assert mail["Auto-Submitted"] == "auto-replied"
    assert {p.get_content_type() for p in mail.walk()} >= {"text/plain", "text/html"}
    assert created["case_reference"] in mail.get_body(("plain",)).get_content()


async def test_a_451_answer_is_retried_and_then_delivered(
        aiohttp_client, tmp_settings, fake_triager, client_tls, smtp_sink, auth):
    smtp_sink.data_answers = ["451 4.3.0 Temporary local problem, try again"]
    client = await gateway(aiohttp_client, smtp_settings(tmp_settings, smtp_sink.port),
                           fake_triager, client_tls)
    await send_api_message(client, auth)
    out = await outbound_when(client, "sent")
    assert out.attempts == 2 and out.last_error is None
    assert len(smtp_sink.messages) == 1
    failed = [e for e in await rows(client, Event) if e.kind == "outbound.attempt_failed"]
    assert len(failed) == 1 and "451" in failed[0].data["error"]


async def test_a_550_refused_recipient_fails_for_good_and_staff_see_why(
        aiohttp_client, tmp_settings, fake_triager, client_tls, smtp_sink, auth):
    smtp_sink.refused[RESIDENT] = "550 5.1.1 Mailbox does not exist"
    client = await gateway(aiohttp_client, smtp_settings(tmp_settings, smtp_sink.port),
                           fake_triager, client_tls)
    created = await send_api_message(client, auth)
    out = await outbound_when(client, "failed")
    assert out.attempts == 1
    assert "550" in out.last_error and "Mailbox does not exist" in out.last_error
    assert [m.status for m in await rows(client, Message)] == ["routed"]  # the case is untouched
    await sign_in(client)
    page = await (await client.get(f"/staff/cases/{created['case_reference']}")).text()
    assert "Mailbox does not exist" in page and ">failed<" in page


async def test_a_wrong_smtp_password_is_a_recorded_failure(
        aiohttp_client, tmp_settings, fake_triager, client_tls, smtp_sink, auth):
    settings = smtp_settings(tmp_settings, smtp_sink.port, password="not-the-password")
    client = await gateway(aiohttp_client, settings, fake_triager, client_tls)
    await send_api_message(client, auth)
    out = await outbound_when(client, "failed")
    assert out.last_error.startswith("SMTP 535")
    assert smtp_sink.messages == []


async def test_a_closed_smtp_port_is_retried(aiohttp_client, tmp_settings, fake_triager,
                                              client_tls, auth):
    client = await gateway(aiohttp_client, smtp_settings(tmp_settings, free_port()),
                           fake_triager, client_tls)
    await send_api_message(client, auth)

    async def retried():
        found = await rows(client, Outbound)
        return found and found[0].attempts >= 2 and found[0]
    out = await eventually(retried, 5.0)
    assert out.status == "queued" and "SMTPConnect" in out.last_error


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
async def test_implicit_tls(aiohttp_client, tmp_settings, fake_triager, client_tls, smtps_sink,
                            auth):
    client = await gateway(aiohttp_client, smtp_settings(tmp_settings, smtps_sink.port, "tls"),
                           fake_triager, client_tls)
    await send_api_message(client, auth)
    await outbound_when(client, "sent")
    assert len(smtps_sink.messages) == 1


def complaint(message_id: str, subject: str, text: str, headers: str = "") -> bytes:
    return (f"From: Tina Example <{RESIDENT}>\r\nTo: complaints@example.org\r\n"
            f"Subject: {subject}\r\nMessage-ID: {message_id}\r\n{headers}"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n").encode()


async def received(sink, count: int) -> list:
    assert await eventually(lambda: len(sink.messages) >= count, 8.0), sink.messages
    return sink.messages


async def test_an_emailed_complaint_is_answered_in_its_own_thread(
        imap, aiohttp_client, tmp_settings, fake_triager, client_tls, smtp_sink):
    """IMAP in, SMTP out: the acknowledgement threads to the resident's mail, and their reply
    to it joins the same case and is answered in the same thread."""
    base = smtp_settings(tmp_settings, smtp_sink.port)
    settings = load_settings(None, **{**base.model_dump(), "email": {
        "mailboxes": [imap.mailbox()], "idle_seconds": 5.0, "reconnect_max_seconds": 0.2}})
    client = await gateway(aiohttp_client, settings, fake_triager, client_tls)
    await asyncio.to_thread(imap.append, complaint(
        "<first-1@example.org>", "Damp in the bedroom, again",
        "I complained about the damp in August. It is still not fixed. This is unacceptable.",
        "References: <older-1@example.org>\r\n"))
    [ack] = await received(smtp_sink, 1)
    [case] = await rows(client, Case)
    assert ack["In-Reply-To"] == "<first-1@example.org>"
    assert ack["References"] == "<older-1@example.org> <first-1@example.org>"
    assert case.reference in ack["Subject"] and ack["Auto-Submitted"] == "auto-replied"
    assert ack.get_body(("plain",)) and ack.get_body(("html",))
    assert ack["Message-ID"] == (await rows(client, Outbound))[0].email_message_id

    await asyncio.to_thread(imap.append, complaint(
        "<reply-1@example.org>", f"Re: {ack['Subject']}", "Nobody has phoned me back either.",
        f"In-Reply-To: {ack['Message-ID']}\r\nReferences: <first-1@example.org> {ack['Message-ID']}\r\n"))
    _, followup = await received(smtp_sink, 2)
    assert len(await rows(client, Case)) == 1
    assert followup["In-Reply-To"] == "<reply-1@example.org>" and case.reference in followup["Subject"]
    assert [m.case_id for m in await rows(client, Message)] == [case.id, case.id]
