"""The pipeline: each stage alone, resuming after a crash, and failures that lose nothing."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from channels.base import AckResult, RawMessage
from gateway.acknowledgements import TEMPLATES, AckRenderer
from gateway.outbox import OutboxWorker
from gateway.pipeline import Pipeline
from gateway.stages import STAGES, StageContext
from models import Case, Event, Message, MessageStatus, Outbound, TriageDecision
from models.outbound import OutboundStatus
from tests.conftest import api_message, pipeline_deps, utc


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
async def deps(tmp_settings):
    async with pipeline_deps(tmp_settings, clock=Clock(utc(2026, 12, 18, 15, 0))) as made:
        yield made


def raw(external_id="m-1", **changes) -> RawMessage:
    body = api_message(external_id=external_id, **changes)
    return RawMessage(source="api", channel="api", external_id=external_id,
                      payload=json.dumps(body).encode(), content_type="application/json",
                      received_at=utc(2026, 12, 18, 15, 0))


async def load(deps, model, **where):
    async with deps.sessions() as session:
        return list(await session.scalars(select(model).filter_by(**where)))


async def run_one_stage(deps, message_id):
    async with deps.sessions() as session:
        message = await session.get(Message, message_id)
        message.status = await STAGES[message.status](StageContext(session, message, deps))
        await session.commit()
        return message.status


async def test_each_stage_alone_advances_one_status(deps):
    message_id, created = await Pipeline(deps).receive(raw())
    assert created
    seen = [await run_one_stage(deps, message_id) for _ in STAGES]
    assert seen == ["normalised", "triaged", "cased", "acknowledged", "routed"]
    [message] = await load(deps, Message)
    assert message.sender_phone == "+447700900123" and message.resident_id is not None
    [case] = await load(deps, Case)
    assert case.queue == "repairs" and message.case_id == case.id


async def test_raw_payload_is_kept_byte_for_byte(deps):
    original = raw()
    message_id, _ = await Pipeline(deps).receive(original)
    [message] = await load(deps, Message, id=message_id)
    assert message.raw == original.payload and message.status == "received"


async def test_christmas_and_bank_holiday_weekend_deadlines(deps):
    """Received Fri 18 Dec 2026: Christmas Day, Boxing Day (Monday substitute) and New Year."""
    pipeline = Pipeline(deps)
    result = await pipeline.submit(raw(text="I want to complain, the repair is still not done"))
    [case] = await load(deps, Case)
    assert result.category == "complaint"
    # 21, 22, 23, 24, (25 Christmas, 28 Boxing Day substitute) 29 December
    assert case.ack_due.isoformat() == "2026-12-29"
    # acknowledged Fri 18 Dec: 21-24, 29-31 Dec, 4-6 Jan (25, 28 Dec and 1 Jan are holidays)
    assert case.response_due.isoformat() == "2027-01-06"


async def test_crash_between_stages_resumes_without_repeating(deps):
    crashed = Pipeline(deps, owner="crashed-worker")
    message_id, _ = await crashed.receive(raw())
    assert await crashed._claim(message_id, due_only=False)
    assert await crashed._step(message_id)  # normalised
    assert await crashed._step(message_id)  # triaged; then the process dies holding its lease
    survivor = Pipeline(deps, owner="survivor")
    assert not await survivor.run(message_id)  # the lease is still live
    deps.clock.now += timedelta(seconds=deps.settings.worker.lease_seconds + 1)
    assert await survivor.run_due() == 1
    assert len(await load(deps, TriageDecision)) == 1
    assert len(await load(deps, Case)) == 1
    assert len(await load(deps, Outbound)) == 1
    [message] = await load(deps, Message)
    assert message.status == MessageStatus.ROUTED and message.lease_owner is None


async def test_worker_whose_lease_was_taken_cannot_commit(deps):
    slow = Pipeline(deps, owner="slow")
    message_id, _ = await slow.receive(raw())
    assert await slow._claim(message_id, due_only=False)
    deps.clock.now += timedelta(seconds=deps.settings.worker.lease_seconds + 1)
    fast = Pipeline(deps, owner="fast")
    assert await fast.run(message_id)
    assert await slow.run(message_id) is False  # nothing left to claim
    assert len(await load(deps, Case)) == 1


async def test_broken_template_is_retried_and_visible(deps, tmp_path):
    broken = tmp_path / "ack"
    shutil.copytree(TEMPLATES, broken)
    good = (broken / "en" / "service_request.txt").read_text()
    (broken / "en" / "service_request.txt").write_text(good.replace("{% endblock %}", "{% endblok %}", 1))
    deps.acks = AckRenderer(deps.settings.landlord, root=broken)
    pipeline = Pipeline(deps)
    result = await pipeline.submit(raw())
    assert result.case_reference is not None  # the case exists; only the acknowledgement waits
    [message] = await load(deps, Message)
    assert message.status == MessageStatus.CASED
    assert message.failed_stage == "acknowledge" and "TemplateSyntaxError" in message.last_error
    assert message.attempts == 1
    failures = await load(deps, Event, kind="message.stage_failed")
    assert failures and failures[0].data["stage"] == "acknowledge"

    deps.acks = AckRenderer(deps.settings.landlord)  # the template is mended
    deps.clock.now += timedelta(minutes=1)
    assert await pipeline.run_due() == 1
    [message] = await load(deps, Message)
    assert message.status == MessageStatus.ROUTED and message.last_error is None


async def test_unparseable_payload_fails_permanently_but_is_kept(deps):
    pipeline = Pipeline(deps)
    bad = RawMessage(source="api", channel="api", external_id="bad", payload=b"\xff not json",
                     content_type="application/json", received_at=deps.clock())
    result = await pipeline.submit(bad)
    assert result.status == MessageStatus.FAILED
    [message] = await load(deps, Message)
    assert message.raw == b"\xff not json" and message.failed_stage == "normalise"


class FlakyDeliverer:
    channel = "email"

    def __init__(self, failures: int, retry: bool = True):
        self.failures, self.retry, self.sent = failures, retry, []

    async def send(self, out):
        if self.failures:
            self.failures -= 1
            return AckResult(ok=False, error="421 try later", retry=self.retry)
        self.sent.append(out)
        return AckResult(ok=True, provider_id="id-1")


async def test_failed_send_is_retried_then_sent(deps, tmp_path):
    await Pipeline(deps).submit(raw())
    flaky = FlakyDeliverer(failures=2)
    outbox = OutboxWorker(deps, {"email": flaky}, fallback=None)
    for _ in range(3):
        await outbox.run_due()
        deps.clock.now += timedelta(minutes=5)
    [out] = await load(deps, Outbound)
    assert out.status == OutboundStatus.SENT and out.attempts == 3
    assert flaky.sent[0].recipient == "tina.m@example.org"
    [case] = await load(deps, Case)
    assert case.acknowledged_at is not None


async def test_permanent_send_failure_is_recorded(deps):
    await Pipeline(deps).submit(raw())
    outbox = OutboxWorker(deps, {"email": FlakyDeliverer(failures=1, retry=False)}, fallback=None)
    await outbox.run_due()
    [out] = await load(deps, Outbound)
    assert out.status == OutboundStatus.FAILED and out.last_error == "421 try later"
    assert await load(deps, Event, kind="outbound.attempt_failed")


async def test_low_confidence_goes_to_review_with_a_receipt(deps):
    result = await Pipeline(deps).submit(raw(text="I am unsure what this is about"))
    assert result.review is True
    [case] = await load(deps, Case)
    assert case.status == "needs_review" and case.queue == "review"
    assert case.acknowledged_at is None  # the Code's acknowledgement follows the review
    [out] = await load(deps, Outbound)
    assert out.kind == "receipt" and case.reference in out.body_text


async def test_reference_in_text_joins_existing_case(deps):
    pipeline = Pipeline(deps)
    first = await pipeline.submit(raw())
    follow = await pipeline.submit(raw("m-2", text=f"About {first.case_reference.lower()}: still waiting"))
    assert follow.case_reference == first.case_reference
    assert len(await load(deps, Case)) == 1
    kinds = sorted(o.kind for o in await load(deps, Outbound))
    assert kinds == ["acknowledgement", "followup"]


async def test_same_email_is_one_resident_across_channels(deps):
    pipeline = Pipeline(deps)
    await pipeline.submit(raw("a", sender={"email": "Tina.M@example.org"}))
    await pipeline.submit(raw("b", sender={"email": "tina.m@example.org", "phone": "07700 900123"}))
    await pipeline.submit(raw("c", sender={"phone": "+44 7700 900123", "name": "T"}))
    ids = {m.resident_id for m in await load(deps, Message)}
    assert len(ids) == 1


async def test_attachment_over_limit_is_refused_but_message_kept(deps):
    from channels.base import AttachmentBlob

    limit = deps.settings.uploads.max_file_bytes
    message = raw()
    message = RawMessage(**{**message.__dict__, "attachments": (
        AttachmentBlob("photo.jpg", "image/jpeg", b"\xff\xd8\xff" + b"0" * 10),
        AttachmentBlob("huge.pdf", "application/pdf", b"%PDF" + b"0" * limit),
    )})
    message_id, _ = await Pipeline(deps).receive(message)
    [m] = await load(deps, Message, id=message_id)
    small, huge = m.attachments
    assert deps.blobs.get(small.sha256).startswith(b"\xff\xd8\xff")
    assert huge.refused and huge.sha256 == "" and huge.size == limit + 4


async def test_stage_names_are_the_documented_pipeline():
    from gateway.stages import PIPELINE

    assert PIPELINE == ("normalise", "triage", "case", "acknowledge", "route")


async def test_events_are_append_only(deps):
    await Pipeline(deps).submit(raw())
    async with deps.sessions() as session:
        event = await session.scalar(select(Event).limit(1))
        event.kind = "rewritten"
        with pytest.raises(ValueError, match="append-only"):
            await session.flush()
    async with deps.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Event)) > 3


async def test_email_reply_threads_to_the_case_by_in_reply_to(deps):
    pipeline = Pipeline(deps)
    first = await pipeline.submit(raw())
    [ack] = await load(deps, Outbound)
    assert f".{first.case_reference}." in ack.email_message_id
    reply = RawMessage(**{**raw("m-2", text="A new matter entirely").__dict__,
                          "meta": {"in_reply_to": ack.email_message_id}})
    second = await pipeline.submit(reply)
    assert second.case_reference == first.case_reference
    events = await load(deps, Event, kind="case.message_added")
    assert events[0].data["reference"] == first.case_reference


async def test_shutdown_stops_a_task_that_swallows_the_first_cancel():
    import asyncio

    from gateway.app import stop_tasks

    swallowed = []

    async def stubborn():
        while True:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                if not swallowed:  # absorb the first cancel, as some awaits do
                    swallowed.append(True)
                    continue
                raise

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    await stop_tasks([task], wait=0.1)
    assert swallowed and task.cancelled()
