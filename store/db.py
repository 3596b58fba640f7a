"""Engines and sessions; migrations run on first use."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
MIGRATION_LOCK_KEY = 0x6E657773  # PostgreSQL advisory lock taken while migrating ("news")
_UPGRADE_LOCK = threading.Lock()
SQLITE_BUSY_MS = 30_000  # how long a SQLite connection waits for another's write lock


class Database:
    """An engine, its session factory, and the schema brought up to date."""

    def __init__(self, url: str, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            upgrade(self.engine)

    @contextmanager
    def transaction(self, savepoints: bool = False) -> Iterator[Session]:
        """A session whose work commits together or not at all; with `savepoints`, one that work
        can nest savepoints in (``open_transaction``)."""
        if not savepoints:
            with self.sessions.begin() as session:
                yield session
            return
        session = self.open_transaction()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def open_transaction(self) -> Session:
        """A session whose transaction is already open, for work that nests savepoints in it
        (``ingest.batch``); the caller commits or rolls back, and closes it.

        pysqlite sends BEGIN only before a write, so a SAVEPOINT coming first would start a
        transaction of its own that its RELEASE commits. BEGIN IMMEDIATE opens the real one and
        takes SQLite's write lock now, as the first write would: taken later, after a read, it
        could fail at once (the snapshot went stale) instead of waiting out the busy timeout.
        """
        session = self.sessions()
        session.begin()
        if self.engine.dialect.name == "sqlite":
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
        return session

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    """An engine; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30}, pool_use_lifo=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def database_exists(url: str) -> bool:
    """False only when the URL names a SQLite file that is not there (connecting would create it);
    other databases are created by their servers' administrators, never by connecting."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return True
    return Path(parsed.database).is_file()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.close()


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to `revision`; a no-op when the schema is already there.

    Processes that start together on a new database (`newsdesk up`, a fleet of workers) take
    turns: the first migrates, the others then find the schema current.
    """
    with _UPGRADE_LOCK:
        if revision == "head" and current_revision(engine) == head_revision():
            return
        config = _config()
        with _sqlite_file_lock(engine), engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            config.attributes["connection"] = connection
            command.upgrade(config, revision)


@contextmanager
def _sqlite_file_lock(engine: Engine) -> Iterator[None]:
    """An exclusive lock on a file beside a SQLite database, held while it migrates."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or sys.platform == "win32":
        yield
        return
    import fcntl

    with open(f"{database}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file closes
        yield
