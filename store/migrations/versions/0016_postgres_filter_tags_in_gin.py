"""PostgreSQL search at a million articles: the filter tags (source, category, KST day/month/year)
join the GIN index with weight C, as SQLite's FTS5 holds them in its `tags` column, so a filter is
an intersection of posting lists instead of a join and a row check per match (a month filter on a
common word read every match of the word). The index keeps `fastupdate` with a small pending list:
ingest still batches its GIN writes, and a search scans at most 512 kB of unmerged entries.
`tsv`'s statistics target is raised so the planner knows the frequency of every common token.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_TITLE_BODY = (
    "setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', body_terms), 'B')"
)
_TAGS = "setweight(to_tsvector('simple', tags), 'C')"


def _rebuild(expression: str, options: str) -> None:
    # the column is regenerated (PostgreSQL 15 cannot change a generation expression) and the
    # index built once afterwards; a bigger sort memory for this transaction only
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    op.execute("DROP INDEX IF EXISTS ix_search_docs_tsv")
    op.execute("ALTER TABLE search_docs DROP COLUMN tsv")
    op.execute(f"ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({expression}) STORED")
    op.execute(f"CREATE INDEX ix_search_docs_tsv ON search_docs USING GIN (tsv){options}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _rebuild(f"{_TITLE_BODY} || {_TAGS}", " WITH (fastupdate = on, gin_pending_list_limit = 512)")
    op.execute("ALTER TABLE search_docs ALTER COLUMN tsv SET STATISTICS 1000")
    op.execute("ANALYZE search_docs")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _rebuild(_TITLE_BODY, "")
