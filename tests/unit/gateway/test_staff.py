"""The staff pages: sign-in, the case list, a case, and the review of a case held for review."""

from __future__ import annotations

import re

import pytest

from gateway.staff import safe_next
from models import Case, Event, Outbound, TriageDecision
from models.case import CaseStatus
from tests.conftest import api_message
from tests.fixtures.web_form.forms import (
    PASSWORD, add_staff, count, eventually, page_token, resident_form, rows, sign_in,
)


async def submit_resident(client, **overrides) -> str:
    """Send the resident form and return the case reference shown."""
    token = await page_token(client)
    html = await (await client.post("/", data=resident_form(token, **overrides))).text()
    return re.search(r"DS-2026-\d{6}", html).group(0)


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/staff"), ("GET", "/staff/cases/DS-2026-000001"), ("GET", "/staff/entry"),
    ("POST", "/staff/review/DS-2026-000001"), ("POST", "/staff/entry"),
])
async def test_staff_pages_redirect_to_sign_in_without_a_session(client, method, path):
    resp = await client.request(method, path, allow_redirects=False)
    assert resp.status == 303
    assert resp.headers["Location"].startswith("/staff/login?next=")


async def test_failed_sign_in_shows_an_error_and_sets_no_session(client):
    await add_staff(client)
    token = await page_token(client, "/staff/login")
    resp = await client.post("/staff/login", data={
        "csrf_token": token, "username": "sam", "password": "wrong password!"}, allow_redirects=False)
    html = await resp.text()
    assert resp.status == 401 and "Enter a correct username and password" in html
    assert "<title>Error: Sign in" in html and 'value="sam"' in html
    assert "doorstep_staff" not in resp.cookies
    assert (await client.get("/staff", allow_redirects=False)).status == 303


async def test_repeated_failures_lock_the_account_out_even_with_the_right_password(client):
    await add_staff(client)
    token = await page_token(client, "/staff/login")
    for _ in range(5):
        resp = await client.post("/staff/login", data={
            "csrf_token": token, "username": "sam", "password": "guess"}, allow_redirects=False)
        assert resp.status == 401
    resp = await client.post("/staff/login", data={
        "csrf_token": token, "username": "sam", "password": PASSWORD}, allow_redirects=False)
    assert resp.status == 429 and "Too many failed attempts" in await resp.text()
    assert len([e for e in await rows(client, Event) if e.kind == "staff.sign_in_failed"]) == 5


async def test_error_pages_carry_the_hardening_headers(client):
    resp = await client.post("/staff/login", data={"username": "sam", "password": PASSWORD})
    assert resp.status == 403
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["X-Frame-Options"] == "DENY"


async def test_sign_in_needs_a_csrf_token(client):
    await add_staff(client)
    resp = await client.post("/staff/login", data={"username": "sam", "password": PASSWORD})
    assert resp.status == 403


