"""Shared fixtures: settings in a temporary folder, a fake triager, and a running gateway."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gateway.app import make_app
from gateway.settings import Settings, load_settings
from triage.labels import Label
from triage.model import TriageInput, TriageResult

API_KEY = "test-api-key-0123456789"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@dataclass
class FakeTriager:
    """Decides by keywords, so pipeline tests do not depend on the trained model's judgement."""

    version: str = "fake-1"
    confidence: float = 0.99  # above every default review threshold
    calls: list[TriageInput] = field(default_factory=list)

    RULES = (
        ("complaint", ("complain", "unacceptable", "again", "still not")),
        ("asb_report", ("neighbour", "noise")),
        ("compliment", ("thank you", "brilliant")),
        ("service_request", ("leak", "repair", "broken")),
    )

    def classify(self, inp: TriageInput) -> TriageResult:
        self.calls.append(inp)
        text = f"{inp.subject or ''} {inp.text}".lower()
        category = next((c for c, words in self.RULES if any(w in text for w in words)), "enquiry")
        confidence = 0.3 if "unsure" in text else self.confidence
        flags = ("urgent_hazard",) if "gas" in text else ()
        rest = (1 - confidence) / 5
        probabilities = {str(label): (confidence if label == category else rest) for label in Label}
        return TriageResult(
            category=Label(category), confidence=confidence, probabilities=probabilities,
            flags=flags, reasons=(f'keyword → {category}',), model_version=self.version,
            language="en",
        )

    def classify_batch(self, inputs):
        return [self.classify(i) for i in inputs]


@pytest.fixture
def tmp_settings(tmp_path: Path) -> Settings:
    """Embedded-default settings rooted in a temporary folder, with an API key."""
    return load_settings(
        None,
        database={"url": f"sqlite+aiosqlite:///{tmp_path / 'doorstep.db'}"},
        storage={"data_dir": str(tmp_path / "data")},
        outbox={"dir": str(tmp_path / "outbox")},
        api={"key": API_KEY},
        security={"secret_key": "test-secret-key"},
        worker={"poll_seconds": 0.05, "retry_base_seconds": 0.05},
    )


@pytest.fixture
def fake_triager() -> FakeTriager:
    return FakeTriager()


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
async def client(aiohttp_client, tmp_settings, fake_triager):
    """A running gateway over a fresh SQLite file, with the fake triager and the local outbox."""
    return await aiohttp_client(make_app(tmp_settings, triager=fake_triager))


def api_message(**overrides) -> dict:
    body = {
        "channel": "api", "external_id": "ext-1",
        "sender": {"name": "Tina Example", "email": "tina.m@example.org", "phone": "07700 900123"},
        "subject": "Leak under the sink", "text": "My kitchen sink has a leak, please send someone.",
        "received_at": "2026-11-20T10:00:00Z",
    }
    body.update(overrides)
    return body


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)
