"""Fetch only what may have changed: conditional GET, feed dates, and a revisit window."""

from __future__ import annotations

import datetime as dt

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.failures import NotModified
from store.db import Database
from store.models import now
from store.pages import KnownPage, KnownPages


class IncrementalMiddleware:
    """For article links already stored: send validators, or skip while the copy is fresh.

    A stored page with an ETag or Last-Modified gets ``If-None-Match``/``If-Modified-Since``
    and a 304 becomes ``NotModified``. Without validators, a feed date no newer than the
    stored fetch, or a fetch within the revisit window, skips the request. Pages stored as
    failed are always fetched again.
    """

    def __init__(self, known: KnownPages, revisit: dt.timedelta) -> None:
        self.known = known
        self.revisit = revisit

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        job = crawler.settings.get("NEWSDESK_JOB")
        if job is None:
            raise NotConfigured("no database to compare with")
        url = job.database_url
        hours = crawler.settings.getfloat("NEWSDESK_REVISIT_HOURS", 24.0)
        return cls(KnownPages(Database(url)), dt.timedelta(hours=hours))

    def process_request(self, request: Request) -> None:
        """Add validators or raise NotModified for article requests whose stored copy is current."""
        if not request.meta.get("article") or request.meta.get("retry_times"):
            return
        page = self.known.get(request.meta.get("link", request.url))
        if page is None or page.state != "processed":
            return
        if page.etag or page.last_modified:
            _add_validators(request, page)
            return
        reason = self.skip_reason(page, request.meta.get("date_hint"))
        if reason:
            raise NotModified(reason)

    def skip_reason(self, page: KnownPage, date_hint: dt.datetime | None) -> str | None:
        """Why a page without validators need not be fetched now, or None to fetch it."""
        if date_hint is not None:
            return "feed date not newer than the stored copy" if date_hint <= page.fetched_at else None
        if now() - page.fetched_at < self.revisit:
            return "fetched within the revisit window"
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        """Turn a 304 to our conditional request into NotModified."""
        if response.status == 304 and request.meta.get("conditional"):
            self.known.touch(request.meta.get("link", request.url))
            raise NotModified("304 not modified")
        return response


def _add_validators(request: Request, page: KnownPage) -> None:
    if page.etag:
        request.headers[b"If-None-Match"] = page.etag
    if page.last_modified:
        request.headers[b"If-Modified-Since"] = page.last_modified
    request.meta["conditional"] = True
