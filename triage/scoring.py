"""Scoring messages with the trained model's parameters, without scikit-learn.

The model file holds the parameters of a fitted pipeline (see `triage.model_file`): per block of
the feature union its analyzer settings, terms and IDF weights, then the linear classifier and its
calibration. The maths is small: n-gram counts, sublinear TF-IDF per block, L2 norm, block weights,
a linear decision function, then the calibration. `LinearScorer` does exactly that, as
scikit-learn's `Pipeline.transform` and `predict_proba` would (tests check it against them), in
microseconds rather than their ~5 ms of per-call validation.

Documents are scored a batch at a time. The vocabulary ids each whitespace-separated token yields
are computed once and cached (n-grams never cross whitespace), so a batch's counting, weighting and
linear algebra are a few numpy calls over all its documents at once; a single document takes a path
with fewer numpy calls. Every per-document sum is np.add.reduceat over that document's entries
alone, in the same order, so a document gets exactly the same numbers alone as in any batch.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, repeat

import numpy as np

Vector = tuple[np.ndarray, np.ndarray]  # (feature indices, values) of the non-zero features
Analyzer = Callable[[str], list[str]]
NO_FEATURES: Vector = (np.empty(0, dtype=np.int64), np.empty(0))
FIRST = np.zeros(1, np.intp)  # the start of the one segment of `document_sum`
NO_KEY = np.iinfo(np.int64).max  # ends each sorted key table, above every real key
MAX_CACHED_TOKENS = 50_000  # the token cache is emptied when it would grow past this
# Token patterns that never match whitespace and whose matches within a whitespace-separated token
# do not depend on the text around it: a document's tokens are then its whitespace tokens' tokens
# one after another, and can be cached per whitespace token. scikit-learn's default and ours.
WHITESPACE_SEPARABLE = frozenset({r"(?u)\b\w\w+\b", r"(?u)\b\w+\b|!|\?"})


def word_analyzer(token_pattern: str, ngram_range: Sequence[int], lowercase: bool) -> Analyzer:
    """scikit-learn's "word" analyzer: tokens by the pattern, then n-grams joined by a space."""
    tokenise = re.compile(token_pattern).findall
    low, high = ngram_range

    def analyse(doc: str) -> list[str]:
        tokens = tokenise(doc.lower() if lowercase else doc)
        grams = list(tokens) if low == 1 else []
        for n in range(max(low, 2), min(high, len(tokens)) + 1):
            grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return grams

    return analyse


def char_wb_analyzer(ngram_range: Sequence[int], lowercase: bool) -> Analyzer:
    """scikit-learn's "char_wb" analyzer: char n-grams of each space-padded word."""
    low, high = ngram_range

    def analyse(doc: str) -> list[str]:
        grams: list[str] = []
        for word in (doc.lower() if lowercase else doc).split():  # any run of whitespace splits
            grams += padded_grams(word, low, high)
        return grams

    return analyse


def padded_grams(word: str, low: int, high: int) -> list[str]:
    """The char n-grams of one whitespace-free word padded with a space each side, as char_wb
    counts them."""
    word = f" {word} "
    grams: list[str] = []
    for n in range(low, high + 1):
        grams += [word[i : i + n] for i in range(max(len(word) - n, 0) + 1)]
        if len(word) <= n:
            break  # a short word is counted once, whole
    return grams


