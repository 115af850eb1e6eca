"""Scoring from the model file's parameters must agree with the fitted scikit-learn pipeline."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from triage import scoring
from triage.corpus_io import DEFAULT_TRAIN_DIR, load_corpus
from triage.features import compose
from triage.model import DEFAULT_MODEL_PATH
from triage.model_file import pack_pipeline, pack_vectoriser, read_model_file, write_model_file
from triage.scoring import (
    Block,
    CachedWordBlock,
    LinearScorer,
    NgramIndex,
    Rows,
    TokenCache,
    WordBlock,
    char_wb_analyzer,
    segment_sums,
    word_analyzer,
)
from triage.train import build_pipeline, build_vectoriser

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "triage"
ODD_DOCS = ["", "!!!", "zzzz qqqq unseen words only", "a", "  spaced   out\t\ttext \n", "ok"]
NO_TERMS = "\u0b95\u0b99 \u0b9a\u0b9e"  # Tamil letters: no term of any model here has them


def fixture_docs() -> tuple[list[str], list[str]]:
    examples = load_corpus([FIXTURES])
    return [compose(e.subject, e.text) for e in examples], [e.label.value for e in examples]


@pytest.fixture(scope="module", params=["linearsvc_c1_sigmoid", "linearsvc_c1_temperature"])
def pipeline(request):
    docs, labels = fixture_docs()
    return build_pipeline(request.param, folds=3).fit(docs, labels)


@pytest.fixture(scope="module")
def scorer(pipeline, tmp_path_factory: pytest.TempPathFactory) -> LinearScorer:
    """A scorer from the pipeline after a trip through the model file."""
    out = tmp_path_factory.mktemp("scoring") / "model.skops"
    write_model_file(pack_pipeline(pipeline, "t"), out)
    return LinearScorer(read_model_file(out))


def dense(rows: Rows, width: int) -> np.ndarray:
    """The rows as a dense matrix, checking that no document lists a feature twice."""
    out = np.zeros((len(rows), width))
    for i in range(len(rows)):
        index, values = rows.row(i)
        assert len(set(index.tolist())) == len(index)
        out[i, index] = values
    return out


def test_fast_path_matches_pipeline(pipeline, scorer: LinearScorer) -> None:
    features, classifier = pipeline.named_steps["features"], pipeline.named_steps["classifier"]
    docs = fixture_docs()[0] + ODD_DOCS
    expected = classifier.predict_proba(features.transform(docs))
    assert list(scorer.feature_names()) == list(features.get_feature_names_out())
    rows = scorer.vectorise_many(docs)
    width = len(scorer.feature_names())
    assert np.allclose(dense(rows, width), features.transform(docs).toarray())
    assert np.allclose(scorer.probabilities_many(rows), expected, atol=1e-9)


def test_calibration_matches_scikit_learn(pipeline, scorer: LinearScorer) -> None:
    """Row by row and all rows at once, including rows scikit-learn takes for probabilities."""
    classifier = pipeline.named_steps["classifier"]
    pair = classifier.calibrated_classifiers_[0]
    k = len(classifier.classes_)
    random = np.random.default_rng(0).normal(size=(5, k)) * 10
    rows = np.vstack([random, np.full(k, 1 / k), np.eye(k)[0]])  # the last two sum to 1
    got = scorer.calibrate(rows.copy())
    for row, proba in zip(rows, got):
        if pair.method == "temperature":
            want = pair.calibrators[0].predict(row[None, :])[0]
        else:
            want = np.array([c.predict(row[i : i + 1])[0] for i, c in enumerate(pair.calibrators)])
            want /= want.sum()
        assert np.allclose(proba, want, atol=1e-12)


def corpus_texts() -> list[str]:
    if not DEFAULT_TRAIN_DIR.is_dir():
        pytest.skip(f"no training corpus at {DEFAULT_TRAIN_DIR}")
    return [compose(e.subject, e.text) for e in load_corpus()] + ODD_DOCS


def test_analyzers_match_scikit_learn_on_the_corpus() -> None:
    """Every training text (many languages and scripts) gives scikit-learn's n-grams exactly."""
    word = build_vectoriser().transformer_list[0][1]
    char = build_vectoriser().transformer_list[1][1]
    ours_word = word_analyzer(word.token_pattern, word.ngram_range, word.lowercase)
    ours_char = char_wb_analyzer(char.ngram_range, char.lowercase)
    theirs_word, theirs_char = word.build_analyzer(), char.build_analyzer()
    texts = corpus_texts()
    assert all(ours_word(t) == theirs_word(t) for t in texts)
    assert all(ours_char(t) == theirs_char(t) for t in texts)


