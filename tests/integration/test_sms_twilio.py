"""SMS end to end: signed webhooks into the gateway, replies out through the real twilio library.

The gateway sits "behind a proxy" at PUBLIC_URL (which Twilio signs); its Twilio client is
pointed at a local Twilio (``fake_twilio.py``) that speaks the REST wire format, checks basic
auth and serves MMS media. Fake people only: 07700 900xxx numbers, example.org.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

import pytest

from channels.base import Outgoing
from channels.sms_segments import segments
from gateway import keys
from gateway.app import make_app
from gateway.opt_outs import OPTED_OUT
from models import Attachment, Case, Event, Message, MessageStatus, Outbound, Resident
from models.outbound import OutboundStatus
from tests.conftest import api_message
from tests.fixtures.sms.twilio import (
    PUBLIC_URL, RESIDENT_PHONE, SMS_PATH, STATUS_PATH, TOKEN, inbound, new_sid, post_signed,
    settle, sms_settings, status_report,
)
from tests.fixtures.web_form.forms import count, eventually, rows
from tests.integration.fake_twilio import ACCOUNT_SID, FakeTwilioServer

JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 2048
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 512


@pytest.fixture
async def twilio():
    async with FakeTwilioServer() as fake:
        fake.auth_token = TOKEN
        yield fake


@pytest.fixture
def settings(tmp_settings, twilio):
    return sms_settings(tmp_settings, twilio.url, uploads={"max_file_bytes": 64 * 1024})


@pytest.fixture
async def gateway(aiohttp_client, settings, fake_triager):
    client = await aiohttp_client(make_app(settings, triager=fake_triager))
    yield client
    await settle(client)


async def outbound_rows(client, **where):
    found = await rows(client, Outbound)
    return [o for o in found if all(getattr(o, k) == v for k, v in where.items())]


async def settled(client, status=OutboundStatus.SENT, n=1):
    """Wait until ``n`` outbound rows have reached ``status``; return them."""
    async def check():
        done = await outbound_rows(client, status=status)
        return done if len(done) >= n else None
    found = await eventually(check, timeout=5)
    assert found, [(o.status, o.last_error) for o in await rows(client, Outbound)]
    return found


async def test_a_signed_sms_becomes_a_case_and_the_acknowledgement_goes_through_twilio(gateway, twilio):
    resp = await post_signed(gateway, SMS_PATH, inbound())
    assert resp.status == 200
    [out] = await settled(gateway)
    [case] = await rows(gateway, Case)
    [sent] = twilio.sent
    assert sent["To"] == RESIDENT_PHONE and sent["From"] == "+447700900000"
    assert case.reference in sent["Body"] and case.category == "service_request"
    assert segments(sent["Body"])[1] <= 2
    assert sent["StatusCallback"] == PUBLIC_URL + STATUS_PATH
    assert out.provider_id.startswith("SM") and out.recipient == RESIDENT_PHONE
    assert out.channel == "sms" and out.attempts == 1


async def test_a_replayed_delivery_creates_nothing_new(gateway, twilio):
    form = inbound()
    await post_signed(gateway, SMS_PATH, form)
    await settled(gateway)
    resp = await post_signed(gateway, SMS_PATH, form)
    assert resp.status == 200
    assert await count(gateway, Message) == await count(gateway, Case) == 1
    assert await count(gateway, Outbound) == 1 and len(twilio.sent) == 1


async def test_a_forged_sms_sends_nothing(gateway, twilio):
    resp = await post_signed(gateway, SMS_PATH, inbound(), token="not-the-token")
    assert resp.status == 403
    assert await count(gateway, Message) == 0 and twilio.sent == []
    assert [e.kind for e in await rows(gateway, Event)] == ["security.signature_invalid"]


async def test_mms_media_are_fetched_with_auth_and_stored(gateway, twilio, settings):
    sid = new_sid("MM")
    media = [(twilio.add_media(sid, JPEG), "image/jpeg"),
             (twilio.add_media(sid, PNG, "image/png", chunked=True), "image/png")]
    resp = await post_signed(gateway, SMS_PATH, inbound("Photo of the leak", sid=sid, media=media))
    assert resp.status == 200
    [message] = await rows(gateway, Message)
    stored = await rows(gateway, Attachment)
    assert [(a.filename, a.content_type, a.size, a.refused) for a in stored] == [
        ("mms-0.jpg", "image/jpeg", len(JPEG), None), ("mms-1.png", "image/png", len(PNG), None)]
    assert stored[0].sha256 == hashlib.sha256(JPEG).hexdigest()
    assert gateway.app[keys.DEPS].blobs.get(stored[1].sha256) == PNG
    assert all(h.get("Authorization", "").startswith("Basic ") for h in twilio.media_requests)
    assert message.raw == urlencode(inbound("Photo of the leak", sid=sid, media=media)).encode()


async def test_credentials_are_not_passed_on_to_the_cdn(gateway, twilio):
    """Twilio's media URLs redirect to a CDN on another origin, which must not get the token."""
    sid = new_sid("MM")
    url = twilio.add_media(sid, JPEG, redirect=True)
    assert (await post_signed(gateway, SMS_PATH, inbound("Photo", sid=sid,
                                                         media=[(url, "image/jpeg")]))).status == 200
    [stored] = await rows(gateway, Attachment)
    assert stored.refused is None and stored.size == len(JPEG)
    api, cdn = twilio.media_requests
    assert api.get("Authorization", "").startswith("Basic ") and "Authorization" not in cdn


