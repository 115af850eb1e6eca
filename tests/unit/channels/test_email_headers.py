"""Header decoding: RFC 2047 words, charsets that lie, addresses, dates and message ids."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from channels.email_headers import (
    clean_text, decode_bytes, decode_words, first_message_id, message_ids, parse_addresses,
    parse_date, parse_sender, recover_8bit,
)


@pytest.mark.parametrize(("raw", "want"), [
    ("=?UTF-8?B?Q2Fmw6kgZGFtcA==?=", "Café damp"),
    ("=?utf-8?Q?Mould_in_the_=E2=80=9Cbathroom=E2=80=9D?=", "Mould in the “bathroom”"),
    ("=?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=", "Grüße aus Köln"),
    ("=?windows-1252?Q?=93urgent=94_=96_leak?=", "“urgent” – leak"),
    ("Re: =?utf-8?q?Damp?= =?utf-8?q?_and_mould?= now", "Re: Damp and mould now"),
    # a UTF-8 character split across two encoded words (common from some webmail)
    ("=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?=", "éé"),
    ("=?UTF-8?B?ww==?= =?UTF-8?B?qQ==?=", "é"),  # one byte in each word
])
def test_rfc2047_words_decode(raw: str, want: str) -> None:
    assert clean_text(raw) == want


@pytest.mark.parametrize("raw", [
    "=?utf-8?Q?unterminated", "=?nonsense-charset?Q?caf=E9?=", "=?utf-8?B?!!!!?=",
    "=?utf-8?X?unknown-encoding?=", "=?=?=?", "=?utf-8*en?Q?tagged?=",
])
def test_broken_encoded_words_never_raise(raw: str) -> None:
    assert isinstance(decode_words(raw), str)


def test_unknown_charset_falls_back_to_utf8_then_cp1252() -> None:
    assert decode_words("=?x-bogus?Q?caf=C3=A9?=") == "café"
    assert decode_words("=?x-bogus?Q?caf=E9?=") == "café"


def test_subject_whitespace_is_normalised() -> None:
    assert clean_text("  Leak\r\n   under\tthe  sink  ") == "Leak under the sink"
    assert clean_text("   ") is None


@pytest.mark.parametrize(("data", "declared", "want"), [
    ("café".encode(), "iso-8859-1", "café"),  # declared Latin-1, really UTF-8
    ("café".encode("cp1252"), "utf-8", "café"),  # declared UTF-8, really cp1252
    (b"\x93quoted\x94", "us-ascii", "“quoted”"),
    ("Привет".encode("koi8-r"), "koi8-r", "Привет"),
    ("Привет мир".encode() + b"\xd1f", "utf-8", "Привет мир\ufffdf"),  # one broken sequence
    (b"\x81\x8d", "cp1252", "\ufffd\ufffd"),
    (b"plain", "no-such-charset", "plain"),
])
def test_charset_fallbacks(data: bytes, declared: str, want: str) -> None:
    assert decode_bytes(data, declared) == want


def test_8bit_header_bytes_are_recovered() -> None:
    escaped = "Zoë".encode().decode("ascii", "surrogateescape")
    assert recover_8bit(escaped) == "Zoë"
    escaped = "Zoë".encode("cp1252").decode("ascii", "surrogateescape")
    assert recover_8bit(escaped) == "Zoë"


def test_sender_forms() -> None:
    assert parse_sender('"Doe, Jane" <Jane.Doe@Example.ORG>') == ("Doe, Jane", "Jane.Doe@example.org")
    assert parse_sender("jane@example.org (Jane Doe)") == ("Jane Doe", "jane@example.org")
    assert parse_sender("alice@example.org <bob@example.org>") == ("alice@example.org", "bob@example.org")
    assert parse_sender("=?iso-8859-1?Q?Doe=2C_Zo=EB?= <zoe@example.org>") == ("Doe, Zoë", "zoe@example.org")
    assert parse_sender(None) == (None, None)
    assert parse_sender("<>")[1] is None


def test_address_lists_drop_groups_and_blanks() -> None:
    found = parse_addresses('"Porcile, M." <m@example.org>, echo@EXAMPLE.org, undisclosed-recipients:;')
    assert [addr for _, addr in found] == ["m@example.org", "echo@example.org"]


def test_dates_are_aware_utc() -> None:
    assert parse_date("Fri, 20 Nov 2026 11:00:00 +0100") == datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert parse_date("Fri, 20 Nov 2026 10:00:00") == datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert parse_date("Fri, 20 Nov 2026 10:00:00 (GMT)").tzinfo is UTC


@pytest.mark.parametrize("raw", [None, "", "yesterday", "Fri, 99 Nov 2026 99:99:99 +0000", "31 Dec 99999"])
def test_bad_dates_are_none(raw) -> None:
    assert parse_date(raw) is None


def test_message_ids_keep_angle_brackets() -> None:
    assert first_message_id(" <a@example.org> ") == "<a@example.org>"
    assert first_message_id("bare-id@example.org") == "bare-id@example.org"
    assert message_ids("<a@x.example.org>\r\n <b@x.example.org>") == ("<a@x.example.org>", "<b@x.example.org>")
