"""Table-era news pages: the headline in the largest font with a smaller deck under it, and an
old comment box's prompt under the text.

Two made-up templates: a weekly's layout cell (``<font size=4><b>``, deck ``<font size=3>``) and a
regional paper's view table (``<font size="+2"><strong>``, deck ``<font size="2"><b>``). Neither
prints the headline in its ``<title>``; both close with ``이 기사에 대한 의견 (0)`` and a login prompt.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "가온시 1회 추경 540억 편성"
DECK = "65세 이상·청소년은 버스 무료"
LINES = [
    "가온시가 올해 첫 추가경정예산안으로 540억원을 편성해 의회에 제출했다고 밝혔다.",
    "소상공인 특례보증 규모를 늘리고, 지역사랑상품권 할인율을 하반기까지 10%로 유지한다.",
    "추경안은 시의회 임시회 심의를 거쳐 다음 달 초 확정될 예정이다.",
]
PROMPT = "<p>이 기사에 대한 의견 (0) | 의견쓰기는 로그인 후 가능합니다.</p>"


def weekly_cell() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온주간신문</title></head><body><table>
<tr><td colspan=2><img src="/top.gif" alt="가온주간신문"> <font size=2>제850호 | 발행일 2025.06.05</font>
</td></tr><tr><td valign=top><font size=2><a href="/l?p=1">지역소식</a><br><a href="/l?p=2">교육</a><br>
<a href="/l?p=3">오피니언</a><br><a href="/l?p=4">독자마당</a></font></td>
<td valign=top><font size=4><b>{TITLE}</b></font><br>
<font size=3 color="#555555">{DECK}</font><br><hr size=1><font size=2>2025년 05월 15일 (목) 10:30:00</font>
<div class="article">{text}</div>{PROMPT}</td></tr></table></body></html>"""


def regional_view() -> str:
    text = "<br><br>".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>:: 나래일보 ::</title></head><body>
<table width="760"><tr><td><a href="/">처음</a> <a href="/s/1">정치</a> <a href="/s/2">사회</a></td></tr>
<tr><td class="news"><center><font size="+2"><strong>{TITLE}</strong></font></center><br>
<font size="2" color="gray"><b>{DECK}</b></font><br>기사입력 2025/05/15 [10:30]<br><br>{text}<br><br>
{PROMPT}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [weekly_cell, regional_view])
def test_the_largest_line_is_the_headline(template: Callable[[], str]) -> None:
    assert extract_page(template().encode()).title == TITLE


@pytest.mark.parametrize("template", [weekly_cell, regional_view])
def test_the_comment_prompt_is_no_text(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    lines = [line for line in extracted.body.split("\n") if line.strip()]
    assert lines[-3:] == LINES
    assert not any("의견" in line for line in lines)
