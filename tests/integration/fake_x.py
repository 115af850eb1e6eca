"""A local stand-in for X's API v2, speaking its documented wire formats.

- ``POST /2/dm_conversations/with/{participant_id}/messages`` with ``{"text"}``: answered 201
  ``{"data": {"dm_conversation_id", "dm_event_id"}}``.
- ``POST /2/tweets`` with ``{"text", "reply": {"in_reply_to_tweet_id"}}``: answered 201
  ``{"data": {"id", "text"}}``.

Every request is recorded; ``answer_next`` makes the next ones answer as told (429, 500, or a
problem such as ``{"title", "detail", "type", "status"}``), and a wrong bearer token gets 401.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.integration.fake_graph import Recorded

X_TOKEN, LANDLORD_ID = "x-user-token-89ab", "1500000000000000001"


def x_problem(status: int, detail: str, title: str = "Forbidden") -> dict[str, Any]:
    return {"title": title, "detail": detail, "type": "about:blank", "status": status}


@dataclass
class FakeX:
    token: str = X_TOKEN
    account_id: str = LANDLORD_ID
    requests: list[Recorded] = field(default_factory=list)
    answers: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    ids: Any = field(default_factory=lambda: itertools.count(1_700_000_000_000_000_001))

    def answer_next(self, status: int, doc: dict[str, Any] | None = None) -> None:
        self.answers.append((status, doc if doc is not None else {}))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/2/dm_conversations/with/{participant_id}/messages", self.direct_message)
        app.router.add_post("/2/tweets", self.tweet)
        return app

    async def _take(self, request: web.Request) -> web.Response | None:
        body = await request.json() if request.can_read_body else None
        self.requests.append(Recorded(request.method, request.path_qs,
                                      request.headers.get("Authorization"), body))
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return web.json_response(x_problem(401, "Unauthorized", "Unauthorized"), status=401)
        if self.answers:
            status, doc = self.answers.pop(0)
            return web.json_response(doc, status=status)
        return None

    async def direct_message(self, request: web.Request) -> web.Response:
        refused = await self._take(request)
        participant = request.match_info["participant_id"]
        return refused or web.json_response({"data": {
            "dm_conversation_id": f"{participant}-{self.account_id}",
            "dm_event_id": str(next(self.ids))}}, status=201)

    async def tweet(self, request: web.Request) -> web.Response:
        refused = await self._take(request)
        return refused or web.json_response({"data": {
            "id": str(next(self.ids)), "text": self.requests[-1].body.get("text")}}, status=201)
