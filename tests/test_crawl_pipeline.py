"""The item pipeline on a real SQLite file, and the crawl runner's one-line refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crawler import SourcesError
from crawler.items import FetchedPage, FetchFailure, NotFetched
from crawler.page_store import IngestPipeline
from crawler.runner import crawl_source
from newsdesk.settings import Settings
from nlp.digest import DigestOptions
from store.models import Page
from tests.support.site import topic_article

URL = "http://news.example.go.kr/news/1.html"


def pipeline(tmp_path: Path, events: list[dict[str, Any]], handoff: Any = None) -> IngestPipeline:
    url = f"sqlite:///{tmp_path / 'pipeline.db'}"
    stage = IngestPipeline(url, DigestOptions(), events.append, "테스트", "복지", handoff)
    stage.open_spider()
    return stage


@pytest.fixture
def events() -> list[dict[str, Any]]:
    return []


@pytest.fixture
def direct(tmp_path: Path, events: list[dict[str, Any]]) -> Iterator[IngestPipeline]:
    stage = pipeline(tmp_path, events)
    yield stage
    stage.close_spider()


def test_pages_are_ingested_and_repeats_are_unchanged(direct: IngestPipeline) -> None:
    page = FetchedPage(URL + "?utm_source=feed", topic_article("heat"), "utf-8", '"e1"', None)
    first = direct.store(page)
    assert (first.status, first.url) == ("new", URL)
    assert direct.store(page).status == "unchanged"
    assert direct.store(NotFetched(URL, "304 not modified")).status == "unchanged"


def test_a_fetch_failure_is_stored_unless_a_good_copy_exists(direct: IngestPipeline) -> None:
    assert direct.store(FetchFailure(URL, "HTTP 404")).status == "failed"
    assert direct.db is not None
    with direct.db.sessions() as session:
        page = session.scalars(select(Page).where(Page.url == URL)).one()
    assert (page.state, page.error) == ("failed", "HTTP 404")
    assert direct.store(FetchedPage(URL, topic_article("heat"))).status == "new"
    again = direct.store(FetchFailure(URL, "timeout: no answer within 30 s after 3 attempts"))
    assert again.status == "failed" and again.error and again.error.startswith("timeout")
    with direct.db.sessions() as session:
        assert session.scalars(select(Page.state).where(Page.url == URL)).one() == "processed"


def test_queue_mode_stores_raw_pages_and_hands_their_ids_on(
    tmp_path: Path, events: list[dict[str, Any]]
) -> None:
    handed: list[int] = []
    stage = pipeline(tmp_path, events, handed.append)
    try:
        first = stage.store(FetchedPage(URL, topic_article("bus")))
        assert first.status == "new" and handed == [first.page_id]
        assert stage.store(FetchedPage(URL, topic_article("bus"))).status == "unchanged"
        assert stage.store(FetchedPage(URL, topic_article("bus", variant=2))).status == "changed"
        assert len(handed) == 2
        assert stage.db is not None
        with stage.db.sessions() as session:
            assert session.scalars(select(Page.state).where(Page.url == URL)).one() == "fetched"
    finally:
        stage.close_spider()


def test_a_malformed_sources_file_is_refused_in_one_line(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(SourcesError, match="key 'kind': missing") as caught:
        crawl_source(Settings.from_env(), "nope", sources)
    assert "\n" not in str(caught.value)
