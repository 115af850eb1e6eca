"""A resident: one person across channels, known by any number of identities."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow

IDENTITY_KINDS = ("email", "phone", "facebook", "instagram", "whatsapp", "x")


class Resident(Base):
    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))
    preferred_contact: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    identities: Mapped[list[ResidentIdentity]] = relationship(
        back_populates="resident", lazy="selectin"
    )

    def identity(self, kind: str) -> str | None:
        """The first identity of ``kind`` (``email``, ``phone``, a social network), if any."""
        return next((i.value for i in self.identities if i.kind == kind), None)


class ResidentIdentity(Base):
    """An email address, an E.164 phone number or a social handle that belongs to a resident."""

    __tablename__ = "resident_identities"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(320))

    resident: Mapped[Resident] = relationship(back_populates="identities")
