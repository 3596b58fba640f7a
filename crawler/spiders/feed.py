"""RSS and Atom feeds: each item's link is an article; its date is a hint for revisits."""

from __future__ import annotations

from collections.abc import Iterator

from scrapy import Request
from scrapy.http import Response

from crawler.feeds import feed_entries, is_feed, xml_document
from crawler.links import url_matches
from crawler.spiders.base import SourceSpider, declared_charset


class FeedSpider(SourceSpider):
    """Follows the items of the source's RSS/Atom feeds."""

    name = "feed"

    def parse(self, response: Response) -> Iterator[Request]:
        """Article requests for the feed's items (filtered by `article_links` when given)."""
        page = xml_document(response.body, declared_charset(response))
        if not is_feed(page):
            self.discovery_failed(response, "not an RSS or Atom feed")
            return
        for entry in feed_entries(page, response.url):
            if url_matches(entry.url, self.spec.article_links):
                request = self.article_request(entry.url, entry.date)
                if request is not None:
                    yield request
