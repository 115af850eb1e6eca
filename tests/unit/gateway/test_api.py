"""The JSON API: create, repeat, read back, and every kind of bad input."""

from __future__ import annotations

import asyncio
import io

import pytest
from sqlalchemy import func, select

from gateway import keys
from models import Case, Event, Message, Outbound
from tests.conftest import api_message


async def count(client, model) -> int:
    async with client.app[keys.DEPS].sessions() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def settled(client) -> list[int]:
    """Row counts once background work (the outbox's delivery) has stopped adding rows."""
    counts = None
    for _ in range(100):
        now = [await count(client, m) for m in (Message, Case, Outbound, Event)]
        if now == counts:
            return now
        counts = now
        await asyncio.sleep(0.05)
    raise AssertionError(f"rows still changing: {counts}")


async def test_post_creates_case_and_answers_with_it(client, auth):
    resp = await client.post("/api/v1/messages", json=api_message(), headers=auth)
    assert resp.status == 201, await resp.text()
    body = await resp.json()
    assert body["category"] == "service_request"
    assert body["case_reference"] == "DS-2026-000001"
    assert body["review"] is False
    assert body["confidence"] == 0.99
    assert body["flags"] == []
    assert isinstance(body["message_id"], int)


async def test_repeated_delivery_gives_same_answer_and_creates_nothing(client, auth):
    first = await client.post("/api/v1/messages", json=api_message(), headers=auth)
    before = await settled(client)
    again = await client.post("/api/v1/messages", json=api_message(text="different text"), headers=auth)
    assert again.status == 200
    assert await again.json() == await first.json()
    assert await settled(client) == before


async def test_get_message_and_case(client, auth):
    created = await (await client.post("/api/v1/messages", json=api_message(), headers=auth)).json()
    resp = await client.get("/api/v1/messages/api/ext-1", headers=auth)
    assert resp.status == 200
    message = await resp.json()
    assert message["case_reference"] == created["case_reference"]
    assert message["category"] == "service_request"
    assert message["sender"]["phone"] == "+447700900123"
    assert message["new_text"].startswith("My kitchen sink")

    case = await (await client.get(f"/api/v1/cases/{created['case_reference']}", headers=auth)).json()
    assert case["category"] == "service_request" and case["stage"] is None
    assert case["ack_due"] == "2026-11-27"  # Fri 20 Nov + 5 working days
    assert case["acknowledged_at"] is not None
    assert case["response_due"] is None  # repairs run to their own priorities
    assert [m["external_id"] for m in case["messages"]] == ["ext-1"]


async def test_complaint_deadlines_count_from_acknowledgement(client, auth):
    body = api_message(external_id="c-1", text="This is unacceptable, the leak is still not fixed.")
    created = await (await client.post("/api/v1/messages", json=body, headers=auth)).json()
    case = await (await client.get(f"/api/v1/cases/{created['case_reference']}", headers=auth)).json()
    assert case["category"] == "complaint" and case["stage"] == 1
    deps = client.app[keys.DEPS]
    acknowledged = deps.calendar.local_date(deps.clock())
    assert case["response_due"] == deps.calendar.add_working_days(acknowledged, 10).isoformat()


async def test_unknown_message_and_case_are_404(client, auth):
    resp = await client.get("/api/v1/messages/email/nope", headers=auth)
    assert resp.status == 404
    assert resp.content_type == "application/problem+json"
    assert (await client.get("/api/v1/cases/DS-2026-999999", headers=auth)).status == 404


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic x"}])
async def test_wrong_or_missing_key_is_401(client, headers):
    resp = await client.post("/api/v1/messages", json=api_message(), headers=headers)
    assert resp.status == 401
    assert (await resp.json())["title"] == "Unauthorized"
    assert await count(client, Message) == 0


async def test_malformed_json_is_400(client, auth):
    resp = await client.post("/api/v1/messages", data=b'{"channel": "api",',
                             headers={**auth, "Content-Type": "application/json"})
    assert resp.status == 400
    problem = await resp.json()
    assert problem["title"] == "Malformed JSON" and problem["status"] == 400
    assert await count(client, Message) == 0


async def test_wrong_content_type_is_415(client, auth):
    resp = await client.post("/api/v1/messages", data="channel=api", headers={
        **auth, "Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status == 415


@pytest.mark.parametrize("change, field", [
    ({"channel": "carrier_pigeon"}, "channel"),
    ({"text": ""}, "text"),
    ({"surprise": 1}, "surprise"),
    ({"sender": {"email": "not-an-address"}}, "sender.email"),
    ({"sender": {"phone": "12"}}, "sender.phone"),
    ({"sender": {"name": "A", "nickname": "B"}}, "sender.nickname"),
    ({"sender": {}}, "sender"),
    ({"received_at": "2026-11-20T10:00:00"}, "received_at"),
    ({"received_at": "yesterday"}, "received_at"),
])
async def test_invalid_fields_are_named(client, auth, change, field):
    resp = await client.post("/api/v1/messages", json=api_message(**change), headers=auth)
    assert resp.status == 422, await resp.text()
    problem = await resp.json()
    assert field in [e["field"] for e in problem["errors"]]
    assert await count(client, Message) == 0


async def test_missing_field_is_named(client, auth):
    body = api_message()
    del body["external_id"]
    problem = await (await client.post("/api/v1/messages", json=body, headers=auth)).json()
    assert problem["errors"] == [{"field": "external_id", "message": "Field required"}]


async def test_oversized_body_is_413(client, auth):
    big = io.BytesIO(b'{"text": "' + b"x" * 2_000_000 + b'"}')
    resp = await client.post("/api/v1/messages", data=big,
                             headers={**auth, "Content-Type": "application/json"})
    assert resp.status == 413
    assert resp.content_type == "application/problem+json"
    assert await count(client, Message) == 0


async def test_acknowledgement_lands_in_outbox_within_a_second(client, auth, tmp_settings):
    await client.post("/api/v1/messages", json=api_message(), headers=auth)
    deadline = asyncio.get_running_loop().time() + 1.0
    while not list(tmp_settings.outbox.dir.glob("*.eml")):
        assert asyncio.get_running_loop().time() < deadline, "no acknowledgement within a second"
        await asyncio.sleep(0.02)
    eml = next(tmp_settings.outbox.dir.glob("*.eml")).read_text()
    assert "To: tina.m@example.org" in eml
    assert "DS-2026-000001" in eml
    assert "Auto-Submitted: auto-replied" in eml


async def test_concurrent_duplicates_make_one_message(client, auth):
    answers = await asyncio.gather(*[
        client.post("/api/v1/messages", json=api_message(external_id="race"), headers=auth)
        for _ in range(5)
    ])
    statuses = sorted(r.status for r in answers)
    # one creates it (201, or 202 if a background worker took it first); the rest repeat it
    assert statuses[:4] == [200] * 4 and statuses[4] in (201, 202)
    assert len({(await r.json())["message_id"] for r in answers}) == 1
    assert await count(client, Message) == 1


async def test_healthz(client):
    body = await (await client.get("/healthz")).json()
    assert body["status"] == "ok" and "api" in body["channels"]
