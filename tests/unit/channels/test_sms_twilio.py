"""The Twilio SMS adapter: signatures (Twilio's own vectors), parsing, keywords and the webhook."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from multidict import MultiDict
from sqlalchemy import select
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator

from channels.base import RawMessage
from channels.sms_keywords import EMPTY_TWIML, keyword_of, twiml
from channels.sms_twilio import TwilioSmsChannel
from channels.twilio_delivery import TwilioSmsDeliverer, failure
from channels.twilio_signature import is_valid_signature
from gateway import keys
from gateway.app import default_deliverers, make_app
from gateway.errors import ConfigError, ParseError
from gateway.opt_outs import is_opted_out
from gateway.settings import load_settings
from models import Event, Message, MessageStatus, SmsOptOut
from tests.conftest import SHARED, utc
from tests.fixtures.sms.twilio import (
    ACCOUNT_SID, FORM, OUR_NUMBER, PUBLIC_URL, RESIDENT_PHONE, SMS_PATH, STATUS_PATH, TOKEN,
    inbound, new_sid, post_signed, settle, sign, sms_settings, status_report,
)
from tests.fixtures.web_form.forms import count, eventually, rows

VECTORS = SHARED / "corpora" / "webhook-protocol-vectors" / "twilio_request_validator_vectors.json"


def vectors() -> dict:
    if not VECTORS.exists():
        pytest.skip(f"Twilio's request validator vectors are not present at {VECTORS}")
    return json.loads(VECTORS.read_text())


def vector_cases():
    if not VECTORS.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no vectors at {VECTORS}"))]
    return [pytest.param(case, id=case["name"]) for case in json.loads(VECTORS.read_text())["cases"]]


def vector_params(case: dict, data: dict):
    if "params_multi" in case:
        return MultiDict(case["params_multi"])
    params = case.get("params")
    if params == "same as compute_signature_form_params":
        params = next(c for c in data["cases"] if c["name"] == "compute_signature_form_params")["params"]
    return params


@pytest.mark.parametrize("case", vector_cases())
def test_twilio_vectors_validate(case):
    data = vectors()
    token, signature = data["auth_token"], case.get("expected_signature") or case["signature"]
    validator = RequestValidator(token)
    if "body" in case:  # a JSON body, covered by bodySHA256 in the query
        assert validator.compute_hash(case["body"]) == case["expected_body_sha256_hex"]
        assert validator.validate(case["url"], case["body"], signature)
        assert is_valid_signature(token, case["url"], {}, signature, case["body"])
        assert not is_valid_signature(token, case["url"], {}, signature, case["body"] + " ")
        return
    params = vector_params(case, data)
    assert validator.validate(case["url"], params, signature) is case["valid"]
    assert is_valid_signature(token, case["url"], params, signature) is case["valid"]
    assert not is_valid_signature("54321", case["url"], params, signature)
    assert not is_valid_signature(token, case["url"] + "&baz=3", params, signature)


def test_the_form_vector_signature_is_what_compute_signature_gives():
    data = vectors()
    case = data["cases"][0]
    assert RequestValidator(data["auth_token"]).compute_signature(
        case["url"], case["params"]) == case["expected_signature"]
    tampered = {**case["params"], "Digits": "9999"}
    assert not is_valid_signature(data["auth_token"], case["url"], tampered, case["expected_signature"])


def raw_sms(form, meta=None) -> RawMessage:
    sid = dict(form).get("MessageSid", "SM1")
    return RawMessage(source="sms", channel="sms", external_id=sid,
                      payload=urlencode(form).encode(), content_type=FORM,
                      received_at=utc(2026, 11, 20, 10), meta=meta or {})


def adapter() -> TwilioSmsChannel:
    return TwilioSmsChannel(settings=load_settings(None), submit=None)


def test_parse_gives_the_sender_in_e164_and_the_body_as_written():
    sid = new_sid()
    msg = adapter().parse(raw_sms(inbound("Still no heating at 4 Elm Row £ é", sid=sid)))
    assert msg.channel == "sms" and msg.external_id == sid
    assert msg.sender.phone == RESIDENT_PHONE and msg.sender.email is None
    assert msg.body == "Still no heating at 4 Elm Row £ é" and msg.subject is None
    assert not msg.is_auto_reply and msg.received_at == utc(2026, 11, 20, 10)
    assert msg.meta == {"sms_to": OUR_NUMBER}


def test_parse_a_national_number_and_a_short_code():
    assert adapter().parse(raw_sms(inbound(sender="07700 900123"))).sender.phone == RESIDENT_PHONE
    assert adapter().parse(raw_sms(inbound(sender="EXAMPLE"))).sender.phone is None


def test_parse_marks_a_keyword_message_as_set_aside():
    msg = adapter().parse(raw_sms(inbound("STOP"), meta={"sms_keyword": "stop"}))
    assert msg.is_auto_reply and msg.body == "STOP"


def test_parse_refuses_a_payload_without_a_body():
    form = [(k, v) for k, v in inbound() if k != "Body"]
    with pytest.raises(ParseError, match="Body"):
        adapter().parse(raw_sms(form))


@pytest.mark.parametrize("text", ["STOP", "stop", " Stop. ", "STOPALL", "stop all", "UNSUBSCRIBE",
                                  "cancel", "END", "quit", "OPTOUT", "revoke"])
def test_opt_out_words(text):
    assert keyword_of(text, opted_out=False) == "stop"


@pytest.mark.parametrize("text", ["START", "unstop", "Start!"])
def test_opt_in_words(text):
    assert keyword_of(text, opted_out=False) == "start"


def test_yes_opts_in_only_a_number_that_opted_out():
    assert keyword_of("Yes", opted_out=True) == "start"
    assert keyword_of("Yes", opted_out=False) is None  # an answer to a question, not a keyword


@pytest.mark.parametrize("text", ["stop the noise next door", "Help me please, the roof leaks",
                                  "the end", "", "STOP STOP"])
def test_sentences_are_not_keywords(text):
    assert keyword_of(text, opted_out=True) is None


def test_help_and_info():
    assert keyword_of("help", opted_out=False) == keyword_of("INFO", opted_out=True) == "help"


def test_twiml_is_escaped():
    assert twiml() == EMPTY_TWIML
    assert twiml("A & B <c>") == ('<?xml version="1.0" encoding="UTF-8"?>'
                                  "<Response><Message>A &amp; B &lt;c&gt;</Message></Response>")


@pytest.mark.parametrize(("status", "code", "retry"), [
    (429, 20429, True), (500, 20500, True), (503, 20503, True), (400, 21211, False),
    (401, 20003, False), (404, 20404, False),
])
def test_twilio_errors_are_retried_only_when_that_could_help(status, code, retry):
    result = failure(TwilioRestException(status, "https://api.twilio.com/x", "Unable to create record: no",
                                         code, "POST"))
    assert not result.ok and result.retry is retry
    assert f"Twilio {status} error {code}" in result.error


def test_an_unsubscribed_recipient_is_a_permanent_opt_out():
    result = failure(TwilioRestException(400, "u", "Attempt to send to unsubscribed recipient", 21610))
    assert result.error.startswith("recipient opted out") and result.retry is False


def test_twilio_is_a_deliverer_only_when_configured(tmp_settings):
    assert "sms" not in default_deliverers(tmp_settings)
    assert "sms" not in default_deliverers(sms_settings(tmp_settings))  # a token alone receives
    configured = default_deliverers(sms_settings(tmp_settings, "http://127.0.0.1:9"))
    assert isinstance(configured["sms"], TwilioSmsDeliverer)


def test_a_sender_is_required_to_send():
    with pytest.raises(ConfigError, match="twilio"):
        load_settings(None, twilio={"account_sid": ACCOUNT_SID})


def test_the_auth_token_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DOORSTEP_TWILIO_AUTH_TOKEN", "from-the-env")
    assert load_settings().twilio.auth_token.get_secret_value() == "from-the-env"


# The webhook over HTTP. The gateway sits behind a proxy at PUBLIC_URL: Twilio signs that address.

@pytest.fixture
def sms_app_settings(tmp_settings):
    return sms_settings(tmp_settings)


@pytest.fixture
async def sms_client(aiohttp_client, sms_app_settings, fake_triager):
    client = await aiohttp_client(make_app(sms_app_settings, triager=fake_triager))
    yield client
    await settle(client)


async def test_a_signed_sms_is_kept_and_answered_with_empty_twiml(sms_client):
    form = inbound()
    resp = await post_signed(sms_client, SMS_PATH, form)
    assert resp.status == 200 and resp.content_type == "text/xml"
    assert await resp.text() == EMPTY_TWIML
    [message] = await rows(sms_client, Message)
    assert message.raw == urlencode(form).encode() and message.external_id == dict(form)["MessageSid"]
    assert message.channel == message.source == "sms"
    assert await eventually(lambda: _status(sms_client, message.id, MessageStatus.ROUTED))


async def _status(client, message_id, status):
    [message] = await rows(client, Message, Message.id == message_id)
    return message.status == status


@pytest.mark.parametrize("signature", ["", "bm90IGEgc2lnbmF0dXJl"])
async def test_a_forged_or_missing_signature_is_refused_and_only_an_event_kept(sms_client, signature):
    resp = await post_signed(sms_client, SMS_PATH, inbound(), signature=signature)
    assert resp.status == 403 and resp.content_type == "application/problem+json"
    assert (await resp.json())["status"] == 403
    assert await count(sms_client, Message) == 0
    [event] = await rows(sms_client, Event)
    assert event.kind == "security.signature_invalid"
    assert event.data["channel"] == "sms" and event.data["remote"] == "127.0.0.1"
    assert event.data["reason"] == ("missing signature" if not signature else "signature does not match")
    assert "Body" not in json.dumps(event.data) and "leak" not in json.dumps(event.data)


async def test_a_signature_for_the_internal_address_is_refused(sms_client):
    internal = str(sms_client.make_url(SMS_PATH))
    resp = await post_signed(sms_client, SMS_PATH, inbound(), signed_url=internal)
    assert resp.status == 403


async def test_a_signature_with_another_token_is_refused(sms_client):
    resp = await post_signed(sms_client, SMS_PATH, inbound(), token="another-token")
    assert resp.status == 403


async def test_a_tampered_body_is_refused(sms_client):
    form = inbound()
    signature = sign(PUBLIC_URL + SMS_PATH, form)
    tampered = [(k, "I am someone else" if k == "Body" else v) for k, v in form]
    resp = await post_signed(sms_client, SMS_PATH, tampered, signature=signature)
    assert resp.status == 403 and await count(sms_client, Message) == 0


async def test_the_public_address_is_what_counts_behind_a_proxy(aiohttp_client, tmp_settings, fake_triager):
    """Twilio signed https://intake.example.org:443/…; the gateway sees another host and port."""
    settings = sms_settings(tmp_settings, server={"public_url": "https://intake.example.org/"})
    client = await aiohttp_client(make_app(settings, triager=fake_triager))
    form = inbound()
    resp = await post_signed(client, SMS_PATH + "?route=a", form,
                             signed_url="https://intake.example.org:443" + SMS_PATH + "?route=a")
    assert resp.status == 200, await resp.text()
    resp = await post_signed(client, SMS_PATH, inbound(), signed_url=PUBLIC_URL + SMS_PATH)
    assert resp.status == 403
    await settle(client)


