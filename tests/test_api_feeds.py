"""Atom feeds over the real corpus (SQLite and PostgreSQL): read by feedparser as a reader would,
parsed strictly as XML, the same articles as /search?sort=newest, and conditional GET."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from ipaddress import ip_network
from pathlib import Path
from typing import Any
from urllib.parse import quote

import feedparser
import pytest
from fastapi.testclient import TestClient

from api import atom
from api.app import create_app
from ingest.pipeline import Origin, ingest
from store.db import Database
from tests.support.api import Api, Corpus, corpus_on, error_shape, open_api, settings_for
from tests.support.pages import article_html

A = "{http://www.w3.org/2005/Atom}"
HOSTILE_TITLE = "<script>alert(1)</script> ]]> 청년 일자리 & 박람회"
HOSTILE_SOURCE = "<b>출처</b> ]]>\x0b\x01"  # stored as given: a page could not carry the controls


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    yield from corpus_on(request.param, tmp_path_factory.mktemp("feeds"))


@pytest.fixture(scope="module")
def api(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    yield from open_api(tmp_path_factory.mktemp("feeds-client"), corpus)


def _feed(api: Api, path: str, **params: Any) -> tuple[Any, ET.Element, Any]:
    """GET a feed that must be a 200 Atom document: (response, strictly parsed root, feedparser's view)."""
    response = api.client.get(path, params=params)
    assert response.status_code == 200, (path, params, response.status_code, response.text)
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # strict: raises on anything not well-formed
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return response, root, parsed


def _valid_atom(root: ET.Element) -> None:
    """RFC 4287's required elements on the feed and on every entry."""
    assert root.tag == A + "feed"
    for name in ("id", "title", "updated"):
        assert root.find(A + name) is not None, name
    assert [link.get("rel") for link in root.findall(A + "link")] == ["self"]
    for entry in root.findall(A + "entry"):
        for name in ("id", "title", "updated", "author/" + A + "name", "summary"):
            assert entry.find(A + name) is not None, name
        assert (entry.findtext(A + "id") or "").startswith("urn:uuid:")
        links = entry.findall(A + "link")
        assert [(link.get("rel"), link.get("type")) for link in links] == [("alternate", "text/html")]
        for stamp in (entry.findtext(A + "updated"), entry.findtext(A + "published")):
            assert stamp and stamp.endswith("+09:00") and dt.datetime.fromisoformat(stamp), stamp


# /search.atom -------------------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["협력", "아동수당", "청년 -박람회"])
def test_search_feed_lists_what_search_lists_newest_first(api: Api, q: str) -> None:
    _, root, parsed = _feed(api, "/search.atom", q=q)
    _valid_atom(root)
    hits = api.get("/search", q=q, sort="newest", size=50)["results"]
    assert hits, q
    assert [e.link for e in parsed.entries] == [h["url"] for h in hits]
    assert [e.title for e in parsed.entries] == [h["title"] for h in hits]
    assert [e.author for e in parsed.entries] == [h["source"] for h in hits]
    assert [[t.term for t in e.get("tags", [])] for e in parsed.entries] == [
        [h["category"]] if h["category"] else [] for h in hits
    ]
    for entry, hit in zip(parsed.entries, hits, strict=True):
        assert dt.datetime.fromisoformat(entry.published) == dt.datetime.fromisoformat(hit["published"])


def test_search_feed_takes_the_same_filters(api: Api) -> None:
    _, _, parsed = _feed(api, "/search.atom", q="협력", source="행정안전부", **{"from": "2025-12-01"})
    hits = api.get("/search", q="협력", sort="newest", source="행정안전부", **{"from": "2025-12-01"})
    assert [e.link for e in parsed.entries] == [h["url"] for h in hits["results"]] != []
    assert {e.author for e in parsed.entries} == {"행정안전부"}


def test_entries_carry_the_summary_sentences_and_a_stable_id(api: Api) -> None:
    _, _, parsed = _feed(api, "/search.atom", q="심야 버스")
    entry = next(e for e in parsed.entries if e.link == "https://news.seoul.example.kr/traffic/archives/5150")
    article = api.get(f"/articles/{api.ids['bus']}")
    assert entry.summary == " ".join(s["text"] for s in article["summary"])
    assert entry.published == "2025-09-02T06:00:00+09:00"
    _, _, again = _feed(api, "/sources/서울특별시.atom")
    assert entry.id in {e.id for e in again.entries}  # the same article, the same id in any feed


def test_a_search_that_finds_nothing_is_a_valid_empty_feed(api: Api) -> None:
    response, root, parsed = _feed(api, "/search.atom", q="협력", source="없는 출처")
    _valid_atom(root)
    assert parsed.entries == [] and parsed.feed.title == "newsdesk 검색: 협력"
    assert response.headers["etag"] and response.headers["last-modified"]


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({}, 422, "q"),
        ({"q": ""}, 422, "q"),
        ({"q": "협력", "from": "0"}, 422, "from"),
        ({"q": "협력", "to": "2025-02-30"}, 422, "to"),
        ({"q": "협력", "source": "가" * 300}, 422, "source"),
        ({"q": "?!…"}, 400, "no searchable words"),
        ({"q": "협력", "from": "2025-12-02", "to": "2025-12-01"}, 400, "after"),
    ],
)
def test_bad_feed_parameters_are_refused_like_search(
    api: Api, params: dict[str, str], status: int, words: str
) -> None:
    for path in ("/search.atom", "/search"):
        response = api.client.get(path, params=params or None)
        assert response.status_code == status, (path, response.text)
        assert error_shape(response.json(), status) and words in response.json()["error"]


