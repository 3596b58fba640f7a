"""The reader API in-process on real SQLite: every endpoint's shape, and search behaviour."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from nlp.dates import KST
from tests.support.api import WRITTEN, Api, Corpus, corpus_on, open_api

PROMETHEUS_SAMPLE = re.compile(r'[a-z_]+(\{([a-z_]+="(?:[^"\\\n]|\\.)*",?)*\})? [0-9.e+-]+')
HIT_KEYS = {
    "id",
    "title",
    "url",
    "source",
    "category",
    "published",
    "published_date_only",
    "excerpt",
    "highlights",
    "story_id",
    "score",
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """The corpus on SQLite, and again on a fresh PostgreSQL database: every test runs on both."""
    yield from corpus_on(request.param, tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def api(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    yield from open_api(tmp_path_factory.mktemp("api-client"), corpus)


def _body(api: Api, key: str) -> str:
    text: str = api.get(f"/articles/{api.ids[key]}")["body"]
    return text


def _plain(snippet: str) -> str:
    return html.unescape(snippet.replace("<mark>", "").replace("</mark>", "")).strip("…")


# shapes -------------------------------------------------------------------------------------------


def test_search_shape(api: Api) -> None:
    body = api.get("/search", q="협력")
    assert set(body) == {"ok", "total", "total_exact", "page", "size", "results", "facets"}
    assert body["ok"] is True and body["page"] == 1 and body["size"] == 10
    assert body["total"] == len(body["results"]) >= 3 and body["total_exact"] is True
    assert set(body["facets"]) == {"source", "category", "month"}
    for hit in body["results"]:
        assert set(hit) == HIT_KEYS
        assert isinstance(hit["score"], float) and hit["score"] >= 0
        assert hit["published"] is None or dt.datetime.fromisoformat(hit["published"]).utcoffset()
        assert all("<mark>" in h for h in hit["highlights"])
    scores = [hit["score"] for hit in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_article_shape(api: Api) -> None:
    body = api.get(f"/articles/{api.ids['gov']}")
    assert body["ok"] is True and body["id"] == api.ids["gov"]
    assert body["title"] == "지자체와 협력해 겨울철 재난 대응 점검" and body["source"] == "행정안전부"
    assert body["published"] == "2025-12-01T00:30:00+09:00"
    assert body["summary"] and all(body["body"][s["start"] : s["end"]] == s["text"] for s in body["summary"])
    assert body["keywords"] and body["category"] and body["story_id"] is not None
    assert [r["revision"] for r in body["revisions"]] == [1] and body["revision"] == 1


def test_story_lists_the_outlets_canonical_source_first(api: Api) -> None:
    story_id = api.get(f"/articles/{api.ids['paper']}")["story_id"]
    assert story_id == api.get(f"/articles/{api.ids['gov']}")["story_id"]
    body = api.get(f"/stories/{story_id}")
    assert body["ok"] is True and body["canonical_id"] == api.ids["gov"]
    assert [a["id"] for a in body["articles"]] == [api.ids["gov"], api.ids["paper"]]
    assert set(body["articles"][0]) == {
        "id",
        "title",
        "url",
        "source",
        "published",
        "published_date_only",
        "excerpt",
    }


def test_related_puts_the_story_first(api: Api) -> None:
    body = api.get(f"/articles/{api.ids['gov']}/related", size=3)
    ids = [a["id"] for a in body["results"]]
    assert body["ok"] is True and body["id"] == api.ids["gov"]
    assert ids[0] == api.ids["paper"] and api.ids["gov"] not in ids and len(ids) <= 3


def test_sources_and_health(api: Api) -> None:
    names = {s["name"] for s in api.get("/sources")["sources"]}
    assert {p.source for p in WRITTEN} <= names
    health = api.get("/health")
    assert health["ok"] is True and health["status"] == 200
    assert health["checks"]["database"] == "ok" and "broker" in health["checks"]
    counts = {s["name"]: s["articles"] for s in health["sources"]}
    assert counts["행정안전부"] >= 1 and counts["산림청"] == 1


def test_openapi_and_docs_are_served(api: Api) -> None:
    spec = api.get("/openapi.json")
    assert {"/search", "/articles/{article_id}", "/stories/{story_id}", "/health"} <= set(spec["paths"])
    assert api.client.get("/docs").status_code == 200


# matching -----------------------------------------------------------------------------------------


def test_an_inflected_query_finds_the_base_form(api: Api) -> None:
    found = api.search_ids("협력했다")
    assert api.ids["gov"] in found and api.ids["jobs"] in found
    for key in ("gov", "jobs"):
        assert "협력했다" not in _body(api, key) and "협력을" in _body(api, key)


def test_a_quoted_phrase_needs_its_words_in_order(api: Api) -> None:
    assert api.ids["bus"] in api.search_ids('"심야 버스"')
    assert api.ids["bus"] not in api.search_ids('"버스 심야"')
    assert api.ids["bus"] in api.search_ids("버스 심야"), "unquoted words match in any order"


def test_minus_excludes_a_word(api: Api) -> None:
    both = api.search_ids("협력")
    assert {api.ids["gov"], api.ids["jobs"]} <= set(both)
    without = api.search_ids("협력 -일자리")
    assert api.ids["gov"] in without and api.ids["jobs"] not in without
    assert set(without) < set(both)


def test_highlights_mark_the_original_surface(api: Api) -> None:
    hit = next(h for h in api.get("/search", q="협력했다")["results"] if h["id"] == api.ids["jobs"])
    assert any("<mark>협력</mark>을" in h for h in hit["highlights"])
    body = _body(api, "jobs")
    assert all(_plain(h) in body for h in hit["highlights"])


def test_highlights_mark_phrases_whole_in_windows_that_do_not_overlap(api: Api) -> None:
    hits = api.get("/search", q='"아동수당"')["results"]
    marked = {m for hit in hits for h in hit["highlights"] for m in re.findall(r"<mark>(.*?)</mark>", h)}
    assert "아동수당" in marked and "아동" not in marked
    assert all(m.startswith("아동") and m.endswith("수당") for m in marked), marked
    hit = next(h for h in api.get("/search", q="청년 지원")["results"] if h["id"] == api.ids["05"])
    body = _body(api, "05")
    places = [(body.index(_plain(h)), body.index(_plain(h)) + len(_plain(h))) for h in hit["highlights"]]
    assert all(at == 0 or body[at - 1].isspace() for at, _ in places), hit["highlights"]
    assert all(end < start for (_, end), (start, _) in itertools.pairwise(places)), places


def test_title_matches_rank_first(api: Api) -> None:
    hits = api.get("/search", q="심야 버스 노선")["results"]
    assert hits[0]["id"] == api.ids["bus"]


# filters ------------------------------------------------------------------------------------------


def test_source_filter(api: Api) -> None:
    hits = api.get("/search", q="협력", source="고용노동부", size=100)["results"]
    assert api.ids["jobs"] in {h["id"] for h in hits}
    assert {h["source"] for h in hits} == {"고용노동부"}
    assert api.get("/search", q="협력", source="없는 출처")["total"] == 0


def test_category_filter(api: Api) -> None:
    category = api.get(f"/articles/{api.ids['jobs']}")["category"]
    hits = api.get("/search", q="협력", category=category, size=100)["results"]
    assert api.ids["jobs"] in {h["id"] for h in hits} and {h["category"] for h in hits} == {category}


@pytest.mark.parametrize(
    ("first", "last", "inside", "outside"),
    [
        ("2025-12-01", "2025-12-01", {"gov", "paper"}, {"hiking", "jobs"}),  # 00:30 KST is 1 Dec
        ("2025-11-30", "2025-11-30", {"hiking"}, {"gov", "paper"}),  # 23:30 KST is still 30 Nov
        ("2025-10-01", "2025-11-30", {"jobs", "hiking"}, {"gov", "bus"}),
        ("2025-12-01", None, {"gov", "paper"}, {"hiking", "bus"}),
        (None, "2025-09-30", {"bus"}, {"jobs", "gov"}),
    ],
)
def test_dates_are_kst_calendar_days(
    api: Api, first: str | None, last: str | None, inside: set[str], outside: set[str]
) -> None:
    params = {k: v for k, v in (("from", first), ("to", last)) if v}
    hits = api.get("/search", q="밝혔다", size=100, **params)["results"]
    found = {h["id"] for h in hits}
    assert {api.ids[k] for k in inside} <= found and not found & {api.ids[k] for k in outside}
    for hit in hits:
        day = dt.datetime.fromisoformat(hit["published"]).astimezone(KST).date()
        assert (first is None or day >= dt.date.fromisoformat(first)) and (
            last is None or day <= dt.date.fromisoformat(last)
        )


def test_sort_newest(api: Api) -> None:
    hits = api.get("/search", q="밝혔다", sort="newest", size=100)["results"]
    stamps = [dt.datetime.fromisoformat(h["published"]) for h in hits if h["published"]]
    assert len(stamps) >= 5 and stamps == sorted(stamps, reverse=True)
    mine = [h["id"] for h in hits if h["id"] in {api.ids[p.key] for p in WRITTEN}]
    assert mine == [api.ids[k] for k in ("paper", "gov", "hiking", "jobs", "bus")]
    relevance = api.get("/search", q="밝혔다", size=100)["results"]
    assert {h["id"] for h in relevance} == {h["id"] for h in hits}


def test_pages_split_the_same_ordering(api: Api) -> None:
    everything = api.search_ids("밝혔다")
    pages = [
        api.get("/search", q="밝혔다", page=n, size=2)["results"] for n in range(1, len(everything) // 2 + 2)
    ]
    assert [h["id"] for page in pages for h in page] == everything


def test_facets_count_the_matches(api: Api) -> None:
    body = api.get("/search", q="협력", size=100)
    hits = body["results"]
    assert body["total"] == len(hits)
    assert body["facets"]["source"] == dict(Counter(h["source"] for h in hits if h["source"]))
    assert body["facets"]["category"] == dict(Counter(h["category"] for h in hits if h["category"]))
    months = Counter(
        dt.datetime.fromisoformat(h["published"]).astimezone(KST).strftime("%Y-%m") for h in hits
    )
    assert body["facets"]["month"] == dict(months)
    assert body["facets"]["month"]["2025-12"] >= 2, "gov (00:30 KST, 1 Dec) counts in December"
    counts = list(body["facets"]["source"].values())
    assert counts == sorted(counts, reverse=True)


def test_facets_follow_the_filters(api: Api) -> None:
    body = api.get("/search", q="협력", source="행정안전부")
    assert body["facets"]["source"] == {"행정안전부": body["total"]}


# metrics ------------------------------------------------------------------------------------------


def test_metrics_are_prometheus_text(corpus: Corpus, tmp_path: Path) -> None:
    for api in open_api(tmp_path, corpus):
        for _ in range(3):
            api.get("/search", q="협력")
        api.client.get("/articles/999999999")
        response = api.client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'newsdesk_http_requests_total{method="GET",route="/search",status="200"} 3' in text
    assert 'newsdesk_http_requests_total{method="GET",route="/articles/{article_id}",status="404"} 1' in text
    assert "# TYPE newsdesk_http_request_duration_seconds histogram" in text
    # prometheus_client writes labels in its own order (le first) and values as floats (3.0)
    bucket = r'duration_seconds_bucket\{(?=[^}]*route="/search")[^}]*le="([^"]+)"[^}]*\} (\d+)'
    buckets = re.findall(bucket, text)
    assert buckets[-1] == ("+Inf", "3") and [int(n) for _, n in buckets] == sorted(int(n) for _, n in buckets)
    assert 'newsdesk_http_request_duration_seconds_count{route="/search"} 3' in text
    processed = re.search(r'newsdesk_pages\{state="processed"\} (\d+)', text)
    assert processed and int(processed.group(1)) >= len(WRITTEN)
    for line in text.splitlines():
        assert line.startswith("#") or PROMETHEUS_SAMPLE.fullmatch(line), line
