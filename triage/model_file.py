"""The model file: a skops file of plain data, read without importing scikit-learn.

Training writes the fitted model as its parameters only (vocabularies, IDF weights, coefficients,
calibration constants, the learned flag detectors): numpy arrays, numbers, strings, lists and
dicts, saved with `skops.io.dump`. Nothing in the file names a class to instantiate, so there is no
code to trust, and `skops.io.load` reads it with no trusted types.

Serving reads the same file with `read_model_file`, which understands only those plain-data nodes
of the skops format and refuses any other. The reason is start-up time: importing `skops.io`
imports scikit-learn and scipy.stats (about 2 s on a small server), while a service needs only the
arrays. Tests check that both readers return the same bundle from the same file.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "doorstep-triage/2"
SUPPORTED_PROTOCOLS = frozenset({2})
# Vectoriser settings the runtime reproduces exactly; anything else is refused when packing.
PLAIN_VECTORISER = {"input": "content", "preprocessor": None, "tokenizer": None,
                    "strip_accents": None, "stop_words": None, "norm": "l2", "use_idf": True,
                    "binary": False}


class ModelError(RuntimeError):
    """The model file is missing, not plain data, or not a Doorstep triage model."""


def read_model_file(path: Path) -> dict:
    """The bundle saved in a model file, refusing anything but plain data."""
    if not path.is_file():
        raise ModelError(f"no triage model at {path}; run `doorstep triage train` first")
    try:
        with zipfile.ZipFile(path) as archive:
            schema = json.loads(archive.read("schema.json"))
            if schema.get("protocol") not in SUPPORTED_PROTOCOLS:
                raise ModelError(f"{path}: skops protocol {schema.get('protocol')} not supported")
            bundle = PlainReader(archive, path).node(schema)
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ModelError(f"{path}: not a readable skops file ({e})") from e
    if not isinstance(bundle, dict) or bundle.get("format") != FORMAT:
        found = bundle.get("format") if isinstance(bundle, dict) else type(bundle).__name__
        raise ModelError(f"{path}: not a Doorstep triage model ({FORMAT}; found {found}); "
                         "run `doorstep triage train`")
    return bundle


class PlainReader:
    """Builds dicts, lists, JSON values and numpy arrays from a skops schema; nothing else."""

    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive, self.path = archive, path

    def node(self, schema: dict) -> Any:
        loader = schema.get("__loader__")
        kind = f"{schema.get('__module__')}.{schema.get('__class__')}"
        if loader == "DictNode" and kind == "builtins.dict":
            key_types = self.node(schema["key_types"])
            if any(t != "str" for t in key_types):
                raise ModelError(f"{self.path}: dict keys other than strings are not plain data")
            return {key: self.node(value) for key, value in schema["content"].items()}
        if loader == "ListNode" and kind == "builtins.list":
            return [self.node(item) for item in schema["content"]]
        if loader == "TypeNode" and kind == "builtins.str":
            return "str"  # only as a dict's key type
        if loader == "JsonNode" and schema.get("is_json"):
            return json.loads(schema["content"])
        if loader == "NdArrayNode" and schema.get("type") == "numpy":
            data = io.BytesIO(self.archive.read(schema["file"]))
            return np.load(data, allow_pickle=False)
        raise ModelError(f"{self.path}: refusing to load {kind} ({loader}): the model file may "
                         "hold plain data only (untrusted type)")


def write_model_file(bundle: dict, path: Path) -> None:
    """Save a bundle with skops (compressed, never pickle). Training only: imports skops."""
    import skops.io as sio

    path.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(bundle, path, compression=zipfile.ZIP_DEFLATED)


def pack_pipeline(pipeline, version: str, flag_models: dict | None = None) -> dict:
    """The bundle of a fitted features + calibrated linear classifier pipeline, as plain data.

    Raises ValueError for a pipeline the runtime could not reproduce exactly (checked here, at
    training time, rather than on a server).
    """
    features = pipeline.named_steps["features"]
    weights = features.transformer_weights or {}
    blocks = [pack_vectoriser(name, vectoriser, float(weights.get(name, 1.0)))
              for name, vectoriser in features.transformer_list]
    flags = {str(flag): model.to_dict() for flag, model in (flag_models or {}).items()}
    return {"format": FORMAT, "version": version, "features": blocks,
            "classifier": pack_classifier(pipeline.named_steps["classifier"]),
            "flag_models": flags}


def pack_vectoriser(name: str, vectoriser, weight: float) -> dict:
    """One TF-IDF vectoriser's settings, IDF weights and terms (in feature order)."""
    settings = vectoriser.get_params()
    odd = {k: settings[k] for k, want in PLAIN_VECTORISER.items() if settings[k] != want}
    if odd or vectoriser.analyzer not in ("word", "char_wb"):
        raise ValueError(f"vectoriser {name!r}: unsupported settings {odd or vectoriser.analyzer}")
    terms = vectoriser.get_feature_names_out()
    return {"name": name, "analyzer": vectoriser.analyzer,
            "ngram_range": [int(n) for n in vectoriser.ngram_range],
            "token_pattern": vectoriser.token_pattern, "lowercase": bool(vectoriser.lowercase),
            "sublinear_tf": bool(vectoriser.sublinear_tf), "weight": weight,
            "idf": np.asarray(vectoriser.idf_, dtype=np.float64),
            "terms": np.asarray(terms, dtype=str)}


def pack_classifier(classifier) -> dict:
    """Classes, linear weights and the calibration of a CalibratedClassifierCV(ensemble=False)."""
    pairs = getattr(classifier, "calibrated_classifiers_", None)
    if not pairs or len(pairs) != 1:
        raise ValueError("the runtime needs CalibratedClassifierCV(ensemble=False)")
    pair = pairs[0]
    if pair.method == "sigmoid":
        calibration = {"method": "sigmoid",
                       "slopes": np.array([float(c.a_) for c in pair.calibrators]),
                       "offsets": np.array([float(c.b_) for c in pair.calibrators])}
    elif pair.method == "temperature":
        calibration = {"method": "temperature", "beta": float(pair.calibrators[0].beta_)}
    else:
        raise ValueError(f"unsupported calibration {pair.method!r}")
    return {"classes": [str(c) for c in classifier.classes_],
            "coef": np.asarray(pair.estimator.coef_, dtype=np.float64),
            "intercept": np.asarray(pair.estimator.intercept_, dtype=np.float64),
            "calibration": calibration}