# conditional GET ----------------------------------------------------------------------------------


def test_a_repeated_request_with_the_etag_is_304_without_a_body(api: Api) -> None:
    first, _, _ = _feed(api, "/search.atom", q="협력")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = api.client.get("/search.atom", params={"q": "협력"}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    by_date = api.client.get("/search.atom", params={"q": "협력"}, headers={"If-Modified-Since": modified})
    assert by_date.status_code == 304 and by_date.content == b""
    # another feed's tag, an older date, or an unreadable one: the whole feed again
    for headers in (
        {"If-None-Match": '"0123"'},
        {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"},
        {"If-Modified-Since": "yesterday"},
        {"If-None-Match": '"0123"', "If-Modified-Since": modified},  # the tag decides when both come
    ):
        response = api.client.get("/search.atom", params={"q": "협력"}, headers=headers)
        assert response.status_code == 200 and response.content == first.content, headers
    other = api.client.get("/search.atom", params={"q": "버스"}, headers={"If-None-Match": etag})
    assert other.status_code == 200


# sources and categories ---------------------------------------------------------------------------


def test_source_and_category_feeds_list_their_newest(api: Api) -> None:
    _, root, parsed = _feed(api, "/sources/행정안전부.atom")
    _valid_atom(root)
    assert parsed.entries and {e.author for e in parsed.entries} == {"행정안전부"}
    _, root, parsed = _feed(api, "/categories/육아.atom")
    _valid_atom(root)
    assert len(parsed.entries) >= 2 and {t.term for e in parsed.entries for t in e.tags} == {"육아"}
    published = [dt.datetime.fromisoformat(e.published) for e in parsed.entries]
    assert published == sorted(published, reverse=True)
    _, _, december = _feed(api, "/categories/육아.atom", **{"from": "2025-12-01", "to": "2025-12-31"})
    assert all(e.published.startswith("2025-12") for e in december.entries)


def test_a_known_category_with_no_articles_is_an_empty_feed(api: Api) -> None:
    _, root, parsed = _feed(api, "/categories/문화.atom")
    _valid_atom(root)
    assert parsed.entries == []


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/sources/없는 출처.atom", 404),
        ("/categories/없는 분야.atom", 404),
        ("/sources/행정안전부.atom?from=20251201", 422),
        ("/categories/육아.atom?from=2025-12-02&to=2025-12-01", 400),
    ],
)
def test_unknown_names_and_bad_days_are_errors_in_the_one_shape(api: Api, path: str, status: int) -> None:
    response = api.client.get(path)
    assert response.status_code == status and error_shape(response.json(), status), response.text


