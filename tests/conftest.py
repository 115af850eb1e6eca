"""Shared fixtures: settings in a temporary folder, a fake triager, and a running gateway."""

from __future__ import annotations

import json
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from channels.api import ApiChannel
from channels.base import RawMessage
from gateway.acknowledgements import AckRenderer
from gateway.app import make_app
from gateway.blobs import BlobStore
from gateway.db import make_engine, make_sessionmaker, upgrade_async
from gateway.deadlines import WorkingCalendar
from gateway.pipeline import Deps
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


@asynccontextmanager
async def pipeline_deps(settings: Settings, triager=None, clock=None):
    """Pipeline dependencies over a migrated database: the fake triager, the API adapter, and a
    clock (fixed at 20 November 2026 unless given)."""
    await upgrade_async(settings.database.url)
    engine = make_engine(settings.database.url)
    try:
        yield Deps(
            settings=settings, sessions=make_sessionmaker(engine),
            triager=triager or FakeTriager(), adapters={"api": ApiChannel()},
            blobs=BlobStore(settings.storage.data_dir / "blobs"), calendar=WorkingCalendar(),
            acks=AckRenderer(settings.landlord), clock=clock or (lambda: utc(2026, 11, 20, 12, 0)),
        )
    finally:
        await engine.dispose()


def raw_api(external_id: str, when: datetime, **changes) -> RawMessage:
    """An API message as its adapter receives it, received at ``when``."""
    body = api_message(external_id=external_id, received_at=when.isoformat(), **changes)
    return RawMessage(source="api", channel="api", external_id=external_id,
                      payload=json.dumps(body).encode(), content_type="application/json",
                      received_at=when)
