"""The item pipeline: hand each fetched page to ``ingest``, off the reactor thread, in batches."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from queue import SimpleQueue
from typing import Any

from scrapy.crawler import Crawler
from sqlalchemy.orm import Session

from crawler.items import CrawlItem, FetchedPage, FetchFailure, NotFetched
from crawler.report import Publish, page_event, publisher, queued_event
from ingest.batch import PAGES, SECONDS, Alone, Batch, BatchWriter, Sink
from ingest.pipeline import Origin, Outcome, failed_page, ingest_within, sha256, store
from nlp.digest import DigestOptions
from nlp.urls import canonical_url
from store.db import Database
from store.pages import KnownPages, known_page, touch_page

Handoff = Callable[[int], None]


class IngestPipeline:
    """Stores and processes pages in one worker thread, so fetching goes on meanwhile.

    Pages are committed in batches (``ingest.batch``: up to `batch_pages` pages or `batch_seconds`
    seconds, each page in a savepoint) and a page's event is published once its batch is
    committed. With a `handoff` (the queue profile) pages are only stored, each in a transaction of
    its own, and their ids handed on for processing elsewhere.
    """

    def __init__(
        self,
        database_url: str,
        options: DigestOptions,
        publish: Publish,
        source: str,
        category: str,
        handoff: Handoff | None = None,
        batch_pages: int = PAGES,
        batch_seconds: float = SECONDS,
    ) -> None:
        self.database_url = database_url
        self.options = options
        self.publish = publish
        self.source = source
        self.category = category
        self.handoff = handoff
        self.batch_pages = batch_pages
        self.batch_seconds = batch_seconds
        self.db: Database | None = None
        self.writer: BatchWriter[CrawlItem] | None = None
        self.queued: SimpleQueue[int] | None = None  # queue mode: stored ids for the parent to enqueue

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IngestPipeline:
        settings = crawler.settings
        job = settings["NEWSDESK_JOB"]
        queued: SimpleQueue[int] | None = SimpleQueue() if job.queue else None
        pipeline = cls(
            job.database_url,
            job.options,
            publisher(crawler),
            settings["NEWSDESK_SOURCE"],
            settings["NEWSDESK_CATEGORY"],
            queued.put if queued is not None else None,
        )
        pipeline.queued = queued
        return pipeline

    def open_spider(self) -> None:
        self.db = Database(self.database_url)
        sink: Sink[CrawlItem] = (
            Alone(self.store)
            if self.handoff is not None
            else Batch(self.db, self.store_within, self.store, self.batch_pages, self.batch_seconds)
        )
        self.writer = BatchWriter(sink, name="ingest")

    def close_spider(self) -> None:
        """Commit the open batch (its pages' events follow) and let go of the database."""
        if self.writer is not None:
            self.writer.close()
        if self.db is not None:
            self.db.dispose()

    async def process_item(self, item: Any) -> Any:
        """Store `item` in the worker thread and report what became of it, once it is committed."""
        assert self.writer is not None
        outcome = await asyncio.wrap_future(self.writer.submit(item))
        facts = outcome.facts.as_dict() if outcome.facts is not None else None
        self.publish(page_event(outcome.url, outcome.status, outcome.error, facts))
        while self.queued is not None and not self.queued.empty():  # reported from the reactor thread
            self.publish(queued_event(self.queued.get()))
        return item

    def store(self, item: CrawlItem) -> Outcome:
        """`store_within` in a transaction of its own (the queue profile: store and hand off);
        never raise."""
        assert self.db is not None
        try:
            if self.handoff is not None and isinstance(item, FetchedPage):
                return self._hand_off(self.db, item, self._origin(item), self.handoff)
            with self.db.transaction(savepoints=True) as session:
                return self.store_within(session, item)
        except Exception as error:  # a storage fault must not lose the crawl's other pages
            return Outcome(canonical_url(item.url), "failed", error=f"storing failed: {error!r}")

    def store_within(self, session: Session, item: CrawlItem) -> Outcome:
        """Ingest, record a failure, or note an unchanged page, in the caller's transaction."""
        if isinstance(item, NotFetched):
            return Outcome(canonical_url(item.url), "unchanged", error=None)
        if isinstance(item, FetchFailure):
            return self._failure(session, item)
        outcome = ingest_within(session, item.body, self._origin(item), self.options)
        if outcome.status == "unchanged":
            touch_page(session, item.url)
        if outcome.status == "listing":
            return Outcome(
                outcome.url, "failed", outcome.page_id, error="not an article: extracted as a listing page"
            )
        return outcome

    def _origin(self, item: FetchedPage) -> Origin:
        return Origin(
            item.url,
            self.source,
            self.category,
            item.charset,
            item.etag,
            item.last_modified,
            item.feed_published,
        )

    def _hand_off(self, db: Database, item: FetchedPage, origin: Origin, handoff: Handoff) -> Outcome:
        """Store the raw page and enqueue its processing, unless the same bytes are stored already."""
        url = canonical_url(item.url)
        known = KnownPages(db).get(url)
        if known is not None and known.raw_hash == sha256(item.body):
            KnownPages(db).touch(url)
            return Outcome(url, "unchanged")
        page_id, pending = store(db, item.body, origin)
        if pending:
            handoff(page_id)
        return Outcome(url, "new" if known is None else "changed", page_id)

    def _failure(self, session: Session, item: FetchFailure) -> Outcome:
        """Store the failure as a failed page, unless a good copy is stored (keep that one)."""
        url = canonical_url(item.url)
        known = known_page(session, url)
        if known is not None and known.state == "processed":
            return Outcome(url, "failed", error=item.reason)
        with session.begin_nested():
            return failed_page(session, b"", Origin(item.url, self.source, self.category), url, item.reason)
