"""Outlook ``.msg`` files: a small reader for the OLE compound file and the MAPI properties in it.

Residents save an email from Outlook and attach or upload the ``.msg``. Only what the parser
needs is read: the original internet headers (when Outlook kept them), subject, sender, plain
and HTML body, and attachments. The compound-file reader follows [MS-CFB] (FAT and mini-FAT
chains, the directory's red-black tree) and stops at the first inconsistency with ValueError.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from channels.base import AttachmentBlob

END_OF_CHAIN = 0xFFFFFFFE
MAX_CHAIN = 1 << 20
PROPERTY = "__substg1.0_"
ATTACHMENT = "__attach_version1.0_#"


@dataclass
class MsgContent:
    """What an Outlook message holds, as text and files."""

    headers: str = ""
    subject: str | None = None
    sender_name: str | None = None
    sender_email: str | None = None
    text: str = ""
    html: str = ""
    attachments: list[AttachmentBlob] = field(default_factory=list)


class _Compound:
    """The streams of an OLE compound file, by path (``storage/stream``)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        (self.shift, self.mini_shift, fat_count, dir_start, self.cutoff, mini_fat_start,
         _, difat_start, difat_count) = _header(data)
        self.size = 1 << self.shift
        self.fat = self._fat(fat_count, difat_start, difat_count)
        self.entries = _entries(self._chain(dir_start, self.fat, self.size))
        root = self.entries[0]
        self.mini_stream = self._chain(root[3], self.fat, self.size)[: root[4]]
        self.mini_fat = _ints(self._chain(mini_fat_start, self.fat, self.size))

    def _sector(self, n: int) -> bytes:
        start = (n + 1) * self.size
        if start + self.size > len(self.data) + self.size:
            raise ValueError("sector beyond end of file")
        return self.data[start:start + self.size]

    def _fat(self, count: int, difat_start: int, difat_count: int) -> list[int]:
        sectors = [s for s in _ints(self.data[76:512]) if s < END_OF_CHAIN][:count]
        current = difat_start
        for _ in range(difat_count):
            if current >= END_OF_CHAIN:
                break
            block = _ints(self._sector(current))
            sectors += [s for s in block[:-1] if s < END_OF_CHAIN]
            current = block[-1]
        return _ints(b"".join(self._sector(s) for s in sectors[:count]))

    def _chain(self, start: int, fat: list[int], size: int, mini: bool = False) -> bytes:
        out, current, steps = [], start, 0
        while current < END_OF_CHAIN - 2 and current < len(fat):
            steps += 1
            if steps > MAX_CHAIN:
                raise ValueError("sector chain loops")
            out.append(self.mini_stream[current * size:(current + 1) * size] if mini
                       else self._sector(current))
            current = fat[current]
        return b"".join(out)

    def stream(self, index: int) -> bytes:
        _, kind, _, start, size = self.entries[index][:5]
        if size < self.cutoff:
            return self._chain(start, self.mini_fat, 1 << self.mini_shift, mini=True)[:size]
        return self._chain(start, self.fat, self.size)[:size]

    def children(self, index: int) -> dict[str, int]:
        """Names and entry numbers directly under a storage, walking its sibling tree."""
        found: dict[str, int] = {}
        stack = [self.entries[index][2]]
        while stack and len(found) < 10_000:
            n = stack.pop()
            if 0 <= n < len(self.entries) and self.entries[n][0] not in found:
                name, _, child, _, _, left, right = self.entries[n]
                found[name] = n
                stack += [left, right]
        return found


def _header(data: bytes) -> tuple[int, ...]:
    if len(data) < 512:
        raise ValueError("too short for a compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise ValueError("unexpected sector sizes")
    fat_count, dir_start, _, cutoff, mini_start, mini_count, difat_start, difat_count = (
        struct.unpack_from("<8I", data, 44))
    return (shift, mini_shift, fat_count, dir_start, cutoff, mini_start, mini_count,
            difat_start, difat_count)


def _ints(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4]))


def _entries(directory: bytes) -> list[tuple]:
    out = []
    for offset in range(0, len(directory) - 127, 128):
        raw = directory[offset:offset + 128]
        length = min(struct.unpack_from("<H", raw, 64)[0], 64)
        name = raw[: max(0, length - 2)].decode("utf-16-le", errors="replace")
        left, right, child = struct.unpack_from("<3I", raw, 68)
        start, size = struct.unpack_from("<II", raw, 116)
        out.append((name, raw[66], _signed(child), start, size, _signed(left), _signed(right)))
    if not out:
        raise ValueError("empty directory")
    return out


def _signed(n: int) -> int:
    return -1 if n >= 0xFFFFFFFA else n


def read_msg(data: bytes) -> MsgContent:
    """The headers, text and files of an Outlook .msg; raises ValueError if it cannot be read."""
    cfb = _Compound(data)
    top = cfb.children(0)
    prop = _properties(cfb, top)
    content = MsgContent(
        headers=prop("007D"), subject=prop("0037") or None, sender_name=prop("0C1A") or None,
        sender_email=prop("5D01") or prop("0C1F") or prop("0065") or None,
        text=prop("1000"), html=_html(cfb, top))
    for name, index in sorted(top.items()):
        if name.startswith(ATTACHMENT):
            attachment = _attachment(cfb, cfb.children(index), len(content.attachments) + 1)
            if attachment:
                content.attachments.append(attachment)
    return content


def _properties(cfb: _Compound, entries: dict[str, int]):
    def prop(tag: str) -> str:
        for kind, codec in (("001F", "utf-16-le"), ("001E", "cp1252")):
            index = entries.get(f"{PROPERTY}{tag}{kind}")
            if index is not None:
                return cfb.stream(index).decode(codec, errors="replace").rstrip("\x00")
        return ""
    return prop


def _html(cfb: _Compound, entries: dict[str, int]) -> str:
    index = entries.get(f"{PROPERTY}10130102")
    return cfb.stream(index).decode("utf-8", errors="replace") if index is not None else ""


def _attachment(cfb: _Compound, entries: dict[str, int], number: int) -> AttachmentBlob | None:
    data_index = entries.get(f"{PROPERTY}37010102")
    if data_index is None:
        return None  # an embedded message or OLE object: not extracted
    prop = _properties(cfb, entries)
    return AttachmentBlob(
        filename=prop("3707") or prop("3704") or prop("3001") or f"attachment-{number}.bin",
        content_type=prop("370E") or "application/octet-stream", data=cfb.stream(data_index))
