"""Staff entry: contacts keyed in by the Customer Services Team, on the channel they came by."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from channels.base import RawMessage
from channels.staff_entry import StaffEntryChannel, contact_time
from gateway.errors import ParseError
from gateway.settings import load_settings
from models import Case, Message, Outbound, utcnow
from tests.conftest import utc
from tests.fixtures.web_form.forms import count, page_token, rows, sign_in

LONDON = ZoneInfo("Europe/London")


def entry(token: str, **overrides) -> dict[str, str]:
    fields = {
        "csrf_token": token, "channel": "phone", "name": "Ray Resident", "email": "",
        "phone": "07700 900456", "preferred_contact": "phone", "address": "",
        "contact_day": "3", "contact_month": "3", "contact_year": "2026", "contact_time": "14:30",
        "details": "Called to say the boiler has broken again.", "outcome": "A new boiler",
    }
    return {**fields, **overrides}


def channel() -> StaffEntryChannel:
    return StaffEntryChannel(settings=load_settings(None), submit=None, secret_key=b"k")


def test_contact_time_converts_london_time_to_utc():
    now = utc(2026, 11, 22, 12)
    winter = {"contact_day": "3", "contact_month": "3", "contact_year": "2026", "contact_time": "14:30"}
    summer = {**winter, "contact_month": "7", "contact_time": "9.05"}
    assert contact_time(winter, LONDON, now) == utc(2026, 3, 3, 14, 30)
    assert contact_time(summer, LONDON, now) == utc(2026, 7, 3, 8, 5)  # BST is UTC+1
    no_such_day = {**winter, "contact_day": "31", "contact_month": "2"}
    assert contact_time(no_such_day, LONDON, now).field == "contact_at"
    assert contact_time({**winter, "contact_time": "half two"}, LONDON, now).field == "contact_at"
    future = contact_time({**winter, "contact_year": "2027"}, LONDON, now)
    assert future.message == "The date and time of the contact must be in the past"


def test_parse_takes_the_channel_from_the_entry():
    payload = {"channel": "letter", "name": "Ray", "email": "", "phone": "07700 900456",
               "preferred_contact": "post", "address": "2 Low Road", "details": "A letter.\r\nSigned.",
               "outcome": "", "entered_by": "sam"}
    raw = RawMessage(source="staff_entry", channel="letter", external_id="s-1",
                     payload=json.dumps(payload).encode(), content_type="application/json",
                     received_at=utc(2026, 3, 3, 14, 30))
    msg = channel().parse(raw)
    assert msg.channel == "letter" and msg.body == "A letter.\nSigned."
    assert msg.sender.phone == "+447700900456" and msg.address == "2 Low Road"
    assert msg.meta == {"entered_by": "sam"} and msg.received_at == utc(2026, 3, 3, 14, 30)
    with pytest.raises(ParseError):
        sms = json.dumps({**payload, "channel": "sms"}).encode()
        channel().parse(RawMessage(**{**raw.__dict__, "payload": sms}))


@pytest.mark.parametrize(("chosen", "day", "time", "received"), [
    ("phone", "3", "14:30", utc(2026, 3, 3, 14, 30)),
    ("letter", "1", "09:00", utc(2026, 7, 1, 8, 0)),
    ("in_person", "2", "16:45", utc(2026, 10, 2, 15, 45)),
])
async def test_entry_creates_a_case_on_the_chosen_channel(client, chosen, day, time, received):
    await sign_in(client)
    token = await page_token(client, "/staff/entry")
    month = {"phone": "3", "letter": "7", "in_person": "10"}[chosen]
    resp = await client.post("/staff/entry", data=entry(
        token, channel=chosen, contact_day=day, contact_month=month, contact_time=time))
    html = await resp.text()
    assert resp.status == 200, html
    reference = re.search(r"DS-2026-\d{6}", html).group(0)
    assert f'href="/staff/cases/{reference}"' in html
    [message] = await rows(client, Message)
    assert message.channel == chosen and message.source == "staff_entry"
    assert message.received_at == received and message.meta["entered_by"] == "sam"
    assert message.sender_phone == "+447700900456" and message.meta["outcome"] == "A new boiler"
    [case] = await rows(client, Case)
    assert case.reference == reference and case.channel == chosen and case.received_at == received
    [out] = await rows(client, Outbound)
    assert out.channel == "sms" and out.recipient == "+447700900456"


async def test_entry_form_defaults_to_now_in_local_time(client):
    await sign_in(client)
    html = await (await client.get("/staff/entry")).text()
    now = utcnow().astimezone(LONDON)
    assert f'name="contact_year" type="text" inputmode="numeric" value="{now.year}"' in html
    assert 'name="contact_time" type="text" value="' in html and "<script" not in html


async def test_pressing_save_twice_records_one_contact(client):
    await sign_in(client)
    token = await page_token(client, "/staff/entry")
    first = await (await client.post("/staff/entry", data=entry(token))).text()
    second = await (await client.post("/staff/entry", data=entry(token))).text()
    assert re.search(r"DS-2026-\d{6}", first).group(0) in second
    assert await count(client, Message) == 1


async def test_entry_refuses_future_time_and_missing_fields(client):
    await sign_in(client)
    token = await page_token(client, "/staff/entry")
    tomorrow = utcnow().astimezone(LONDON) + timedelta(days=1)
    resp = await client.post("/staff/entry", data=entry(
        token, channel="", details="", name="<i>Ray</i>", contact_day=str(tomorrow.day),
        contact_month=str(tomorrow.month), contact_year=str(tomorrow.year)))
    html = await resp.text()
    assert resp.status == 400 and "<title>Error: " in html
    summary = html.split("There is a problem")[1].split("</ul>")[0]
    assert summary.index("#channel") < summary.index("#contact_at") < summary.index("#details")
    assert "Select how the resident contacted us" in summary and "Enter what the resident said" in summary
    assert "must be in the past" in summary and 'value="&lt;i&gt;Ray&lt;/i&gt;"' in html
    assert await count(client, Message) == 0


async def test_entry_needs_a_csrf_token(client):
    await sign_in(client)
    resp = await client.post("/staff/entry", data=entry(""))
    assert resp.status == 403
    assert await count(client, Message) == 0
