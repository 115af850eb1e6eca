"""Sending acknowledgements on X: a direct message, or a public reply to a mention.

- Direct message: ``POST /2/dm_conversations/with/{participant_id}/messages`` with
  ``{"text"}``; X answers ``{"data": {"dm_conversation_id", "dm_event_id"}}``.
- Mention: ``POST /2/tweets`` with the fixed ``[x] public_reply`` as a reply
  (``{"text", "reply": {"in_reply_to_tweet_id"}}``), never the case reference.

The user access token (``DOORSTEP_X_ACCESS_TOKEN``) goes as ``Authorization: Bearer``. 429 and
5xx are retried; other errors are permanent, recorded as X worded them.
"""

from __future__ import annotations

from typing import Any

from channels.base import AckResult, Deliverer, Outgoing
from channels.social_send import Answer, attempt, post_json
from channels.social_webhooks import secret_text
from gateway.settings import Settings, XSettings

DM_LIMIT = 10_000


def x_deliverers(settings: Settings) -> dict[str, Deliverer]:
    """The X deliverer when an access token is configured."""
    return {"x": XDeliverer(settings.x)} if secret_text(settings.x.access_token) else {}


class XDeliverer:
    """Delivers on ``x``."""

    channel = "x"

    def __init__(self, settings: XSettings) -> None:
        self.settings = settings

    async def send(self, out: Outgoing) -> AckResult:
        if out.meta.get("public") and out.meta.get("comment_id"):
            body: dict[str, Any] = {"text": self.settings.public_reply,
                                    "reply": {"in_reply_to_tweet_id": str(out.meta["comment_id"])}}
            return await attempt(lambda: self._post("2/tweets", body, "id"))
        if not out.recipient:
            return AckResult(ok=False, error="no recipient", retry=False)
        body = {"text": out.body_text[:DM_LIMIT]}
        return await attempt(lambda: self._post(
            f"2/dm_conversations/with/{out.recipient}/messages", body, "dm_event_id"))

    async def _post(self, path: str, body: dict[str, Any], id_field: str) -> AckResult:
        url = f"{self.settings.api_base_url.rstrip('/')}/{path}"
        answer = await post_json(url, body, secret_text(self.settings.access_token) or "",
                                 self.settings.timeout_seconds)
        return result_of(answer, id_field)


def result_of(answer: Answer, id_field: str) -> AckResult:
    """An AckResult from X's answer: the new id, or X's own words for the failure."""
    data = answer.doc.get("data") if isinstance(answer.doc.get("data"), dict) else {}
    if answer.ok and data.get(id_field):
        return AckResult(ok=True, provider_id=str(data[id_field]))
    errors = answer.doc.get("errors") if isinstance(answer.doc.get("errors"), list) else []
    detail = (answer.doc.get("detail") or answer.doc.get("title")
              or "; ".join(str(e.get("message") or e.get("detail"))
                           for e in errors if isinstance(e, dict))
              or ("no id in the answer" if answer.ok else "no detail"))
    return AckResult(ok=False, error=f"X API {answer.status}: {detail}",
                     retry=answer.is_transient)
