"""The shared needle scan (`Index`, `Scanner`) may only let through more than plain `re` finds."""

from __future__ import annotations

import re

import pytest

import triage.flags  # noqa: F401  (imports every module of rule tables the detectors use)
from triage import rule_engine
from tests.unit.triage.test_rule_gates import TABLES  # every named rule table
from triage.corpus_io import load_corpus
from triage.rule_engine import (
    EDGE,
    GAP,
    MAX_TESTS,
    Gates,
    Index,
    Rule,
    first_match,
    may_match,
    spaced,
    spaced_text,
)

EDGE_CASES = [
    "",
    " ",
    "*",
    "a leak",
    "Mould — everywhere, ‘again’ and again…",
    "café naïve rôle: żółw, ściana się sypie",
    "غرفة النوم فيها تسريب والسقف مكسور",
    "煤气味很重 gas smell",
    "x\ud800y a leak",  # a lone surrogate
    "tab\there\x1cand\u00a0nbsp_under_score 12:30 ٣",
    "I CONTACTED MY MP, AND MY \u212aIND COUNCILLOR",
    "ſo my MP said \u0130 and \u0131 matter",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every 24th training message as the detectors see it (as written and lower-cased), and
    texts with unusual characters."""
    bodies = [f"{e.subject}\n{e.text}" if e.subject else e.text for e in load_corpus()[::24]]
    return bodies + [b.lower() for b in bodies] + EDGE_CASES + [t.lower() for t in EDGE_CASES]


# Rules that make a table too large for substring tests of its own, so that it uses the scan.
FILLER = tuple(rf"\bfiller{i}\b" for i in range(MAX_TESTS + 1))


def table(*patterns: str, flags: int = 0, index: Index | None = None, scanned: bool = True
          ) -> tuple[Rule, ...]:
    """A table as `compile_all` makes one, but in its own Index (or the given one), so that the
    module's tables are left alone; with FILLER after the patterns unless it is not `scanned`."""
    rules = tuple(Rule(p, flags) for p in (*patterns, *(FILLER if scanned else ())))
    gates = Gates(list(rules), flags, Index() if index is None else index)
    for number, rule in enumerate(rules):
        rule.gates, rule.number = gates, number
    return rules


def matching_alternatives(rule: Rule, text: str) -> set[int]:
    """The alternatives of a rule that plain `re` finds in the text."""
    return {i for i, part in enumerate(rule.parts) if re.search(part, text, rule.flags)}


def assert_let_through(rules: tuple[Rule, ...], text: str) -> None:
    """Every alternative that matches the text is among the rule's candidates."""
    for rule in rules:
        missing = matching_alternatives(rule, text) - rule.candidates(text)
        assert not missing, (rule.source[:60], [rule.parts[i][:60] for i in missing], text[:80])


def test_spaced_text_is_the_words_with_single_spaces(texts: list[str]) -> None:
    for text in texts:
        words = " ".join(re.findall(r"\w+", text))
        assert spaced_text(text) == f" {words} ".encode("utf-8", "surrogatepass")


@pytest.mark.parametrize(
    ("needle", "text"),
    [
        (f"{EDGE}gas{EDGE}", "a gas leak"),
        (f"{EDGE}gas{EDGE}", "gas"),
        (f"{EDGE}no{GAP}heating{EDGE}", "no\t \theating!"),
        (f"{EDGE}'ello", "x'ello there"),
        ("leak", "bleaks"),
        ("-month", "a 6-month-old"),
        ("y/o", "aged 80 y/o."),
        (f"{EDGE}zgłasza", "nie zgłaszał wcześniej"),
        (f"it's{EDGE}", "it’s and it's"),
    ],
)
def test_a_needle_s_spaced_form_occurs_where_the_needle_does(needle: str, text: str) -> None:
    as_regex = "".join(
        r"\b" if char == EDGE else r"\W+" if char == GAP else re.escape(char) for char in needle
    )
    assert re.search(as_regex, text)
    assert spaced(needle) in spaced_text(text)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_shared_scan_lets_through_every_matching_alternative(
    name: str, texts: list[str]
) -> None:
    for text in texts:
        assert_let_through(TABLES[name], text)


def test_every_table_made_by_compile_all_shares_one_index() -> None:
    made = rule_engine.TABLES
    assert {id(rule.gates.index) for table in made for rule in table} == {id(rule_engine.SHARED)}
    assert len({id(table[0].gates) for table in made}) == len(made)
    assert {id(rule.gates) for table in TABLES.values() for rule in table} <= {
        id(table[0].gates) for table in made
    }


@pytest.mark.parametrize("scanned", [True, False])
def test_case_blind_tables_fold_the_four_characters_before_the_gates(scanned: bool) -> None:
    """Under re.I "İ ı ſ K" match ASCII letters; the gates see them folded, even in a table that
    shares its Index with a case-sensitive one that sees the same text unfolded."""
    index = Index()
    blind = table(r"\bkiss\b", r"\bmy mp\b|\bsip\b", r"\bwrite to\b", flags=re.I, index=index,
                  scanned=scanned)
    exact = table(r"\bMPs?\b", r"\bkiss\b", index=index, scanned=scanned)
    samples = ["a \u212aiſſ x", "KİSS", "ſıp é", "I will WRITE TO my MP", "kiss", "", "ſo my MP"]
    for text in samples:
        assert_let_through(blind, text)
        assert_let_through(exact, text)
        for rule in (*blind, *exact):
            got, want = rule.search(text), re.search(rule.source, text, rule.flags)
            assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize("scanned", [True, False])
def test_answers_follow_the_text_from_call_to_call(scanned: bool) -> None:
    rules = table(r"\bleak\w*", r"\bmould\b|\bdamp\b", r"\bgas\b", scanned=scanned)
    same_words = "".join(["a ", "leak"])  # equal to "a leak", but another object
    sequence = ["a leak", "mould and damp", "", "a leak", "gas", same_words, "gas"]
    for text in sequence * 2:
        assert_let_through(rules, text)
        assert rules[0].gates.candidates(text) == {
            n: matching_alternatives(rule, text)
            for n, rule in enumerate(rules)
            if matching_alternatives(rule, text)
        }


def test_a_table_added_after_a_scan_is_scanned_afresh() -> None:
    index = Index()
    first = table(r"\bleak\b", index=index)
    text = "a leak and a gas smell"
    assert first[0].candidates(text) == {0}
    second = table(r"\bgas smell\b", r"\bsmoke\b", index=index)
    assert second[0].candidates(text) == {0} and not second[1].candidates(text)
    assert first[0].candidates(text) == {0}


def test_a_small_table_tests_substrings_when_the_text_was_not_scanned() -> None:
    """A table of a few needles tests them itself on a text no table scanned lately (a
    superset: "MP" is in "IMPORTANT"); once the text is scanned, it takes the scan's answer."""
    index = Index()
    small = table(r"\bMPs?\b", index=index, scanned=False)
    large = table(r"\bnote\b", index=index)
    assert small[0].gates.tests is not None and large[0].gates.tests is None
    assert small[0].candidates("IMPORTANT") == {0}
    assert small[0].search("IMPORTANT") is None
    text = "An IMPORTANT note"
    assert large[0].candidates(text) == {0}  # scans it
    assert not small[0].candidates(text)  # now from the scan: "MP" is no word there
    assert small[0].search("my MP") is not None


def test_needles_without_words_are_looked_for_in_the_text() -> None:
    rules = table(r"\b[a-z]\*{2,}[a-z]*", r",\s*(?:[89]\d)\s*[,)]")
    assert not rules[0].candidates("no stars here, none")
    assert rules[0].candidates("you f** off") == {0}
    assert rules[1].candidates("Mum, 86, lives here") == {0}
    assert not rules[1].candidates("Mum aged 86 lives here")


@pytest.mark.parametrize("scanned", [True, False])
def test_alternatives_without_needles_are_always_candidates(scanned: bool) -> None:
    rules = table(r"[^.]{2,9}|\bleak\b", scanned=scanned)
    assert rules[0].needles[0] is None
    assert rules[0].candidates("") == {0} and rules[0].search("") is None
    assert rules[0].candidates("a leak") == {0, 1}


def test_more_texts_than_are_kept_stay_right() -> None:
    """Past the kept texts, answers are worked out again."""
    rules = table(r"\bleak\b", r"\bgas\b", r"\bmould\b|\bdamp\b")
    words = ["leak", "gas", "mould", "damp", "dry"]
    for i in range(3 * rule_engine.CACHED_TEXTS):
        text = f"{i} {words[i % 5]} {words[i * 3 % 5]}"
        assert_let_through(rules, text)
        got = first_match(rules, text)
        want = next(filter(None, (re.search(r.source, text) for r in rules)), None)
        assert (got and got.span()) == (want and want.span())
        assert may_match(rules, text) or not want


def test_an_empty_table_and_an_empty_index_answer_nothing() -> None:
    assert Gates([], 0).candidates("anything") == {}
    assert not may_match(table(scanned=False), "anything")
