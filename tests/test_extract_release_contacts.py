"""What a public office prints around a release's text: its send and run times, an unlabelled
info line, the contact under the text, the footer's address and the satisfaction survey.

Two made-up templates: an education office's HTML5 news view and a statistics office's old
layout table. Each piece sits where such pages print it; none of it is the release's text, and
sentences using the same words stay.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.cleanup import is_boilerplate
from nlp.extract import extract_page

TITLE = "가온교육청, 학교 급식실 환기 설비 개선에 120억 원 투입"
LINES = [
    "가온교육청은 조리 종사자 건강을 위해 올해 급식실 150곳의 환기 설비를 개선한다고 26일 밝혔다.",
    "교육청은 급식실 후드와 급·배기 장치를 교체하는 데 120억 원을 투입한다.",
    "지난해 조리 종사자 만족도 조사에서 환기 설비 개선을 바란다는 응답이 가장 많았다.",
]
ABOVE = [
    "<p>배포일시 2025. 6. 26.(목) 11:00 보도일시 2025.6.27.(금) 조간</p>",
    "<p>보도일시 2025.6.26.(목) 08:00 게시일 2025-06-26 담당 : 급식지원과 (055-210-5031)</p>",
    "<p>급식지원과 | 2025년 6월 26일(목) | 조회 81</p>",
]
UNDER = [
    "<p>자료문의 : 급식지원과 장학사 김하나 (055-210-5031)</p>",
    "<p>콘텐츠 담당 : 대변인 언론팀 (055-210-5000)</p>",
    "<p>(51154) 가온시 중앙대로 241 · 민원상담 055-210-5114</p>",
    "<p>이 페이지에서 제공하는 정보에 대하여 어느 정도 만족하셨습니까?</p>",
]


def news_view(above: str, under: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>교육소식 | 가온교육청</title></head><body>
<nav><a href="/a">기관소개</a> <a href="/b">교육소식</a> <a href="/c">정보공개</a></nav>
<main><div class="news-view"><h3 class="tit">{TITLE}</h3>{above}
<div class="cont">{text}</div>{under}</div></main></body></html>"""


def layout_table(above: str, under: str) -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온통계처</title></head><body>
<table width="960"><tr><td><a href="/">홈</a> | <a href="/n/">알림</a> | <a href="/d/">통계자료</a></td></tr>
<tr><td><table width="100%"><tr><td><b>{TITLE}</b></td></tr><tr><td>{above}</td></tr>
<tr><td><font size="2">{text}</font></td></tr></table>{under}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [news_view, layout_table])
@pytest.mark.parametrize(("above", "under"), list(zip(ABOVE + ABOVE[:1], UNDER, strict=True)))
def test_a_release_is_its_text(template: Callable[[str, str], str], above: str, under: str) -> None:
    extracted = extract_page(template(above, under).encode())
    assert extracted.title == TITLE
    assert extracted.published is not None and extracted.published.date().isoformat() == "2025-06-26"
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize(
    "line",
    [
        "시민 만족도 조사에서 응답자의 82%가 서비스에 만족한다고 답했다.",
        "시는 중앙대로 241 일대 도로를 다음 달까지 정비한다.",
        "보도일시를 지키지 않은 언론사는 자료 제공이 제한된다.",
    ],
)
def test_sentences_with_the_same_words_stay(line: str) -> None:
    assert not is_boilerplate(line)
