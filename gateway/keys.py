"""Typed keys for what the aiohttp application carries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from gateway.outbox import OutboxWorker
    from gateway.pipeline import Deps, Pipeline
    from gateway.settings import Settings

SETTINGS: web.AppKey["Settings"] = web.AppKey("settings")
DEPS: web.AppKey["Deps"] = web.AppKey("deps")
PIPELINE: web.AppKey["Pipeline"] = web.AppKey("pipeline")
OUTBOX: web.AppKey["OutboxWorker"] = web.AppKey("outbox")
