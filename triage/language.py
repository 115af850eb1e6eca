"""Language identification of inbound text with py3langid, restricted to plausible languages.

Most messages are plainly English: plain ASCII (typographic quotes, £ and emoji aside) in which
at least a fifth of the words are common English function words. Those are answered "en" at a glance, in a
few microseconds rather than py3langid's ~0.4 ms; everything else goes to py3langid. On the
training corpus no message in another language comes near that share (the highest is 0.14, a
Welsh note); a test keeps it so.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Languages UK social-housing residents commonly write in (py3langid lacks so and ti).
PLAUSIBLE_LANGUAGES: tuple[str, ...] = (
    "en", "cy", "pl", "ro", "ur", "ar", "bn", "pa", "pt", "es", "lt", "so", "tr",
    "uk", "fr", "it", "de", "hi", "gu", "zh", "fa", "ku", "ti",
)  # fmt: skip
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5
MAX_CHARS = 600  # the opening is enough to tell the language; the classifier's cost grows with length
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Quoted replies, URLs and e-mail addresses say nothing about the writer's language.
NOISE = re.compile(r"^>.*$|https?://\S+|\S+@\S+", re.M)
# Words that are English and not also common words of the other plausible languages (so not "a",
# "i", "o", "y", "to", "no", "do", "in", "on", "me", "as", which Welsh, Polish, Romanian, Spanish or
# Portuguese use too).
ENGLISH_WORDS = frozenset("""
    the and of is it my we you for this that have has not was with are be been but can our your
    please there they he she his her them what when will would could from at by if about just still
    had did don't i'm it's get got an again since out up all they're we're there's can't isn't
    which who how any some one now very really thanks thank hi hello dear regards being were i've
    i'll didn't doesn't won't because
""".split())
ENGLISH_WORD_BYTES = frozenset(word.encode("ascii") for word in ENGLISH_WORDS)
ENGLISH_SHARE = 0.2
MIN_WORDS_AT_A_GLANCE = 8
# The words of lower-cased ASCII text are its runs of letters and apostrophes: with every other
# byte made a space, its whitespace-separated words (faster than a regex's findall).
WORD_BYTES = b"abcdefghijklmnopqrstuvwxyz'"
OTHER_BYTES_TO_SPACE = bytes(c if c in WORD_BYTES else 32 for c in range(256))
# Typographic marks as ASCII. No mark is the ASCII of another, so replacing them one after another
# is the same as all at once (and str.replace is far faster than str.translate with a table).
TYPOGRAPHY: tuple[tuple[str, str], ...] = (
    ("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
    ("\u00a3", " "), ("\u2013", "-"), ("\u2014", "-"), ("\u2026", "."),
)
# Emoji, pictographs, bullets and the joiners between them say nothing about the language.
PICTOGRAPHS = re.compile("[\u2022\u00b7\u00b0\u20ac\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff"
                         "\ufe0f\u200d\U0001f000-\U0001faff]+")


_LOCK = threading.Lock()
_IDENTIFIER: list[LanguageIdentifier] = []


def identifier() -> LanguageIdentifier:
    """The shared, restricted py3langid identifier, loaded once (about a second: xz model)."""
    with _LOCK:
        if not _IDENTIFIER:
            ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            known = set(ident.nb_classes)
            ident.set_languages([lang for lang in PLAUSIBLE_LANGUAGES if lang in known])
            _IDENTIFIER.append(ident)
        return _IDENTIFIER[0]


def warm_up() -> None:
    """Start loading the identifier in the background so the first message need not wait."""
    threading.Thread(target=identifier, name="triage-langid-load", daemon=True).start()


def letter_count(text: str) -> int:
    """Number of letters (any script) in a text."""
    return len(LETTER.findall(text))


def has_letters(text: str, at_least: int) -> bool:
    """Whether the text has at least this many letters: read only as far as the last of them."""
    return at_least <= 0 or letters_at_least(at_least).match(text) is not None


@lru_cache(maxsize=None)
def letters_at_least(count: int) -> re.Pattern[str]:
    """A pattern that matches a text (from its start) when it has at least ``count`` letters:
    ``count`` times any non-letters, then a letter (the two classes split every character)."""
    return re.compile(r"(?:[\W\d_]*+[^\W\d_]){%d}" % count)


def has_noise(text: str) -> bool:
    """Whether NOISE could match: a quote mark, a link or an @."""
    return ">" in text or "@" in text or "://" in text


def plain_typography(text: str) -> str:
    """The text with its typographic quotes, dashes, ellipses and pound signs made ASCII."""
    for mark, plain in TYPOGRAPHY:
        text = text.replace(mark, plain)
    return text


def english_share(text: str) -> float | None:
    """Share of the words that are common English function words, for plain ASCII text with at
    least MIN_WORDS_AT_A_GLANCE words; None otherwise."""
    lowered = text.lower()
    if not lowered.isascii():  # typography and pictographs are all outside ASCII
        lowered = PICTOGRAPHS.sub(" ", plain_typography(lowered))
        if not lowered.isascii():
            return None
    words = lowered.encode("ascii").translate(OTHER_BYTES_TO_SPACE).split()
    if len(words) < MIN_WORDS_AT_A_GLANCE:
        return None
    return sum(map(ENGLISH_WORD_BYTES.__contains__, words)) / len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure."""
    cleaned = NOISE.sub(" ", text) if has_noise(text) else text
    if not has_letters(cleaned, MIN_LETTERS):
        return None
    share = english_share(cleaned[:MAX_CHARS])
    if share is not None and share >= ENGLISH_SHARE:
        return "en"
    lang, confidence = identifier().classify(cleaned[:MAX_CHARS])
    return str(lang) if float(confidence) >= MIN_CONFIDENCE else None
