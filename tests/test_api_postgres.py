"""The same corpus on SQLite and on a fresh PostgreSQL database gives the same search answers:
the same articles, totals, facets and highlights, in the same order within ties of score."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from store.db import Database
from tests.support.api import OLD_ROWS, Api, alembic_to, build_corpus, open_api
from tests.support.postgres import require_postgres, temporary_postgres

QUERIES: list[dict[str, str]] = [
    {"q": "협력"},
    {"q": "협력했다"},
    {"q": "밝혔다"},
    {"q": "아동수당"},
    {"q": "청년 일자리"},
    {"q": "버스 노선"},
    {"q": '"심야 버스"'},
    {"q": '"버스 심야"'},
    {"q": "협력 -일자리"},
    {"q": "등산로 정비"},
    {"q": "지자체 협력 점검"},
    {"q": "2,500원"},
    {"q": "N75번"},
    {"q": "밝혔다", "sort": "newest"},
    {"q": "밝혔다", "from": "2025-12-01", "to": "2025-12-01"},
    {"q": "밝혔다", "to": "2025-11-30"},
    {"q": "협력", "source": "고용노동부"},
    {"q": "밝혔다", "page": "2", "size": "3"},
]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Api, Api]]:
    require_postgres()
    folder: Path = tmp_path_factory.mktemp("parity")
    with temporary_postgres() as url:
        sqlite_corpus, postgres_corpus = build_corpus(folder), build_corpus(folder, url)
        for sqlite_api in open_api(folder, sqlite_corpus):
            for postgres_api in open_api(folder, postgres_corpus):
                yield sqlite_api, postgres_api


def _answer(api: Api, params: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = api.get("/search", **params)
    return body


def _tie_groups(hits: list[dict[str, Any]]) -> list[set[str]]:
    """Consecutive hits with equal scores (to the float noise of two engines), as sets of URLs."""
    groups: list[set[str]] = []
    last: float | None = None
    for hit in hits:
        if last is None or not math.isclose(hit["score"], last, rel_tol=1e-9, abs_tol=1e-9):
            groups.append(set())
        groups[-1].add(hit["url"])
        last = hit["score"]
    return groups


@pytest.mark.parametrize("params", QUERIES, ids=lambda p: " ".join(p.values()))
def test_same_answers_on_both_engines(both: tuple[Api, Api], params: dict[str, str]) -> None:
    sqlite, postgres = (_answer(api, params) for api in both)
    assert sqlite["total"] == postgres["total"] and sqlite["total_exact"] == postgres["total_exact"]
    assert sqlite["facets"] == postgres["facets"]
    a, b = sqlite["results"], postgres["results"]
    assert [h["url"] for h in a] == [h["url"] for h in b] or _tie_groups(a) == _tie_groups(b)
    for left, right in zip(a, b, strict=True):
        assert math.isclose(left["score"], right["score"], rel_tol=1e-6, abs_tol=1e-4)
    by_url = {h["url"]: h for h in b}
    for hit in a:
        twin = by_url[hit["url"]]
        assert (hit["highlights"], hit["published"], hit["category"]) == (
            twin["highlights"],
            twin["published"],
            twin["category"],
        )


def test_the_queries_find_something(both: tuple[Api, Api]) -> None:
    sqlite, _ = both
    found = [_answer(sqlite, p)["total"] for p in QUERIES]
    assert sum(1 for n in found if n) >= len(QUERIES) - 2, found


def test_migration_0006_on_postgres_fills_tags_and_lengths(tmp_path: Path) -> None:
    from search.articles import SearchRequest, search

    require_postgres()
    with temporary_postgres() as url:
        alembic_to(url, "0005")
        db = Database(url, migrate=False)
        with db.engine.begin() as c:
            for statement in OLD_ROWS:
                c.execute(text(statement.replace("x''", "''::bytea")), {"t": "2025-11-30 15:30:00+00"})
        db.dispose()
        alembic_to(url, "head")
        db = Database(url)
        with db.sessions() as session:
            tags, length = session.execute(text("SELECT tags, length FROM search_docs")).one()
            found = search(session, SearchRequest(q="협력", source="행정안전부"))
        db.dispose()
    assert tags == f"s7 c{'안전'.encode().hex()} y2025 m202512 d20251201" and length == 2 + 3 + 5
    assert [h.article_id for h in found.hits] == [1]


def test_postgres_corpus_statistics_follow_new_documents() -> None:
    """PostgreSQL's row and token totals are kept between queries, and recounted once a
    document is added, so BM25 never ranks against a corpus missing the newest article."""
    from ingest.pipeline import Origin, ingest
    from search.engines import PostgresEngine
    from tests.support.pages import article_html

    require_postgres()
    with temporary_postgres() as url:
        db = Database(url)
        corpora = []
        for n, topic in enumerate(("지자체 협력 점검", "청년 일자리 사업")):
            paragraphs = [
                f"정부는 {topic} 계획을 오늘 발표하고 관계 부처와 함께 세부 과제를 정리했다고 밝혔다.",
                f"담당 부서는 {topic}에 필요한 예산을 내년 상반기까지 확보해 집행할 계획이라고 설명했다.",
                f"현장 의견을 모으기 위해 지역별 간담회를 열고 {topic} 추진 상황을 점검할 예정이다.",
            ]
            raw = article_html(f"{topic} 추진 계획 발표", paragraphs)
            assert ingest(db, raw, Origin(f"https://x.example/{n}", "테스트일보")).article_id
            with db.sessions() as session:
                corpora.append((PostgresEngine(session).corpus(), PostgresEngine(session).corpus()))
        db.dispose()
    (first, again), (second, _) = corpora
    assert first == again and first.rows == 1
    assert second.rows == 2 and second.tokens > first.tokens
