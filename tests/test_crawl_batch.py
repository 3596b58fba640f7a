"""Crawl ingest in batches (``ingest.batch``), on real SQLite and PostgreSQL: a page that fails is
recorded while its batch-mates are stored, a batch the database refuses is done again page by
page, nothing of an open batch is lost when the spider closes, and a page's event (with its alert
deliveries) comes only once its batch is committed."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from crawler.items import FetchedPage, FetchFailure, NotFetched
from crawler.page_store import IngestPipeline
from crawler.runner import crawl_source
from ingest.batch import Batch
from ingest.pipeline import Origin, Outcome, ingest, ingest_within
from newsdesk.settings import Settings
from nlp.digest import DigestOptions
from search.alert_match import plan_query
from store.alerts import NewAlert, create_alert
from store.db import Database
from store.models import AlertDelivery, Article, Page
from tests.support.alerts import youth_page
from tests.support.postgres import require_postgres, temporary_postgres
from tests.support.site import Site, news_sitemap, sitemap_index, topic_article
from tests.support.sources_file import SOURCES, source

BASE = "http://news.example.go.kr/news"
TOPICS = ("care", "bus", "meals", "jobs", "heat", "trail")
BROKEN = b"\x00\xff" * 10  # no text in any encoding: extraction fails, the page is recorded failed

Item = tuple[bytes, Origin]


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'batch.db'}"
        return
    require_postgres()
    with temporary_postgres() as found:
        yield found


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    database = Database(url)
    yield database
    database.dispose()


def _pages(db: Database) -> dict[str, tuple[str, str | None]]:
    """Every stored page as another connection sees it: url → (state, error)."""
    with db.sessions() as session:
        return {u: (s, e) for u, s, e in session.execute(select(Page.url, Page.state, Page.error))}


def _batch(db: Database, pages: int = 50) -> Batch[Item]:
    return Batch(
        db, lambda session, item: ingest_within(session, *item), lambda item: ingest(db, *item), pages, 60
    )


def test_a_failing_page_is_recorded_and_its_batch_mates_stored(db: Database) -> None:
    batch = _batch(db)
    outcomes: list[Outcome] = []
    items = [(topic_article(t), Origin(f"{BASE}/{t}.html", "부처", "행정")) for t in TOPICS[:4]]
    items.insert(2, (BROKEN, Origin(f"{BASE}/broken.html", "부처", "행정")))
    for item in items:
        batch.add(item, outcomes.append)
    assert outcomes == [] and _pages(db) == {}  # nothing reported, nothing visible before the commit
    batch.commit()
    assert [o.status for o in outcomes] == ["new", "new", "failed", "new", "new"]
    stored = _pages(db)
    assert stored[f"{BASE}/broken.html"][0] == "failed"
    assert "cannot decode" in (stored[f"{BASE}/broken.html"][1] or "")
    assert {u for u, (state, _) in stored.items() if state == "processed"} == {
        f"{BASE}/{t}.html" for t in TOPICS[:4]
    }
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 4


def test_a_full_batch_commits_on_its_own(db: Database) -> None:
    batch = _batch(db, pages=2)
    outcomes: list[Outcome] = []
    for t in TOPICS[:3]:
        batch.add((topic_article(t), Origin(f"{BASE}/{t}.html", "부처")), outcomes.append)
    assert [o.url for o in outcomes] == [f"{BASE}/care.html", f"{BASE}/bus.html"]
    assert set(_pages(db)) == {f"{BASE}/care.html", f"{BASE}/bus.html"}
    batch.commit()
    assert len(outcomes) == 3 and len(_pages(db)) == 3


def test_a_batch_the_database_refuses_is_done_again_page_by_page(db: Database) -> None:
    """A database error inside the batch puts the whole transaction in doubt (PostgreSQL aborts
    it): the batch is rolled back and each of its pages stored in a transaction of its own."""

    def within(session: Session, item: Item) -> Outcome:
        if item[1].url.endswith("bus.html"):
            session.execute(text("SELECT missing FROM no_such_table"))
        return ingest_within(session, *item)

    outcomes: list[Outcome] = []
    batch: Batch[Item] = Batch(db, within, lambda item: ingest(db, *item), 50, 60)
    for t in TOPICS[:3]:
        batch.add((topic_article(t), Origin(f"{BASE}/{t}.html", "부처")), outcomes.append)
    assert [o.status for o in outcomes] == ["new", "new"]  # care and bus, each alone
    batch.commit()
    assert [o.status for o in outcomes] == ["new", "new", "new"]
    assert {state for state, _ in _pages(db).values()} == {"processed"} and len(_pages(db)) == 3


def _alert(db: Database, query: str) -> int:
    with db.transaction() as session:
        plan, key = plan_query(session, query)
        return create_alert(session, NewAlert("청년", query, {}, "http://127.0.0.1:9/hook", plan, key)).id


def test_the_pipeline_publishes_each_page_after_its_batch_commits(url: str, db: Database) -> None:
    """Every page event finds its page, article and alert deliveries committed (seen from another
    connection); the spider closing mid-batch commits the batch and reports its pages."""
    alert = _alert(db, "청년 일자리")
    checked: list[dict[str, Any]] = []

    def publish(event: dict[str, Any]) -> None:
        with db.sessions() as session:
            page = session.execute(select(Page.state, Page.id).where(Page.url == event["url"])).first()
            deliveries = session.scalar(
                select(func.count()).select_from(AlertDelivery).where(AlertDelivery.alert_id == alert)
            )
        checked.append({**event, "stored": page[0] if page else None, "deliveries": deliveries})

    pipeline = IngestPipeline(url, DigestOptions(), publish, "고용신문", "고용", batch_seconds=60)
    pipeline.open_spider()
    items: list[Any] = [FetchedPage(f"{BASE}/youth/{n}.html", youth_page(n)) for n in range(6)]
    items += [FetchFailure(f"{BASE}/gone.html", "HTTP 404"), NotFetched(f"{BASE}/youth/0.html", "304")]
    items.append(FetchedPage(f"{BASE}/broken.html", BROKEN))

    async def crawl_and_close() -> None:
        reports = [asyncio.ensure_future(pipeline.process_item(item)) for item in items]
        await asyncio.sleep(0)  # each report has run to its wait: every item is with the writer
        # the spider closes (Scrapy closes it once no item is left unsubmitted) while the batch is
        # open: the writer works the items, finds the close waiting and commits then
        await asyncio.get_running_loop().run_in_executor(None, pipeline.close_spider)
        await asyncio.gather(*reports)

    asyncio.run(crawl_and_close())
    assert len(checked) == len(items)
    news = [e for e in checked if e["status"] == "new"]
    assert len(news) == 6 and all(e["stored"] == "processed" and e["deliveries"] >= 1 for e in news)
    by_url = {e["url"]: e for e in checked if e["status"] != "unchanged"}
    assert (by_url[f"{BASE}/gone.html"]["status"], by_url[f"{BASE}/gone.html"]["stored"]) == (
        "failed",
        "failed",
    )
    assert (by_url[f"{BASE}/broken.html"]["status"], by_url[f"{BASE}/broken.html"]["stored"]) == (
        "failed",
        "failed",
    )
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AlertDelivery)) == 6


def test_a_loopback_crawl_stores_every_page_and_reports_it_after_the_commit(
    url: str, db: Database, tmp_path: Path
) -> None:
    """A real crawl (Scrapy in its child process, a real HTTP server): every article is stored, and
    each page's progress line comes when another connection can already see the page."""
    count = 23  # fewer than a batch: the last pages are committed when the spider closes
    site = Site()
    base = site.start()
    try:
        paths = [f"/news/{n}.html" for n in range(count)]
        for n, path in enumerate(paths):
            site.add(path, topic_article(TOPICS[n % len(TOPICS)], variant=n + 1))
        site.add("/sitemaps/news.xml", news_sitemap([(base + p, "2025-05-03T15:12:00+09:00") for p in paths]))
        site.add("/sitemaps/index.xml", sitemap_index([f"{base}/sitemaps/news.xml"]))
        sources = tmp_path / "sources.toml"
        sources.write_text(
            SOURCES + source("부처", "sitemap", f"{base}/sitemaps/index.xml", max_pages=100), encoding="utf-8"
        )
        seen: dict[str, str | None] = {}

        def progress(line: str) -> None:
            status, _, page_url = line.partition(" ")
            if status in ("new", "changed", "unchanged", "failed"):
                with db.sessions() as session:
                    seen[page_url] = session.scalar(select(Page.state).where(Page.url == page_url))

        settings = replace(Settings.from_env(), database_url=url)
        summary = crawl_source(settings, "부처", sources, progress=progress)
    finally:
        site.stop()
    assert (summary.new, summary.failed) == (count, 0)
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == count
    # each page's line came when its page was committed, as another connection sees it
    assert seen == {f"{base}{p}": "processed" for p in paths}


