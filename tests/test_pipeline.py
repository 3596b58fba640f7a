"""The per-page path on a real SQLite file: store, extract, analyse, index, draft; idempotent."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from ingest.drafts import effective
from ingest.export import render_jekyll
from ingest.pipeline import Origin, ingest
from newsdesk.defaults import KEY_FACT_SENTENCES
from nlp.dates import KST
from nlp.digest import DigestOptions
from search.articles import search
from store.db import Database
from store.models import Article, Draft, Page, Revision, SearchDoc, Source, StoryBand
from tests.support.pages import FIXTURES, HIKING, article_html, parse_front_matter, sample

NINE_HOURS = dt.timedelta(hours=9)
HIKE_URL = "https://news.example.com/article/20251205-hiking"


def _origin(item: dict[str, str], url: str | None = None) -> Origin:
    return Origin(url or item["url"], item.get("source"), item.get("category"))


def _count(db: Database, model: Any) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _counts(db: Database) -> dict[str, int]:
    return {m.__name__: _count(db, m) for m in (Source, Page, Article, Revision, Draft, SearchDoc, StoryBand)}


def _hits(db: Database, query: str) -> list[int]:
    with db.transaction() as session:
        return [h.article_id for h in search(session, query).hits]


def _hike_page(extra: str, title: str = "산림청, 국유림 등산로 안전시설 정비") -> bytes:
    return article_html(title, [*HIKING, extra])


# a new article -----------------------------------------------------------------------------------


def test_ingest_stores_a_complete_article(db: Database) -> None:
    raw, item = sample("01")
    outcome = ingest(db, raw, _origin(item), DigestOptions(sentences=3, excerpt_chars=160))
    assert outcome.status == "new" and outcome.error is None
    assert outcome.url == item["url"]
    assert outcome.article_id is not None and outcome.page_id is not None
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None
        assert article.title == "아동수당 지급 대상, 2026년부터 만 9세 미만으로 확대"
        assert "보건복지부는 2026년 1월부터 아동수당 지급 대상을" in article.body
        assert "조회수" not in article.body and "첨부파일" not in article.body
        assert article.url == item["url"]
        assert article.source is not None and article.source.name == "보건복지부"
        assert article.category == "육아"
        assert article.revision == 1
        assert article.page.state == "processed" and article.page.error is None

        # three by centrality, and up to KEY_FACT_SENTENCES more with the policy's dates and amounts
        assert 1 <= len(article.summary) <= 3 + KEY_FACT_SENTENCES
        for sentence in article.summary:
            assert article.body[sentence["start"] : sentence["end"]] == sentence["text"]
        assert [s["index"] for s in article.summary] == sorted(s["index"] for s in article.summary)
        assert 0 < len(article.excerpt) <= 160
        assert article.excerpt.startswith("보건복지부는")
        assert 0 < len(article.keywords) <= 10

        draft = article.draft
        assert draft is not None and draft.status == "draft" and draft.edits == {}
        assert draft.headline == article.title and draft.excerpt == article.excerpt
        assert draft.key_sentences == article.summary and draft.category == "육아"

        doc = session.get(SearchDoc, article.id)
        assert doc is not None and "아동" in doc.body_terms.split()
    assert _hits(db, "아동수당") == [outcome.article_id]


def test_datetimes_come_back_aware_in_kst(db: Database) -> None:
    raw, item = sample("01")
    outcome = ingest(db, raw, _origin(item))
    fresh = Database(db.url)  # another engine: nothing from the first session's memory
    try:
        with fresh.transaction() as session:
            article = session.get(Article, outcome.article_id)
            assert article is not None and article.published is not None
            assert article.published.tzinfo is not None
            assert article.published.utcoffset() == NINE_HOURS
            assert article.published == dt.datetime(2025, 12, 5, 16, 40, tzinfo=KST)
            for stamp in (article.created_at, article.updated_at, article.page.fetched_at):
                assert stamp.tzinfo is not None and stamp.utcoffset() == NINE_HOURS
            stored = session.execute(text("SELECT published FROM articles")).scalar_one()
        assert str(stored).startswith("2025-12-05 07:40"), "stored as UTC"
    finally:
        fresh.dispose()


def test_newspaper_dates_and_byline(db: Database) -> None:
    raw, item = sample("02")
    outcome = ingest(db, raw, _origin(item))
    assert outcome.status == "new"
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None
        assert article.published == dt.datetime(2025, 12, 5, 17, 20, tzinfo=KST)
        assert article.modified == dt.datetime(2025, 12, 6, 9, 2, tzinfo=KST)
        assert article.modified is not None and article.modified.utcoffset() == NINE_HOURS
        assert any("김하늘" in a for a in article.authors)
        assert "한빛일보" not in article.title
        assert "댓글" not in article.body and "추천 24" not in article.body
        assert not article.excerpt.startswith("서울 시내의 한 초등학교"), "a photo caption is no excerpt"


def test_own_page_dates_from_meta(db: Database) -> None:
    outcome = ingest(db, _hike_page("정비 구간에는 산책로가 포함된다."), Origin(HIKE_URL, "테스트일보"))
    assert outcome.status == "new"
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None
        assert article.title == "산림청, 국유림 등산로 안전시설 정비"
        assert article.published == dt.datetime(2025, 12, 5, 16, 40, tzinfo=KST)
        assert article.published is not None and article.published.utcoffset() == NINE_HOURS


# idempotency and revisions -----------------------------------------------------------------------


def test_same_bytes_again_is_unchanged(db: Database) -> None:
    raw, item = sample("01")
    first = ingest(db, raw, _origin(item))
    before = _counts(db)
    second = ingest(db, raw, _origin(item))
    assert second.status == "unchanged"
    assert (second.page_id, second.article_id) == (first.page_id, first.article_id)
    assert _counts(db) == before
    with db.transaction() as session:
        article = session.get(Article, first.article_id)
        assert article is not None and article.revision == 1
        assert article.page.attempts == 1


def test_changed_text_makes_a_new_revision(db: Database) -> None:
    first = ingest(db, _hike_page("정비 구간에는 케이블카 정류장이 포함된다."), Origin(HIKE_URL))
    assert _hits(db, "케이블카") == [first.article_id]
    second = ingest(db, _hike_page("정비 구간에는 모노레일 정류장이 포함된다."), Origin(HIKE_URL))
    assert second.status == "changed"
    assert (second.page_id, second.article_id) == (first.page_id, first.article_id)
    with db.transaction() as session:
        article = session.get(Article, first.article_id)
        assert article is not None and article.revision == 2
        assert "모노레일" in article.body and "케이블카" not in article.body
        revisions = session.scalars(select(Revision).order_by(Revision.revision)).all()
        assert [r.revision for r in revisions] == [1, 2]
        assert "케이블카" in revisions[0].body and "모노레일" in revisions[1].body
        assert revisions[0].content_hash != revisions[1].content_hash == article.content_hash
    assert _counts(db)["Article"] == 1 and _counts(db)["SearchDoc"] == 1 and _counts(db)["Draft"] == 1
    assert _hits(db, "모노레일") == [first.article_id]
    assert _hits(db, "케이블카") == []


def test_new_bytes_with_the_same_text_are_unchanged(db: Database) -> None:
    raw = _hike_page("정비 구간에는 산책로가 포함된다.")
    first = ingest(db, raw, Origin(HIKE_URL))
    noisy = raw.replace(b"<main>", b"<!-- ad slot 42 --><aside>\xea\xb4\x91\xea\xb3\xa0</aside><main>")
    assert noisy != raw
    second = ingest(db, noisy, Origin(HIKE_URL))
    assert second.status == "unchanged" and second.article_id == first.article_id
    assert _count(db, Revision) == 1
    with db.transaction() as session:
        article = session.get(Article, first.article_id)
        assert article is not None and article.revision == 1 and article.page.state == "processed"


def test_tracking_parameters_map_to_one_page(db: Database) -> None:
    raw, item = sample("01")
    first = ingest(db, raw, _origin(item, item["url"] + "&utm_source=naver&utm_medium=social"))
    second = ingest(db, raw, _origin(item, item["url"] + "&pageIndex=3#top"))
    assert first.url == second.url == item["url"]
    assert second.status == "unchanged" and second.page_id == first.page_id
    with db.transaction() as session:
        assert session.scalars(select(Page.url)).all() == [item["url"]]


# failures ----------------------------------------------------------------------------------------


def _garbage() -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(4000))


NO_BODY = (
    "<html><head><meta charset='utf-8'><title>점검 안내</title></head>"
    "<body><nav><a href='/'>홈</a></nav></body></html>"
).encode()


@pytest.mark.parametrize(
    ("name", "raw"),
    [("empty", b""), ("garbage", _garbage()), ("nul bytes", b"\x00" * 512), ("no body", NO_BODY)],
)
def test_a_page_that_cannot_be_processed_is_recorded_and_nothing_else(
    db: Database, name: str, raw: bytes
) -> None:
    url = f"https://news.example.com/broken/{name.replace(' ', '-')}"
    outcome = ingest(db, raw, Origin(url, "테스트일보"))
    assert outcome.status == "failed"
    assert outcome.error and outcome.error.strip() and "\n" not in outcome.error
    assert outcome.article_id is None
    with db.transaction() as session:
        page = session.scalars(select(Page)).one()
        assert page.url == url and page.state == "failed" and page.error == outcome.error
        assert page.raw == raw and page.attempts == 1
    assert {k: v for k, v in _counts(db).items() if k not in ("Page", "Source")} == {
        "Article": 0,
        "Revision": 0,
        "Draft": 0,
        "SearchDoc": 0,
        "StoryBand": 0,
    }


def test_the_no_body_fixture_fails_cleanly(db: Database) -> None:
    raw = (FIXTURES / "no_body.html").read_bytes()
    outcome = ingest(db, raw, Origin("https://news.example.com/no-body"))
    assert outcome.status == "failed" and outcome.error
    assert _count(db, Article) == 0 and _count(db, SearchDoc) == 0 and _count(db, Draft) == 0


def test_a_failed_page_recovers_when_good_bytes_arrive(db: Database) -> None:
    url = "https://news.example.com/article/recovering"
    assert ingest(db, NO_BODY, Origin(url)).status == "failed"
    assert ingest(db, NO_BODY, Origin(url)).status == "failed"
    outcome = ingest(db, _hike_page("정비 구간에는 산책로가 포함된다."), Origin(url))
    assert outcome.status == "new"
    with db.transaction() as session:
        page = session.scalars(select(Page)).one()
        assert page.state == "processed" and page.error is None and page.attempts == 3


def test_a_broken_update_keeps_the_previous_article(db: Database) -> None:
    first = ingest(db, _hike_page("정비 구간에는 케이블카 정류장이 포함된다."), Origin(HIKE_URL))
    failed = ingest(db, b"", Origin(HIKE_URL))
    assert failed.status == "failed"
    with db.transaction() as session:
        article = session.get(Article, first.article_id)
        assert article is not None and article.revision == 1 and "케이블카" in article.body
        assert article.page.state == "failed"
    assert _hits(db, "케이블카") == [first.article_id]


# listings and charsets ---------------------------------------------------------------------------


def test_the_sample_listing_gives_links_and_no_article(db: Database) -> None:
    raw, item = sample("06")
    outcome = ingest(db, raw, _origin(item))
    assert outcome.status == "listing" and outcome.article_id is None and outcome.error is None
    assert len(outcome.links) >= 4
    assert all(link.startswith("https://") for link in outcome.links)
    assert len(set(outcome.links)) == len(outcome.links)
    assert _count(db, Article) == 0 and _count(db, SearchDoc) == 0 and _count(db, Draft) == 0
    with db.transaction() as session:
        assert session.scalars(select(Page.state)).one() == "processed"
    assert ingest(db, raw, _origin(item)).status == "unchanged"


def test_the_listing_fixture_gives_links_and_no_article(db: Database) -> None:
    raw = (FIXTURES / "listing.html").read_bytes()
    origin = Origin("https://www.example.go.kr/news/list.do?pageIndex=2")
    outcome = ingest(db, raw, origin)
    assert outcome.status == "listing" and outcome.article_id is None and outcome.error is None
    assert len(outcome.links) >= 6 and len(set(outcome.links)) == len(outcome.links)
    assert all(link.startswith(("http://", "https://")) for link in outcome.links)
    assert _count(db, Article) == 0 and _count(db, SearchDoc) == 0 and _count(db, Draft) == 0
    with db.transaction() as session:
        assert session.scalars(select(Page.state)).one() == "processed"
    assert ingest(db, raw, origin).status == "unchanged"


@pytest.mark.parametrize("path", ["samples/05", "fixtures/euckr.html"])
def test_euc_kr_pages_are_stored_as_korean_text(db: Database, path: str) -> None:
    if path.startswith("samples/"):
        raw, item = sample(path.removeprefix("samples/"))
        origin = _origin(item)
    else:
        raw, origin = (FIXTURES / "euckr.html").read_bytes(), Origin("https://news.example.com/euckr")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    outcome = ingest(db, raw, origin)
    assert outcome.status == "new", outcome.error
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None
        assert "\ufffd" not in article.body and "\ufffd" not in article.title
        hangul = sum("가" <= c <= "힣" for c in article.body)
        assert hangul > 0.3 * len(article.body.replace(" ", ""))
        assert (article.page.charset or "").lower() in ("cp949", "euc-kr", "euc_kr")
    if path == "samples/05":
        assert "청년 고용" in article.title
        assert _hits(db, "청년") == [outcome.article_id]


def test_declared_charset_is_used(db: Database) -> None:
    raw = article_html("버스 노선 개편 안내", HIKING, charset="euc-kr").replace(b'charset="euc-kr"', b"")
    outcome = ingest(db, raw, Origin("https://news.example.com/declared", charset="euc-kr"))
    assert outcome.status == "new", outcome.error
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None and "산림청" in article.body and "\ufffd" not in article.body


# drafts ------------------------------------------------------------------------------------------


def test_regenerating_a_draft_keeps_the_editors_edits(db: Database) -> None:
    first = ingest(db, _hike_page("정비 구간에는 케이블카 정류장이 포함된다."), Origin(HIKE_URL))
    with db.transaction() as session:
        draft = session.scalars(select(Draft)).one()
        draft.edits = {"headline": "편집자가 고친 제목", "excerpt": "편집자 요약"}
        draft.status = "approved"
        draft.editor = "editor@newsdesk"
    new_title = "산림청, 등산로 모노레일 정류장 새로 설치"
    second = ingest(db, _hike_page("정비 구간에는 모노레일 정류장이 포함된다.", new_title), Origin(HIKE_URL))
    assert second.status == "changed" and second.article_id == first.article_id
    with db.transaction() as session:
        draft = session.scalars(select(Draft)).one()
        assert draft.edits == {"headline": "편집자가 고친 제목", "excerpt": "편집자 요약"}
        assert draft.headline == new_title, "generated fields follow the new revision"
        assert draft.editor == "editor@newsdesk"
        body = draft.article.body  # the key sentences quote the new revision
        assert "모노레일" in body and "케이블카" not in body
        quoted = draft.key_sentences
        assert quoted and all(body[s["start"] : s["end"]] == s["text"] for s in quoted)
        shown = effective(draft)
        assert shown["headline"] == "편집자가 고친 제목" and shown["excerpt"] == "편집자 요약"
        assert shown["category"] == draft.category
        rendered = render_jekyll(draft)
        meta = parse_front_matter(rendered)
        assert meta["title"] == "편집자가 고친 제목" and meta["excerpt"].strip() == "편집자 요약"
    assert _count(db, Draft) == 1


def test_the_press_release_fixture(db: Database) -> None:
    outcome = ingest(
        db, (FIXTURES / "press_release.html").read_bytes(), Origin("https://www.example.go.kr/pr?id=1")
    )
    assert outcome.status == "new", outcome.error
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None and article.title and article.body
        assert article.published is not None and article.published.utcoffset() == NINE_HOURS
        for sentence in article.summary:
            assert article.body[sentence["start"] : sentence["end"]] == sentence["text"]


def test_the_newspaper_fixture(db: Database) -> None:
    outcome = ingest(db, (FIXTURES / "newspaper.html").read_bytes(), Origin("https://news.example.com/n/1"))
    assert outcome.status == "new", outcome.error
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None and article.authors
        assert article.published is not None and article.modified is not None
        assert article.published.utcoffset() == article.modified.utcoffset() == NINE_HOURS
        assert article.modified >= article.published


def test_file_urls_are_keys_too(db: Database, tmp_path: Path) -> None:
    """A saved page that declares no URL of its own (no canonical, no og:url) is keyed by its file."""
    raw = article_html("등산로 안전시설 새로 정비", HIKING)
    url = (tmp_path / "hiking.html").as_uri()
    assert ingest(db, raw, Origin(url)).status == "new"
    assert ingest(db, raw, Origin(url + "#frag")).status == "unchanged"
    with db.transaction() as session:
        source = session.scalars(select(Source)).one()
        assert source.kind == "file"
        assert session.scalars(select(Page.url)).one() == url


def test_a_saved_page_is_keyed_by_the_url_it_declares(db: Database, tmp_path: Path) -> None:
    """The sample declares its canonical URL: stored from the web and then from a file, one page."""
    raw, item = sample("03")
    assert ingest(db, raw, Origin(item["url"])).status == "new"
    assert ingest(db, raw, Origin((tmp_path / "bus.html").as_uri())).status == "unchanged"
    with db.transaction() as session:
        assert session.scalars(select(Page.url)).all() == [item["url"]]
