"""A paper's furniture after its text, each on two made-up templates (a div layout and an old
layout table): the reporter box's link to their other stories, an empty comment box (``독자의견
(0)`` / ``등록된 의견이 없습니다``), a footer of bar-set fields with a phone and its copyright.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "도, 청년·신혼부부 공공임대 2천 호 공급…역세권 우선"
LINES = [
    "도는 청년과 신혼부부의 주거 부담을 덜기 위해 2027년까지 공공임대주택 2천 호를 공급한다고 2일 밝혔다.",
    "공급 물량의 70%는 철도역과 버스터미널 반경 500m 안의 역세권에 배치해 출퇴근 편의를 높인다.",
    "첫 입주자 모집은 내년 상반기 도청 인근 300호를 대상으로 진행된다.",
]
REPORTER = '<div class="view-editors"><strong>서지훈 기자</strong> seo@maeul.example 다른기사 보기</div>'
COMMENTS = (
    # a box its class does not name, so only its words tell it
    '<div class="box_b"><p class="tit"><b>독자의견</b> (0)</p>'
    '<p>등록된 의견이 없습니다. <a href="/reply?no=5503">의견쓰기</a></p></div>'
)
FOOTER = (
    '<div class="foot">마을소식 | 대표 마을이 | 충청남도 홍성군 홍성읍 조양로 3 | 전화 041-000-0000 '
    "| Copyright 마을소식</div>"
)


def div_page(after: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 마을소식</title></head><body>
<div class="top"><a href="/">마을소식</a> <a href="/n">뉴스</a> <a href="/p">사람들</a></div>
<div class="article"><h2 class="tit">{TITLE}</h2><div class="date">입력 2025.09.02 15:10</div>
<div class="text">{text}</div>{after}</div></body></html>"""


def table_page(after: str) -> str:
    text = "<br><br>".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>::: 한내일보 :::</title></head><body>
<table width="980"><tr><td><a href="/"><img src="/logo.gif" alt="한내일보"></a></td></tr></table>
<table width="980"><tr><td class="news_title"><b>{TITLE}</b></td></tr>
<tr><td class="news_date">[2025-09-02 15:10]</td></tr>
<tr><td class="news_body">{text}</td></tr><tr><td>{after}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [div_page, table_page])
@pytest.mark.parametrize("after", [REPORTER, COMMENTS, FOOTER])
def test_a_papers_furniture_after_the_text_is_no_text(template: Callable[[str], str], after: str) -> None:
    extracted = extract_page(template(after).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES
