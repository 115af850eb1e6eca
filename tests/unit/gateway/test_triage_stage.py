"""The triage stage: review thresholds per category, higher for messages in other languages."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from channels.api import ApiChannel
from channels.base import RawMessage
from gateway.acknowledgements import AckRenderer
from gateway.blobs import BlobStore
from gateway.db import make_engine, make_sessionmaker, upgrade_async
from gateway.deadlines import WorkingCalendar
from gateway.pipeline import Deps, Pipeline
from tests.conftest import FakeTriager, api_message, utc


class LanguageTriager(FakeTriager):
    """The fake triager, reporting a chosen language."""

    language: str = "en"

    def classify(self, inp):
        return replace(super().classify(inp), language=self.language)


@pytest.fixture
async def make_deps(tmp_settings):
    engines = []
    settings = tmp_settings.model_copy(update={"triage": tmp_settings.triage.model_copy(
        update={"thresholds": dict.fromkeys(tmp_settings.triage.thresholds, 0.6)})})

    async def make(language: str, confidence: float) -> Deps:
        await upgrade_async(settings.database.url)
        engine = make_engine(settings.database.url)
        engines.append(engine)
        triager = LanguageTriager(confidence=confidence)
        triager.language = language
        return Deps(
            settings=settings, sessions=make_sessionmaker(engine), triager=triager,
            adapters={"api": ApiChannel()},
            blobs=BlobStore(tmp_settings.storage.data_dir / "blobs"),
            calendar=WorkingCalendar(), acks=AckRenderer(tmp_settings.landlord),
            clock=lambda: utc(2026, 11, 20, 12, 0),
        )

    yield make
    for engine in engines:
        await engine.dispose()


def raw(external_id: str, text: str) -> RawMessage:
    body = api_message(external_id=external_id, text=text)
    return RawMessage(source="api", channel="api", external_id=external_id,
                      payload=json.dumps(body).encode(), content_type="application/json",
                      received_at=utc(2026, 11, 20, 10, 0))


@pytest.mark.parametrize(
    ("language", "confidence", "review"),
    [("en", 0.8, False), ("pl", 0.8, True), ("pl", 0.9, False), ("en", 0.55, True)],
)
async def test_other_languages_need_more_confidence(make_deps, language, confidence, review):
    deps = await make_deps(language, confidence)
    result = await Pipeline(deps).submit(raw(f"m-{language}-{confidence}",
                                             "Mój kran przecieka, proszę o naprawę"))
    assert result.review is review
