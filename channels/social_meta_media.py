"""Fetching the photos and files residents send on Messenger, Instagram and WhatsApp.

Messenger and Instagram give a signed CDN address in the webhook; WhatsApp gives a media id,
looked up at ``GET /{version}/{media-id}`` with the WhatsApp token, whose answer's ``url`` is then
downloaded with the same token. Every download stops at ``[uploads] max_file_bytes``; a larger
file, a type the landlord does not accept or a failed fetch is recorded and the message kept.
"""

from __future__ import annotations

import logging
import mimetypes
from typing import Any

import aiohttp

from channels.base import AttachmentBlob
from gateway.security import sniff_type
from gateway.settings import MetaSettings, UploadSettings

log = logging.getLogger(__name__)


class TooLarge(Exception):
    """The file is over the upload limit."""


async def fetch_media(refs: list[dict[str, Any]], meta: MetaSettings,
                      uploads: UploadSettings) -> tuple[list[AttachmentBlob], list[dict[str, Any]]]:
    """The files kept, and a record per reference saying what became of it."""
    blobs, records = [], []
    if not refs:
        return blobs, records
    timeout = aiohttp.ClientTimeout(total=meta.timeout_seconds)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        for n, ref in enumerate(refs):
            blob, record = await _fetch_one(http, n, ref, meta, uploads)
            records.append(record)
            if blob is not None:
                blobs.append(blob)
    return blobs, records


async def _fetch_one(http: aiohttp.ClientSession, n: int, ref: dict[str, Any], meta: MetaSettings,
                     uploads: UploadSettings) -> tuple[AttachmentBlob | None, dict[str, Any]]:
    record, limit = dict(ref), uploads.max_file_bytes
    if n >= uploads.max_files:
        return None, {**record, "refused": f"more than {uploads.max_files} files"}
    try:
        url, headers, declared = await _locate(http, ref, meta, limit)
        if url is None:
            return None, {**record, "error": "no address to fetch it from"}
        data, content_type = await _download(http, url, headers, limit)
    except TooLarge:
        return None, {**record, "refused": f"larger than the {limit}-byte upload limit"}
    except (aiohttp.ClientError, TimeoutError, ValueError) as e:
        log.warning("meta.media.fetch_failed type=%s error=%s", ref.get("type"), e)
        return None, {**record, "error": f"{type(e).__name__}: {e}"[:200]}
    content_type = (declared or content_type or "application/octet-stream").split(";")[0].strip()
    filename = ref.get("filename") or f"{ref.get('type', 'file')}-{n + 1}{_extension(content_type)}"
    kind = sniff_type(filename, content_type, data, uploads.allowed_types)
    record.update(filename=filename, content_type=content_type, size=len(data))
    if kind is None:
        return None, {**record, "refused": f"the type {content_type} is not accepted"}
    return AttachmentBlob(filename=filename, content_type=kind, data=data), {**record, "stored": True}


async def _locate(http: aiohttp.ClientSession, ref: dict[str, Any], meta: MetaSettings,
                  limit: int) -> tuple[str | None, dict[str, str], str | None]:
    """The address to download, the headers it needs, and the declared content type."""
    if "media_id" not in ref:
        url = ref.get("url")
        return (url if isinstance(url, str) and url.startswith(("https://", "http://")) else None,
                {}, None)
    if meta.whatsapp_token is None:
        raise ValueError("DOORSTEP_META_WHATSAPP_TOKEN is not set")
    auth = {"Authorization": f"Bearer {meta.whatsapp_token.get_secret_value()}"}
    lookup = f"{meta.graph_base_url.rstrip('/')}/{meta.graph_version}/{ref['media_id']}"
    async with http.get(lookup, headers=auth) as resp:
        if resp.status != 200:
            raise ValueError(f"media lookup answered {resp.status}")
        info = await resp.json()
    if int(info.get("file_size") or 0) > limit:
        raise TooLarge
    return info.get("url"), auth, info.get("mime_type") or ref.get("mime_type")


async def _download(http: aiohttp.ClientSession, url: str, headers: dict[str, str],
                    limit: int) -> tuple[bytes, str | None]:
    async with http.get(url, headers=headers) as resp:
        if resp.status != 200:
            raise ValueError(f"download answered {resp.status}")
        if (resp.content_length or 0) > limit:
            raise TooLarge
        data = bytearray()
        async for chunk in resp.content.iter_chunked(64 * 1024):
            data.extend(chunk)
            if len(data) > limit:
                raise TooLarge
        return bytes(data), resp.headers.get("Content-Type")


def _extension(content_type: str) -> str:
    return {"image/jpeg": ".jpg"}.get(content_type) or mimetypes.guess_extension(content_type) or ""
