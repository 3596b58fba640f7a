"""A page that prints a relative time (``3시간 전``, ``어제``) and keeps the absolute one in the
element's ``title`` tooltip: the tooltip dates the page.

Two made-up templates: an internet paper's article header and a community-style board post. A
relative time in an ``<aside>`` (another story's) dates nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from nlp.extract import extract_page

KST = ZoneInfo("Asia/Seoul")
TITLE = "가온시, 청년 월세 지원 대상 확대"
LINES = [
    "가온시는 청년 월세 지원 대상을 연 소득 5000만 원 이하로 넓힌다고 26일 밝혔다.",
    "지원 금액은 월 20만 원이며 최대 12개월 동안 받을 수 있다.",
    "신청은 다음 달 1일부터 시 누리집에서 받는다.",
]
TEXT = "".join(f"<p>{line}</p>" for line in LINES)


def paper(stamp: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가온신문</title></head><body>
<header><a href="/">가온신문</a><nav><a href="/1">정치</a> <a href="/2">사회</a></nav></header>
<div class="view"><h1 class="headline">{TITLE}</h1>
<div class="info"><span class="writer">김가온 기자</span> {stamp}</div><div class="text">{TEXT}</div></div>
<aside><h4>많이 본 뉴스</h4><a href="/9">다른 기사</a> <span title="2025-06-20 08:00">6일 전</span></aside>
<footer>ⓒ 가온신문</footer></body></html>"""


def board(stamp: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>자유게시판 | 가온마을</title></head><body>
<div id="menu"><a href="/b/free">자유게시판</a> <a href="/b/news">마을소식</a></div>
<div class="post"><div class="post-head"><h3 class="subject">{TITLE}</h3>
<ul class="meta"><li class="nick">가온이</li><li>{stamp}</li><li>조회 31</li></ul></div>
<div class="post-body">{TEXT}</div></div></body></html>"""


STAMPS = [
    ('<span class="time" title="2025-06-26 14:03">3시간 전</span>', dt.datetime(2025, 6, 26, 14, 3)),
    ('<em class="date" title="2025.06.26. 14:03">어제</em>', dt.datetime(2025, 6, 26, 14, 3)),
    ('<span title="2025년 6월 26일 오후 2:03">입력 5분 전</span>', dt.datetime(2025, 6, 26, 14, 3)),
]


@pytest.mark.parametrize("template", [paper, board])
@pytest.mark.parametrize(("stamp", "when"), STAMPS)
def test_the_tooltip_dates_the_page(template: Callable[[str], str], stamp: str, when: dt.datetime) -> None:
    extracted = extract_page(template(stamp).encode())
    assert extracted.title == TITLE
    assert extracted.published == when.replace(tzinfo=KST)
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize("template", [paper, board])
def test_a_relative_time_without_a_date_behind_it_dates_nothing(template: Callable[[str], str]) -> None:
    extracted = extract_page(template('<span title="최근 소식">3시간 전</span>').encode())
    assert extracted.title == TITLE
    assert extracted.published is None
