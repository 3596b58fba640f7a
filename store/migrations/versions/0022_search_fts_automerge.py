"""SQLite: the FTS5 index merges its segments 16 at a time while pages are ingested (automerge 16),
and the reconcile task merges what is left four at a time, off the ingest path.

FTS5 writes every document into a segment of its own (each row its trigger inserts is flushed
apart) and, with its default `automerge` of 4, merges four segments of a level into one of the
next as soon as there are four: each document's postings are written again once per level, about
log₄ of the corpus's documents times, and those merges run inside the ingest's INSERTs. Merging
16 at a time halves the levels, so a document is written again about half as often (measured,
2,000 documents in batches of 50: 0.13 → 0.10 ms of SQLite's CPU a row, 1.9 → 1.2 WAL pages
written a row). A level may then hold up to 15 segments for a search to read, where it held 3;
`search.maintenance.merge_index`, run by the reconcile task every few minutes, merges any level
of four or more (`usermerge`, the default 4) with FTS5's `merge` command, a bounded amount of
work in each of a few short transactions, so searches see the segments they saw before.

The setting is stored in the index's own `search_fts_config` table: a later migration that drops
and creates `search_fts` again must set it again. PostgreSQL's GIN index needs nothing.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

AUTOMERGE = 16
DEFAULT_AUTOMERGE = 4  # FTS5's own


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', {AUTOMERGE})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', {DEFAULT_AUTOMERGE})")
