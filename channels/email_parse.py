"""The email parser's one entry point: raw RFC 5322 bytes in, a frozen ``ParsedEmail`` out.

The work is split by concern, as Zammad split its ``EmailParser``: ``email_headers`` decodes
headers and charsets, ``email_mime`` walks the parts, ``email_html`` turns HTML into text,
``email_reply`` and ``email_signature`` separate new words from history and signatures, and
``email_auto`` recognises mail no person wrote. A body with no headers at all (a pasted reply)
is parsed as a message with no headers. Only input that is no email at all raises ParseError;
anything else unexpected is caught, recorded as a defect, and the text is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from email.utils import formataddr

from channels.base import AttachmentBlob
from channels.email_auto import auto_reply_reason
from channels.email_headers import (
    clean_text, decode_bytes, first_message_id, message_ids, parse_addresses, parse_date,
    parse_sender,
)
from channels.email_html import html_to_text
from channels.email_mime import MimeContent, collect, read_message
from channels.email_msg import MsgContent, read_msg
from channels.email_payload import content_type
from channels.email_reply import split_reply
from gateway.errors import ParseError

log = logging.getLogger(__name__)

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Outlook .msg files are OLE compound files
# Headers that show the input is a message; a pasted body rarely starts with one of them.
MESSAGE_HEADERS = frozenset({
    "from", "to", "cc", "subject", "date", "message-id", "received", "return-path",
    "mime-version", "content-type", "reply-to", "delivered-to", "sender", "in-reply-to",
    "references", "x-mailer", "user-agent", "dkim-signature", "x-original-to", "bcc",
})


@dataclass(frozen=True)
class ParsedEmail:
    """Everything Doorstep reads from one email."""

    from_address: str | None
    from_name: str | None
    reply_to: str | None
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str | None
    date: datetime | None
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    text: str
    body_text: str
    quoted_text: str
    signature: str
    attachments: tuple[AttachmentBlob, ...]
    is_auto_reply: bool
    auto_reply_reason: str | None
    defects: tuple[str, ...]


def parse_email(raw: bytes) -> ParsedEmail:
    """Parse one raw email; raises ParseError only for input that is not an email at all."""
    data = _check_input(raw)
    outlook = _read_outlook(data) if data.startswith(CFB_MAGIC) else None
    try:
        if outlook is not None:
            return _from_outlook(outlook)
        msg = read_message(data)
        headers = header_map(msg)
        if not MESSAGE_HEADERS & headers.keys():
            return _from_text(decode_bytes(data), {}, ("NoHeadersDefect",))
        return _from_message(msg, headers)
    except Exception as e:  # the contract: hostile mail never raises; keep its text instead
        log.warning("email.parse.fallback", extra={"error": repr(e)})
        text = outlook.text if outlook is not None else decode_bytes(data)
        return _bare(text, f"ParserFailure:{type(e).__name__}")


def _bare(text: str, defect: str) -> ParsedEmail:
    """The whole input as the body, when the parser itself failed on it."""
    return ParsedEmail(
        from_address=None, from_name=None, reply_to=None, to=(), cc=(), subject=None, date=None,
        message_id=None, in_reply_to=None, references=(), text=text, body_text=text.strip(),
        quoted_text="", signature="", attachments=(), is_auto_reply=False, auto_reply_reason=None,
        defects=(defect,),
    )


def _check_input(raw: bytes) -> bytes:
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise ParseError(f"an email is bytes, not {type(raw).__name__}")
    data = bytes(raw)
    if not data.strip():
        raise ParseError("empty input is not an email")
    if b"\x00" in data[:4096] and not data.startswith(CFB_MAGIC):
        raise ParseError("binary data is not an email")
    return data


def _read_outlook(data: bytes) -> MsgContent:
    try:
        return read_msg(data)
    except Exception as e:  # a damaged compound file fails in many ways; all mean "unreadable"
        raise ParseError(f"Outlook .msg file could not be read: {e}") from e


def _from_outlook(found: MsgContent) -> ParsedEmail:
    """An Outlook .msg: its saved internet headers when present, else its MAPI properties."""
    head = read_message(found.headers.encode("utf-8", "replace") + b"\r\n\r\n")
    headers = header_map(head) if found.headers.strip() else {}
    if found.sender_email and "from" not in headers:
        headers["from"] = [formataddr((found.sender_name or "", found.sender_email))]
    if found.subject and "subject" not in headers:
        headers["subject"] = [found.subject]
    text = found.text.replace("\r\n", "\n") or html_to_text(found.html)
    content = MimeContent(texts=[text], attachments=found.attachments)
    return _from_text(text, headers, ("OutlookMsgFile",), content, content_type(head))


def header_map(msg: Message) -> dict[str, list[str]]:
    """Raw header values by lower-cased name, in order; values may hold 8-bit escapes."""
    found: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        found.setdefault(name.strip().lower(), []).append(str(value))
    return found


def _first(headers: dict[str, list[str]], name: str) -> str | None:
    values = headers.get(name)
    return values[0] if values else None


def _from_message(msg: Message, headers: dict[str, list[str]]) -> ParsedEmail:
    content = collect(msg)
    text = "\n\n".join(t.strip("\n") for t in content.texts if t.strip())
    text = text or "\n".join(content.calendar)
    return _from_text(text, headers, tuple(content.defects), content, content_type(msg))


def _from_text(text: str, headers: dict[str, list[str]], defects: tuple[str, ...],
               content: MimeContent | None = None, content_type: str = "text/plain") -> ParsedEmail:
    name, address = parse_sender(_first(headers, "from"))
    subject = clean_text(_first(headers, "subject"))
    parts = split_reply(text, name, address)
    forwarded = content.forwarded if content else []
    quoted = "\n\n".join(q for q in (parts.quoted, *forwarded) if q.strip())
    reply_to = parse_addresses(_first(headers, "reply-to"))
    reason = auto_reply_reason(headers, address, content_type, subject)
    return ParsedEmail(
        from_address=address, from_name=name,
        reply_to=reply_to[0][1] if reply_to else None,
        to=_addresses(headers, "to"), cc=_addresses(headers, "cc"),
        subject=subject, date=parse_date(_first(headers, "date")),
        message_id=first_message_id(_first(headers, "message-id")),
        in_reply_to=first_message_id(_first(headers, "in-reply-to")),
        references=message_ids(_first(headers, "references")),
        text=text, body_text=parts.body, quoted_text=quoted, signature=parts.signature,
        attachments=tuple(content.attachments) if content else (),
        is_auto_reply=reason is not None, auto_reply_reason=reason,
        defects=defects,
    )


def _addresses(headers: dict[str, list[str]], name: str) -> tuple[str, ...]:
    return tuple(addr for value in headers.get(name, ()) for _, addr in parse_addresses(value))

