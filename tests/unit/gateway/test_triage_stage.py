"""The triage stage: review thresholds per category, higher for messages in other languages."""

from __future__ import annotations

from contextlib import AsyncExitStack
from dataclasses import replace

import pytest

from gateway.pipeline import Pipeline
from tests.conftest import FakeTriager, pipeline_deps, raw_api, utc


class LanguageTriager(FakeTriager):
    """The fake triager, reporting a chosen language."""

    language: str = "en"

    def classify(self, inp):
        return replace(super().classify(inp), language=self.language)


@pytest.fixture
async def make_deps(tmp_settings):
    settings = tmp_settings.model_copy(update={"triage": tmp_settings.triage.model_copy(
        update={"thresholds": dict.fromkeys(tmp_settings.triage.thresholds, 0.6)})})
    async with AsyncExitStack() as stack:

        async def make(language: str, confidence: float):
            triager = LanguageTriager(confidence=confidence)
            triager.language = language
            return await stack.enter_async_context(pipeline_deps(settings, triager))

        yield make


def raw(external_id: str, text: str):
    return raw_api(external_id, utc(2026, 11, 20, 10, 0), text=text)


@pytest.mark.parametrize(
    ("language", "confidence", "review"),
    [("en", 0.8, False), ("pl", 0.8, True), ("pl", 0.9, False), ("en", 0.55, True)],
)
async def test_other_languages_need_more_confidence(make_deps, language, confidence, review):
    deps = await make_deps(language, confidence)
    result = await Pipeline(deps).submit(raw(f"m-{language}-{confidence}",
                                             "Mój kran przecieka, proszę o naprawę"))
    assert result.review is review
