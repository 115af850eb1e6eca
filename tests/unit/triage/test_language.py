"""Language identification restricted to plausible languages, None when too short to tell."""

from __future__ import annotations

import pytest

from triage.corpus_io import DEFAULT_TRAIN_DIR, load_corpus
from triage.language import (ENGLISH_SHARE, MAX_CHARS, MIN_LETTERS, NOISE, detect_language,
                             english_share, identifier, letter_count)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hi the tap in the kitchen is leaking, please send someone to look at it", "en"),
        ("Mae fy nghegin yn llawn llwydni ac mae angen help arnaf os gwelwch yn dda", "cy"),
        ("Dzień dobry, w mieszkaniu jest wilgoć i pleśń od kilku miesięcy", "pl"),
        ("Bună ziua, caloriferul nu funcționează de o săptămână, vă rog ajutați-mă", "ro"),
        ("Buenas noches, llevamos cuatro días sin calefacción ni agua caliente", "es"),
    ],
)
def test_detects_common_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_short_text_is_none() -> None:
    assert detect_language("ok thx") is None
    assert detect_language("ref 12345 !!") is None


@pytest.mark.parametrize(
    "text",
    [
        "Diolch yn fawr am eich help gyda'r to, mae popeth yn iawn nawr a does dim angen ateb",
        "Dzien dobry, od tygodnia nie ma ogrzewania w mieszkaniu, prosze o pomoc jak najszybciej",
        "Buna ziua, tavanul din baie picura de o saptamana, va rog sa trimiteti pe cineva azi",
        "salam, toilet block ho gaya hai, pani nahi ja raha. koi aa sakta hai aaj? flat 7",
    ],
)
def test_other_languages_in_plain_ascii_are_not_english_at_a_glance(text: str) -> None:
    share = english_share(text)
    assert share is not None and share < ENGLISH_SHARE
    assert detect_language(text) != "en"


def test_english_at_a_glance_agrees_with_the_identifier_on_the_corpus() -> None:
    """No corpus message in another language is taken for English by the shortcut."""
    if not DEFAULT_TRAIN_DIR.is_dir():
        pytest.skip(f"no training corpus at {DEFAULT_TRAIN_DIR}")
    shortcut = 0
    for example in load_corpus():
        text = NOISE.sub(" ", f"{example.subject or ''}\n{example.text}")
        share = english_share(text[:MAX_CHARS])
        if share is not None and share >= ENGLISH_SHARE and letter_count(text) >= MIN_LETTERS:
            shortcut += 1
            lang, _ = identifier().classify(text[:MAX_CHARS])
            assert lang == "en", example.text[:80]
    assert shortcut > 1000  # the shortcut does take most English messages


def test_typographic_quotes_do_not_hide_english() -> None:
    text = "We’ve been waiting since March – the landlord’s engineer didn’t come “as promised”"
    assert english_share(text) is not None and detect_language(text) == "en"


def test_emoji_and_bullets_do_not_hide_plain_english() -> None:
    from triage.language import english_share

    text = "@NorthmoorHomes massive thanks to the lads who fitted my kitchen this week 😍👏 • spotless"
    assert english_share(text) is not None and english_share(text) >= 0.2
    assert english_share("Dzień dobry 😍 okno w kuchni przecieka od wczoraj") is None
