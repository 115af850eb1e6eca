"""Messenger, Instagram, WhatsApp and X end to end, against local Graph API and X API servers.

A signed delivery goes in at the webhook; the pipeline triages it and opens a case; the outbox
sends the acknowledgement through the deliverer ``default_deliverers`` chose from the settings,
and the test asserts the exact request the local provider server received.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from gateway import keys
from gateway.app import make_app
from gateway.settings import PUBLIC_REPLY, load_settings
from models import Case, Event, Message, Outbound, TriageDecision
from tests.fixtures.social.payloads import (
    APP_SECRET, IG_ACCOUNT_ID, IGSID, PAGE_ID, PHONE_NUMBER_ID, PSID, VERIFY_TOKEN, WA_ID, X_SECRET,
    direct_message, encode, feed_comment, hub_signed, instagram_comment, page_body, whatsapp_body,
    whatsapp_text, x_direct_message, x_mention, x_signed,
)
from tests.fixtures.web_form.forms import count, rows
from tests.integration.fake_graph import PAGE_TOKEN, WHATSAPP_TOKEN, FakeGraph, Recorded
from tests.integration.fake_x import LANDLORD_ID, X_TOKEN, FakeX

RESIDENT_X = "2244994945"
TEMPLATE = "doorstep_acknowledgement"
TWO_DAYS = -2 * 24 * 3600


@pytest.fixture
async def social(aiohttp_client, aiohttp_server, tmp_settings, fake_triager):
    """A gateway whose Meta and X deliverers talk to local fakes, with the workers stopped."""
    graph, x = FakeGraph(), FakeX()
    graph_url = str((await aiohttp_server(graph.app())).make_url("")).rstrip("/")
    x_url = str((await aiohttp_server(x.app())).make_url("")).rstrip("/")
    settings = load_settings(None, **{**tmp_settings.model_dump(), "meta": {
        "app_secret": APP_SECRET, "verify_token": VERIFY_TOKEN, "page_access_token": PAGE_TOKEN,
        "whatsapp_token": WHATSAPP_TOKEN, "whatsapp_phone_number_id": PHONE_NUMBER_ID,
        "whatsapp_template_name": TEMPLATE, "graph_base_url": graph_url,
    }, "x": {"consumer_secret": X_SECRET, "access_token": X_TOKEN, "account_id": LANDLORD_ID,
             "api_base_url": x_url}})
    client = await aiohttp_client(make_app(settings, triager=fake_triager, run_workers=False))
    return SimpleNamespace(client=client, graph=graph, x=x)


async def deliver(social, doc, *, forged: bool = False):
    """POST a webhook body to the endpoint for its provider, signed (or forged)."""
    body = encode(doc)
    if "object" in doc:
        headers = hub_signed(body, "forged" if forged else APP_SECRET)
        return await social.client.post("/channels/meta", data=body, headers=headers)
    headers = x_signed(body, "forged" if forged else X_SECRET)
    return await social.client.post("/channels/x", data=body, headers=headers)


async def settle(client) -> None:
    """Run the pipeline and then the outbox once, as the workers would."""
    await client.app[keys.PIPELINE].run_due()
    await client.app[keys.OUTBOX].run_due()


async def only_outbound(client) -> Outbound:
    [out] = await rows(client, Outbound)
    assert out.status == "sent", out.last_error
    return out


DIRECT = {
    "facebook": lambda: page_body([direct_message("mid.INT1", "There is a leak from the flat above")]),
    "instagram": lambda: page_body([direct_message("mid.IG1", "There is a leak from the flat above",
                                                   sender=IGSID, recipient=IG_ACCOUNT_ID)],
                                   obj="instagram", entry_id=IG_ACCOUNT_ID),
    "whatsapp": lambda: whatsapp_body([whatsapp_text("wamid.INT1", "There is a leak from the flat above")]),
    "x": lambda: x_direct_message("1800000000000000100", "There is a leak from the flat above",
                                  RESIDENT_X, LANDLORD_ID),
}


def expected_request(channel: str, text: str) -> Recorded:
    if channel in ("facebook", "instagram"):
        recipient = PSID if channel == "facebook" else IGSID
        return Recorded("POST", "/v21.0/me/messages", f"Bearer {PAGE_TOKEN}", {
            "recipient": {"id": recipient}, "message": {"text": text}, "messaging_type": "RESPONSE"})
    if channel == "whatsapp":
        return Recorded("POST", f"/v21.0/{PHONE_NUMBER_ID}/messages", f"Bearer {WHATSAPP_TOKEN}", {
            "messaging_product": "whatsapp", "recipient_type": "individual", "to": WA_ID,
            "type": "text", "text": {"preview_url": False, "body": text}})
    return Recorded("POST", f"/2/dm_conversations/with/{RESIDENT_X}/messages", f"Bearer {X_TOKEN}",
                    {"text": text})


@pytest.mark.parametrize("channel", list(DIRECT))
async def test_a_direct_message_becomes_a_case_and_is_acknowledged(social, channel):
    resp = await deliver(social, DIRECT[channel]())
    assert resp.status == 200 and (await resp.json())["created"] == 1
    await settle(social.client)
    [message] = await rows(social.client, Message)
    [case] = await rows(social.client, Case)
    assert (message.channel, message.status, case.category) == (channel, "routed", "service_request")
    out = await only_outbound(social.client)
    assert case.reference in out.body_text
    fake = social.x if channel == "x" else social.graph
    assert [r for r in fake.requests if r.method == "POST"] == [expected_request(channel, out.body_text)]
    assert out.provider_id == {"facebook": "m_FAKE0001", "instagram": "m_FAKE0001",
                               "whatsapp": "wamid.FAKE0001", "x": "1700000000000000001"}[channel]


@pytest.mark.parametrize("channel", list(DIRECT))
async def test_a_replayed_delivery_creates_nothing_new(social, channel):
    doc = DIRECT[channel]()
    await deliver(social, doc)
    await settle(social.client)
    again = await deliver(social, doc)
    assert again.status == 200 and (await again.json())["created"] == 0
    await settle(social.client)
    assert [await count(social.client, m) for m in (Message, Case, Outbound)] == [1, 1, 1]


@pytest.mark.parametrize("channel", list(DIRECT))
async def test_a_forged_delivery_is_refused_and_only_a_security_event_kept(social, channel):
    resp = await deliver(social, DIRECT[channel](), forged=True)
    assert resp.status == 403
    await settle(social.client)
    assert [await count(social.client, m) for m in (Message, Case, Outbound)] == [0, 0, 0]
    [event] = await rows(social.client, Event)
    assert event.kind == "security.signature_invalid"
    assert set(event.data) == {"channel", "remote", "reason"}
    assert social.graph.requests == [] and social.x.requests == []


async def test_whatsapp_outside_the_24_hour_window_uses_the_template(social):
    late = whatsapp_text("wamid.OLD1", "The heating has been off since Friday", offset_seconds=TWO_DAYS)
    assert (await deliver(social, whatsapp_body([late]))).status == 200
    await settle(social.client)
    out = await only_outbound(social.client)
    assert social.graph.sends() == [Recorded(
        "POST", f"/v21.0/{PHONE_NUMBER_ID}/messages", f"Bearer {WHATSAPP_TOKEN}", {
            "messaging_product": "whatsapp", "recipient_type": "individual", "to": WA_ID,
            "type": "template", "template": {"name": TEMPLATE, "language": {"code": "en_GB"}}})]
    status = {"id": out.provider_id, "status": "delivered", "timestamp": "1700000000", "recipient_id": WA_ID}
    assert (await deliver(social, whatsapp_body(statuses=[status]))).status == 200
    assert (await only_outbound(social.client)).meta["delivery_status"] == "delivered"


PUBLIC = {
    "facebook": (lambda: feed_comment("5000000000000001_9001", "Tina Example here, flat 4: "
                                      "there is a leak in my kitchen"),
                 "/v21.0/5000000000000001_9001/comments", f"Bearer {PAGE_TOKEN}"),
    "instagram": (lambda: instagram_comment("17900000000000001", "Tina Example here, flat 4: "
                                            "there is a leak in my kitchen"),
                  "/v21.0/17900000000000001/replies", f"Bearer {PAGE_TOKEN}"),
    "x": (lambda: x_mention("1800000000000000200", "@examplehomes Tina Example here, flat 4: "
                            "there is a leak in my kitchen", RESIDENT_X, LANDLORD_ID),
          "/2/tweets", f"Bearer {X_TOKEN}"),
}


@pytest.mark.parametrize("channel", list(PUBLIC))
async def test_a_public_comment_is_triaged_and_gets_only_a_public_reply(social, channel):
    build, path, auth = PUBLIC[channel]
    assert (await deliver(social, build())).status == 200
    await settle(social.client)
    [message] = await rows(social.client, Message)
    [case] = await rows(social.client, Case)
    assert message.meta["public"] is True and message.channel == channel
    assert (await rows(social.client, TriageDecision))[0].category == "service_request"
    out = await only_outbound(social.client)
    assert out.meta["public"] is True and out.meta["comment_id"] == message.external_id
    assert out.body_text == PUBLIC_REPLY and case.reference not in out.body_text  # as posted
    [request] = (social.x if channel == "x" else social.graph).requests
    assert (request.method, request.path, request.authorization) == ("POST", path, auth)
    text = request.body["text"] if channel == "x" else request.body["message"]
    assert text == PUBLIC_REPLY
    for private in (case.reference, "Tina", "flat 4", "leak", "DS-"):
        assert private not in str(request.body)


async def test_our_own_public_reply_coming_back_is_not_a_contact(social):
    own = feed_comment("5000000000000001_9100", PUBLIC_REPLY, author=PAGE_ID)
    assert (await deliver(social, own)).status == 200
    assert await count(social.client, Message) == 0
    assert [e.kind for e in await rows(social.client, Event)] == ["social.echo"]