async def test_without_an_auth_token_nothing_is_accepted(client):
    resp = await post_signed(client, SMS_PATH, inbound())
    assert resp.status == 403
    [event] = await rows(client, Event)
    assert event.data["reason"] == "no auth token configured"


@pytest.mark.parametrize("missing", ["MessageSid", "From", "Body"])
async def test_a_signed_but_malformed_payload_is_a_400_naming_the_field(sms_client, missing):
    form = [(k, v) for k, v in inbound() if k != missing]
    resp = await post_signed(sms_client, SMS_PATH, form)
    assert resp.status == 400
    problem = await resp.json()
    assert problem["errors"] == [{"field": missing, "message": "is required"}]
    assert await count(sms_client, Message) == 0


async def test_a_replayed_delivery_changes_nothing(sms_client):
    form = inbound()
    first = await post_signed(sms_client, SMS_PATH, form)
    again = await post_signed(sms_client, SMS_PATH, form)
    assert first.status == again.status == 200
    assert await count(sms_client, Message) == 1
    kinds = [e.kind for e in await rows(sms_client, Event)]
    assert kinds.count("message.received") == 1


async def test_stop_opts_out_and_is_not_a_contact(sms_client):
    resp = await post_signed(sms_client, SMS_PATH, inbound("Stop"))
    assert await resp.text() == EMPTY_TWIML
    [message] = await rows(sms_client, Message)
    assert await eventually(lambda: _status(sms_client, message.id, MessageStatus.IGNORED))
    async with sms_client.app[keys.DEPS].sessions() as session:
        assert await is_opted_out(session, RESIDENT_PHONE)
    kinds = [e.kind for e in await rows(sms_client, Event)]
    assert "sms.opted_out" in kinds and "message.ignored_auto_reply" in kinds
    [message] = await rows(sms_client, Message)
    assert message.case_id is None and message.meta["sms_keyword"] == "stop"


