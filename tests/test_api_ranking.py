"""What the search API's ranking rests on: BM25 equal to SQLite FTS5's own bm25(), exact phrase
counting, date filters as tokens, and the bounded window (lower-bound totals, exact `newest`)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from ingest.pipeline import Origin, ingest
from search import articles as search_articles
from search.articles import SearchRequest, search
from search.bm25 import occurrences, phrase_counts
from search.engines import Fts5Engine, date_tags
from store.db import Database
from tests.support.api import OLD_ROWS, WRITTEN, Api, Corpus, alembic_to, build_corpus, open_api
from tests.support.pages import article_html

QUERIES = [
    "협력",
    "협력했다",
    "밝혔다",
    "청년 일자리",
    '"심야 버스"',
    "버스 노선",
    "협력 -일자리",
    "아동수당",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("ranking"))


@pytest.fixture(scope="module")
def api(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    yield from open_api(tmp_path_factory.mktemp("ranking-client"), corpus)


@pytest.mark.parametrize("q", QUERIES)
def test_scores_equal_fts5_bm25(api: Api, q: str) -> None:
    """Our BM25 is FTS5's bm25(search_fts, 3, 1, 0), without its cost of a full doclist scan per
    phrase on every query."""
    with api.db.sessions() as session:
        plan = search_articles._plan(session, SearchRequest(q=q))
        assert plan is not None
        engine = Fts5Engine(session)
        ours = search_articles._scores(session, engine, plan, engine.matches(plan, None, terms=True))
        rows = session.execute(
            text("SELECT rowid, -bm25(search_fts, 3.0, 1.0, 0.0) FROM search_fts WHERE search_fts MATCH :q"),
            {"q": engine.expression(plan)},
        ).all()
    theirs = {int(i): float(s) for i, s in rows}
    assert ours and set(ours) == set(theirs)
    for article_id, score in ours.items():
        assert math.isclose(score, theirs[article_id], rel_tol=1e-12, abs_tol=1e-15), article_id


@given(
    st.lists(st.lists(st.sampled_from(["a", "b", "ab", "c", "가", "가나"]), max_size=12), max_size=6),
    st.lists(st.sampled_from(["a", "b", "ab", "가"]), min_size=1, max_size=3),
)
def test_phrase_counting_matches_token_by_token(columns: list[list[str]], phrase: list[str]) -> None:
    """Counted in all columns at once, as in each alone: overlaps count, none runs across columns."""
    joined = [" ".join(column).encode() for column in columns]
    assert phrase_counts(tuple(phrase), joined) == [occurrences(tuple(phrase), c) for c in columns]


def _days(token: str) -> set[dt.date]:
    """The KST days a y/m/d filter token stands for."""
    year = int(token[1:5])
    if token[0] == "y":
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif token[0] == "m":
        first = dt.date(year, int(token[5:7]), 1)
        last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    else:
        first = last = dt.date(year, int(token[5:7]), int(token[7:9]))
    return {first + dt.timedelta(days=i) for i in range((last - first).days + 1)}


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.integers(0, 900))
def test_date_tokens_cover_exactly_the_days(first: dt.date, span: int) -> None:
    last = first + dt.timedelta(days=span)
    blocks = [_days(token) for token in date_tags(first, last)]
    covered = set().union(*blocks)
    assert sum(len(b) for b in blocks) == len(covered), "no day twice"
    assert covered == {first + dt.timedelta(days=i) for i in range(span + 1)}
    assert len(blocks) <= 2 * (30 + 11) + span // 365 + 1, "whole months and years as one token"


# the window ---------------------------------------------------------------------------------------


def test_a_query_matching_more_than_the_window(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    everything = api.get("/search", q="밝혔다", size=100)
    assert everything["total_exact"] is True
    monkeypatch.setattr(search_articles, "RANK_WINDOW", 3)
    body = api.get("/search", q="밝혔다", size=2)
    assert body["total"] == 3 and body["total_exact"] is False
    newest_ids = sorted((h["id"] for h in everything["results"]), reverse=True)[:3]
    assert {h["id"] for h in body["results"]} <= set(newest_ids), "ranked among the most recent"
    assert sum(body["facets"]["source"].values()) == 3


def test_newest_stays_exact_beyond_the_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored late but published early, or stored early and published late: order by date."""
    db = Database(f"sqlite:///{tmp_path / 'newest.db'}")
    days = ("2025-03-05", "2025-01-10", "2025-06-01", "2025-02-20", "2025-04-11")
    for page, day in zip(WRITTEN, days, strict=True):
        raw = article_html(
            page.title, list(page.paragraphs), published=f"{day}T09:00:00+09:00", modified=None
        )
        assert ingest(db, raw, Origin(page.url, page.source)).article_id is not None
    monkeypatch.setattr(search_articles, "RANK_WINDOW", 2)
    with db.sessions() as session:
        results = search(session, SearchRequest(q="밝혔다", sort="newest", size=2))
        second = search(session, SearchRequest(q="밝혔다", sort="newest", size=2, page=2))
    monkeypatch.undo()
    with db.sessions() as session:
        full = search(session, SearchRequest(q="밝혔다", sort="newest", size=4))
    db.dispose()
    newest = [h.published.date().isoformat() for h in full.hits if h.published]
    assert newest == ["2025-06-01", "2025-04-11", "2025-03-05", "2025-02-20"]
    assert [h.article_id for h in results.hits + second.hits] == [h.article_id for h in full.hits]
    assert results.total_exact is False and full.total_exact is True


