"""The JSON API: forwarders post messages; anyone with the key reads messages and cases."""

from __future__ import annotations

import hmac
import json

from aiohttp import web
from pydantic import ValidationError
from sqlalchemy import select

from channels.api import ApiMessage, received_time, validation_errors
from channels.base import RawMessage, SubmitResult
from gateway import keys
from gateway.errors import Problem
from models import Case, Message

MAX_API_BODY = 1024 * 1024

routes = web.RouteTableDef()


def require_key(request: web.Request) -> None:
    """Check ``Authorization: Bearer <DOORSTEP_API_KEY>`` in constant time."""
    configured = request.app[keys.SETTINGS].api.key
    if configured is None:
        raise Problem(401, "Unauthorized", "the API is not enabled: set DOORSTEP_API_KEY")
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), configured.get_secret_value().encode()
    ):
        raise Problem(401, "Unauthorized", "a valid 'Authorization: Bearer <key>' header is required")


async def read_json(request: web.Request) -> dict:
    """The request's JSON object, or a problem naming what is wrong with it."""
    if request.content_type != "application/json":
        raise Problem(415, "Unsupported media type", "send the message as application/json")
    if request.content_length and request.content_length > MAX_API_BODY:
        raise Problem(413, "Payload too large", f"the body must be at most {MAX_API_BODY} bytes")
    raw = await request.read()
    if len(raw) > MAX_API_BODY:
        raise Problem(413, "Payload too large", f"the body must be at most {MAX_API_BODY} bytes")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Problem(400, "Malformed JSON", str(e)) from e
    if not isinstance(data, dict):
        raise Problem(400, "Malformed JSON", "the body must be a JSON object")
    return data


def submit_answer(result: SubmitResult) -> dict:
    return {
        "message_id": result.message_id, "case_reference": result.case_reference,
        "category": result.category, "confidence": result.confidence,
        "flags": list(result.flags), "review": result.review, "status": result.status,
    }


@routes.post("/api/v1/messages")
async def post_message(request: web.Request) -> web.Response:
    """Accept a forwarded message: 201 when new, 200 with the same answer when repeated."""
    require_key(request)
    data = await read_json(request)
    try:
        body = ApiMessage.model_validate(data)
    except ValidationError as e:
        errors = validation_errors(e)
        raise Problem(422, "Invalid message", "; ".join(f"{x['field']}: {x['message']}" for x in errors),
                      errors=errors) from e
    deps = request.app[keys.DEPS]
    raw = RawMessage(
        source="api", channel=body.channel, external_id=body.external_id,
        payload=json.dumps(data, ensure_ascii=False).encode(), content_type="application/json",
        received_at=received_time(body, deps.clock()),
    )
    result = await request.app[keys.PIPELINE].submit(raw)
    status = 201 if result.created else 200
    if result.created and result.case_reference is None:
        status = 202  # kept and queued; the pipeline will finish it
    return web.json_response(submit_answer(result), status=status)


@routes.get("/api/v1/messages/{channel}/{external_id:.+}")
async def get_message(request: web.Request) -> web.Response:
    require_key(request)
    async with request.app[keys.DEPS].sessions() as session:
        message = await session.scalar(select(Message).where(
            Message.channel == request.match_info["channel"],
            Message.external_id == request.match_info["external_id"]))
        if message is None:
            raise Problem(404, "Not found", "no message with that channel and external_id")
        case = await session.get(Case, message.case_id) if message.case_id else None
    return web.json_response(message_json(message, case))


@routes.get("/api/v1/cases/{reference}")
async def get_case(request: web.Request) -> web.Response:
    require_key(request)
    async with request.app[keys.DEPS].sessions() as session:
        case = await session.scalar(select(Case).where(Case.reference == request.match_info["reference"]))
        if case is None:
            raise Problem(404, "Not found", "no case with that reference")
    return web.json_response(case_json(case))


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def message_json(message: Message, case: Case | None) -> dict:
    """A message as normalised, for the API."""
    return {
        "message_id": message.id, "channel": message.channel, "external_id": message.external_id,
        "received_at": _iso(message.received_at), "status": message.status,
        "sender": {"name": message.sender_name, "email": message.sender_email,
                   "phone": message.sender_phone, "handle": message.sender_handle},
        "subject": message.subject, "text": message.text, "new_text": message.new_text,
        "language": message.language,
        "attachments": [{"filename": a.filename, "content_type": a.content_type, "size": a.size,
                         "sha256": a.sha256 or None, "refused": a.refused} for a in message.attachments],
        "case_reference": case.reference if case else None,
        "category": case.category if case else None,
    }


def case_json(case: Case) -> dict:
    """A case with its deadlines (ISO dates) and messages, for the API."""
    return {
        "reference": case.reference, "category": case.category, "stage": case.stage,
        "status": case.status, "flags": list(case.flags), "channel": case.channel,
        "queue": case.queue, "review": case.needs_review,
        "received_at": _iso(case.received_at), "ack_due": _iso(case.ack_due),
        "acknowledged_at": _iso(case.acknowledged_at), "response_due": _iso(case.response_due),
        "messages": [message_json(m, case) for m in case.messages],
    }
