"""End to end: the spiders crawl a loopback site (a real HTTP server on 127.0.0.1) into SQLite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crawler import SourcesError, StartPageError, UnknownSourceError
from crawler.runner import CrawlSummary, check_source, crawl_source, list_sources
from newsdesk.settings import Settings
from nlp.dates import KST
from store.db import Database
from store.models import Article, CrawlRun, Page, Revision
from tests.support.site import (
    TOPICS,
    Site,
    atom_feed,
    listing_page,
    news_sitemap,
    plain_sitemap,
    press_release_list,
    press_release_path,
    rss_feed,
    sitemap_index,
    topic_article,
)
from tests.support.sources_file import SOURCES, source

RSS_DATE = "Sat, 03 May 2025 15:12:00 +0900"
ISO_DATE = "2025-05-03T15:12:00+09:00"
PRESS_IDS = list(range(156738780, 156738801))  # 21 press releases
LAST_MODIFIED = 1_746_252_720.0
FIRST = ("trouble", "feeds", "sitemap", "listing", "press")


def build_site(site: Site, base: str) -> None:
    """Feeds, a sitemap index, a paginated listing, a 보도자료 list and the troublesome pages."""
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    _feeds(site, base)
    _sitemaps(site, base)
    _listing(site)
    _trouble(site)
    site.add("/briefing/pressReleaseList.do", press_release_list(PRESS_IDS))
    for i, news_id in enumerate(PRESS_IDS):
        site.add(press_release_path(news_id), topic_article(list(TOPIC_ORDER)[i % 6], variant=i + 1))
    site.add("/empty/list.html", listing_page("빈 목록", []))


TOPIC_ORDER = ("care", "bus", "meals", "jobs", "heat", "trail")


def _feeds(site: Site, base: str) -> None:
    rss = [
        (f"{base}/news/care.html", "아이돌봄", RSS_DATE),
        (f"{base}/news/bus.html", "광역버스", RSS_DATE),
        (f"{base}/news/seoul-euckr.html", "축제", RSS_DATE),
        ("http://offsite.invalid/news/1.html", "밖", RSS_DATE),
    ]
    site.add("/feeds/rss.xml", rss_feed(base, rss), content_type="application/rss+xml; charset=utf-8")
    site.add("/news/care.html", topic_article("care"))
    site.add("/news/bus.html", topic_article("bus"))
    site.add(
        "/news/seoul-euckr.html",
        topic_article("seoul", charset="euc-kr"),
        content_type="text/html; charset=euc-kr",
    )
    atom = [(f"{base}/news/meals.html", "급식", ISO_DATE), (f"{base}/news/jobs.html", "청년", ISO_DATE)]
    site.add("/feeds/atom.xml", atom_feed(base, atom), content_type="application/atom+xml")
    site.add("/news/meals.html", topic_article("meals"), etag=True)
    site.add("/news/jobs.html", topic_article("jobs"), last_modified=LAST_MODIFIED)
    # a page that prints no date anywhere: only its feed item says when it was published
    undated = [(f"{base}/notice/undated.html", "안내", "Mon, 05 May 2025 09:30:00 +0900")]
    site.add("/feeds/undated.xml", rss_feed(base, undated), content_type="application/rss+xml; charset=utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in TOPICS["care"][1])
    site.add(
        "/notice/undated.html",
        f"<html><head><meta charset='utf-8'><title>아이돌봄 안내</title></head><body><article>{paragraphs}"
        "</article></body></html>",
    )


def _sitemaps(site: Site, base: str) -> None:
    site.add(
        "/sitemaps/index.xml",
        sitemap_index([f"{base}/sitemaps/news.xml", f"{base}/sitemaps/static.xml"]),
        content_type="application/xml",
    )
    entries = [(f"{base}/news/sm-{n}.html", ISO_DATE) for n in (1, 2, 3)]
    site.add("/sitemaps/news.xml", news_sitemap(entries), content_type="application/xml")
    site.add("/sitemaps/static.xml", plain_sitemap([f"{base}/about.html"]), content_type="application/xml")
    for n, topic in zip((1, 2, 3), ("heat", "trail", "care"), strict=True):
        site.add(f"/news/sm-{n}.html", topic_article(topic, variant=10 + n), etag=True)
    site.add("/about.html", topic_article("trail", variant=99))


def _listing(site: Site) -> None:
    for page in (1, 2, 3, 4):
        links = [
            (f"/news/list-{page}-{k}.html?utm_source=list&pageIndex={page}", f"정책 소식 {page}-{k}")
            for k in (1, 2)
        ]
        nxt = f"/list/{page + 1}.html" if page < 4 else None
        site.add(f"/list/{page}.html", listing_page(f"정책뉴스 {page}쪽", links, nxt))
        for k in (1, 2):
            site.add(
                f"/news/list-{page}-{k}.html?utm_source=list&pageIndex={page}",
                topic_article(TOPIC_ORDER[(page + k) % 6], variant=page * 10 + k),
            )


def _trouble(site: Site) -> None:
    links = [
        ("/private/secret.html", "비공개"),
        ("/flaky.html", "재시도"),
        ("/loop/a.html", "돌고 도는 주소"),
        ("/big.html", "큰 파일"),
        ("/hang.html", "대답 없음"),
        ("/gone.html", "사라진 글"),
        ("/news/ok.html", "정상"),
    ]
    site.add("/trouble/index.html", listing_page("문제 목록", links))
    site.add("/private/secret.html", topic_article("care", variant=7))
    site.add("/flaky.html", topic_article("jobs", variant=5), fail_first=2)
    site.add("/loop/a.html", b"", status=302, headers={"Location": "/loop/b.html"})
    site.add("/loop/b.html", b"", status=302, headers={"Location": "/loop/a.html"})
    site.add("/big.html", size=20 * 1024 * 1024)
    site.add("/hang.html", hang=True)
    site.add("/news/ok.html", topic_article("bus", variant=3))


def sources_text(base: str) -> str:
    return SOURCES + "".join(
        [
            source("feeds", "feed", f"{base}/feeds/rss.xml", f"{base}/feeds/atom.xml"),
            source("sitemap", "sitemap", f"{base}/sitemaps/index.xml", article_links="re:/news/"),
            source(
                "listing",
                "listing",
                f"{base}/list/1.html",
                article_links="ul.board_list a",
                next_page="a.next",
                max_pages=3,
            ),
            source("trouble", "listing", f"{base}/trouble/index.html", article_links="ul.board_list a"),
            source(
                "press",
                "listing",
                f"{base}/briefing/pressReleaseList.do",
                article_links=r"re:pressReleaseView\.do\?newsId=\d+",
                max_pages=1,
                drop_params=["repCodeType", "repCode"],  # as the shipped 보도자료 source
            ),
            source("empty", "listing", f"{base}/empty/list.html", article_links="ul.board_list a"),
            source("broken", "feed", f"{base}/feeds/missing.xml"),
            source("never", "feed", f"{base}/feeds/never.xml"),
            source("undated", "feed", f"{base}/feeds/undated.xml"),
        ]
    )


@dataclass
class World:
    site: Site
    settings: Settings
    db: Database
    first: dict[str, CrawlSummary]
    progress: list[str]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The site served, a database, and a first crawl of every source that has pages."""
    site = Site()
    base = site.start()
    build_site(site, base)
    folder = tmp_path_factory.mktemp("crawl")
    path = folder / "sources.toml"
    path.write_text(sources_text(base), encoding="utf-8")
    settings = Settings(
        data_dir=folder, database_url=f"sqlite:///{folder / 'crawl.db'}", broker_url="memory://", sources=path
    )
    db = Database(settings.database_url)
    progress: list[str] = []
    with ThreadPoolExecutor(2) as pool:  # two crawl processes at a time: one per core
        runs = {name: pool.submit(crawl_source, settings, name, progress=progress.append) for name in FIRST}
        first = {name: run.result() for name, run in runs.items()}
    yield World(site, settings, db, first, progress)
    db.dispose()
    site.stop()


