"""Fast regex search for the rule tables: the same results as `re`, far fewer scans.

Python's `re` tries every position of the text, ~25-50 ns each per pattern, and cannot skip ahead
when a pattern starts with \\b: the flag tables' ~90 patterns cost ~2 ms per message. A `Rule`
splits its pattern at the top-level `|` and derives, for each alternative, needles (whole words or
substrings) of which every match contains one; only alternatives whose needles occur in the text
are searched. `tests/unit/triage/test_rule_gates.py` checks every table against plain `re`.

The needles come from the standard library's own regex parser (`re._parser`); a node the analysis
does not know just means that alternative is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from re import _parser  # the standard library's regex parser, used only to derive needles

WORD = re.compile(r"\w+")
EDGE = "\0"  # in a derived needle: a word boundary (\b)
GAP = "\1"  # in a derived needle: one or more non-word characters (\s+, \W*...)
MARKS = re.compile("[\0\1]")
# The only non-ASCII characters that match an ASCII letter under re.IGNORECASE (İ ı ſ K).
FOLDS_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
NON_WORD_CATEGORIES = (_parser.CATEGORY_SPACE, _parser.CATEGORY_NOT_WORD)
MAX_STRINGS = 64  # a run of literals is not spelled out beyond this many alternatives
EMPTY = frozenset({""})
NONE: frozenset[int] = frozenset()
NOTHING = (None, None)  # no exact strings, no needles: may match anything


class Rule:
    """One table pattern, searched faster but with exactly the compiled pattern's results.

    Python's `re` tries every position of the text, ~25-50 ns each per pattern, and cannot skip
    ahead when a pattern starts with \\b: the ~90 patterns cost ~2 ms per message. A Rule splits
    its pattern at the top-level `|` and derives, for each alternative, needles (whole words or
    substrings) of which every match contains one. Only alternatives whose needles occur in the
    text are searched; the leftmost of their matches, the earlier alternative on a tie, is the
    pattern's own match.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self.parts = alternatives(source)
        self.needles = tuple(make_needles(part, flags) for part in self.parts)
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

    def search_branches(self, text: str, branches: set[int]) -> re.Match[str] | None:
        """The leftmost match of the given alternatives, the earlier alternative on a tie."""
        found = None
        for branch in sorted(branches):
            match = (self.compiled[branch] or self.compile(branch)).search(text)
            if match and (found is None or match.start() < found.start()):
                found = match
        return found

    def sub(self, repl: str, text: str) -> str:
        """`pattern.sub(repl, text)`: skipped when no alternative can match, else done with only
        the alternatives that can (in order; the others match nowhere in the text)."""
        branches = self.candidates(text)
        if not branches:
            return text
        if len(branches) == len(self.parts) or BACKREFERENCE.search(self.source):
            return self.pattern.sub(repl, text)
        return self.subset(frozenset(branches)).sub(repl, text)

    def subset(self, branches: frozenset[int]) -> re.Pattern[str]:
        """The pattern of only these alternatives, compiled once per set."""
        pattern = self.subsets.get(branches)
        if pattern is None:
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

    The detectors try a table's rules one after another on the same text, so the last answer is
    kept: one set intersection and one substring scan per table instead of per rule.
    """

    def __init__(self, rules: list[Rule], flags: int) -> None:
        self.fold = bool(flags & re.IGNORECASE)  # gates then test lower-cased ASCII text
        self.everything = {n: set(range(len(r.parts))) for n, r in enumerate(rules)}
        self.always = {n: {i for i in branches if rules[n].needles[i] is None}  # without needles
                       for n, branches in self.everything.items()}
        self.always = {n: branches for n, branches in self.always.items() if branches}
        self.by_word: dict[str, list[tuple[int, int, frozenset[str]]]] = {}  # see add()
        self.by_text: dict[str, list[tuple[int, int]]] = {}  # substring -> (rule, alternative)
        for number, rule in enumerate(rules):
            for branch, needles in enumerate(rule.needles):
                self.add(number, branch, [needle_test(n) for n in needles or ()])
        self.words = frozenset(self.by_word)
        self.substrings = tuple(self.by_text)
        self.last: tuple[str | None, dict[int, set[int]]] = (None, {})

    def add(self, number: int, branch: int, tests: list[tuple[tuple[str, ...], str]]) -> None:
        """Index an alternative under its needles: under the longest word of each needle, with
        the needle's other words, or else among the substrings."""
        for key, *others in (words for words, _ in tests if words):
            self.by_word.setdefault(key, []).append((number, branch, frozenset(others)))
        for text in (text for words, text in tests if not words):
            self.by_text.setdefault(text, []).append((number, branch))

    def candidates(self, text: str) -> dict[int, set[int]]:
        """For each rule that may match the text (by number), the alternatives that may; shared,
        so callers only read it."""
        last_text, last = self.last
        if last_text is text:
            return last
        gated = text
        if self.fold:  # the needles are ASCII: under re.I only ASCII letters and four others match
            gated = (text if text.isascii() else text.translate(FOLDS_TO_ASCII)).lower()
        found = self.scan(gated)
        self.last = (text, found)
        return found

    def scan(self, text: str) -> dict[int, set[int]]:
        """`candidates`, from the words and substrings found in the text."""
        found = {number: set(branches) for number, branches in self.always.items()}
        if self.words:
            present = words(text)
            for key in self.words.intersection(present):
                for number, branch, others in self.by_word[key]:
                    if others <= present:
                        found.setdefault(number, set()).add(branch)
        for substring in filter(text.__contains__, self.substrings):
            for number, branch in self.by_text[substring]:
                found.setdefault(number, set()).add(branch)
        return found


