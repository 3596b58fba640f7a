"""What spiders hand to the item pipeline: a fetched page, a fetch failure, or an unchanged page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """An article page as it came off the wire, keyed by the link it was found under."""

    url: str
    body: bytes
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    feed_published: dt.datetime | None = None  # the date the feed or sitemap entry gave the link


@dataclass(frozen=True, slots=True)
class FetchFailure:
    """An article link that could not be fetched, and why."""

    url: str
    reason: str


@dataclass(frozen=True, slots=True)
class NotFetched:
    """An article link left alone because the stored copy is current (304, revisit window, feed date)."""

    url: str
    reason: str


CrawlItem = FetchedPage | FetchFailure | NotFetched
