"""Normalisation of the document the model sees, and the wording of term reasons."""

from __future__ import annotations

import numpy as np

from triage.features import MAX_CANDIDATES, compose, describe_terms, normalise, term_contributions


def test_normalise_replaces_references_contacts_and_digits() -> None:
    text = "Ref DS-2025-000123, ring 07700 900418 or mail a.b@example.org, see www.x.org/y 3rd"
    out = normalise(text)
    assert "caseref" in out and "phonenum" in out and "emailaddr" in out and "weblink" in out
    assert "0rd" in out and "2025" not in out


def test_compose_joins_subject_and_lowercases() -> None:
    assert compose("Leak STILL not fixed", "Hi") == "leak still not fixed\nhi"
    assert compose(None, "Hi") == "hi"


def test_describe_terms_prefers_words_and_skips_function_words_and_overlaps() -> None:
    names = np.array(["word__the", "word__again", "char__agai", "char__ plea", "word__nobody"])
    contributions = [(0, 0.9), (1, 0.8), (2, 0.7), (3, 0.6), (4, 0.5)]
    reasons = describe_terms(contributions, names, "complaint")
    assert reasons == [
        'word "again" → complaint',
        'word "nobody" → complaint',
        'chars "plea" → complaint',
    ]


def test_other_languages_get_english_cue_tokens() -> None:
    out = normalise("Dzięki wielkie! Sąsiad puszcza głośną muzykę. Mulțumesc, reclamație")
    assert "dzięki thanks" in out and "sąsiad neighbour" in out
    assert "muzykę noise" in out and "mulțumesc thanks" in out and "complaint" in out


def test_normalise_equals_the_plain_sequence_of_substitutions() -> None:
    """One lexicon pattern and gated normalisers give what each substitution in turn gives."""
    import re

    from triage.corpus_io import DEFAULT_TRAIN_DIR, load_corpus
    from triage.features import LEXICON_WORDS, NORMALISERS, normalise

    def plain(text: str) -> str:
        out = text.lower()
        for token, words in LEXICON_WORDS:
            out = re.sub(rf"(?<!\w)(?:{words})(?!\w)", lambda m, t=token: f"{m.group(0)} {t}", out)
        for pattern, replacement, _ in NORMALISERS[:-1]:
            out = pattern.sub(replacement, out)
        return re.sub(r"[ \t\r\f\v]+", " ", out).strip()

    texts = ["Call 07700 900123 or see https://example.org, ref ABC-2026-00123 mail a@example.org",
             "WWW.EXAMPLE.ORG/x", "Diolch!  Dzięki\t\tgracias nie działa znowu", "٣٤ flat", ""]
    if DEFAULT_TRAIN_DIR.is_dir():
        texts += [f"{e.subject}\n{e.text}" if e.subject else e.text for e in load_corpus()]
    assert [normalise(t) for t in texts] == [plain(t) for t in texts]


def test_term_contributions_equal_a_stable_sort_of_all_positive_scores() -> None:
    """Ties (frequent here) keep the order of ``index``; fewer or more candidates than wanted."""
    rng = np.random.default_rng(0)
    for size in [0, 1, MAX_CANDIDATES - 1, MAX_CANDIDATES, MAX_CANDIDATES + 1, 300] * 40:
        index = rng.permutation(500)[:size]
        values = rng.choice([0.5, 1.0, 2.0], size)
        weights = rng.choice([-1.0, 0.0, 0.25, 0.5, 1.0], 500)
        scores = values * weights[index]
        order = sorted((i for i in range(size) if scores[i] > 0), key=lambda i: -scores[i])
        want = [(int(index[i]), float(scores[i])) for i in order[:MAX_CANDIDATES]]
        assert term_contributions(index, values, weights) == want
