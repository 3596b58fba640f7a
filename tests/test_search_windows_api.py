"""PostgreSQL's id windows, bounded by a date range's ids (migration 0020) and sized from the
words' frequencies: whatever bounds and sizes the engine picks, a search returns what one
statement over every id returns, and what SQLite's FTS5 returns over the same rows, in-process
and through the HTTP API.

The corpus is written here, not ingested: 3,000 articles over 2024 whose ids roughly follow
their dates (a day's articles straddle their neighbours' ids), June left empty, every 97th
article undated, one word in every article, one in 3 of 10, one in 8.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import insert, text

from nlp.dates import KST
from search import engines
from search.articles import SearchRequest, _plan, _query_phrases, document_values, reading, search
from search.engines import PostgresEngine, filter_tags
from store.db import Database
from store.models import Article, Page, SearchDoc, SearchSpans, Source
from tests.support.api import Api, Corpus, alembic_to, open_api
from tests.support.postgres import require_postgres, temporary_postgres

SIZE = 3000
FIRST_DAY = dt.datetime(2024, 1, 1, 12, tzinfo=KST)
SOURCES = ("행정안전부", "고용노동부", "서울특별시")
COMMON, SOMETIMES, RARE = "정부", "예산", "태풍"  # in every article, in 3 of 10, in 8


def _published(i: int) -> dt.datetime | None:
    if i % 97 == 0:
        return None
    moment = FIRST_DAY + dt.timedelta(days=i * 365 // SIZE, hours=(i * 7919) % 49 - 24)
    return moment + dt.timedelta(days=31) if moment.astimezone(KST).month == 6 else moment


def _tokens(word: str) -> list[str]:
    """The word as a query of it is tokenised: the documents hold what the query looks for."""
    (phrase,), _ = _query_phrases(word)
    return list(phrase)


def write_corpus(url: str) -> None:
    db = Database(url)
    common, sometimes, rare = _tokens(COMMON), _tokens(SOMETIMES), _tokens(RARE)
    stamp = FIRST_DAY
    pages, articles, docs, spans = [], [], [], []
    for i in range(1, SIZE + 1):
        source = i % len(SOURCES) + 1
        category = ("경제", "안전")[i % 2]
        published = _published(i)
        body = common + (sometimes if i % 10 < 3 else []) + (rare if i % 400 == 7 else []) + [f"w{i}"]
        title = common[:1] if i % 5 == 0 else [f"t{i}"]
        url_i = f"https://windows.example.com/{i}"
        pages.append(dict(id=i, url=url_i, source_id=source, state="processed", raw_z=b"", raw_hash="h",
                          attempts=1, fetched_at=stamp, updated_at=stamp))  # fmt: skip
        articles.append(dict(id=i, page_id=i, source_id=source, url=url_i, title=" ".join(title),
                             published=published, body=" ".join(body), category=category, excerpt="",
                             content_hash=f"h{i}", created_at=stamp, updated_at=stamp))  # fmt: skip
        docs.append(
            {"article_id": i, **document_values(title, body, filter_tags(source, category, published))}
        )
        spans.append({"article_id": i, "spans": []})
    with db.sessions() as session:
        session.execute(insert(Source), [dict(id=n + 1, name=name, kind="web", created_at=stamp)
                                         for n, name in enumerate(SOURCES)])  # fmt: skip
        for model, rows in ((Page, pages), (Article, articles), (SearchDoc, docs), (SearchSpans, spans)):
            session.execute(insert(model), rows)
        session.commit()
    with db.engine.connect() as connection:
        if db.engine.dialect.name == "postgresql":
            connection.execute(text("SELECT setval(pg_get_serial_sequence('articles', 'id'), 3000)"))
        connection.execute(text("ANALYZE"))
        connection.commit()
    db.dispose()


@pytest.fixture(scope="module")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    require_postgres()
    with temporary_postgres() as url:
        write_corpus(url)
        db = Database(url)
        yield db
        db.dispose()


@pytest.fixture(scope="module")
def sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    url = f"sqlite:///{tmp_path_factory.mktemp('windows-sqlite') / 'windows.db'}"
    write_corpus(url)
    db = Database(url)
    yield db
    db.dispose()


def _day(text_: str) -> dt.date:
    return dt.date.fromisoformat(text_)


REQUESTS = [
    SearchRequest(q=COMMON),
    SearchRequest(q=SOMETIMES),
    SearchRequest(q=RARE),
    SearchRequest(q=f"{COMMON} {SOMETIMES}"),
    SearchRequest(q=COMMON, date_from=_day("2024-03-01"), date_to=_day("2024-03-31")),  # far back
    SearchRequest(q=SOMETIMES, date_from=_day("2024-03-10"), date_to=_day("2024-04-20")),
    SearchRequest(q=COMMON, date_from=_day("2024-01-01"), date_to=_day("2024-01-05")),  # the oldest end
    SearchRequest(q=COMMON, date_to=_day("2024-01-03")),  # to the oldest end, no `from`
    SearchRequest(q=COMMON, date_from=_day("2024-06-01"), date_to=_day("2024-06-30")),  # no articles
    SearchRequest(q=COMMON, date_from=_day("2024-12-20")),  # to the newest end
    SearchRequest(q=RARE, date_from=_day("2024-02-01"), date_to=_day("2024-10-31")),
    SearchRequest(q=COMMON, source="고용노동부", date_from=_day("2024-08-01"), date_to=_day("2024-08-31")),
    SearchRequest(q=SOMETIMES, category="안전", sort="newest"),
    SearchRequest(q=COMMON, date_from=_day("2024-02-01"), date_to=_day("2024-03-31"), sort="newest"),
]
LIMITS = (1, 7, 60, 300)


def _label(request: SearchRequest) -> str:
    r = request
    return f"{r.q}|{r.source}|{r.category}|{r.date_from}|{r.date_to}|{r.sort}"


def _in_range(rows: list[tuple[int, Any]], request: SearchRequest) -> list[int]:
    """Ids of the articles whose KST day is within the request's dates, by Python."""
    out = []
    for i, published in rows:
        if published is None:
            continue
        moment = published if published.tzinfo else published.replace(tzinfo=dt.UTC)
        day = moment.astimezone(KST).date()
        if (request.date_from or dt.date.min) <= day <= (request.date_to or dt.date.max):
            out.append(i)
    return out