def test_scores_follow_title_weight(api: Api) -> None:
    """A title match outranks the same words only in the body, at comparable length."""
    hits = api.get("/search", q="등산로 안전시설", size=10)["results"]
    assert hits and hits[0]["id"] == api.ids["hiking"]
    assert all(math.isfinite(h["score"]) for h in hits)


# the migration ------------------------------------------------------------------------------------


def test_migration_0006_reindexes_what_was_there(tmp_path: Path) -> None:
    """A database indexed before 0006 gets tags, lengths and the three-column index; 0005 again
    gives back the two-column one."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    alembic_to(url, "0005")
    stamp = "2025-11-30 15:30:00.000000"  # 00:30 on 1 December in Seoul
    db = Database(url, migrate=False)
    with db.engine.begin() as c:
        for statement in OLD_ROWS:
            c.execute(text(statement), {"t": stamp})
    db.dispose()
    alembic_to(url, "head")
    db = Database(url)
    with db.sessions() as session:
        tags, length = session.execute(text("SELECT tags, length FROM search_docs")).one()
        hits = search(session, SearchRequest(q="협력", source="행정안전부", date_from=dt.date(2025, 12, 1)))
    db.dispose()
    assert tags == f"s7 c{'안전'.encode().hex()} y2025 m202512 d20251201" and length == 2 + 3 + 5
    assert [h.article_id for h in hits.hits] == [1]
    alembic_to(url, "0005", down=True)
    db = Database(url, migrate=False)
    with db.engine.connect() as c:
        assert c.execute(text("SELECT rowid FROM search_fts WHERE search_fts MATCH '협력'")).all() == [(1,)]
        columns = {row[1] for row in c.execute(text("PRAGMA table_info(search_docs)"))}
    db.dispose()
    assert "tags" not in columns and "length" not in columns


def test_migration_0007_moves_spans_out_of_the_ranked_rows(tmp_path: Path) -> None:
    """Spans move to search_spans and highlights still find them; 0006 again puts them back."""
    url = f"sqlite:///{tmp_path / 'spans.db'}"
    alembic_to(url, "0006")
    db = Database(url, migrate=False)
    spans = '[["지자체", 0, 3], ["협력", 5, 7], ["점검", 9, 11]]'
    with db.engine.begin() as c:
        for statement in OLD_ROWS:
            c.execute(text(statement.replace("'[]')", f"'{spans}')")), {"t": "2025-11-30 15:30:00.000000"})
    db.dispose()
    alembic_to(url, "head")
    db = Database(url)
    with db.sessions() as session:
        found = search(session, SearchRequest(q="협력했다"))
        columns = {row[1] for row in session.execute(text("PRAGMA table_info(search_docs)"))}
    db.dispose()
    assert "spans" not in columns
    assert found.hits[0].highlights == ["지자체와 <mark>협력</mark>을 점검한다"]
    alembic_to(url, "0006", down=True)
    db = Database(url, migrate=False)
    with db.engine.connect() as c:
        assert c.execute(text("SELECT spans FROM search_docs")).scalar() == spans
    db.dispose()
