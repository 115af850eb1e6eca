"""The explicit list of channel adapters, checked for duplicate names at start-up."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from channels.api import ApiChannel
from channels.base import Channel
from channels.email_imap import EmailChannel
from channels.sms_twilio import TwilioSmsChannel
from channels.social_meta import MetaChannel
from channels.social_x import XChannel
from channels.staff_entry import StaffEntryChannel
from channels.web_form import WebFormChannel
from gateway.errors import ConfigError

AdapterFactory = Callable[..., Channel]

ADAPTERS: dict[str, AdapterFactory] = {
    "api": ApiChannel,
    "web_form": WebFormChannel,
    "staff_entry": StaffEntryChannel,
    "email": EmailChannel,
    "sms": TwilioSmsChannel,
    "meta": MetaChannel,
    "x": XChannel,
}


def register(adapters: Iterable[Channel]) -> dict[str, Channel]:
    """Index adapters by name, refusing two with the same name."""
    found: dict[str, Channel] = {}
    for adapter in adapters:
        if adapter.name in found:
            raise ConfigError(f"two channel adapters are named {adapter.name!r}")
        found[adapter.name] = adapter
    return found


def build_adapters(settings: Any, submit: Any, **deps: Any) -> dict[str, Channel]:
    """Instantiate every adapter with the settings, the submit callback and shared services."""
    return register(
        factory(settings=settings, submit=submit, **deps)
        for factory in ADAPTERS.values()
    )