@pytest.mark.parametrize("align", [1, 1024])
@pytest.mark.parametrize("request_", REQUESTS, ids=_label)
def test_bounded_and_sized_windows_return_the_newest_matches_of_one_statement(
    postgres: Database, monkeypatch: pytest.MonkeyPatch, align: int, request_: SearchRequest
) -> None:
    monkeypatch.setattr(engines, "WINDOW_ALIGN", align)
    with postgres.sessions() as session:
        plan = _plan(session, request_)
        assert plan is not None
        engine = PostgresEngine(session)
        everything = engine.matches(plan, None, terms=True)
        dated = engine.matches(plan, None)
        counts = {p: engine.doc_freq(p) for p in plan.include}
        for limit in LIMITS:
            assert engine.matches(plan, limit, terms=True) == everything[:limit]
            assert engine.matches(plan, limit, terms=True, doc_freqs=counts) == everything[:limit]
            assert engine.matches(plan, limit, doc_freqs=dict.fromkeys(counts, 0)) == dated[:limit]
        # and unbounded, as before 0020: walked from the newest id
        monkeypatch.setattr(engines, "RANGE_ROWS", 0)
        for limit in LIMITS:
            assert engine.matches(plan, limit, terms=True) == everything[:limit]


@pytest.mark.parametrize("request_", [r for r in REQUESTS if r.date_from or r.date_to], ids=_label)
def test_a_date_range_bounds_the_windows_by_its_lowest_and_highest_id(
    postgres: Database, request_: SearchRequest
) -> None:
    with postgres.sessions() as session:
        rows = [(i, p) for i, p in session.execute(text("SELECT id, published FROM articles"))]
        plan = _plan(session, request_)
        assert plan is not None
        engine = PostgresEngine(session)
        groups = engines.tag_groups(plan, engine._published_range)
        bounds = engine.date_ids(plan, groups) if groups is not None else None
    inside = _in_range(rows, request_)
    newest_day = max(p for _, p in rows if p is not None).astimezone(KST).date()
    if not inside:
        assert bounds is None  # June: nothing to search
    elif request_.date_to is None or request_.date_to >= newest_day:
        # a range up to the newest day: only its lowest id is worth reading, when it is near
        assert bounds in (
            (min(inside), max(inside) + 1),
            (min(inside), engines._ALL_IDS[1]),
            engines._ALL_IDS,
        )
    else:
        assert bounds == (min(inside), max(inside) + 1)


