"""Language identification restricted to plausible languages, None when too short to tell."""

from __future__ import annotations

import pytest

from triage.language import detect_language


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
