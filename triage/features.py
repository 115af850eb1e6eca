"""Text normalisation, the TF-IDF feature union, and per-term explanations of a prediction."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
from ahocorasick_rs import AhoCorasick

from triage.rule_engine import required_substrings


ASCII_DIGITS = "0123456789"  # in ASCII text, what \d matches
ANY_DIGIT = re.compile(r"\d").search


def has_digit(text: str) -> bool:
    r"""Whether \d matches somewhere in the text: in ASCII text, ten substring searches (which skip
    through the text many characters at a time), rather than a regex testing every character."""
    if text.isascii():
        return any(map(text.__contains__, ASCII_DIGITS))
    return ANY_DIGIT(text) is not None


# Order matters: case references and e-mails before phone numbers, phone numbers before digits.
# Each is tried only on a text that has what every match needs (four digits between hyphens, an
# "@", a digit...), which is cheaper to look for. The phone pattern looks behind its first
# character ("+" or "0") for a word character, rather than before it, and the digits pattern is
# \d\d* rather than \d+, so that `re` can skip straight to the characters they start with.
NORMALISERS: tuple[tuple[re.Pattern[str], str, Callable[[str], object]], ...] = (
    (re.compile(r"\b[a-z]{2,4}-\d{4}-\d{3,}\b", re.I), " caseref ", re.compile(r"-\d{4}-").search),
    (re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b"), " emailaddr ", lambda text: "@" in text),
    (re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I), " weblink ",
     lambda text: "://" in text or "www." in text),
    (re.compile(r"(?:\+(?<!\w\+)44\s?\(?0?\)?|0(?<!\w0))\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),
     " phonenum ", has_digit),
    (re.compile(r"\d\d*"), "0", has_digit),
    # Runs of blanks, and any tab, CR, FF or VT (a lone space stays): each has "  " or one of those.
    (re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]"), " ",
     lambda text: any(map(text.__contains__, ("  ", "\t", "\r", "\f", "\v")))),
)
# Residents write in many languages; a few key words are tagged with an English token after them so
# the few non-English training messages teach the model the same cues as the English ones.
LEXICON_WORDS: tuple[tuple[str, str], ...] = (
    ("thanks", r"dzi[eę]k\w*|mul[tț]umesc|mul[tț]umim|gracias|obrigad[oa]|diolch|a[cč]i[uū]|"
               r"shukran|shukriya|merci|danke|grazie|te[sş]ekk[uü]r\w*|спасибо|дякую|شكرا\S*|"
               r"धन्यवाद|ধন্যবাদ|mahadsan\w*|dhanyavaad|meherbani"),
    ("complaint", r"reclama[tț]i\w*|reclama[cç][aã]o|queja|cwyn|chwyn|g[wŵ]yn|skarg\w*|"
                  r"[sş]ikayet|شكوى|shikayat"),
    ("neighbour", r"s[aą]siad\w*|vecin\w*|vecino\w*|vizinh\w*|cymydog\w*|drws nesaf|deris\w*|"
                  r"padosi|kaimyn\w*|الجيران|جار"),
    ("noise", r"ha[lł]as\w*|g[lł]o[sś]n\w*|zgomot\w*|ruido|barulho|s[wŵ]n|shor|triuk[sš]m\w*|"
              r"muzyk\w*|m[uú]sica|muzic[aă]|muusig\w*|ضوضاء"),
    ("suggestion", r"sugesti[ae]|sugerencia|sugest[aã]o|ideia|awgrym|raay|mashwara|اقتراح"),
    ("broken", r"nie dzia[lł]a|zepsu\w*|stricat\w*|nu func[tț]ioneaz[aă]|no funciona|"
               r"avariad[oa]|wedi torri|kharab"),
    ("again", r"znowu|ponownie|din nou|otra vez|outra vez|phir se|dobara"),
)
# One pattern for all seven, so the text is scanned once; each match gets its word's token.
LEXICON = re.compile(r"(?<!\w)(?:" + "|".join(
    f"(?P<{token}>{words})" for token, words in LEXICON_WORDS) + r")(?!\w)")
# Most messages have none of the words: every match contains one of these substrings (see
# `required_substrings`), which one Aho-Corasick pass looks for.
LEXICON_CUES = AhoCorasick(sorted(required_substrings(LEXICON.pattern)))
# Char n-grams are unreadable as reasons unless they are mostly letters.
READABLE_CHARS = re.compile(r"^\s?[a-z']{3,}\s?$")
MAX_REASONS = 5
MAX_CANDIDATES = 40  # reasons are looked for among this many top-contributing features
WEIGHTS = {"word": 1.5, "char": 1.0}
# Words too common to explain anything on their own (kept short: "again", "still" do explain).
FUNCTION_WORDS = frozenset(
    "0 a an and are as at be been but by do for from had has have he her his i in is it its me my "
    "of on or our she so that the their them they this to was we were with you your".split()
)


def normalise(text: str) -> str:
    """Lower-case a text and replace references, contacts and digits with stable tokens."""
    out = text.lower()
    if LEXICON_CUES.find_matches_as_indexes(out):
        out = LEXICON.sub(tagged, out)
    for pattern, replacement, needed in NORMALISERS:
        if needed(out):
            out = pattern.sub(replacement, out)
    return out.strip()


def tagged(match: re.Match[str]) -> str:
    """A lexicon word followed by the English token of its group."""
    token = next(token for token, _ in LEXICON_WORDS if match.group(token) is not None)
    return f"{match.group(0)} {token}"


def compose(subject: str | None, text: str) -> str:
    """Join subject and body into the one normalised document the model sees."""
    return normalise(f"{subject}\n{text}" if subject else text)


def term_contributions(
    index: np.ndarray, values: np.ndarray, weights: np.ndarray
) -> list[tuple[int, float]]:
    """(feature index, coef × value) of the strongest positive features, largest first (ties in
    their order in ``index``)."""
    scores = values * weights[index]
    # Sorting only the features at least as strong as the MAX_CANDIDATES-th strongest (ties
    # included, in their order) gives the same first MAX_CANDIDATES as sorting them all, faster.
    # When that one is not positive, fewer than MAX_CANDIDATES are, and they all are candidates.
    least = (np.partition(scores, -MAX_CANDIDATES)[-MAX_CANDIDATES]
             if len(scores) > MAX_CANDIDATES else 0.0)
    candidates = (scores >= least if least > 0 else scores > 0).nonzero()[0]
    order = candidates[(-scores[candidates]).argsort(kind="stable")][:MAX_CANDIDATES]
    return list(zip(index[order].tolist(), scores[order].tolist()))


def is_redundant(term: str, chosen: list[str]) -> bool:
    """True when a term overlaps one already chosen ("plea" after "please")."""
    for other in chosen:  # a loop rather than any() over a generator: called ~40 times a message
        if term in other or other in term:
            return True
    return False


def is_readable(kind: str, term: str) -> bool:
    """Whole words that are not bare function words, or char n-grams that are mostly letters."""
    if kind == "word":
        tokens = term.split()
        return not any(t.isdigit() or "0" in t for t in tokens) and not all(
            t in FUNCTION_WORDS for t in tokens
        )
    return bool(READABLE_CHARS.match(term))


@lru_cache(maxsize=20_000)
def feature(name: str) -> tuple[str, str, bool]:
    """A feature name ("word__boiler") as its kind, its term and whether it reads as a reason."""
    kind, _, term = name.partition("__")
    term = term.strip()
    return kind, term, is_readable(kind, term)


def describe_terms(
    contributions: list[tuple[int, float]], names: Sequence[str], label: str
) -> list[str]:
    """Human-readable reasons for the top terms, preferring whole words over char n-grams."""
    words: list[str] = []
    chars: list[str] = []
    chosen: list[str] = []  # words and chars together
    for index, _ in contributions:
        kind, term, readable = feature(str(names[index]))
        if not readable or is_redundant(term, chosen):
            continue
        chosen.append(term)
        (words if kind == "word" else chars).append(term)
        if len(words) >= MAX_REASONS:
            break
    described = [f'word "{t}" → {label}' for t in words]
    described += [f'chars "{t}" → {label}' for t in chars]
    return described[:MAX_REASONS]