@pytest.mark.parametrize("chunked", [False, True], ids=["declared-length", "streamed"])
async def test_an_oversized_media_is_refused_and_recorded_while_the_message_is_kept(
        gateway, twilio, chunked):
    sid = new_sid("MM")
    big = JPEG + b"\0" * (200 * 1024)
    media = [(twilio.add_media(sid, big, chunked=chunked), "image/jpeg"),
             (twilio.add_media(sid, PNG, "image/png"), "image/png")]
    resp = await post_signed(gateway, SMS_PATH, inbound("Two photos", sid=sid, media=media))
    assert resp.status == 200
    [message] = await rows(gateway, Message)
    found = {a.filename: a for a in await rows(gateway, Attachment)}
    assert found["mms-0.jpg"].refused == f"larger than the {64 * 1024}-byte limit"
    assert found["mms-0.jpg"].sha256 == ""
    assert found["mms-1.png"].refused is None
    assert message.meta["media"][0]["refused"] and message.meta["media"][1]["refused"] is None
    await settled(gateway)  # the message itself goes on to a case and an acknowledgement


async def test_media_not_on_the_twilio_api_is_never_fetched(gateway, twilio):
    sid = new_sid("MM")
    form = inbound("Photo", sid=sid, media=[("https://elsewhere.example.org/x.jpg", "image/jpeg")])
    assert (await post_signed(gateway, SMS_PATH, form)).status == 200
    [refused] = await rows(gateway, Attachment)
    assert refused.refused == "media URL is not on the Twilio API"
    assert twilio.media_requests == []


async def test_stop_then_a_new_message_sends_nothing_and_start_re_enables(gateway, twilio):
    await post_signed(gateway, SMS_PATH, inbound("STOP"))
    await post_signed(gateway, SMS_PATH, inbound("There is a leak in the bathroom"))
    [skipped] = await settled(gateway, OutboundStatus.SKIPPED)
    assert skipped.last_error == OPTED_OUT and skipped.recipient == RESIDENT_PHONE
    assert twilio.sent == []
    resp = await post_signed(gateway, SMS_PATH, inbound("START"))
    assert "again" in await resp.text()
    await post_signed(gateway, SMS_PATH, inbound("The leak is worse, please repair it"))
    await settled(gateway)
    assert [s["To"] for s in twilio.sent] == [RESIDENT_PHONE]
    statuses = {m.text: m.status for m in await rows(gateway, Message)}
    assert statuses["STOP"] == statuses["START"] == MessageStatus.IGNORED


async def test_an_sms_queued_before_stop_is_not_sent_after_it(gateway, twilio):
    await post_signed(gateway, SMS_PATH, inbound("STOP"))
    deliverer = gateway.app[keys.OUTBOX].deliverer_for("sms")
    result = await deliverer.send(Outgoing(outbound_id=1, channel="sms", recipient=RESIDENT_PHONE,
                                           subject=None, body_text="Example Homes: hello",
                                           body_html=None))
    assert (result.ok, result.retry, result.error) == (False, False, OPTED_OUT)
    assert twilio.sent == []


async def test_help_gets_the_landlords_details_and_no_api_call(gateway, twilio, settings):
    resp = await post_signed(gateway, SMS_PATH, inbound("info"))
    assert settings.landlord.phone in await resp.text()
    [message] = await rows(gateway, Message)
    await eventually(lambda: _is_ignored(gateway), timeout=5)
    assert twilio.sent == [] and await count(gateway, Outbound) == 0