def _windows(engine: PostgresEngine, monkeypatch: pytest.MonkeyPatch, *args: Any, **kwargs: Any) -> int:
    calls = []
    window = PostgresEngine._window

    def counted(self: PostgresEngine, *a: Any) -> Any:
        calls.append(a[-1])
        return window(self, *a)

    with monkeypatch.context() as patch:
        patch.setattr(PostgresEngine, "_window", counted)
        engine.matches(*args, **kwargs)
    return len(calls)


def test_a_rare_word_gets_a_wide_first_window_and_a_common_one_a_narrow_one(
    postgres: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "WINDOW_ALIGN", 1)
    with postgres.sessions() as session:
        engine = PostgresEngine(session)
        rare, common, sometimes = (_plan(session, SearchRequest(q=w)) for w in (RARE, COMMON, SOMETIMES))
        assert rare and common and sometimes
        limit = 5
        spans = [engine.first_span(p, limit) for p in (rare, sometimes, common)]
        sized = _windows(engine, monkeypatch, rare, limit)
        counted = {rare.include[0]: engine.doc_freq(rare.include[0])}
        hinted = _windows(engine, monkeypatch, rare, limit, doc_freqs=counted)
        monkeypatch.setattr(PostgresEngine, "first_span", lambda self, plan, limit, doc_freqs=None: 4 * limit)
        fixed = _windows(engine, monkeypatch, rare, limit)
    assert spans[0] > spans[1] > spans[2] >= limit  # the share of rows each word is in
    assert spans[2] <= 2 * limit  # a word in every row: the ids of the matches wanted, and a half
    assert sized == hinted == 1 < fixed  # one window over every id, not a walk growing ×16


def test_a_range_far_back_is_one_window_not_a_walk_from_the_newest_id(
    postgres: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "WINDOW_ALIGN", 1)
    request_ = SearchRequest(q=COMMON, date_from=_day("2024-03-01"), date_to=_day("2024-03-31"))
    with postgres.sessions() as session:
        plan = _plan(session, request_)
        assert plan is not None
        engine = PostgresEngine(session)
        bounded = _windows(engine, monkeypatch, plan, 300)
        monkeypatch.setattr(engines, "RANGE_ROWS", 0)
        walked = _windows(engine, monkeypatch, plan, 300)
    assert bounded == 1 < walked


def test_migration_0020_adds_and_drops_the_published_id_index() -> None:
    require_postgres()
    query = "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_articles_published_id'"
    with temporary_postgres() as url:
        found = []
        for revision, down in (("head", False), ("0019", True), ("head", False)):
            alembic_to(url, revision, down=down)
            db = Database(url, migrate=False)
            with db.engine.connect() as connection:
                found.append(connection.execute(text(query)).scalar())
            db.dispose()
    assert found[0] == found[2] and found[0] is not None and "(published, id)" in found[0]
    assert found[1] is None