def stored_pages(world: World, state: str = "processed") -> set[str]:
    with world.db.sessions() as session:
        return set(session.scalars(select(Page.url).where(Page.state == state)))


def counts(summary: CrawlSummary) -> tuple[int, int, int, int, int]:
    return summary.seen, summary.new, summary.changed, summary.unchanged, summary.failed


def test_each_kind_collects_exactly_its_articles(world: World) -> None:
    base = world.site.base
    assert counts(world.first["feeds"]) == (5, 5, 0, 0, 0)  # RSS 3 (+1 offsite, skipped), Atom 2
    assert counts(world.first["sitemap"]) == (3, 3, 0, 0, 0)
    assert counts(world.first["listing"]) == (6, 6, 0, 0, 0)
    expected = {f"{base}/news/{name}.html" for name in ("care", "bus", "seoul-euckr", "meals", "jobs")}
    expected |= {f"{base}/news/sm-{n}.html" for n in (1, 2, 3)}
    expected |= {
        f"{base}/news/list-{p}-{k}.html" for p in (1, 2, 3) for k in (1, 2)
    }  # tracking/paging stripped
    expected |= {f"{base}/flaky.html", f"{base}/news/ok.html"}
    expected |= {f"{base}/briefing/pressReleaseView.do?newsId={n}" for n in PRESS_IDS}
    assert stored_pages(world) == expected