def segment_sums(terms: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Sums of terms[..., bounds[i]:bounds[i + 1]] (along the last axis) for each i, zero where
    empty.

    Each sum is computed from its own segment only, so it does not depend on the other segments:
    `document_sum` of a segment alone gives the same number.
    """
    filled = bounds[1:] > bounds[:-1]
    if filled.all():
        return np.add.reduceat(terms, bounds[:-1], axis=-1)
    sums = np.zeros((*terms.shape[:-1], len(bounds) - 1))
    if filled.any():
        # Empty segments are left out: each filled segment then ends where the next filled starts.
        sums[..., filled] = np.add.reduceat(terms, bounds[:-1][filled], axis=-1)
    return sums


def document_sum(terms: np.ndarray) -> np.ndarray:
    """The sum of terms along the last axis, exactly as `segment_sums` sums one segment (both
    reduce each segment with np.add.reduceat)."""
    return np.add.reduceat(terms, FIRST, axis=-1)


def concatenated_ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indices in range(starts[0], starts[0] + lengths[0]), then in the next range, etc."""
    ends = lengths.cumsum()
    return np.arange(ends[-1] if len(ends) else 0) + (starts - (ends - lengths)).repeat(lengths)


@dataclass(frozen=True)
class Rows:
    """The non-zero features of a batch of documents, document after document (the CSR layout)."""

    index: np.ndarray  # feature indices
    values: np.ndarray
    bounds: np.ndarray  # document i's entries are [bounds[i], bounds[i + 1])

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def row(self, i: int) -> Vector:
        """(feature indices, values) of document i."""
        start, end = self.bounds[i], self.bounds[i + 1]
        return self.index[start:end], self.values[start:end]

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """Each document's feature vector times ``weights`` (outputs × features), a row each.

        Gathering from each output's contiguous row of weights (C order) is faster than gathering
        each feature's weights together. The gathered weights are multiplied in place: a second
        array of that size (megabytes for a batch) costs more than the multiplication.
        """
        products = weights.take(self.index, axis=1)
        products *= self.values
        if len(self) == 1 and len(self.index):
            return document_sum(products).T  # one document: the same sums, fewer operations
        # In C order, as the calibrators' row reductions then run alike for any number of rows.
        return np.ascontiguousarray(segment_sums(products, self.bounds).T)


def side_by_side(parts: Sequence[Rows]) -> Rows:
    """Each document's entries in every part, the parts one after another (the union's order)."""
    if len(parts) == 1:
        return parts[0]
    counts = [part.bounds[1:] - part.bounds[:-1] for part in parts]
    bounds = np.concatenate([[0], sum(counts).cumsum()])
    index, values = np.empty(bounds[-1], np.int64), np.empty(bounds[-1])
    before = bounds[:-1].copy()  # where each document's entries of the next part go
    for part, count in zip(parts, counts):
        place = (before - part.bounds[:-1]).repeat(count) + np.arange(len(part.index))
        index[place], values[place] = part.index, part.values
        before += count
    return Rows(index, values, bounds)


class GrowingArray:
    """An integer array appended to in place, its capacity doubling when full."""

    def __init__(self, dtype: type[np.integer] = np.int64) -> None:
        self.data = np.empty(1024, dtype)
        self.size = 0

    def extend(self, values: list[int]) -> None:
        """Append values at the end (a list: one array operation, however few the values)."""
        end = self.size + len(values)
        if end > len(self.data):
            grown = np.empty(max(end, 2 * len(self.data)), self.data.dtype)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size : end] = values
        self.size = end


