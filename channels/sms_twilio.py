"""SMS through Twilio: the inbound webhook, keywords, MMS media, and Twilio's delivery reports.

``POST /channels/twilio/sms`` is the number's "A message comes in" webhook. Its signature is
checked first (403 and a security event otherwise); then the form is kept byte for byte as a
``RawMessage`` whose ``external_id`` is the ``MessageSid``, so Twilio's retries find the first
message, and Twilio gets TwiML back at once: empty, or the answer to HELP or START.

STOP, START and HELP (with Twilio's synonyms) change the number's opt-out and are kept as
messages, but they are not contacts from a resident: ``parse`` marks them ``is_auto_reply``,
which the normalise stage records as ignored, neither triaged nor acknowledged.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from aiohttp import web
from sqlalchemy import select

from channels.base import InboundMessage, RawMessage, Sender, Submit
from channels.identity import normalise_phone
from channels.sms_keywords import HELP_WORDS, keyword_of, keyword_word, reply_text, twiml
from channels.sms_segments import fit
from channels.twilio_delivery import STATUS_PATH, basic_auth
from channels.twilio_media import MediaItem, fetch_all
from channels.twilio_signature import FORM, form_params, verify_request
from channels.twilio_status import record_status
from gateway import keys
from gateway.errors import ParseError, field_problem
from gateway.opt_outs import is_opted_out, record_opt_in, record_opt_out
from gateway.settings import Settings
from models import Attachment, Event, Message

log = logging.getLogger(__name__)

SMS_PATH = "/channels/twilio/sms"
REQUIRED = ("MessageSid", "From", "Body")
MAX_FORM_BYTES = 64 * 1024  # a Body is at most 1,600 characters; the rest is small


def sender_phone(text: str) -> str | None:
    """``From`` as E.164 (UK numbers as written locally too); None for a short code or name."""
    try:
        return normalise_phone(text, "GB")
    except ValueError:
        return None


class TwilioSmsChannel:
    """Receives SMS and MMS from Twilio and its delivery reports for the SMS Doorstep sends."""

    name: ClassVar[str] = "sms"

    def __init__(self, *, settings: Settings, submit: Submit, **_: Any) -> None:
        self.settings, self.submit = settings, submit

    @property
    def token(self) -> str | None:
        secret = self.settings.twilio.auth_token
        return secret.get_secret_value() if secret else None

    def routes(self) -> list[web.RouteDef]:
        return [web.post(SMS_PATH, self.receive_sms), web.post(STATUS_PATH, self.receive_status)]

    async def poll(self, submit: Submit) -> None:
        return None

    def parse(self, raw: RawMessage) -> InboundMessage:
        """The stored webhook form as a message; keywords are set aside as ``is_auto_reply``."""
        form = form_params(raw.payload)
        missing = [name for name in REQUIRED if name not in form]
        if missing:
            raise ParseError(f"Twilio payload has no {missing[0]!r}")
        keyword = raw.meta.get("sms_keyword")
        return InboundMessage(
            channel=raw.channel, external_id=raw.external_id,
            sender=Sender(phone=sender_phone(form["From"])), received_at=raw.received_at,
            subject=None, body=form["Body"], is_auto_reply=keyword is not None,
            meta={"sms_to": form.get("To", "")},
        )

    async def receive_sms(self, request: web.Request) -> web.Response:
        """Verify, keep, and answer with TwiML; a repeated delivery changes nothing."""
        body = await self.read_body(request)
        form = await verify_request(request, body, self.token, self.name)
        missing = next((name for name in REQUIRED if name not in form), None)
        if missing:  # a body that is not a form has no fields at all
            raise field_problem(missing, "is required", status=400)
        deps, sid, phone = request.app[keys.DEPS], form["MessageSid"], sender_phone(form["From"])
        if await self.is_known(deps, sid):
            log.info("twilio.sms.duplicate channel=sms external_id=%s", sid)
            return self.answer("help" if keyword_word(form["Body"]) in HELP_WORDS else None)
        keyword = await self.apply_keyword(deps, phone, form["Body"], sid)
        media = [] if keyword else await self.fetch_media(form)
        raw = RawMessage(
            source=self.name, channel=self.name, external_id=sid, payload=body,
            content_type=FORM, received_at=deps.clock(),
            attachments=tuple(item.blob for item in media if item.blob),
            meta={**({"sms_keyword": keyword} if keyword else {}),
                  **({"media": [item.note() for item in media]} if media else {})},
        )
        result = await self.submit(raw, wait=False)
        if result.created:
            await self.record_refused(deps, result.message_id, media)
        log.info("twilio.sms.received channel=sms external_id=%s raw_id=%s created=%s keyword=%s",
                 sid, result.message_id, result.created, keyword)
        return self.answer(keyword)

    async def receive_status(self, request: web.Request) -> web.Response:
        """A delivery report for an SMS Doorstep sent."""
        body = await self.read_body(request)
        form = await verify_request(request, body, self.token, self.name)
        if "MessageSid" not in form:
            raise field_problem("MessageSid", "is required", status=400)
        deps = request.app[keys.DEPS]
        async with deps.sessions() as session:
            if await record_status(session, form, deps.clock()):
                await session.commit()
        return web.Response(status=204)

    async def read_body(self, request: web.Request) -> bytes:
        if (request.content_length or 0) > MAX_FORM_BYTES:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_FORM_BYTES,
                                                actual_size=request.content_length)
        return await request.read()

    def answer(self, keyword: str | None) -> web.Response:
        """Empty TwiML, or the reply to HELP or START (within the segment budget)."""
        text = reply_text(keyword, self.settings.landlord)
        text = fit(text, self.settings.twilio.max_segments) if text else None
        return web.Response(text=twiml(text), content_type="text/xml", charset="utf-8")

    @staticmethod
    async def is_known(deps, sid: str) -> bool:
        async with deps.sessions() as session:
            return await session.scalar(select(Message.id).where(
                Message.channel == "sms", Message.external_id == sid)) is not None

    async def apply_keyword(self, deps, phone: str | None, text: str, sid: str) -> str | None:
        """Record STOP or START for ``phone`` before the message is kept (a retry redoes it)."""
        if phone is None or keyword_word(text) is None:
            return None
        async with deps.sessions() as session:
            keyword = keyword_of(text, opted_out=await is_opted_out(session, phone))
            if keyword == "stop":
                await record_opt_out(session, phone, deps.clock())
            elif keyword == "start":
                await record_opt_in(session, phone, deps.clock())
            if keyword:
                kind = {"stop": "sms.opted_out", "start": "sms.opted_in"}.get(keyword, "sms.help")
                session.add(Event(kind=kind, data={"channel": "sms", "external_id": sid,
                                                   "keyword": keyword_word(text)}))
            await session.commit()
        return keyword

    async def fetch_media(self, form) -> list[MediaItem]:
        twilio = self.settings.twilio
        if not form.get("NumMedia") or form.get("NumMedia") == "0":
            return []
        auth = basic_auth(twilio.account_sid or form.get("AccountSid", ""), self.token or "")
        return await fetch_all(form, auth, twilio.api_base_url, self.settings.uploads,
                               twilio.timeout_seconds)

    @staticmethod
    async def record_refused(deps, message_id: int, media: list[MediaItem]) -> None:
        """Refused items become attachments marked ``refused``, beside the ones stored."""
        refused = [item for item in media if item.refused]
        if not refused:
            return
        async with deps.sessions() as session:
            session.add_all(Attachment(message_id=message_id, filename=item.filename,
                                       content_type=item.content_type[:200] or "application/octet-stream",
                                       size=item.size or 0, sha256="", refused=item.refused[:200])
                            for item in refused)
            await session.commit()