# prepared windows ------------------------------------------------------------------------------


def _compared(results: Any) -> tuple[Any, ...]:
    hits = [
        (h.article_id, round(h.score, 3), h.title, h.url, h.published, h.highlights) for h in results.hits
    ]
    return hits, results.total, results.total_exact, results.facets


def test_prepared_windows_turn_generic_read_the_blocks_index_and_answer_the_same(
    postgres: Database, sqlite: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The windows and the page of hits are prepared statements: after PostgreSQL's five custom
    plans each runs its generic plan (plan_cache_mode auto, the bench's session settings). The
    answers stay those of the first searches, and SQLite's; the generic plan reads the blocks
    index; and a search in `reading` sends no BEGIN (its session is in autocommit)."""
    windows: list[dict[str, Any]] = []
    rows = PostgresEngine._rows

    def record(
        engine: PostgresEngine, sql: str, params: dict[str, Any] | None = None, prepare: bool = False
    ) -> list[Any]:
        if prepare and "@@" in sql and params is not None:
            windows.append(params)
        return rows(engine, sql, params, prepare)

    monkeypatch.setattr(PostgresEngine, "_rows", record)
    requests = REQUESTS
    with reading(sqlite) as session:
        theirs = [_compared(search(session, r)) for r in requests]
    with reading(postgres) as session:
        driver = session.connection().connection.driver_connection
        assert driver is not None and driver.autocommit
        passes = [[_compared(search(session, r)) for r in requests] for _ in range(7)]
        prepared = (
            session.connection()
            .exec_driver_sql(
                "SELECT name, statement, generic_plans, cardinality(parameter_types) "
                "FROM pg_prepared_statements"
            )
            .all()
        )
        assert driver.info.transaction_status.name == "IDLE"  # nothing was left open
    assert all(found == theirs for found in passes)
    generic = {name: (statement, n) for name, statement, plans, n in prepared if plans > 0}
    assert any("FROM search_docs d" in statement for statement, _ in generic.values()), prepared
    assert any("FROM articles a" in statement for statement, _ in generic.values()), prepared
    # the plan those windows run: a plain word's window (words, blocks, lo, hi, limit)
    params = next(w for w in windows if set(w) == {"q", "f0", "lo", "hi", "n"})
    values = (params["q"], params["f0"], params["lo"], params["hi"], params["n"])
    name = next(n for n, (statement, count) in generic.items() if "convert_to" in statement and count == 5)
    with postgres.engine.connect() as connection:
        cursor = psycopg.ClientCursor(connection.connection.driver_connection)  # type: ignore[arg-type]
        cursor.execute("SET plan_cache_mode = force_generic_plan")
        cursor.execute(f"PREPARE again AS {generic[name][0]}")
        cursor.execute("EXPLAIN EXECUTE again(%s, %s, %s, %s, %s)", values)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("DEALLOCATE again")
        cursor.execute("RESET plan_cache_mode")
        connection.rollback()
    assert "$1" in plan and "Bitmap Index Scan on ix_search_docs_blocks" in plan, plan


# the HTTP API ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def apis(
    postgres: Database, sqlite: Database, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Api]]:
    folder: Path = tmp_path_factory.mktemp("windows-api")
    opened = {
        name: open_api(folder / name, Corpus(db.url, {}))
        for name, db in (("pg", postgres), ("sqlite", sqlite))
    }
    yield {name: next(api) for name, api in opened.items()}
    for api in opened.values():
        next(api, None)


def _params(request: SearchRequest) -> dict[str, Any]:
    params: dict[str, Any] = {"q": request.q, "size": 50, "sort": request.sort}
    for key, value in (("source", request.source), ("category", request.category),
                       ("from", request.date_from), ("to", request.date_to)):  # fmt: skip
        if value is not None:
            params[key] = str(value)
    return params


def _answer(api: Api, request: SearchRequest, page: int = 1) -> tuple[Any, ...]:
    body = api.get("/search", **_params(request), page=page)
    return (
        [(hit["id"], round(hit["score"], 3)) for hit in body["results"]],
        body["total"],
        body["total_exact"],
        body.get("facets"),
    )


@pytest.mark.parametrize("request_", REQUESTS, ids=_label)
def test_the_api_answers_alike_on_both_engines_bounded_or_not(
    apis: dict[str, Api], monkeypatch: pytest.MonkeyPatch, request_: SearchRequest
) -> None:
    pages = (1, 2, 6)
    bounded = [_answer(apis["pg"], request_, page) for page in pages]
    theirs = [_answer(apis["sqlite"], request_, page) for page in pages]
    monkeypatch.setattr(engines, "RANGE_ROWS", 0)
    monkeypatch.setattr(engines, "SPAN_MARGIN", 0.01)  # first windows too narrow: more of them
    walked = [_answer(apis["pg"], request_, page) for page in pages]
    assert bounded == walked == theirs
    if request_.date_from and request_.date_to and request_.date_from.month == 6:
        assert bounded[0][:3] == ([], 0, True)


def test_in_process_and_api_agree_on_an_old_range(postgres: Database, apis: dict[str, Api]) -> None:
    request_ = SearchRequest(q=COMMON, date_from=_day("2024-03-01"), date_to=_day("2024-03-31"), size=50)
    with postgres.sessions() as session:
        found = search(session, request_)
    body = apis["pg"].get("/search", **_params(request_))
    assert [h.article_id for h in found.hits] == [h["id"] for h in body["results"]]
    assert found.total == body["total"] and found.total_exact == body["total_exact"]


def test_an_article_added_or_removed_since_the_last_search_is_found_or_not() -> None:
    """The first window starts from the newest id the last search saw, and reads the index's
    newest id in the same round trip: an article added in between is still the first match, one
    removed is gone."""
    require_postgres()
    with temporary_postgres() as url:
        write_corpus(url)
        db = Database(url)
        request_ = SearchRequest(q=COMMON, sort="newest", size=5, facets=False)

        def newest_first(limit: int) -> tuple[list[int], list[int]]:
            with db.sessions() as session:
                plan = _plan(session, request_)
                assert plan is not None
                walked = [m.id for m in PostgresEngine(session).matches(plan, limit)]
                everything = [m.id for m in PostgresEngine(session).matches(plan, None)][:limit]
            return walked, everything

        before = newest_first(7)
        with db.sessions() as session:
            columns = "article_id, title_terms, body_terms, tags, length"
            row = (
                session.execute(text(f"SELECT {columns} FROM search_docs WHERE article_id = 3000"))
                .mappings()
                .one()
            )
            article = session.execute(text("SELECT * FROM articles WHERE id = 3000")).mappings().one()
            page = session.execute(text("SELECT * FROM pages WHERE id = 3000")).mappings().one()
            for table, values in (("pages", page), ("articles", article), ("search_docs", row)):
                changed = dict(values)
                for key in ("id", "article_id", "page_id"):
                    if key in changed:
                        changed[key] = 3001
                changed["url"] = changed.get("url") and "https://windows.example.com/added"
                if table == "search_docs":
                    changed.pop("url")
                names = ", ".join(changed)
                marks = ", ".join(f":{k}" for k in changed)
                session.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), changed)
            session.commit()
        added = newest_first(7)
        with db.sessions() as session:
            for table, key in (("search_docs", "article_id"), ("articles", "id"), ("pages", "id")):
                session.execute(text(f"DELETE FROM {table} WHERE {key} = 3001"))
            session.commit()
        removed = newest_first(7)
        db.dispose()
    assert before[0] == before[1] and before[0][0] == 3000
    assert added[0] == added[1] and added[0][0] == 3001 and added[0][1:] == before[0][:6]
    assert removed == before
