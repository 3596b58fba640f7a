"""Search over morphemes in SQLite FTS5: inflections, short words, phrases, exclusions, hostile input."""

from __future__ import annotations

import html
import random
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ingest.pipeline import Origin, ingest
from nlp.analyse import analyse
from nlp.query import QueryError, parse_query
from nlp.terms import terms
from search.articles import SearchRequest, highlights, match_expression, search
from store.db import Database
from tests.support.pages import COOPERATION, HIKING, SAMPLES, article_html, manifest, sqlite_url

TITLE_PAGE = "https://news.example.com/a/title-bus"
BODY_PAGE = "https://news.example.com/a/body-bus"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, int]]]:
    """The shipped samples plus two pages for ranking, ingested once for the module."""
    database = Database(sqlite_url(tmp_path_factory.mktemp("search") / "search.db"))
    ids: dict[str, int] = {}
    for item in manifest():
        raw = (SAMPLES / item["file"]).read_bytes()
        outcome = ingest(database, raw, Origin(item["url"], item["source"], item["category"]))
        assert outcome.status in ("new", "listing"), outcome
        if outcome.article_id is not None:
            ids[item["file"][:2]] = outcome.article_id
    # Same prose, same length: one says 모노레일 in its title, the other only once in its body.
    title_page = article_html(
        "산림청, 모노레일 등산로 안전시설 정비", [*HIKING, "정비 구간에는 산책로가 포함된다."]
    )
    body_page = article_html(
        "산림청, 국유림 등산로 안전시설 정비", [*HIKING, "정비 구간에는 모노레일이 포함된다."]
    )
    for url, raw in ((TITLE_PAGE, title_page), (BODY_PAGE, body_page)):
        outcome = ingest(database, raw, Origin(url, "테스트일보"))
        assert outcome.status == "new", outcome
        assert outcome.article_id is not None
        ids[url] = outcome.article_id
    yield database, ids
    database.dispose()


def _ids(database: Database, query: str, limit: int = 10) -> list[int]:
    with database.transaction() as session:
        return [hit.article_id for hit in search(session, query, limit=limit).hits]


def _body(database: Database, article_id: int) -> str:
    from store.models import Article

    with database.transaction() as session:
        article = session.get(Article, article_id)
        assert article is not None
        return article.body


# matching ----------------------------------------------------------------------------------------


def test_an_inflected_verb_finds_other_inflections(corpus: tuple[Database, dict[str, int]]) -> None:
    database, ids = corpus
    found = _ids(database, "협력했다")
    assert ids["01"] in found and ids["02"] in found
    for key in ("01", "02"):
        body = _body(database, ids[key])
        assert "협력했다" not in body and re.search(r"협력[을해]", body)


@pytest.mark.parametrize("word", ["청년", "고용"])
def test_two_syllable_words_match(corpus: tuple[Database, dict[str, int]], word: str) -> None:
    database, ids = corpus
    found = _ids(database, word)
    assert found and found[0] == ids["05"], "the page that says it most often ranks first"


def test_euc_kr_sample_is_searchable_in_korean(corpus: tuple[Database, dict[str, int]]) -> None:
    database, ids = corpus
    assert ids["05"] in _ids(database, "첫일자리 장려금")


def test_quoted_phrase_needs_the_words_in_order(corpus: tuple[Database, dict[str, int]]) -> None:
    database, ids = corpus
    assert ids["03"] in _ids(database, '"올빼미 버스"')
    assert ids["03"] not in _ids(database, '"버스 올빼미"')
    assert ids["03"] in _ids(database, "버스 올빼미"), "unquoted words match in any order"


def test_minus_excludes_a_word(corpus: tuple[Database, dict[str, int]]) -> None:
    database, ids = corpus
    both = _ids(database, "아동수당")
    assert {ids["01"], ids["02"]} <= set(both)
    only_ministry = _ids(database, "아동수당 -학부모")
    assert ids["01"] in only_ministry and ids["02"] not in only_ministry
    assert "학부모" in _body(database, ids["02"])


def test_a_title_match_ranks_above_a_body_only_match(corpus: tuple[Database, dict[str, int]]) -> None:
    database, ids = corpus
    found = _ids(database, "모노레일")
    assert found == [ids[TITLE_PAGE], ids[BODY_PAGE]]
    with database.transaction() as session:
        hits = search(session, "모노레일").hits
    assert hits[0].score > hits[1].score


def test_pages_and_total(corpus: tuple[Database, dict[str, int]]) -> None:
    database, _ = corpus
    with database.transaction() as session:
        everything = search(session, "등산로", limit=10)
        first = search(session, SearchRequest(q="등산로", size=1, page=1, facets=False))
        second = search(session, SearchRequest(q="등산로", size=1, page=2, facets=False))
    assert everything.total == 2 and len(everything.hits) == 2
    assert first.total == 2 and len(first.hits) == 1
    assert [first.hits[0].article_id, second.hits[0].article_id] == [h.article_id for h in everything.hits]


def test_hit_carries_article_fields(corpus: tuple[Database, dict[str, int]]) -> None:
    database, ids = corpus
    with database.transaction() as session:
        hit = next(h for h in search(session, "올빼미버스").hits if h.article_id == ids["03"])
    assert hit.url == "https://www.briefing.example.com/briefing/view.do?newsId=1003"
    assert hit.source == "서울특별시"
    assert "올빼미버스" in hit.title
    assert hit.published is not None and hit.published.utcoffset() is not None


