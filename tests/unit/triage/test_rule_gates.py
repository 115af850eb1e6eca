"""A `Rule` must find exactly what its compiled pattern finds; its word gates only save time."""

from __future__ import annotations

import re
import sys

import pytest

import triage.flags  # noqa: F401  (imports every module of rule tables the detectors use)
from triage.corpus_io import load_corpus
from triage.rule_engine import (
    Rule,
    alternatives,
    distributed,
    first_match,
    lead_with_literals,
    make_needles,
)

TABLES = {
    f"{module_name}.{name}": table
    for module_name, module in list(sys.modules.items())
    if module_name.startswith("triage.")
    for name, table in vars(module).items()
    if isinstance(table, tuple) and table and isinstance(table[0], Rule)
}


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every twelfth training message as the detectors see it: as written and lower-cased."""
    bodies = [f"{e.subject}\n{e.text}" if e.subject else e.text for e in load_corpus()[::12]]
    return bodies + [b.lower() for b in bodies]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_rule_search_equals_pattern_search(name: str, texts: list[str]) -> None:
    for rule in TABLES[name]:
        pattern = re.compile(rule.source, rule.flags)
        for text in texts:
            got, want = rule.search(text), pattern.search(text)
            assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0)))


@pytest.mark.parametrize("name", sorted(TABLES))
def test_rule_sub_and_first_match_equal_plain_re(name: str, texts: list[str]) -> None:
    """`sub` with only the alternatives that can match, and a table's first match, are what
    plain `re` gives: every rule's sub, and the first rule of the table (or a slice) to match."""
    table = TABLES[name]
    patterns = [re.compile(rule.source, rule.flags) for rule in table]
    for text in texts:
        for rule, pattern in zip(table, patterns):
            assert rule.sub(" ", text) == pattern.sub(" ", text)
        for start in (0, len(table) // 2):
            got = first_match(table[start:], text)
            want = next(filter(None, (p.search(text) for p in patterns[start:])), None)
            assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0)))


def test_sub_with_some_alternatives_keeps_their_order() -> None:
    rule = Rule(r"\bab|\ba\w*|\bzz")
    assert rule.sub("#", "abc abd zz") == re.sub(r"\bab|\ba\w*|\bzz", "#", "abc abd zz")
    assert rule.sub("#", "axe") == "#" and rule.sub("#", "nothing here") == "nothing here"


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        (r"a|b(c|d)|[|(]x|\|y", ["a", "b(c|d)", "[|(]x", r"\|y"]),
        (r"[]|]a|[^]|)]b|c", ["[]|]a", "[^]|)]b", "c"]),
        (r"(?i)a|b", [r"(?i)a|b"]),
    ],
)
def test_alternatives_split_only_at_top_level(source: str, parts: list[str]) -> None:
    assert alternatives(source) == parts


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        (r"\b(?:a|b(?:c|d))\s+x", [r"\b(?:a)\s+x", r"\b(?:b(?:c|d))\s+x"]),
        (r"(?:a|b)", ["(?:a)", "(?:b)"]),
        (r"\b(?:a)x", [r"\b(?:a)x"]),
        (r"(?:a|b)*x", [r"(?:a|b)*x"]),  # a group that repeats
        (r"(?:a|b)??x", [r"(?:a|b)??x"]),  # a lazy optional group
        (r"\b(?:a|b)?(?:c|d)x", [r"\b(?:a)(?:c|d)x", r"\b(?:b)(?:c|d)x", r"\b(?:c)x", r"\b(?:d)x"]),
        (r"\b(?:(?:a|b)c|d)x", [r"\b(?:a)cx", r"\b(?:b)cx", r"\b(?:d)x"]),  # split in turn
        (r"\b(a|b)x", [r"\b(a|b)x"]),  # a group that captures
        (r"\b(?:a|b)(x)", [r"\b(?:a)(x)", r"\b(?:b)(x)"]),  # a capture further on keeps its number
        (r"\b(?:a|(b))x", [r"\b(?:a|(b))x"]),  # an option that captures
        (r"x(?:a|b)", [r"x(?:a|b)"]),  # not at the start
    ],
)
def test_a_leading_group_is_split_into_its_options(source: str, parts: list[str]) -> None:
    assert distributed(source) == parts


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\b(?:ab|a)\w*", "xab abc a"),
        (r"(?:a|ab)c", "abc ac"),
        (r"(?:foo|foobar)bar", "foobarbar foobar"),
        (r"\b(?:is|are)\s+(?:a )?(?:\w+ ){0,2}idiot\b|\bidiot", "you are a total idiot, idiot"),
        (r"\b(?:x|\w+)y\b|\b(?:zy|z)\b", "xy zzy zy z"),
        (r"\b(?:cat|dog)s?\b", ""),
        (r"\b(?:only |just )?(?:found|saw)\b", "just found, only saw, found"),
        (r"(?:a|ab)?(?:b|bc)c", "abc abcc bc"),
        (r"\b(?:(?:mum|dad)'s|(?:my|our) (?:son|daughter))\b", "my son's dad's, our daughter"),
    ],
)
def test_split_options_match_and_replace_as_the_group_does(source: str, text: str) -> None:
    rule = Rule(source)
    assert len(rule.parts) > len(alternatives(source))
    got, want = rule.search(text), re.search(source, text)
    assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0)))
    assert rule.sub("#", text) == re.sub(source, "#", text)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\b(?:door|window)\b[^.]{0,20}?\b(?P<fault>broken|stuck)\b|\bx\b",
         "the window is broken, the door is stuck. x"),
        (r"\b(?:a|one) year ago last (month|week)\b|\bnever", "a year ago last week, never"),
    ],
)
def test_split_options_keep_the_groups_after_them(source: str, text: str) -> None:
    """Each option's alternative numbers and names the groups after it as the pattern does; a
    `sub` that may not join them (a name would be defined twice) uses the whole pattern."""
    rule = Rule(source)
    assert len(rule.parts) > len(alternatives(source)) and not rule.joinable
    got, want = rule.search(text), re.search(source, text)
    assert (got.span(), got.groups(), got.groupdict()) == (want.span(), want.groups(),
                                                          want.groupdict())
    assert rule.sub("#", text) == re.sub(source, "#", text)


