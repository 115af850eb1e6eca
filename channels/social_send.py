"""What the Meta and X deliverers share: one JSON POST with a bearer token, and the reply window.

Network failures, 429 and 5xx answers are worth retrying; the deliverers decide about the rest
from the provider's error body.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import aiohttp

from channels.base import AckResult, Outgoing

WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Answer:
    """A provider's answer: the HTTP status and the JSON body (``{}`` if there was none)."""

    status: int
    doc: dict[str, Any]

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def is_transient(self) -> bool:
        return self.status == 429 or self.status >= 500


async def post_json(url: str, body: dict[str, Any], token: str, timeout: float) -> Answer:
    """POST ``body`` as JSON with ``Authorization: Bearer``; raises aiohttp/timeout errors."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http:
        async with http.post(url, data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                             headers=headers) as resp:
            text = await resp.text()
    try:
        doc = json.loads(text) if text.strip() else {}
    except ValueError:
        doc = {"_text": text[:300]}
    return Answer(resp.status, doc if isinstance(doc, dict) else {"_body": doc})


async def attempt(send) -> AckResult:
    """Run one send; a network failure or a timeout is a failed attempt worth retrying."""
    try:
        return await send()
    except (aiohttp.ClientError, TimeoutError) as e:
        return AckResult(ok=False, error=f"network: {type(e).__name__}: {e}", retry=True)


def inbound_at(out: Outgoing) -> datetime | None:
    """When the resident last wrote, as the acknowledge stage noted it (None if it did not)."""
    value = out.meta.get("inbound_at")
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def is_window_open(out: Outgoing, now: datetime) -> bool | None:
    """Whether the 24-hour customer-service window is open; None when it cannot be told."""
    last = inbound_at(out)
    return None if last is None else now - last < WINDOW
