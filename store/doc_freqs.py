"""The shared document frequencies (table `doc_freqs`, migration 0019): read in the searching
session, written apart from it, best effort.

A search is a reader: the count it shares is written in a short transaction of its own, which
gives up after SHARE_WAIT_MS rather than queue a reader behind a writer (SQLite has one writer
at a time, and ingest may hold it for a batch). A count not shared is only counted again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from sqlalchemy import Connection, Engine, bindparam, exc, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.db import SQLITE_BUSY_MS
from store.models import DocFreq, now

log = logging.getLogger(__name__)

SHARE_WAIT_MS = 100  # longest a search waits to write what it counted


class Counted(NamedTuple):
    """A phrase's document frequency, the index's size when counted, and when."""

    df: int
    docs: int
    counted_at: dt.datetime


_READ = select(DocFreq.phrase, DocFreq.df, DocFreq.docs, DocFreq.counted_at).where(
    DocFreq.phrase.in_(bindparam("phrases", expanding=True))
)


def read(session: Session, phrases: Iterable[str]) -> dict[str, Counted]:
    """The shared counts of these phrases (index tokens joined by single spaces) there are."""
    wanted = list(phrases)
    if not wanted:
        return {}
    rows = session.connection().execute(_READ, {"phrases": wanted})
    return {phrase: Counted(df, docs, at) for phrase, df, docs, at in rows}


def write(bind: Engine, counts: Mapping[str, int], docs: int) -> bool:
    """Share these counts (made over `docs` rows) with every process, replacing older ones;
    False when the database was busy or read-only and they were not written."""
    if not counts:
        return True
    rows = [{"phrase": p, "df": df, "docs": docs, "counted_at": now()} for p, df in counts.items()]
    insert = (postgresql if bind.dialect.name == "postgresql" else sqlite).insert(DocFreq)
    statement = insert.on_conflict_do_update(
        index_elements=["phrase"],
        set_={name: insert.excluded[name] for name in ("df", "docs", "counted_at")},
    )
    is_sqlite = bind.dialect.name == "sqlite"
    try:
        with bind.connect() as connection:
            if is_sqlite:  # per connection: set back before the pool hands it on
                _busy_timeout(connection, SHARE_WAIT_MS)
            try:
                if not is_sqlite:
                    connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{SHARE_WAIT_MS}ms'")
                connection.execute(statement, rows)
                connection.commit()
            finally:
                if is_sqlite:
                    connection.rollback()
                    _busy_timeout(connection, SQLITE_BUSY_MS)
    except exc.OperationalError as error:  # busy, locked, read-only: the count stays this process's
        log.info("document frequencies not shared: %s", error.orig)
        return False
    return True


def _busy_timeout(connection: Connection, ms: int) -> None:
    connection.exec_driver_sql(f"PRAGMA busy_timeout={ms}")
    connection.commit()
