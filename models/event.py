"""The append-only audit trail of everything that happened to a message or a case."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, event
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(80))  # dotted, e.g. "message.received"
    actor: Mapped[str] = mapped_column(String(100), default="system")
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


@event.listens_for(Event, "before_update")
def _refuse_update(mapper, connection, target: Event) -> None:
    raise ValueError("events are append-only")


@event.listens_for(Event, "before_delete")
def _refuse_delete(mapper, connection, target: Event) -> None:
    raise ValueError("events are append-only")
