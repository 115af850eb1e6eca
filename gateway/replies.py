"""Where an acknowledgement goes: back on the resident's own channel, or their preferred contact."""

from __future__ import annotations

from models import Message, Resident

DIRECT_CHANNELS = {
    "email": "sender_email", "sms": "sender_phone", "whatsapp": "sender_handle",
    "facebook": "sender_handle", "instagram": "sender_handle", "x": "sender_handle",
}
PREFERRED = {"email": "email", "phone": "sms", "sms": "sms", "text": "sms", "post": "letter",
             "letter": "letter"}


def reply_route(message: Message, resident: Resident | None) -> tuple[str, str | None]:
    """``(channel, recipient)`` for a reply to ``message``; recipient None means nowhere to send."""
    if message.channel in DIRECT_CHANNELS:
        return message.channel, getattr(message, DIRECT_CHANNELS[message.channel])
    options = _contact_options(message, resident)
    preferred = PREFERRED.get((resident.preferred_contact if resident else None) or "")
    if preferred and options.get(preferred):
        return preferred, options[preferred]
    for channel in ("email", "sms", "letter"):
        if options.get(channel):
            return channel, options[channel]
    return "email", None


def _contact_options(message: Message, resident: Resident | None) -> dict[str, str | None]:
    return {
        "email": message.sender_email or (resident.identity("email") if resident else None),
        "sms": message.sender_phone or (resident.identity("phone") if resident else None),
        "letter": resident.address if resident else None,
    }