def first_match(table: Iterable[Rule], text: str) -> re.Match[str] | None:
    """The match of the first rule of a table that matches: `next(r.search(text) ...)`, with one
    look at the table's gates instead of one per rule."""
    gates, found = None, {}
    for rule in table:
        if rule.gates is not gates:
            gates = rule.gates
            found = gates.candidates(text)
        branches = found.get(rule.number)
        if branches:
            match = rule.search_branches(text, branches)
            if match:
                return match
    return None


def may_match(table: Iterable[Rule], text: str) -> bool:
    """Whether any rule of the table has an alternative whose needles occur in the text."""
    return any(rule.gates.candidates(text).get(rule.number) for rule in table)


def compile_all(*patterns: str, flags: int = 0) -> tuple[Rule, ...]:
    """A Rule per pattern; they are matched against lower-cased text (twice as fast as re.I)."""
    table = tuple(Rule(p, flags) for p in patterns)
    gates = Gates(list(table), flags)
    for number, rule in enumerate(table):
        rule.gates, rule.number = gates, number
    TABLES.append(table)
    return table


TABLES: list[tuple[Rule, ...]] = []  # every table made by compile_all


def compile_every_table() -> None:
    """Compile every alternative of every table now (~0.25 s), not on a message's first use, so
    that a fresh service answers its first messages as fast as later ones."""
    for table in TABLES:
        for rule in table:
            for branch, compiled in enumerate(rule.compiled):
                if compiled is None:
                    rule.compile(branch)


@lru_cache(maxsize=64)
def words(text: str) -> frozenset[str]:
    """The text's \\w+ tokens, cached: one text meets many rules."""
    return frozenset(WORD.findall(text))


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


def group_end(source: str) -> int | None:
    """Index of the `)` that closes the group the source opens with, or None."""
    return next((i for i, char, depth in structure(source) if char == ")" and depth == 0), None)


def alternatives(source: str) -> list[str]:
    """The pattern split at its top-level `|` (outside groups and character classes)."""
    if re.match(r"\(\?[aiLmsux]+\)", source):
        return [source]  # global inline flags belong to the whole pattern
    bars = [i for i, char, depth in structure(source) if char == "|" and depth == 0]
    return [source[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(source)])]


def structure(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) of each `(`, `)` and `|` outside character classes
    and escapes."""
    depth, i = 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = class_end(source, i)
        elif char in "()|":
            depth += (char == "(") - (char == ")")
            yield i, char, depth
        i += 1


def class_end(source: str, i: int) -> int:
    """Index of the `]` that closes the character class opened at i."""
    i += 2 if source[i + 1 : i + 2] == "^" else 1
    i += 1 if source[i : i + 1] == "]" else 0  # a leading ] is a literal
    while source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i


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


def make_needles(source: str, flags: int) -> frozenset[str] | None:
    """Needles of a pattern, or None when there are none."""
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
