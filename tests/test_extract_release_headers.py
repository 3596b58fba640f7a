"""A ministry's release view: a header table whose subject cell sets the deck (부제) under the
headline, and whose accessible caption lists the columns, 배포일시 and 보도시점 among them.

Two made-up templates: a KWCAG board table (``<th>제목</th>``, the deck a ``<p>``) and an older
view table (a ``<td>`` label, the deck after a ``<br>``). The headline is the headline alone, the
caption is no text, and the body keeps its repeated headline out.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "폐배터리 재활용 의무율 2030년까지 70%로 높인다"
DECK = "- 전기차 폐배터리 회수·보관 기준 신설"
CAPTION = "보도자료 상세 - 제목, 담당부서, 담당자, 연락처, 배포일시, 보도시점, 첨부파일"
LINES = [
    "□ 가온환경부는 폐배터리 재활용 의무율을 2030년까지 70%로 높이는 개정안을 입법예고한다고 밝혔다.",
    "○ 이번 개정안은 폐배터리 회수부터 재활용까지 관리 체계를 정비하기 위해 마련됐다.",
]


def board_table() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 알림·소식 | 가온환경부</title></head><body>
<table class="board_view"><caption>{CAPTION}</caption><tbody>
<tr><th scope="row">제목</th><td colspan="3" class="subject">[보도자료] {TITLE}<p>{DECK}</p></td></tr>
<tr><th scope="row">담당부서</th><td>자원순환과</td><th scope="row">등록일</th><td>2025-05-15</td></tr>
<tr><th scope="row">배포일시</th><td>2025. 5. 15.(목) 11:00</td>
<th scope="row">보도시점</th><td>2025. 5. 16.(금) 조간</td></tr></tbody></table>
<div class="view_cont"><p style="text-align:center"><b>{TITLE}</b></p>{text}</div></body></html>"""


def view_table() -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온환경부</title></head><body>
<table summary="{CAPTION}"><caption>{CAPTION}</caption>
<tr><td class="label">제목</td><td class="value">{TITLE}<br><span class="sub">{DECK}</span></td></tr>
<tr><td class="label">등록일</td><td class="value">2025.05.15</td></tr>
<tr><td colspan="2"><div class="hwp">{text}</div></td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [board_table, view_table])
def test_the_header_table_gives_the_headline_alone(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.published is not None and extracted.published.date().isoformat() == "2025-05-15"
    lines = [line for line in extracted.body.split("\n") if line.strip()]
    assert lines[-2:] == LINES
    assert CAPTION not in lines


HWP_HEAD = (
    "<table class='hwp-head'><tr><td>보 도 자 료</td><td>보도시점</td><td>즉시 보도 가능</td><td>배포</td>"
    "<td>2025. 5. 15.(목) 11:00</td></tr></table>"
)
DECKS = [DECK, "- 「자원순환기본법 시행령」 개정안 16일부터 40일간 입법예고"]


def hwp_board() -> str:
    decks = "".join(f"<p>{deck}</p>" for deck in DECKS)
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 알림·소식 | 가온환경부</title></head><body>
<table class="board_view"><tr><th>제목</th><td class="subject">[보도자료] {TITLE}{decks}</td></tr>
<tr><th>등록일</th><td>2025-05-15</td></tr></table>
<div class="view_cont">{HWP_HEAD}{decks}<p style="text-align:center"><b>{TITLE}</b></p>{text}</div>
</body></html>"""


def hwp_view() -> str:
    decks = "<br>".join(DECKS)
    text = "".join(f"<div>{line}</div>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온환경부 보도자료</title></head><body>
<table><tr><td class="label">제목</td><td class="value">{TITLE}<div class="sub">{decks}</div></td></tr>
<tr><td class="label">등록일</td><td class="value">2025.05.15</td></tr></table>
<div id="hwpContent">{HWP_HEAD}<div>{decks}</div><div><b>{TITLE}</b></div>{text}</div></body></html>"""


@pytest.mark.parametrize("template", [hwp_board, hwp_view])
def test_an_hwp_header_and_decks_before_the_repeated_headline(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    lines = [line for line in extracted.body.split("\n") if line.strip()]
    assert lines[-2:] == LINES
    assert not any("보도시점" in line for line in lines)
