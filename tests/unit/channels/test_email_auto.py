"""Mail no person wrote: auto-replies, out-of-office notes, bounces and receipts are recognised."""

from __future__ import annotations

from pathlib import Path

import pytest

from channels.email_auto import auto_reply_reason
from channels.email_parse import parse_email

FIXTURES = Path(__file__).parents[2] / "fixtures" / "email"


def reason(headers=None, sender="jane@example.org", ctype="text/plain", subject="Boiler"):
    return auto_reply_reason({k.lower(): [v] for k, v in (headers or {}).items()}, sender, ctype, subject)


@pytest.mark.parametrize(("headers", "want"), [
    ({"Auto-Submitted": "auto-replied"}, "Auto-Submitted: auto-replied"),
    ({"Auto-Submitted": "auto-generated; owner-email=x@example.org"}, "Auto-Submitted: auto-generated"),
    ({"X-Autoreply": "yes"}, "X-Autoreply: yes"),
    ({"X-Autorespond": "Out of office"}, "X-Autorespond: out of office"),
    ({"Precedence": "bulk"}, "Precedence: bulk"),
    ({"Precedence": "junk"}, "Precedence: junk"),
    ({"Precedence": "list"}, "Precedence: list"),
    ({"Precedence": "auto_reply"}, "Precedence: auto_reply"),
    ({"X-Auto-Response-Suppress": "All"}, "X-Auto-Response-Suppress: All"),
    ({"X-Auto-Response-Suppress": "DR, OOF, AutoReply"}, "X-Auto-Response-Suppress: DR, OOF, AutoReply"),
    ({"Return-Path": "<>"}, "Return-Path: <>"),
    ({"X-Failed-Recipients": "nobody@example.org"}, "X-Failed-Recipients: nobody@example.org"),
])
def test_each_header_kind(headers: dict, want: str) -> None:
    assert reason(headers) == want


@pytest.mark.parametrize("headers", [
    {"Auto-Submitted": "no"}, {"Auto-Submitted": "No "}, {"Precedence": "normal"},
    {"X-Auto-Response-Suppress": "RN, NRN"}, {"Return-Path": "<jane@example.org>"},
])
def test_ordinary_headers_are_not_automatic(headers: dict) -> None:
    assert reason(headers) is None


@pytest.mark.parametrize("sender", ["MAILER-DAEMON@mx.example.org", "postmaster@example.org", "mailer-daemon"])
def test_machine_senders(sender: str) -> None:
    assert reason(sender=sender).startswith("sender: ")


@pytest.mark.parametrize("ctype", ["multipart/report", "message/delivery-status"])
def test_report_types(ctype: str) -> None:
    assert reason(ctype=ctype) == ctype


@pytest.mark.parametrize("subject", [
    "Out of Office: Your repair request", "Automatic reply: Boiler", "Auto-Reply: Boiler",
    "Autoreply: Boiler", "RE: Out of the office", "Abwesenheitsnotiz: Heizung",
    "Automatische Antwort: Heizung", "Réponse automatique : Chauffage", "Absence du bureau",
    "Automatisch antwoord: lek", "Odpowiedź automatyczna: Ogrzewanie", "Automatisk svar: Värme",
    "Respuesta automática: Calefacción", "Resposta automática: aquecimento",
    "Risposta automatica: Riscaldamento", "Ateb awtomatig: Gwres", "Undeliverable: Boiler",
    "Delivery Status Notification (Failure)", "Mail delivery failed: returning message to sender",
])
def test_out_of_office_and_bounce_subjects(subject: str) -> None:
    assert reason(subject=subject).startswith("subject: ")


@pytest.mark.parametrize("subject", [
    "Out of office hours repair needed", "Re: Boiler", "Reply about my repair", "Leave me alone!",
    "Readings for the meter", None,
])
def test_ordinary_subjects_are_not_automatic(subject) -> None:
    assert reason(subject=subject) is None


def test_fixtures_end_to_end() -> None:
    ooo = parse_email((FIXTURES / "auto_reply_ooo.eml").read_bytes())
    assert ooo.is_auto_reply and ooo.auto_reply_reason == "Auto-Submitted: auto-replied"
    bounce = parse_email((FIXTURES / "bounce_report.eml").read_bytes())
    assert bounce.is_auto_reply and bounce.auto_reply_reason == "sender: mailer-daemon"
    person = parse_email((FIXTURES / "reply_gmail.eml").read_bytes())
    assert not person.is_auto_reply and person.auto_reply_reason is None
