"""Offsite filtering that also covers requests marked ``dont_filter`` (article links, redirects)."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.utils.httpobj import urlparse_cached

from crawler.failures import Offsite


class StrictOffsiteMiddleware(OffsiteMiddleware):
    """Refuses any request outside the spider's allowed_domains, duplicates-allowed or not."""

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        """Nothing at scheduling: refused there, a redirect would vanish without its errback.

        The check is made when the request is about to be downloaded (process_request), where the
        refusal reaches the request's errback and so becomes a recorded failure.
        """

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        """Let on-site requests pass; raise Offsite for the rest."""
        assert self.crawler.spider is not None
        if request.meta.get("allow_offsite") or self.should_follow(request, self.crawler.spider):
            return
        self.stats.inc_value("offsite/filtered")
        raise Offsite(f"{urlparse_cached(request).hostname!r} is not in allowed_domains")

    def should_follow(self, request: Request, spider: Spider) -> bool:
        """Scrapy's host rule, and the port where the source's start URL names one."""
        spec = getattr(spider, "spec", None)
        allowed = super().should_follow(request, spider)
        return allowed and (spec is None or spec.url_allowed(request.url))