async def test_sign_in_goes_to_the_page_asked_for_and_sign_out_ends_it(client):
    await add_staff(client)
    token = await page_token(client, "/staff/login?next=/staff/entry")
    resp = await client.post("/staff/login", data={
        "csrf_token": token, "username": "sam", "password": PASSWORD, "next": "/staff/entry"},
        allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/staff/entry"
    home = await client.get("/staff")
    assert home.status == 200 and "Sam Staff" in await home.text()
    token = re.search(r'name="csrf_token" value="([^"]+)"', await home.text()).group(1)
    out = await client.post("/staff/logout", data={"csrf_token": token}, allow_redirects=False)
    assert out.status == 303 and out.headers["Location"] == "/staff/login"
    assert (await client.get("/staff", allow_redirects=False)).status == 303
    assert [e.actor for e in await rows(client, Event, Event.kind == "staff.signed_in")] == ["sam"]


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/", "/staff/login"])
def test_sign_in_never_redirects_off_the_staff_pages(target):
    assert safe_next(target) == "/staff"


async def test_case_list_shows_review_queue_with_model_suggestion(client):
    reference = await submit_resident(client, details="I am unsure who to ask about my rent")
    await sign_in(client)
    html = await (await client.get("/staff")).text()
    queue = html.split("Waiting for review (1)")[1].split("Recent cases")[0]
    assert reference in queue and "30%" in queue and "keyword → enquiry" in queue
    assert "web form" in queue


async def test_hostile_html_is_escaped_on_the_staff_case_page(client):
    reference = await submit_resident(
        client, name="<script>alert('name')</script>", details="<img src=x onerror=alert(1)> leak",
        outcome="<b>bold</b>")
    await sign_in(client)
    resp = await client.get(f"/staff/cases/{reference}")
    html = await resp.text()
    assert resp.status == 200
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; leak" in html and "&lt;b&gt;bold&lt;/b&gt;" in html


async def test_case_page_shows_messages_decisions_and_acknowledgements(client, auth):
    resp = await client.post("/api/v1/messages", json=api_message(), headers=auth)
    reference = (await resp.json())["case_reference"]
    await eventually(lambda: rows(client, Outbound, Outbound.status == "sent"))
    await sign_in(client)
    html = await (await client.get(f"/staff/cases/{reference}")).text()
    assert "My kitchen sink has a leak" in html and "tina.m@example.org" in html
    assert "<td>model</td>" in html and "99%" in html
    outbound = html.split("<h2 class=\"heading-m\">Acknowledgements</h2>")[1].split("</table>")[0]
    assert "acknowledgement" in outbound and "sent" in outbound and "email" in outbound
    assert "case.created" in html and "message.received" in html


async def test_unknown_case_is_not_found(client):
    await sign_in(client)
    resp = await client.get("/staff/cases/DS-2026-999999")
    assert resp.status == 404 and "no case with that reference" in await resp.text()


async def review(client, reference: str, category: str, flags=()) -> object:
    html = await (await client.get(f"/staff/cases/{reference}")).text()
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    data = [("csrf_token", token), ("category", category), *(("flags", f) for f in flags)]
    return await client.post(f"/staff/review/{reference}", data=data, allow_redirects=False)


async def test_review_confirms_category_and_queues_the_acknowledgement(client, tmp_settings):
    reference = await submit_resident(client, details="Unsure if this counts: the lift is dirty")
    [case] = await rows(client, Case)
    assert case.status == CaseStatus.NEEDS_REVIEW and case.acknowledged_at is None
    [receipt] = await rows(client, Outbound)
    assert receipt.kind == "receipt"
    await sign_in(client)
    html = await (await client.get(f"/staff/cases/{reference}")).text()
    assert "Confirm and send acknowledgement" in html

    resp = await review(client, reference, "complaint", ["vulnerability"])
    assert resp.status == 303 and resp.headers["Location"] == f"/staff/cases/{reference}?reviewed=1"
    [case] = await rows(client, Case)
    assert case.status == CaseStatus.OPEN and case.category == "complaint" and case.stage == 1
    assert case.flags == ["vulnerability"] and case.queue == "complaints"
    assert case.acknowledged_at is not None and case.response_due is not None
    staff_decision = (await rows(client, TriageDecision))[-1]
    assert staff_decision.decided_by == "sam" and staff_decision.review is False
    assert staff_decision.category == "complaint" and staff_decision.case_id == case.id
    acks = await rows(client, Outbound, Outbound.kind == "acknowledgement")
    assert len(acks) == 1 and reference in acks[0].subject
    assert await eventually(lambda: len(list(tmp_settings.outbox.dir.glob("*.eml"))) == 2)
    [event] = await rows(client, Event, Event.kind == "case.reviewed")
    assert event.actor == "sam" and event.data["before"]["category"] == "enquiry"
    page = await (await client.get(resp.headers["Location"])).text()
    assert "Review saved" in page and "Confirm and send acknowledgement" not in page


async def test_a_case_can_be_reviewed_only_once(client):
    reference = await submit_resident(client, details="unsure about my rent statement")
    await sign_in(client)
    assert (await review(client, reference, "enquiry")).status == 303
    again = await review(client, reference, "complaint")
    assert again.status == 409 and "not waiting for review" in await again.text()
    assert await count(client, Outbound) == 2  # the receipt and one acknowledgement
    [case] = await rows(client, Case)
    assert case.category == "enquiry" and case.stage is None


async def test_review_refuses_an_unknown_category(client):
    reference = await submit_resident(client, details="unsure about my rent statement")
    await sign_in(client)
    resp = await review(client, reference, "<script>", ["not_a_flag"])
    assert resp.status == 400 and "Select the category of this case" in await resp.text()
    [case] = await rows(client, Case)
    assert case.status == CaseStatus.NEEDS_REVIEW


async def test_staff_decisions_become_training_examples(client, tmp_path):
    """The learning loop: a reviewer's correction is exported in the training corpus format."""
    import json

    from gateway.decisions import staff_decisions
    from gateway import keys
    from triage.corpus_io import load_corpus

    reference = await submit_resident(client, details="Unsure: third time the lift has broken")
    await submit_resident(client, details="The lift is broken again, I want this looked into")
    await sign_in(client)
    await review(client, reference, "complaint", ["vulnerability"])
    async with client.app[keys.DEPS].sessions() as session:
        records = await staff_decisions(session)
    assert len(records) == 1  # the model's own confident decision is not exported
    [record] = records
    assert record["label"] == "complaint" and record["flags"] == ["vulnerability"]
    assert record["text"] == "Unsure: third time the lift has broken"
    assert record["note"].startswith("staff decision by sam")
    corpus = tmp_path / "decisions.jsonl"
    corpus.write_text(json.dumps(record) + "\n")
    [example] = load_corpus([corpus])
    assert example.label.value == "complaint"
