"""Shortcuts taken for speed give exactly what the plain way gives: whole tables at once, gated
finders and substitutions, letters counted only as far as needed."""

from __future__ import annotations

import random
import re

import pytest

from tests.unit.triage.test_rule_gates import TABLES  # every named rule table
from triage import dates, flags  # (flags imports every module of rule tables the detectors use)
from triage.corpus_io import load_corpus
from triage.features import LEXICON, LEXICON_CUES, LEXICON_WORDS, NORMALISERS, has_digit
from triage.language import LETTER, TYPOGRAPHY, has_letters, plain_typography
from triage.rule_engine import (
    Table,
    candidate_rules,
    earliest,
    first_match,
    may_match,
    required_substrings,
    sub_all,
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every twelfth training message as the detectors see it: as written and lower-cased."""
    bodies = [f"{e.subject}\n{e.text}" if e.subject else e.text for e in load_corpus()[::12]]
    return bodies + [b.lower() for b in bodies]


def span(match: re.Match[str] | None) -> tuple[tuple[int, int], str] | None:
    return match and (match.span(), match.group(0))


@pytest.mark.parametrize("name", sorted(n for n, t in TABLES.items() if type(t) is Table))
def test_a_whole_table_is_searched_as_its_rules_one_by_one(name: str, texts: list[str]) -> None:
    """`first_match` and `may_match` on a table made by `compile_all` (which visit only the rules
    that may match) give what they give on the same rules in a plain tuple. (Slices and joined
    tables are plain tuples already.)"""
    table = TABLES[name]
    rules = tuple(table)
    for text in texts:
        assert span(first_match(table, text)) == span(first_match(rules, text))
        assert may_match(table, text) == may_match(rules, text)
        assert candidate_rules(table, text) == [rule for rule in rules if rule.candidates(text)]


@pytest.mark.parametrize("name", sorted(n for n, t in TABLES.items() if type(t) is Table))
def test_a_whole_table_substitutes_and_finds_as_its_rules_one_by_one(name: str,
                                                                       texts: list[str]) -> None:
    """`sub_all` (which visits only the rules that may match the text as it then is) and
    `earliest` give what each rule's own `sub` and `search` give, rule after rule."""
    table = TABLES[name]
    for text in texts:
        replaced = text
        for rule in table:
            replaced = rule.pattern.sub(" ", replaced)
        assert sub_all(table, " ", text) == replaced
        found = [m for m in (rule.pattern.search(text) for rule in table) if m]
        leftmost = min(found, key=lambda m: m.start(), default=None)
        assert span(earliest(table, text)) == span(leftmost)


def test_rule_finditer_finds_what_the_pattern_finds(texts: list[str]) -> None:
    for rule in dates.GATES:
        for text in texts:
            got = [span(m) for m in rule.finditer(text.lower())]
            assert got == [span(m) for m in rule.pattern.finditer(text.lower())]


def test_every_lexicon_match_contains_a_cue() -> None:
    """LEXICON_CUES may skip the substitution only where LEXICON finds nothing: wherever LEXICON
    finds one of its words (in several forms and neighbourhoods), a cue is in the match."""
    cues = required_substrings(LEXICON.pattern)
    assert cues and all(cues)
    rng = random.Random(0)
    samples = []
    for _, words in LEXICON_WORDS:
        for word in words.split("|"):
            for _ in range(5):
                sample = re.sub(r"\[(.)(.)\]", lambda m: rng.choice(m.groups()), word)
                samples.append(sample.replace(r"\w*", rng.choice(["", "ach", "x1"]))
                               .replace(r"\S*", rng.choice(["", "ه"])))
    for sample in samples:
        for text in (sample, f"x{sample}", f"{sample}y", f"a {sample}, b", f"({sample})"):
            found = LEXICON.search(text)
            assert not found or LEXICON_CUES.find_matches_as_indexes(text), text
            assert not found or any(cue in found.group(0) for cue in cues), text


def test_has_letters_reads_only_as_far_as_it_needs() -> None:
    rng = random.Random(1)
    alphabet = "ab Z_0٣é\u00b2\u00bd\n.,'😍ש日ſ"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        for at_least in (0, 1, 5, 20, 21):
            assert has_letters(text, at_least) == (len(LETTER.findall(text)) >= at_least)


def test_fast_forms_of_patterns_match_as_the_plain_forms() -> None:
    """Patterns rewritten to start with a literal that `re` can skip to (or gated by one) find
    what their plain forms find."""
    phone, digits = NORMALISERS[3][0], NORMALISERS[4][0]
    plain_phone = re.compile(r"(?<!\w)(\+44\s?\(?0?\)?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
    rng = random.Random(2)
    alphabet = "0123456789 +()-\t\nab_é٣"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
             for _ in range(20000)]
    texts += ["+44 (0)20 7946 0000", "x07700 900123", "call 07700900123.", "a1/2/2023 b", "3.5"]
    numeric_date = dict(dates.FINDERS)[dates.find_numeric_dates]
    for text in texts:
        assert phone.sub("#", text) == plain_phone.sub("#", text), text
        assert digits.sub("0", text) == re.sub(r"\d+", "0", text), text
        assert bool(numeric_date(text)) == bool(re.search(r"\d[/.]\d", text)), text
        assert dates.has_year(text) == bool(re.search(r"(?:19|20)\d\d", text)), text


def test_western_sentence_breaks_are_the_full_ones(texts: list[str]) -> None:
    """Where no 。！？ occurs, `WESTERN_BREAK` splits every text where `SENTENCE_BREAK` does."""
    rng = random.Random(2)
    pieces = ["word", ".", "!", "?", " ", "  ", "\n", "\n\n", " \n", "\t", "\u0964", "\u061f", "x.",
              "\u06d4", "\u1362", "\U0001f31f", "\u2600"]
    fuzzed = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in texts + fuzzed:
        assert flags.sentence_breaks(text) is flags.WESTERN_BREAK
        assert flags.WESTERN_BREAK.split(text) == flags.SENTENCE_BREAK.split(text), repr(text)
        assert ([m.span() for m in flags.WESTERN_BREAK.finditer(text)]
                == [m.span() for m in flags.SENTENCE_BREAK.finditer(text)])
    assert flags.sentence_breaks("好了。谢谢") is flags.SENTENCE_BREAK


def test_digits_and_typography_are_found_as_the_plain_forms_find_them(texts: list[str]) -> None:
    """`has_digit` answers as a search for \\d, and `plain_typography` as str.translate with the
    same table, on the corpus and on text mixing ASCII, other digits and the typographic marks."""
    rng = random.Random(3)
    alphabet = "a 0 9 \u2018\u2019\u201c\u201d\u00a3\u2013\u2014\u2026\u0663\u0967\uff11é😀'"
    fuzzed = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    table = str.maketrans(dict(TYPOGRAPHY))
    for text in texts + fuzzed:
        assert has_digit(text) == bool(re.search(r"\d", text)), repr(text)
        assert plain_typography(text) == text.translate(table), repr(text)


def test_pattern_structure_is_found_as_a_character_walk_finds_it() -> None:
    """`rule_engine.structure` (a regex stepping over escapes and classes) gives what walking the
    source a character at a time gives, on every pattern of every table."""
    from triage import rule_engine

    def walked(source: str) -> list[tuple[int, str, int]]:
        found, depth, i = [], 0, 0
        while i < len(source):
            char = source[i]
            if char == "\\":
                i += 1
            elif char == "[":  # to the class's closing "]" (a leading "]" is a literal)
                i += 2 if source[i + 1 : i + 2] == "^" else 1
                i += 1 if source[i : i + 1] == "]" else 0
                while source[i] != "]":
                    i += 2 if source[i] == "\\" else 1
            elif char in "()|":
                depth += (char == "(") - (char == ")")
                found.append((i, char, depth))
            i += 1
        return found

    sources = {rule.source for table in rule_engine.TABLES for rule in table}
    sources |= {part for table in rule_engine.TABLES for rule in table for part in rule.parts}
    assert len(sources) > 3000
    for source in sources:
        assert list(rule_engine.structure(source)) == walked(source), source[:80]
