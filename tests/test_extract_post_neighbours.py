"""What a post prints under its text about other posts and its sources: its neighbours by any
name (``▲ 윗글``, ``▼ 아랫글``, ``Prev``) and a credit line without brackets. Sentences with the
same words stay.

Two made-up templates: an education office's board view whose neighbours sit in a table, and a
blog skin's post.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.cleanup import is_boilerplate
from nlp.extract import extract_page

TITLE = "가온교육청, 학생 인권 실태조사 결과 공개"
LINES = [
    "가온교육청은 도내 초중고 학생 1만 2000명을 대상으로 한 인권 실태조사 결과를 5일 공개했다.",
    "학생 열 명 가운데 여덟 명이 학교에서 존중받는다고 답했다.",
    "교육청은 조사 결과를 바탕으로 학교별 인권 교육 계획을 세운다.",
]
UNDER = [
    '<table class="prenext"><tr><td>▲ 윗글</td><td><a href="/v?i=7743">급식실 환기 설비 개선</a></td></tr>'
    '<tr><td>▼ 아랫글</td><td><a href="/v?i=7741">운동부 지도자 처우 개선 계획</a></td></tr></table>',
    '<div class="nav"><p><a href="/p/1">Prev 급식실 환기 설비 개선</a></p>'
    '<p><a href="/p/3">Next 운동부 지도자 처우 개선 계획</a></p></div>',
    "<p>자료제공 : 민주시민교육과 (031-249-0000)</p>",
    "<p>자료 : 가온교육청</p>",
]


def board_view(under: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 교육소식 | 가온교육청</title></head><body>
<div id="gnb"><a href="/a">교육청소개</a> <a href="/b">교육소식</a></div>
<div class="bbs_view"><h3 class="subject">{TITLE}</h3><p class="info">작성일 2025-06-05 | 조회 88</p>
<div class="bbs_cont">{text}</div>{under}</div></body></html>"""


def blog_post(under: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} :: 가온교육청 공식 블로그</title>
<meta property="og:title" content="{TITLE}"></head><body>
<div id="head"><a href="/">가온교육청 공식 블로그</a></div><div class="entry"><h2 class="title">{TITLE}</h2>
<span class="date">2025. 6. 5. 10:00</span><div class="article">{text}</div>{under}</div>
<div id="foot">Designed by 블로그</div></body></html>"""


@pytest.mark.parametrize("template", [board_view, blog_post])
@pytest.mark.parametrize("under", UNDER)
def test_what_a_post_prints_under_it_is_no_text(template: Callable[[str], str], under: str) -> None:
    extracted = extract_page(template(under).encode())
    assert extracted.title == TITLE
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize(
    "line",
    [
        "다음 글에서 자세히 설명한다.",
        "자료: 통계청 조사에 따르면 실업률은 3%로 낮아졌다.",
        "이전 글 목록을 정리했다.",
        "Next 세대 교육과정 개편안은 내년에 나온다.",
    ],
)
def test_sentences_with_the_same_words_stay(line: str) -> None:
    assert not is_boilerplate(line)
