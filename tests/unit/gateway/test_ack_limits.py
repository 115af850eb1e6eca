"""The per-address cap on email acknowledgements, through the API and the acknowledge stage."""

from __future__ import annotations

from datetime import timedelta

from gateway import keys
from gateway.ack_limits import ACK_LIMIT_REACHED, is_over_ack_limit
from gateway.app import make_app
from gateway.settings import load_settings
from models import Outbound, utcnow
from tests.conftest import api_message
from tests.fixtures.web_form.forms import rows


async def limited_client(aiohttp_client, tmp_settings, fake_triager, limit: int):
    settings = load_settings(None, **{**tmp_settings.model_dump(),
                                      "email": {"ack_limit_per_sender": limit}})
    return await aiohttp_client(make_app(settings, triager=fake_triager, run_workers=False))


async def post(client, auth, n: int, email: str = "tina.m@example.org") -> None:
    body = api_message(external_id=f"ext-{n}", text=f"Repair {n}: the window at flat {n} is broken.")
    body["sender"]["email"] = email
    resp = await client.post("/api/v1/messages", json=body, headers=auth)
    assert resp.status == 201, await resp.text()


async def test_acknowledgements_past_the_limit_are_skipped_and_say_why(
        aiohttp_client, tmp_settings, fake_triager, auth):
    client = await limited_client(aiohttp_client, tmp_settings, fake_triager, 2)
    for n in range(3):
        await post(client, auth, n, "Tina.M@example.org" if n == 1 else "tina.m@example.org")
    await post(client, auth, 3, "someone.else@example.org")
    found = [(o.recipient.lower(), o.status, o.last_error) for o in await rows(client, Outbound)]
    assert found == [
        ("tina.m@example.org", "queued", None),
        ("tina.m@example.org", "queued", None),
        ("tina.m@example.org", "skipped", ACK_LIMIT_REACHED),
        ("someone.else@example.org", "queued", None),
    ]


async def test_no_limit_when_set_to_zero(aiohttp_client, tmp_settings, fake_triager, auth):
    client = await limited_client(aiohttp_client, tmp_settings, fake_triager, 0)
    for n in range(3):
        await post(client, auth, n)
    assert {o.status for o in await rows(client, Outbound)} == {"queued"}


async def test_only_the_last_24_hours_and_only_email_count(aiohttp_client, tmp_settings,
                                                          fake_triager):
    client = await limited_client(aiohttp_client, tmp_settings, fake_triager, 1)
    deps = client.app[keys.DEPS]
    async with deps.sessions() as session:
        session.add(Outbound(kind="acknowledgement", channel="email", recipient="tina.m@example.org",
                             body_text="old", created_at=utcnow() - timedelta(hours=25)))
        session.add(Outbound(kind="acknowledgement", channel="sms", recipient="+447700900123",
                             body_text="sms"))
        await session.commit()
        assert not await is_over_ack_limit(session, deps, "email", "tina.m@example.org")
        assert not await is_over_ack_limit(session, deps, "sms", "+447700900123")
        assert not await is_over_ack_limit(session, deps, "email", None)
        session.add(Outbound(kind="receipt", channel="email", recipient="tina.m@example.org",
                             body_text="new", status="sent"))
        await session.commit()
        assert await is_over_ack_limit(session, deps, "email", "TINA.M@example.org")
