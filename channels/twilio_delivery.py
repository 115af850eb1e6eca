"""Sending SMS through Twilio's REST API with the twilio library, and what its answers mean.

Each text is fitted to ``[twilio] max_segments`` first, keeping the case reference whole. Twilio
answers 429 when sending too fast and 5xx when it is having trouble: both are tried again later.
Any other 4xx (an invalid number, an opted-out recipient, a bad sender) will not change on a
retry, so the send fails for good with Twilio's error code and message kept.
"""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import Callable
from typing import ClassVar

import aiohttp
from twilio.base.exceptions import TwilioException
from twilio.http import AsyncHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from channels.base import AckResult, Outgoing
from channels.sms_segments import fit, segments
from gateway.opt_outs import OPTED_OUT, is_opted_out
from gateway.references import reference_pattern
from gateway.settings import Settings

log = logging.getLogger(__name__)

STATUS_PATH = "/channels/twilio/status"
UNSUBSCRIBED = 21610  # Twilio: "Attempt to send to unsubscribed recipient"


def basic_auth(login: str, password: str) -> str:
    """An ``Authorization`` header value for HTTP basic auth (aiohttp's BasicAuth is deprecated)."""
    return "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode("ascii")


class OneShotHttpClient(AsyncHttpClient):
    """The twilio library's async transport over aiohttp, one session per request.

    Nothing is left open between sends, so the deliverer needs no shutdown hook.
    """

    def __init__(self, timeout: float) -> None:
        super().__init__(logger=log, is_async=True, timeout=timeout)

    async def request(self, method, url, params=None, data=None, headers=None, auth=None,
                      timeout=None, allow_redirects=False) -> Response:
        headers = {**(headers or {}), **({"Authorization": basic_auth(*auth)} if auth else {})}
        limit = aiohttp.ClientTimeout(total=timeout or self.timeout)
        async with aiohttp.ClientSession(timeout=limit) as session:
            async with session.request(method.upper(), url, params=params, data=data,
                                       headers=headers, allow_redirects=allow_redirects) as resp:
                return Response(resp.status, await resp.text(), resp.headers)


class TwilioSmsDeliverer:
    """Delivers SMS with Twilio; opted-out numbers are never sent to."""

    channel: ClassVar[str] = "sms"

    def __init__(self, settings: Settings, sessions: Callable | None = None) -> None:
        self.settings, self.twilio, self.sessions = settings, settings.twilio, sessions
        # A non-empty environment of its own, so TWILIO_EDGE or TWILIO_REGION in the process
        # environment cannot send the call elsewhere than api_base_url.
        self.client = Client(self.twilio.account_sid, self.twilio.auth_token.get_secret_value(),
                             http_client=OneShotHttpClient(self.twilio.timeout_seconds),
                             environment={"DOORSTEP": "1"})
        self.client.api.base_url = self.twilio.api_base_url.rstrip("/")
        self.reference = reference_pattern(settings.landlord.reference_prefix)

    async def send(self, out: Outgoing) -> AckResult:
        """Send ``out`` once; the result says whether another attempt could succeed."""
        if not out.recipient:
            return AckResult(ok=False, error="no phone number to send to", retry=False)
        if await self._is_opted_out(out.recipient):
            return AckResult(ok=False, error=OPTED_OUT, retry=False)
        body = self.fitted(out.body_text)
        try:
            message = await self.client.api.v2010.account.messages.create_async(
                to=out.recipient, body=body, status_callback=self.status_callback(),
                **self.sender())
        except TwilioException as e:
            return failure(e)
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as e:
            return AckResult(ok=False, error=f"{type(e).__name__}: {e}", retry=True)
        encoding, count = segments(body)
        log.info("twilio.sms.sent outbound_id=%s sid=%s encoding=%s segments=%s",
                 out.outbound_id, message.sid, encoding, count)
        return AckResult(ok=True, provider_id=message.sid)

    def fitted(self, text: str) -> str:
        """``text`` within the segment budget, the case reference kept whole."""
        found = self.reference.search(text)
        return fit(text, self.twilio.max_segments, found.group(0) if found else None)

    def sender(self) -> dict[str, str]:
        found = {}
        if self.twilio.messaging_service_sid:
            found["messaging_service_sid"] = self.twilio.messaging_service_sid
        if self.twilio.from_number:
            found["from_"] = self.twilio.from_number
        return found

    def status_callback(self) -> str:
        return self.settings.server.public_url.rstrip("/") + STATUS_PATH

    async def _is_opted_out(self, phone: str) -> bool:
        if self.sessions is None:
            return False
        async with self.sessions() as session:
            return await is_opted_out(session, phone)


def failure(error: TwilioException) -> AckResult:
    """The AckResult for an error answer: 429 and 5xx are retried, other 4xx are not."""
    status = getattr(error, "status", None)
    code = getattr(error, "code", None)
    text = getattr(error, "msg", None) or getattr(error, "detail", None) or str(error)
    if not isinstance(status, int):
        return AckResult(ok=False, error=f"Twilio: {text}", retry=True)
    described = f"Twilio {status} error {code}: {text}"
    if code == UNSUBSCRIBED:
        return AckResult(ok=False, error=f"{OPTED_OUT} ({described})", retry=False)
    return AckResult(ok=False, error=described, retry=status == 429 or status >= 500)

