"""A local stand-in for Meta's Graph API, speaking its documented wire formats.

- ``POST /{version}/{page-id|me}/messages``: Messenger and Instagram sends, answered
  ``{"recipient_id", "message_id"}``; with ``"messaging_product": "whatsapp"`` (to
  ``/{phone-number-id}/messages``) answered ``{"messaging_product", "contacts", "messages":
  [{"id": "wamid…"}]}``.
- ``POST /{version}/{comment-id}/comments`` (Facebook) and ``/replies`` (Instagram): ``{"id"}``.
- ``GET /{version}/{media-id}``: WhatsApp media lookup, ``{"url", "mime_type", "sha256",
  "file_size", "id", "messaging_product"}``; ``GET /media/{name}`` serves the bytes (bearer
  token required) and ``GET /cdn/{name}`` serves Messenger-style signed CDN files (no token).

Every request is recorded. ``answer_next`` makes the next sends answer with a given status and
body instead, such as a Graph error ``{"error": {"message", "type", "code", "error_subcode",
"fbtrace_id"}}``; a wrong bearer token gets Graph's code 190.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

PAGE_TOKEN, WHATSAPP_TOKEN = "page-token-0123", "whatsapp-token-4567"


@dataclass
class Recorded:
    method: str
    path: str
    authorization: str | None
    body: Any


def graph_error(message: str, code: int, subcode: int | None = None,
                kind: str = "OAuthException") -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": code,
                      "error_subcode": subcode, "fbtrace_id": "AbCdEfFakeTrace"}}


@dataclass
class FakeGraph:
    page_token: str = PAGE_TOKEN
    whatsapp_token: str = WHATSAPP_TOKEN
    requests: list[Recorded] = field(default_factory=list)
    answers: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # name -> (data, type)
    ids: Any = field(default_factory=lambda: itertools.count(1))

    def answer_next(self, status: int, doc: dict[str, Any] | None = None) -> None:
        self.answers.append((status, doc if doc is not None else {}))

    def sends(self) -> list[Recorded]:
        return [r for r in self.requests if r.method == "POST"]

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/media/{name}", self.media_file)  # before the lookup, which it matches
        app.router.add_get("/cdn/{name}", self.cdn_file)
        app.router.add_post("/{version}/{node}/messages", self.messages)
        app.router.add_post("/{version}/{node}/{edge:comments|replies}", self.comment_reply)
        app.router.add_get("/{version}/{media_id}", self.media_lookup)
        return app

    async def _record(self, request: web.Request) -> Recorded:
        text = await request.text() if request.can_read_body else ""
        try:
            body: Any = json.loads(text) if text else None
        except ValueError:
            body = text
        recorded = Recorded(request.method, request.path_qs, request.headers.get("Authorization"), body)
        self.requests.append(recorded)
        return recorded

    def _refusal(self, recorded: Recorded, token: str) -> web.Response | None:
        if recorded.authorization != f"Bearer {token}":
            return web.json_response(graph_error("Invalid OAuth access token.", 190), status=401)
        if self.answers:
            status, doc = self.answers.pop(0)
            return web.json_response(doc, status=status)
        return None

    async def messages(self, request: web.Request) -> web.Response:
        recorded = await self._record(request)
        body = recorded.body if isinstance(recorded.body, dict) else {}
        if body.get("messaging_product") == "whatsapp":
            refused = self._refusal(recorded, self.whatsapp_token)
            return refused or web.json_response({
                "messaging_product": "whatsapp",
                "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                "messages": [{"id": f"wamid.FAKE{next(self.ids):04d}"}]})
        refused = self._refusal(recorded, self.page_token)
        return refused or web.json_response({
            "recipient_id": (body.get("recipient") or {}).get("id"),
            "message_id": f"m_FAKE{next(self.ids):04d}"})

    async def comment_reply(self, request: web.Request) -> web.Response:
        recorded = await self._record(request)
        refused = self._refusal(recorded, self.page_token)
        return refused or web.json_response({"id": f"{request.match_info['node']}_reply{next(self.ids)}"})

    async def media_lookup(self, request: web.Request) -> web.Response:
        recorded = await self._record(request)
        if recorded.authorization != f"Bearer {self.whatsapp_token}":
            return web.json_response(graph_error("Invalid OAuth access token.", 190), status=401)
        name = request.match_info["media_id"]
        if name not in self.files:
            return web.json_response(graph_error("Unsupported get request.", 100, 33,
                                                 "GraphMethodException"), status=400)
        data, content_type = self.files[name]
        return web.json_response({
            "messaging_product": "whatsapp", "id": name, "mime_type": content_type,
            "sha256": hashlib.sha256(data).hexdigest(), "file_size": len(data),
            "url": f"{request.url.origin()}/media/{name}"})

    async def media_file(self, request: web.Request) -> web.StreamResponse:
        recorded = await self._record(request)
        if recorded.authorization != f"Bearer {self.whatsapp_token}":
            return web.Response(status=401)
        return self._file(request.match_info["name"])

    async def cdn_file(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        return self._file(request.match_info["name"])

    def _file(self, name: str) -> web.StreamResponse:
        if name not in self.files:
            return web.Response(status=404)
        data, content_type = self.files[name]
        return web.Response(body=data, content_type=content_type)
