"""Listing pages: article links by selector or regex, then `next_page` up to `max_pages`."""

from __future__ import annotations

from collections.abc import Iterator

from parsel import Selector
from scrapy import Request
from scrapy.http import Response, TextResponse

from crawler.links import rule_links
from crawler.spiders.base import SourceSpider


class ListingSpider(SourceSpider):
    """Reads a source's list pages; a check reads the start pages only."""

    name = "listing"

    def parse(self, response: Response) -> Iterator[Request]:
        """Requests for the page's article links, then for the next list page."""
        if not isinstance(response, TextResponse):
            self.discovery_failed(response, "not an HTML page")
            return
        page = Selector(text=response.text, type="html")
        assert self.spec.article_links is not None
        for url in rule_links(page, response.url, self.spec.article_links):
            request = self.article_request(url)
            if request is not None:
                yield request
        if self.spec.next_page is None or self.check:
            return
        for url in [
            u for u in rule_links(page, response.url, self.spec.next_page) if self.spec.url_allowed(u)
        ][:1]:
            request = self.discovery_request(url, self.parse)
            if request is not None:
                yield request
