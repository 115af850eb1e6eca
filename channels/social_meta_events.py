"""Meta's webhook bodies taken apart: one ``MetaEvent`` per message, receipt, status or skip.

Pure: a verified body goes in, events come out, and a body of the wrong shape raises
``ParseError`` with the place that is wrong. Each event keeps an ``envelope``: a complete
webhook body holding that one event with its entry (and change) context. The envelope is what
Doorstep stores as the raw message, and parsing it again yields the same single event.

Messenger and Instagram direct messages arrive in ``entry[].messaging[]``; Page feed comments,
Instagram comments and everything WhatsApp in ``entry[].changes[]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from gateway.errors import ParseError

OBJECT_CHANNELS = {"page": "facebook", "instagram": "instagram",
                   "whatsapp_business_account": "whatsapp"}
MESSAGE, ECHO, READ, DELIVERY, STATUS, IGNORED = (
    "message", "echo", "read", "delivery", "status", "ignored")
NOTICES = (ECHO, READ, DELIVERY, STATUS)


@dataclass(frozen=True)
class MetaEvent:
    """One thing a webhook told us; ``what`` names its sort (``comment``, a WhatsApp type …)."""

    kind: str
    channel: str
    envelope: dict[str, Any]
    item: dict[str, Any]  # the messaging event, the change's value or the WhatsApp message/status
    what: str = ""
    entry_id: str = ""

    @property
    def external_id(self) -> str:
        """The provider's id for a message: a ``mid``, a comment id or a ``wamid``."""
        return message_id(self)


def split(body: Any) -> list[MetaEvent]:
    """Every event in a webhook body, in order; raises ParseError naming what is malformed."""
    if not isinstance(body, dict) or not isinstance(body.get("object"), str):
        raise ParseError("the body is not a Meta webhook: no 'object'")
    obj, entries = body["object"], body.get("entry")
    channel = OBJECT_CHANNELS.get(obj)
    if channel is None:
        return [MetaEvent(IGNORED, "", body, {}, f"object {obj!r}")]
    if not isinstance(entries, list):
        raise ParseError("'entry' must be a list")
    found: list[MetaEvent] = []
    for n, entry in enumerate(entries):
        where = f"entry[{n}]"
        _need(isinstance(entry, dict), f"{where} must be an object")
        context = {k: entry[k] for k in ("id", "time") if k in entry}
        for key, splitter in (("messaging", _messaging), ("changes", _change)):
            items = entry.get(key, [])
            _need(isinstance(items, list), f"{where}.{key} must be a list")
            for i, item in enumerate(items):
                _need(isinstance(item, dict), f"{where}.{key}[{i}] must be an object")
                found.extend(splitter(obj, channel, context, item, f"{where}.{key}[{i}]"))
    return found


def _messaging(obj: str, channel: str, context: dict, event: dict, where: str) -> list[MetaEvent]:
    envelope = {"object": obj, "entry": [{**context, "messaging": [event]}]}
    made = _factory(channel, envelope, event, str(context.get("id", "")))
    message = event.get("message")
    if message is not None:
        _need(isinstance(message, dict) and isinstance(message.get("mid"), str),
              f"{where}.message must be an object with a 'mid'")
        if message.get("is_echo"):
            return [made(ECHO, "echo")]
        _need(_has_id(event.get("sender")), f"{where}.sender.id is missing")
        return [made(MESSAGE, "message")]
    if isinstance(event.get("postback"), dict):
        _need(_has_id(event.get("sender")), f"{where}.sender.id is missing")
        return [made(MESSAGE, "postback")]
    for key, kind in (("delivery", DELIVERY), ("read", READ)):
        if isinstance(event.get(key), dict):
            return [made(kind, key)]
    rest = sorted(set(event) - {"sender", "recipient", "timestamp"})
    return [made(IGNORED, "messaging " + ",".join(rest))]


