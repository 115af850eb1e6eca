"""Walking a MIME tree: which parts are the written body, which are files, what was forwarded.

``multipart/alternative`` gives one body (text/plain when it says anything, else HTML); every
other multipart joins its inline text parts in order. Non-text parts, and text parts that carry
a filename, are attachments, inline images included. An attached ``message/rfc822`` is rendered
as a forwarded message, and its own files join the attachments. Calendar invites are kept as
``.ics`` files with a one-line summary. Outlook's ``winmail.dat`` is kept as a file, undecoded.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from email.parser import BytesParser

from channels.base import AttachmentBlob
from channels.email_headers import clean_text, decode_bytes
from channels.email_html import html_to_text
from channels.email_payload import calendar_summary, content_type, part_text, payload_bytes, safe

MAX_DEPTH = 25
MAX_PARTS = 1000
BOUNDARY_LINE = re.compile(r"^--([^\s\"]{1,200})[ \t]*\r?$", re.M)
FORWARD_HEADERS = ("From", "Date", "Subject", "To")
DEFAULT_NAMES = {"text/calendar": "invite.ics", "application/ms-tnef": "winmail.dat",
                 "message/delivery-status": "delivery-status.txt",
                 "message/disposition-notification": "disposition-notification.txt",
                 "text/rfc822-headers": "returned-headers.txt",
                 "message/rfc822-headers": "returned-headers.txt"}


@dataclass
class MimeContent:
    """What a message's parts hold, in the order they were written."""

    texts: list[str] = field(default_factory=list)
    attachments: list[AttachmentBlob] = field(default_factory=list)
    forwarded: list[str] = field(default_factory=list)
    calendar: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    parts: int = 0


def read_message(raw: bytes) -> Message:
    """Parse with compat32: it keeps broken headers as raw strings instead of raising later."""
    return BytesParser(policy=policy.compat32).parsebytes(raw)


def collect(msg: Message) -> MimeContent:
    """Body texts, attachments, forwarded messages and defects of a parsed message."""
    found = MimeContent()
    _walk(msg, found, 0, body=True)
    return found


def _walk(part: Message, found: MimeContent, depth: int, body: bool) -> None:
    found.parts += 1
    _note_defects(part, found)
    if depth > MAX_DEPTH or found.parts > MAX_PARTS:
        _add_defect(found, "MimeTooDeepOrTooManyPartsDefect")
        return
    ctype = content_type(part)
    if ctype == "message/rfc822":
        _walk_forwarded(part, found, depth)
    elif ctype.startswith("multipart/"):
        children = _children(part)
        if ctype == "multipart/alternative":
            _walk_alternative(children, found, depth, body)
        else:
            for child in children:
                _walk(child, found, depth + 1, body)
    else:
        _leaf(part, ctype, found, body)
        _note_defects(part, found)  # decoding the payload can add defects


def _children(part: Message) -> list[Message]:
    """A multipart's parts, including those a broken boundary hid in the body or the epilogue."""
    payload = part.get_payload()
    if not isinstance(payload, list):
        return _reparse(payload if isinstance(payload, str) else "")
    children = [c for c in payload if isinstance(c, Message)]
    boundary = safe(part.get_boundary)
    if boundary and isinstance(part.epilogue, str) and f"--{boundary}" in part.epilogue:
        children += _reparse(part.epilogue, boundary)  # a nested part reused its parent's boundary
    return children


def _reparse(body: str, boundary: str | None = None) -> list[Message]:
    """Parts found under the boundary actually used (the first ``--`` line when none is given)."""
    if boundary is None:
        found = BOUNDARY_LINE.search(body)
        if not found:
            plain = b"Content-Type: text/plain\n\n" + _encode(body)
            return [read_message(plain)] if body.strip() else []
        boundary = found.group(1)
    head = _encode(f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n')
    payload = read_message(head + _encode(body)).get_payload()
    return [c for c in payload if isinstance(c, Message)] if isinstance(payload, list) else []


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _walk_alternative(children: list[Message], found: MimeContent, depth: int, body: bool) -> None:
    chosen = _best_alternative(children) if body else None
    for child in children:
        _walk(child, found, depth + 1, body=child is chosen)


def _best_alternative(children: list[Message]) -> Message | None:
    by_type = {}
    for child in children:
        by_type.setdefault(content_type(child), child)
    plain = by_type.get("text/plain")
    if plain is not None and part_text(plain).strip():
        return plain
    for child in children:
        if content_type(child) == "text/html" or content_type(child).startswith("multipart/"):
            return child
    return plain or (children[0] if children else None)


def _leaf(part: Message, ctype: str, found: MimeContent, body: bool) -> None:
    filename = _filename(part)
    is_text = ctype in ("text/plain", "text/html")
    if is_text and not filename and safe(part.get_content_disposition) != "attachment":
        if not body:
            return
        text = html_to_text(part_text(part)) if ctype == "text/html" else part_text(part)
        if not any(_same_text(text, seen) for seen in found.texts):
            found.texts.append(text)  # a broken alternative can list plain and HTML side by side
        return
    if ctype == "text/calendar":
        found.calendar.append(calendar_summary(part_text(part)))
    found.attachments.append(AttachmentBlob(
        filename=filename or _default_name(ctype, len(found.attachments) + 1),
        content_type=ctype, data=payload_bytes(part)))


def _same_text(a: str, b: str) -> bool:
    return a.split() == b.split()


def _walk_forwarded(part: Message, found: MimeContent, depth: int) -> None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, Message):
        inner = read_message(payload_bytes(part))
    sub = MimeContent(parts=found.parts)
    _walk(inner, sub, depth + 1, body=True)
    found.parts = sub.parts
    found.attachments += sub.attachments
    found.defects += [d for d in sub.defects if d not in found.defects]
    found.forwarded.append(render_forwarded(inner, sub))
    found.forwarded += sub.forwarded


def render_forwarded(inner: Message, sub: MimeContent) -> str:
    """An attached message as a client would show it forwarded: a header block, then its text."""
    lines = ["---------- Forwarded message ----------"]
    for name in FORWARD_HEADERS:
        value = clean_text(inner.get(name)) if isinstance(inner.get(name), str) else None
        if value:
            lines.append(f"{name}: {value}")
    return "\n".join(lines) + "\n\n" + "\n\n".join(t for t in sub.texts if t.strip())



def _filename(part: Message) -> str | None:
    name = safe(part.get_filename) or safe(lambda: part.get_param("name"))
    if isinstance(name, tuple):  # an RFC 2231 value the stdlib could not collapse
        name = decode_bytes(str(name[-1]).encode("utf-8", "surrogateescape"))
    return clean_text(name) if isinstance(name, str) else None


def _default_name(ctype: str, number: int) -> str:
    if ctype in DEFAULT_NAMES:
        return DEFAULT_NAMES[ctype]
    extension = mimetypes.guess_extension(ctype, strict=False) or ".bin"
    return f"{ctype.split('/', 1)[0]}-{number}{extension}"


def _note_defects(part: Message, found: MimeContent) -> None:
    for defect in getattr(part, "defects", ()):
        _add_defect(found, type(defect).__name__)


def _add_defect(found: MimeContent, name: str) -> None:
    if name not in found.defects:
        found.defects.append(name)
