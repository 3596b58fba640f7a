"""PostgreSQL reads a query's newest matches in windows of ids, each sized from the share of
matches the ones before it held, each window named in the query by its id blocks (migration
0018). Whatever the sizes, it returns exactly what one statement over all ids returns: the same
matches, newest first, filters included (tags in the GIN index)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from search import engines
from search.articles import SearchRequest, _plan
from search.engines import SHIFTS, PostgresEngine, _filters, id_blocks
from store.db import Database
from tests.support.api import alembic_to, build_corpus
from tests.support.postgres import require_postgres, temporary_postgres

REQUESTS = [
    SearchRequest(q="밝혔다"),
    SearchRequest(q="협력"),
    SearchRequest(q="청년 일자리"),
    SearchRequest(q="협력 -일자리"),
    SearchRequest(q='"심야 버스"'),
    SearchRequest(q="밝혔다", source="고용노동부"),
    SearchRequest(q="밝혔다", date_from=dt.date(2025, 12, 1), date_to=dt.date(2025, 12, 1)),
    SearchRequest(q="밝혔다", date_to=dt.date(2025, 11, 30)),
]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    require_postgres()
    folder: Path = tmp_path_factory.mktemp("windows")
    with temporary_postgres() as url:
        build_corpus(folder, url)
        db = Database(url)
        yield db
        db.dispose()


@pytest.mark.parametrize("first_span", [1, 4])
@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: f"{r.q}|{r.source}|{r.date_from}|{r.date_to}")
def test_windows_return_the_newest_matches_of_one_statement(
    database: Database, monkeypatch: pytest.MonkeyPatch, first_span: int, request_: SearchRequest
) -> None:
    monkeypatch.setattr(engines, "FIRST_SPAN", first_span)  # windows of one id or a few
    monkeypatch.setattr(engines, "WINDOW_ALIGN", 1)  # the corpus is smaller than one block
    with database.sessions() as session:
        plan = _plan(session, request_)
        assert plan is not None
        engine = PostgresEngine(session)
        everything = engine.matches(plan, None, terms=True)
        windowed = [engine.matches(plan, limit, terms=True) for limit in range(1, len(everything) + 2)]
    assert [m.id for m in everything] == sorted((m.id for m in everything), reverse=True)
    for limit, found in enumerate(windowed, start=1):
        assert found == everything[:limit]


def test_the_filters_select_what_the_articles_say(database: Database) -> None:
    with database.sessions() as session:
        engine = PostgresEngine(session)
        rows = session.execute(
            text("SELECT a.id, s.name, a.published FROM articles a JOIN sources s ON s.id = a.source_id")
        ).all()
        by_source = _plan(session, SearchRequest(q="밝혔다", source="고용노동부"))
        by_day = _plan(session, SearchRequest(q="밝혔다", date_to=dt.date(2025, 11, 30)))
        unfiltered = _plan(session, SearchRequest(q="밝혔다"))
        assert by_source and by_day and unfiltered
        every = {m.id for m in engine.matches(unfiltered, None)}
        sourced = {m.id for m in engine.matches(by_source, None)}
        dated = {m.id for m in engine.matches(by_day, None)}
    kst = dt.timezone(dt.timedelta(hours=9))
    assert sourced and sourced == {i for i, name, _ in rows if name == "고용노동부"} & every
    assert (
        dated
        and dated
        == {i for i, _, p in rows if p and p.astimezone(kst).date() <= dt.date(2025, 11, 30)} & every
    )


def test_migration_0016_goes_down_and_up_and_moves_the_tags_in_and_out_of_the_index(
    tmp_path: Path,
) -> None:
    require_postgres()
    with temporary_postgres() as url:
        build_corpus(tmp_path, url)
        tagged = "SELECT count(*) FROM search_docs WHERE tsv @@ to_tsquery('simple', :tag)"
        first_tag = "SELECT split_part(tags, ' ', 1) FROM search_docs LIMIT 1"
        counts = []
        for revision, down in (("0015", True), ("head", False)):
            alembic_to(url, revision, down=down)
            db = Database(url, migrate=False)
            with db.sessions() as session:
                tag = session.execute(text(first_tag)).scalar_one()
                counts.append(session.execute(text(tagged), {"tag": f"'{tag}':C"}).scalar_one())
            db.dispose()
    assert counts[0] == 0 and counts[1] > 0


@pytest.mark.parametrize(
    "ids", [(0, 1), (0, 1024), (1, 1023), (1000, 1100), (5000, 70_000), (0, 300_001), (1_000_000, 5_300_000)]
)
def test_id_blocks_cover_the_window_with_the_fewest_aligned_blocks(ids: tuple[int, int]) -> None:
    spans = []
    for block in id_blocks(ids):
        shift, number = block.removeprefix("#").split(".")
        spans.append((int(number) << int(shift), 1 << int(shift)))
    finest = 1 << SHIFTS[0]
    start, end = ids[0] // finest * finest, -(-ids[1] // finest) * finest
    # contiguous from the window's first block to its last, each aligned to its own size
    assert [a for a, _ in spans] == [start] + [a + n for a, n in spans[:-1]]
    assert spans[-1][0] + spans[-1][1] == end
    assert all(a % n == 0 for a, n in spans)
    # fewest: no block could have been a bigger one
    for a, n in spans:
        assert not any(big > n and a % big == 0 and a + big <= end for big in (1 << s for s in SHIFTS))


def test_the_index_expression_holds_exactly_the_blocks_of_each_id(database: Database) -> None:
    """The expression the migration indexes, evaluated on ids far beyond the test corpus's."""
    rows = "SELECT i AS article_id, ''::text AS tags FROM generate_series(0, 600000, 37) AS i"
    sql = text(f"SELECT g.article_id FROM ({rows}) AS g WHERE {_filters('g.')} @@ CAST(:blocks AS tsquery)")
    finest = 1 << SHIFTS[0]
    with database.sessions() as session:
        for lo, hi in ((0, 1024), (2048, 70_000), (262_144, 600_001), (1000, 1001)):
            blocks = " | ".join(f"'{b}'" for b in id_blocks((lo, hi)))
            found = {i for (i,) in session.execute(sql, {"blocks": blocks})}
            start, end = lo // finest * finest, -(-hi // finest) * finest
            assert found == set(range(0, 600_001, 37)) & set(range(start, end))


