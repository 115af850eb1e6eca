"""``parse_email`` end to end on this repository's fixtures: MIME structure, files, malformed mail."""

from __future__ import annotations

import random
from dataclasses import FrozenInstanceError
from datetime import UTC, datetime
from pathlib import Path

import pytest

from channels.email_parse import ParsedEmail, parse_email
from gateway.errors import ParseError

FIXTURES = Path(__file__).parents[2] / "fixtures" / "email"


def parse(name: str) -> ParsedEmail:
    return parse_email((FIXTURES / name).read_bytes())


def test_reply_fields() -> None:
    p = parse("reply_gmail.eml")
    assert (p.from_address, p.from_name) == ("Jane.Doe@example.org", "Jane Doe")
    assert p.to == ("repairs@landlord.example.org",) and p.cc == ("housing.officer@landlord.example.org",)
    assert p.subject == "Re: Your repair request [Ref DS-1042]"
    assert p.date == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert p.message_id == "<CAF1234.reply@mail.example.org>"
    assert p.in_reply_to == "<ack-1042@landlord.example.org>"
    assert p.references == ("<req-1042@mail.example.org>", "<ack-1042@landlord.example.org>")
    assert p.body_text.startswith("The damp in the back bedroom") and p.body_text.endswith("this week?")
    assert p.signature == "Thanks,\nJane Doe\nFlat 3, 12 Example Road\n07700 900123"
    assert p.quoted_text.startswith("On Thu, 19 Nov 2026 at 09:12") and "DS-1042" in p.quoted_text
    assert "DS-1042" in p.text and not p.is_auto_reply and p.defects == ()
    with pytest.raises(FrozenInstanceError):
        p.subject = "changed"  # type: ignore[misc]


def test_html_only_mail_with_hostile_markup() -> None:
    p = parse("html_hostile.eml")
    assert p.subject == "Leak in the café kitchen"
    assert p.from_name == "Zoë Exámple"
    assert p.body_text.startswith("Water is leaking through the kitchen ceiling & the light")
    for leak in ("SCRIPT", "STYLE", "HIDDEN", "NOSCRIPT", "IFRAME", "SVG", "TEMPLATE", "TITLE", "injected"):
        assert leak not in p.text


def test_multipart_alternative_prefers_plain_text() -> None:
    assert parse("alternative.eml").text.startswith("PLAIN:")


def test_attachments_and_inline_images_keep_their_sizes() -> None:
    p = parse("attachments.eml")
    assert p.body_text == "Here are photos of the mould in the bathroom."
    got = [(a.filename, a.content_type, len(a.data)) for a in p.attachments]
    assert got[0][:2] == ("image-1.png", "image/png") and p.attachments[0].data.startswith(b"\x89PNG")
    assert got[1][:2] == ("bathroom.jpg", "image/jpeg") and p.attachments[1].data.startswith(b"\xff\xd8")
    assert got[2][:2] == ("tenancy letter £.pdf", "application/pdf")
    assert all(size > 0 for *_, size in got)


def test_calendar_invite_is_a_file_and_a_summary() -> None:
    p = parse("calendar_invite.eml")
    assert [(a.filename, a.content_type) for a in p.attachments] == [("invite.ics", "text/calendar")]
    assert p.body_text == "Calendar request: Damp survey, Flat 3 at 20261201T100000Z in 12 Example Road"


def test_forwarded_rfc822_is_quoted_and_the_note_is_the_body() -> None:
    p = parse("forwarded_rfc822.eml")
    assert p.body_text == "Please see the complaint below, still no reply."
    assert p.quoted_text.startswith("---------- Forwarded message ----------\nFrom: Chris Example")
    assert "loud music from flat 7" in p.quoted_text


