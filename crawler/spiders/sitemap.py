"""XML sitemaps: follow sitemap indexes, take each page entry (news sitemaps carry dates)."""

from __future__ import annotations

from collections.abc import Iterator

from scrapy import Request
from scrapy.http import Response
from scrapy.utils.gz import gunzip

from crawler.feeds import sitemap_entries, xml_document
from crawler.links import url_matches
from crawler.spiders.base import SourceSpider, declared_charset

_GZIP_MAGIC = b"\x1f\x8b"


class SitemapSpider(SourceSpider):
    """Reads sitemap indexes and URL sets; `max_pages` caps the sitemap documents read."""

    name = "sitemap"

    def parse(self, response: Response) -> Iterator[Request]:
        """Requests for child sitemaps and for the article entries."""
        body = response.body
        if body.startswith(_GZIP_MAGIC):
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        page = xml_document(body, declared_charset(response))
        if page.xpath("name(/*)").get() not in ("urlset", "sitemapindex"):
            self.discovery_failed(response, "not an XML sitemap")
            return
        children, entries = sitemap_entries(page, response.url)
        for url in children:
            request = self._child(url)
            if request is not None:
                yield request
        for entry in entries:
            if url_matches(entry.url, self.spec.article_links):
                article = self.article_request(entry.url, entry.date)
                if article is not None:
                    yield article

    def _child(self, url: str) -> Request | None:
        if not self.spec.url_allowed(url):
            return None
        return self.discovery_request(url, self.parse)
