"""Facebook Messenger, Instagram and WhatsApp: Meta's webhook at ``/channels/meta``.

``GET`` answers the subscription handshake: ``hub.mode=subscribe`` with the configured verify
token gets ``hub.challenge`` back as text. ``POST`` checks ``X-Hub-Signature-256`` (HMAC-SHA256
of the raw body with the app secret) before reading anything; a forged or missing signature is
refused with 403 and leaves only a security Event. Meta signs no timestamp, so there is no
replay window: a replayed delivery finds the message already stored under its ``mid`` or
``wamid`` and creates nothing.

Each message in a batch becomes its own raw message, stored with its entry and change context
(see ``social_meta_events``), and is submitted without waiting for triage so that Meta gets its
200 quickly. Echoes, read receipts, deliveries and WhatsApp statuses are recorded as Events
(statuses also update the Outbound row they concern); anything else validly signed is logged
and answered 200, because Meta keeps retrying deliveries it sees refused.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any, ClassVar

from aiohttp import web
from sqlalchemy import select

from channels.base import InboundMessage, RawMessage, Submit, SubmitResult
from channels.social_meta_events import (
    DELIVERY, ECHO, IGNORED, MESSAGE, NOTICES, READ, MetaEvent, message_id, moment, sent_at, split,
)
from channels.social_meta_inbound import inbound_of, media_refs
from channels.social_meta_media import fetch_media
from channels.social_webhooks import Notice, hub_signature, matches, record_notices, refuse, secret_text
from gateway import keys
from gateway.errors import ParseError, Problem
from gateway.settings import Settings
from models import Message

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Hub-Signature-256"
MALFORMED = (KeyError, TypeError, AttributeError, ValueError)


class MetaChannel:
    """Receives Meta's webhooks for a Page, an Instagram account and a WhatsApp number."""

    name: ClassVar[str] = "meta"

    def __init__(self, *, settings: Settings, submit: Submit, **_: Any) -> None:
        self.settings, self.meta, self.submit = settings, settings.meta, submit

    def routes(self) -> list[web.RouteDef]:
        return [web.get("/channels/meta", self.handshake), web.post("/channels/meta", self.receive)]

    async def poll(self, submit: Submit) -> None:
        return None

    def parse(self, raw: RawMessage) -> InboundMessage:
        """The one message a stored envelope holds; raises ParseError if it no longer parses."""
        try:
            events = [e for e in split(json.loads(raw.payload)) if e.kind == MESSAGE]
            if len(events) != 1:
                raise ParseError(f"a stored Meta payload holds {len(events)} messages, not one")
            return inbound_of(events[0], raw.received_at, raw.meta)
        except MALFORMED as e:
            raise ParseError(f"stored Meta payload no longer parses: {e!r}") from e

    async def handshake(self, request: web.Request) -> web.Response:
        """Meta's subscription check: echo ``hub.challenge`` if the verify token matches."""
        query, token = request.query, secret_text(self.meta.verify_token)
        if (query.get("hub.mode") == "subscribe" and token is not None
                and matches(token, query.get("hub.verify_token")) and "hub.challenge" in query):
            log.info("meta.subscription.verified remote=%s", request.remote)
            return web.Response(text=query["hub.challenge"], content_type="text/plain")
        log.warning("meta.subscription.refused remote=%s", request.remote)
        raise Problem(403, "Forbidden", "the subscription request or its verify token is wrong")

    async def receive(self, request: web.Request) -> web.Response:
        """Verify, split and submit one webhook delivery."""
        body = await request.read()
        await self.verify(request, body)
        events = self.events_of(body)
        now = request.app[keys.DEPS].clock()
        results = [await self.take(request, e, now) for e in events if e.kind == MESSAGE]
        await record_notices(request, [notice_of(e) for e in events if e.kind in NOTICES])
        for event in events:
            if event.kind == IGNORED:
                log.info("meta.event.ignored channel=%s what=%s", event.channel or "-", event.what)
        return web.json_response({"messages": len(results),
                                  "created": sum(r.created for r in results)})

    async def verify(self, request: web.Request, body: bytes) -> None:
        """Raise the 403 problem (after recording it) unless the body is signed with the app secret."""
        secret = secret_text(self.meta.app_secret)
        given = request.headers.get(SIGNATURE_HEADER)
        if secret is None:
            raise await refuse(request, self.name, "not checkable: DOORSTEP_META_APP_SECRET is not set")
        if not given:
            raise await refuse(request, self.name, "missing")
        if not matches(hub_signature(secret, body), given):
            raise await refuse(request, self.name, "invalid")

    def events_of(self, body: bytes) -> list[MetaEvent]:
        """Every event in the body; a 400 problem naming what is malformed."""
        try:
            doc = json.loads(body)
        except ValueError as e:
            raise Problem(400, "Bad request", f"the body is not JSON: {e}") from e
        try:
            events = split(doc)
            for event in events:
                if event.kind == MESSAGE:
                    inbound_of(event, datetime.now(UTC), {})  # everything parse will need is there
        except ParseError as e:
            raise Problem(400, "Bad request", f"malformed Meta webhook: {e}") from e
        except MALFORMED as e:
            raise Problem(400, "Bad request", f"malformed Meta webhook: {e!r}") from e
        return events

    async def take(self, request: web.Request, event: MetaEvent, now: datetime) -> SubmitResult:
        """Fetch the message's media (once) and submit it without waiting for triage."""
        meta: dict[str, Any] = {}
        blobs: list = []
        refs = media_refs(event)
        if refs and not await self.is_known(request, event):
            if self.meta.fetch_media:
                blobs, meta["attachments"] = await fetch_media(refs, self.meta, self.settings.uploads)
            else:
                meta["attachments"] = refs
        raw = RawMessage(
            source=self.name, channel=event.channel, external_id=event.external_id,
            payload=json.dumps(event.envelope, ensure_ascii=False).encode("utf-8"),
            content_type="application/json", received_at=sent_at(event) or now,
            attachments=tuple(blobs), meta=meta,
        )
        result = await self.submit(raw, wait=False)
        log.info("meta.message.received channel=%s external_id=%s raw_id=%s created=%s",
                 raw.channel, raw.external_id, result.message_id, result.created)
        return result

    async def is_known(self, request: web.Request, event: MetaEvent) -> bool:
        async with request.app[keys.DEPS].sessions() as session:
            return await session.scalar(select(Message.id).where(
                Message.channel == event.channel, Message.external_id == event.external_id)
            ) is not None


def notice_of(event: MetaEvent) -> Notice:
    """What an echo, a read receipt, a delivery or a WhatsApp status records."""
    item = event.item
    if event.kind == ECHO:
        return Notice("social.echo", event.channel, {"id": message_id(event), "what": event.what})
    if event.kind == READ:
        return Notice("social.read", event.channel, {"watermark": item["read"].get("watermark")})
    if event.kind == DELIVERY:
        mids = tuple(str(m) for m in item["delivery"].get("mids") or [])
        return Notice("social.delivery", event.channel, {"ids": list(mids)}, mids, "delivered",
                      sent_at(event))
    errors = item.get("errors") if isinstance(item.get("errors"), list) else []
    error = "; ".join(f"{e.get('code')}: {e.get('title') or e.get('message')}"
                      for e in errors if isinstance(e, dict)) or None
    status = str(item.get("status", ""))
    return Notice("social.status", event.channel, {"id": item["id"], "status": status},
                  (item["id"],), status, moment(item.get("timestamp")), error)
