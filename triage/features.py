"""Text normalisation, the TF-IDF feature union, and per-term explanations of a prediction."""

from __future__ import annotations

import re

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

# Order matters: case references and e-mails before phone numbers, phone numbers before digits.
NORMALISERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[a-z]{2,4}-\d{4}-\d{3,}\b", re.I), " caseref "),
    (re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b"), " emailaddr "),
    (re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I), " weblink "),
    (re.compile(r"(?<!\w)(\+44\s?\(?0?\)?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"), " phonenum "),
    (re.compile(r"\d+"), "0"),
    (re.compile(r"[ \t\r\f\v]+"), " "),
)
# Char n-grams are unreadable as reasons unless they are mostly letters.
READABLE_CHARS = re.compile(r"^\s?[a-z']{3,}\s?$")
MAX_REASONS = 5
# Words too common to explain anything on their own (kept short: "again", "still" do explain).
FUNCTION_WORDS = frozenset(
    "0 a an and are as at be been but by do for from had has have he her his i in is it its me my "
    "of on or our she so that the their them they this to was we were with you your".split()
)


def normalise(text: str) -> str:
    """Lower-case a text and replace references, contacts and digits with stable tokens."""
    out = text.lower()
    for pattern, replacement in NORMALISERS:
        out = pattern.sub(replacement, out)
    return out.strip()


def compose(subject: str | None, text: str) -> str:
    """Join subject and body into the one normalised document the model sees."""
    return normalise(f"{subject}\n{text}" if subject else text)


def build_vectoriser(word_min_df: int = 2, char_min_df: int = 2) -> FeatureUnion:
    """Word 1-2 grams plus char_wb 2-5 grams, both sublinear TF-IDF."""
    word = TfidfVectorizer(
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=word_min_df,
        token_pattern=r"(?u)\b\w+\b|!|\?",
    )
    char = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=char_min_df
    )
    return FeatureUnion([("word", word), ("char", char)])


def term_contributions(row: sparse.csr_matrix, weights: np.ndarray) -> list[tuple[int, float]]:
    """(feature index, coef × value) for the row's non-zero features, largest positive first."""
    row = row.tocsr()
    scores = row.data * weights[row.indices]
    order = np.argsort(-scores)
    return [(int(row.indices[i]), float(scores[i])) for i in order if scores[i] > 0]


def is_redundant(term: str, chosen: list[str]) -> bool:
    """True when a term overlaps one already chosen ("plea" after "please")."""
    return any(term in other or other in term for other in chosen)


def is_readable(kind: str, term: str) -> bool:
    """Whole words that are not bare function words, or char n-grams that are mostly letters."""
    if kind == "word":
        return not all(token in FUNCTION_WORDS for token in term.split())
    return bool(READABLE_CHARS.match(term))


def describe_terms(
    contributions: list[tuple[int, float]], names: np.ndarray, label: str
) -> list[str]:
    """Human-readable reasons for the top terms, preferring whole words over char n-grams."""
    words: list[str] = []
    chars: list[str] = []
    for index, _ in contributions:
        kind, _, term = str(names[index]).partition("__")
        term = term.strip()
        if not is_readable(kind, term) or is_redundant(term, words + chars):
            continue
        (words if kind == "word" else chars).append(term)
        if len(words) >= MAX_REASONS:
            break
    described = [f'word "{t}" → {label}' for t in words]
    described += [f'chars "{t}" → {label}' for t in chars]
    return described[:MAX_REASONS]