@pytest.mark.parametrize("ngram_range", [(1, 1), (2, 3), (1, 3)])
def test_analyzers_match_for_other_ranges(ngram_range: tuple[int, int]) -> None:
    docs = ["the boiler is broken again!", "x", "", "a b c d e", "Ünïcödé wörds ça"]
    word = TfidfVectorizer(ngram_range=ngram_range).build_analyzer()
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range).build_analyzer()
    ours_word = word_analyzer(r"(?u)\b\w\w+\b", ngram_range, True)
    ours_char = char_wb_analyzer(ngram_range, True)
    assert [ours_word(d) for d in docs] == [word(d) for d in docs]
    assert [ours_char(d) for d in docs] == [char(d) for d in docs]


def test_packing_refuses_what_the_runtime_cannot_reproduce() -> None:
    docs, labels = fixture_docs()
    pipeline = build_pipeline("linearsvc_c1_sigmoid", folds=3)
    pipeline.set_params(features__word__strip_accents="unicode").fit(docs, labels)
    with pytest.raises(ValueError, match="strip_accents"):
        pack_pipeline(pipeline, "t")


def test_a_document_scores_the_same_alone_and_in_a_batch(scorer: LinearScorer) -> None:
    """Bit for bit, on every training text, empty documents and documents without known terms:
    each per-document sum runs over that document's features alone."""
    docs = ["", NO_TERMS, *corpus_texts(), "   ", NO_TERMS]
    rows = scorer.vectorise_many(docs)
    proba = scorer.probabilities_many(rows)
    assert len(rows) == len(docs) and proba.shape == (len(docs), len(scorer.classes))
    for i in (0, 1, len(docs) - 2, len(docs) - 1):
        assert not len(rows.row(i)[0])
    for i, doc in enumerate(docs):
        alone = scorer.vectorise_many([doc])
        assert all(np.array_equal(a, b) for a, b in zip(alone.row(0), rows.row(i)))
        assert np.array_equal(scorer.probabilities_many(alone)[0], proba[i])


def test_empty_batch(scorer: LinearScorer) -> None:
    rows = scorer.vectorise_many([])
    assert len(rows) == 0 and not len(rows.index)
    assert scorer.probabilities_many(rows).shape == (0, len(scorer.classes))


def test_a_full_token_cache_starts_again(scorer: LinearScorer,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Emptied whenever it would hold too many tokens, the cache still gives the same features."""
    docs = fixture_docs()[0]
    want = scorer.vectorise_many(docs)
    monkeypatch.setattr(scoring, "MAX_CACHED_TOKENS", 40)
    scorer.tokens.clear()
    for start in range(0, len(docs), 3):
        got = scorer.vectorise_many(docs[start : start + 3])
        assert len(scorer.tokens.slots) <= max(40, sum(len(d.split()) for d in docs[start:][:3]))
        for i in range(len(got)):
            assert all(np.array_equal(a, b) for a, b in zip(got.row(i), want.row(start + i)))


def test_threads_share_the_token_cache(scorer: LinearScorer,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches scored from several threads at once, the cache filling and emptying meanwhile,
    get what they get alone."""
    docs = fixture_docs()[0]
    batches = [docs[start : start + 4] for start in range(0, len(docs), 4)] * 5
    want = [scorer.vectorise_many(batch) for batch in batches]
    monkeypatch.setattr(scoring, "MAX_CACHED_TOKENS", 60)
    scorer.tokens.clear()
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(scorer.vectorise_many, batches))
    for a, b in zip(got, want):
        assert all(np.array_equal(x, y) for x, y in zip((a.index, a.values, a.bounds),
                                                        (b.index, b.values, b.bounds)))


def block_rows(block: Block, docs: list[str], count: bool = False):
    """`Block.rows` of the documents (or `Block.count`), their tokens cached as the scorer does."""
    split = [doc.split() for doc in docs]
    token_doc = np.repeat(np.arange(len(docs)), [len(tokens) for tokens in split])
    cache = TokenCache([block.table] if block.table else [])
    with cache.lock:
        slots = cache.find([token for tokens in split for token in tokens])
        return (block.count if count else block.rows)(docs, token_doc, slots)


