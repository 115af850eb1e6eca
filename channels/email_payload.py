"""Decoding one MIME part's payload: transfer encodings, charsets, flowed text, calendar data.

Everything here tolerates hostile parts: base64 with junk in it is decoded up to the junk,
undecodable payloads come back raw, and the stdlib's accessors are wrapped where broken
parameters make them raise.
"""

from __future__ import annotations

import base64
import binascii
import re
from email import errors
from email.message import Message

from channels.email_flowed import unflow
from channels.email_headers import decode_bytes

BASE64_JUNK = re.compile(r"[^A-Za-z0-9+/=\s]")
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([\w.:-]{1,40})""", re.I)


def content_type(part: Message) -> str:
    """The part's MIME type, text/plain when the header is unusable."""
    return safe(part.get_content_type) or "text/plain"


def part_text(part: Message) -> str:
    """A text part's decoded text, its charset trusted only as far as the bytes allow."""
    data = payload_bytes(part)
    charset = safe(part.get_content_charset)
    if not charset and content_type(part) == "text/html":
        meta = META_CHARSET.search(data[:4096])
        charset = meta.group(1).decode("ascii") if meta else None
    text = decode_bytes(data, charset).replace("\r\n", "\n").replace("\r", "\n")
    if (safe(lambda: part.get_param("format")) or "").lower() == "flowed":
        delsp = (safe(lambda: part.get_param("delsp")) or "").lower() == "yes"
        text = unflow(text, delsp)
    return text


def calendar_summary(ics: str) -> str:
    """One line saying what a calendar invite is for, from its first event."""
    fields = {}
    for line in re.sub(r"\r?\n[ \t]", "", ics).splitlines():
        name, sep, value = line.partition(":")
        key = name.split(";", 1)[0].upper()
        if sep and key in ("METHOD", "SUMMARY", "DTSTART", "LOCATION") and key not in fields:
            fields[key] = value.replace("\\,", ",").replace("\\n", " ").strip()
    parts = [f"Calendar {fields.get('METHOD', 'invite').lower()}: {fields.get('SUMMARY', '')}"]
    parts += [f"{label} {fields[key]}" for key, label in (("DTSTART", "at"), ("LOCATION", "in"))
              if fields.get(key)]
    return " ".join(p for p in parts if p).strip()


def payload_bytes(part: Message) -> bytes:
    """The part's content with its transfer encoding undone, as far as that is possible."""
    raw = part.get_payload()
    encoding = str(safe(lambda: part.get("content-transfer-encoding")) or "").strip().lower()
    if isinstance(raw, str) and encoding == "base64":
        junk = BASE64_JUNK.search(raw)
        if junk:  # decode what came before the corruption instead of turning junk into bytes
            part.defects.append(errors.InvalidBase64CharactersDefect())
            return _lenient_b64(raw[:junk.start()])
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # a decoder choked on hostile content; keep what is there undecoded
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    if isinstance(raw, list):
        return b"\n".join(_as_bytes(m) for m in raw if isinstance(m, Message))
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""


def _lenient_b64(text: str) -> bytes:
    data = re.sub(r"[^A-Za-z0-9+/]", "", text)
    data = data[: len(data) - len(data) % 4]
    try:
        return base64.b64decode(data)
    except (binascii.Error, ValueError):
        return b""


def _as_bytes(msg: Message) -> bytes:
    try:
        return msg.as_bytes()
    except Exception:  # the generator cannot always re-serialise what the parser accepted
        return b""


def safe(call):
    try:
        return call()
    except Exception:  # header parameters in hostile mail break the stdlib's accessors
        return None
