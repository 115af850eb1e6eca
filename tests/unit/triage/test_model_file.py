"""The runtime's plain-data reader gives exactly what skops itself loads, and refuses the rest."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio

from triage.model import DEFAULT_MODEL_PATH
from triage.model_file import ModelError, read_model_file, write_model_file


def same(a, b) -> bool:
    """Deep equality of nested dicts, lists, values and numpy arrays (dtype included)."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b)
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("which", ["fixture", "bundled"])
def test_reader_equals_skops(which: str, fixture_model: Path) -> None:
    path = fixture_model if which == "fixture" else DEFAULT_MODEL_PATH
    if not path.is_file():
        pytest.skip(f"no model at {path}")
    ours = read_model_file(path)
    assert ours["format"] == "doorstep-triage/2"
    assert same(ours, sio.load(path, trusted=[]))


def test_plain_values_of_every_kind(tmp_path: Path) -> None:
    bundle = {"format": "doorstep-triage/2", "n": 3, "x": 1.5, "yes": True, "none": None,
              "names": ["a", "b"], "nested": {"terms": np.array(["ab", "ç"]),
                                              "w": np.arange(6.0).reshape(2, 3)}}
    path = tmp_path / "m.skops"
    write_model_file(bundle, path)
    assert same(read_model_file(path), bundle)


@pytest.mark.parametrize("value", [np.array([object(), 1], dtype=object), (1, 2), {1: "int key"}])
def test_refuses_anything_but_plain_data(tmp_path: Path, value) -> None:
    path = tmp_path / "m.skops"
    write_model_file({"format": "doorstep-triage/2", "value": value}, path)
    with pytest.raises(ModelError, match="plain data"):
        read_model_file(path)


def test_serving_does_not_import_scikit_learn() -> None:
    """Loading a model and classifying needs numpy only (start-up time; see model_file)."""
    import subprocess

    code = ("import sys; from triage.model import Triager, TriageInput; "
            "Triager.load().classify(TriageInput('The boiler is broken')); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'skops') if m in sys.modules))")
    if not DEFAULT_MODEL_PATH.is_file():
        pytest.skip(f"no model at {DEFAULT_MODEL_PATH}")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[3])
    assert out.stdout.strip() == "[]"
