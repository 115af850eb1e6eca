"""The X webhook: the CRC check, signed deliveries, direct messages, mentions and the deliverer."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime

import pytest

from channels.base import Outgoing
from channels.social_meta_events import ECHO, IGNORED, MESSAGE
from channels.social_x import inbound_of, split_x
from channels.social_x_send import XDeliverer
from gateway.app import make_app
from gateway.settings import load_settings
from models import Event, Message
from tests.fixtures.social.payloads import X_SECRET, encode, x_direct_message, x_mention, x_signed
from tests.fixtures.web_form.forms import rows
from tests.integration.fake_x import LANDLORD_ID, X_TOKEN, FakeX, x_problem

RESIDENT_ID = "2244994945"
NOW = datetime.now(UTC)


def x_settings(tmp_settings, **x):
    return load_settings(None, **{**tmp_settings.model_dump(), "x": {
        "consumer_secret": X_SECRET, "account_id": LANDLORD_ID, **x}})


@pytest.fixture
async def x_client(aiohttp_client, tmp_settings, fake_triager):
    return await aiohttp_client(make_app(x_settings(tmp_settings), triager=fake_triager,
                                         run_workers=False))


async def post(client, doc, headers=None):
    body = doc if isinstance(doc, bytes) else encode(doc)
    return await client.post("/channels/x", data=body,
                             headers=x_signed(body) if headers is None else headers)


async def test_crc_answers_with_the_base64_hmac_of_the_token(x_client):
    token = "9b4507b3-9040-4669-9ff5-1d5a8d8a3f2a"
    # Computed here, independently: base64(HMAC-SHA256(consumer secret, crc_token)).
    expected = "sha256=" + base64.b64encode(
        hmac.new(X_SECRET.encode(), token.encode(), hashlib.sha256).digest()).decode()
    resp = await x_client.get("/channels/x", params={"crc_token": token})
    assert resp.status == 200 and await resp.json() == {"response_token": expected}
    assert (await x_client.get("/channels/x")).status == 400


async def test_crc_and_deliveries_refused_without_a_consumer_secret(client):
    assert (await client.get("/channels/x", params={"crc_token": "abc"})).status == 403
    assert (await post(client, x_direct_message("1", "hi", RESIDENT_ID, LANDLORD_ID))).status == 403


async def test_a_signed_direct_message_becomes_a_message_and_a_replay_nothing(x_client):
    body = encode(x_direct_message("1800000000000000001", "My front door lock is broken",
                                   RESIDENT_ID, LANDLORD_ID))
    first, again = await post(x_client, body), await post(x_client, body)
    assert (await first.json())["created"] == 1 and (await again.json())["created"] == 0
    [message] = await rows(x_client, Message)
    assert (message.channel, message.external_id, message.source) == ("x", "1800000000000000001", "x")


async def test_forged_and_unsigned_deliveries_keep_only_a_security_event(x_client):
    body = encode(x_direct_message("1800000000000000002", "Forged", RESIDENT_ID, LANDLORD_ID))
    assert (await post(x_client, body, x_signed(body, "wrong-secret"))).status == 403
    assert (await post(x_client, body, {"Content-Type": "application/json"})).status == 403
    assert await rows(x_client, Message) == []
    assert [(e.kind, e.data["channel"], e.data["reason"]) for e in await rows(x_client, Event)] == [
        ("security.signature_invalid", "x", "invalid"), ("security.signature_invalid", "x", "missing")]


async def test_the_landlords_own_messages_and_other_events_are_not_contacts(x_client):
    own = x_direct_message("1800000000000000003", "Thanks, ref DS-2026-000001", LANDLORD_ID, LANDLORD_ID)
    favourite = {"for_user_id": LANDLORD_ID, "favorite_events": [{"id": "x", "favorited_status": {}}]}
    for doc in (own, favourite):
        assert (await post(x_client, doc)).status == 200
    assert await rows(x_client, Message) == []
    assert [e.kind for e in await rows(x_client, Event)] == ["social.echo"]


@pytest.mark.parametrize("body, reason", [
    (b"[", "not JSON"),
    (encode([1, 2]), "not an Account Activity delivery"),
    (encode({"for_user_id": LANDLORD_ID, "direct_message_events": [{"type": "message_create"}]}),
     "needs an id"),
    (encode({"for_user_id": LANDLORD_ID, "tweet_create_events": "x"}), "must be a list"),
])
async def test_malformed_is_400(x_client, body, reason):
    resp = await post(x_client, body)
    assert resp.status == 400 and reason in (await resp.json())["detail"]


def test_mentions_are_public_comments_and_other_tweets_are_ignored():
    mention = x_mention("1800000000000000010", "@examplehomes the bins have not been collected",
                        RESIDENT_ID, LANDLORD_ID)
    [event] = split_x(mention, LANDLORD_ID)
    msg = inbound_of(event, NOW, {})
    assert event.kind == MESSAGE and msg.meta["public"] is True
    assert (msg.meta["comment_id"], msg.sender.handle, msg.meta["username"]) == (
        "1800000000000000010", RESIDENT_ID, "tina_example")
    unrelated = json.loads(json.dumps(mention))
    unrelated["tweet_create_events"][0]["entities"]["user_mentions"] = []
    assert [e.kind for e in split_x(unrelated, LANDLORD_ID)] == [IGNORED]
    retweet = json.loads(json.dumps(mention))
    retweet["tweet_create_events"][0]["retweeted_status"] = {"id_str": "1"}
    assert [e.kind for e in split_x(retweet, LANDLORD_ID)] == [IGNORED]
    ours = x_mention("1800000000000000011", "Thanks for getting in touch", LANDLORD_ID, LANDLORD_ID)
    assert [e.kind for e in split_x(ours, LANDLORD_ID)] == [ECHO]


def test_direct_message_parse():
    [event] = split_x(x_direct_message("1800000000000000004", "Rent question", RESIDENT_ID,
                                       LANDLORD_ID), LANDLORD_ID)
    msg = inbound_of(event, NOW, {})
    assert (msg.body, msg.sender.name, msg.sender.handle, msg.meta) == (
        "Rent question", "Tina Example", RESIDENT_ID, {"username": "tina_example"})


# The deliverer against the local X server

@pytest.fixture
async def fake_x(aiohttp_server):
    fake = FakeX()
    fake.url = str((await aiohttp_server(fake.app())).make_url("")).rstrip("/")
    return fake


def deliverer(tmp_settings, fake_x) -> XDeliverer:
    return XDeliverer(x_settings(tmp_settings, api_base_url=fake_x.url, access_token=X_TOKEN).x)


def outgoing(**meta) -> Outgoing:
    return Outgoing(outbound_id=1, channel="x", recipient=RESIDENT_ID, subject="Ref DS-2026-000001",
                    body_text="Example Homes: got your enquiry, ref DS-2026-000001.", body_html=None,
                    meta=meta)


async def test_a_direct_message_is_sent_to_the_participant(tmp_settings, fake_x):
    result = await deliverer(tmp_settings, fake_x).send(outgoing())
    assert result.ok and result.provider_id == "1700000000000000001"
    [request] = fake_x.requests
    assert (request.method, request.path, request.authorization, request.body) == (
        "POST", f"/2/dm_conversations/with/{RESIDENT_ID}/messages", f"Bearer {X_TOKEN}",
        {"text": "Example Homes: got your enquiry, ref DS-2026-000001."})


async def test_a_mention_gets_the_public_reply_only(tmp_settings, fake_x):
    result = await deliverer(tmp_settings, fake_x).send(outgoing(public=True, comment_id="1800000000000000010"))
    assert result.ok
    [request] = fake_x.requests
    assert request.path == "/2/tweets"
    assert request.body == {"text": "Thanks for getting in touch. Please send us a private message "
                                    "so we can help.",
                            "reply": {"in_reply_to_tweet_id": "1800000000000000010"}}


@pytest.mark.parametrize("status, doc, retry", [
    (429, x_problem(429, "Too Many Requests", "Too Many Requests"), True),
    (500, {}, True),
    (403, x_problem(403, "You cannot send messages to this user."), False),
])
async def test_send_failures(tmp_settings, fake_x, status, doc, retry):
    fake_x.answer_next(status, doc)
    result = await deliverer(tmp_settings, fake_x).send(outgoing())
    assert (result.ok, result.retry) == (False, retry)
    assert result.error.startswith(f"X API {status}")
    if status == 403:
        assert "You cannot send messages to this user." in result.error


async def test_an_unreachable_api_is_retried(tmp_settings):
    settings = x_settings(tmp_settings, api_base_url="http://127.0.0.1:9", access_token=X_TOKEN)
    result = await XDeliverer(settings.x).send(outgoing())
    assert (result.ok, result.retry) == (False, True) and result.error.startswith("network")