def test_source_feed_answers_304_to_its_own_etag(api: Api) -> None:
    first, _, _ = _feed(api, "/sources/산림청.atom")
    again = api.client.get("/sources/산림청.atom", headers={"If-None-Match": f"W/{first.headers['etag']}"})
    assert again.status_code == 304 and again.content == b""


# hostile text -------------------------------------------------------------------------------------


def test_hostile_text_still_gives_well_formed_xml(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'hostile.db'}")
    text = ["청년 일자리 박람회가 열린다. ]]> <script>x</script> 문장이다.", "둘째 문장."]
    page = article_html(HOSTILE_TITLE, text)
    outcome = ingest(db, page, Origin("https://www.hostile.example.com/1", HOSTILE_SOURCE))
    assert outcome.article_id is not None
    db.dispose()
    api = next(open_api(tmp_path, Corpus(f"sqlite:///{tmp_path / 'hostile.db'}", {})))
    feeds = [("/search.atom", {"q": "박람회"}), (f"/sources/{quote(HOSTILE_SOURCE)}.atom", {})]
    for path, params in feeds:
        _, root, parsed = _feed(api, path, **params)
        [entry] = root.findall(A + "entry")
        title = entry.findtext(A + "title") or ""
        assert title.startswith("<script>alert(1)</script> ]]>")
        assert entry.findtext(f"{A}author/{A}name") == "<b>출처</b> ]]>"
        assert parsed.entries[0].title == title


def test_the_builder_drops_what_xml_cannot_hold_and_escapes_the_rest() -> None:
    when = dt.datetime(2025, 12, 1, 0, 30, tzinfo=dt.UTC)
    nasty = "a\x00b\x1f]]><![CDATA[x]]>\ud800\ufffe<?pi?>&amp;"
    feed = atom.Feed(
        "http://127.0.0.1/search.atom?q=" + nasty,
        nasty,
        when,
        [atom.Entry("https://news.example.com/1", nasty, when, when, nasty, nasty, (nasty, "\x01"))],
    )
    root = ET.fromstring(atom.render(feed))
    clean = "ab]]><![CDATA[x]]><?pi?>&amp;"
    assert root.findtext(A + "title") == clean
    entry = root.find(A + "entry")
    assert entry is not None
    assert [c.get("term") for c in entry.findall(A + "category")] == [clean]  # a term of only controls: none
    assert entry.findtext(A + "summary") == clean
    assert entry.findtext(A + "published") == "2025-12-01T09:30:00+09:00"


def test_an_article_without_a_public_address_carries_content_not_a_link() -> None:
    when = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    entries = [atom.Entry("file:///tmp/a.html", "t", when, summary="요약")]
    feed = atom.Feed("http://x/f.atom", "f", when, entries)
    entry = ET.fromstring(atom.render(feed)).find(A + "entry")
    assert entry is not None and entry.findall(A + "link") == [] and entry.findtext(A + "content") == "요약"


def test_a_changed_article_changes_the_validators(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'changes.db'}"
    db = Database(url)
    origin = Origin("https://www.changes.example.com/1", "변경일보")
    text = ["청년 일자리 박람회가 다음 달 열린다.", "참가 기업은 120곳이다.", "현장 면접도 진행한다."]
    assert ingest(db, article_html("청년 박람회", text), origin).article_id is not None
    api = next(open_api(tmp_path, Corpus(url, {})))
    first, _, _ = _feed(api, "/search.atom", q="박람회")
    etag = {"If-None-Match": first.headers["etag"]}
    assert api.client.get("/search.atom", params={"q": "박람회"}, headers=etag).status_code == 304
    changed = [text[0], "참가 기업은 150곳으로 늘었다.", text[2]]
    assert ingest(db, article_html("청년 박람회", changed), origin).status == "changed"
    again = api.client.get("/search.atom", params={"q": "박람회"}, headers=etag)
    assert again.status_code == 200 and again.headers["etag"] != first.headers["etag"]
    assert "150곳" in again.text and again.content != first.content
    db.dispose()