def test_limits_of_discovery_are_kept(world: World) -> None:
    site = world.site
    assert not site.requests_for("/list/4.html"), "max_pages = 3 stops before the 4th list page"
    assert not site.requests_for("/about.html"), "article_links regex filters sitemap entries"
    assert all("offsite" not in url for url in stored_pages(world) | stored_pages(world, "failed"))
    assert len(world.progress) == sum(s.seen for s in world.first.values())


def test_press_release_listing_yields_all_21(world: World) -> None:
    assert counts(world.first["press"]) == (21, 21, 0, 0, 0)
    assert check_source(world.settings, "press") == 21


def test_failures_are_recorded_with_their_reasons(world: World) -> None:
    base = world.site.base
    summary = world.first["trouble"]
    assert counts(summary) == (7, 2, 0, 0, 5)
    reasons = {e["url"]: e["reason"] for e in summary.errors}
    assert reasons == {
        f"{base}/private/secret.html": "forbidden by robots.txt",
        f"{base}/loop/a.html": "redirect loop: more than 3 redirects",
        f"{base}/big.html": "response larger than the 1048576-byte cap",
        f"{base}/hang.html": "timeout: no answer within 3 s after 3 attempts",
        f"{base}/gone.html": "HTTP 404",
    }
    with world.db.sessions() as session:
        failed = {
            url: error
            for url, error in session.execute(select(Page.url, Page.error).where(Page.state == "failed"))
        }
        run = session.scalars(select(CrawlRun).where(CrawlRun.id == summary.run_id)).one()
    assert failed == reasons
    assert {e["url"] for e in run.errors} == set(reasons) and run.failed == 5 and run.finished_at is not None


def test_robots_retries_and_redirects_as_the_server_saw_them(world: World) -> None:
    site = world.site
    assert not site.requests_for("/private/secret.html")
    assert [h.status for h in site.requests_for("/flaky.html")] == [500, 500, 200]
    assert len(site.requests_for("/loop/a.html")) + len(site.requests_for("/loop/b.html")) == 4
    agent = site.requests_for("/feeds/rss.xml")[0].headers["User-Agent"]
    assert agent.startswith("newsdesk/") and "crawl-tests@example.org" in agent


def test_euc_kr_article_is_stored_as_korean(world: World) -> None:
    with world.db.sessions() as session:
        article = session.scalars(select(Article).where(Article.url.like("%seoul-euckr%"))).one()
        page = session.get_one(Page, article.page_id)
    assert article.title.startswith("서울시, 똠양꿍 축제")
    assert "똠양꿍과 쌀국수" in article.body and "\ufffd" not in article.body
    assert page.charset == "cp949"