async def _is_ignored(client):
    [message] = await rows(client, Message)
    return message.status == MessageStatus.IGNORED


async def test_429_then_success_is_retried(gateway, twilio):
    twilio.fail_next(429)
    await post_signed(gateway, SMS_PATH, inbound())
    [out] = await settled(gateway)
    assert out.attempts == 2 and len(twilio.sent) == 2
    failed = [e for e in await rows(gateway, Event) if e.kind == "outbound.attempt_failed"]
    assert "Twilio 429 error 20429" in failed[0].data["error"]


async def test_a_500_is_retried_too(gateway, twilio):
    twilio.fail_next(500)
    await post_signed(gateway, SMS_PATH, inbound())
    [out] = await settled(gateway)
    assert out.attempts == 2


async def test_an_invalid_number_is_a_permanent_failure(gateway, twilio):
    twilio.fail_next(400, 21211, "The 'To' number +447700900123 is not a valid phone number.")
    await post_signed(gateway, SMS_PATH, inbound())
    [out] = await settled(gateway, OutboundStatus.FAILED)
    assert out.attempts == 1 and len(twilio.sent) == 1
    assert "21211" in out.last_error and "not a valid phone number" in out.last_error


async def test_wrong_credentials_are_refused_by_twilio(aiohttp_client, tmp_settings, twilio, fake_triager):
    twilio.auth_token = "rotated-token"
    client = await aiohttp_client(make_app(sms_settings(tmp_settings, twilio.url), triager=fake_triager))
    await post_signed(client, SMS_PATH, inbound())
    [out] = await settled(client, OutboundStatus.FAILED)
    assert "Twilio 401 error 20003" in out.last_error and twilio.sent == []
    await settle(client)


async def test_the_status_callback_records_delivered_and_failed(gateway, twilio):
    await post_signed(gateway, SMS_PATH, inbound())
    await post_signed(gateway, SMS_PATH, inbound("Another leak, in the hall"))
    first, second = await settled(gateway, n=2)
    resp = await post_signed(gateway, STATUS_PATH, status_report(first.provider_id, "sent"))
    assert resp.status == 204
    await post_signed(gateway, STATUS_PATH, status_report(first.provider_id, "delivered"))
    await post_signed(gateway, STATUS_PATH, status_report(first.provider_id, "delivered"))
    await post_signed(gateway, STATUS_PATH, status_report(second.provider_id, "undelivered", "30003"))
    first, second = await rows(gateway, Outbound)
    assert first.status == OutboundStatus.SENT and first.meta["delivery_status"] == "delivered"
    assert second.status == OutboundStatus.FAILED
    assert second.last_error == "undelivered: Twilio error 30003"
    kinds = [e.kind for e in await rows(gateway, Event)]
    assert kinds.count("outbound.delivered") == 1 and kinds.count("outbound.undelivered") == 1


async def test_the_same_person_texting_and_emailing_is_one_resident(gateway, twilio, auth):
    resp = await gateway.post("/api/v1/messages", json=api_message(), headers=auth)
    assert resp.status in (200, 201, 202), await resp.text()
    await post_signed(gateway, SMS_PATH, inbound("Any news about my sink?"))
    await eventually(lambda: _all_done(gateway), timeout=5)
    [resident] = await rows(gateway, Resident)
    assert {m.resident_id for m in await rows(gateway, Message)} == {resident.id}


async def _all_done(client):
    return all(m.is_done for m in await rows(client, Message))


def test_the_fake_speaks_for_one_account():
    assert ACCOUNT_SID.startswith("AC") and len(ACCOUNT_SID) == 34


async def test_opt_outs_on_postgres(aiohttp_client, pg_settings, twilio, fake_triager):
    """The opt-out upsert and the queue-time check on PostgreSQL."""
    client = await aiohttp_client(make_app(sms_settings(pg_settings, twilio.url), triager=fake_triager))
    await post_signed(client, SMS_PATH, inbound("STOP"))
    await post_signed(client, SMS_PATH, inbound("stop"))
    await post_signed(client, SMS_PATH, inbound("There is a leak in the bathroom"))
    [skipped] = await settled(client, OutboundStatus.SKIPPED)
    assert skipped.last_error == OPTED_OUT and twilio.sent == []
    await post_signed(client, SMS_PATH, inbound("START"))
    await post_signed(client, SMS_PATH, inbound("The leak is worse, please repair it"))
    await settled(client)
    assert len(twilio.sent) == 1
    await settle(client)