# HEAD, and the address behind a proxy -------------------------------------------------------------


def test_head_answers_like_get_without_a_body(api: Api) -> None:
    for path, params in (("/search.atom", {"q": "협력"}), ("/search", {"q": "협력"}), ("/sources", {})):
        got = api.client.get(path, params=params)
        head = api.client.head(path, params=params)
        assert head.status_code == got.status_code == 200 and head.content == b"", path
        for name in ("content-type", "content-length", "etag", "last-modified"):
            assert head.headers.get(name) == got.headers.get(name), (path, name)
    etag = api.client.get("/search.atom", params={"q": "협력"}).headers["etag"]
    cached = api.client.head("/search.atom", params={"q": "협력"}, headers={"If-None-Match": etag})
    assert cached.status_code == 304
    refused = api.client.head("/drafts/submit")  # a POST-only path has no GET to answer HEAD
    assert refused.status_code == 405 and "HEAD" not in refused.headers["allow"]
    assert "HEAD" in api.client.options("/search.atom").headers["allow"]


def _self_link(response: Any) -> str:
    link = ET.fromstring(response.content).find(A + "link")
    assert link is not None
    return link.get("href") or ""


@pytest.mark.parametrize(
    ("peer", "trusted", "headers", "expected"),
    [
        # a TLS-ending proxy we trust: the address the reader subscribed to
        ("10.1.2.3", "10.0.0.0/8", {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example.org"},
         "https://news.example.org/search.atom?q=%ED%98%91%EB%A0%A5"),
        # the nearest proxy's values come first in a list
        ("10.1.2.3", "10.0.0.0/8", {"X-Forwarded-Proto": "https, http"}, "https://testserver/search.atom"),
        # anyone else's headers are claims
        ("198.51.100.2", "10.0.0.0/8", {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"},
         "http://testserver/search.atom"),
        # a trusted proxy passing something that is no host or scheme: ignored
        ("10.1.2.3", "10.0.0.0/8", {"X-Forwarded-Proto": "javascript", "X-Forwarded-Host": "a/b@c"},
         "http://testserver/search.atom"),
    ],
)  # fmt: skip
def test_a_feed_names_itself_by_the_address_a_trusted_proxy_forwarded(
    corpus: Corpus, tmp_path: Path, peer: str, trusted: str, headers: dict[str, str], expected: str
) -> None:
    db = Database(corpus.url)
    app = create_app(settings_for(tmp_path, corpus.url, trusted_proxies=(ip_network(trusted),)), db)
    try:
        with TestClient(app, client=(peer, 50000)) as client:
            response = client.get("/search.atom", params={"q": "협력"}, headers=headers)
            assert response.status_code == 200
            assert _self_link(response).startswith(expected)
            plain = client.get("/search.atom", params={"q": "협력"})
            assert (response.headers["etag"] != plain.headers["etag"]) == expected.startswith("https")
    finally:
        db.dispose()


@pytest.mark.parametrize(
    "path",
    [
        "/search?q=협력&from=0001-01-01",
        "/search?q=협력&from=0001-01-01&to=9999-12-31",
        "/search.atom?q=협력&to=9999-12-31",
        "/categories/육아.atom?from=0001-01-01",
    ],
)
def test_days_at_the_ends_of_the_calendar_mean_from_the_start_or_to_the_end(api: Api, path: str) -> None:
    answer = api.client.get(path)
    plain = api.client.get(path.split("&from")[0].split("?from")[0].split("&to")[0].split("?to")[0])
    assert answer.status_code == plain.status_code == 200, answer.text
    if path.startswith("/search?"):
        assert answer.json()["total"] == plain.json()["total"] > 0
