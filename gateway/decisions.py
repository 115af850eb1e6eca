"""Staff decisions as training data: every confirmation or correction, in the corpus format.

``doorstep decisions export FILE`` writes them as JSON lines that ``doorstep triage train
--corpus triage/corpus/train FILE`` folds into the next model. Only the latest staff decision for
each message counts; the model's own suggestions are never exported.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from gateway.db import make_engine, make_sessionmaker, upgrade_async
from gateway.settings import Settings
from models import Message, TriageDecision


def decision_record(decision: TriageDecision, message: Message) -> dict:
    """One labelled example, as the training corpus writes it."""
    return {
        "id": f"staff-{decision.id}", "channel": message.channel, "subject": message.subject,
        "text": message.new_text or message.text or "",
        "received_at": message.received_at.isoformat(),
        "label": decision.category, "flags": sorted(decision.flags),
        "note": f"staff decision by {decision.decided_by} on {decision.decided_at:%Y-%m-%d}",
    }


async def staff_decisions(session) -> list[dict]:
    """The latest staff decision on each message, oldest first."""
    latest = (select(func.max(TriageDecision.id))
              .where(TriageDecision.decided_by != "model")
              .group_by(TriageDecision.message_id))
    rows = await session.execute(
        select(TriageDecision, Message).join(Message, Message.id == TriageDecision.message_id)
        .where(TriageDecision.id.in_(latest)).order_by(TriageDecision.id))
    return [decision_record(d, m) for d, m in rows if (m.new_text or m.text)]


async def export_decisions(settings: Settings, out: Path) -> int:
    """Write every staff decision to ``out``; the number written."""
    await upgrade_async(settings.database.url)
    engine = make_engine(settings.database.url)
    try:
        async with make_sessionmaker(engine)() as session:
            records = await staff_decisions(session)
    finally:
        await engine.dispose()
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return len(records)
