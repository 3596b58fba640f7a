"""What public institutions' pages print around a post: a contact in angle brackets, a one-question
survey, a previous/next box marked ▲/▼, the footer's address line, a breadcrumb with middle dots.

Two made-up templates: a police or fire department's ``div`` board, and an agency's old layout
table. Each piece of furniture sits where such pages print it; none of it is the post's text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.cleanup import is_boilerplate
from nlp.extract import extract_page

TITLE = "다중이용시설 240곳 겨울철 소방안전 점검"
LINES = [
    "가온소방재난본부는 12월 한 달간 요양병원과 전통시장 등 다중이용시설 240곳의 소방안전을 점검한다.",
    "비상구 폐쇄나 소화설비 차단, 피난 통로 적치 등 중대 위반 사항은 즉시 과태료를 부과할 방침이다.",
    "본부는 점검 결과를 시설별로 안내하고, 지적 사항이 많은 시설은 내년 상반기에 다시 확인할 계획이다.",
]
CRUMB = "Home · 알림마당 · 보도자료"
UNDER = [
    "<p>&lt;담당: 예방안전과 화재조사팀 소방경 홍길동 031-000-2345&gt;</p>",
    "<div class='satisfy'><p>이 정보가 도움이 되셨나요?</p><button>예</button><button>아니오</button></div>",
    "<table><tr><td>▲ 이전글 : <a href='view.asp?idx=881'>봄철 산불 예방 캠페인</a></td></tr>"
    "<tr><td>▼ 다음글 : <a href='view.asp?idx=879'>여름철 물놀이 안전 수칙</a></td></tr></table>",
    "<p class='addr'>가온도 가온시 중앙로 100 | TEL 031-000-0000 | FAX 031-000-0001</p>",
]


def div_board(under: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    head = "<title>보도자료 | 알림마당 | 가온소방재난본부</title>"
    return f"""<html><head><meta charset="utf-8">{head}</head><body>
<header><h1><a href="/">가온소방재난본부</a></h1></header><section class="sub"><h2>보도자료</h2>
<div class="loc">{CRUMB}</div><div class="bbs-view"><h3>{TITLE}</h3><p>등록일 2024.12.02</p>
<div class="view-cont">{text}{under}</div></div></section></body></html>"""


def layout_table(under: str) -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온안전진흥원</title></head><body>
<table width="980"><tr><td colspan="2"><a href="/">홈</a> | <a href="/i/">소개</a> | <a href="/n/">알림</a>
</td></tr>
<tr><td width="190"><a href="list.asp?bid=news">- 진흥원 소식</a></td><td width="790">{CRUMB}
<table width="100%"><tr><td>제 목</td><td colspan="3"><b>{TITLE}</b></td></tr>
<tr><td>작성자</td><td>안전기획팀</td><td>등록일</td><td>2024-12-02</td></tr>
<tr><td colspan="4"><font size="2">{text}</font></td></tr></table>{under}</td></tr></table></body></html>"""


def article_board(under: str) -> str:
    text = "".join(f"<div>{line}</div>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가온시청</title></head><body>
<div id="gnb"><a href="/a">시정소식</a> <a href="/b">보도자료</a> <a href="/c">고시공고</a></div>
<main><p class="path">{CRUMB}</p><article class="post"><header><h2 class="post-title">{TITLE}</h2>
<span class="date">2024-12-02</span></header><section class="post-body">{text}</section>{under}
</article></main>
</body></html>"""


@pytest.mark.parametrize(
    ("template", "under"),
    [
        *((div_board, under) for under in UNDER),
        (layout_table, UNDER[2]),
        (layout_table, UNDER[3]),
        *((article_board, under) for under in UNDER),
    ],
)
def test_a_public_pages_furniture_is_no_text(template: Callable[[str], str], under: str) -> None:
    extracted = extract_page(template(under).encode())
    assert extracted.title == TITLE
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize(
    "line",
    [
        "시는 상담 전화(02-000-0000)를 운영한다.",
        "이번 조치가 도움이 되었냐는 질문에 시민 80%가 그렇다고 답했다.",
        "홈 쇼핑·온라인 판매가 크게 늘었다.",
    ],
)
def test_sentences_with_the_same_words_stay(line: str) -> None:
    assert not is_boilerplate(line)
