"""The Meta webhook: signatures, the handshake, Messenger docs examples, pywa's WhatsApp updates."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from channels.base import RawMessage
from channels.social_meta_events import DELIVERY, ECHO, IGNORED, MESSAGE, READ, STATUS, split
from channels.social_meta_inbound import inbound_of
from channels.social_webhooks import hub_signature, matches
from gateway import keys
from gateway.app import make_app
from gateway.errors import ParseError
from gateway.settings import load_settings
from models import Attachment, Event, Message, Outbound
from tests.fixtures.social.payloads import (
    APP_SECRET, PAGE_ID, PSID, VERIFY_TOKEN, WA_ID, corpus, direct_message, encode, feed_comment,
    hub_signed, instagram_comment, page_body, whatsapp_body, whatsapp_text,
)
from tests.fixtures.web_form.forms import rows
from tests.integration.fake_graph import PAGE_TOKEN, WHATSAPP_TOKEN, FakeGraph

NOW = datetime.now(UTC)
MESSENGER_KINDS = {"messages_text": MESSAGE, "messages_reply": MESSAGE,
                   "messages_attachment_entry": MESSAGE, "message_echo": ECHO,
                   "message_read": READ, "message_delivery": DELIVERY}


def meta_settings(tmp_settings, **meta):
    base = {"app_secret": APP_SECRET, "verify_token": VERIFY_TOKEN, **meta}
    return load_settings(None, **{**tmp_settings.model_dump(), "meta": base})


@pytest.fixture
async def graph(aiohttp_server):
    fake = FakeGraph()
    fake.url = str((await aiohttp_server(fake.app())).make_url("")).rstrip("/")
    return fake


@pytest.fixture
async def meta_client(aiohttp_client, tmp_settings, fake_triager, graph):
    settings = meta_settings(tmp_settings, graph_base_url=graph.url, whatsapp_token=WHATSAPP_TOKEN,
                             page_access_token=PAGE_TOKEN)
    return await aiohttp_client(make_app(settings, triager=fake_triager, run_workers=False))


async def post(client, doc, headers=None):
    body = doc if isinstance(doc, bytes) else encode(doc)
    return await client.post("/channels/meta", data=body,
                             headers=hub_signed(body) if headers is None else headers)


def messenger_examples() -> dict[str, dict]:
    folder = corpus("webhook-protocol-vectors") / "meta_messenger_docs_examples"
    found = {}
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text())
        # Per SOURCE.md: the files are messaging[] events, except one entry[] element.
        entry = doc if "messaging" in doc else {"id": PAGE_ID, "time": 1458692752478, "messaging": [doc]}
        found[path.stem] = {"object": "page", "entry": [entry]}
    return found


def pywa_updates() -> list[tuple[str, dict]]:
    folder = corpus("whatsapp-cloud-api-pywa") / "updates"
    return [(f"{path.stem}/{case}", body) for path in sorted(folder.glob("*.json"))
            for case, body in json.loads(path.read_text()).items()]


# Signatures and the handshake

def test_every_x_hub_signature_vector():
    cases = json.loads((corpus("webhook-protocol-vectors") / "x_hub_signature_256_vectors.json")
                       .read_text())["cases"]
    for case in cases:
        header = case.get("header") or case["expected_header"]
        computed = hub_signature(case["secret"], case["payload"].encode())
        assert matches(computed, header) is case["valid"], case["name"]
        if case["valid"]:
            assert computed == case["expected_header"]


async def test_vectors_through_the_webhook(aiohttp_client, tmp_settings, fake_triager):
    cases = json.loads((corpus("webhook-protocol-vectors") / "x_hub_signature_256_vectors.json")
                       .read_text())["cases"]
    settings = meta_settings(tmp_settings, app_secret=cases[0]["secret"])
    client = await aiohttp_client(make_app(settings, triager=fake_triager, run_workers=False))
    for case in cases:
        header = case.get("header") or case["expected_header"]
        resp = await client.post("/channels/meta", data=case["payload"].encode(),
                                 headers={"X-Hub-Signature-256": header})
        # A good signature gets past the check to the body, which is no JSON: 400, not 403.
        assert resp.status == (400 if case["valid"] else 403), case["name"]


async def test_handshake_echoes_the_challenge_only_with_the_right_token(meta_client):
    good = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    resp = await meta_client.get("/channels/meta", params=good)
    assert resp.status == 200 and await resp.text() == "1158201444"
    assert resp.content_type == "text/plain"
    for bad in ({**good, "hub.verify_token": "guess"}, {**good, "hub.mode": "unsubscribe"},
                {k: v for k, v in good.items() if k != "hub.verify_token"}):
        assert (await meta_client.get("/channels/meta", params=bad)).status == 403


async def test_handshake_refused_without_a_configured_token(client):
    resp = await client.get("/channels/meta", params={
        "hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"})
    assert resp.status == 403


async def test_forged_and_unsigned_deliveries_keep_only_a_security_event(meta_client):
    body = encode(page_body([direct_message("mid.forged", "My boiler is broken")]))
    forged = await post(meta_client, body, hub_signed(body, "not-the-secret"))
    assert forged.status == 403 and forged.content_type == "application/problem+json"
    unsigned = await post(meta_client, body, {"Content-Type": "application/json"})
    assert unsigned.status == 403
    assert await rows(meta_client, Message) == []
    events = await rows(meta_client, Event)
    assert [(e.kind, e.data["channel"], e.data["reason"]) for e in events] == [
        ("security.signature_invalid", "meta", "invalid"),
        ("security.signature_invalid", "meta", "missing")]
    assert "boiler" not in json.dumps([e.data for e in events])


async def test_without_an_app_secret_nothing_is_accepted(client):
    body = encode(page_body([direct_message("mid.1", "hello")]))
    assert (await post(client, body)).status == 403


# Malformed and unknown

@pytest.mark.parametrize("body, reason", [
    (b"{not json", "not JSON"),
    (encode({"entry": []}), "no 'object'"),
    (encode({"object": "page", "entry": {"id": "1"}}), "'entry' must be a list"),
    (encode(page_body([{"sender": {"id": PSID}, "message": {"text": "no mid"}}])), "'mid'"),
    (encode(whatsapp_body([{"id": "wamid.X", "type": "text"}])), "from is missing"),
])
async def test_malformed_is_400_with_the_reason(meta_client, body, reason):
    resp = await post(meta_client, body)
    assert resp.status == 400
    assert reason in (await resp.json())["detail"]
    assert await rows(meta_client, Message) == []


async def test_unknown_signed_events_are_200_and_ignored(meta_client):
    unknown_object = {"object": "user", "entry": [{"id": "1", "changes": []}]}
    unknown_event = page_body([{"sender": {"id": PSID}, "recipient": {"id": PAGE_ID},
                                "timestamp": 1, "reaction": {"mid": "m", "action": "react"}}])
    unknown_field = {"object": "page", "entry": [{"id": PAGE_ID, "changes": [
        {"field": "ratings", "value": {"review_text": "x"}}]}]}
    for doc in (unknown_object, unknown_event, unknown_field):
        resp = await post(meta_client, doc)
        assert resp.status == 200 and (await resp.json())["messages"] == 0
    assert await rows(meta_client, Message) == []


# Messenger docs examples

def test_messenger_docs_examples_split_into_the_right_kinds():
    examples = messenger_examples()
    assert set(examples) == set(MESSENGER_KINDS)
    for name, body in examples.items():
        assert [e.kind for e in split(body)] == [MESSENGER_KINDS[name]], name


def test_messenger_docs_examples_parse():
    examples = messenger_examples()
    [text] = split(examples["messages_text"])
    msg = inbound_of(text, NOW, {})
    assert (msg.channel, msg.external_id, msg.sender.handle, msg.body) == (
        "facebook", "mid.1457764197618:41d102a3e1ae206a38", "<PSID>", "hello, world!")
    assert msg.meta["quick_reply"] == "<DEVELOPER_DEFINED_PAYLOAD>"
    [reply] = split(examples["messages_reply"])
    assert inbound_of(reply, msg.received_at, {}).meta["reply_to"] == "m_1fTq8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU"
    [attachment] = split(examples["messages_attachment_entry"])
    parsed = inbound_of(attachment, msg.received_at, {})
    assert parsed.meta["attachments"] == [{"type": "<image|video|audio|file|reel|ig_reel>",
                                           "url": "<ATTACHMENT_URL>"}]
    assert not parsed.is_auto_reply


async def test_messenger_docs_examples_through_the_webhook(meta_client):
    for body in messenger_examples().values():
        assert (await post(meta_client, body)).status == 200
    await meta_client.app[keys.PIPELINE].run_due()
    messages = await rows(meta_client, Message)
    assert sorted(m.external_id for m in messages) == [
        "m_1457764197618:41d102a3e1ae206a38", "mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c",
        "mid.1457764197618:41d102a3e1ae206a38"]
    assert {m.status for m in messages} == {"routed"}  # triaged, cased and acknowledged
    attached = next(m for m in messages if m.external_id.startswith("mid.$"))
    assert attached.meta["attachments"][0]["error"] == "no address to fetch it from"
    kinds = [e.kind for e in await rows(meta_client, Event) if e.kind.startswith("social.")]
    assert sorted(kinds) == ["social.delivery", "social.echo", "social.read"]


# WhatsApp (pywa's test updates)

def test_every_pywa_update_splits_and_parses():
    seen = set()
    for name, body in pywa_updates():
        for event in split(body):
            seen.add(event.kind)
            if event.kind == MESSAGE:
                msg = inbound_of(event, NOW, {})
                item = event.item
                assert msg.sender.handle == (item.get("from") or item.get("from_user_id")), name
                if item.get("type") == "text":
                    assert msg.body == item["text"]["body"], name
                if item.get("type") in ("reaction", "revoke", "edit", "system"):
                    assert msg.is_auto_reply, name
                elif item.get("type") in ("text", "image", "video", "document", "audio", "location"):
                    assert not msg.is_auto_reply, name
    assert seen == {MESSAGE, STATUS, ECHO, IGNORED}


def test_pywa_messages_keep_context_and_media():
    updates = dict(pywa_updates())
    [reply] = split(updates["message/reply"])
    assert inbound_of(reply, NOW, {}).meta["reply_to"] == "wamid.xyzxyz=="
    [image] = split(updates["message/image"])
    msg = inbound_of(image, NOW, {})
    assert msg.meta["attachments"][0]["media_id"] == "65463453"
    assert msg.sender.phone == "+972987654321" and msg.sender.name == "Test Name"
    [status] = split(updates["message_status/failed"])
    assert (status.kind, status.what) == (STATUS, "failed")
    assert [e.kind for e in split(updates["call_status/call_status"])] == [IGNORED]


async def test_every_pywa_update_through_the_webhook(meta_client):
    expected = 0
    for name, body in pywa_updates():
        for change in (c for e in body["entry"] for c in e["changes"]):
            for message in change["value"].get("messages", []):
                message["id"] += f"#{name}"  # pywa reuses wamid.xyzxyz; keep every case apart
                expected += 1
        resp = await post(meta_client, body)
        assert resp.status == 200, (name, await resp.text())
    await meta_client.app[keys.PIPELINE].run_due()
    messages = {m.external_id.partition("#")[2]: m for m in await rows(meta_client, Message)}
    assert len(messages) == expected
    assert {name for name, m in messages.items() if m.status == "ignored"} == {
        "call_permission_update/accept", "call_permission_update/reject", "deleted_message/revoke",
        "edited_message/image", "message/reaction", "message/unreaction_empty",
        "message/unreaction_no_emoji", "message/interactive_message_with_err",
        "system/phone_number_change", "system/identity_change"}
    assert all(m.status == "routed" for m in messages.values() if m.status != "ignored")
    assert messages["message/text"].text == "Body Text"
    assert messages["message/image"].meta["attachments"][0]["error"] == "ValueError: media lookup answered 400"
    statuses = [e.data["status"] for e in await rows(meta_client, Event) if e.kind == "social.status"]
    assert statuses == ["sent", "delivered", "read", "played", "failed", "sent", "read"]


async def test_whatsapp_status_updates_the_outbound_row(meta_client):
    async with meta_client.app[keys.DEPS].sessions() as session:
        session.add(Outbound(kind="acknowledgement", channel="whatsapp", recipient=WA_ID,
                             body_text="ack", status="sent", provider_id="wamid.SENT1"))
        await session.commit()
    status = {"id": "wamid.SENT1", "status": "failed", "timestamp": "1698266945", "recipient_id": WA_ID,
              "errors": [{"code": 131026, "title": "Message undeliverable"}]}
    delivered = {**status, "status": "delivered"}
    del delivered["errors"]
    assert (await post(meta_client, whatsapp_body(statuses=[delivered]))).status == 200
    [out] = await rows(meta_client, Outbound)
    assert (out.status, out.meta["delivery_status"]) == ("sent", "delivered")
    assert (await post(meta_client, whatsapp_body(statuses=[status]))).status == 200
    [out] = await rows(meta_client, Outbound)
    assert (out.status, out.last_error) == ("failed", "131026: Message undeliverable")


# Replays, comments and media

async def test_a_replayed_delivery_creates_nothing_new(meta_client):
    body = encode(page_body([direct_message("mid.replay1", "The lift is broken again")]))
    first, second = await post(meta_client, body), await post(meta_client, body)
    assert (await first.json())["created"] == 1 and (await second.json())["created"] == 0
    assert len(await rows(meta_client, Message)) == 1


async def test_batched_entries_become_one_raw_message_each(meta_client):
    body = page_body([direct_message("mid.b1", "First"), direct_message("mid.b2", "Second")])
    body["entry"].append({"id": PAGE_ID, "time": 1, "messaging": [direct_message("mid.b3", "Third")]})
    assert (await (await post(meta_client, body)).json())["created"] == 3
    stored = {m.external_id: json.loads(m.raw) for m in await rows(meta_client, Message)}
    assert set(stored) == {"mid.b1", "mid.b2", "mid.b3"}
    only = stored["mid.b2"]["entry"]
    assert len(only) == 1 and [e["message"]["mid"] for e in only[0]["messaging"]] == ["mid.b2"]


async def test_a_whatsapp_batch_stores_each_message_with_only_its_senders_contact(meta_client):
    body = whatsapp_body([whatsapp_text("wamid.W1", "Hello"),
                          whatsapp_text("wamid.W2", "Hi", wa_id="447700900456")])
    body["entry"][0]["changes"][0]["value"]["contacts"].append(
        {"profile": {"name": "Sam Sample"}, "wa_id": "447700900456"})
    assert (await (await post(meta_client, body)).json())["created"] == 2
    for message in await rows(meta_client, Message):
        value = json.loads(message.raw)["entry"][0]["changes"][0]["value"]
        assert [c["wa_id"] for c in value["contacts"]] == [value["messages"][0]["from"]]


async def test_a_messenger_delivery_marks_what_we_sent(meta_client):
    async with meta_client.app[keys.DEPS].sessions() as session:
        session.add(Outbound(kind="acknowledgement", channel="facebook", recipient=PSID,
                             body_text="ack", status="sent", provider_id="m_SENT1"))
        await session.commit()
    delivery = {"sender": {"id": PSID}, "recipient": {"id": PAGE_ID},
                "delivery": {"mids": ["m_SENT1"], "watermark": 1458668856253}}
    assert (await post(meta_client, page_body([delivery]))).status == 200
    [out] = await rows(meta_client, Outbound)
    assert out.meta["delivery_status"] == "delivered"
    [event] = [e for e in await rows(meta_client, Event) if e.kind == "social.delivery"]
    assert event.data["outbound_ids"] == [out.id]


def test_comments_are_public_and_own_comments_are_echoes():
    [comment] = split(feed_comment("5000_9001", "Who do I call about the damp?"))
    msg = inbound_of(comment, NOW, {})
    assert msg.meta["public"] is True and msg.meta["comment_id"] == "5000_9001"
    assert (msg.channel, msg.sender.name) == ("facebook", "Tina Example")
    [own] = split(feed_comment("5000_9002", "Thanks for getting in touch", author=PAGE_ID))
    assert own.kind == ECHO
    [ig] = split(instagram_comment("17900000000000001", "Mould in the bathroom again"))
    parsed = inbound_of(ig, msg.received_at, {})
    assert (parsed.channel, parsed.meta["comment_id"], parsed.meta["username"]) == (
        "instagram", "17900000000000001", "tina.example")


async def test_media_is_fetched_up_to_the_limit(aiohttp_client, tmp_settings, fake_triager, graph):
    graph.files["photo.jpg"] = (b"\xff\xd8\xff\xe0" + b"0" * 100, "image/jpeg")
    graph.files["huge.jpg"] = (b"\xff\xd8\xff\xe0" + b"0" * 5000, "image/jpeg")
    graph.files["wa-1"] = (b"\x89PNG\r\n\x1a\n" + b"1" * 50, "image/png")
    settings = meta_settings(tmp_settings, graph_base_url=graph.url, whatsapp_token=WHATSAPP_TOKEN)
    settings = load_settings(None, **{**settings.model_dump(), "uploads": {"max_file_bytes": 1000}})
    client = await aiohttp_client(make_app(settings, triager=fake_triager, run_workers=False))
    attachments = [{"type": "image", "payload": {"url": f"{graph.url}/cdn/{n}"}} for n in ("photo.jpg", "huge.jpg")]
    assert (await post(client, page_body([direct_message("mid.media", "Photos", attachments=attachments)]))).status == 200
    wa = {"from": WA_ID, "id": "wamid.MEDIA1", "timestamp": "1700000000", "type": "image",
          "image": {"id": "wa-1", "mime_type": "image/png", "caption": "The damp patch"}}
    assert (await post(client, whatsapp_body([wa]))).status == 200
    kept = await rows(client, Attachment)
    assert [(a.filename, a.size) for a in kept] == [("image-1.jpg", 104), ("image-1.png", 58)]
    messenger = (await rows(client, Message, Message.external_id == "mid.media"))[0]
    assert messenger.meta["attachments"][1]["refused"] == "larger than the 1000-byte upload limit"
    lookups = [r for r in graph.requests if r.path.endswith("/wa-1") or r.path == "/media/wa-1"]
    assert [r.authorization for r in lookups] == [f"Bearer {WHATSAPP_TOKEN}"] * 2
    await client.app[keys.PIPELINE].run_due()
    [messenger] = await rows(client, Message, Message.external_id == "mid.media")
    assert "[image not kept: larger than the 1000-byte upload limit]" in messenger.text


def test_parse_refuses_a_payload_without_exactly_one_message(tmp_settings):
    from channels.social_meta import MetaChannel
    channel = MetaChannel(settings=tmp_settings, submit=None)
    two = page_body([direct_message("mid.1", "a"), direct_message("mid.2", "b")])
    raw = RawMessage(source="meta", channel="facebook", external_id="mid.1", payload=encode(two),
                     content_type="application/json", received_at=NOW)
    with pytest.raises(ParseError, match="2 messages"):
        channel.parse(raw)
    one = whatsapp_body([whatsapp_text("wamid.P1", "Hello")])
    parsed = channel.parse(RawMessage(**{**raw.__dict__, "payload": encode(one)}))
    assert (parsed.channel, parsed.body, parsed.sender.phone) == ("whatsapp", "Hello", "+447700900123")
