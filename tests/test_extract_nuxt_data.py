"""Nuxt 3 pages whose article exists only in ``__NUXT_DATA__``, devalue's flat payload.

The test flattens its own state trees the way devalue lays them out (each value once, referenced
by index; dates and reactive wrappers as typed arrays) for two made-up templates: an internet
paper's article view and a public agency's notice board, with different key names and nesting.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from nlp.devalue import is_devalue, unflatten
from nlp.extract import extract_page

KST = ZoneInfo("Asia/Seoul")
HEADLINE = "가온시, 내년 공공 와이파이 2000곳으로 확대"
PARAGRAPHS = (
    "가온시는 내년까지 버스정류장과 공원 등에 공공 와이파이를 2000곳으로 늘린다고 8일 밝혔다.",
    "시는 올해 1200곳인 설치 장소를 교통 약자 이용이 많은 곳부터 차례로 넓힌다.",
    "속도가 느리다는 지적이 많았던 기존 장비 300대도 최신 규격으로 바꾼다.",
    "시 관계자는 “누구나 어디서든 무료로 인터넷을 쓸 수 있게 하겠다”고 말했다.",
)


class Date(str):
    """A value devalue writes as ``["Date", iso]``."""


class Reactive:
    """A value Nuxt's reducer writes as ``["ShallowReactive", index]``."""

    def __init__(self, value: Any) -> None:
        self.value = value


def flatten(root: Any) -> list[Any]:
    """``root`` as devalue's flat array: every value once, containers holding indices."""
    out: list[Any] = []

    def add(value: Any) -> int:
        index = len(out)
        out.append(None)
        if isinstance(value, Reactive):
            out[index] = ["ShallowReactive", add(value.value)]
        elif isinstance(value, Date):
            out[index] = ["Date", str(value)]
        elif isinstance(value, dict):
            out[index] = {key: add(item) for key, item in value.items()}
        elif isinstance(value, list):
            out[index] = [add(item) for item in value]
        else:
            out[index] = value
        return index

    add(root)
    return out


def page(head: str, shell: str, state: Any) -> bytes:
    payload = json.dumps(flatten(state), ensure_ascii=False)
    return (
        f'<html><head><meta charset="utf-8">{head}</head><body><div id="__nuxt">{shell}</div>'
        f'<script type="application/json" id="__NUXT_DATA__" data-ssr="true">{payload}</script>'
        "<script>window.__NUXT__={};window.__NUXT__.config={public:{}}</script></body></html>"
    ).encode()


def paper_view() -> bytes:
    """An article under ``data["article-…"]`` with an HTML body, a Date, and a related list."""
    article = {
        "id": 5521, "title": HEADLINE, "section": "사회",
        "content": "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
        "publishedAt": Date("2025-12-08T10:20:00+09:00"), "reporter": {"name": "한누리"},
    }  # fmt: skip
    related = [{"title": "다른 기사 제목", "url": "/article/5520"}, {"title": "또 다른 기사", "url": "/a/1"}]
    state = Reactive({"data": Reactive({"article-5521": article, "related": related}), "state": {}})
    shell = (
        '<header><a href="/">가온인터넷뉴스</a><nav><a href="/s/1">정치</a> <a href="/s/2">사회</a>'
        ' <a href="/s/3">경제</a></nav></header><main class="article"></main>'
        "<footer>ⓒ 가온인터넷뉴스</footer>"
    )
    return page("<title>가온인터넷뉴스</title>", shell, state)


def agency_board() -> bytes:
    """A board post as ``subject``/``contents`` lines (a list), dated by ``regDate``, under a store."""
    post = {
        "nttId": 880,
        "subject": HEADLINE,
        "contents": list(PARAGRAPHS),
        "regDate": "2025-12-08 10:20",
        "views": 41,
        "files": [{"name": "붙임.hwp"}],
    }
    state = Reactive({"pinia": {"board": {"post": post, "prev": {"subject": "이전 글"}}}})
    shell = '<div class="gnb"><a href="/m1">기관소개</a> <a href="/m2">알림</a></div><div id="view"></div>'
    return page('<title>알림마당 | 가온정보원</title><meta name="robots" content="index">', shell, state)


@pytest.mark.parametrize("template", [paper_view, agency_board])
def test_the_article_in_nuxt_data_is_read(template: Any) -> None:
    extracted = extract_page(template())
    assert extracted.title == HEADLINE
    assert [line for line in extracted.body.split("\n") if line.strip()] == list(PARAGRAPHS)
    assert extracted.published == dt.datetime(2025, 12, 8, 10, 20, tzinfo=KST)


def test_a_cycle_is_cut_and_typed_values_read() -> None:
    flat = [["ShallowReactive", 1], {"self": 0, "when": 2, "tags": 3, "gone": -1}, ["Date", "2025-01-02"],
            ["Set", 4], "정책"]  # fmt: skip
    assert is_devalue(flat)
    assert unflatten(flat) == {"self": None, "when": "2025-01-02", "tags": ["정책"], "gone": None}


@pytest.mark.parametrize("data", [[{"id": 3, "count": 5}], [1, 2, 3], {"a": 1}, []])
def test_plain_json_is_not_taken_for_a_payload(data: Any) -> None:
    assert not is_devalue(data)
