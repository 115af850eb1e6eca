"""Staff accounts: scrypt password hashes, created from the command line."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.db import make_engine, make_sessionmaker, upgrade_async
from gateway.settings import Settings
from models import Event, StaffUser, utcnow

N, R, P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P)
    return "scrypt${}${}${}${}${}".format(N, R, P, base64.b64encode(salt).decode(),
                                          base64.b64encode(digest).decode())


def verify_password(password: str, stored: str) -> bool:
    """Check ``password`` against a stored hash in constant time."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    actual = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(actual, base64.b64decode(digest))


_EQUALISER = hash_password("timing-equaliser")
LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW = timedelta(minutes=15)


async def authenticate(session: AsyncSession, username: str, password: str) -> StaffUser | None:
    """The active staff user with these credentials, or None. scrypt runs off the event loop."""
    user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
    stored = user.password_hash if user is not None and user.active else _EQUALISER
    ok = await asyncio.to_thread(verify_password, password, stored)
    return user if ok and stored is not _EQUALISER else None


async def recent_failures(session: AsyncSession, username: str) -> int:
    """Failed sign-ins for ``username`` in the lockout window, counted from the audit trail."""
    return await session.scalar(
        select(func.count()).select_from(Event).where(
            Event.kind == "staff.sign_in_failed", Event.actor == username[:100],
            Event.at > utcnow() - LOCKOUT_WINDOW)
    )


async def is_locked_out(session: AsyncSession, username: str) -> bool:
    return await recent_failures(session, username) >= LOCKOUT_FAILURES


async def save_staff(session: AsyncSession, username: str, display_name: str, password: str) -> StaffUser:
    """Create the account, or reset its name and password."""
    user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        user = StaffUser(username=username, display_name=display_name, password_hash="")
        session.add(user)
    user.display_name, user.password_hash, user.active = display_name, hash_password(password), True
    await session.flush()
    return user


async def add_staff(settings: Settings, username: str, display_name: str, password: str) -> None:
    """``doorstep staff add``: migrate if needed, then save the account."""
    await upgrade_async(settings.database.url)
    engine = make_engine(settings.database.url)
    try:
        async with make_sessionmaker(engine)() as session:
            await save_staff(session, username, display_name, password)
            await session.commit()
    finally:
        await engine.dispose()
