"""SQLite: the story-id indexes of articles and drafts hold only rows in a story (partial indexes).

Most articles are in no story, so most `story_id`s are NULL. After `ANALYZE`, `sqlite_stat1`
counts NULL as one key shared by all those rows (``ix_articles_story_id``: "1000000 1000000"
at a million articles, a story's members taken to be the whole table), and the planner scanned
the whole table for a story's members instead of seeking: ~1 s a page joining a story at a
million articles (bench/growth.py). Indexed with ``WHERE story_id IS NOT NULL``, the index holds
and counts only rows in a story; a lookup ``story_id = ?`` implies that condition, so SQLite uses
it. PostgreSQL's statistics keep NULLs apart (``null_frac``) and need nothing.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_INDEXES = (("ix_articles_story_id", "articles"), ("ix_drafts_story_id", "drafts"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, table in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute(f"CREATE INDEX {name} ON {table} (story_id) WHERE story_id IS NOT NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, table in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute(f"CREATE INDEX {name} ON {table} (story_id)")