@pytest.mark.parametrize(
    ("source", "text", "found"),
    [
        (r"\bcat\b|dog", "a hotdog and a cat", "dog"),  # leftmost wins, whichever alternative
        (r"\bca\w+|\bcat", "the cat", "cat"),  # a tie goes to the earlier alternative
        (r"\bfire ?doors?\b[^.]{0,20}\bbroken\b", "the fire door is broken", "fire door is broken"),
        (r"\bno\s+heating\b", "no\theating", "no\theating"),
        (r"\bcount(?:y|ies)\b", "the county court", "county"),
    ],
)
def test_rule_examples(source: str, text: str, found: str) -> None:
    rule = Rule(source)
    assert rule.search(text).group(0) == found
    for other in (text.replace(found, "-"), text.upper(), ""):
        got, want = rule.search(other), re.search(source, other)
        assert (got and got.span()) == (want and want.span())


def test_case_insensitive_rules_gate_non_ascii_text_too() -> None:
    """Under re.I four non-ASCII characters match ASCII letters (İ ı ſ K); the gates fold them."""
    rule = Rule(r"\bmy mp\b", flags=re.I)
    assert rule.search("Writing to My MP").group(0) == "My MP"
    assert rule.search("to my MP — café") is not None
    assert rule.search("to my \u2018MP\u2019 — café") is None
    assert rule.sub(" ", "ſo my MP said") == "ſo   said"
    for source, text in [(r"\bkiss\b", "a \u212aiſſ x"), (r"\bkiss\b", "KİSS"), (r"sip", "ſıp é")]:
        got, want = Rule(source, re.I).search(text), re.search(source, text, re.I)
        assert (got and got.span()) == (want and want.span()) and want is not None


def test_needles_are_words_where_the_pattern_has_boundaries() -> None:
    assert make_needles(r"\b(?:gas|fumes)\b", 0) == {"\0gas\0", "\0fumes\0"}
    assert make_needles(r"[^.]{0,9}", 0) is None


@pytest.mark.parametrize(
    ("source", "fast"),
    [
        (r"\bnobody came\b", r"nobody came(?<!\wnobody\ came)\b"),
        (r"\b(?:gas|fumes)\b", r"(?:gas(?<!\wgas)|fumes(?<!\wfumes))\b"),
        (r"\bfire ?doors?\b", r"fire(?<!\wfire) ?doors?\b"),
        (r"\b(?:very )?cold", r"\b(?:very )?cold"),  # optional group: unchanged
        (r"\b\w+ing", r"\b\w+ing"),  # no literal to lead with
        (r"\b(?:a|\w+)", r"\b(?:a|\w+)"),
        (r"\b'ello", r"\b'ello"),  # \b before a non-word character means something else
    ],
)
def test_leading_boundary_moves_behind_the_literal(source: str, fast: str) -> None:
    assert lead_with_literals(source) == fast
    for text in ("nobody came", "anybody came", "gas leak", "the fumes", "fire door", "very cold",
                 "scold", "seeing", "a b", "'ello", "x'ello", "firedoors", "", "Nobody came"):
        got, want = re.search(fast, text), re.search(source, text)
        assert (got and got.span()) == (want and want.span())


def test_stored_needles_are_current_for_every_alternative():
    """triage/data/needles.json saves deriving needles at start-up; it must say what derivation
    says (regenerate with `python -m triage.rule_engine` after changing a table)."""
    from triage.rule_engine import derive_needles, stored_needles

    stored = stored_needles()
    stale = []
    for name, table in TABLES.items():
        for rule in table:
            for part in rule.parts:
                derived = derive_needles(part, rule.flags)
                expected = None if derived is None else sorted(derived)
                if stored.get(f"{rule.flags}:{part}", "missing") != expected:
                    stale.append((name, part[:60]))
    assert stale == []
