"""A local Twilio for the tests: the Messages REST endpoint and MMS media, on loopback.

It speaks Twilio's documented wire format: ``POST /2010-04-01/Accounts/{AccountSid}/Messages.json``
takes a form (To, From or MessagingServiceSid, Body, StatusCallback) with HTTP basic auth
(account SID and auth token) and answers 201 with the Message resource as JSON, or an error
as ``{"code", "message", "more_info", "status"}``. It can be told to answer the next requests
with an error (429, 500, 400 …). Media are served at Twilio-style URLs, with basic auth too.
"""

from __future__ import annotations

import asyncio

import base64
import secrets
from dataclasses import dataclass, field
from email.utils import formatdate

from aiohttp import hdrs, web

ACCOUNT_SID = "AC" + "0" * 31 + "1"
AUTH_TOKEN = "fake-twilio-auth-token-0123456789"
FROM_NUMBER = "+447700900000"

ERRORS = {
    400: (21211, "The 'To' number is not a valid phone number."),
    401: (20003, "Authenticate"),
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}


def error_body(status: int, code: int | None = None, message: str | None = None) -> dict:
    default_code, default_message = ERRORS.get(status, (status, "Error"))
    code = code or default_code
    return {"code": code, "message": message or default_message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": status}


@dataclass
class Media:
    content_type: str
    data: bytes
    chunked: bool = False  # send without a Content-Length, as a stream
    redirect: bool = False  # answer 307 to a "CDN" on another origin, as Twilio does


@dataclass
class FakeTwilio:
    """The server's state: what it received and what it has been told to answer."""

    account_sid: str = ACCOUNT_SID
    auth_token: str = AUTH_TOKEN
    sent: list[dict[str, str]] = field(default_factory=list)
    answers: list[tuple[int, int | None, str | None]] = field(default_factory=list)
    media: dict[str, Media] = field(default_factory=dict)
    media_requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    def fail_next(self, status: int, code: int | None = None, message: str | None = None) -> None:
        """Answer the next Messages request with this error."""
        self.answers.append((status, code, message))

    def add_media(self, message_sid: str, data: bytes, content_type: str = "image/jpeg",
                  chunked: bool = False, redirect: bool = False) -> str:
        """Serve ``data`` at a Twilio-style media URL and return the URL."""
        media_sid = "ME" + secrets.token_hex(16)
        path = f"/2010-04-01/Accounts/{self.account_sid}/Messages/{message_sid}/Media/{media_sid}"
        self.media[path] = Media(content_type, data, chunked, redirect)
        return self.url + path

    def is_authorised(self, request: web.Request) -> bool:
        scheme, _, encoded = request.headers.get(hdrs.AUTHORIZATION, "").partition(" ")
        try:
            login, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        return scheme.lower() == "basic" and (login, password) == (self.account_sid, self.auth_token)

    async def create_message(self, request: web.Request) -> web.Response:
        if not self.is_authorised(request):
            return web.json_response(error_body(401), status=401)
        if request.match_info["account"] != self.account_sid:
            return web.json_response(error_body(404, 20404, "The requested resource was not found"),
                                     status=404)
        form = {k: v for k, v in (await request.post()).items()}
        self.sent.append(form)
        if self.answers:
            status, code, message = self.answers.pop(0)
            return web.json_response(error_body(status, code, message), status=status)
        if "To" not in form or not ("From" in form or "MessagingServiceSid" in form):
            return web.json_response(error_body(400, 21604, "A 'To' and a 'From' are required"),
                                     status=400)
        return web.json_response(self.message_resource(form), status=201)

    def message_resource(self, form: dict[str, str]) -> dict:
        sid, now = "SM" + secrets.token_hex(16), formatdate(usegmt=True).replace("GMT", "+0000")
        base = f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}"
        return {
            "account_sid": self.account_sid, "api_version": "2010-04-01", "body": form.get("Body"),
            "date_created": now, "date_sent": None, "date_updated": now,
            "direction": "outbound-api", "error_code": None, "error_message": None,
            "from": form.get("From"), "messaging_service_sid": form.get("MessagingServiceSid"),
            "num_media": "0", "num_segments": "1", "price": None, "price_unit": "GBP",
            "sid": sid, "status": "queued", "to": form["To"], "uri": f"{base}.json",
            "subresource_uris": {"media": f"{base}/Media.json"},
        }

    async def serve_media(self, request: web.Request) -> web.StreamResponse:
        self.media_requests.append(dict(request.headers))
        if not self.is_authorised(request):
            return web.json_response(error_body(401), status=401)
        item = self.media.get(request.path)
        if item is None:
            return web.json_response(error_body(404, 20404, "Not found"), status=404)
        if item.redirect:  # localhost is another origin than 127.0.0.1: the "CDN"
            cdn = self.url.replace("127.0.0.1", "localhost") + "/cdn" + request.path
            raise web.HTTPTemporaryRedirect(cdn)
        return await self.send_media(request, item)

    async def serve_cdn(self, request: web.Request) -> web.StreamResponse:
        """The CDN a media URL redirects to: a signed URL in real life, no auth asked."""
        self.media_requests.append(dict(request.headers))
        item = self.media.get(request.path.removeprefix("/cdn"))
        if item is None:
            return web.json_response(error_body(404, 20404, "Not found"), status=404)
        return await self.send_media(request, item)

    async def send_media(self, request: web.Request, item: Media) -> web.StreamResponse:
        if not item.chunked:
            return web.Response(body=item.data, content_type=item.content_type)
        resp = web.StreamResponse(headers={hdrs.CONTENT_TYPE: item.content_type})
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        for start in range(0, len(item.data), 64 * 1024):
            try:  # a client that stops reading without closing must not hold the server up
                await asyncio.wait_for(resp.write(item.data[start:start + 64 * 1024]), 5)
            except (ConnectionResetError, TimeoutError):  # the client stopped reading, as it should
                break
        return resp

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/2010-04-01/Accounts/{account}/Messages.json", self.create_message)
        app.router.add_get("/2010-04-01/Accounts/{account}/Messages/{message}/Media/{media}",
                           self.serve_media)
        app.router.add_get("/cdn/{tail:.*}", self.serve_cdn)
        return app


class FakeTwilioServer:
    """Runs a ``FakeTwilio`` on a free loopback port: ``async with FakeTwilioServer() as fake``."""

    def __init__(self) -> None:
        self.fake = FakeTwilio()
        self.runner: web.AppRunner | None = None

    async def __aenter__(self) -> FakeTwilio:
        self.runner = web.AppRunner(self.fake.app(), shutdown_timeout=1.0)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", 0).start()
        self.fake.url = f"http://127.0.0.1:{self.runner.addresses[0][1]}"
        return self.fake

    async def __aexit__(self, *exc) -> None:
        await self.runner.cleanup()
