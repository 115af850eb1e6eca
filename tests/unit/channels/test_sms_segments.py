"""SMS segment counting (GSM-7 with its extension table, UCS-2) and fitting text into segments."""

from __future__ import annotations

import pytest

from channels.sms_segments import GSM7, UCS2, fit, segments, smarten

REFERENCE = "DS-2026-000123"


@pytest.mark.parametrize(("text", "expected"), [
    ("", (GSM7, 1)),
    ("a" * 160, (GSM7, 1)),
    ("a" * 161, (GSM7, 2)),
    ("a" * 306, (GSM7, 2)),
    ("a" * 307, (GSM7, 3)),
    ("a" * 459, (GSM7, 3)),
    ("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡ÄÖÑÜ§¿äöñüà", (GSM7, 1)),
])
def test_gsm7_boundaries(text, expected):
    assert segments(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("€" * 80, (GSM7, 1)),  # the extension table: an escape and the character, two septets each
    ("€" * 81, (GSM7, 2)),
    ("[" * 80, (GSM7, 1)),
    ("a" * 159 + "]", (GSM7, 2)),
    ("a" * 158 + "{", (GSM7, 1)),
    ("^{}\\[~]|€", (GSM7, 1)),
])
def test_extension_characters_count_double(text, expected):
    assert segments(text) == expected


def test_an_escaped_character_is_never_split_across_segments():
    # 306 septets would be two segments of 153, but the € would straddle the boundary.
    assert segments("a" * 152 + "€" + "a" * 152) == (GSM7, 3)
    assert segments("a" * 151 + "€" + "a" * 153) == (GSM7, 2)


@pytest.mark.parametrize(("text", "expected"), [
    ("ż" * 70, (UCS2, 1)),
    ("ż" * 71, (UCS2, 2)),
    ("Zażółć gęślą jaźń", (UCS2, 1)),
    ("ą" * 134, (UCS2, 2)),
    ("ą" * 135, (UCS2, 3)),
    ("a" * 69 + "ł", (UCS2, 1)),
    ("a" * 70 + "ł", (UCS2, 2)),
    ("😀" * 35, (UCS2, 1)),  # outside the BMP: a surrogate pair, two UTF-16 units
    ("😀" * 36, (UCS2, 2)),
    ("a" * 66 + "😀" + "a" * 66, (UCS2, 3)),  # the pair is not split at unit 67
    ("Diolch yn fawr, ŵyr", (UCS2, 1)),
    ("€" * 50 + "ł", (UCS2, 1)),  # in UCS-2 the euro is one unit like any other
])
def test_ucs2_boundaries(text, expected):
    assert segments(text) == expected


def test_typographic_punctuation_is_made_gsm7_but_letters_are_not():
    assert smarten("we’ve got it – thanks…") == "we've got it - thanks..."
    assert segments(smarten("“Hello”")) == (GSM7, 1)
    assert smarten("Diolch – ŵyr") == "Diolch – ŵyr"  # ŵ needs UCS-2 anyway


def test_a_text_that_fits_is_unchanged():
    text = f"Example Homes: we've got your message, ref {REFERENCE}."
    assert fit(text, 2, REFERENCE) == text


def test_a_long_text_is_cut_at_a_word_and_keeps_the_reference():
    text = f"Example Homes: got your repair request, ref {REFERENCE}. " + "word " * 80
    short = fit(text, 2, REFERENCE)
    assert segments(short)[1] <= 2 and REFERENCE in short
    assert short.endswith("...") and not short.endswith(" ...")
    assert text.startswith(short[:-3])


def test_a_unicode_text_is_cut_to_ucs2_segments():
    text = f"Cartrefi Enghreifftiol: cyf {REFERENCE}. " + "ŵyr " * 60
    short = fit(text, 2, REFERENCE)
    assert segments(short) == (UCS2, 2) and REFERENCE in short


def test_the_reference_is_never_cut_even_when_late():
    text = "x " * 140 + f"ref {REFERENCE} and then " + "more " * 50
    short = fit(text, 2, REFERENCE)
    assert REFERENCE in short and segments(short)[1] <= 2


def test_one_segment_budget():
    text = f"Example Homes: we've got your message, ref {REFERENCE}. We'll be in touch by Fri 2 Jan to say who is dealing with it."
    short = fit(text, 1, REFERENCE)
    assert segments(short) == (GSM7, 1) and REFERENCE in short
