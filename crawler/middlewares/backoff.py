"""Exponential backoff before each retry of a request (5xx, timeouts)."""

from __future__ import annotations

import asyncio

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


class RetryBackoffMiddleware:
    """Waits base·2ⁿ⁻¹ seconds (capped) before the n-th retry goes out."""

    def __init__(self, base: float, cap: float) -> None:
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        base = crawler.settings.getfloat("NEWSDESK_BACKOFF")
        if base <= 0:
            raise NotConfigured("no retry backoff")
        return cls(base, crawler.settings.getfloat("NEWSDESK_BACKOFF_MAX", 60.0))

    def delay(self, retries: int) -> float:
        """Seconds to wait before retry number `retries` (0: the first attempt, no wait)."""
        return 0.0 if retries < 1 else min(self.base * 2 ** (retries - 1), self.cap)

    async def process_request(self, request: Request) -> None:
        """Sleep before a retried request; first attempts pass at once."""
        wait = self.delay(request.meta.get("retry_times", 0))
        if wait > 0:
            await asyncio.sleep(wait)
