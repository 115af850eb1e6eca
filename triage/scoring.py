"""Scoring a message with the trained model's parameters, without scikit-learn.

The model file holds the parameters of a fitted pipeline (see `triage.model_file`): per block of
the feature union its analyzer settings, terms and IDF weights, then the linear classifier and its
calibration. The maths is small: n-gram counts, sublinear TF-IDF per block, L2 norm, block weights,
a linear decision function, then the calibration. `LinearScorer` does exactly that, as
scikit-learn's `Pipeline.transform` and `predict_proba` would (tests check it against them), in
microseconds rather than their ~5 ms of per-call validation. The char n-grams of each word are
counted once and cached, and a batch shares one calibrator call.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np

Vector = tuple[np.ndarray, np.ndarray]  # (feature indices, values) of the non-zero features
Analyzer = Callable[[str], list[str]]
MAX_CACHED_TOKENS = 50_000  # per block; the cache is emptied when it grows past this
NO_FEATURES: Vector = (np.empty(0, dtype=np.int64), np.empty(0))


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


@dataclass(frozen=True)
class Block:
    """One TF-IDF vectoriser of the feature union, with its place in the joined feature space."""

    name: str
    analyse: Analyzer
    vocabulary: dict[str, int]
    idf: np.ndarray
    weight: float
    offset: int
    sublinear: bool
    by_token: bool  # char_wb n-grams never cross whitespace: counted token by token
    ngram_range: tuple[int, int]
    lowercase: bool
    cache: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_params(cls, params: dict, offset: int) -> Block:
        """A block from its entry in the model file (see `triage.model_file.pack_vectoriser`)."""
        char = params["analyzer"] == "char_wb"
        analyse = (char_wb_analyzer(params["ngram_range"], params["lowercase"]) if char else
                   word_analyzer(params["token_pattern"], params["ngram_range"], params["lowercase"]))
        terms = params["terms"].tolist()
        return cls(name=params["name"], analyse=analyse,
                   vocabulary=dict(zip(terms, range(len(terms)))),
                   idf=np.asarray(params["idf"], dtype=np.float64), weight=float(params["weight"]),
                   offset=offset, sublinear=bool(params["sublinear_tf"]), by_token=char,
                   ngram_range=tuple(params["ngram_range"]), lowercase=bool(params["lowercase"]))

    def vectorise(self, doc: str) -> Vector:
        """(feature indices, values) of the document in this block, L2-normalised and weighted."""
        index, tf = self.counts_by_token(doc) if self.by_token else self.counts(doc)
        if not len(index):
            return NO_FEATURES
        values = (np.log(tf) + 1 if self.sublinear else tf) * self.idf[index]
        values *= self.weight / np.sqrt(values @ values)
        return index + self.offset, values

    def counts(self, doc: str) -> Vector:
        """(vocabulary indices, counts) of the document's known terms."""
        counts = Counter(self.analyse(doc))
        index = np.fromiter(map(self.vocabulary.get, counts, repeat(-1)), np.int64, len(counts))
        known = index >= 0
        return index[known], np.fromiter(counts.values(), np.float64, len(counts))[known]

    def counts_by_token(self, doc: str) -> Vector:
        """`counts`, from each whitespace token's n-grams, which are cached.

        Char n-grams inside word boundaries ("char_wb") depend only on their token, and residents
        reuse the same few thousand words, so this skips most of the n-gram slicing.
        """
        grams = [self.token_grams(token) for token in doc.split()]
        index = np.concatenate(grams) if grams else NO_FEATURES[0]
        if not len(index):
            return NO_FEATURES
        index, tf = np.unique(index, return_counts=True)
        return index, tf.astype(np.float64)

    def token_grams(self, token: str) -> np.ndarray:
        """Vocabulary indices of one token's n-grams, repeats included."""
        grams = self.cache.get(token)
        if grams is None:
            if len(self.cache) >= MAX_CACHED_TOKENS:
                self.cache.clear()
            grams = self.cache[token] = self.known_grams(token)
        return grams

    def known_grams(self, token: str) -> np.ndarray:
        """Vocabulary indices of a whitespace-free token's char n-grams (by_token blocks)."""
        grams = padded_grams(token.lower() if self.lowercase else token, *self.ngram_range)
        return np.array([i for i in map(self.vocabulary.get, grams) if i is not None], np.int64)

    def warm(self, tokens: Iterable[str]) -> None:
        """Fill the token cache in advance (with the words the model knows, at load)."""
        for token in tokens:
            if len(self.cache) >= MAX_CACHED_TOKENS // 2:
                break
            self.token_grams(token)


class LinearScorer:
    """Feature vector and calibrated probabilities for one document or many."""

    def __init__(self, bundle: dict) -> None:
        self.blocks: list[Block] = []
        offset = 0
        for params in bundle["features"]:
            self.blocks.append(Block.from_params(params, offset))
            offset += len(self.blocks[-1].vocabulary)
        words = [term for block in self.blocks if not block.by_token
                 for term in block.vocabulary if " " not in term]
        for block in self.blocks:
            if block.by_token:
                block.warm(words)  # most tokens of a message are words the model knows
        classifier = bundle["classifier"]
        self.classes = [str(c) for c in classifier["classes"]]
        self.coef = np.asarray(classifier["coef"], dtype=np.float64)
        self.intercept = np.asarray(classifier["intercept"], dtype=np.float64)
        calibration = classifier["calibration"]
        if calibration.get("method") not in CALIBRATIONS:
            raise ValueError(f"unsupported calibration {calibration.get('method')!r}")
        self.calibrate = CALIBRATIONS[calibration["method"]](calibration)

    def feature_names(self) -> np.ndarray:
        """ "block__term" for every feature, in feature order (as scikit-learn names them)."""
        return np.concatenate([np.asarray([f"{b.name}__{t}" for t in b.vocabulary], dtype=object)
                               for b in self.blocks])

    def vectorise(self, doc: str) -> Vector:
        """(indices, values) of the document's non-zero features."""
        parts = [block.vectorise(doc) for block in self.blocks]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def decision(self, index: np.ndarray, values: np.ndarray) -> np.ndarray:
        """The linear decision values of one document, one per class."""
        return self.coef[:, index] @ values + self.intercept

    def probabilities(self, index: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Calibrated class probabilities, in the classifier's class order."""
        return self.calibrate(self.decision(index, values)[None, :])[0]

    def probabilities_many(self, vectors: Sequence[Vector]) -> np.ndarray:
        """`probabilities` of each document, a row each, with one calibrator call for them all.

        Rows equal `probabilities` exactly: the calibrators work row by row.
        """
        if not vectors:
            return np.empty((0, len(self.intercept)))
        return self.calibrate(np.array([self.decision(index, values) for index, values in vectors]))


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