def test_recrawl_fetches_nothing_and_a_change_makes_one_revision(world: World) -> None:
    site = world.site
    mark = site.mark()
    with world.db.sessions() as session:
        before = session.scalar(select(func.count(Article.id)))
    again = {name: crawl_source(world.settings, name) for name in ("feeds", "sitemap", "listing")}
    for name, summary in again.items():
        assert counts(summary) == (world.first[name].seen, 0, 0, world.first[name].seen, 0), name
    articles = [h for h in site.hits[mark:] if h.path.startswith("/news/")]
    assert {h.status for h in articles} == {304}, "only conditional requests, answered 304"
    assert {h.path for h in articles} == {
        "/news/meals.html",
        "/news/jobs.html",
        "/news/sm-1.html",
        "/news/sm-2.html",
        "/news/sm-3.html",
    }

    site.add(
        "/news/meals.html",
        topic_article("meals", extra="학부모들은 이번 조치로 아이들의 식단이 나아질 것이라며 반겼다."),
        etag=True,
    )
    changed = crawl_source(world.settings, "feeds")
    assert counts(changed) == (5, 0, 1, 4, 0)
    with world.db.sessions() as session:
        assert session.scalar(select(func.count(Article.id))) == before
        article = session.scalars(select(Article).where(Article.url.like("%/news/meals.html"))).one()
        revisions = list(session.scalars(select(Revision.revision).where(Revision.article_id == article.id)))
    assert article.revision == 2 and sorted(revisions) == [1, 2]
    assert "식단이 나아질 것" in article.body


def test_sources_list_flags_sources_that_need_a_look(world: World) -> None:
    empty = crawl_source(world.settings, "empty")
    assert counts(empty) == (0, 0, 0, 0, 0)
    health = {h.name: h for h in list_sources(world.settings)}
    assert health["empty"].health.status == "failing"
    assert health["empty"].health.reasons == ("no article links found on the start pages",)
    assert health["trouble"].health.status == "failing"
    assert (health["trouble"].reason or "").startswith("5 of 7 article pages failed: ")
    assert health["feeds"].health.status == "ok" and health["feeds"].last_counts is not None
    assert health["never"].last_run is None and health["never"].health.status == "ok"
    assert health["listing"].schedule == "*/30 * * * *" and health["listing"].kind == "listing"


def test_a_page_without_a_date_takes_its_feed_items_date(world: World) -> None:
    assert counts(crawl_source(world.settings, "undated")) == (1, 1, 0, 0, 0)
    with world.db.sessions() as session:
        article = session.scalars(select(Article).where(Article.url.like("%/notice/undated.html"))).one()
    assert article.published == dt.datetime(2025, 5, 5, 9, 30, tzinfo=KST)


def test_check_reports_a_start_url_that_fails(world: World) -> None:
    with pytest.raises(StartPageError, match="HTTP 404"):
        check_source(world.settings, "broken")
    assert check_source(world.settings, "listing") == 2


def test_limit_caps_the_articles_handled(world: World) -> None:
    assert counts(crawl_source(world.settings, "listing", limit=2)) == (2, 0, 0, 2, 0)


def test_bad_names_and_files_fail_before_any_crawl(world: World, tmp_path: Path) -> None:
    with pytest.raises(UnknownSourceError, match="no source named 'nope'"):
        crawl_source(world.settings, "nope")
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[source]]\nname = "x"\nkind = "feed"\nallowed_domains = ["127.0.0.1"]\n', encoding="utf-8"
    )
    with pytest.raises(SourcesError, match="source 'x': key 'start_urls'"):
        crawl_source(world.settings, "x", sources_file=bad)


