"""A triage decision: what the model suggested, or what a named staff member decided."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class TriageDecision(Base):
    __tablename__ = "triage_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    model_version: Mapped[str | None] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(30))
    confidence: Mapped[float | None] = mapped_column(Float)
    probabilities: Mapped[dict[str, Any]] = mapped_column(default=dict)
    flags: Mapped[list[Any]] = mapped_column(default=list)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    decided_by: Mapped[str] = mapped_column(String(100), default="model")  # or a staff username
    review: Mapped[bool] = mapped_column(default=False)
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def is_staff(self) -> bool:
        return self.decided_by != "model"
