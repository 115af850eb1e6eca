"""The resident web form: rendering, parsing, submitting, refusing, and never storing bad input."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from channels.base import RawMessage
from channels.uploads import read_limited
from channels.web_form import WebFormChannel
from gateway import keys
from gateway.app import make_app
from gateway.errors import ParseError
from gateway.security import Guard
from gateway.settings import load_settings
from models import Attachment, Case, Message, Outbound, utcnow
from tests.conftest import FakeTriager, utc
from tests.fixtures.web_form.forms import RESIDENT, count, eventually, page_token, resident_form, rows

FIXTURES = Path(__file__).parents[2] / "fixtures" / "web_form"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
LABELS = ("Full name", "Email address", "Phone number", "How would you like us to contact you?",
          "Email", "Phone (text message)", "Post", "Postal address", "What happened?",
          "What would you like us to do to put things right? (optional)",
          "Upload photos or documents (optional)")


@pytest.fixture
def small_uploads(tmp_settings):
    """The test settings with a 1 KB file limit and at most two files."""
    return load_settings(None, **{**tmp_settings.model_dump(mode="json"),
                                  "uploads": {"max_file_bytes": 1024, "max_files": 2}})


@pytest.fixture
async def small_client(aiohttp_client, small_uploads, fake_triager):
    return await aiohttp_client(make_app(small_uploads, triager=fake_triager))


def channel() -> WebFormChannel:
    return WebFormChannel(settings=load_settings(None), submit=None, secret_key=b"k")


async def test_form_renders_every_label_and_no_script(client):
    resp = await client.get("/")
    html = await resp.text()
    assert resp.status == 200 and '<html lang="en"' in html
    assert "<script" not in html.lower()
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    for label in LABELS:
        assert f">{label}</" in html, label
    for field_id in re.findall(r'<(?:input|textarea)[^>]*\bid="([^"]+)"', html):
        assert f'for="{field_id}"' in html, f"input {field_id} has no label"
    assert 'enctype="multipart/form-data"' in html and 'name="csrf_token"' in html
    assert "HttpOnly" in resp.headers["Set-Cookie"] and "SameSite=Lax" in resp.headers["Set-Cookie"]
    assert "default-src 'self'" in resp.headers["Content-Security-Policy"]


def test_parse_fixture_into_inbound_message():
    payload = (FIXTURES / "submission.json").read_bytes()
    raw = RawMessage(source="web_form", channel="web_form", external_id="sub-1", payload=payload,
                     content_type="application/json", received_at=utc(2026, 11, 20, 10))
    msg = channel().parse(raw)
    assert msg.channel == "web_form" and msg.external_id == "sub-1"
    assert msg.sender.name == "Tina Example"
    assert msg.sender.email == "Tina.M@example.org"
    assert msg.sender.phone == "+447700900123"
    assert msg.body == "The damp in my bedroom is back.\nIt was painted over in May."
    assert msg.address == "Flat 3\n1 High Street\nLeeds LS1 1AA"
    assert msg.preferred_contact == "post"
    assert msg.meta == {"outcome": "Fix the cause, not the paint."}
    assert msg.received_at == utc(2026, 11, 20, 10)


@pytest.mark.parametrize("payload", [b"not json", b"[1, 2]", b'{"name": "x"}', b'{"details": 3}'])
def test_parse_refuses_a_broken_payload(payload):
    raw = RawMessage(source="web_form", channel="web_form", external_id="x", payload=payload,
                     content_type="application/json", received_at=utcnow())
    with pytest.raises(ParseError):
        channel().parse(raw)


async def test_good_submission_creates_case_shows_reference_and_sends_email(client, tmp_settings):
    token = await page_token(client)
    resp = await client.post("/", data=resident_form(token))
    html = await resp.text()
    assert resp.status == 200, html
    reference = re.search(r"DS-2026-\d{6}", html).group(0)
    [case] = await rows(client, Case)
    [message] = await rows(client, Message)
    assert case.reference == reference and message.case_id == case.id
    assert message.source == "web_form" and message.channel == "web_form"
    assert json.loads(message.raw) == RESIDENT  # exactly as typed
    assert message.sender_phone == "+447700900123" and message.meta["outcome"] == RESIDENT["outcome"]
    assert f"{case.ack_due:%B %Y}" in html and str(case.ack_due.day) in html
    assert resp.headers["Cache-Control"] == "no-store"
    emails = await eventually(lambda: list(tmp_settings.outbox.dir.glob("*.eml")))
    assert len(emails) == 1 and reference in emails[0].read_text()


async def test_repeated_submission_creates_nothing_and_shows_same_reference(client):
    token = await page_token(client)
    first = await (await client.post("/", data=resident_form(token))).text()
    second = await client.post("/", data=resident_form(token, details="Pressed the button twice"))
    reference = re.search(r"DS-2026-\d{6}", first).group(0)
    assert second.status == 200 and reference in await second.text()
    assert await count(client, Message) == 1 and await count(client, Case) == 1


async def test_missing_fields_reshow_form_with_summary_and_typed_values(client):
    token = await page_token(client)
    resp = await client.post("/", data=resident_form(
        token, name="", preferred_contact="", details="", email="kept@example.org",
        outcome="Keep <this> text"))
    html = await resp.text()
    assert resp.status == 400
    assert "<title>Error: " in html and "There is a problem" in html
    for field, message in (("name", "Enter your full name"), ("details", "Enter what happened"),
                           ("preferred_contact", "Select how you would like to be contacted")):
        assert f'<a href="#{field}">{message}</a>' in html
        assert f'id="{field}-error"' in html  # the inline error, joined to its input or fieldset:
        assert re.search(rf'aria-describedby="[^"]*\b{field}-error\b', html)
    assert 'value="kept@example.org"' in html
    assert "Keep &lt;this&gt; text</textarea>" in html
    assert await count(client, Message) == 0


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"email": "not-an-address"}, "email", "Enter an email address in the correct format"),
    ({"phone": "12"}, "phone", "Enter a phone number, like 07700 900 982"),
    ({"preferred_contact": "phone", "phone": ""}, "phone", "Enter a phone number for text messages"),
    ({"preferred_contact": "post"}, "address", "Enter an address for letters"),
    ({"details": "x" * 5001}, "details", "What happened must be 5,000 characters or fewer"),
    ({"outcome": "y" * 200_000}, "outcome", "What you would like us to do must be 2,000 characters"),
])
async def test_bad_contact_details_are_refused(client, overrides, field, message):
    token = await page_token(client)
    resp = await client.post("/", data=resident_form(token, **overrides))
    html = await resp.text()
    assert resp.status == 400 and f'<a href="#{field}">{message}' in html
    assert await count(client, Message) == 0


async def test_missing_csrf_token_is_forbidden(client):
    await page_token(client)
    resp = await client.post("/", data=resident_form(None))
    assert resp.status == 403 and "could not be sent" in await resp.text()
    assert await count(client, Message) == 0


async def test_forged_csrf_token_is_forbidden(client):
    await page_token(client)
    nonce = client.session.cookie_jar.filter_cookies(client.make_url("/"))["doorstep_csrf"].value
    forged = Guard(b"another-key").issue_csrf(nonce, "sub-1", utcnow())
    resp = await client.post("/", data=resident_form(forged))
    assert resp.status == 403
    assert await count(client, Message) == 0


async def test_token_from_another_visitor_is_forbidden(client):
    token = await page_token(client)
    client.session.cookie_jar.clear()
    await page_token(client)  # a new visitor's cookie, with someone else's token
    resp = await client.post("/", data=resident_form(token))
    assert resp.status == 403
    assert await count(client, Message) == 0


async def test_expired_csrf_token_is_forbidden(client, tmp_settings):
    await page_token(client)
    nonce = client.session.cookie_jar.filter_cookies(client.make_url("/"))["doorstep_csrf"].value
    key = tmp_settings.security.secret_key.get_secret_value().encode()
    stale = Guard(key).issue_csrf(nonce, "sub-1", utcnow() - timedelta(days=2))
    assert Guard(key).verify_csrf(nonce, Guard(key).issue_csrf(nonce, "s", utcnow()), utcnow()) == "s"
    resp = await client.post("/", data=resident_form(stale))
    assert resp.status == 403 and "open for too long" in await resp.text()
    assert await count(client, Message) == 0


class CountingPart:
    """A multipart part that counts how much of its body was read."""

    def __init__(self, size: int, chunk: int = 256) -> None:
        self.left, self.chunk, self.read = size, chunk, 0

    async def read_chunk(self, size: int = 8192) -> bytes:
        n = min(self.chunk, self.left)
        self.left -= n
        self.read += n
        return b"x" * n


async def test_read_limited_stops_as_soon_as_the_limit_is_passed():
    part = CountingPart(10 * 1024 * 1024)
    assert await read_limited(part, 1024) == (b"x" * 1024, True)
    assert part.read <= 1024 + part.chunk
    assert await read_limited(CountingPart(1000), 1024) == (b"x" * 1000, False)


async def test_oversized_file_is_refused_and_nothing_stored(small_client):
    token = await page_token(small_client)
    files = [("big.png", "image/png", PNG + b"\0" * 200_000)]
    resp = await small_client.post("/", data=resident_form(token, files=files, details="Typed text"))
    html = await resp.text()
    assert resp.status == 400
    assert '<a href="#attachments">The selected file big.png must be smaller than 1 KB</a>' in html
    assert "Typed text</textarea>" in html and "Choose them again" in html
    assert await count(small_client, Message) == 0 and await count(small_client, Attachment) == 0


async def test_token_is_checked_before_any_file_is_read(small_client):
    await page_token(small_client)
    files = [("big.png", "image/png", PNG + b"\0" * 200_000)]
    resp = await small_client.post("/", data=resident_form("forged.token", files=files))
    assert resp.status == 403
    assert await count(small_client, Message) == 0


async def test_disguised_executable_is_refused(small_client):
    token = await page_token(small_client)
    files = [("holiday.jpg", "image/jpeg", b"MZ\x90\x00" + b"\0" * 100)]
    resp = await small_client.post("/", data=resident_form(token, files=files))
    html = await resp.text()
    assert resp.status == 400 and "The selected file holiday.jpg must be a JPG" in html
    assert await count(small_client, Message) == 0


async def test_too_many_files_are_refused(small_client):
    token = await page_token(small_client)
    files = [(f"p{i}.png", "image/png", PNG) for i in range(3)]
    resp = await small_client.post("/", data=resident_form(token, files=files))
    assert resp.status == 400 and "Select up to 2 files" in await resp.text()
    assert await count(small_client, Message) == 0


async def test_attachments_are_stored_with_their_sha256(small_client):
    token = await page_token(small_client)
    pdf = b"%PDF-1.7\n" + b"1" * 100
    files = [("photo.png", "image/png", PNG), ("letter.pdf", "application/octet-stream", pdf)]
    resp = await small_client.post("/", data=resident_form(token, files=files))
    assert resp.status == 200, await resp.text()
    found = await rows(small_client, Attachment)
    assert [(a.filename, a.content_type, a.size) for a in found] == [
        ("photo.png", "image/png", len(PNG)), ("letter.pdf", "application/pdf", len(pdf))]
    blobs = small_client.app[keys.DEPS].blobs
    for row, data in zip(found, (PNG, pdf)):
        assert row.sha256 == hashlib.sha256(data).hexdigest() and blobs.get(row.sha256) == data


async def test_letter_reply_when_the_resident_chose_post(client, tmp_settings):
    token = await page_token(client)
    resp = await client.post("/", data=resident_form(
        token, preferred_contact="post", address="1 High Street\r\nLeeds LS1 1AA"))
    assert "by post" in await resp.text()
    [out] = await eventually(lambda: rows(client, Outbound))
    assert out.channel == "letter" and out.recipient == "1 High Street\nLeeds LS1 1AA"


async def test_hostile_html_is_escaped_when_the_form_is_shown_again(client):
    token = await page_token(client)
    resp = await client.post("/", data=resident_form(token, name='"><script>alert(1)</script>',
                                                     details=""))
    html = await resp.text()
    assert "<script>" not in html and "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


class BrokenTriager(FakeTriager):
    def classify(self, inp):
        raise RuntimeError("model unavailable")


async def test_message_is_kept_and_thanked_when_the_pipeline_fails(aiohttp_client, tmp_settings):
    client = await aiohttp_client(make_app(tmp_settings, triager=BrokenTriager()))
    token = await page_token(client)
    resp = await client.post("/", data=resident_form(token))
    html = await resp.text()
    assert resp.status == 200 and "safely received" in html and "DS-2026" not in html
    assert await count(client, Message) == 1


@pytest.mark.parametrize(("content_type", "body"), [
    ("multipart/form-data", b"no boundary"),
    ("multipart/form-data; boundary=xyz",
     b'--xyz\r\nContent-Disposition: form-data; name="details"\r\n\r\ncut'),
])
async def test_malformed_multipart_is_a_bad_request(client, content_type, body):
    await page_token(client)
    resp = await client.post("/", data=body, headers={"Content-Type": content_type})
    assert resp.status == 400 and "malformed multipart body" in await resp.text()
    assert await count(client, Message) == 0
