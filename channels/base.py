"""The contract every channel adapter keeps, and the typed objects that cross it.

An adapter receives a ``Submit`` callback; it never imports triage, cases or routing. Its
``parse`` is pure: a ``RawMessage`` goes in, a frozen ``InboundMessage`` comes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar, Protocol, runtime_checkable

from aiohttp import web

CHANNELS = (
    "api", "web_form", "phone", "letter", "in_person",
    "email", "sms", "facebook", "instagram", "whatsapp", "x",
)
STAFF_CHANNELS = ("phone", "letter", "in_person")


@dataclass(frozen=True)
class AttachmentBlob:
    """A file as received, before it is stored."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class RawMessage:
    """Exactly what a channel received: kept byte for byte before anything else happens."""

    source: str  # the adapter that received it, which also parses it
    channel: str  # the resident's channel (one of CHANNELS)
    external_id: str
    payload: bytes
    content_type: str
    received_at: datetime
    attachments: tuple[AttachmentBlob, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sender:
    name: str | None = None
    email: str | None = None
    phone: str | None = None  # E.164
    handle: str | None = None  # a social network's user id or @name


@dataclass(frozen=True)
class InboundMessage:
    """One message in the shape every later stage understands."""

    channel: str
    external_id: str
    sender: Sender
    received_at: datetime
    subject: str | None
    body: str  # the text as written
    new_text: str | None = None  # the resident's new words only; None means the whole body
    quoted_text: str | None = None
    signature: str | None = None
    is_auto_reply: bool = False  # recorded, but neither triaged nor acknowledged
    address: str | None = None
    preferred_contact: str | None = None  # email, phone (SMS) or post
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Outgoing:
    """An acknowledgement or notification ready to send."""

    outbound_id: int
    channel: str
    recipient: str | None
    subject: str | None
    body_text: str
    body_html: str | None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AckResult:
    """What a send did: ``ok``, or a reason and whether trying again could help."""

    ok: bool
    provider_id: str | None = None
    error: str | None = None
    retry: bool = True


@dataclass(frozen=True)
class SubmitResult:
    """What became of a submitted message, as far as the pipeline has taken it."""

    message_id: int
    created: bool  # False when (channel, external_id) was already known
    status: str
    case_reference: str | None = None
    category: str | None = None
    confidence: float | None = None
    flags: tuple[str, ...] = ()
    review: bool | None = None
    ack_due: date | None = None


class Submit(Protocol):
    """Persist a raw message (committed before returning), then optionally process it inline."""

    async def __call__(self, raw: RawMessage, *, wait: bool = True) -> SubmitResult: ...


@runtime_checkable
class Channel(Protocol):
    """A channel adapter. ``name`` is also its TOML table name."""

    name: ClassVar[str]

    def routes(self) -> list[web.RouteDef]:
        """The HTTP routes it answers ([] for pollers)."""
        ...

    async def poll(self, submit: Submit) -> None:
        """Fetch new messages and submit them until cancelled (return at once for webhooks).

        A poller may also offer ``async def health(self) -> dict`` (last poll, last error),
        which ``/healthz`` reports.
        """
        ...

    def parse(self, raw: RawMessage) -> InboundMessage:
        """Turn a raw message into the normalised shape; raises ParseError."""
        ...


@runtime_checkable
class Deliverer(Protocol):
    """Delivers acknowledgements and notifications on one channel."""

    channel: ClassVar[str]

    async def send(self, out: Outgoing) -> AckResult:
        ...
