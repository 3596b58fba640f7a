"""Highlights: phrases marked whole, windows cut between words, no window overlapping another."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

from nlp.analyse import analyse
from nlp.query import parse_query
from nlp.terms import terms
from search import bm25
from search.highlight import highlights, highlights_from_json

YOUTH = (
    "고용노동부는 2026년 청년 고용 지원 예산을 올해보다 12% 늘린 2조 1,300억 원으로 확정하고, "
    "청년을 정규직으로 채용하는 중소기업에 주는 ‘청년 첫일자리 장려금’ 지원 인원을 5만 명 늘린다고 "
    "16일 밝혔다. 이번 대책은 최근 청년 고용률이 하락세를 보이는 데 따른 것이다.\n"
    "지난 11월 15~29세 청년 고용률은 44.8%로 1년 전보다 0.9%포인트 낮아졌다."
)
ALLOWANCE = (
    "만 8세 아동 약 41만 명이 새로 아동수당을 받게 된다. 아동수당은 아동 양육에 드는 "
    "경제적 부담을 덜기 위해 도입됐다. 지급액은 아동 1인당 월 10만 원이다."
)
MARK = re.compile(r"<mark>(.*?)</mark>")


def _spans(body: str) -> list[list[Any]]:
    """The spans as indexing stores them: unicode61 tokens of each term."""
    return [[tok, t.start, t.end] for t in terms(analyse(body).morphemes()) for tok in bm25.tokens(t.term)]


def _phrases(query: str) -> list[tuple[str, ...]]:
    return [tuple(bm25.flat_tokens(p)) for p in parse_query(query).include]


def _plain(window: str) -> str:
    return MARK.sub(r"\1", window).strip("…").replace("&amp;", "&")


def _both(body: str, query: str) -> list[str]:
    """highlights() and highlights_from_json() agree; the latter is what search serves."""
    spans = _spans(body)
    from_list = highlights(body, spans, _phrases(query))
    for ascii_ in (True, False):
        stored = json.dumps(spans, ensure_ascii=ascii_)
        assert highlights_from_json(body, stored, _phrases(query)) == from_list
    return from_list


def test_windows_start_and_end_between_words() -> None:
    windows = _both(YOUTH, "장려금 지원")
    assert windows
    for window in windows:
        plain = _plain(window)
        at = YOUTH.index(plain)
        assert at == 0 or YOUTH[at - 1].isspace(), window
        after = at + len(plain)
        assert after == len(YOUTH) or YOUTH[after].isspace(), window
    assert not any(w.startswith("…려금") for w in windows)


def test_windows_never_overlap() -> None:
    windows = _both(YOUTH, "청년 지원")
    places = []
    for window in windows:
        plain = _plain(window)
        at = YOUTH.index(plain)
        places.append((at, at + len(plain)))
    for (_, end), (start, _) in itertools.pairwise(places):
        assert end < start, windows
    assert len(places) == len(set(places))


def test_a_quoted_phrase_is_marked_whole_and_only_where_it_stands() -> None:
    windows = _both(ALLOWANCE, '"아동수당"')
    marked = [m for w in windows for m in MARK.findall(w)]
    assert marked and set(marked) == {"아동수당"}, windows


def test_a_two_word_phrase_is_one_mark() -> None:
    windows = _both(YOUTH, '"지원 인원"')
    assert [m for w in windows for m in MARK.findall(w)] == ["지원 인원"]


def test_separate_words_are_marked_each_where_they_stand() -> None:
    windows = _both(ALLOWANCE, "아동 수당")
    marked = [m for w in windows for m in MARK.findall(w)]
    assert "아동" in marked and "아동수당" in marked


def test_a_phrase_split_by_another_word_is_not_marked() -> None:
    body = "아동 양육 수당과 아동 돌봄을 지원한다."
    assert _both(body, '"아동 수당"') == []