def test_nothing_matches_gives_no_hits(corpus: tuple[Database, dict[str, int]]) -> None:
    database, _ = corpus
    with database.transaction() as session:
        results = search(session, "양자컴퓨터")
    assert results.total == 0 and results.hits == []


def test_search_on_an_empty_database(tmp_path: Path) -> None:
    database = Database(sqlite_url(tmp_path / "empty.db"))
    with database.transaction() as session:
        assert search(session, "협력").total == 0
    database.dispose()


# highlights --------------------------------------------------------------------------------------


def test_snippet_marks_the_matched_surface_in_the_original_text(
    corpus: tuple[Database, dict[str, int]],
) -> None:
    database, ids = corpus
    with database.transaction() as session:
        hit = next(h for h in search(session, "협력했다").hits if h.article_id == ids["01"])
    assert "<mark>협력</mark>을" in hit.snippet
    plain = html.unescape(hit.snippet.replace("<mark>", "").replace("</mark>", "")).strip("…")
    assert plain in _body(database, ids["01"])


def _spans(body: str) -> list[list[Any]]:
    return [[t.term, t.start, t.end] for t in terms(analyse(body).morphemes())]


def test_highlights_mark_only_the_query_words() -> None:
    body = "\n".join(COOPERATION)
    spans = _spans(body)
    windows = highlights(body, spans, {"협력"})
    assert windows and windows[0].startswith("행정안전부는")
    assert "<mark>협력</mark>을" in windows[0]
    assert any("<mark>협력</mark>해" in w for w in windows)
    assert highlights(body, spans, {"없는말"}) == []
    (later,) = highlights(body, spans, {"시도"})
    assert "<mark>시도</mark>와 협력해" in later


def test_highlights_mark_a_compound_once() -> None:
    body = "정부는 내년부터 아동수당 지급 대상을 넓힌다."
    (window,) = highlights(body, _spans(body), {"아동", "수당"})
    assert "<mark>아동수당</mark> 지급" in window


def test_highlights_escape_the_body() -> None:
    body = "<b>협력</b> & 지원을 약속했다."
    (window,) = highlights(body, _spans(body), {"협력"})
    assert "<b>" not in window and "&amp;" in window and "<mark>협력</mark>" in window


# hostile and odd queries -------------------------------------------------------------------------

HOSTILE = [
    '"',
    "'",
    "')--",
    "*",
    "OR",
    "AND",
    "NEAR(",
    "-",
    "--",
    '""',
    "NOT",
    "^",
    ":",
    "col:term",
    "title_terms:협력",
    "{title_terms body_terms}: 협력",
    "NEAR(협력 아동, 3)",
    "협력*",
    "협력 OR 아동",
    "협력 NOT 아동",
    '"협력',
    '협력"',
    'a"b"c',
    "'; DROP TABLE articles; --",
    "협력" * 5000,
    "x" * 10_000,
    "협력 " * 2000,
    "\x00협력\x1f\x7f",
    "\u200b\u200e",
    "\ud800",
    "🙂",
    "-협력",
    "- 협력",
    "---협력",
    "((협력))",
    "협력 AND (아동",
    "3,000억 원",
    unicodedata.normalize("NFD", "협력"),
]


def _call(database: Database, query: str) -> Any:
    with database.transaction() as session:
        return search(session, query)


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q[:20]))
def test_hostile_queries_raise_only_query_error(corpus: tuple[Database, dict[str, int]], query: str) -> None:
    database, ids = corpus
    try:
        results = _call(database, query)
    except QueryError:
        return
    # anything else is an ordinary answer: hits from the corpus, never more than the total
    assert len(results.hits) <= results.total
    assert {h.article_id for h in results.hits} <= set(ids.values())


def test_random_junk_raises_only_query_error(corpus: tuple[Database, dict[str, int]]) -> None:
    database, _ = corpus
    punctuation = list("\"'*-+^:(){}[]<>,.;!?~`|\\/=&%$#@ \t\n")
    alphabet = [*punctuation, "AND", "OR", "NOT", "NEAR", "협력", "아동", "ㅎ"]
    rng = random.Random(20251205)
    for _ in range(150):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        try:
            _call(database, query)
        except QueryError:
            continue


EXPRESSIONS = [*HOSTILE, "아동수당 -학부모", '"올빼미 버스" 심야']


@pytest.mark.parametrize("query", EXPRESSIONS, ids=lambda q: repr(q[:20]))
def test_match_expression_keeps_user_punctuation_inside_quotes(query: str) -> None:
    try:
        expression = match_expression(parse_query(query))
    except QueryError:
        return
    outside = re.sub(r'"(?:[^"]|"")*"', " ", expression)
    assert set(outside.split()) <= {"AND", "NOT"}, expression
    assert expression.count('"') % 2 == 0


def test_only_exclusions_is_a_query_error() -> None:
    with pytest.raises(QueryError):
        parse_query("-협력 -아동")


def test_decomposed_hangul_finds_the_same_as_composed(corpus: tuple[Database, dict[str, int]]) -> None:
    database, _ = corpus
    composed = _ids(database, "협력")
    assert composed
    assert _ids(database, unicodedata.normalize("NFD", "협력")) == composed
    assert _ids(database, unicodedata.normalize("NFD", "협력했다")) == _ids(database, "협력했다")


def test_latin_terms_ignore_case(corpus: tuple[Database, dict[str, int]]) -> None:
    database, ids = corpus
    assert ids["03"] in _ids(database, "N75번")
    assert _ids(database, "n75") == _ids(database, "N75")
