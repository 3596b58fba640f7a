"""The FTS5 index merges 16 segments at a time while ingesting (migration 0022) and the rest off
the ingest path (``search.maintenance.merge_index``, run by the reconcile task): searches find
what they found before the merge, from fewer segments."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from ingest.pipeline import Origin, ingest
from search.articles import search
from search.maintenance import merge_index
from store.db import Database
from tests.support.api import alembic_to
from tests.support.pages import article_html

WORDS = ("교통", "복지", "환경", "교육", "주거", "보건", "문화", "안전", "농업", "해양", "산업", "고용")


def _automerge(db: Database) -> int | None:
    with db.engine.connect() as connection:
        found = connection.execute(text("SELECT v FROM search_fts_config WHERE k = 'automerge'")).scalar()
    return None if found is None else int(found)


def _segments(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(DISTINCT segid) FROM search_fts_idx")).scalar_one())


def _found(db: Database) -> dict[str, list[int]]:
    with db.transaction() as session:
        return {word: sorted(hit.article_id for hit in search(session, word).hits) for word in WORDS}


def test_segments_merged_off_the_ingest_path_and_searches_find_the_same(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'merge.db'}")
    assert _automerge(db) == 16
    for n, word in enumerate(WORDS):  # one transaction each: each document is a segment of its own
        body = [
            f"정부가 {word} 정책을 {n + 2}개 분야에서 새로 발표했다고 밝혔다.",
            f"{word} 예산은 {n + 10}억 원이다.",
        ]
        page = article_html(f"{word} 정책 발표 ({n})", body, "2025-05-03T15:12:00+09:00")
        assert ingest(db, page, Origin(f"https://news.example/{n}")).status == "new"
    before, crowded = _found(db), _segments(db)
    assert crowded >= len(WORDS)  # automerge 16: nothing merged at ingest yet
    assert all(len(ids) == 1 for ids in before.values())
    assert merge_index(db) >= 1
    assert _segments(db) < 4  # every level of four or more merged
    assert _found(db) == before
    assert merge_index(db) == 0  # nothing left to merge
    db.dispose()


def test_migration_0022_goes_down_and_up(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'down.db'}"
    Database(url).dispose()
    found = []
    for revision, down in (("0021", True), ("head", False)):
        alembic_to(url, revision, down=down)
        db = Database(url, migrate=False)
        found.append(_automerge(db))
        db.dispose()
    assert found == [4, 16]