async def test_start_opts_back_in_and_a_replayed_stop_does_not_undo_it(sms_client):
    stop = inbound("STOP")
    await post_signed(sms_client, SMS_PATH, stop)
    resp = await post_signed(sms_client, SMS_PATH, inbound("start"))
    assert "you will get texts from us again" in await resp.text()
    await post_signed(sms_client, SMS_PATH, stop)  # Twilio retrying the old STOP
    async with sms_client.app[keys.DEPS].sessions() as session:
        [row] = (await session.scalars(select(SmsOptOut))).all()
    assert row.phone == RESIDENT_PHONE and row.opted_out_at and row.opted_in_at
    assert not row.is_opted_out


async def test_help_answers_with_the_landlords_details(sms_client, sms_app_settings):
    resp = await post_signed(sms_client, SMS_PATH, inbound("HELP"))
    text = await resp.text()
    landlord = sms_app_settings.landlord
    assert resp.content_type == "text/xml" and "<Message>" in text
    for detail in (landlord.name, landlord.phone, landlord.email, landlord.website):
        assert detail in text
    [message] = await rows(sms_client, Message)
    assert await eventually(lambda: _status(sms_client, message.id, MessageStatus.IGNORED))


async def test_a_status_report_for_an_unknown_message_is_accepted_and_ignored(sms_client):
    resp = await post_signed(sms_client, STATUS_PATH, status_report(new_sid(), "delivered"))
    assert resp.status == 204


