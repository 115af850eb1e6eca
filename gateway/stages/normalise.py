"""Normalise: the adapter parses the raw bytes; the result fills the message and finds the resident."""

from __future__ import annotations

from channels.base import InboundMessage, RawMessage
from gateway.errors import ParseError
from gateway.residents import resolve_resident
from models import Event, Message, MessageStatus
from triage.language import detect_language


def raw_of(message: Message) -> RawMessage:
    """The stored raw message, as the adapter first saw it."""
    return RawMessage(
        source=message.source, channel=message.channel, external_id=message.external_id,
        payload=message.raw, content_type=message.raw_content_type,
        received_at=message.received_at, meta=dict(message.meta or {}),
    )


def apply(message: Message, inbound: InboundMessage) -> None:
    """Copy the normalised fields onto the message row."""
    message.sender_name = inbound.sender.name
    message.sender_email = inbound.sender.email
    message.sender_phone = inbound.sender.phone
    message.sender_handle = inbound.sender.handle
    message.subject = inbound.subject
    message.text = inbound.body
    message.new_text = inbound.new_text if inbound.new_text is not None else inbound.body
    message.quoted_text = inbound.quoted_text
    message.signature = inbound.signature
    message.meta = {**(message.meta or {}), **inbound.meta}


async def normalise(ctx) -> MessageStatus:
    """Parse, record the sender as a resident, and set aside auto-replies."""
    message = ctx.message
    adapter = ctx.deps.adapters.get(message.source)
    if adapter is None:
        raise ParseError(f"no adapter named {message.source!r} is configured")
    inbound = adapter.parse(raw_of(message))
    apply(message, inbound)
    message.language = detect_language(message.new_text or "")
    resident = await resolve_resident(ctx.session, inbound)
    message.resident_id = resident.id if resident else None
    if resident and message.language and not resident.language:
        resident.language = message.language
    kind = "message.ignored_auto_reply" if inbound.is_auto_reply else "message.normalised"
    ctx.session.add(Event(kind=kind, message_id=message.id,
                          data={"language": message.language, "resident_id": message.resident_id}))
    return MessageStatus.IGNORED if inbound.is_auto_reply else MessageStatus.NORMALISED
