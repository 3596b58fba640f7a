"""The scale-out profile: PostgreSQL with Redis or RabbitMQ, two worker processes, the same articles
and the same search hits as the embedded profile.

Servers: PostgreSQL 127.0.0.1:5432 (user postgres, trust), Redis 127.0.0.1:6379, RabbitMQ
127.0.0.1:5672 (guest/guest). Unreachable ones skip these tests with one line; with CI=true
they fail instead. Each run makes its own database and queue and removes them after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from search.articles import search
from store.db import Database
from tests.support.postgres import create_postgres_database, drop_postgres_database
from tests.support.queue import (
    CORPUS_EXTRA,
    BrokerTarget,
    ProfileRun,
    amqp_target,
    delete_queue,
    embedded_run,
    generated_pages,
    redis_target,
    require,
    run_profile,
    sample_pages,
    start_together,
    store_all,
    worker_env,
)

QUERIES = {
    "inflected": "협력했다",  # finds 협력을, 협력해
    "two syllables": "청년",
    "phrase": '"아동 수당"',
    "exclusion": "청년 -장려금",
}
MIN_RANK_CORRELATION = 0.7


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProfileRun, str]:
    return embedded_run(tmp_path_factory.mktemp("embedded"))


def _scale_out(
    broker: str, make_target: Callable[[], BrokerTarget], root: Path
) -> Iterator[tuple[ProfileRun, str]]:
    require("postgres", broker)
    name, url = create_postgres_database()
    target = make_target()
    try:
        env = worker_env(root / "data", url, target.url)
        db = Database(url)
        ids = store_all(db, sample_pages() + generated_pages(CORPUS_EXTRA))
        db.dispose()
        yield run_profile(env, target.queue, ids, root / "logs", workers=2, concurrency=1), url
    finally:
        delete_queue(target)
        drop_postgres_database(name)


@pytest.fixture(scope="module", params=["redis", "rabbitmq"])
def scaled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[ProfileRun, str]]:
    broker: str = request.param
    make = redis_target if broker == "redis" else amqp_target
    yield from _scale_out(broker, make, tmp_path_factory.mktemp(broker))


def test_two_workers_on_postgresql_give_the_same_articles_as_the_embedded_profile(
    scaled: tuple[ProfileRun, str], embedded: tuple[ProfileRun, str]
) -> None:
    run, _ = scaled
    assert run.states == {"processed": len(sample_pages()) + CORPUS_EXTRA}
    assert len(run.memory) == 2 and all(m.processes == 2 for m in run.memory)  # both workers alive
    reference = embedded[0].articles
    assert run.articles.keys() == reference.keys()
    differing = [url for url in reference if run.articles[url] != reference[url]]
    assert differing == []


def _urls(database_url: str, query: str) -> list[str]:
    db = Database(database_url, migrate=False)
    try:
        with db.transaction() as session:
            return [hit.url for hit in search(session, query, limit=100).hits]
    finally:
        db.dispose()


def spearman(left: Sequence[str], right: Sequence[str]) -> float:
    """Rank correlation of two orderings of the same items (1 = same order)."""
    n = len(left)
    if n < 2:
        return 1.0
    where = {item: rank for rank, item in enumerate(right)}
    squares = sum((rank - where[item]) ** 2 for rank, item in enumerate(left))
    return 1 - 6 * squares / (n * (n * n - 1))


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_postgresql_search_finds_what_sqlite_finds(
    scaled: tuple[ProfileRun, str], embedded: tuple[ProfileRun, str], query: str
) -> None:
    on_postgres, on_sqlite = _urls(scaled[1], query), _urls(embedded[1], query)
    assert len(on_sqlite) >= 2
    assert sorted(on_postgres) == sorted(on_sqlite)


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_postgresql_ranks_close_to_sqlite(
    scaled: tuple[ProfileRun, str], embedded: tuple[ProfileRun, str], query: str
) -> None:
    on_postgres, on_sqlite = _urls(scaled[1], query), _urls(embedded[1], query)
    rho = spearman(on_sqlite, on_postgres)
    print(f"\n{query}: Spearman {rho:.2f} over {len(on_sqlite)} hits")
    assert rho >= MIN_RANK_CORRELATION


def test_processes_starting_together_on_a_new_postgresql_database_all_come_up() -> None:
    require("postgres")
    name, url = create_postgres_database()
    try:
        assert start_together(url) == [(0, "")] * 4
    finally:
        drop_postgres_database(name)
