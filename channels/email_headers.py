"""Decoding what email headers and text parts say: charsets, RFC 2047 words, addresses, dates.

Nothing here raises on hostile input. Charsets fall back declared → UTF-8 → cp1252 → Latin-1
(with replacements), 8-bit bytes in headers are recovered from the parser's surrogate escapes,
and broken encoded words are decoded as far as they go rather than refused.
"""

from __future__ import annotations

import binascii
import codecs
import re
from datetime import UTC, datetime
from email.utils import getaddresses, parsedate_to_datetime

# Names mail software uses that Python does not know, or knows as something narrower.
CHARSET_ALIASES = {
    "unknown-8bit": "utf-8", "x-unknown": "utf-8", "unknown": "utf-8", "8bit": "utf-8",
    "default": "utf-8", "x-user-defined": "cp1252", "iso-8859-8-i": "iso-8859-8",
    "gb2312": "gb18030", "gbk": "gb18030", "ks_c_5601-1987": "cp949", "utf8": "utf-8",
    "windows-874": "cp874", "x-mac-roman": "mac_roman", "ansi_x3.4-1968": "ascii",
}
# Declared charsets that often hide UTF-8: valid UTF-8 bytes in them are taken as UTF-8.
LYING_CHARSETS = frozenset({"ascii", "iso8859-1", "iso8859-15", "cp1252"})  # codec names
ENCODED_WORD = re.compile(r"=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]*)\?=")
WORD_GAP = re.compile(r"(\?=)[ \t\r\n]+(?==\?)")
FOLD = re.compile(r"\r?\n[ \t]")
ANGLE_ADDR = re.compile(r"^(.*)<([^<>]*)>\s*$", re.S)
MSG_ID = re.compile(r"<[^<>\s]{1,500}>")


def charset_name(declared: str | None) -> str | None:
    """A codec name Python knows for a declared charset, or None."""
    if not declared:
        return None
    name = declared.strip().strip("\"'").lower().split("*", 1)[0]  # RFC 2231 language tag
    name = CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: the declared charset, then UTF-8, then cp1252, then Latin-1."""
    name = charset_name(declared)
    if name in LYING_CHARSETS and not data.isascii():
        name = _utf8_if_valid(data) or name
    for candidate in (name, "utf-8"):
        if candidate:
            try:
                return data.decode(candidate)
            except UnicodeDecodeError:
                continue
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if sum(1 for ch in lenient if ch > "\x7f") > 4 * bad:
        return lenient  # UTF-8 with a stray broken sequence, not another charset
    declared = name if name not in ("utf-8", "ascii") else None  # a lying one is most often cp1252
    for candidate, errors in ((declared, "replace"), ("cp1252", "strict")):
        if candidate:
            try:
                return data.decode(candidate, errors=errors)
            except UnicodeDecodeError:
                continue
    return data.decode("latin-1", errors="replace")


def _utf8_if_valid(data: bytes) -> str | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def recover_8bit(value: str) -> str:
    """Undo the parser's surrogate escapes: raw 8-bit header bytes decoded UTF-8 → cp1252."""
    if value.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    return decode_bytes(value.encode("utf-8", errors="surrogateescape"))


def unfold(value: str) -> str:
    return FOLD.sub(" ", value).replace("\r", "").replace("\n", " ")


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words; adjacent words in one charset are joined before decoding."""
    value = recover_8bit(unfold(value))
    if "=?" not in value:
        return value
    value = WORD_GAP.sub(r"\1", value)
    out: list[str] = []
    run: list[bytes] = []
    run_charset = ""
    pos = 0
    for match in ENCODED_WORD.finditer(value):
        gap = value[pos:match.start()]
        if gap or match.group(1).lower() != run_charset:
            out += [_decode_run(run, run_charset), gap]
            run = []
        run_charset = match.group(1).lower()
        run.append(_word_bytes(match.group(2), match.group(3)))
        pos = match.end()
    out += [_decode_run(run, run_charset), value[pos:]]
    return "".join(out)


def _decode_run(run: list[bytes], charset: str) -> str:
    return decode_bytes(b"".join(run), charset) if run else ""


def _word_bytes(kind: str, payload: str) -> bytes:
    data = payload.encode("ascii", errors="ignore")
    if kind in "qQ":
        return binascii.a2b_qp(data, header=True)
    data = re.sub(rb"[^A-Za-z0-9+/]", b"", data)
    data = data[: len(data) - len(data) % 4 if len(data) % 4 == 1 else len(data)]
    try:
        return binascii.a2b_base64(data + b"=" * (-len(data) % 4))
    except binascii.Error:
        return b""


def clean_text(value: str | None) -> str | None:
    """Decoded, whitespace-normalised header text, or None when empty."""
    if value is None:
        return None
    text = " ".join(decode_words(value).split())
    return text or None


def lower_domain(address: str) -> str:
    local, at, domain = address.strip().strip("<>").rpartition("@")
    return f"{local}@{domain.lower()}" if at else address.strip()


def parse_addresses(value: str | None) -> list[tuple[str | None, str]]:
    """(display name, address) pairs; groups and empty entries are dropped."""
    if not value:
        return []
    raw = recover_8bit(unfold(value))
    try:
        pairs = getaddresses([raw])
    except Exception:  # the stdlib address parser has raised on hostile input before
        pairs = [("", part) for part in raw.split(",")]
    return [(clean_text(name), lower_domain(addr)) for name, addr in pairs if addr.strip()]


def parse_sender(value: str | None) -> tuple[str | None, str | None]:
    """The one (name, address) of a From header, even when the name itself looks like an address."""
    if not value:
        return None, None
    raw = recover_8bit(unfold(value)).strip()
    match = ANGLE_ADDR.match(raw)
    if match and "@" in match.group(2):
        name = match.group(1).strip().strip('"').strip()
        return clean_text(name), lower_domain(match.group(2))
    found = parse_addresses(raw)
    return found[0] if found else (clean_text(raw), None)


def parse_date(value: str | None) -> datetime | None:
    """An aware UTC datetime, or None; a date without a zone is taken as UTC."""
    if not value:
        return None
    try:
        when = parsedate_to_datetime(unfold(value).strip())
    except Exception:  # ValueError, TypeError, IndexError, OverflowError all seen in the wild
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def message_ids(value: str | None) -> tuple[str, ...]:
    """Every ``<id>`` in a Message-ID, In-Reply-To or References header."""
    return tuple(MSG_ID.findall(unfold(value))) if value else ()


def first_message_id(value: str | None) -> str | None:
    if not value:
        return None
    found = message_ids(value)
    bare = value.strip()[:998]
    return found[0] if found else (bare or None)
