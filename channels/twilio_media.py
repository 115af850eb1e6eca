"""Fetching the photos and files of an inbound MMS from Twilio, each within the upload limit.

Twilio gives each item as ``MediaUrlN`` and ``MediaContentTypeN`` (N from 0 to ``NumMedia``-1),
fetched with the account SID and auth token as HTTP basic auth. Credentials are only ever sent
to the Twilio API's own address (Twilio's media URLs live there and redirect to its CDN, which
aiohttp reaches without the credentials). An item too big, of a type not accepted, or that
cannot be fetched is refused and recorded; the message itself is always kept.
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass

import aiohttp
from yarl import URL

from channels.base import AttachmentBlob
from gateway.security import sniff_type
from gateway.settings import UploadSettings

log = logging.getLogger(__name__)

CHUNK = 64 * 1024


@dataclass(frozen=True)
class MediaItem:
    """One fetched item: a blob to store, or the reason it was refused."""

    index: int
    filename: str
    content_type: str
    size: int | None
    blob: AttachmentBlob | None = None
    refused: str | None = None

    def note(self) -> dict:
        """What is kept in the message's metadata about this item."""
        return {"index": self.index, "filename": self.filename, "content_type": self.content_type,
                "size": self.size, "refused": self.refused}


def media_wanted(form: Mapping[str, str]) -> list[tuple[int, str, str]]:
    """``(index, url, declared content type)`` for each item the webhook lists."""
    try:
        count = max(0, min(int(form.get("NumMedia") or 0), 20))
    except ValueError:
        count = 0
    return [(i, form.get(f"MediaUrl{i}", ""), form.get(f"MediaContentType{i}", ""))
            for i in range(count)]


def filename_for(index: int, content_type: str) -> str:
    extension = mimetypes.guess_extension(content_type.split(";")[0].strip()) or ".bin"
    return f"mms-{index}{extension}"


async def fetch_all(form: Mapping[str, str], auth: str, api_base_url: str,
                    uploads: UploadSettings, timeout: float) -> list[MediaItem]:
    """Fetch every listed item, in order; refusals are items too. ``auth``: the header value."""
    wanted = media_wanted(form)
    if not wanted:
        return []
    origin = URL(api_base_url).origin()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
        items = []
        for index, url, declared in wanted:
            name = filename_for(index, declared)
            if index >= uploads.max_files:
                items.append(MediaItem(index, name, declared, None,
                                       refused=f"more than {uploads.max_files} files"))
            elif not url or URL(url).origin() != origin:
                items.append(MediaItem(index, name, declared, None,
                                       refused="media URL is not on the Twilio API"))
            else:
                items.append(await fetch_one(session, index, url, declared, name, auth, uploads))
    return items


async def fetch_one(session: aiohttp.ClientSession, index: int, url: str, declared: str,
                    name: str, auth: str, uploads: UploadSettings) -> MediaItem:
    """One item, read no further than the limit."""
    limit = uploads.max_file_bytes
    try:
        # aiohttp drops the Authorization header if a redirect leaves the API's origin.
        async with session.get(url, headers={"Authorization": auth}) as resp:
            if resp.status != 200:
                return MediaItem(index, name, declared, None, refused=f"fetch failed: HTTP {resp.status}")
            kind = resp.headers.get("Content-Type", declared).split(";")[0].strip() or declared
            size = resp.content_length
            if size is not None and size > limit:
                return MediaItem(index, name, kind, size, refused=f"larger than the {limit}-byte limit")
            data = bytearray()
            async for chunk in resp.content.iter_chunked(CHUNK):
                data += chunk
                if len(data) > limit:  # no length given: stop as soon as it is too big
                    return MediaItem(index, name, kind, len(data),
                                     refused=f"larger than the {limit}-byte limit")
    except (aiohttp.ClientError, asyncio.TimeoutError) as e:
        log.warning("twilio.media_fetch_failed index=%s error=%s", index, e)
        return MediaItem(index, name, declared, None, refused=f"fetch failed: {type(e).__name__}")
    return accepted(index, name, kind, bytes(data), uploads)


def accepted(index: int, name: str, kind: str, data: bytes, uploads: UploadSettings) -> MediaItem:
    """The item as a blob if its type is accepted and its bytes agree; refused otherwise."""
    sniffed = sniff_type(name, kind, data, uploads.allowed_types) if data else None
    if sniffed is None:
        reason = "empty" if not data else f"type {kind or 'unknown'} is not accepted"
        return MediaItem(index, name, kind, len(data), refused=reason)
    return MediaItem(index, name, sniffed, len(data),
                     blob=AttachmentBlob(filename=name, content_type=sniffed, data=data))
