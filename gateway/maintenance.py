"""Operator tasks: putting failed messages back through the pipeline."""

from __future__ import annotations

from sqlalchemy import select

from gateway.db import make_engine, make_sessionmaker, upgrade_async
from gateway.settings import Settings
from models import Event, Message, MessageStatus, utcnow
from gateway.stages import STAGES


def resume_status(message: Message) -> str:
    """The status a failed message resumes from: just before the stage that failed."""
    for status, stage in STAGES.items():
        if stage.__name__ == message.failed_stage:
            return status
    return MessageStatus.RECEIVED


async def replay(settings: Settings, message_id: int | None = None) -> int:
    """Reset failed messages (or one message) so the worker runs them again; the count reset."""
    await upgrade_async(settings.database.url)
    engine = make_engine(settings.database.url)
    try:
        async with make_sessionmaker(engine)() as session:
            query = select(Message).where(Message.status == MessageStatus.FAILED)
            if message_id is not None:
                query = select(Message).where(Message.id == message_id)
            messages = list(await session.scalars(query))
            for message in messages:
                if message.status == MessageStatus.FAILED:
                    message.status = resume_status(message)
                message.attempts, message.next_attempt_at = 0, utcnow()
                session.add(Event(kind="message.replayed", actor="operator", message_id=message.id))
            await session.commit()
            return len(messages)
    finally:
        await engine.dispose()
