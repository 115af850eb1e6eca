"""Checking ``X-Twilio-Signature`` on Twilio's webhooks, against the public address Twilio used.

The signature is computed by twilio's own ``RequestValidator``; only the comparison is ours, done
with ``hmac.compare_digest`` (the library's loop is not constant-time). Behind a proxy the
server sees another address than Twilio signed, so the URL is rebuilt from
``[server] public_url`` plus the path and query as received.
"""

from __future__ import annotations

import hmac
import logging
from urllib.parse import parse_qs, parse_qsl, urlparse

from aiohttp import web
from multidict import MultiDict
from twilio.request_validator import RequestValidator, add_port, remove_port

from gateway import keys
from gateway.errors import Problem
from models import Event

SIGNATURE_HEADER = "X-Twilio-Signature"
FORM = "application/x-www-form-urlencoded"

log = logging.getLogger(__name__)


def signed_url(public_url: str, path_qs: str) -> str:
    """The URL Twilio requested: the public address with the path and query as received."""
    return public_url.rstrip("/") + path_qs


def form_params(body: bytes) -> MultiDict[str]:
    """A form body's fields, repeats kept (the signature covers every value)."""
    return MultiDict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))


def is_valid_signature(token: str, url: str, params, signature: str, body: str | None = None) -> bool:
    """True when ``signature`` is Twilio's for ``url`` and ``params`` (or a JSON ``body``).

    Twilio signs the URL sometimes with and sometimes without the default port, so both are
    tried. A JSON body is covered by the ``bodySHA256`` query parameter instead of the params.
    """
    validator = RequestValidator(token)
    parsed = urlparse(url)
    body_hash = parse_qs(parsed.query).get("bodySHA256")
    if body_hash:
        if body is None or not hmac.compare_digest(validator.compute_hash(body).encode(),
                                                   body_hash[0].encode()):
            return False
        params = {}
    given = signature.encode()
    return any(
        hmac.compare_digest(validator.compute_signature(candidate, params).encode(), given)
        for candidate in (remove_port(parsed), add_port(parsed))
    )


async def verify_request(request: web.Request, body: bytes, token: str | None,
                         channel: str) -> MultiDict[str]:
    """The request's form fields once its signature checks out; a 403 problem otherwise.

    A refused request leaves nothing behind but a ``security.signature_invalid`` event (who
    sent it and why it failed, never the payload).
    """
    signature = request.headers.get(SIGNATURE_HEADER, "")
    is_form = request.content_type == FORM
    params = form_params(body) if is_form else MultiDict()
    url = signed_url(request.app[keys.SETTINGS].server.public_url, request.raw_path)
    if not token:
        reason = "no auth token configured"
    elif not signature:
        reason = "missing signature"
    elif not is_valid_signature(token, url, params, signature,
                                None if is_form else body.decode("utf-8", errors="replace")):
        reason = "signature does not match"
    else:
        return params
    await record_refusal(request, channel, reason)
    raise Problem(403, "Forbidden", f"{SIGNATURE_HEADER} is missing or does not match this request")


async def record_refusal(request: web.Request, channel: str, reason: str) -> None:
    log.warning("security.signature_invalid channel=%s remote=%s reason=%s",
                channel, request.remote, reason)
    async with request.app[keys.DEPS].sessions() as session:
        session.add(Event(kind="security.signature_invalid", actor="anonymous",
                          data={"channel": channel, "remote": request.remote,
                                "path": request.path, "reason": reason}))
        await session.commit()
