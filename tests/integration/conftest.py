"""Integration fixtures: real servers on loopback, started and stopped by the tests."""

from __future__ import annotations

import itertools

import asyncpg
import pytest

from gateway.settings import load_settings
from tests.integration.imap import env_name, imap_server
from tests.integration.postgres import postgres_server

_names = itertools.count()


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the whole session."""
    with postgres_server() as server:
        yield server


@pytest.fixture
async def postgres_url(postgres):
    """A fresh, empty database on the session's server, dropped after the test."""
    host, port, user = postgres
    name = f"doorstep_{next(_names)}"
    admin = await asyncpg.connect(host=host, port=port, user=user, database="postgres")
    await admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+asyncpg://{user}@{host}:{port}/{name}"
    await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    await admin.close()


@pytest.fixture
def pg_settings(tmp_settings, postgres_url):
    return load_settings(None, **{**tmp_settings.model_dump(), "database": {"url": postgres_url}})


@pytest.fixture
def imap(monkeypatch):
    """A fresh Dovecot with one mail user, whose password is in the environment for Doorstep."""
    user, password = "tina-intake", "imap-test-password-1"
    monkeypatch.setenv(env_name(user), password)
    with imap_server({user: password}) as server:
        server.user, server.password = user, password
        yield server
