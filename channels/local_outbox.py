"""The local outbox: with no provider configured, outgoing messages are written as files.

Email becomes an ``.eml`` file that any mail client opens; every other channel becomes a
``.txt`` file with a small header, ready for a person to send or (for letters) print.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from channels.base import AckResult, Outgoing
from channels.email_compose import compose_email

log = logging.getLogger(__name__)


class LocalOutbox:
    """Delivers any channel by writing a file into ``directory``."""

    channel = "*"

    def __init__(self, directory: Path, from_address: str, from_name: str) -> None:
        self.directory = Path(directory)
        self.from_address, self.from_name = from_address, from_name

    async def send(self, out: Outgoing) -> AckResult:
        self.directory.mkdir(parents=True, exist_ok=True)
        stem = f"{out.outbound_id:06d}-{out.channel}"
        if out.channel == "email":
            data = bytes(compose_email(out, self.from_address, self.from_name))
            path = self.directory / f"{stem}.eml"
        else:
            data = self._text_file(out).encode("utf-8")
            path = self.directory / f"{stem}.txt"
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        log.info("outbox.local.written channel=%s path=%s", out.channel, path)
        return AckResult(ok=True, provider_id=path.name)

    @staticmethod
    def _text_file(out: Outgoing) -> str:
        header = f"Channel: {out.channel}\nTo: {out.recipient}\n"
        if out.subject:
            header += f"Subject: {out.subject}\n"
        return f"{header}\n{out.body_text}\n"
