"""The email channel without a server: parsing stored mail, Message-IDs, settings, auto-replies."""

from __future__ import annotations

import asyncio
import tomllib
from datetime import UTC, datetime, timedelta, timezone

from pathlib import Path

import pytest

from channels.email_imap import EmailChannel, message_id_of, raw_message
from channels.imap_poller import chunks, received_time
from gateway import keys
from gateway.errors import ConfigError
from gateway.settings import load_settings
from models import Message, Outbound
from tests.fixtures.web_form.forms import rows

RECEIVED = datetime(2026, 11, 20, 10, 5, tzinfo=UTC)
MAIL = (
    b"From: \"Tina Example\" <Tina.M@EXAMPLE.org>\r\n"
    b"To: Complaints <complaints@example.org>\r\n"
    b"Reply-To: tina.home@example.org\r\n"
    b"Subject: Re: Your repair or service request DS-2026-000007\r\n"
    b"Date: Fri, 20 Nov 2026 10:04:00 +0000\r\n"
    b"Message-ID: <reply-7@example.org>\r\n"
    b"In-Reply-To: <ack-7@example.org>\r\n"
    b"References: <first-7@example.org> <ack-7@example.org>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    b"The plumber did not come today either. Please call me on 07700 900123.\r\n"
)
BOX = {"name": "complaints", "host": "imap.example.org", "username": "complaints@example.org",
       "password_env": "DOORSTEP_TEST_UNIT_IMAP_PASSWORD"}


def channel(**email) -> EmailChannel:
    return EmailChannel(settings=load_settings(None, email=email))


def test_parse_builds_the_inbound_message():
    raw = raw_message(MAIL, received_at=RECEIVED, meta={"mailbox": "complaints", "tag": "repairs"})
    msg = channel().parse(raw)
    assert (msg.channel, msg.external_id) == ("email", "<reply-7@example.org>")
    assert msg.sender.name == "Tina Example" and msg.sender.email == "Tina.M@example.org"
    assert msg.subject == "Re: Your repair or service request DS-2026-000007"
    assert msg.body.startswith("The plumber did not come today either.")
    assert msg.new_text.startswith("The plumber") and msg.received_at == RECEIVED
    assert not msg.is_auto_reply
    assert msg.meta == {
        "message_id": "<reply-7@example.org>", "in_reply_to": "<ack-7@example.org>",
        "references": ["<first-7@example.org>", "<ack-7@example.org>"],
        "to": ["complaints@example.org"], "reply_to": "tina.home@example.org",
        "mailbox": "complaints", "auto_reply_reason": None,
    }


def test_the_raw_message_is_kept_byte_for_byte_with_its_attachments_split_out():
    mail = (b"From: tina.m@example.org\r\nSubject: Photo\r\nMessage-ID: <p@example.org>\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            b"--b\r\nContent-Type: text/plain\r\n\r\nSee the photo of the damp.\r\n"
            b"--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=damp.png\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n")
    raw = raw_message(mail, received_at=RECEIVED, meta={})
    assert raw.payload == mail and raw.content_type == "message/rfc822"
    assert (raw.source, raw.channel) == ("email", "email")
    assert [(a.filename, a.content_type) for a in raw.attachments] == [("damp.png", "image/png")]


def test_a_refused_message_is_parsed_from_its_headers_with_the_reason_as_its_text():
    header = MAIL[:MAIL.index(b"\r\n\r\n") + 4]
    reason = "the message is 40000000 bytes, over the 26214400-byte limit: only its headers were kept"
    msg = channel().parse(raw_message(header, received_at=RECEIVED, meta={"refused": reason}))
    assert msg.body == msg.new_text == f"[{reason}]"
    assert msg.subject.endswith("DS-2026-000007") and msg.sender.email == "Tina.M@example.org"


def test_an_unusable_from_address_leaves_the_sender_without_email():
    mail = b"From: MAILER-DAEMON\r\nSubject: Undelivered Mail\r\n\r\nSorry.\r\n"
    msg = channel().parse(raw_message(mail, received_at=RECEIVED, meta={}))
    assert msg.sender.email is None


def test_a_mail_without_message_id_gets_a_stable_synthetic_one():
    mail = MAIL.replace(b"Message-ID: <reply-7@example.org>\r\n", b"")
    first, again = message_id_of(mail), message_id_of(bytes(mail))
    assert first == again and first.startswith("<") and first.endswith("@doorstep>")
    assert message_id_of(mail + b"more\r\n") != first
    assert raw_message(mail, received_at=RECEIVED, meta={}).external_id == first