async def test_a_status_report_must_be_signed(sms_client):
    resp = await post_signed(sms_client, STATUS_PATH, status_report(new_sid(), "delivered"),
                             signature="")
    assert resp.status == 403


async def test_the_opt_out_table_keeps_times(sms_client):
    await post_signed(sms_client, SMS_PATH, inbound("STOP ALL"))
    async with sms_client.app[keys.DEPS].sessions() as session:
        row = await session.scalar(select(SmsOptOut))
    assert row.opted_in_at is None
    assert abs(row.opted_out_at - sms_client.app[keys.DEPS].clock()) < timedelta(minutes=1)


async def test_help_is_answered_even_after_stop(sms_client, sms_app_settings):
    await post_signed(sms_client, SMS_PATH, inbound("STOP"))
    resp = await post_signed(sms_client, SMS_PATH, inbound("Help"))
    assert sms_app_settings.landlord.phone in await resp.text()


async def test_yes_from_a_number_that_never_opted_out_is_an_ordinary_message(sms_client):
    resp = await post_signed(sms_client, SMS_PATH, inbound("Yes"))
    assert await resp.text() == EMPTY_TWIML
    [message] = await rows(sms_client, Message)
    assert await eventually(lambda: _status(sms_client, message.id, MessageStatus.ROUTED))
    assert "sms_keyword" not in (await rows(sms_client, Message))[0].meta
