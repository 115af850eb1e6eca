"""Who has texted STOP: SMS opt-outs, kept per phone number (E.164)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class SmsOptOut(Base):
    """One row per number that has ever opted out; opted out while ``opted_in_at`` is empty.

    STOP sets ``opted_out_at`` and clears ``opted_in_at``; START sets ``opted_in_at``. The full
    history is in the events.
    """

    __tablename__ = "sms_opt_outs"

    phone: Mapped[str] = mapped_column(String(20), primary_key=True)
    opted_out_at: Mapped[datetime | None]
    opted_in_at: Mapped[datetime | None]

    @property
    def is_opted_out(self) -> bool:
        return self.opted_out_at is not None and self.opted_in_at is None
