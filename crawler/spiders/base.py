"""What every source spider shares: article requests, the article callback, failure handling."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from scrapy import Request, Spider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.failures import NotModified, failure_reason
from crawler.items import CrawlItem, FetchedPage, FetchFailure, NotFetched
from crawler.report import error_event, publisher
from crawler.sources import SourceSpec
from nlp.decode import normalize_charset
from nlp.urls import canonical_url

_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


class SourceSpider(Spider):
    """A spider for one source; subclasses find article links in `parse`.

    `limit` caps the article links handled; `check` only collects article links, fetching
    none and following no next pages (what ``newsdesk sources check`` reports).
    """

    name = "source"

    def __init__(
        self, spec: SourceSpec, limit: int | None = None, check: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(name=spec.name, **kwargs)
        self.spec = spec
        self.limit = limit
        self.check = check
        self.start_urls = list(spec.start_urls)
        self.allowed_domains = list(spec.allowed_domains)
        self.articles: dict[str, None] = {}
        self.discovery_pages = 0
        self.discovery_failures: list[tuple[str, str]] = []

    async def start(self) -> AsyncIterator[Any]:
        """One discovery request per start URL."""
        for url in self.start_urls:
            yield self.discovery_request(url, self.parse, first=True)

    def discovery_request(
        self, url: str, callback: Callable[..., Any], first: bool = False
    ) -> Request | None:
        """A feed, sitemap or listing request, while max_pages allows."""
        if not first and self.discovery_pages >= self.spec.max_pages:
            return None
        self.discovery_pages += 1
        return Request(url, callback=callback, errback=self.on_discovery_error, dont_filter=first)

    def article_request(self, url: str, date_hint: dt.datetime | None = None) -> Request | None:
        """A request for an article link, unless it is offsite, seen, over the limit, or a check."""
        key = canonical_url(url, self.spec.drop_params)
        if not self.spec.url_allowed(url) or key in self.articles:
            return None
        if self.limit is not None and len(self.articles) >= self.limit:
            return None
        self.articles[key] = None
        if self.check:
            return None
        # the page is stored under `key`: the generic canonical form of it is itself
        meta = {"article": True, "link": key, "date_hint": date_hint}
        return Request(url, self.on_article, errback=self.on_article_error, dont_filter=True, meta=meta)

    def on_article(self, response: Response) -> Iterator[CrawlItem]:
        """The fetched article, with what its server declared; a failure if it is not a web page."""
        content_type = declared_type(response)
        if content_type is not None and not _web_page_type(content_type):
            yield FetchFailure(
                response.meta.get("link", response.url), f"not HTML (content-type {content_type})"
            )
            return
        yield FetchedPage(
            url=response.meta.get("link", response.url),
            body=response.body,
            charset=declared_charset(response),
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            final_url=response.url,
            feed_published=response.meta.get("date_hint"),
        )

    def on_article_error(self, failure: Failure) -> Iterator[CrawlItem]:
        """A skipped (current) page, or a failure with its reason."""
        request = failure.request  # type: ignore[attr-defined]
        url = request.meta.get("link", request.url)
        if isinstance(failure.value, NotModified):
            yield NotFetched(url, str(failure.value))
        else:
            yield FetchFailure(url, failure_reason(failure, self.settings))

    def on_discovery_error(self, failure: Failure) -> None:
        """A feed, sitemap or listing page that failed: reported, no page stored."""
        request = failure.request  # type: ignore[attr-defined]
        reason = failure_reason(failure, self.settings)
        self.discovery_failures.append((request.url, reason))
        publisher(self.crawler)(error_event(request.url, reason))

    def discovery_failed(self, response: Response, reason: str) -> None:
        """A discovery page that arrived but cannot be read as what the source says it is."""
        self.discovery_failures.append((response.url, reason))
        publisher(self.crawler)(error_event(response.url, reason))


def declared_charset(response: Response) -> str | None:
    """The charset the Content-Type header declares (EUC-KR family as cp949), or None."""
    match = _CHARSET_RE.search(_header(response, b"Content-Type") or "")
    return normalize_charset(match.group(1)) or match.group(1) if match else None


def declared_type(response: Response) -> str | None:
    """The media type the Content-Type header declares (lower case, no parameters), or None."""
    value = (_header(response, b"Content-Type") or "").split(";", 1)[0].strip().lower()
    return value or None


def _web_page_type(content_type: str) -> bool:
    """HTML, XHTML, or some XML (a page served as XML is still markup); not JSON, text, binary."""
    return content_type in _PAGE_TYPES or content_type.endswith(("/xml", "+xml"))


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1").strip() if value else None