def block_row(block: Block, doc: str) -> tuple[np.ndarray, np.ndarray]:
    """`Block.row` of one document, its tokens cached as the scorer does."""
    cache = TokenCache([block.table] if block.table else [])
    with cache.lock:
        return block.row(doc, cache.find(doc.split()))


@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 2), (2, 2), (2, 3), (1, 3)])
def test_cached_word_counts_equal_scikit_learn(ngram_range: tuple[int, int]) -> None:
    """Word ids cached per whitespace token and n-grams found by `NgramIndex` give the terms and
    counts, in the same order, that the per-document analyzer gives, and scikit-learn's features;
    max_df prunes common words while n-grams of them stay terms."""
    docs = fixture_docs()[0]
    vectoriser = TfidfVectorizer(ngram_range=ngram_range, sublinear_tf=True, max_df=0.2,
                                 token_pattern=r"(?u)\b\w+\b|!|\?").fit(docs)
    params = pack_vectoriser("word", vectoriser, 1.0)
    cached, plain = Block.from_params(params, 0), WordBlock(params, 0)
    assert isinstance(cached, CachedWordBlock)
    terms = set(vectoriser.vocabulary_)
    if ngram_range[1] > 1:
        assert any(set(t.split()) - terms for t in terms if " " in t)  # words pruned, n-gram not
    test_docs = ["", NO_TERMS, *docs, *ODD_DOCS, "the the the the", docs[0] + " " + NO_TERMS,
                 "ΟΔΟΣ ΣΑΣ Σ. İSTANBUL ǅ ß\u00a0THE BOILER\u3000is"]  # lower() in context
    assert all(np.array_equal(a, b) for a, b in zip(block_rows(cached, test_docs, count=True),
                                                    block_rows(plain, test_docs, count=True)))
    rows = block_rows(cached, test_docs)
    want = vectoriser.transform(test_docs).toarray()
    assert not len(block_rows(cached, []).index) and not len(block_rows(plain, []).index)
    assert np.allclose(dense(rows, len(vectoriser.vocabulary_)), want)
    for i, doc in enumerate(test_docs):  # one document alone: the same numbers, bit for bit
        for block in (cached, plain):
            assert all(np.array_equal(a, b) for a, b in zip(block_row(block, doc), rows.row(i)))


def test_bundled_word_block_counts_as_the_analyzer_does() -> None:
    """The bundled model's word block, on every training text."""
    if not DEFAULT_MODEL_PATH.is_file():
        pytest.skip(f"no model at {DEFAULT_MODEL_PATH}")
    params = next(p for p in read_model_file(DEFAULT_MODEL_PATH)["features"]
                  if p["analyzer"] == "word")
    cached, plain = Block.from_params(params, 0), WordBlock(params, 0)
    assert isinstance(cached, CachedWordBlock)
    docs = ["", NO_TERMS, *corpus_texts()]
    assert all(np.array_equal(a, b) for a, b in zip(block_rows(cached, docs, count=True),
                                                    block_rows(plain, docs, count=True)))


def test_ngram_index_finds_terms_within_documents_only() -> None:
    vocabulary = {"boiler": 0, "the boiler": 1, "is broken": 2, "broken again": 3,
                  "is broken again": 4}
    index = NgramIndex(vocabulary, 3)
    words = "the boiler is broken again | is broken the boiler".split()
    ids = np.array(index.word_ids(words))
    assert ids[words.index("|")] == -1  # in no term
    doc = np.array([0, 0, 0, 0, 0, 0, 1, 1, 1, 2])  # "the boiler" at the end spans two documents
    found = [(at.tolist(), terms.tolist()) for at, terms in index.find(ids, doc, 1, 3)]
    assert found == [([1, 9], [0, 0]), ([0, 2, 3, 6], [1, 2, 3, 2]), ([2], [4])]
    assert [t.tolist() for _, t in index.find(ids, doc, 2, 2)] == [[1, 2, 3, 2]]


def test_segment_sums_leave_empty_segments_at_zero() -> None:
    terms = np.arange(1.0, 7.0)
    bounds = np.array([0, 0, 2, 2, 5, 6, 6])
    assert segment_sums(terms, bounds).tolist() == [0, 3, 0, 12, 6, 0]
    assert segment_sums(np.vstack([terms, -terms]), bounds).tolist() == [
        [0, 3, 0, 12, 6, 0], [0, -3, 0, -12, -6, 0]]
    assert segment_sums(np.empty(0), np.zeros(3, np.int64)).tolist() == [0, 0]
