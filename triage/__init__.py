"""Doorstep triage: the primary category, flags and reasons for an inbound housing message.

`Label` and `Flag` are cheap to import; the model classes load scikit-learn, so they are imported
on first use (`from triage import Triager` works either way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from triage.labels import Flag, Label

if TYPE_CHECKING:
    from triage.model import TriageInput, TriageResult, Triager

__all__ = ["Flag", "Label", "TriageInput", "TriageResult", "Triager"]
LAZY = {"TriageInput", "TriageResult", "Triager"}


def __getattr__(name: str) -> Any:
    """Import the model classes lazily."""
    if name in LAZY:
        from triage import model

        return getattr(model, name)
    raise AttributeError(f"module 'triage' has no attribute {name!r}")
