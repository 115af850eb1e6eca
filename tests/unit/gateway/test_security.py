"""Signed tokens, CSRF binding, the staff session cookie, and upload sniffing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from gateway import keys
from gateway.app import make_app
from gateway.security import SESSION_COOKIE, BadToken, Guard, Signer, sniff_type
from gateway.settings import load_settings
from models import StaffUser, utcnow
from tests.fixtures.web_form.forms import PASSWORD, add_staff, page_token, sign_in

ALLOWED = ("image/jpeg", "image/png", "application/pdf", "text/plain")


def test_signer_round_trip_and_refusals():
    now = utcnow()
    signer = Signer(b"key", "csrf")
    token = signer.sign({"s": "abc"}, now + timedelta(minutes=5))
    assert signer.unsign(token, now)["s"] == "abc"
    body, mac = token.split(".")
    with pytest.raises(BadToken, match="bad signature"):
        signer.unsign(f"{body[:-2]}xx.{mac}", now)
    with pytest.raises(BadToken, match="bad signature"):
        Signer(b"key", "staff-session").unsign(token, now)  # another purpose's key
    with pytest.raises(BadToken, match="bad signature"):
        Signer(b"other", "csrf").unsign(token, now)
    with pytest.raises(BadToken, match="expired"):
        signer.unsign(token, now + timedelta(minutes=6))
    for junk in (None, "", "no-dot", "a.b", "!!!.???"):
        with pytest.raises(BadToken):
            signer.unsign(junk, now)


def test_csrf_token_is_bound_to_the_visitors_cookie():
    guard, now = Guard(b"key"), utcnow()
    token = guard.issue_csrf("nonce-1", "submission-7", now)
    assert guard.verify_csrf("nonce-1", token, now) == "submission-7"
    with pytest.raises(BadToken, match="cookie"):
        guard.verify_csrf("nonce-2", token, now)
    with pytest.raises(BadToken, match="cookie"):
        guard.verify_csrf(None, token, now)


@pytest.mark.parametrize(("name", "declared", "data", "expected"), [
    ("a.jpg", "image/jpeg", b"\xff\xd8\xff\xe0rest", "image/jpeg"),
    ("a.png", "image/png", b"\x89PNG\r\n\x1a\nrest", "image/png"),
    ("scan.pdf", "application/octet-stream", b"%PDF-1.4 rest", "application/pdf"),
    ("notes.txt", "text/plain; charset=utf-8", b"plain words", "text/plain"),
    ("evil.jpg", "image/jpeg", b"MZ\x90\x00 a Windows program", None),
    ("evil.pdf", "application/pdf", b"\x7fELF binary", None),
    ("fake.png", "image/png", b"\xff\xd8\xff a jpeg", None),
    ("nul.txt", "text/plain", b"text\x00with nul", None),
    ("run.sh", "text/plain", b"#!/bin/sh\nrm -rf /", None),
    ("page.html", "text/html", b"<html>", None),
])
def test_sniff_type_checks_first_bytes(name, declared, data, expected):
    assert sniff_type(name, declared, data, ALLOWED) == expected


async def test_csrf_cookie_is_http_only_and_lax(client):
    resp = await client.get("/")
    morsel = resp.cookies["doorstep_csrf"]
    assert morsel["httponly"] and morsel["samesite"] == "Lax" and not morsel["secure"]
    again = await client.get("/")
    assert "doorstep_csrf" not in again.cookies  # the visitor keeps one nonce


async def test_session_cookie_flags(client):
    await add_staff(client)
    token = await page_token(client, "/staff/login")
    resp = await client.post("/staff/login", data={
        "csrf_token": token, "username": "sam", "password": PASSWORD}, allow_redirects=False)
    morsel = resp.cookies[SESSION_COOKIE]
    assert morsel["httponly"] and morsel["samesite"] == "Lax" and morsel["path"] == "/"
    assert int(morsel["max-age"]) == 9 * 3600 and not morsel["secure"]


async def test_secure_cookies_when_configured(aiohttp_client, tmp_settings, fake_triager):
    settings = load_settings(None, **{**tmp_settings.model_dump(mode="json"),
                                      "security": {"cookie_secure": True, "secret_key": "k"}})
    client = await aiohttp_client(make_app(settings, triager=fake_triager))
    resp = await client.get("/")
    assert resp.cookies["doorstep_csrf"]["secure"]


async def test_forged_session_cookie_is_refused(client):
    await add_staff(client)
    forged = Guard(b"not-the-key").sessions.sign({"u": "sam"}, utcnow() + timedelta(hours=1))
    client.session.cookie_jar.update_cookies({SESSION_COOKIE: forged})
    resp = await client.get("/staff", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/staff/login?next=/staff"


async def test_disabled_account_loses_its_session(client):
    await sign_in(client)
    assert (await client.get("/staff", allow_redirects=False)).status == 200
    async with client.app[keys.DEPS].sessions() as session:
        await session.execute(update(StaffUser).values(active=False))
        await session.commit()
    assert (await client.get("/staff", allow_redirects=False)).status == 303
