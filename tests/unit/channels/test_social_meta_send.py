"""The Graph API deliverer against the local Graph server: windows, templates, errors, comments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from channels.base import Outgoing
from channels.social_meta_send import MetaDeliverer, meta_deliverers
from gateway.settings import PUBLIC_REPLY, load_settings
from tests.fixtures.social.payloads import IGSID, PHONE_NUMBER_ID, PSID, WA_ID
from tests.integration.fake_graph import PAGE_TOKEN, WHATSAPP_TOKEN, FakeGraph, graph_error

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TEXT = "Example Homes: got your repair request, ref DS-2026-000042."


@pytest.fixture
async def graph(aiohttp_server):
    fake = FakeGraph()
    fake.url = str((await aiohttp_server(fake.app())).make_url("")).rstrip("/")
    return fake


def settings_for(tmp_settings, graph, **meta):
    return load_settings(None, **{**tmp_settings.model_dump(), "meta": {
        "page_access_token": PAGE_TOKEN, "whatsapp_token": WHATSAPP_TOKEN,
        "whatsapp_phone_number_id": PHONE_NUMBER_ID, "graph_base_url": graph.url, **meta}})


def deliverer(tmp_settings, graph, channel: str, **meta) -> MetaDeliverer:
    return MetaDeliverer(settings_for(tmp_settings, graph, **meta).meta, channel, clock=lambda: NOW)


def outgoing(channel: str, hours_ago: float | None = 1, **meta) -> Outgoing:
    recipient = {"facebook": PSID, "instagram": IGSID, "whatsapp": WA_ID}[channel]
    if hours_ago is not None:
        meta["inbound_at"] = (NOW - timedelta(hours=hours_ago)).isoformat()
    return Outgoing(outbound_id=7, channel=channel, recipient=recipient, subject=None,
                    body_text=TEXT, body_html=None, meta=meta)


def test_deliverers_only_for_configured_tokens(tmp_settings):
    assert meta_deliverers(tmp_settings) == {}
    both = load_settings(None, **{**tmp_settings.model_dump(), "meta": {
        "page_access_token": "p", "whatsapp_token": "w", "whatsapp_phone_number_id": "1"}})
    assert sorted(meta_deliverers(both)) == ["facebook", "instagram", "whatsapp"]
    no_number = load_settings(None, **{**tmp_settings.model_dump(), "meta": {"whatsapp_token": "w"}})
    assert meta_deliverers(no_number) == {}


async def test_messenger_outside_the_window_needs_a_tag(tmp_settings, graph):
    result = await deliverer(tmp_settings, graph, "facebook").send(outgoing("facebook", hours_ago=30))
    assert (result.ok, result.retry) == (False, False) and "24-hour" in result.error
    assert graph.requests == []
    tagged = deliverer(tmp_settings, graph, "facebook", messenger_tag="HUMAN_AGENT")
    assert (await tagged.send(outgoing("facebook", hours_ago=30))).ok
    assert graph.sends()[0].body == {"recipient": {"id": PSID}, "message": {"text": TEXT},
                                     "messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}


async def test_an_explicit_page_id_is_used(tmp_settings, graph):
    result = await deliverer(tmp_settings, graph, "instagram", page_id="1000000000000001").send(
        outgoing("instagram"))
    assert result.ok and graph.sends()[0].path == "/v21.0/1000000000000001/messages"


async def test_whatsapp_template_with_the_text_as_its_parameter(tmp_settings, graph):
    send = deliverer(tmp_settings, graph, "whatsapp", whatsapp_template_name="ack",
                     whatsapp_template_language="cy", whatsapp_template_body_text=True)
    out = outgoing("whatsapp", hours_ago=25)
    out = Outgoing(**{**out.__dict__, "body_text": "Line one.\n\nLine   two."})
    assert (await send.send(out)).ok
    assert graph.sends()[0].body["template"] == {
        "name": "ack", "language": {"code": "cy"},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "Line one. Line two."}]}]}


async def test_whatsapp_outside_the_window_without_a_template_fails_for_good(tmp_settings, graph):
    result = await deliverer(tmp_settings, graph, "whatsapp").send(outgoing("whatsapp", hours_ago=25))
    assert (result.ok, result.retry) == (False, False) and "whatsapp_template_name" in result.error


async def test_whatsapp_131047_falls_back_to_the_template(tmp_settings, graph):
    graph.answer_next(400, graph_error("Re-engagement message", 131047, kind="OAuthException"))
    send = deliverer(tmp_settings, graph, "whatsapp", whatsapp_template_name="ack")
    result = await send.send(outgoing("whatsapp", hours_ago=None))  # the window cannot be told
    assert result.ok and result.provider_id == "wamid.FAKE0001"
    assert [r.body["type"] for r in graph.sends()] == ["text", "template"]


@pytest.mark.parametrize("status, doc, retry", [
    (429, graph_error("Too many calls", 80007), True),
    (500, graph_error("An unexpected error has occurred.", 2, kind="OAuthException"), True),
    (400, graph_error("Application request limit reached", 4), True),
    (400, graph_error("(#100) No matching user found", 100, 2018001), False),
    (403, graph_error("(#200) Permissions error", 200), False),
])
async def test_graph_errors(tmp_settings, graph, status, doc, retry):
    graph.answer_next(status, doc)
    result = await deliverer(tmp_settings, graph, "facebook").send(outgoing("facebook"))
    assert (result.ok, result.retry) == (False, retry)
    error = doc["error"]
    assert error["message"] in result.error and f"code {error['code']}" in result.error
    assert "fbtrace_id AbCdEfFakeTrace" in result.error


async def test_a_wrong_token_is_a_permanent_failure(tmp_settings, graph):
    send = deliverer(tmp_settings, graph, "whatsapp", whatsapp_token="stale")
    result = await send.send(outgoing("whatsapp"))
    assert (result.ok, result.retry) == (False, False) and "code 190" in result.error


@pytest.mark.parametrize("channel, edge", [("facebook", "comments"), ("instagram", "replies")])
async def test_public_comments_get_the_fixed_public_reply(tmp_settings, graph, channel, edge):
    out = outgoing(channel, public=True, comment_id="17900000000000009")
    result = await deliverer(tmp_settings, graph, channel).send(out)
    assert result.ok and result.provider_id == "17900000000000009_reply1"
    [request] = graph.requests
    assert (request.path, request.authorization, request.body) == (
        f"/v21.0/17900000000000009/{edge}", f"Bearer {PAGE_TOKEN}", {"message": PUBLIC_REPLY})
    assert "DS-2026" not in str(request.body)