def _change(obj: str, channel: str, context: dict, change: dict, where: str) -> list[MetaEvent]:
    field, value = change.get("field"), change.get("value")
    _need(isinstance(field, str) and isinstance(value, dict),
          f"{where} must have a 'field' and an object 'value'")
    envelope = {"object": obj, "entry": [{**context, "changes": [{"field": field, "value": value}]}]}
    made = _factory(channel, envelope, value, str(context.get("id", "")))
    if channel == "whatsapp" and field in ("messages", "smb_message_echoes"):
        return _whatsapp(obj, context, field, value, where) or [made(IGNORED, "no messages")]
    if channel == "facebook" and field == "feed":
        if value.get("item") != "comment" or value.get("verb") != "add":
            return [made(IGNORED, f"feed {value.get('item')} {value.get('verb')}")]
        _need(isinstance(value.get("comment_id"), str), f"{where}.value.comment_id is missing")
        return [made(ECHO if _is_own(value, context) else MESSAGE, "comment")]
    if channel == "instagram" and field in ("comments", "live_comments"):
        _need(isinstance(value.get("id"), str), f"{where}.value.id is missing")
        return [made(ECHO if _is_own(value, context) else MESSAGE, "comment")]
    return [made(IGNORED, f"field {field!r}")]


def _whatsapp(obj: str, context: dict, field: str, value: dict, where: str) -> list[MetaEvent]:
    shared = {k: v for k, v in value.items() if k not in ("messages", "statuses", "message_echoes")}

    def one(key: str, item: dict) -> dict:
        single = {**shared, key: [item]}
        if key == "messages" and isinstance(shared.get("contacts"), list):
            # Keep only the sender's contact: a batch may name other residents.
            single["contacts"] = [c for c in shared["contacts"]
                                  if isinstance(c, dict) and c.get("wa_id") == item.get("from")]
        return {"object": obj, "entry": [{**context, "changes": [{"field": field, "value": single}]}]}

    entry_id = str(context.get("id", ""))
    found = []
    for key, kind in (("messages", MESSAGE), ("statuses", STATUS), ("message_echoes", ECHO)):
        items = value.get(key, [])
        _need(isinstance(items, list), f"{where}.value.{key} must be a list")
        for i, item in enumerate(items):
            _need(isinstance(item, dict) and isinstance(item.get("id"), str),
                  f"{where}.value.{key}[{i}] must be an object with an 'id'")
            if kind == MESSAGE:
                _need(isinstance(item.get("from") or item.get("from_user_id"), str),
                      f"{where}.value.messages[{i}].from is missing")
            what = str(item.get("type") or item.get("status") or key)
            found.append(MetaEvent(kind, "whatsapp", one(key, item), item, what, entry_id))
    return found


def _factory(channel: str, envelope: dict, item: dict, entry_id: str):
    return lambda kind, what: MetaEvent(kind, channel, envelope, item, what, entry_id)


def message_id(event: MetaEvent) -> str:
    item = event.item
    if event.channel == "whatsapp":
        return item["id"]
    if event.what == "comment":
        return item.get("comment_id") or item["id"]
    if event.what == "postback":
        postback = item["postback"]
        return postback.get("mid") or f"postback-{item['sender']['id']}-{item.get('timestamp', '')}"
    return item["message"]["mid"]


def sent_at(event: MetaEvent) -> datetime | None:
    """When the provider says the event happened, if it says."""
    item = event.item
    for value in (item.get("timestamp"), item.get("created_time")):
        if value not in (None, ""):
            return moment(value)
    time = event.envelope["entry"][0].get("time") if event.envelope.get("entry") else None
    return moment(time) if time not in (None, "") else None


def moment(value: Any) -> datetime | None:
    """Epoch seconds or milliseconds (number or digits) as an aware UTC datetime."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return datetime.fromtimestamp(number / 1000 if number > 1e11 else number, UTC)


def _is_own(value: dict, context: dict) -> bool:
    """A comment the Page or account itself wrote (our own public reply, say)."""
    author = value.get("from") if isinstance(value.get("from"), dict) else {}
    return bool(author.get("id")) and str(author.get("id")) == str(context.get("id", ""))


def _has_id(who: Any) -> bool:
    return isinstance(who, dict) and isinstance(who.get("id"), str | int) and who["id"] != ""


def _need(condition: bool, reason: str) -> None:
    if not condition:
        raise ParseError(reason)
