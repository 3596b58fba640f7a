"""A story's members are read through the index on SQLite even after ANALYZE (migration 0021).

Most articles are in no story. ANALYZE counted their NULL `story_id` as one key shared by all of
them, and the planner then scanned the whole table for a story's members (~1 s a page joining a
story at a million articles). The partial index holds, and counts, only rows in a story.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from store.db import Database
from tests.support.api import alembic_to

MEMBERS = "SELECT id, revision FROM articles WHERE story_id = :story"
DRAFTS = "SELECT id FROM drafts WHERE story_id = :story"


def _fill(db: Database, articles: int) -> None:
    """`articles` articles analysed while in no story; then two of them form story 1."""
    with db.engine.begin() as connection:
        connection.execute(text("INSERT INTO sources (id, name, kind, created_at) VALUES (1, 's', 'web', 0)"))
        connection.execute(text("INSERT INTO stories (id, created_at, updated_at) VALUES (1, 0, 0)"))
        for n in range(articles):
            connection.execute(
                text(
                    "INSERT INTO pages (id, url, source_id, state, raw_z, raw_hash, attempts, fetched_at,"
                    " updated_at) VALUES (:id, :url, 1, 'processed', x'', 'h', 1, 0, 0)"
                ),
                {"id": n + 1, "url": f"https://x.example/{n}"},
            )
            connection.execute(
                text(
                    "INSERT INTO articles (id, page_id, source_id, url, title, authors, body,"
                    " category_reason, keywords, excerpt, summary, content_hash, revision, created_at,"
                    " updated_at, story_id, published_date_only) VALUES (:id, :id, 1, :url, 't', '[]',"
                    " 'b', '', '[]', '', '[]', 'h', 1, 0, 0, :story, 0)"
                ),
                {"id": n + 1, "url": f"https://x.example/{n}", "story": None},
            )
        # the statistics taken before any story formed, as after a corpus imported whole
        connection.execute(text("ANALYZE"))
        connection.execute(text("UPDATE articles SET story_id = 1 WHERE id IN (1, 2)"))


def _plan(db: Database, query: str) -> str:
    with db.engine.connect() as connection:
        rows = connection.execute(text(f"EXPLAIN QUERY PLAN {query}"), {"story": 1}).all()
    return " ".join(str(row[-1]) for row in rows)


def test_a_storys_members_are_sought_in_the_index_after_analyze(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'plans.db'}")
    _fill(db, articles=3000)
    plan = _plan(db, MEMBERS)
    assert "USING INDEX ix_articles_story_id" in plan and "SCAN articles" not in plan
    with db.engine.connect() as connection:
        members = connection.execute(text(MEMBERS), {"story": 1}).all()
    assert sorted(row.id for row in members) == [1, 2]
    assert "ix_drafts_story_id" in _plan(db, DRAFTS)
    db.dispose()


def test_migration_0021_goes_down_and_up(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'down.db'}"
    Database(url).dispose()
    found = []
    for revision, down in (("0020", True), ("head", False)):
        alembic_to(url, revision, down=down)
        db = Database(url, migrate=False)
        with db.engine.connect() as connection:
            found.append(
                connection.execute(
                    text("SELECT sql FROM sqlite_master WHERE name = 'ix_articles_story_id'")
                ).scalar()
            )
        db.dispose()
    assert found[0] is not None and "WHERE" not in found[0]
    assert found[1] is not None and "WHERE story_id IS NOT NULL" in found[1]
