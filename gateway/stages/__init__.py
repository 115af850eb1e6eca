"""The pipeline's stages, one module each, keyed by the status each one starts from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from models import Message, MessageStatus

if TYPE_CHECKING:
    from gateway.pipeline import Deps


@dataclass
class StageContext:
    """One message inside one transaction; a stage returns the message's next status."""

    session: AsyncSession
    message: Message
    deps: "Deps"


Stage = Callable[[StageContext], Awaitable[MessageStatus]]

from gateway.stages.acknowledge import acknowledge  # noqa: E402
from gateway.stages.case import case  # noqa: E402
from gateway.stages.normalise import normalise  # noqa: E402
from gateway.stages.route import route  # noqa: E402
from gateway.stages.triage import triage  # noqa: E402

STAGES: dict[str, Stage] = {
    MessageStatus.RECEIVED: normalise,
    MessageStatus.NORMALISED: triage,
    MessageStatus.TRIAGED: case,
    MessageStatus.CASED: acknowledge,
    MessageStatus.ACKNOWLEDGED: route,
}
PIPELINE = tuple(stage.__name__ for stage in STAGES.values())

__all__ = ["PIPELINE", "STAGES", "Stage", "StageContext"]
