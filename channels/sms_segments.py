"""How many SMS segments a text costs, and fitting a text into a few of them.

A text that is all GSM-7 (GSM 03.38 basic table, plus the extension table whose characters take
an escape and so count double) travels 160 septets in one segment, or 153 a segment once split.
Anything else goes as UCS-2: 70 UTF-16 units in one segment, 67 once split, and characters
outside the Basic Multilingual Plane (most emoji) take two units. Neither an escaped character
nor a surrogate pair is ever split across segments, so the count packs characters, not units.
"""

from __future__ import annotations

GSM7 = "GSM-7"
UCS2 = "UCS-2"

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

# (units in a lone segment, units per segment once split)
CAPACITY = {GSM7: (160, 153), UCS2: (70, 67)}

# Punctuation that word processors and phones put in but GSM-7 lacks; swapping these keeps a
# text in GSM-7 (as Twilio's "smart encoding" does). Letters are never swapped: ŵ stays ŵ.
LOOKALIKES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
    "\u2022": "-",
})
ELLIPSIS = "..."


def is_gsm7(text: str) -> bool:
    """True when every character is in the GSM-7 basic or extension table."""
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


def _units(text: str, encoding: str) -> list[int]:
    if encoding == GSM7:
        return [2 if c in GSM7_EXTENSION else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


def segments(text: str) -> tuple[str, int]:
    """``(encoding, count)``: the encoding a text needs and how many segments it takes.

    An empty text is still one (empty) message.
    """
    encoding = GSM7 if is_gsm7(text) else UCS2
    single, split = CAPACITY[encoding]
    units = _units(text, encoding)
    if sum(units) <= single:
        return encoding, 1
    count, used = 1, 0
    for size in units:  # pack whole characters: an escape or a surrogate pair is never split
        if used + size > split:
            count, used = count + 1, 0
        used += size
    return encoding, count


def smarten(text: str) -> str:
    """``text`` with typographic punctuation swapped for GSM-7 lookalikes, if that makes it GSM-7."""
    plain = text.translate(LOOKALIKES)
    return plain if is_gsm7(plain) and not is_gsm7(text) else text


def fit(text: str, max_segments: int, keep: str | None = None) -> str:
    """``text`` cut at a word to fit ``max_segments``, never cutting before the end of ``keep``.

    Typographic punctuation is first made GSM-7 where that is enough. The cut text ends with
    ``...``. If even the text up to ``keep`` cannot fit, ``keep`` alone is returned.
    """
    text = smarten(text)
    if segments(text)[1] <= max_segments:
        return text
    start = text.find(keep) if keep else -1
    floor = start + len(keep) if keep and start >= 0 else 0
    cut = len(text)
    while cut > floor:
        cut = text.rfind(" ", floor, cut)
        if cut < floor:
            break
        shorter = text[:cut].rstrip(" ,;:-") + ELLIPSIS
        if segments(shorter)[1] <= max_segments:
            return shorter
    head = text[:floor]
    if floor and segments(head)[1] <= max_segments:
        return head
    if keep and segments(keep)[1] <= max_segments:
        return keep
    while text and segments(text)[1] > max_segments:  # one unbroken run of characters
        text = text[:-1]
    return text
