"""A case: what the landlord must answer, with its category, stage and working-day deadlines."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow
from models.message import Message


class CaseStatus(StrEnum):
    NEEDS_REVIEW = "needs_review"
    OPEN = "open"
    CLOSED = "closed"


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(30), unique=True)
    category: Mapped[str] = mapped_column(String(30), index=True)
    stage: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=CaseStatus.OPEN, index=True)
    flags: Mapped[list[Any]] = mapped_column(default=list)
    channel: Mapped[str] = mapped_column(String(20))
    language: Mapped[str | None] = mapped_column(String(8))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    queue: Mapped[str | None] = mapped_column(String(60))

    received_at: Mapped[datetime]
    ack_due: Mapped[date] = mapped_column(Date)
    acknowledged_at: Mapped[datetime | None]
    response_due: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    messages: Mapped[list[Message]] = relationship(
        back_populates="case", lazy="selectin", order_by=Message.id
    )
    resident: Mapped["Resident | None"] = relationship(lazy="selectin")  # noqa: F821

    @property
    def needs_review(self) -> bool:
        return self.status == CaseStatus.NEEDS_REVIEW


class ReferenceCounter(Base):
    """The last case number issued in a year, for references like ``DS-2026-000123``."""

    __tablename__ = "reference_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)
