"""The JSON API: create, repeat, read back, and every kind of bad input."""

from __future__ import annotations

from tests.conftest import API_KEY, api_message


async def test_post_creates_case_and_ack(client, auth, tmp_settings):
    resp = await client.post("/api/v1/messages", json=api_message(), headers=auth)
    assert resp.status == 201, await resp.text()
    body = await resp.json()
    assert body["category"] == "service_request"
    assert body["case_reference"].startswith("DS-2026-")
    assert body["review"] is False
    assert body["confidence"] == 0.9