# A batch's story bands: written at its commit, found by its later pages, taken out with a savepoint


def _story_and_bands(db: Database) -> dict[str, tuple[int | None, int]]:
    """Every stored article as another connection sees it: url → (story_id, its stored bands)."""
    with db.sessions() as session:
        rows = session.execute(
            text(
                "SELECT a.url, a.story_id, (SELECT count(*) FROM story_bands b WHERE b.article_id = a.id)"
                " FROM articles a"
            )
        )
        return {u: (s, n) for u, s, n in rows}


def test_a_page_joins_the_story_of_a_near_duplicate_stored_earlier_in_its_batch(db: Database) -> None:
    batch = _batch(db)
    outcomes: list[Outcome] = []
    items = [(topic_article(t), Origin(f"{BASE}/{t}.html", "부처", "행정")) for t in TOPICS[:2]]
    items.append((topic_article("care"), Origin(f"{BASE}/care-copy.html", "신문", "행정")))
    for item in items:
        batch.add(item, outcomes.append)
    batch.commit()
    assert [o.status for o in outcomes] == ["new", "new", "new"]
    stored = _story_and_bands(db)
    care, bus, copy = (stored[f"{BASE}/{name}.html"] for name in ("care", "bus", "care-copy"))
    assert care[0] is not None and care[0] == copy[0] and bus[0] is None
    assert care[1] == bus[1] == copy[1] > 0  # every article's bands written at the commit


