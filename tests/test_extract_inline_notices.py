"""Notices a news page sets inside or after the text: an ad slot's label, the heading of a box of
more items, and the open-licence mark; and the sentences that use the same words and stay.

Two made-up templates: a WordPress news theme whose ad slots sit between the paragraphs with a
dashed label, and a public office's policy-news view with a card-news box and the licence mark.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.cleanup import is_boilerplate
from nlp.extract import extract_page

TITLE = "가온시, 공공 자전거 대여소 40곳 늘린다"
LINES = [
    "가온시는 올해 공공 자전거 대여소 40곳을 새로 설치한다고 3일 밝혔다.",
    "시는 지하철역과 대학가 주변에 대여소를 우선 배치하고 자전거 600대를 추가로 들여온다.",
    "이용 요금은 1시간에 1000원으로 지금과 같다.",
]
NOTICES = [
    "- Advertisement -",
    "― 광고 ―",
    "카드뉴스 더보기",
    "포토 더보기 +",
    "본 저작물은 공공누리 제1유형: 출처표시 조건에 따라 이용할 수 있습니다.",
]


def wp_news_theme(notice: str) -> str:
    first, *rest = (f"<p>{line}</p>" for line in LINES)
    slot = f'<div class="ad-inline"><span class="ad-label">{notice}</span><ins class="slot"></ins></div>'
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가온투데이</title>
<meta property="og:title" content="{TITLE}"></head><body>
<header><a href="/">가온투데이</a><nav><a href="/c/1">정치</a> <a href="/c/2">사회</a></nav></header>
<article class="post"><h1 class="entry-title">{TITLE}</h1>
<time class="entry-date" datetime="2025-03-03T09:10:00+09:00">2025년 3월 3일</time>
<div class="entry-content">{first}{slot}{"".join(rest)}</div></article>
<aside><h4>많이 본 기사</h4><ul><li><a href="/p/9">다른 기사 제목입니다</a></li></ul></aside></body></html>"""


def policy_view(notice: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>정책소식 &gt; 가온시</title></head><body>
<div id="gnb"><a href="/a">시정소식</a> <a href="/b">정책뉴스</a> <a href="/c">참여</a></div>
<div class="board-view"><div class="view-head"><h4 class="subject">{TITLE}</h4>
<span class="date">등록일 2025-03-03</span> <span class="dept">교통정책과</span></div>
<div class="view-body">{text}<p>{notice}</p></div>
<div class="card-box"><ul><li><a href="/card/1">카드뉴스 한 장</a></li></ul></div></div></body></html>"""


@pytest.mark.parametrize("template", [wp_news_theme, policy_view])
@pytest.mark.parametrize("notice", NOTICES)
def test_a_notice_is_no_text(template: Callable[[str], str], notice: str) -> None:
    extracted = extract_page(template(notice).encode())
    assert extracted.title == TITLE
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize(
    "line",
    [
        "시는 이번 자료를 공공누리 제1유형으로 개방해 누구나 자유롭게 활용하도록 했다.",
        "구는 저작물 이용조건을 알기 쉽게 바꾼 안내서를 냈다.",
        "광고 시장 규모는 지난해 15조 원을 넘었다.",
        "시민 의견을 더 보기 위해 설문을 연장했다.",
    ],
)
def test_sentences_with_the_same_words_stay(line: str) -> None:
    assert not is_boilerplate(line)
