"""The email channel: resident mail taken from IMAP mailboxes and parsed into the normalised shape.

``poll`` runs one ``MailboxPoller`` per configured mailbox (``channels.imap_poller``); ``parse``
turns the stored bytes into an ``InboundMessage`` with ``channels.email_parse``. The message's
``external_id`` is its Message-ID, or for a message without one a hash of its bytes, so the same
message fetched twice is stored once.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import Any, ClassVar

from aiohttp import web
from sqlalchemy import select

from channels.base import InboundMessage, RawMessage, Sender, Submit
from channels.email_parse import parse_email
from channels.identity import normalise_email
from channels.imap_poller import MailboxPoller
from gateway import keys
from gateway.errors import ParseError
from gateway.settings import Settings
from models import MailboxState

MAX_ID_CHARS = 500  # Message.external_id's width
_ANGLED = re.compile(rb"<[^<>\s]+>")


class EmailChannel:
    """Polls the ``[email]`` mailboxes and parses what they hold."""

    name: ClassVar[str] = "email"

    def __init__(self, *, settings: Settings, app: web.Application | None = None, **_: Any) -> None:
        self.settings, self.app = settings.email, app
        for box in self.settings.mailboxes:
            box.password()  # refuse to start, naming the variable, rather than fail at each connect

    def routes(self) -> list[web.RouteDef]:
        return []

    async def poll(self, submit: Submit) -> None:
        """One poller per mailbox, until cancelled; returns at once when none is configured."""
        if not self.settings.mailboxes:
            return
        deps = self.app[keys.DEPS]
        await asyncio.gather(*(
            MailboxPoller(box, self.settings, deps.sessions, deps.clock, submit, raw_message).run()
            for box in self.settings.mailboxes
        ))

    async def health(self) -> dict[str, dict[str, Any]]:
        """Per mailbox: when it was last polled and last worked, its last error, its position."""
        names = [box.name for box in self.settings.mailboxes]
        if not names:
            return {}
        async with self.app[keys.DEPS].sessions() as session:
            rows = {s.name: s for s in await session.scalars(
                select(MailboxState).where(MailboxState.name.in_(names)))}
        return {name: state_health(rows.get(name)) for name in names}

    def parse(self, raw: RawMessage) -> InboundMessage:
        """The stored message as an ``InboundMessage``; raises ParseError for something not email."""
        mail = parse_email(raw.payload)
        refused = raw.meta.get("refused")
        body = f"[{refused}]" if refused else mail.text
        return InboundMessage(
            channel="email", external_id=raw.external_id,
            sender=Sender(name=mail.from_name or None, email=checked_email(mail.from_address)),
            received_at=raw.received_at, subject=mail.subject,
            body=body, new_text=body if refused else mail.body_text,
            quoted_text=None if refused else mail.quoted_text or None,
            signature=None if refused else mail.signature or None,
            is_auto_reply=mail.is_auto_reply,
            meta={
                "message_id": mail.message_id, "in_reply_to": mail.in_reply_to,
                "references": list(mail.references), "to": plain(mail.to),
                "reply_to": plain(mail.reply_to), "mailbox": raw.meta.get("mailbox"),
                "auto_reply_reason": mail.auto_reply_reason,
            },
        )


def raw_message(payload: bytes, *, received_at: datetime, meta: dict[str, Any]) -> RawMessage:
    """A fetched message ready to submit, with its attachments split out for the blob store."""
    try:
        attachments = parse_email(payload).attachments
    except ParseError:  # stored all the same: normalise records the failure where staff see it
        attachments = ()
    return RawMessage(
        source="email", channel="email", external_id=message_id_of(payload), payload=payload,
        content_type="message/rfc822", received_at=received_at, attachments=tuple(attachments),
        meta=meta,
    )


def message_id_of(payload: bytes) -> str:
    """The Message-ID header as ``<id>``, or ``<sha256-of-the-bytes@doorstep>`` when there is none."""
    header = BytesHeaderParser(policy=compat32).parsebytes(payload).get("Message-ID")
    value = header.encode("utf-8", "surrogateescape") if isinstance(header, str) else b""
    found = _ANGLED.search(value)
    text = (found.group(0) if found else (b"<%s>" % value.strip() if value.strip() else b"")).decode(
        "utf-8", "replace")
    if not text or len(text) > MAX_ID_CHARS or any(c.isspace() for c in text):
        return f"<{hashlib.sha256(payload if not text else text.encode()).hexdigest()}@doorstep>"
    return text


def checked_email(address: str | None) -> str | None:
    """A normalised address, or None for one that could not be replied to (``MAILER-DAEMON``)."""
    if not address:
        return None
    try:
        return normalise_email(address)
    except ValueError:
        return None


def plain(value: Any) -> Any:
    """Addresses as JSON: strings as they are, sequences as lists of strings."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return [v if isinstance(v, str) else str(v) for v in value]
    return str(value)


def state_health(state: MailboxState | None) -> dict[str, Any]:
    iso = lambda t: t.isoformat() if t else None  # noqa: E731
    if state is None:
        return {"last_poll_at": None, "last_success_at": None, "last_error": None,
                "last_error_at": None, "uidvalidity": None, "last_uid": 0}
    return {"last_poll_at": iso(state.last_poll_at), "last_success_at": iso(state.last_success_at),
            "last_error": state.last_error, "last_error_at": iso(state.last_error_at),
            "uidvalidity": state.uidvalidity, "last_uid": state.last_uid}
