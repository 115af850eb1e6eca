"""The JSON API channel: systems that forward messages post them to ``/api/v1/messages``."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, ClassVar, Literal

from aiohttp import web
from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator

from channels.base import CHANNELS, InboundMessage, RawMessage, Sender
from channels.identity import normalise_email, normalise_phone
from gateway.errors import ParseError

Phone = Annotated[str, AfterValidator(normalise_phone)]
Email = Annotated[str, AfterValidator(normalise_email)]


class ApiSender(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(default=None, max_length=200)
    email: Email | None = Field(default=None, max_length=320)
    phone: Phone | None = Field(default=None, max_length=40)

    @model_validator(mode="after")
    def _someone(self) -> "ApiSender":
        if not (self.name or self.email or self.phone):
            raise ValueError("give at least one of name, email or phone")
        return self


class ApiMessage(BaseModel):
    """The body of ``POST /api/v1/messages``; unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    channel: Literal[CHANNELS]  # type: ignore[valid-type]
    external_id: str = Field(min_length=1, max_length=500)
    sender: ApiSender
    subject: str | None = Field(default=None, max_length=998)
    text: str = Field(min_length=1, max_length=50_000)
    received_at: AwareDatetime | None = None


def validation_errors(error: ValidationError) -> list[dict[str, str]]:
    """pydantic's errors as ``{"field", "message"}`` pairs, fields dotted (``sender.email``)."""
    found = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "body"
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown field"
        found.append({"field": where, "message": message})
    return found


class ApiChannel:
    """Parses what the API accepted; the HTTP view lives with the gateway's other API routes."""

    name: ClassVar[str] = "api"

    def __init__(self, **_: object) -> None:
        pass

    def routes(self) -> list[web.RouteDef]:
        return []

    async def poll(self, submit) -> None:
        return None

    def parse(self, raw: RawMessage) -> InboundMessage:
        try:
            body = ApiMessage.model_validate(json.loads(raw.payload))
        except (ValueError, ValidationError) as e:
            raise ParseError(f"stored API payload no longer parses: {e}") from e
        return InboundMessage(
            channel=body.channel, external_id=body.external_id,
            sender=Sender(name=body.sender.name, email=body.sender.email, phone=body.sender.phone),
            received_at=raw.received_at, subject=body.subject, body=body.text,
        )


def received_time(body: ApiMessage, now: datetime) -> datetime:
    return body.received_at.astimezone(now.tzinfo) if body.received_at else now
