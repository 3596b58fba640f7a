"""The search index's upkeep off the ingest path: SQLite's FTS5 segments merged by the reconcile task.

Ingest lets FTS5 merge its segments only 16 at a time (migration 0022: each document is written
again about half as often as with FTS5's default of 4), so a level of the index may hold up to 15
segments a search must read. ``merge_index`` merges every level that holds four or more (FTS5's
``usermerge``, 4 by default) with FTS5's ``merge`` command: ``pages`` pages of work a round, each
round its own short transaction (it holds SQLite's write lock while it runs, so ingest waits at
most one round), until a round finds nothing to merge or ``rounds`` have run. PostgreSQL's GIN
index keeps itself: nothing to do there.
"""

from __future__ import annotations

from sqlalchemy import text

from store.db import Database

PAGES = 500  # FTS5 pages (4 KiB) written at most by one round
ROUNDS = 20

_MERGE = text("INSERT INTO search_fts(search_fts, rank) VALUES ('merge', :pages)")
_CHANGES = text("SELECT total_changes()")


def merge_index(db: Database, pages: int = PAGES, rounds: int = ROUNDS) -> int:
    """Merge the FTS5 index's crowded levels; how many rounds did work (0 on PostgreSQL, or when
    no level holds four segments)."""
    if db.engine.dialect.name != "sqlite":
        return 0
    worked = 0
    for _ in range(rounds):
        with db.engine.begin() as connection:
            before = connection.execute(_CHANGES).scalar_one()
            connection.execute(_MERGE, {"pages": pages})
            # FTS5's own test of a no-op merge: fewer than two rows changed
            if connection.execute(_CHANGES).scalar_one() - before < 2:
                return worked
        worked += 1
    return worked