def test_the_searches_read_the_blocks_index(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's expression is the migration's, as the planner sees it: its windows and its
    document frequencies use the index (the corpus is small: the other scans are turned off)."""
    statements: list[tuple[str, Any]] = []
    rows = PostgresEngine._rows

    def record(
        engine: PostgresEngine, sql: str, params: dict[str, Any] | None = None, prepare: bool = False
    ) -> list[Any]:
        if "@@" in sql:
            statements.append((sql, params))
        return rows(engine, sql, params, prepare)

    monkeypatch.setattr(PostgresEngine, "_rows", record)
    with database.sessions() as session:
        plan = _plan(session, SearchRequest(q="밝혔다"))
        filtered = _plan(
            session, SearchRequest(q="밝혔다", source="고용노동부", date_to=dt.date(2025, 11, 30))
        )
        assert plan is not None and filtered is not None
        engine = PostgresEngine(session)
        engine.matches(plan, None, (2, 5000))
        engine.matches(filtered, None, (2, 5000))
        engine.doc_freq(plan.include[0])
        cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        plans = []
        for statement, parameters in statements:
            cursor.execute("EXPLAIN " + statement, parameters)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert len(plans) == 3 and "#10.0" in str(statements[0][1])
    lines = plans[1].splitlines()
    scan = next(i for i, line in enumerate(lines) if "Bitmap Index Scan on ix_search_docs_blocks" in line)
    assert lines[scan + 1].count("::tsquery") == 4  # the words, the source, the dates, the blocks
    assert all("ix_search_docs_blocks" in p for p in plans), "\n\n".join(plans)
