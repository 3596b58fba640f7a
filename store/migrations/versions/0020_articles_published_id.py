"""Date-range searches bounded by ids: an index on articles (published, id) on PostgreSQL.

A search filtered to a date range reads its newest matches in windows of ids walking back from
the newest id (search/engines.py); for a range far back, the windows walked through years of ids
holding no match before they reached it. The engine now bounds the windows by the lowest and
highest article id published inside the range, read from this index alone (an index-only scan
of the range's entries; the B-tree on `published` alone had to fetch each row for its id).

SQLite needs nothing: `ix_articles_published` already serves, since each entry of an SQLite
index carries the row id, and `articles.id` is the row id.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX IF NOT EXISTS ix_articles_published_id ON articles (published, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_articles_published_id")
