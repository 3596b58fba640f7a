"""The item pipeline: hand each fetched page to ``ingest.pipeline.ingest``, off the reactor thread."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from queue import SimpleQueue
from typing import Any

from scrapy.crawler import Crawler

from crawler.items import CrawlItem, FetchedPage, FetchFailure, NotFetched
from crawler.report import Publish, page_event, publisher, queued_event
from ingest.pipeline import Origin, Outcome, ingest, record_failure, sha256, store
from nlp.digest import DigestOptions
from nlp.urls import canonical_url
from store.db import Database
from store.pages import KnownPages

Handoff = Callable[[int], None]


class IngestPipeline:
    """Stores and processes pages in one worker thread, so fetching goes on meanwhile.

    With a `handoff` (the queue profile) pages are only stored, and their ids handed on for
    processing elsewhere.
    """

    def __init__(
        self,
        database_url: str,
        options: DigestOptions,
        publish: Publish,
        source: str,
        category: str,
        handoff: Handoff | None = None,
    ) -> None:
        self.database_url = database_url
        self.options = options
        self.publish = publish
        self.source = source
        self.category = category
        self.handoff = handoff
        self.db: Database | None = None
        self.executor: ThreadPoolExecutor | None = None
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
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="ingest")

    def close_spider(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True)
        if self.db is not None:
            self.db.dispose()

    async def process_item(self, item: Any) -> Any:
        """Store `item` in the worker thread and report what became of it."""
        assert self.executor is not None
        outcome = await asyncio.wrap_future(self.executor.submit(self.store, item))
        facts = outcome.facts.as_dict() if outcome.facts is not None else None
        self.publish(page_event(outcome.url, outcome.status, outcome.error, facts))
        while self.queued is not None and not self.queued.empty():  # reported from the reactor thread
            self.publish(queued_event(self.queued.get()))
        return item

    def store(self, item: CrawlItem) -> Outcome:
        """Ingest, record a failure, or note an unchanged page; never raise."""
        assert self.db is not None
        try:
            return self._store(self.db, item)
        except Exception as error:  # a storage fault must not lose the crawl's other pages
            return Outcome(canonical_url(item.url), "failed", error=f"storing failed: {error!r}")

    def _store(self, db: Database, item: CrawlItem) -> Outcome:
        if isinstance(item, NotFetched):
            return Outcome(canonical_url(item.url), "unchanged", error=None)
        origin = Origin(item.url, self.source, self.category)
        if isinstance(item, FetchFailure):
            return self._failure(db, item, origin)
        origin = Origin(
            item.url,
            self.source,
            self.category,
            item.charset,
            item.etag,
            item.last_modified,
            item.feed_published,
        )
        if self.handoff is not None:
            return self._hand_off(db, item, origin, self.handoff)
        outcome = ingest(db, item.body, origin, self.options)
        if outcome.status == "unchanged":
            KnownPages(db).touch(item.url)
        if outcome.status == "listing":
            return Outcome(
                outcome.url, "failed", outcome.page_id, error="not an article: extracted as a listing page"
            )
        return outcome

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

    def _failure(self, db: Database, item: FetchFailure, origin: Origin) -> Outcome:
        """Store the failure as a failed page, unless a good copy is stored (keep that one)."""
        url = canonical_url(item.url)
        known = KnownPages(db).get(url)
        if known is not None and known.state == "processed":
            return Outcome(url, "failed", error=item.reason)
        return record_failure(db, b"", origin, url, item.reason)