class TokenIds:
    """The ids one token-wise block derives from each cached token, all end to end in one array
    (int32, which halves the memory to gather: vocabularies are far smaller than 2**31 terms)."""

    def __init__(self, derive: Callable[[str], list[int]]) -> None:
        self.derive = derive
        self.starts, self.lengths, self.ids = GrowingArray(), GrowingArray(), GrowingArray(np.int32)

    def append(self, tokens: list[str]) -> None:
        """Derive and keep the ids of the next tokens, in slot order."""
        derived = [self.derive(token) for token in tokens]
        lengths = [len(ids) for ids in derived]
        self.starts.extend(list(accumulate(lengths, initial=self.ids.size))[:-1])
        self.lengths.extend(lengths)
        self.ids.extend(list(chain.from_iterable(derived)))

    def gather(self, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The ids of the tokens in these slots one after another, and how many each has."""
        lengths = self.lengths.data[slots]
        return self.ids.data[concatenated_ranges(self.starts.data[slots], lengths)], lengths

    def clear(self) -> None:
        """Forget every token's ids (the arrays keep their capacity)."""
        self.starts.size = self.lengths.size = self.ids.size = 0


class TokenCache:
    """A slot for each whitespace-separated token seen, where each token-wise block's table keeps
    the ids it derives from the token: derived once per token.

    Residents reuse the same few thousand words, so most tokens of a message are found here, and
    the ids of a whole batch's tokens are gathered with a few array operations. The gateway
    classifies from several threads: `lock` must be held from finding a batch's slots until its
    ids are gathered, so that no other batch changes or empties the cache meanwhile.
    """

    def __init__(self, tables: Sequence[TokenIds]) -> None:
        self.tables = list(tables)
        self.slots: dict[str, int] = {}  # token -> its place in each table
        self.lock = threading.RLock()

    def find(self, tokens: list[str]) -> np.ndarray:
        """The slot of each token, new tokens' ids derived (with `lock` held)."""
        slots = np.fromiter(map(self.slots.get, tokens, repeat(-1)), np.int64, len(tokens))
        missing = (slots < 0).nonzero()[0]
        if len(missing):
            new = list(dict.fromkeys(tokens[i] for i in missing))
            if len(self.slots) + len(new) > MAX_CACHED_TOKENS:
                self.clear()  # every slot found so far is void
                new, missing = list(dict.fromkeys(tokens)), np.arange(len(tokens))
            self.store(new)
            slots[missing] = [self.slots[tokens[i]] for i in missing]
        return slots

    def store(self, tokens: list[str]) -> None:
        """Derive and keep the ids of tokens not cached yet."""
        for table in self.tables:
            table.append(tokens)
        self.slots.update(zip(tokens, range(len(self.slots), len(self.slots) + len(tokens))))

    def clear(self) -> None:
        """Forget every token."""
        with self.lock:
            self.slots.clear()
            for table in self.tables:
                table.clear()

    def warm(self, tokens: Sequence[str]) -> None:
        """Fill the cache in advance, up to half full (with the words the model knows, at load)."""
        with self.lock:
            room = max(MAX_CACHED_TOKENS // 2 - len(self.slots), 0)
            self.store([token for token in dict.fromkeys(tokens) if token not in self.slots][:room])


class NgramIndex:
    """A word block's terms as integer tables, to find the terms among many n-grams at once.

    Every word of any term has an id (not only the words that are terms themselves: scikit-learn
    prunes a bigram and its words by their own document frequencies). The n-word prefixes of the
    terms have ids too: for n = 1 the word's, for n > 1 the place of their key (the id of the first
    n - 1 words' prefix × `base` + the id of the last word) in the sorted keys. `base` is one more
    than the number of words, so that no key with an unknown word (id -1) is a prefix's key.
    """

    def __init__(self, vocabulary: dict[str, int], longest: int) -> None:
        parts = [term.split(" ") for term in vocabulary]
        self.words = {word: i for i, word in enumerate(dict.fromkeys(chain(*parts)))}
        self.base = len(self.words) + 1
        lengths = np.fromiter(map(len, parts), np.int64, len(parts))
        index = np.fromiter(vocabulary.values(), np.int64, len(parts))
        prefix = np.array([self.words[p[0]] for p in parts], np.int64)  # of each term's n words
        self.keys: list[np.ndarray] = [np.array([NO_KEY])]  # by n - 1; unigrams need no keys
        self.terms = [term_table(prefix, lengths == 1, len(self.words), index)]  # by n - 1
        for n in range(2, longest + 1):
            longer = np.flatnonzero(lengths >= n)
            last = np.array([self.words[parts[i][n - 1]] for i in longer], np.int64)
            keys, prefix[longer] = np.unique(prefix[longer] * self.base + last,
                                             return_inverse=True)
            self.keys.append(np.append(keys, NO_KEY))
            self.terms.append(term_table(prefix, lengths == n, len(keys), index))

    def word_ids(self, words: list[str]) -> list[int]:
        """The id of each word, -1 for words in no term (which no n-gram term can contain)."""
        return [self.words.get(word, -1) for word in words]

    def find(self, ids: np.ndarray, doc: np.ndarray, low: int, high: int
             ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(positions, term indices) of the n-grams that are terms, for each n from low to high.

        ``ids`` are the word ids of the words of many documents end to end and ``doc`` the
        document of each; an n-gram at position i is ids[i : i + n], within one document.
        """
        prefix = ids  # the prefix id of the n words from each position, -1 for none
        for n in range(1, high + 1):
            if n > 1:
                prefix = self.longer(prefix, ids, doc, n)
            if n >= low:
                terms = self.terms[n - 1][prefix]  # -1 for no term (see `term_table`)
                at = (terms >= 0).nonzero()[0]
                yield at, terms[at]

    def longer(self, prefix: np.ndarray, ids: np.ndarray, doc: np.ndarray, n: int) -> np.ndarray:
        """The n-word prefix ids, from the (n - 1)-word ones."""
        count = max(len(ids) - n + 1, 0)
        keys = prefix[:count].astype(np.int64) * self.base + ids[n - 1 :]  # ids may be int32
        keys[doc[:count] != doc[n - 1 :]] = -1  # no n-gram spans two documents
        place = self.keys[n - 1].searchsorted(keys)  # NO_KEY ends the table: place is valid
        return np.where(self.keys[n - 1][place] == keys, place, -1)


def term_table(prefix: np.ndarray, ending: np.ndarray, size: int, index: np.ndarray) -> np.ndarray:
    """The vocabulary index of each of ``size`` prefix ids, -1 for prefixes that are no term:
    ``prefix`` has each term's prefix id, ``ending`` is true where the prefix is the whole term.
    One more -1 ends the table, for the prefix id -1 (none)."""
    table = np.full(size + 1, -1, np.int64)
    table[prefix[ending]] = index[ending]
    return table


def distinct_runs(keys: np.ndarray, *more: np.ndarray) -> tuple[np.ndarray, ...]:
    """Of sorted keys, the distinct ones, how many times each occurs, and the value of each
    array in ``more`` where each key first occurs."""
    change = np.empty(len(keys), bool)
    change[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=change[1:])
    starts = change.nonzero()[0]
    counts = np.empty_like(starts)
    counts[:-1] = starts[1:] - starts[:-1]
    counts[-1:] = len(keys) - starts[-1:]
    return keys[starts], counts, *(array[starts] for array in more)


def pair_keys(doc: np.ndarray, index: np.ndarray, documents: int, size: int) -> np.ndarray:
    """doc × size + index: one key per (doc, index) pair, for docs below ``documents`` and indices
    below ``size``; int32 when every key fits (int32 sorts about three times faster)."""
    fits = documents * size <= np.iinfo(np.int32).max
    return doc.astype(np.int32 if fits else np.int64) * size + index


class Block:
    """One TF-IDF vectoriser of the feature union, with its place in the joined feature space.

    Subclasses count the terms of a batch (`count`) or of one document (`count_one`); this class
    weighs and normalises the counts. A token-wise block derives its terms from each
    whitespace-separated token alone, and keeps what it derives in `table` (see `TokenCache`).
    """

    table: TokenIds | None = None

    def __init__(self, params: dict, offset: int) -> None:
        self.name: str = params["name"]
        self.ngram_range = (int(params["ngram_range"][0]), int(params["ngram_range"][1]))
        self.lowercase = bool(params["lowercase"])
        terms = params["terms"].tolist()
        self.vocabulary = dict(zip(terms, range(len(terms))))
        self.idf = np.asarray(params["idf"], dtype=np.float64)
        self.weight = float(params["weight"])
        self.offset = offset
        self.sublinear = bool(params["sublinear_tf"])

    @staticmethod
    def from_params(params: dict, offset: int) -> Block:
        """A block from its entry in the model file (see `triage.model_file.pack_vectoriser`)."""
        if params["analyzer"] == "char_wb":
            return CharBlock(params, offset)
        if params["token_pattern"] in WHITESPACE_SEPARABLE:
            return CachedWordBlock(params, offset)
        return WordBlock(params, offset)

    def count(self, docs: Sequence[str], token_doc: np.ndarray, slots: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(document, vocabulary index, count) of each known term of each document, sorted by
        document. ``token_doc`` is the document of each of the documents' whitespace-separated
        tokens and ``slots`` their slots in the token cache (whose lock is held)."""
        raise NotImplementedError

    def count_one(self, doc: str, slots: np.ndarray) -> Vector:
        """`count` of one document: (vocabulary index, count) of its known terms, in the same
        order, with fewer array operations."""
        raise NotImplementedError

    def row(self, doc: str, slots: np.ndarray) -> Vector:
        """`rows` of one document, the same numbers with fewer array operations (whose fixed
        costs, higher in the cold caches of a message classified alone, dominate for one)."""
        index, tf = self.count_one(doc, slots)
        if not len(index):
            return NO_FEATURES
        values = (np.log(tf) + 1 if self.sublinear else tf) * self.idf[index]
        values *= self.weight / np.sqrt(document_sum(values * values))
        return np.add(index, self.offset, dtype=np.int64), values

    def rows(self, docs: Sequence[str], token_doc: np.ndarray, slots: np.ndarray) -> Rows:
        """The documents' features in this block, L2-normalised and weighted (see `count`)."""
        doc, index, tf = self.count(docs, token_doc, slots)
        values = (np.log(tf) + 1 if self.sublinear else tf) * self.idf[index]
        bounds = doc.searchsorted(np.arange(len(docs) + 1))
        counts = bounds[1:] - bounds[:-1]
        filled = counts > 0
        norms = np.sqrt(segment_sums(values * values, bounds)[filled])
        values *= (self.weight / norms).repeat(counts[filled])
        return Rows(np.add(index, self.offset, dtype=np.int64), values, bounds)


class CharBlock(Block):
    """A "char_wb" block: char n-grams never cross whitespace, so they are found token by token."""

    def __init__(self, params: dict, offset: int) -> None:
        super().__init__(params, offset)
        self.table = TokenIds(self.token_ids)

    def token_ids(self, token: str) -> list[int]:
        """Vocabulary indices of a whitespace-free token's char n-grams, repeats included."""
        grams = padded_grams(token.lower() if self.lowercase else token, *self.ngram_range)
        return [i for i in map(self.vocabulary.get, grams) if i is not None]

    def count(self, docs: Sequence[str], token_doc: np.ndarray, slots: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`Block.count`, each document's terms in vocabulary order."""
        grams, lengths = self.table.gather(slots)
        keys = pair_keys(token_doc.repeat(lengths), grams, len(docs), len(self.vocabulary))
        keys.sort()
        keys, counts = distinct_runs(keys)
        doc, index = np.divmod(keys, len(self.vocabulary))
        return doc, index, counts.astype(np.float64)

    def count_one(self, doc: str, slots: np.ndarray) -> Vector:
        """`Block.count_one`, in vocabulary order."""
        index, counts = np.unique(self.table.gather(slots)[0], return_counts=True)
        return index, counts.astype(np.float64)


class WordBlock(Block):
    """A "word" block whose tokens are found document by document (any token pattern)."""

    def __init__(self, params: dict, offset: int) -> None:
        super().__init__(params, offset)
        self.analyse = word_analyzer(params["token_pattern"], self.ngram_range, self.lowercase)

    def count(self, docs: Sequence[str], token_doc: np.ndarray, slots: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`Block.count`, each document's terms in order of first appearance, unigrams first."""
        counted = [self.count_one(doc, slots) for doc in docs]
        doc = np.repeat(np.arange(len(docs)), [len(index) for index, _ in counted])
        index = np.concatenate([NO_FEATURES[0], *(index for index, _ in counted)])
        return doc, index, np.concatenate([NO_FEATURES[1], *(tf for _, tf in counted)])

    def count_one(self, doc: str, slots: np.ndarray) -> Vector:
        """`Block.count_one`, in order of first appearance, unigrams first (as scikit-learn lists
        the n-grams)."""
        counted = Counter(self.analyse(doc))
        index = np.fromiter(map(self.vocabulary.get, counted, repeat(-1)), np.int64, len(counted))
        known = index >= 0
        return index[known], np.fromiter(counted.values(), np.float64, len(counted))[known]


class CachedWordBlock(WordBlock):
    """A "word" block whose token pattern is whitespace-separable (see WHITESPACE_SEPARABLE): the
    word ids of each whitespace-separated token are cached, and n-grams found by `NgramIndex`."""

    def __init__(self, params: dict, offset: int) -> None:
        super().__init__(params, offset)
        self.tokenise = re.compile(params["token_pattern"]).findall
        self.ngrams = NgramIndex(self.vocabulary, self.ngram_range[1])
        self.table = TokenIds(self.token_ids)

    def token_ids(self, token: str) -> list[int]:
        """The word ids of a whitespace-separated token's tokens."""
        return self.ngrams.word_ids(self.tokenise(token.lower() if self.lowercase else token))

    def count(self, docs: Sequence[str], token_doc: np.ndarray, slots: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`Block.count`, in `WordBlock`'s order: scikit-learn lists a document's unigrams, then
        its bigrams and so on, each by position, and the terms keep their first appearance."""
        ids, lengths = self.table.gather(slots)
        word_doc = token_doc.repeat(lengths)
        words = np.bincount(word_doc, minlength=len(docs))  # per document
        first_word = words.cumsum() - words
        longest = int(words.max(initial=0))
        grams = list(self.ngrams.find(ids, word_doc, *self.ngram_range))
        doc = np.concatenate([word_doc[at] for at, _ in grams])
        terms = np.concatenate([terms for _, terms in grams])
        # Each n-gram's place in its document's listing: n first, then position.
        place = np.concatenate([k * longest + at - first_word[word_doc[at]]
                                for k, (at, _) in enumerate(grams)])
        span = len(grams) * longest + 1  # above every place
        # One sort of (pair key, place) gives each pair's count and, first in its run, its first
        # place: faster than the stable sort np.unique would need for first places.
        keys = (doc * len(self.vocabulary) + terms) * span + place
        keys.sort()
        pair, counts, first = distinct_runs(*np.divmod(keys, span))
        doc, index = np.divmod(pair, len(self.vocabulary))
        order = (doc * span + first).argsort()
        return doc[order], index[order], counts[order].astype(np.float64)


class LinearScorer:
    """Feature vectors and calibrated probabilities for a batch of documents."""

    def __init__(self, bundle: dict) -> None:
        self.blocks: list[Block] = []
        offset = 0
        for params in bundle["features"]:
            self.blocks.append(Block.from_params(params, offset))
            offset += len(self.blocks[-1].vocabulary)
        self.tokens = TokenCache([block.table for block in self.blocks if block.table])
        # Most tokens of a message are words the model knows.
        self.tokens.warm([term for block in self.blocks if not isinstance(block, CharBlock)
                          for term in block.vocabulary if " " not in term])
        classifier = bundle["classifier"]
        self.classes = [str(c) for c in classifier["classes"]]
        # Each class's weights contiguous (the model file's are by feature), as `Rows.dot` wants.
        self.coef = np.ascontiguousarray(classifier["coef"], dtype=np.float64)
        self.intercept = np.asarray(classifier["intercept"], dtype=np.float64)
        calibration = classifier["calibration"]
        if calibration.get("method") not in CALIBRATIONS:
            raise ValueError(f"unsupported calibration {calibration.get('method')!r}")
        self.calibrate = CALIBRATIONS[calibration["method"]](calibration)

    def feature_names(self) -> np.ndarray:
        """ "block__term" for every feature, in feature order (as scikit-learn names them)."""
        return np.concatenate([np.asarray([f"{b.name}__{t}" for t in b.vocabulary], dtype=object)
                               for b in self.blocks])

    def vectorise_many(self, docs: Sequence[str]) -> Rows:
        """The documents' non-zero features; each document's are in the order of its blocks."""
        if len(docs) == 1:
            return self.vectorise_one(docs[0])
        split = [doc.split() for doc in docs]
        tokens = list(chain.from_iterable(split))
        token_doc = np.arange(len(docs)).repeat(np.fromiter(map(len, split), np.int64))
        with self.tokens.lock:
            slots = self.tokens.find(tokens)
            parts = [block.rows(docs, token_doc, slots) for block in self.blocks]
        return side_by_side(parts)

    def vectorise_one(self, doc: str) -> Rows:
        """`vectorise_many` of one document (as `Triager.classify` scores): the same numbers, by
        `Block.row`."""
        with self.tokens.lock:
            slots = self.tokens.find(doc.split())
            parts = [block.row(doc, slots) for block in self.blocks]
        index = np.concatenate([index for index, _ in parts])
        return Rows(index, np.concatenate([values for _, values in parts]),
                    np.array([0, len(index)]))

    def probabilities_many(self, rows: Rows) -> np.ndarray:
        """Calibrated class probabilities of each document, a row each, in the classifier's class
        order; the calibrators work row by row."""
        if not len(rows):
            return np.empty((0, len(self.intercept)))
        return self.calibrate(rows.dot(self.coef) + self.intercept)


# Calibrators: the fitted calibration, computed as scikit-learn's `_CalibratedClassifier` does in
# `predict_proba`, vectorised over rows.


def sigmoid_calibration(params: dict) -> Callable[[np.ndarray], np.ndarray]:
    """One-vs-rest Platt scaling, normalised."""
    slopes = np.asarray(params["slopes"], dtype=np.float64)
    offsets = np.asarray(params["offsets"], dtype=np.float64)

    def calibrate(decision: np.ndarray) -> np.ndarray:
        proba = expit(-(slopes * decision + offsets))
        total = proba.sum(axis=1, keepdims=True)
        uniform = np.full_like(proba, 1 / proba.shape[1])
        return clipped(np.divide(proba, total, out=uniform, where=total != 0))

    return calibrate


def temperature_calibration(params: dict) -> Callable[[np.ndarray], np.ndarray]:
    """Temperature scaling: a softmax of the decision values times the fitted beta."""
    beta = float(params["beta"])

    def calibrate(decision: np.ndarray) -> np.ndarray:
        logits, rows = decision, looks_like_probabilities(decision)
        if rows.any():
            logits = decision.copy()
            logits[rows] = np.log(decision[rows] + 1e-12)
        scaled = beta * logits
        scaled -= scaled.max(axis=1, keepdims=True)
        np.exp(scaled, out=scaled)
        scaled /= scaled.sum(axis=1, keepdims=True)
        return clipped(scaled)

    return calibrate


def looks_like_probabilities(decision: np.ndarray) -> np.ndarray:
    """The rows scikit-learn would take for probabilities and turn into log-probabilities, as
    `_convert_to_logits` does for a one-row call."""
    in_range = (decision.min(axis=1) >= 0) & (decision.max(axis=1) <= 1)
    return in_range & np.isclose(decision.sum(axis=1), 1.0) if in_range.any() else in_range


def expit(x: np.ndarray) -> np.ndarray:
    """The logistic function, without overflow warnings for large negative inputs."""
    out = np.empty_like(x)
    positive = x >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-x[positive]))
    z = np.exp(x[~positive])
    out[~positive] = z / (1.0 + z)
    return out


def clipped(proba: np.ndarray) -> np.ndarray:
    """Probabilities a rounding error above 1 set to 1, as scikit-learn does."""
    if proba.max(initial=0.0) > 1.0:
        proba[(1.0 < proba) & (proba <= 1.0 + 1e-5)] = 1.0
    return proba


CALIBRATIONS: dict[str, Callable] = {
    "sigmoid": sigmoid_calibration,
    "temperature": temperature_calibration,
}
