"""X (formerly Twitter) through the Account Activity API, at ``/channels/x``.

``GET ?crc_token=`` is X's challenge-response check: the answer is ``{"response_token":
"sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}``. ``POST`` deliveries carry
``x-twitter-webhooks-signature`` (the same HMAC of the raw body) and are refused with 403 and a
security Event when it is missing or wrong. X signs no timestamp, so replays are caught by the
message's id instead (the pipeline keeps one message per id).

``direct_message_events`` become messages, except those the landlord's own account sent (the
echo of Doorstep's own replies), recorded as Events. ``tweet_create_events`` that mention or
reply to the landlord's account are public comments: triaged like any message, but answered
only with a public reply inviting a direct message. Every other event is logged and ignored.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

from aiohttp import web

from channels.base import InboundMessage, RawMessage, Sender, Submit
from channels.social_meta_events import ECHO, IGNORED, MESSAGE, moment
from channels.social_meta_inbound import note
from channels.social_webhooks import Notice, matches, record_notices, refuse, secret_text, x_signature
from gateway import keys
from gateway.errors import ParseError, Problem
from gateway.settings import Settings

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "x-twitter-webhooks-signature"
TWEET_TIME = "%a %b %d %H:%M:%S %z %Y"  # "Wed Oct 10 20:19:24 +0000 2018"
MALFORMED = (KeyError, TypeError, AttributeError, ValueError)


@dataclass(frozen=True)
class XEvent:
    kind: str  # message, echo or ignored
    envelope: dict[str, Any]
    item: dict[str, Any]  # the direct message event or the tweet
    what: str  # dm, mention, or why it was ignored

    @property
    def external_id(self) -> str:
        return str(self.item.get("id_str") or self.item.get("id"))


def split_x(body: Any, account_id: str = "") -> list[XEvent]:
    """Every event in an Account Activity delivery; raises ParseError naming what is malformed."""
    _need(isinstance(body, dict), "the body is not an Account Activity delivery")
    own, found = account_id or str(body.get("for_user_id", "")), []
    base = {k: body[k] for k in ("for_user_id",) if k in body}
    users = body.get("users") if isinstance(body.get("users"), dict) else {}
    for n, dm in enumerate(_items(body, "direct_message_events")):
        create = dm.get("message_create")
        if dm.get("type") != "message_create":
            found.append(XEvent(IGNORED, body, dm, f"direct message {dm.get('type')}"))
            continue
        _need(isinstance(create, dict) and create.get("sender_id") and dm.get("id"),
              f"direct_message_events[{n}] needs an id and message_create.sender_id")
        sender = str(create["sender_id"])
        envelope = {**base, "direct_message_events": [dm],
                    "users": {sender: users[sender]} if sender in users else {}}
        found.append(XEvent(ECHO if sender == own else MESSAGE, envelope, dm, "dm"))
    for n, tweet in enumerate(_items(body, "tweet_create_events")):
        author = tweet.get("user")
        _need(isinstance(author, dict) and author.get("id_str") and tweet.get("id_str"),
              f"tweet_create_events[{n}] needs an id_str and user.id_str")
        envelope = {**base, "tweet_create_events": [tweet]}
        found.append(XEvent(_tweet_kind(tweet, own), envelope, tweet, _tweet_what(tweet, own)))
    for key in sorted(set(body) - {"for_user_id", "users", "direct_message_events",
                                   "tweet_create_events", "user_has_blocked"}):
        found.append(XEvent(IGNORED, body, {}, key))
    return found


def _tweet_kind(tweet: dict, own: str) -> str:
    if str(tweet["user"]["id_str"]) == own:
        return ECHO
    return MESSAGE if _tweet_what(tweet, own) == "mention" else IGNORED


def _tweet_what(tweet: dict, own: str) -> str:
    if "retweeted_status" in tweet:
        return "retweet"
    mentions = (tweet.get("entities") or {}).get("user_mentions") or []
    addressed = own and (str(tweet.get("in_reply_to_user_id_str") or "") == own or any(
        isinstance(m, dict) and str(m.get("id_str")) == own for m in mentions))
    return "mention" if addressed else "tweet not addressed to the landlord"


def inbound_of(event: XEvent, received_at: datetime, meta: dict[str, Any]) -> InboundMessage:
    """The normalised message: a direct message, or a public mention."""
    item = event.item
    if event.what == "dm":
        create = item["message_create"]
        sender_id = str(create["sender_id"])
        user = (event.envelope.get("users") or {}).get(sender_id) or {}
        data = create.get("message_data") or {}
        media = (data.get("attachment") or {}).get("media") or {}
        refs = ([{"type": str(media.get("type", "photo")), "url": media.get("media_url_https")}]
                if media else [])
        text, extra, name = str(data.get("text") or ""), {}, user.get("name")
        if user.get("screen_name"):
            extra["username"] = user["screen_name"]
    else:
        author = item["user"]
        sender_id, name, refs = str(author["id_str"]), author.get("name"), []
        text = str((item.get("extended_tweet") or {}).get("full_text") or item.get("full_text")
                   or item.get("text") or "")
        extra = {"public": True, "comment_id": event.external_id, "username": author.get("screen_name")}
    attachments = meta.get("attachments", refs)
    if attachments:
        extra["attachments"] = attachments
    body = "\n".join(p for p in (text, *map(note, attachments)) if p) or "[an empty message]"
    return InboundMessage(channel="x", external_id=event.external_id,
                          sender=Sender(name=name, handle=sender_id), received_at=received_at,
                          subject=None, body=body, meta=extra)


def sent_at(event: XEvent) -> datetime | None:
    item = event.item
    stamp = item.get("created_timestamp") or item.get("timestamp_ms")
    if stamp:
        return moment(stamp)
    try:
        return datetime.strptime(str(item.get("created_at")), TWEET_TIME).astimezone(UTC)
    except ValueError:
        return None


class XChannel:
    """Receives the landlord account's direct messages and mentions."""

    name: ClassVar[str] = "x"

    def __init__(self, *, settings: Settings, submit: Submit, **_: Any) -> None:
        self.settings, self.x, self.submit = settings, settings.x, submit

    def routes(self) -> list[web.RouteDef]:
        return [web.get("/channels/x", self.crc), web.post("/channels/x", self.receive)]

    async def poll(self, submit: Submit) -> None:
        return None

    def parse(self, raw: RawMessage) -> InboundMessage:
        try:
            events = [e for e in split_x(json.loads(raw.payload), self.x.account_id)
                      if e.kind == MESSAGE]
            if len(events) != 1:
                raise ParseError(f"a stored X payload holds {len(events)} messages, not one")
            return inbound_of(events[0], raw.received_at, raw.meta)
        except MALFORMED as e:
            raise ParseError(f"stored X payload no longer parses: {e!r}") from e

    async def crc(self, request: web.Request) -> web.Response:
        """X's challenge-response check."""
        secret = secret_text(self.x.consumer_secret)
        if secret is None:
            raise Problem(403, "Forbidden", "DOORSTEP_X_CONSUMER_SECRET is not set")
        token = request.query.get("crc_token")
        if not token:
            raise Problem(400, "Bad request", "crc_token is missing")
        return web.json_response({"response_token": x_signature(secret, token.encode())})

    async def receive(self, request: web.Request) -> web.Response:
        """Verify, split and submit one delivery."""
        body = await request.read()
        secret, given = secret_text(self.x.consumer_secret), request.headers.get(SIGNATURE_HEADER)
        if secret is None or not given or not matches(x_signature(secret, body), given):
            reason = ("not checkable: DOORSTEP_X_CONSUMER_SECRET is not set" if secret is None
                      else "missing" if not given else "invalid")
            raise await refuse(request, self.name, reason)
        events = self.events_of(body)
        now, created = request.app[keys.DEPS].clock(), 0
        for event in events:
            if event.kind == MESSAGE:
                raw = RawMessage(
                    source=self.name, channel="x", external_id=event.external_id,
                    payload=json.dumps(event.envelope, ensure_ascii=False).encode("utf-8"),
                    content_type="application/json", received_at=sent_at(event) or now)
                result = await self.submit(raw, wait=False)
                created += result.created
                log.info("x.message.received channel=x external_id=%s raw_id=%s created=%s",
                         raw.external_id, result.message_id, result.created)
            elif event.kind == IGNORED:
                log.info("x.event.ignored what=%s", event.what)
        await record_notices(request, [Notice("social.echo", "x", {"id": e.external_id, "what": e.what})
                                       for e in events if e.kind == ECHO])
        return web.json_response({"messages": sum(e.kind == MESSAGE for e in events),
                                  "created": created})

    def events_of(self, body: bytes) -> list[XEvent]:
        try:
            doc = json.loads(body)
        except ValueError as e:
            raise Problem(400, "Bad request", f"the body is not JSON: {e}") from e
        try:
            events = split_x(doc, self.x.account_id)
            for event in events:
                if event.kind == MESSAGE:
                    inbound_of(event, datetime.now(UTC), {})
        except (ParseError, *MALFORMED) as e:
            raise Problem(400, "Bad request", f"malformed X delivery: {e}") from e
        return events


def _items(body: dict, key: str) -> list[dict]:
    items = body.get(key, [])
    _need(isinstance(items, list) and all(isinstance(i, dict) for i in items),
          f"{key} must be a list of objects")
    return items


def _need(condition: Any, reason: str) -> None:
    if not condition:
        raise ParseError(reason)
