"""``make_app(settings)``: the gateway's aiohttp application, its resources and background workers."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web
from sqlalchemy import text

from channels.base import Deliverer, RawMessage, SubmitResult
from channels.email_smtp import SmtpDeliverer
from channels.local_outbox import LocalOutbox
from channels.social_meta_send import meta_deliverers
from channels.social_x_send import x_deliverers
from channels.registry import build_adapters
from channels.twilio_delivery import TwilioSmsDeliverer
from gateway import keys
from gateway.acknowledgements import AckRenderer
from gateway.api import routes as api_routes
from gateway.blobs import BlobStore
from gateway.db import is_sqlite, make_engine, make_sessionmaker, upgrade_async
from gateway.deadlines import WorkingCalendar
from gateway.errors import problem_middleware
from gateway.outbox import OutboxWorker
from gateway.pipeline import Deps, Pipeline
from gateway.settings import Settings
from gateway.staff import routes as staff_routes
from models import utcnow

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"


def make_app(
    settings: Settings,
    *,
    triager: Any = None,
    deliverers: Mapping[str, Deliverer] | None = None,
    clock: Callable[[], datetime] = utcnow,
    run_workers: bool = True,
) -> web.Application:
    """The application; resources are opened on start-up and closed on clean-up."""
    app = web.Application(
        client_max_size=settings.server.max_body_bytes,
        middlewares=[problem_middleware, security_headers],
    )
    app[keys.SETTINGS] = settings
    secret_key = load_secret_key(settings)

    async def submit(raw: RawMessage, *, wait: bool = True) -> SubmitResult:
        return await app[keys.PIPELINE].submit(raw, wait=wait)

    adapters = build_adapters(settings, submit, secret_key=secret_key, app=app)
    app.cleanup_ctx.append(
        lambda a: resources(a, adapters, submit, triager, deliverers, clock, run_workers)
    )
    app.add_routes(api_routes)
    app.add_routes(staff_routes(secret_key))
    app.router.add_get("/healthz", healthz)
    for adapter in adapters.values():
        app.add_routes(adapter.routes())
    if STATIC.is_dir():
        app.router.add_static("/static", STATIC)
    return app


def load_secret_key(settings: Settings) -> bytes:
    """The key that signs forms and sessions: from the environment, or kept in the data folder."""
    if settings.security.secret_key is not None:
        return settings.security.secret_key.get_secret_value().encode()
    path = settings.storage.data_dir / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip().encode()


def default_deliverers(settings: Settings, sessions: Any = None) -> dict[str, Deliverer]:
    """SMTP, Twilio SMS, Meta and X when configured; everything else falls back to the local outbox."""
    found: dict[str, Deliverer] = {}
    if settings.twilio.can_send:  # with sessions, it checks SMS opt-outs just before sending
        found["sms"] = TwilioSmsDeliverer(settings, sessions)
    found.update(meta_deliverers(settings))  # Messenger, Instagram, WhatsApp with their tokens
    found.update(x_deliverers(settings))
    if settings.smtp.host:
        return {**found, "email": SmtpDeliverer(settings.smtp)}
    log.warning("outbox.local: no SMTP configured; email acknowledgements are written as .eml "
                "files to %s", settings.outbox.dir.resolve())
    return found


def load_triager(settings: Settings) -> Any:
    from triage.model import Triager

    return Triager.load(settings.triage.model_path)


@dataclass
class Runtime:
    """The running parts: shared dependencies, the pipeline and the outbox."""

    deps: Deps
    pipeline: Pipeline
    outbox: OutboxWorker


@asynccontextmanager
async def open_runtime(settings: Settings, adapters: Mapping[str, Any], *, triager: Any = None,
                       deliverers: Mapping[str, Deliverer] | None = None,
                       clock: Callable[[], datetime] = utcnow) -> AsyncIterator[Runtime]:
    """Migrate and open the database, load the model, and wire the pipeline to the outbox."""
    await upgrade_async(settings.database.url)
    engine = make_engine(settings.database.url, settings.database.echo)
    if triager is None:
        triager = await asyncio.get_running_loop().run_in_executor(None, load_triager, settings)
    deps = Deps(
        settings=settings, sessions=make_sessionmaker(engine), triager=triager, adapters=adapters,
        blobs=BlobStore(settings.storage.data_dir / "attachments"),
        calendar=WorkingCalendar(settings.landlord.nation, settings.landlord.timezone),
        acks=AckRenderer(settings.landlord), clock=clock,
    )
    fallback = LocalOutbox(settings.outbox.dir, settings.smtp.from_address, settings.smtp.from_name)
    outbox = OutboxWorker(deps, default_deliverers(settings, deps.sessions)
                          if deliverers is None else deliverers, fallback)
    deps.on_outbound = outbox.wake.set
    try:
        yield Runtime(deps, Pipeline(deps), outbox)
    finally:
        await engine.dispose()


async def resources(app, adapters, submit, triager, deliverers, clock,
                    run_workers) -> AsyncIterator[None]:
    """Open the runtime and start the workers and channel pollers; stop them on shutdown."""
    settings = app[keys.SETTINGS]
    async with open_runtime(settings, adapters, triager=triager, deliverers=deliverers,
                            clock=clock) as runtime:
        app[keys.DEPS], app[keys.PIPELINE], app[keys.OUTBOX] = (
            runtime.deps, runtime.pipeline, runtime.outbox)
        if is_sqlite(settings.database.url):
            await runtime.pipeline.release_all_leases()  # one process owns an SQLite file
            await runtime.outbox.release_all_leases()
        tasks = [asyncio.create_task(runtime.pipeline.worker()),
                 asyncio.create_task(runtime.outbox.worker()),
                 *(asyncio.create_task(a.poll(submit)) for a in adapters.values())
                 ] if run_workers else []
        log.info("gateway.started model=%s channels=%s",
                 getattr(runtime.deps.triager, "version", "?"), ",".join(sorted(adapters)))
        yield
        await stop_tasks(tasks)


async def stop_tasks(tasks: list[asyncio.Task], rounds: int = 10, wait: float = 1.0) -> None:
    """Cancel background tasks, cancelling again any that swallowed the first cancel.

    A cancel that lands inside some awaits (a database call in a ``finally``, or
    ``asyncio.wait_for`` on Python 3.11) can be absorbed, leaving the task running; asking
    again is what lets shutdown finish.
    """
    pending = set(tasks)
    for _ in range(rounds):
        if not pending:
            return
        for task in pending:
            task.cancel()
        _, pending = await asyncio.wait(pending, timeout=wait)
    log.warning("gateway.tasks_not_stopped count=%s", len(pending))


async def healthz(request: web.Request) -> web.Response:
    """Liveness and the basics an operator checks first."""
    deps = request.app[keys.DEPS]
    async with deps.sessions() as session:
        await session.execute(text("SELECT 1"))
    return web.json_response({
        "status": "ok", "model_version": getattr(deps.triager, "version", None),
        "channels": sorted(deps.adapters),
        "channel_health": {name: await a.health() for name, a in deps.adapters.items()
                           if hasattr(a, "health")},
    })


@web.middleware
async def security_headers(request: web.Request, handler) -> web.StreamResponse:
    """Hardening headers on every answer, raised error pages included."""
    try:
        response = await handler(request)
    except web.HTTPException as e:
        _harden(e)
        raise
    _harden(response)
    return response


def _harden(response: web.StreamResponse) -> None:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if response.content_type == "text/html":
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; "
            "frame-ancestors 'none'",
        )
