"""Domain exceptions, and the one middleware that turns them into RFC 9457 problem details."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from aiohttp import web

log = logging.getLogger(__name__)

PROBLEM_TYPE = "application/problem+json"


class DoorstepError(Exception):
    """Base of every error Doorstep raises on purpose."""


class ConfigError(DoorstepError):
    """The configuration is invalid; the message names the failing key."""


class ParseError(DoorstepError):
    """A channel payload could not be turned into a message."""


class SignatureInvalid(DoorstepError):
    """A webhook's signature is missing, forged or stale."""


class StageError(DoorstepError):
    """A pipeline stage failed; the message is kept and retried."""


@dataclass
class Problem(DoorstepError):
    """A client error, answered as ``application/problem+json``."""

    status: int
    title: str
    detail: str = ""
    errors: list[dict[str, str]] = field(default_factory=list)
    slug: str = "about:blank"

    def __str__(self) -> str:
        return f"{self.status} {self.title}: {self.detail}"

    def body(self, instance: str) -> dict:
        """The RFC 9457 JSON object."""
        doc = {"type": self.slug, "title": self.title, "status": self.status, "instance": instance}
        if self.detail:
            doc["detail"] = self.detail
        if self.errors:
            doc["errors"] = self.errors
        return doc


def field_problem(field_name: str, message: str, status: int = 422) -> Problem:
    """A problem about one named field."""
    return Problem(
        status,
        "Invalid request",
        f"{field_name}: {message}",
        errors=[{"field": field_name, "message": message}],
    )


def problem_response(problem: Problem, instance: str) -> web.Response:
    """Render ``problem`` as an HTTP response."""
    return web.json_response(
        problem.body(instance), status=problem.status, content_type=PROBLEM_TYPE
    )


_HTTP_TITLES = {
    400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
    405: "Method not allowed", 413: "Payload too large", 415: "Unsupported media type",
}


@web.middleware
async def problem_middleware(request: web.Request, handler) -> web.StreamResponse:
    """Map domain errors and aiohttp's HTTP errors on JSON routes to problem details."""
    try:
        return await handler(request)
    except Problem as p:
        return problem_response(p, request.path)
    except web.HTTPException as e:
        if e.status < 400 or not _wants_json(request):
            raise
        title = _HTTP_TITLES.get(e.status, e.reason)
        detail = e.text if e.text and not e.text.startswith(f"{e.status}:") else e.reason
        return problem_response(Problem(e.status, title, detail), request.path)


def _wants_json(request: web.Request) -> bool:
    return request.path.startswith(("/api/", "/channels/"))
