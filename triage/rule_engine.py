"""Fast regex search for the rule tables: the same results as `re`, far fewer scans.

Python's `re` tries every position of the text, ~25-50 ns each per pattern, and cannot skip ahead
when a pattern starts with \\b: the flag tables' ~90 patterns cost ~2 ms per message. A `Rule`
splits its pattern at the top-level `|` (and at the options of a group it opens with) and derives,
for each alternative, needles (whole words or substrings) of which every match contains one; only
alternatives whose needles occur in the text are searched. `tests/unit/triage/test_rule_gates.py`
checks every table against plain `re`.

The detectors put each of a handful of texts to a dozen tables, so the needles of all the tables
are looked for at once. Every alternative of every table made by `compile_all` has a bit in one
`Index`, whose `Scanner` writes the text as its words with one space between and finds all the
needles, written the same way, in one Aho-Corasick pass (`ahocorasick_rs`, compiled code). The
union of the masks of the needles found tells which alternatives of every table may match, and
is kept for the last few texts. A table's `Gates` takes its own bits from it and keeps its last
answer; a small table that meets a text not scanned lately tests a few substrings instead.

The needles come from the standard library's own regex parser (`re._parser`); a node the analysis
does not know just means that alternative is always searched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property, lru_cache
from pathlib import Path
from re import _parser  # the standard library's regex parser, used only to derive needles

from ahocorasick_rs import BytesAhoCorasick, Implementation

WORD = re.compile(r"\w+")
EDGE = "\0"  # in a derived needle: a word boundary (\b)
GAP = "\1"  # in a derived needle: one or more non-word characters (\s+, \W*...)
MARKS = re.compile("[\0\1]")
# The only non-ASCII characters that match an ASCII letter under re.IGNORECASE (İ ı ſ K).
FOLDS_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
CAPTURE = re.compile(r"\((?!\?)|\(\?P<")  # (also an escaped or bracketed "(": no harm)
NON_WORD_CATEGORIES = (_parser.CATEGORY_SPACE, _parser.CATEGORY_NOT_WORD)
MAX_STRINGS = 64  # a run of literals is not spelled out beyond this many alternatives
MAX_SUBSETS = 256  # patterns of some alternatives of a rule kept for `sub`
EMPTY = frozenset({""})
NONE: frozenset[int] = frozenset()
NOTHING = (None, None)  # no exact strings, no needles: may match anything


class Rule:
    """One table pattern, searched faster but with exactly the compiled pattern's results.

    Python's `re` tries every position of the text, ~25-50 ns each per pattern, and cannot skip
    ahead when a pattern starts with \\b: the ~90 patterns cost ~2 ms per message. A Rule splits
    its pattern at the top-level `|` (and an alternative that opens with a group of options into
    one per option, see `distributed`) and derives, for each alternative, needles (whole words or
    substrings) of which every match contains one. Only alternatives whose needles occur in the
    text are searched; the leftmost of their matches, the earlier alternative on a tie, is the
    pattern's own match.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self.parts = alternatives(source)
        if not flags & re.VERBOSE:  # (where spaces and comments would hide a group's shape)
            self.parts = [branch for part in self.parts for branch in distributed(part)]
        self.needles = tuple(make_needles(part, flags) for part in self.parts)
        # Alternatives can be joined into a smaller pattern for `sub` unless a backreference or a
        # group repeated by `distributed` (a name defined twice) would change its meaning.
        self.joinable = not BACKREFERENCE.search(source) and not (
            len(self.parts) > len(alternatives(source)) and CAPTURE.search(source))
        self.compiled: list[re.Pattern[str] | None] = [None] * len(self.parts)  # on first use
        self.gates, self.number = Gates([self], flags), 0  # compile_all shares one per table
        self.subsets: dict[frozenset[int], re.Pattern[str]] = {}  # see subset()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The whole pattern, compiled on first use (only `sub` needs it)."""
        return re.compile(self.source, self.flags)

    def candidates(self, text: str) -> set[int]:
        """The alternatives that may match the text (not to be changed: it is shared)."""
        return self.gates.candidates(text).get(self.number, NONE)

    def search(self, text: str) -> re.Match[str] | None:
        """`pattern.search(text)`."""
        branches = self.gates.candidates(text).get(self.number)
        return self.search_branches(text, branches) if branches else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)`; nothing when no alternative can match."""
        return self.pattern.finditer(text) if self.candidates(text) else iter(())

    def search_branches(self, text: str, branches: set[int]) -> re.Match[str] | None:
        """The leftmost match of the given alternatives, the earlier alternative on a tie."""
        if len(branches) == 1:  # the usual case: that alternative's match
            (branch,) = branches
            return (self.compiled[branch] or self.compile(branch)).search(text)
        found = None
        for branch in sorted(branches):
            match = (self.compiled[branch] or self.compile(branch)).search(text)
            if match and (found is None or match.start() < found.start()):
                found = match
        return found

    def sub(self, repl: str, text: str) -> str:
        """`pattern.sub(repl, text)`: skipped when no alternative can match, else done with only
        the alternatives that can (in order; the others match nowhere in the text)."""
        branches = self.gates.candidates(text).get(self.number)
        if not branches:
            return text
        if len(branches) == len(self.parts) or not self.joinable:
            return self.pattern.sub(repl, text)
        return self.subset(frozenset(branches)).sub(repl, text)

    def subset(self, branches: frozenset[int]) -> re.Pattern[str]:
        """The pattern of only these alternatives, compiled once per set."""
        pattern = self.subsets.get(branches)
        if pattern is None:
            if len(self.subsets) >= MAX_SUBSETS:
                self.subsets.clear()  # an unusual run of texts: start again rather than grow
            source = "|".join(self.parts[i] for i in sorted(branches))
            pattern = self.subsets[branches] = re.compile(source, self.flags)
        return pattern

    def compile(self, branch: int) -> re.Pattern[str]:
        """Compile an alternative (every one is, at load: `compile_every_table`), with its leading
        \\b moved behind its first word (see `lead_with_literals`)."""
        source = self.parts[branch]
        if not self.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII | re.LOCALE):
            source = lead_with_literals(source)
        self.compiled[branch] = re.compile(source, self.flags)
        return self.compiled[branch]


class Gates:
    """Which alternatives of a table's rules may match a text, worked out for all of them at once.

    Each alternative of the table has a bit in the table's `Index`, which finds the needles of
    all its tables in a text in one pass. The detectors try a table's rules one after another on
    the same text, so the last answer is kept.
    """

    def __init__(self, rules: list[Rule], flags: int, index: Index | None = None) -> None:
        self.fold = bool(flags & re.IGNORECASE)  # gates then test lower-cased ASCII text
        self.index = Index() if index is None else index
        # Bit offset + i stands for alternatives[i]: (rule number, alternative).
        self.alternatives = tuple(
            (n, b) for n, rule in enumerate(rules) for b in range(len(rule.parts))
        )
        needles = [rules[n].needles[b] for n, b in self.alternatives]
        self.offset = self.index.add(needles)
        self.bits = (1 << len(needles)) - 1
        self.tests = substring_tests(needles, self.offset)
        self.last: tuple[str | None, dict[int, set[int]]] = (None, NO_CANDIDATES)
        self.decoded: dict[int, dict[int, set[int]]] = {}  # see decode()

    def candidates(self, text: str) -> dict[int, set[int]]:
        """For each rule that may match the text (by number), the alternatives that may; shared,
        so callers only read it."""
        last_text, last = self.last
        if last_text is text:
            return last
        gated = text
        if self.fold:  # the needles are ASCII: under re.I only ASCII letters and four others match
            gated = (text if text.isascii() else text.translate(FOLDS_TO_ASCII)).lower()
        scanner = self.index.scanner or self.index.build()
        bits = scanner.cache.get(gated)  # scanned lately, for this table or another
        if bits is None:
            bits = scanner.scan(gated) if self.tests is None else self.test(gated)
        bits = bits >> self.offset & self.bits
        found = (self.decoded.get(bits) or self.decode(bits)) if bits else NO_CANDIDATES
        self.last = (text, found)
        return found

    def test(self, text: str) -> int:
        """The bits that a small table's substring tests give a text not scanned lately: a few
        tests cost less than a scan that may serve no other table (the detectors put the body
        in its original case to one table only)."""
        bits, substrings = self.tests
        for substring, mask in substrings:
            if substring in text:
                bits |= mask
        return bits

    def decode(self, bits: int) -> dict[int, set[int]]:
        """The alternatives whose bits are set, by rule number (in the rules' order, which
        `first_match` relies on); kept, since the same few combinations come up again and
        again."""
        found: dict[int, set[int]] = {}
        for bit in set_bits(bits):
            number, branch = self.alternatives[bit]
            found.setdefault(number, set()).add(branch)
        if len(self.decoded) >= MAX_DECODED:
            self.decoded.clear()  # an unusual run of texts: start again rather than grow
        self.decoded[bits] = found
        return found


NO_CANDIDATES: dict[int, set[int]] = {}  # shared: callers only read candidates
MAX_DECODED = 4096  # combinations of candidates a table keeps
MAX_TESTS = 16  # substring tests that a table may do instead of a scan
# The mask of the alternatives without needles, and (substring, mask) for each needle.
SubstringTests = tuple[int, tuple[tuple[str, int], ...]]


def substring_tests(needles: list[frozenset[str] | None], offset: int) -> SubstringTests | None:
    """A small table's substring tests, with bits from `offset` on: every match of a needle
    contains its longest literal stretch. None for a table that would need over MAX_TESTS."""
    always, tests = 0, {}
    for bit, alternative in enumerate(needles, offset):
        if alternative is None:
            always |= 1 << bit
        for needle in alternative or ():
            stretch = needle_test(needle)[1]
            tests[stretch] = tests.get(stretch, 0) | 1 << bit
        if len(tests) > MAX_TESTS:
            return None
    return always, tuple(tests.items())


def set_bits(bits: int) -> Iterator[int]:
    """The positions of the bits set in a non-negative int, lowest first."""
    while bits:
        lowest = bits & -bits
        yield lowest.bit_length() - 1
        bits ^= lowest


class Index:
    """The needles of some tables' alternatives, each alternative with a bit of its own.

    `compile_all` puts every table in one Index, so that a text's needles are looked for once
    for all the tables: the detectors put a handful of texts to a dozen tables each.
    """

    def __init__(self) -> None:
        self.needles: list[frozenset[str] | None] = []  # by bit
        self.scanner: Scanner | None = None  # made on first use, and again after `add`

    def add(self, needles: list[frozenset[str] | None]) -> int:
        """Give alternatives (by their needles) the next bits; the first one's bit."""
        offset = len(self.needles)
        self.needles += needles
        self.scanner = None
        return offset

    def build(self) -> Scanner:
        """The scanner of the needles added so far."""
        self.scanner = Scanner(self.needles)
        return self.scanner


class Scanner:
    """Finds which needles of an Index occur in a text, and so which alternatives may match.

    Texts and needles are compared in a spaced form, where each needle's form occurs wherever
    the needle does (see `spaced`), so that one Aho-Corasick pass (compiled code) finds all of
    some five thousand needles, where `in` tests or sets of words would take a Python step per
    needle or word. A needle's mask has the bits of the alternatives it gates; a text's is the
    union of those found. The last few texts' masks are kept; a new scanner (after `Index.add`)
    starts afresh, so that none lacks bits added since.
    """

    def __init__(self, needles: list[frozenset[str] | None]) -> None:
        self.always = 0  # alternatives without needles
        by_form: dict[bytes, int] = {}  # a needle's spaced form -> mask
        by_text: dict[str, int] = {}  # a needle without words ("*", ","): its text -> mask
        for bit, alternative in enumerate(needles):
            if alternative is None:
                self.always |= 1 << bit
            for needle in alternative or ():
                form = spaced(needle)
                if form.isspace():  # in every spaced text: look for the needle's text instead
                    text = needle_test(needle)[1]
                    by_text[text] = by_text.get(text, 0) | 1 << bit
                else:
                    by_form[form] = by_form.get(form, 0) | 1 << bit
        self.substrings = tuple(by_text.items())
        self.masks = tuple(by_form.values())  # by the automaton's pattern number
        # A contiguous NFA: as fast as a DFA here, in a twentieth of the memory (~2 MB).
        self.automaton = by_form and BytesAhoCorasick(
            list(by_form), implementation=Implementation.ContiguousNFA
        )
        self.cache: dict[str, int] = {}  # text -> mask

    def scan(self, text: str) -> int:
        """The bits of the alternatives whose needles occur in the text, kept for a while."""
        bits = self.always
        for substring, mask in self.substrings:
            if substring in text:
                bits |= mask
        if self.automaton:
            found = self.automaton.find_matches_as_indexes(spaced_text(text), overlapping=True)
            for number in {number for number, _, _ in found}:
                bits |= self.masks[number]
        if len(self.cache) >= CACHED_TEXTS:
            self.cache.clear()  # simpler than evicting the oldest, and safe across threads
        self.cache[text] = bits
        return bits


CACHED_TEXTS = 32  # a message's texts (its body in two cases, variants, sentences) and more
NON_WORD_RUN = re.compile(r"\W+")


def spaced(needle: str) -> bytes:
    """A needle's form in a spaced text: each run of non-word characters, gaps and boundaries
    in it as one space. Where the needle occurs in a text, its form occurs in the text's: a run
    of non-word characters or a gap there lies in one run of the text's, one space in its spaced
    form, and a boundary beside a word is another such run or the text's end, a space too."""
    return NON_WORD_RUN.sub(" ", needle).encode("utf-8", "surrogatepass")


def spaced_text(text: str) -> bytes:
    """The text's \\w+ words with one space between and around them, in UTF-8 (bytes, so that
    any str can be searched, even one with lone surrogates). An ASCII text's words are split at
    its other characters, in a fraction of the time that the regex takes."""
    if text.isascii():
        return b" %s " % b" ".join(text.encode("ascii").translate(ASCII_WORDS).split())
    return (" %s " % " ".join(WORD.findall(text))).encode("utf-8", "surrogatepass")


# For ASCII text: a non-word character (Python's \w is [0-9A-Za-z_] in ASCII) to a space.
ASCII_WORDS = bytes(c if chr(c).isalnum() and c < 128 or c == ord("_") else 32 for c in range(256))


def first_match(table: Iterable[Rule], text: str) -> re.Match[str] | None:
    """The match of the first rule of a table that matches: `next(r.search(text) ...)`, with one
    look at the table's gates instead of one per rule."""
    if type(table) is Table:  # a whole table: only the rules that may match are visited
        for number, branches in table.gates.candidates(text).items():
            match = table[number].search_branches(text, branches)
            if match:
                return match
        return None
    return next(rule_matches(table, text), None)


def earliest(rules: Iterable[Rule], text: str) -> re.Match[str] | None:
    """The leftmost match of any rule (the earlier rule on a tie), wherever it is in the text,
    with one look at each table's gates instead of one per rule."""
    return min(rule_matches(rules, text), key=lambda match: match.start(), default=None)


def rule_matches(rules: Iterable[Rule], text: str) -> Iterator[re.Match[str]]:
    """The match of each rule that matches, in the rules' order, with one look at a table's
    gates for a run of its rules."""
    gates, found = None, NO_CANDIDATES
    for rule in rules:
        if rule.gates is not gates:
            gates = rule.gates
            found = gates.candidates(text)
        branches = found.get(rule.number)
        if branches and (match := rule.search_branches(text, branches)):
            yield match


def sub_all(table: Iterable[Rule], repl: str, text: str) -> str:
    """`rule.sub(repl, text)` with each rule in turn, visiting only the rules of a whole table that
    may match the text as it then is (one look at its gates per change to the text)."""
    if type(table) is not Table:
        for rule in table:
            text = rule.sub(repl, text)
        return text
    number = 0  # the first rule still to apply
    while (later := next((n for n in table.gates.candidates(text) if n >= number), None)) is not None:
        text = table[later].sub(repl, text)
        number = later + 1
    return text


def may_match(table: Iterable[Rule], text: str) -> bool:
    """Whether any rule of the table has an alternative whose needles occur in the text."""
    if type(table) is Table:
        return bool(table.gates.candidates(text))
    return any(rule.gates.candidates(text).get(rule.number) for rule in table)


def candidate_rules(table: Table, text: str) -> list[Rule]:
    """The rules of a whole table that may match the text, in order (one look at its gates)."""
    return [table[number] for number in table.gates.candidates(text)]


class Table(tuple):
    """The rules `compile_all` made together, which share one `Gates` (a slice of it, or rules
    of several tables joined, is a plain tuple, which the functions above take rule by rule)."""

    gates: Gates
    eager: bool  # compiled by `compile_every_table`, not on first use


def compile_all(*patterns: str, flags: int = 0, eager: bool = True) -> Table:
    """A Rule per pattern; they are matched against lower-cased text (twice as fast as re.I).

    With ``eager`` false, `compile_every_table` leaves the table's alternatives to be compiled
    on first use: for large tables that few messages reach (the residents' other languages)."""
    table = Table(Rule(p, flags) for p in patterns)
    table.gates, table.eager = Gates(list(table), flags, SHARED), eager
    for number, rule in enumerate(table):
        rule.gates, rule.number = table.gates, number
    TABLES.append(table)
    return table


TABLES: list[Table] = []  # every table made by compile_all
SHARED = Index()  # the alternatives of every table made by compile_all


def compile_every_table() -> None:
    """Compile every alternative of every eager table, and the tables' scanner, now (~0.5 s),
    not on a message's first use, so that a fresh service answers its first messages as fast as
    later ones."""
    for table in (table for table in TABLES if table.eager):
        for rule in table:
            for branch, compiled in enumerate(rule.compiled):
                if compiled is None:
                    rule.compile(branch)
    SHARED.build()


# Characters that are themselves in a pattern's source; a run of them is a literal.
PLAIN = re.compile(r"[\w ',&/-]+")
QUANTIFIERS = frozenset("?*+{")


def lead_with_literals(source: str) -> str:
    """The same pattern, with a leading \\b written after the literal text it stands before.

    `re` finds a pattern that starts with literal text by jumping between that text's
    occurrences, but tries a pattern that starts with \\b at every position (~40 ns each).
    Before a word character \\b means "no word character before", so `\\bnobody came` is
    `nobody(?<!\\wnobody) came`, and `\\b(?:gas|fumes)` is
    `(?:gas(?<!\\wgas)|fumes(?<!\\wfumes))`. A source of another shape is returned as it is.
    """
    if not source.startswith("\\b"):
        return source
    rest = source[2:]
    if rest.startswith("(?:"):
        end = group_end(rest)
        if end is None or rest[end + 1 : end + 2] in QUANTIFIERS and rest[end + 1 :]:
            return source  # an optional group: the \\b may stand before what follows it
        inner = [lead_literal(alt) for alt in alternatives(rest[3:end])]
        if None in inner:
            return source
        return "(?:" + "|".join(inner) + ")" + rest[end + 1 :]
    return lead_literal(rest) or source


def lead_literal(source: str) -> str | None:
    """`source` (which follows a \\b) with the word-boundary check after its leading literal
    text, or None if it does not start with literal text beginning with a word character."""
    match = PLAIN.match(source)
    if not match:
        return None
    run = match.group()
    if source[match.end() : match.end() + 1] in QUANTIFIERS and source[match.end():]:
        run = run[:-1]  # the last character is repeated, so it is not a fixed prefix
    if not run or not (run[0].isalnum() or run[0] == "_"):
        return None
    return f"{run}(?<!\\w{re.escape(run)}){source[len(run):]}"


def distributed(part: str) -> list[str]:
    """An alternative that opens with a group of options (after a \\b or not) as one alternative
    per option: `\\b(?:a|bc)\\s+d` as `\\b(?:a)\\s+d` and `\\b(?:bc)\\s+d`. At each position
    they are tried in the same order as the options, with the same rest, so they match just what
    the alternative does; but each has needles of its own and may lead with a literal (see
    `lead_with_literals`), so that fewer are searched, and those faster. An optional group
    (`?`) has one more option, the rest alone, tried last; an option that opens with a group is
    split in turn. Groups that capture after the options keep their numbers and names in each;
    left whole where an option captures (the options would number their groups apart) or the
    group repeats."""
    lead = "\\b" if part.startswith("\\b") else ""
    rest = part[len(lead) :]
    if not rest.startswith("(?:") or BACKREFERENCE.search(part):
        return [part]
    end = group_end(rest)
    if end is None:
        return [part]
    after = rest[end + 1 :]
    optional = after[:1] == "?" and after[1:2] not in ("?", "+")  # greedy: tried before skipped
    if optional:
        after = after[1:]
    elif after[:1] in QUANTIFIERS:
        return [part]
    options = alternatives(rest[3:end])
    if len(options) < 2 and not optional or _parser.parse(rest[: end + 1]).state.groups > 1:
        return [part]
    split = [branch for option in options for branch in (
        distributed(lead + option + after) if option.startswith("(?:")  # split in turn
        else [f"{lead}(?:{option}){after}"])]
    return split + distributed(lead + after) if optional else split


def group_end(source: str) -> int | None:
    """Index of the `)` that closes the group the source opens with, or None."""
    return next((i for i, char, depth in structure(source) if char == ")" and depth == 0), None)


def alternatives(source: str) -> list[str]:
    """The pattern split at its top-level `|` (outside groups and character classes)."""
    if re.match(r"\(\?[aiLmsux]+\)", source):
        return [source]  # global inline flags belong to the whole pattern
    bars = [i for i, char, depth in structure(source) if char == "|" and depth == 0]
    return [source[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(source)])]


# An escape, a character class (a leading "]" in it is a literal) or one of ( ) |.
SYNTAX = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)


def structure(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) of each `(`, `)` and `|` outside character classes
    and escapes (found by a regex that steps over those: the patterns run to 100 kB)."""
    depth = 0
    for token in SYNTAX.finditer(source):
        char = token.group()
        if len(char) == 1:  # ( ) or |, not an escape or a class
            depth += (char == "(") - (char == ")")
            yield token.start(), char, depth


@lru_cache(maxsize=None)
def strength(needle: str) -> int:
    """How selective a needle's test is: a whole word counts a little more than its letters."""
    whole, text = needle_test(needle)
    return sum(len(w) + 1 for w in whole) if whole else len(text)


@lru_cache(maxsize=None)
def needle_test(needle: str) -> tuple[tuple[str, ...], str]:
    """How to look for a needle: the whole words in it (\\b or a non-word character on both
    sides), longest first, all of which the text must have; else its longest stretch of text."""
    whole = {m.group() for m in WORD.finditer(needle) if 0 < m.start() and m.end() < len(needle)}
    return tuple(sorted(whole, key=lambda w: (-len(w), w))), max(MARKS.split(needle), key=len)


# Needles come from the parse tree. Each node gives (exact, needles): `exact` is the small set of
# strings the node can match (EDGE and GAP standing for \b and runs of non-word characters), else
# None; `needles` a set of which every match contains one, else None.
Info = tuple[frozenset[str] | None, frozenset[str] | None]


NEEDLE_CACHE = Path(__file__).parent / "data" / "needles.json"


@cache
def stored_needles() -> dict[str, list[str] | None]:
    """Needles derived earlier, by "flags:source" (`python -m triage.rule_engine` writes them):
    deriving them for the ~2,000 alternatives costs most of a second at start-up. An alternative
    missing from the file is derived as usual; a test keeps the file current."""
    try:
        return json.loads(NEEDLE_CACHE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def make_needles(source: str, flags: int) -> frozenset[str] | None:
    """Needles of a pattern, or None when there are none (from `stored_needles` if there)."""
    key = f"{flags}:{source}"
    stored = stored_needles()
    if key in stored:
        needles = stored[key]
        return None if needles is None else frozenset(needles)
    return derive_needles(source, flags)


def required_substrings(source: str) -> frozenset[str] | None:
    """Substrings of which every match of a pattern (compiled without flags) contains one: the
    longest stretch of text of each of its needles; None when it has no needles."""
    needles = derive_needles(source, 0)
    return None if needles is None else frozenset(needle_test(needle)[1] for needle in needles)


def derive_needles(source: str, flags: int) -> frozenset[str] | None:
    """Needles of a pattern from its parse tree, or None when there are none."""
    if flags & (re.ASCII | re.LOCALE):
        return None  # \b and \W would not mean what WORD means
    needles = required(*sequence(_parser.parse(source, flags & ~re.VERBOSE)))
    if needles and flags & re.IGNORECASE:  # tested against lower-cased ASCII text only
        needles = frozenset(n.lower() for n in needles)
        return needles if all(n.isascii() for n in needles) else None
    return needles


def sequence(items, needed: bool = True) -> Info:
    """A concatenation: its exact strings, and (if needed) the best needles among its runs and
    parts."""
    items = getattr(items, "data", items)  # a SubPattern's list: faster to iterate
    parts, candidates, single = [], [], ""  # exact sets, with adjacent single strings joined
    for i, (op, value) in enumerate(items):
        if op is _parser.LITERAL and chr(value) not in (EDGE, GAP):
            single += chr(value)  # the common case, kept cheap
            continue
        exact, needles = node(op, value)
        if exact is None and op is _parser.BRANCH:  # needles with the neighbours: \b(?:...)\b
            needles = branch_needles(value[1], items[max(i - 1, 0) : i], items[i + 1 : i + 2])
        if exact is not None and len(exact) == 1:
            single += min(exact)
            continue
        if single:
            parts.append(frozenset({single}))
            single = ""
        parts.append(exact)
        if exact is None:
            candidates.append(needles)
    if single:
        parts.append(frozenset({single}))
    whole = EMPTY
    for exact in parts:
        whole = exact and cross(whole, exact)
        if not whole:
            return None, best(candidates + runs_of(parts)) if needed else None
    return whole, None  # `required` picks from the whole strings if they are needed


def runs_of(parts: list) -> list[frozenset[str]]:
    """For each exact part, the strings of it joined with a single string just before it and with
    the following parts as long as they add no alternatives."""
    runs = []
    for start, run in enumerate(parts):
        if run is None:
            continue
        before = parts[start - 1] if start else None
        run = cross(before, run) if before and len(before) == 1 else run
        for exact in parts[start + 1 :]:
            grown = exact and cross(run, exact)
            if not grown or len(grown) > len(run):
                break
            run = grown
        runs.append(run)
    return runs


def node(op, value) -> Info:
    """(exact, needles) of one parse-tree node; anything unknown may match anything."""
    if op is _parser.LITERAL:
        return (None if chr(value) in (EDGE, GAP) else frozenset(chr(value))), None
    if op is _parser.AT:
        return frozenset({EDGE if value is _parser.AT_BOUNDARY else ""}), None
    if op in (_parser.ASSERT, _parser.ASSERT_NOT):
        return EMPTY, None
    if op is _parser.IN:
        return characters(value), None
    if op is _parser.SUBPATTERN:
        return NOTHING if value[1] & (re.IGNORECASE | re.ASCII | re.LOCALE) else sequence(value[3])
    if op is _parser.BRANCH:
        return branch(value[1])
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        return repeat(*value)
    return NOTHING


def characters(items) -> frozenset[str] | None:
    """A class's few characters ([aă], [0-5]), or GAP for non-word classes such as \\s."""
    chars: set[str] = set()
    for op, value in getattr(items, "data", items):  # a SubPattern's list: faster to iterate
        if op is _parser.LITERAL and chr(value) not in (EDGE, GAP):
            chars.add(chr(value))
        elif op is _parser.RANGE and value[1] - value[0] < MAX_STRINGS:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif op is _parser.CATEGORY and value in NON_WORD_CATEGORIES:
            chars.add(GAP)
        else:
            return None
    if GAP in chars:
        return frozenset(GAP) if not any(WORD.match(c) for c in chars) else None
    return frozenset(chars) if len(chars) <= MAX_STRINGS else None


def branch(options) -> Info:
    """An alternation: the union of its options' strings (its needles come from `sequence`,
    which knows the parts around it)."""
    parts = [sequence(option, needed=False)[0] for option in options]
    if all(exact is not None for exact in parts):
        union = frozenset().union(*parts)
        if len(union) <= MAX_STRINGS:
            return union, None
    return NOTHING


def branch_needles(options, before: list, after: list) -> frozenset[str] | None:
    """Needles of an alternation that is not spelled out, each option taken with the parts just
    before and after it (a \\b there turns "leak" into the word test "\\0leak\\0")."""
    needles = [required(*sequence([*before, *option, *after])) for option in options]
    return reduced(frozenset().union(*needles)) if all(needles) else None


def repeat(low: int, high: int, items) -> Info:
    """`x?` spelled out as {"", x}, `\\s+` as GAP; other repeats keep x's needles when x must
    occur."""
    exact, needles = sequence(items)
    if exact is not None and (high == 1 or exact == {GAP}):
        return (exact | EMPTY if low == 0 else exact), None
    return NOTHING if low == 0 else (None, required(exact, needles))


def required(exact, needles) -> frozenset[str] | None:
    """A node's needles: its own, or else the best of its exact strings."""
    return needles if needles is not None else best([exact]) if exact else None


def cross(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    """Every concatenation of a left and a right string; None when there would be too many."""
    if len(left) * len(right) > MAX_STRINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def reduced(needles: frozenset[str]) -> frozenset[str]:
    """Drop needles that contain another: finding the longer one implies the shorter."""
    return frozenset(n for n in needles if not any(o != n and o in n for o in needles))


def best(candidates) -> frozenset[str] | None:
    """The most selective, cheapest needle set, or None when every candidate is useless."""
    usable = [c for c in candidates if c and all(map(strength, c))]
    return reduced(max(usable, key=needle_score)) if usable else None


def needle_score(needles: frozenset[str]) -> tuple[int, int, int]:
    """Stronger tests first (up to a point), then fewer substring tests, then fewer tests."""
    weakest = min(map(strength, needles))
    substrings = sum(not needle_test(n)[0] for n in needles)
    return min(weakest, 12), -substrings, -len(needles)


def write_needle_cache() -> int:
    """Store the needles of every alternative of every table (`stored_needles`); the count."""
    import triage.flags  # noqa: F401  (imports every module of rule tables)
    from triage import rule_engine  # the module the tables registered in (not __main__)

    entries = {}
    for table in rule_engine.TABLES:
        for rule in table:
            for part in rule.parts:
                needles = rule_engine.derive_needles(part, rule.flags)
                entries[f"{rule.flags}:{part}"] = None if needles is None else sorted(needles)
    NEEDLE_CACHE.write_text(json.dumps(entries, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                            encoding="utf-8")
    return len(entries)


if __name__ == "__main__":
    print(f"stored the needles of {write_needle_cache()} alternatives in {NEEDLE_CACHE}")
