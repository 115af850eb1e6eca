"""One row per inbound message, whatever the channel, from raw bytes to its case."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow


class MessageStatus(StrEnum):
    """How far the pipeline has taken a message; each value names the last stage completed."""

    RECEIVED = "received"
    NORMALISED = "normalised"
    TRIAGED = "triaged"
    CASED = "cased"
    ACKNOWLEDGED = "acknowledged"
    ROUTED = "routed"
    IGNORED = "ignored"  # recorded, but not a contact (auto-replies, delivery reports)
    FAILED = "failed"  # gave up after the configured attempts; `replay` resumes it


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(30))  # the adapter that received it
    received_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    raw: Mapped[bytes] = mapped_column(LargeBinary)
    raw_content_type: Mapped[str] = mapped_column(String(200))

    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    sender_name: Mapped[str | None] = mapped_column(String(200))
    sender_email: Mapped[str | None] = mapped_column(String(320))
    sender_phone: Mapped[str | None] = mapped_column(String(20))
    sender_handle: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str | None] = mapped_column(String(998))
    text: Mapped[str | None] = mapped_column(Text)
    new_text: Mapped[str | None] = mapped_column(Text)
    quoted_text: Mapped[str | None] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)

    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=MessageStatus.RECEIVED, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_expires: Mapped[datetime | None]
    failed_stage: Mapped[str | None] = mapped_column(String(30))
    last_error: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="message", lazy="selectin", order_by="Attachment.id"
    )
    case: Mapped["Case | None"] = relationship(back_populates="messages")  # noqa: F821

    # Optimistic locking: a worker whose lease was taken over cannot commit a stage.
    __mapper_args__ = {"version_id_col": version}

    @property
    def is_done(self) -> bool:
        return self.status in (MessageStatus.ROUTED, MessageStatus.IGNORED)


class Attachment(Base):
    """A file that came with a message; the bytes live in the blob store, named by sha256."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    refused: Mapped[str | None] = mapped_column(String(200))  # why it was not stored, if so

    message: Mapped[Message] = relationship(back_populates="attachments")
