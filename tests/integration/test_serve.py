"""``doorstep serve`` as a real process: the bundled model, the local outbox, and a hard crash."""

from __future__ import annotations

import asyncio
import re
import time

import aiohttp
import pytest

from tests.conftest import API_KEY, api_message
from tests.integration.serve import Server

AUTH = {"Authorization": f"Bearer {API_KEY}"}
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
REFERENCE = re.compile(r"DS-20\d\d-\d{6}")


@pytest.fixture
def server(tmp_path):
    server = Server(tmp_path, API_KEY)
    server.start()
    yield server
    server.stop()


async def wait_for_files(folder, pattern, count, timeout):
    deadline = time.monotonic() + timeout
    while len(list(folder.glob(pattern))) < count:
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


async def test_api_message_gets_case_and_acknowledgement_within_a_second(server):
    body = api_message(text="I reported the damp in my son's bedroom in August and again in "
                            "October. Nobody has come and the mould is back. This is not good enough.")
    async with aiohttp.ClientSession() as http:
        started = time.monotonic()
        async with http.post(f"{server.url}/api/v1/messages", json=body, headers=AUTH) as resp:
            assert resp.status == 201, await resp.text()
            created = await resp.json()
        assert await wait_for_files(server.root / "outbox", "*.eml", 1, 1.0 - (time.monotonic() - started))
        async with http.get(f"{server.url}/api/v1/cases/{created['case_reference']}", headers=AUTH) as resp:
            case = await resp.json()
    assert created["category"] in {"complaint", "service_request"}  # the bundled model's decision
    assert 0 < created["confidence"] <= 1
    assert case["ack_due"] == "2026-11-27"
    eml = next((server.root / "outbox").glob("*.eml")).read_text()
    assert created["case_reference"] in eml


async def test_web_form_and_staff_entry_through_a_real_server(server):
    """A resident's form and a phone call keyed in by staff: each a case, each acknowledged."""
    password = "correct horse battery staple"
    added = server.doorstep("staff", "add", "alex", "--name", "Alex Example",
                            env={"DOORSTEP_STAFF_PASSWORD": password})
    assert added.returncode == 0, added.stderr
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        async with http.get(f"{server.url}/") as resp:
            token = TOKEN.search(await resp.text()).group(1)
        form = aiohttp.FormData(default_to_multipart=True)
        for name, value in {"csrf_token": token, "name": "Tina Example",
                            "email": "tina.m@example.org", "phone": "", "address": "",
                            "preferred_contact": "email", "outcome": "",
                            "details": "There is water coming through my bathroom ceiling."}.items():
            form.add_field(name, value)
        async with http.post(f"{server.url}/", data=form) as resp:
            assert resp.status == 200
            page = await resp.text()
        web_reference = REFERENCE.search(page).group(0)
        assert await wait_for_files(server.root / "outbox", "*.eml", 1, 1.0)

        async with http.get(f"{server.url}/staff/login") as resp:
            token = TOKEN.search(await resp.text()).group(1)
        async with http.post(f"{server.url}/staff/login", data={
                "csrf_token": token, "username": "alex", "password": password, "next": ""}) as resp:
            assert resp.status == 200
        async with http.get(f"{server.url}/staff/entry") as resp:
            token = TOKEN.search(await resp.text()).group(1)
        async with http.post(f"{server.url}/staff/entry", data={
                "csrf_token": token, "channel": "phone", "name": "Bob Sample",
                "email": "", "phone": "07700 900456", "address": "", "preferred_contact": "phone",
                "contact_day": "20", "contact_month": "11", "contact_year": "2026",
                "contact_time": "16:45", "outcome": "",
                "details": "Caller says the neighbours' dog barks all night every night."}) as resp:
            assert resp.status == 200, await resp.text()
            staff_reference = REFERENCE.search(await resp.text()).group(0)
        assert await wait_for_files(server.root / "outbox", "*-sms.txt", 1, 1.0)
        async with http.get(f"{server.url}/api/v1/cases/{staff_reference}", headers=AUTH) as resp:
            case = await resp.json()
    assert web_reference != staff_reference
    assert case["channel"] == "phone"
    assert case["received_at"] == "2026-11-20T16:45:00+00:00"
    assert case["ack_due"] == "2026-11-27"
    sms = next((server.root / "outbox").glob("*-sms.txt")).read_text()
    assert "To: +447700900456" in sms and staff_reference in sms


@pytest.fixture
def crash_server(tmp_path):
    server = Server(tmp_path, API_KEY)
    yield server
    server.stop()


async def test_hard_crash_loses_nothing_and_repeats_nothing(tmp_path, crash_server):
    server = crash_server
    server.start()
    async with aiohttp.ClientSession() as http:
        async def post(n):
            body = api_message(external_id=f"crash-{n}", sender={"email": f"r{n}@example.org"},
                               text=f"The light in the stairwell outside flat {n} is broken.")
            try:
                async with http.post(f"{server.url}/api/v1/messages", json=body, headers=AUTH) as resp:
                    return resp.status
            except aiohttp.ClientError:
                return None  # the crash cut this request off: the sender would retry

        first = [asyncio.create_task(post(n)) for n in range(30)]
        await asyncio.sleep(0.3)
        server.kill()
        statuses = await asyncio.gather(*first)
        server.start()
        # the senders retry everything that did not get a 2xx; repeats are harmless
        # (202: kept, and still being processed under this burst)
        retried = await asyncio.gather(*[post(n) for n in range(30)])
        assert all(status in (200, 201, 202) for status in retried), retried
        assert await wait_for_files(tmp_path / "outbox", "*.eml", 30, 20)
        answers = []
        for n in range(30):
            async with http.get(f"{server.url}/api/v1/messages/api/crash-{n}", headers=AUTH) as resp:
                answers.append(await resp.json())
    server.stop()
    assert all(a["case_reference"] for a in answers)
    assert len({a["case_reference"] for a in answers}) == 30  # one case each, none twice
    acknowledgements = list((tmp_path / "outbox").glob("*.eml"))
    assert len(acknowledgements) == 30, "an acknowledgement was sent twice"
    assert any(s is None or s == 201 for s in statuses)
