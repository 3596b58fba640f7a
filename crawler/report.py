"""Events a crawl reports as it goes, sent as a Scrapy signal the child process listens to."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from scrapy.crawler import Crawler

Event = dict[str, Any]
Publish = Callable[[Event], None]

CRAWL_EVENT = object()  # signal: kwargs event=Event


def page_event(
    url: str, status: str, reason: str | None = None, facts: dict[str, Any] | None = None
) -> Event:
    """One article link's outcome: new, changed, unchanged or failed (with a stored article's
    field facts, ``ingest.facts.ArticleFacts.as_dict``)."""
    event: Event = {"event": "page", "url": url, "status": status, "reason": reason}
    if facts is not None:
        event["facts"] = facts
    return event


def queued_event(page_id: int) -> Event:
    """A stored page whose processing the parent should enqueue (a crawl with ``queue``)."""
    return {"event": "queued", "page_id": page_id}


def error_event(url: str, reason: str) -> Event:
    """A feed, sitemap or listing page that could not be fetched or read."""
    return {"event": "error", "url": url, "reason": reason}


def publisher(crawler: Crawler) -> Publish:
    """A function that sends an event as the CRAWL_EVENT signal of `crawler`."""

    def publish(event: Event) -> None:
        crawler.signals.send_catch_log(signal=CRAWL_EVENT, event=event)

    return publish


def json_lines(stream: IO[str]) -> Publish:
    """A sink writing one JSON object per line to `stream`, flushed at once."""

    def write(event: Event) -> None:
        stream.write(json.dumps(event, ensure_ascii=False) + "\n")
        stream.flush()

    return write
