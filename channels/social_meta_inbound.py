"""One Meta message event as an ``InboundMessage``: who wrote, what they wrote, what came with it.

Pure. Attachments are described in ``meta["attachments"]`` (type, address or media id, and,
once the receiving view has tried to fetch them, what became of each); the body notes every
attachment too, so staff reading the text know a photo came with it or was not kept.
Reactions, deletions, edits, button taps and system notices are recorded but never triaged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from channels.base import InboundMessage, Sender
from channels.identity import normalise_phone
from channels.social_meta_events import MetaEvent

WHATSAPP_MEDIA = ("image", "video", "audio", "document", "sticker")
WHATSAPP_NOT_CONTACTS = ("reaction", "revoke", "edit", "system", "request_welcome", "ephemeral")
RESIDENT_CHOICES = ("button_reply", "list_reply", "nfm_reply")  # interactive answers a person gave


def media_refs(event: MetaEvent) -> list[dict[str, Any]]:
    """What could be downloaded: ``{"type", "url"}`` or ``{"type", "media_id", …}`` each."""
    item = event.item
    if event.channel == "whatsapp":
        media = item.get(item.get("type", ""))
        if item.get("type") in WHATSAPP_MEDIA and isinstance(media, dict) and media.get("id"):
            return [{"type": item["type"], "media_id": str(media["id"]),
                     **{k: media[k] for k in ("mime_type", "filename", "sha256") if k in media}}]
        return []
    if event.what == "comment":
        photo = item.get("photo") or (item.get("attachment") or {}).get("url")
        return [{"type": "image", "url": photo}] if isinstance(photo, str) else []
    found = []
    for attachment in (item.get("message") or {}).get("attachments") or []:
        if isinstance(attachment, dict):
            url = (attachment.get("payload") or {}).get("url")
            found.append({"type": str(attachment.get("type", "file")), **({"url": url} if url else {})})
    return found


def inbound_of(event: MetaEvent, received_at: datetime, meta: dict[str, Any]) -> InboundMessage:
    """The normalised message; ``meta`` is the raw message's (the attachments' fate)."""
    attachments = meta.get("attachments", media_refs(event))
    if event.channel == "whatsapp":
        sender, text, extra, auto = _whatsapp(event)
    elif event.what == "comment":
        sender, text, extra, auto = _comment(event)
    else:
        sender, text, extra, auto = _direct(event)
    body = "\n".join(part for part in (text, *map(note, attachments)) if part)
    return InboundMessage(
        channel=event.channel, external_id=event.external_id, sender=sender,
        received_at=received_at, subject=None, body=body or "[an empty message]",
        is_auto_reply=auto, meta={**extra, "attachments": attachments} if attachments else extra,
    )


def note(record: dict[str, Any]) -> str:
    """``[image attached]``, or why it was not kept (or that it was never fetched)."""
    kind = record.get("type", "file")
    if record.get("refused"):
        return f"[{kind} not kept: {record['refused']}]"
    if record.get("error"):
        return f"[{kind} could not be fetched]"
    return f"[{kind} attached]" if record.get("stored") else f"[{kind} sent, not downloaded]"


def _direct(event: MetaEvent):
    item = event.item
    sender = Sender(handle=str(item["sender"]["id"]))
    if event.what == "postback":
        postback = item["postback"]
        return sender, str(postback.get("title") or ""), {"postback": postback.get("payload")}, True
    message, extra = item["message"], {}
    if isinstance(message.get("reply_to"), dict):
        reply_to = message["reply_to"]
        extra["reply_to"] = reply_to.get("mid") or (reply_to.get("story") or {}).get("id")
    if isinstance(message.get("quick_reply"), dict):
        extra["quick_reply"] = message["quick_reply"].get("payload")
    auto = bool(message.get("is_deleted") or message.get("is_unsupported"))
    return sender, str(message.get("text") or ""), extra, auto


def _comment(event: MetaEvent):
    item = event.item
    author = item.get("from") if isinstance(item.get("from"), dict) else {}
    sender = Sender(name=author.get("name"), handle=str(author["id"]) if author.get("id") else None)
    extra = {"public": True, "comment_id": event.external_id}
    for key in ("post_id", "parent_id"):
        if item.get(key):
            extra[key] = str(item[key])
    if isinstance(item.get("media"), dict) and item["media"].get("id"):
        extra["media_id"] = str(item["media"]["id"])
    if author.get("username"):
        extra["username"] = author["username"]
    return sender, str(item.get("message") or item.get("text") or ""), extra, False


def _whatsapp(event: MetaEvent):
    item, value = event.item, event.envelope["entry"][0]["changes"][0]["value"]
    wa_id = str(item.get("from") or item.get("from_user_id"))
    contact = next((c for c in value.get("contacts") or [] if isinstance(c, dict)
                    and c.get("wa_id") == wa_id), None) or {}
    sender = Sender(name=(contact.get("profile") or {}).get("name"), handle=wa_id,
                    phone=_phone(wa_id))
    kind, extra = str(item.get("type", "")), {"whatsapp_type": str(item.get("type", ""))}
    context = item.get("context") if isinstance(item.get("context"), dict) else {}
    if context.get("id"):
        extra["reply_to"] = context["id"]
    if context.get("forwarded") or context.get("frequently_forwarded"):
        extra["forwarded"] = True
    choice = (item.get("interactive") or {}).get("type") if kind == "interactive" else None
    auto = kind in WHATSAPP_NOT_CONTACTS or (kind == "interactive" and choice not in RESIDENT_CHOICES)
    return sender, whatsapp_text(item), extra, auto


def whatsapp_text(item: dict[str, Any]) -> str:
    """The words of a WhatsApp message of any type (a caption, a button's title, a place)."""
    kind = str(item.get("type", ""))
    part = item.get(kind) if isinstance(item.get(kind), dict) else {}
    if kind == "text":
        return str(part.get("body", ""))
    if kind in WHATSAPP_MEDIA:
        return str(part.get("caption", ""))
    if kind == "location":
        place = ", ".join(str(part[k]) for k in ("name", "address") if part.get(k))
        where = f"({part.get('latitude')}, {part.get('longitude')})"
        return f"[location: {place} {where}]" if place else f"[location: {where}]"
    if kind == "interactive":
        choice = part.get(part.get("type", ""))
        choice = choice if isinstance(choice, dict) else {}
        return str(choice.get("title") or choice.get("body") or "")
    if kind == "button":
        return str(part.get("text", ""))
    if kind == "contacts":
        names = [str((c.get("name") or {}).get("formatted_name", "")) for c in item.get("contacts", [])]
        return f"[contact card: {', '.join(n for n in names if n)}]"
    if kind in ("reaction", "system"):
        return str(part.get("emoji") or part.get("body") or "")
    if kind == "edit":
        return whatsapp_text(part.get("message") or {})
    if kind == "unsupported":
        return "[a message WhatsApp could not show]"
    return f"[{kind or 'unknown'} message]"


def _phone(wa_id: str) -> str | None:
    # A wa_id is the number in international form without "+"; newer ids may be usernames.
    if not wa_id.isdigit():
        return None
    try:
        return normalise_phone("+" + wa_id)
    except ValueError:
        return None
