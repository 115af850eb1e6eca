"""Sending acknowledgements through Meta's Graph API: Messenger, Instagram and WhatsApp.

- Messenger and Instagram: ``POST /{version}/{page-id}/messages`` with ``messaging_type``
  ``RESPONSE`` inside the 24-hour customer-service window; after it only with a configured
  message tag (``[meta] messenger_tag``), otherwise the send fails permanently and says why.
- WhatsApp: ``POST /{version}/{phone-number-id}/messages``, text inside the window and the
  configured template outside it (also when WhatsApp answers 131047, "more than 24 hours").
- A public comment gets the fixed ``[meta] public_reply`` under it
  (``POST /{comment-id}/comments`` on Facebook, ``/{comment-id}/replies`` on Instagram):
  never the case reference or anything personal.

The window is measured from ``inbound_at``, which the acknowledge stage copies from the message
being answered. 429, 5xx and the Graph error codes Meta documents as throttling or temporary
are retried; any other error is permanent and recorded as Meta worded it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from channels.base import AckResult, Deliverer, Outgoing
from channels.social_send import Answer, attempt, is_window_open, post_json
from channels.social_webhooks import secret_text
from gateway.settings import MetaSettings, Settings
from models import utcnow

# Graph error codes that mean "later": unknown/temporary, rate limits, WhatsApp throughput.
TRANSIENT_CODES = {1, 2, 4, 17, 32, 341, 613, 80007, 130429, 131000, 131016, 131056, 133004}
REENGAGEMENT = 131047  # WhatsApp: more than 24 hours since the customer last wrote
TEXT_LIMITS = {"facebook": 2000, "instagram": 1000, "whatsapp": 4096}


def meta_deliverers(settings: Settings) -> dict[str, Deliverer]:
    """A deliverer for each Meta channel whose token (and WhatsApp number) is configured."""
    meta, found = settings.meta, {}
    if secret_text(meta.page_access_token):
        found.update(facebook=MetaDeliverer(meta, "facebook"),
                     instagram=MetaDeliverer(meta, "instagram"))
    if secret_text(meta.whatsapp_token) and meta.whatsapp_phone_number_id:
        found["whatsapp"] = MetaDeliverer(meta, "whatsapp")
    return found


class MetaDeliverer:
    """Delivers on one of ``facebook``, ``instagram`` or ``whatsapp``."""

    def __init__(self, settings: MetaSettings, channel: str,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.settings, self.channel, self.clock = settings, channel, clock

    async def send(self, out: Outgoing) -> AckResult:
        if not out.recipient and not out.meta.get("public"):
            return AckResult(ok=False, error="no recipient", retry=False)
        if out.meta.get("public") and out.meta.get("comment_id"):
            return await attempt(lambda: self.public_reply(out))
        if self.channel == "whatsapp":
            return await attempt(lambda: self.whatsapp(out))
        return await attempt(lambda: self.messenger(out))

    async def messenger(self, out: Outgoing) -> AckResult:
        body: dict[str, Any] = {"recipient": {"id": out.recipient},
                                "message": {"text": _clip(out.body_text, TEXT_LIMITS[self.channel])}}
        if is_window_open(out, self.clock()) is not False:
            body["messaging_type"] = "RESPONSE"
        elif self.settings.messenger_tag:
            body.update(messaging_type="MESSAGE_TAG", tag=self.settings.messenger_tag)
        else:
            return AckResult(ok=False, retry=False, error=(
                "outside the 24-hour messaging window and no [meta] messenger_tag is set"))
        answer = await self._post(f"{self.settings.page_id}/messages", body,
                                  self.settings.page_access_token)
        return result_of(answer, "message_id")

    async def whatsapp(self, out: Outgoing) -> AckResult:
        if is_window_open(out, self.clock()) is False:
            return await self._whatsapp_template(out)
        answer = await self._whatsapp_post(out, {
            "type": "text", "text": {"preview_url": False,
                                     "body": _clip(out.body_text, TEXT_LIMITS["whatsapp"])}})
        if _error(answer).get("code") == REENGAGEMENT and self.settings.whatsapp_template_name:
            return await self._whatsapp_template(out)
        return result_of(answer, "wamid")

    async def _whatsapp_template(self, out: Outgoing) -> AckResult:
        name = self.settings.whatsapp_template_name
        if not name:
            return AckResult(ok=False, retry=False, error=(
                "outside WhatsApp's 24-hour window and no [meta] whatsapp_template_name is set"))
        template: dict[str, Any] = {"name": name,
                                    "language": {"code": self.settings.whatsapp_template_language}}
        if self.settings.whatsapp_template_body_text:
            # Template parameters may not hold new lines, tabs or more than four spaces in a row.
            text = re.sub(r"\s+", " ", out.body_text).strip()
            template["components"] = [{"type": "body", "parameters": [{"type": "text", "text": text}]}]
        return result_of(await self._whatsapp_post(out, {"type": "template", "template": template}),
                         "wamid")

    async def _whatsapp_post(self, out: Outgoing, content: dict[str, Any]) -> Answer:
        body = {"messaging_product": "whatsapp", "recipient_type": "individual",
                "to": out.recipient, **content}
        return await self._post(f"{self.settings.whatsapp_phone_number_id}/messages", body,
                                self.settings.whatsapp_token)

    async def public_reply(self, out: Outgoing) -> AckResult:
        """The fixed public reply under the resident's comment."""
        edge = "replies" if self.channel == "instagram" else "comments"
        answer = await self._post(f"{out.meta['comment_id']}/{edge}",
                                  {"message": self.settings.public_reply},
                                  self.settings.page_access_token)
        return result_of(answer, "id")

    async def _post(self, path: str, body: dict[str, Any], token) -> Answer:
        url = f"{self.settings.graph_base_url.rstrip('/')}/{self.settings.graph_version}/{path}"
        return await post_json(url, body, secret_text(token) or "", self.settings.timeout_seconds)


def result_of(answer: Answer, id_field: str) -> AckResult:
    """An AckResult from a Graph answer; ``wamid`` means WhatsApp's ``messages[0].id``."""
    if answer.ok:
        doc = answer.doc
        provider_id = ((doc.get("messages") or [{}])[0].get("id") if id_field == "wamid"
                       else doc.get(id_field))
        return AckResult(ok=True, provider_id=str(provider_id) if provider_id else None)
    error = _error(answer)
    transient = answer.is_transient or error.get("code") in TRANSIENT_CODES or bool(
        error.get("is_transient"))
    text = (f"Graph API {answer.status}: {error.get('message') or answer.doc or 'no detail'}"
            f" (type {error.get('type')}, code {error.get('code')},"
            f" subcode {error.get('error_subcode')}, fbtrace_id {error.get('fbtrace_id')})")
    return AckResult(ok=False, error=text, retry=transient)


def _error(answer: Answer) -> dict[str, Any]:
    error = answer.doc.get("error") if not answer.ok else None
    return error if isinstance(error, dict) else {}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
