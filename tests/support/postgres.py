"""The one PostgreSQL helper: a server from NEWSDESK_TEST_POSTGRES (default: this machine's), fresh
databases on it named by run, and the one-line skip when it is not there.

Nothing here imports pytest at module level, so the benchmarks can use it too.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

ADMIN_URL = os.environ.get("NEWSDESK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
TEST_DB_PREFIX = "newsdesk_test_"
STALE_AFTER_SECONDS = 6 * 3600


def address() -> tuple[str, int]:
    """Host and port of the test server."""
    parts = urlsplit(ADMIN_URL)
    return parts.hostname or "127.0.0.1", parts.port or 5432


def require_postgres() -> None:
    """Skip (one line) when PostgreSQL is not listening; in CI (CI=true) that is a failure."""
    import pytest

    host, port = address()
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        reason = f"PostgreSQL unreachable at {host}:{port}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (required in CI)", pytrace=False)
        pytest.skip(reason)


def run_id() -> str:
    """A name part unique to this run and sortable by time: leftovers can be told by age."""
    return f"{int(time.time())}_{uuid.uuid4().hex[:8]}"


def create_postgres_database() -> tuple[str, str]:
    """A fresh database on the test server (stale ones from crashed runs swept first): name, URL."""
    import psycopg

    name = TEST_DB_PREFIX + run_id()
    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
        _sweep_stale_databases(admin)
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(ADMIN_URL)
    return name, f"postgresql+psycopg://{parts.netloc}/{name}"


def drop_postgres_database(name: str) -> None:
    """Drop a database made by create_postgres_database, connections and all."""
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def temporary_postgres() -> Iterator[str]:
    """A fresh database for one test or module, dropped afterwards; yields its URL."""
    name, url = create_postgres_database()
    try:
        yield url
    finally:
        drop_postgres_database(name)


def _sweep_stale_databases(admin: Any) -> None:
    """Drop test databases a killed run left behind (older than STALE_AFTER_SECONDS by their name)."""
    rows = admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (TEST_DB_PREFIX + "%",))
    for (name,) in rows.fetchall():
        if is_stale(name.removeprefix(TEST_DB_PREFIX)):
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def is_stale(run: str) -> bool:
    """True for a run_id() older than STALE_AFTER_SECONDS (its leftovers may go)."""
    stamp = run.split("_", 1)[0]
    return stamp.isdigit() and time.time() - int(stamp) > STALE_AFTER_SECONDS
