"""Spiders and their parts on responses built in memory: no server, no reactor."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.failures import NotModified, failure_reason
from crawler.feeds import parse_feed_date
from crawler.items import FetchedPage, FetchFailure, NotFetched
from crawler.links import rule_links, url_matches
from crawler.middlewares.backoff import RetryBackoffMiddleware
from crawler.middlewares.incremental import IncrementalMiddleware
from crawler.report import CRAWL_EVENT
from crawler.sources import LinkRule, SourceSpec
from crawler.spiders import FeedSpider, ListingSpider, SitemapSpider, SourceSpider
from crawler.tally import Tally
from nlp.dates import KST
from store.db import Database
from store.models import Page, now
from store.pages import KnownPages
from tests.support.site import (
    atom_feed,
    listing_page,
    news_sitemap,
    press_release_list,
    rss_feed,
    sitemap_index,
)

BASE = "http://news.example.go.kr"
IDS = list(range(156738780, 156738801))


def spec(kind: str, **changes: Any) -> SourceSpec:
    values: dict[str, Any] = {
        "name": "t",
        "kind": kind,
        "start_urls": (f"{BASE}/start",),
        "allowed_domains": ("example.go.kr",),
        "category": "행정",
        "schedule": "0 * * * *",
        "delay": 0.0,
    }
    values.update(changes)
    return SourceSpec(**values)


def make(cls: type[SourceSpider], source: SourceSpec, **kwargs: Any) -> Any:
    crawler = get_crawler(cls, {"DOWNLOAD_TIMEOUT": 2, "DOWNLOAD_MAXSIZE": 1000, "REDIRECT_MAX_TIMES": 3})
    spider = cls.from_crawler(crawler, spec=source, **kwargs)
    crawler.spider = spider
    return spider


def html(url: str, text: str) -> HtmlResponse:
    return HtmlResponse(url=url, body=text.encode("utf-8"), encoding="utf-8")


def xml(url: str, text: str | bytes) -> XmlResponse:
    return XmlResponse(url=url, body=text.encode("utf-8") if isinstance(text, str) else text)


def requests(results: Any) -> list[Request]:
    return [r for r in results if isinstance(r, Request)]


# listing -----------------------------------------------------------------------------------------


def test_press_release_list_yields_all_21_links() -> None:
    source = spec("listing", article_links=LinkRule("regex", r"pressReleaseView\.do\?newsId=\d+"))
    spider = make(ListingSpider, source)
    page = html(f"{BASE}/briefing/pressReleaseList.do", press_release_list(IDS))
    found = requests(spider.parse(page))
    assert len(found) == 21
    assert [r.url.split("newsId=")[1].split("&")[0] for r in found] == [str(i) for i in IDS]
    assert all(r.meta["article"] and r.dont_filter and r.callback == spider.on_article for r in found)


def test_check_mode_counts_links_and_requests_nothing() -> None:
    source = spec(
        "listing", article_links=LinkRule("css", ".list_type li a"), next_page=LinkRule("css", "a.next")
    )
    spider = make(ListingSpider, source, check=True)
    assert requests(spider.parse(html(f"{BASE}/list", press_release_list(IDS)))) == []
    assert len(spider.articles) == 21


@pytest.mark.parametrize(
    "selector",
    ["ul.board_list a", "ul.board_list li", "ul.board_list a::attr(href)", "css:.board_list strong"],
)
def test_css_rules_pick_links_or_the_links_inside(selector: str) -> None:
    links = [("/news/1.html", "첫째 소식"), ("/news/2.html?utm_source=x", "둘째 소식")]
    page = html(f"{BASE}/list/1.html", listing_page("목록", links, "/list/2.html"))
    rule = LinkRule.parse(selector)
    if selector.endswith("strong"):  # <strong> holds no link: nothing is picked
        assert rule_links(page.selector, page.url, rule) == []
        return
    assert rule_links(page.selector, page.url, rule) == [
        f"{BASE}/news/1.html",
        f"{BASE}/news/2.html?utm_source=x",
    ]


def test_listing_follows_next_page_up_to_max_pages_and_skips_offsite_and_repeats() -> None:
    source = spec(
        "listing",
        article_links=LinkRule("css", "ul.board_list a"),
        next_page=LinkRule("css", "a.next"),
        max_pages=2,
    )
    spider = make(ListingSpider, source)
    spider.discovery_request(f"{BASE}/list/1.html", spider.parse, first=True)  # what start() does
    links = [
        ("/news/1.html", "소식 하나"),
        ("/news/1.html?utm_source=naver", "같은 소식"),
        ("https://elsewhere.kr/news/9.html", "남의 소식"),
        ("javascript:view(3)", "자바스크립트"),
    ]
    first = requests(spider.parse(html(f"{BASE}/list/1.html", listing_page("목록", links, "/list/2.html"))))
    assert [r.url for r in first] == [f"{BASE}/news/1.html", f"{BASE}/list/2.html"]
    assert first[1].callback == spider.parse and not first[1].meta.get("article")
    second = requests(
        spider.parse(
            html(f"{BASE}/list/2.html", listing_page("목록", [("/news/2.html", "둘")], "/list/3.html"))
        )
    )
    assert [r.url for r in second] == [f"{BASE}/news/2.html"], "max_pages = 2: no third page"


def test_limit_caps_article_requests() -> None:
    spider = make(ListingSpider, spec("listing", article_links=LinkRule("regex", "newsId")), limit=5)
    assert len(requests(spider.parse(html(f"{BASE}/list", press_release_list(IDS))))) == 5


# feeds and sitemaps -----------------------------------------------------------------------------


def test_rss_items_become_article_requests_with_their_date() -> None:
    items = [
        (f"{BASE}/news/1.html", "하나", "Sat, 03 May 2025 15:12:00 +0900"),
        (f"{BASE}/news/2.html", "둘", ""),
    ]
    found = requests(make(FeedSpider, spec("feed")).parse(xml(f"{BASE}/rss.xml", rss_feed(BASE, items))))
    assert [r.url for r in found] == [f"{BASE}/news/1.html", f"{BASE}/news/2.html"]
    assert found[0].meta["date_hint"] == dt.datetime(2025, 5, 3, 15, 12, tzinfo=KST)
    assert found[1].meta["date_hint"] is None


def test_atom_entries_and_a_regex_filter() -> None:
    entries = [
        (f"{BASE}/news/1.html", "하나", "2025-05-03T06:12:00Z"),
        (f"{BASE}/photo/2.html", "사진", "2025-05-03"),
    ]
    source = spec("feed", article_links=LinkRule("regex", "/news/"))
    found = requests(make(FeedSpider, source).parse(xml(f"{BASE}/atom.xml", atom_feed(BASE, entries))))
    assert [r.url for r in found] == [f"{BASE}/news/1.html"]
    assert found[0].meta["date_hint"] == dt.datetime(2025, 5, 3, 15, 12, tzinfo=KST)


def test_a_page_that_is_not_a_feed_is_reported() -> None:
    spider = make(FeedSpider, spec("feed"))
    events: list[dict[str, Any]] = []
    spider.crawler.signals.connect(lambda event, **_: events.append(event), signal=CRAWL_EVENT, weak=False)
    assert requests(spider.parse(xml(f"{BASE}/rss.xml", "<html><body>점검 중</body></html>"))) == []
    assert events == [{"event": "error", "url": f"{BASE}/rss.xml", "reason": "not an RSS or Atom feed"}]


def test_euc_kr_feed_is_read_by_its_declaration() -> None:
    text = rss_feed(BASE, [(f"{BASE}/news/똠.html", "똠양꿍", "")]).replace(
        'encoding="UTF-8"', 'encoding="euc-kr"'
    )
    found = requests(make(FeedSpider, spec("feed")).parse(xml(f"{BASE}/rss.xml", text.encode("cp949"))))
    assert [r.url for r in found] == [f"{BASE}/news/%EB%98%A0.html"]


def test_sitemap_index_then_news_sitemap_gzipped() -> None:
    spider = make(SitemapSpider, spec("sitemap", max_pages=2))
    children = [
        f"{BASE}/sm/news.xml.gz",
        f"{BASE}/sm/other.xml",
        f"{BASE}/sm/third.xml",
        "https://elsewhere.kr/sm.xml",
    ]
    index = requests(spider.parse(xml(f"{BASE}/sitemap.xml", sitemap_index(children))))
    assert [r.url for r in index] == children[:2], "max_pages = 2 sitemap documents after the index"
    news = gzip.compress(news_sitemap([(f"{BASE}/news/7.html", "2025-05-03T15:12:00+09:00")]).encode())
    found = requests(spider.parse(Response(url=children[0], body=news)))
    assert [r.url for r in found] == [f"{BASE}/news/7.html"]
    assert found[0].meta["date_hint"] == dt.datetime(2025, 5, 3, 15, 12, tzinfo=KST)


# callbacks and failures -------------------------------------------------------------------------


def test_article_callback_keeps_the_link_and_what_the_server_declared() -> None:
    spider = make(ListingSpider, spec("listing", article_links=LinkRule("css", "a")))
    request = Request(f"{BASE}/news/final.html", meta={"link": f"{BASE}/news/1.html"})
    headers = {
        "Content-Type": "text/html; charset=EUC-KR",
        "ETag": '"abc"',
        "Last-Modified": "Sat, 03 May 2025 06:12:00 GMT",
    }
    response = HtmlResponse(request.url, body="<p>똠</p>".encode("cp949"), headers=headers, request=request)
    (item,) = spider.on_article(response)
    assert item == FetchedPage(
        f"{BASE}/news/1.html",
        response.body,
        "cp949",
        '"abc"',
        "Sat, 03 May 2025 06:12:00 GMT",
        f"{BASE}/news/final.html",
    )


def failure(error: Exception, request: Request) -> Failure:
    result = Failure(error)  # type: ignore[no-untyped-call]
    result.request = request  # type: ignore[attr-defined]
    return result


def test_errback_turns_failures_into_items_with_reasons() -> None:
    spider = make(ListingSpider, spec("listing", article_links=LinkRule("css", "a")))
    request = Request(f"{BASE}/x.html", meta={"link": f"{BASE}/x.html", "retry_times": 2})
    http = failure(HttpError(Response(request.url, status=503, request=request)), request)
    assert list(spider.on_article_error(http)) == [
        FetchFailure(f"{BASE}/x.html", "HTTP 503 after 3 attempts")
    ]
    skipped = failure(NotModified("304 not modified"), request)
    assert list(spider.on_article_error(skipped)) == [NotFetched(f"{BASE}/x.html", "304 not modified")]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        ("scrapy.exceptions.IgnoreRequest('Forbidden by robots.txt')", "forbidden by robots.txt"),
        (
            "scrapy.exceptions.IgnoreRequest('max redirections reached')",
            "redirect loop: more than 3 redirects",
        ),
        ("scrapy.exceptions.DownloadTimeoutError('took longer')", "timeout: no answer within 2 s"),
        ("scrapy.exceptions.DownloadCancelledError('too big')", "response larger than the 1000-byte cap"),
        (
            "crawler.failures.Offsite(\"'x.kr' is not in allowed_domains\")",
            "redirected outside allowed_domains",
        ),
        ("ValueError('odd')", "ValueError: odd"),
    ],
)
def test_failure_reasons(error: str, reason: str) -> None:
    import scrapy.exceptions  # noqa: F401

    import crawler.failures  # noqa: F401  (for eval)

    spider = make(ListingSpider, spec("listing", article_links=LinkRule("css", "a")))
    assert failure_reason(failure(eval(error), Request(f"{BASE}/x")), spider.settings).startswith(reason)


# middlewares ------------------------------------------------------------------------------------


def test_backoff_doubles_up_to_the_cap() -> None:
    backoff = RetryBackoffMiddleware(0.5, 3.0)
    assert [backoff.delay(n) for n in range(6)] == [0.0, 0.5, 1.0, 2.0, 3.0, 3.0]


@pytest.fixture
def known(tmp_path: Path) -> Any:
    db = Database(f"sqlite:///{tmp_path / 'known.db'}")
    yield KnownPages(db)
    db.dispose()


def store(known: KnownPages, url: str, hours_ago: float, **fields: Any) -> None:
    with known.db.transaction() as session:
        page = Page(
            url=url,
            state=fields.pop("state", "processed"),
            raw_hash="h",
            attempts=1,
            fetched_at=now() - dt.timedelta(hours=hours_ago),
            **fields,
        )
        page.raw = b"<p>x</p>"
        session.add(page)


def article(url: str, hint: dt.datetime | None = None) -> Request:
    return Request(url, meta={"article": True, "link": url, "date_hint": hint})


def test_stored_page_with_validators_gets_a_conditional_request(known: KnownPages) -> None:
    store(known, f"{BASE}/a.html", 100, etag='"v1"', last_modified="Sat, 03 May 2025 06:12:00 GMT")
    middleware = IncrementalMiddleware(known, dt.timedelta(hours=24))
    request = article(f"{BASE}/a.html?utm_source=feed")
    middleware.process_request(request)  # passes: no NotModified
    assert request.headers[b"If-None-Match"] == b'"v1"' and request.meta["conditional"]
    with pytest.raises(NotModified, match="304"):
        middleware.process_response(request, Response(request.url, status=304, request=request))
    assert (now() - known.get(f"{BASE}/a.html").fetched_at) < dt.timedelta(minutes=1)  # type: ignore[union-attr]


def test_without_validators_the_revisit_window_and_feed_date_decide(known: KnownPages) -> None:
    store(known, f"{BASE}/fresh.html", 1)
    store(known, f"{BASE}/old.html", 48)
    store(known, f"{BASE}/failed.html", 1, state="failed")
    middleware = IncrementalMiddleware(known, dt.timedelta(hours=24))
    with pytest.raises(NotModified, match="revisit window"):
        middleware.process_request(article(f"{BASE}/fresh.html"))
    middleware.process_request(article(f"{BASE}/old.html"))  # passes: no NotModified
    middleware.process_request(article(f"{BASE}/failed.html"))  # passes: no NotModified
    middleware.process_request(article(f"{BASE}/new.html"))  # passes: no NotModified
    with pytest.raises(NotModified, match="feed date"):
        middleware.process_request(article(f"{BASE}/old.html", now() - dt.timedelta(hours=72)))
    middleware.process_request(article(f"{BASE}/fresh.html", now()))  # passes: no NotModified


# small parts ------------------------------------------------------------------------------------


def test_url_rules_and_dates() -> None:
    assert url_matches(f"{BASE}/news/1", LinkRule("regex", "/news/")) and not url_matches(
        f"{BASE}/x", LinkRule("regex", "/news/")
    )
    assert url_matches(f"{BASE}/x", None)
    assert parse_feed_date("2025-05-03") == dt.datetime(2025, 5, 3, tzinfo=KST)
    assert parse_feed_date("nonsense") is None and parse_feed_date(None) is None


def test_tally_counts_events_into_a_summary() -> None:
    lines: list[str] = []
    tally = Tally(lines.append)
    for status in ("new", "new", "changed", "unchanged", "failed"):
        tally.add(
            {
                "event": "page",
                "url": f"{BASE}/{status}",
                "status": status,
                "reason": "HTTP 404" if status == "failed" else None,
            }
        )
    tally.add({"event": "error", "url": f"{BASE}/rss.xml", "reason": "HTTP 500 after 3 attempts"})
    summary = tally.summary("t", 7)
    assert (summary.seen, summary.new, summary.changed, summary.unchanged, summary.failed) == (5, 2, 1, 1, 1)
    assert [e["stage"] for e in summary.errors] == ["fetch", "discovery"]
    assert summary.line() == "t: pages seen 5, new 2, changed 1, unchanged 1, failed 1"
    assert lines[4] == f"failed {BASE}/failed (HTTP 404)" and len(lines) == 6
