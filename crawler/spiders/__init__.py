"""One spider per kind of source: feed, sitemap, listing."""

from __future__ import annotations

from crawler.spiders.base import SourceSpider
from crawler.spiders.feed import FeedSpider
from crawler.spiders.listing import ListingSpider
from crawler.spiders.sitemap import SitemapSpider

__all__ = ["SPIDERS", "FeedSpider", "ListingSpider", "SitemapSpider", "SourceSpider", "spider_for"]

SPIDERS: dict[str, type[SourceSpider]] = {
    "feed": FeedSpider,
    "sitemap": SitemapSpider,
    "listing": ListingSpider,
}


def spider_for(kind: str) -> type[SourceSpider]:
    """The spider class for a source kind."""
    return SPIDERS[kind]