def test_a_rolled_back_page_takes_its_bands_back_out_of_the_batch(db: Database) -> None:
    """A page whose savepoint is rolled back after its bands were stored: a later near-duplicate
    in the same batch finds nothing of it, and the commit writes none of its bands."""

    def within(session: Session, item: Item) -> Outcome:
        if not item[1].url.endswith("/care.html"):
            return ingest_within(session, *item)
        with pytest.raises(RuntimeError), session.begin_nested():
            ingest_within(session, *item)
            raise RuntimeError("fails after its work")
        return Outcome(item[1].url, "failed")

    outcomes: list[Outcome] = []
    batch: Batch[Item] = Batch(db, within, lambda item: ingest(db, *item), 50, 60)
    batch.add((topic_article("care"), Origin(f"{BASE}/care.html", "부처", "행정")), outcomes.append)
    batch.add((topic_article("care"), Origin(f"{BASE}/care-copy.html", "신문", "행정")), outcomes.append)
    batch.commit()
    assert [o.status for o in outcomes] == ["failed", "new"]  # one commit: nothing done again alone
    stored = _story_and_bands(db)
    assert list(stored) == [f"{BASE}/care-copy.html"]
    assert stored[f"{BASE}/care-copy.html"][0] is None and stored[f"{BASE}/care-copy.html"][1] > 0
    with db.sessions() as session:
        assert session.scalar(text("SELECT count(DISTINCT article_id) FROM story_bands")) == 1