@pytest.mark.parametrize(("header", "expected"), [
    (b"Message-ID: <a.b@example.org>", "<a.b@example.org>"),
    (b"Message-Id:\r\n <folded@example.org>", "<folded@example.org>"),
    (b"Message-ID: bare@example.org", "<bare@example.org>"),
    (b"Message-ID: <first@example.org> <second@example.org>", "<first@example.org>"),
])
def test_message_ids_are_read_as_angle_bracketed_ids(header, expected):
    assert message_id_of(header + b"\r\nSubject: x\r\n\r\nbody\r\n") == expected


def test_an_overlong_message_id_is_replaced_by_a_stable_hash():
    mail = b"Message-ID: <" + b"x" * 600 + b"@example.org>\r\n\r\nbody\r\n"
    found = message_id_of(mail)
    assert found.endswith("@doorstep>") and len(found) < 100 and found == message_id_of(mail)


def test_internaldate_becomes_utc():
    bst = datetime(2026, 6, 1, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    assert received_time(bst, lambda: RECEIVED) == datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
    assert received_time(None, lambda: RECEIVED) == RECEIVED
    assert received_time(datetime(2026, 6, 1, 10), lambda: RECEIVED).tzinfo == UTC
    assert list(chunks([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]


def test_an_unset_password_variable_stops_start_up_naming_it(monkeypatch):
    monkeypatch.delenv(BOX["password_env"], raising=False)
    with pytest.raises(ConfigError, match="DOORSTEP_TEST_UNIT_IMAP_PASSWORD.*not set"):
        channel(mailboxes=[BOX])
    monkeypatch.setenv(BOX["password_env"], "s3cret")
    assert channel(mailboxes=[BOX]).settings.mailboxes[0].password() == "s3cret"


def test_a_password_written_into_the_config_file_is_refused(tmp_path):
    config = tmp_path / "doorstep.toml"
    config.write_text('[[email.mailboxes]]\nname = "complaints"\nhost = "imap.example.org"\n'
                      'username = "u"\npassword_env = "X_PASSWORD"\npassword = "hunter2"\n')
    with pytest.raises(ConfigError, match=r"email\.mailboxes\.0.*password_env"):
        load_settings(config)


@pytest.mark.parametrize(("change", "key"), [
    ({"password_env": "not a variable"}, "password_env"),
    ({"security": "ssl"}, "security"),
    ({"after": "delete"}, "after"),
    ({"name": "Complaints Inbox"}, "name"),
])
def test_bad_mailbox_settings_are_named(change, key):
    with pytest.raises(ConfigError, match=rf"email\.mailboxes\.0\.{key}"):
        load_settings(None, email={"mailboxes": [{**BOX, **change}]})


def test_mailbox_names_are_distinct_and_idle_is_at_most_five_minutes():
    with pytest.raises(ConfigError, match="share a name"):
        load_settings(None, email={"mailboxes": [BOX, BOX]})
    with pytest.raises(ConfigError, match="email.idle_seconds"):
        load_settings(None, email={"idle_seconds": 1800})


def test_mailboxes_can_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DOORSTEP_EMAIL_MAILBOXES", '[{"name": "complaints", "host": "imap.example.org", '
                       '"username": "u", "password_env": "X_PASSWORD", "after": "move"}]')
    monkeypatch.setenv("DOORSTEP_EMAIL_POLL_SECONDS", "30")
    settings = load_settings()
    [box] = settings.email.mailboxes
    assert (box.name, box.port, box.security, box.after, box.folder) == (
        "complaints", 993, "tls", "move", "INBOX")
    assert settings.email.poll_seconds == 30


async def test_with_no_mailboxes_poll_returns_at_once_and_health_is_empty():
    email = channel()
    await asyncio.wait_for(email.poll(None), 1)
    assert await email.health() == {}


async def test_an_auto_reply_is_recorded_and_ignored_without_acknowledgement(client):
    ooo = (b"From: Tina Example <tina.m@example.org>\r\nSubject: Out of office\r\n"
           b"Message-ID: <ooo-1@example.org>\r\nAuto-Submitted: auto-replied\r\n\r\n"
           b"I am away until Monday.\r\n")
    result = await client.app[keys.PIPELINE].submit(
        raw_message(ooo, received_at=RECEIVED, meta={"mailbox": "complaints"}))
    assert result.status == "ignored" and result.case_reference is None
    [message] = await rows(client, Message)
    assert message.raw == ooo and message.meta["auto_reply_reason"]
    assert await rows(client, Outbound) == []
    assert client.app[keys.DEPS].triager.calls == []


def test_the_example_mailbox_in_config_example_toml_is_valid():
    text = (Path(__file__).resolve().parents[3] / "config.example.toml").read_text()
    block = text[text.index("# [[email.mailboxes]]"):].split("\n#\n")[0]
    table = tomllib.loads("\n".join(line.removeprefix("# ") for line in block.splitlines()))
    [box] = load_settings(None, email=table["email"]).email.mailboxes
    assert box.flag == "\\Seen" and box.password_env == "DOORSTEP_IMAP_COMPLAINTS_PASSWORD"