def test_forwarded_inline_and_outlook_and_mobile_fixtures() -> None:
    fwd = parse("forwarded_inline.eml")
    assert fwd.body_text.startswith("I am forwarding this") and "loud music" in fwd.quoted_text
    outlook = parse("outlook_reply.eml")
    assert outlook.subject == "RE: Heating not working – ref DS-2001"
    assert outlook.body_text.endswith("I have two small children.")
    assert outlook.signature == "Kind regards\n\nPriya Example"
    assert "confidential" in outlook.quoted_text
    mobile = parse("mobile_samsung.eml")
    assert mobile.signature == "Sent from my Samsung Galaxy smartphone."
    assert mobile.quoted_text.startswith("-------- Original message --------")


def test_flowed_german_reply() -> None:
    p = parse("german_reply.eml")
    assert p.body_text == ("Der Schimmel im Badezimmer ist wieder da und breitet sich an der Decke aus. "
                           "Bitte schicken Sie jemanden vorbei.")
    assert p.signature == "Mit freundlichen Grüßen\nJonas Beispiel"


def test_missing_boundary_is_recovered() -> None:
    p = parse("malformed_no_boundary.eml")
    assert p.body_text == "The bedroom window will not shut and the frame is rotten."
    assert p.defects  # recorded, never fatal


def test_bad_base64_keeps_what_decodes() -> None:
    p = parse("bad_base64.eml")
    assert p.body_text == "The window frame is rotten."
    assert "InvalidBase64CharactersDefect" in p.defects
    assert p.attachments[0].filename == "frame.jpg"


def test_8bit_headers_in_utf8_and_cp1252() -> None:
    utf8 = parse("eight_bit_headers.eml")
    assert (utf8.from_name, utf8.subject) == ("Zoë Exâmple", "Mould in the café flat – urgent")
    cp1252 = parse("eight_bit_cp1252.eml")
    assert cp1252.subject == "Mould – “urgent”"
    assert cp1252.body_text == "The café flat has mould – it is “urgent”."


def test_no_from_and_a_bad_date() -> None:
    p = parse("no_from.eml")
    assert (p.from_address, p.from_name, p.date, p.message_id) == (None, None, None, None)
    assert p.body_text == "The stairwell light has been broken for a month."


def test_headerless_text_is_a_body() -> None:
    p = parse_email(b"Hi: the lift is broken again\n\nOn 19/11/2026 09:12, Repairs wrote:\n> ok\n")
    assert p.from_address is None and p.subject is None
    assert p.body_text == "Hi: the lift is broken again"
    assert "NoHeadersDefect" in p.defects


@pytest.mark.parametrize("raw", [b"", b"   \r\n\t", b"\x00\x01\x02binary"])
def test_input_that_is_no_email_raises_parse_error(raw: bytes) -> None:
    with pytest.raises(ParseError):
        parse_email(raw)


def test_unreadable_outlook_file_raises_parse_error() -> None:
    with pytest.raises(ParseError, match="Outlook"):
        parse_email(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)


@pytest.mark.parametrize("raw", [
    b"Content-Type: multipart/mixed; boundary=\"\"\n\n--\n--\n",
    b"Content-Type: multipart/alternative; boundary=x\n\n--x\n--x--\n",
    b"From: \"unterminated <a@\nSubject: =?utf-8?B?\nDate: 99\nContent-Type: text/plain; charset=\"\n\nx",
    b"From: a@example.org\nContent-Type: text/plain; charset*=utf-8''%ZZ\nContent-Transfer-Encoding: base64\n\n====",
    b"From: a@example.org\nContent-Type: message/rfc822\n\nnot a message at all",
    b"From: a@example.org\nContent-Type: text/html\n\n" + b"<div>" * 3000 + b"x",
    b"Subject: " + b"=?utf-8?q?a?=" * 5000 + b"\n\nbody",
    b"From: " + b"a" * 100_000 + b"\n\nbody",
])
def test_malformed_mail_never_raises(raw: bytes) -> None:
    assert isinstance(parse_email(raw), ParsedEmail)


def test_random_corruption_never_raises() -> None:
    sources = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml"))]
    rng = random.Random(20261120)
    for _ in range(300):
        raw = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(1, 256)
        try:
            parse_email(bytes(raw))
        except ParseError:
            pass  # corruption can turn a mail into binary noise; ParseError is the contract