def test_a_queued_crawl_stores_pages_and_hands_their_ids_on(world: World, tmp_path: Path) -> None:
    """The Celery task's path: one crawl process, stored ids reported back for `process`."""
    settings = replace(world.settings, database_url=f"sqlite:///{tmp_path / 'queued.db'}")
    handed: list[int] = []
    summary = crawl_source(settings, "listing", limit=2, handoff=handed.append)
    assert (summary.seen, summary.new) == (2, 2) and len(set(handed)) == 2
    db = Database(settings.database_url)
    try:
        with db.sessions() as session:
            pages = session.scalars(select(Page).where(Page.id.in_(handed))).all()
            assert sorted(p.state for p in pages) == ["fetched", "fetched"]
    finally:
        db.dispose()


def crawl_alone(world: World, tmp_path: Path, text: str, name: str) -> CrawlSummary:
    """Crawl source `name` of its own sources file (`text` after the [crawler] table)."""
    path = tmp_path / "sources.toml"
    path.write_text(SOURCES + text, encoding="utf-8")
    return crawl_source(world.settings, name, sources_file=path)


def failed_pages(world: World, prefix: str) -> dict[str, str | None]:
    with world.db.sessions() as session:
        rows = session.execute(select(Page.url, Page.error).where(Page.state == "failed"))
        return {url: error for url, error in rows if url.startswith(prefix)}


def test_a_response_that_is_not_html_is_a_failure_not_an_article(world: World, tmp_path: Path) -> None:
    site, base = world.site, world.site.base
    kinds = {
        "json": ('{"a": "아이돌봄 지원 확대", "b": [1, 2, 3]}', "application/json"),
        "plain": (" ".join(TOPICS["care"][1]), "text/plain; charset=utf-8"),
        "octet": (b"\x00\x01binary\xff" * 50, "application/octet-stream"),
    }
    links = [(f"/types/{kind}", kind) for kind in kinds] + [("/types/page.html", "html")]
    site.add("/types/index.html", listing_page("형식 목록", links))
    for kind, (body, content_type) in kinds.items():
        site.add(f"/types/{kind}", body, content_type=content_type)
    site.add("/types/page.html", topic_article("heat", variant=41))
    text = source("types", "listing", f"{base}/types/index.html", article_links="ul.board_list a")
    summary = crawl_alone(world, tmp_path, text, "types")
    assert counts(summary) == (4, 1, 0, 0, 3)
    expected = {
        f"{base}/types/json": "not HTML (content-type application/json)",
        f"{base}/types/plain": "not HTML (content-type text/plain)",
        f"{base}/types/octet": "not HTML (content-type application/octet-stream)",
    }
    assert failed_pages(world, f"{base}/types/") == expected
    with world.db.sessions() as session:
        titles = list(session.scalars(select(Article.title).where(Article.url.like(f"{base}/types/%"))))
    assert len(titles) == 1 and not titles[0].startswith("{")


def test_a_redirect_off_site_is_a_failure_and_another_port_is_not_followed(
    world: World, tmp_path: Path
) -> None:
    site, base = world.site, world.site.base
    other = Site()
    other.start()
    try:
        other.add("/news/elsewhere.html", topic_article("bus", variant=51))
        links = [
            ("/away/moved.html", "옮겨진 글"),
            (other.url("/news/elsewhere.html"), "다른 포트"),
            ("/away/ok.html", "정상"),
        ]
        site.add("/away/index.html", listing_page("밖으로", links))
        outside = site.url("/news/care.html", host="localhost")  # same server, a host not allowed
        site.add("/away/moved.html", b"", status=301, headers={"Location": outside})
        site.add("/away/ok.html", topic_article("trail", variant=52))
        text = source("away", "listing", f"{base}/away/index.html", article_links="ul.board_list a")
        summary = crawl_alone(world, tmp_path, text, "away")
        assert not other.requests_for("/news/elsewhere.html"), "another port is another site"
    finally:
        other.stop()
    assert counts(summary) == (2, 1, 0, 0, 1)
    reasons = {e["url"]: e["reason"] for e in summary.errors}
    assert set(reasons) == {f"{base}/away/moved.html"}
    assert reasons[f"{base}/away/moved.html"].startswith("redirected outside allowed_domains")
    assert failed_pages(world, f"{base}/away/") == reasons
    assert not [h for h in site.hits if h.headers.get("Host", "").startswith("localhost")]
