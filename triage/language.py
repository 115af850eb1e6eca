"""Language identification of inbound text with py3langid, restricted to plausible languages."""

from __future__ import annotations

import re
import threading

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


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure."""
    cleaned = NOISE.sub(" ", text)
    if letter_count(cleaned) < MIN_LETTERS:
        return None
    lang, confidence = identifier().classify(cleaned[:MAX_CHARS])
    return str(lang) if float(confidence) >= MIN_CONFIDENCE else None
