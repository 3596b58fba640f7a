"""A press release's data table keeps its rows and figures, its total row too (``| 전체 | …``).

Two made-up templates: a city's board view whose body cell holds the release's table (plain
cells), and a ministry's HTML5 news page whose table came from HWP (each cell a styled ``<p>``).
Each is written long and short: a short page goes through trafilatura's fallback, which prints
the cells one per line or the whole page as one line. The board's own rows (``작성일``/``조회수``),
the headline and the date stay out of the text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.cleanup import table_row
from nlp.extract import extract_page

TITLE = "가온시, 내년 청년 일자리 예산 1,200억원 편성"
ROWS = [
    ["구분", "2025년", "2026년", "증감"],
    ["창업 지원", "400", "520", "120"],
    ["취업 연계", "350", "410", "60"],
    ["전체", "1,043", "1,200", "157"],
]
BEFORE = [
    "가온시는 내년 청년 일자리 예산으로 모두 1,200억원을 편성했다고 2일 밝혔다.",
    "올해보다 15% 늘어난 규모로, 청년 창업 지원과 취업 연계 사업에 집중해 쓰인다.",
    "분야별 예산은 다음과 같다.",
]
AFTER = [
    "시는 하반기 중 사업별 성과를 점검해 다음 예산 편성에 반영할 계획이다.",
    "가온시장은 “청년이 머무는 도시를 만들기 위해 일자리 예산을 아끼지 않겠다”고 말했다.",
]


def paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def plain_cells() -> str:
    return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)


def hwp_cells() -> str:
    cell = "<td><p class='HStyle0' style='text-align:center'><span style='font-size:10pt'>{}</span></p></td>"
    return "".join("<tr>" + "".join(cell.format(c) for c in row) + "</tr>" for row in ROWS)


def board_view(before: list[str] = BEFORE, after: list[str] = AFTER, table: bool = True) -> str:
    return f"""<html><head><meta charset="utf-8"><title>보도자료 상세 | 가온시</title></head><body>
<div id="gnb"><a href="/a">시정소식</a> <a href="/b">보도자료</a> <a href="/c">고시공고</a></div>
<table class="bbs_view"><tr><th>제목</th><td colspan="3">{TITLE}</td></tr>
<tr><th>작성일</th><td>2026-12-02</td><th>조회수</th><td>321</td></tr>
<tr><td colspan="4"><div class="view_cont">{paragraphs(before)}
{f'<table border="1">{plain_cells()}</table>' if table else ""}{paragraphs(after)}
</div></td></tr></table></body></html>"""


def news_page(before: list[str] = BEFORE, after: list[str] = AFTER, table: bool = True) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가온부</title></head><body>
<nav><a href="/n">뉴스</a> <a href="/p">정책</a> <a href="/b">브리핑</a></nav>
<main><article><h1>{TITLE}</h1><p class="date">2026.12.02</p><div class="article-body">
{paragraphs(before)}{f"<table class='hwp'>{hwp_cells()}</table>" if table else ""}{paragraphs(after)}
</div></article></main>
</body></html>"""


TABLE = ["| " + " | ".join(row) + " |" for row in ROWS]


@pytest.mark.parametrize("template", [board_view, news_page])
@pytest.mark.parametrize(("before", "after"), [(BEFORE, AFTER), (BEFORE[:1], AFTER[:1])])
def test_the_table_stays_in_the_text_row_by_row(
    template: Callable[..., str], before: list[str], after: list[str]
) -> None:
    extracted = extract_page(template(before, after).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == [*before, *TABLE, *after]


@pytest.mark.parametrize("template", [board_view, news_page])
def test_a_short_text_comes_as_its_lines(template: Callable[..., str]) -> None:
    extracted = extract_page(template(BEFORE[:1], AFTER[:1], table=False).encode())
    assert extracted.body.split("\n") == [BEFORE[0], AFTER[0]]


@pytest.mark.parametrize(
    ("row", "text"),
    [
        ("| 전체 | 1,043 | 1,200 | 157 |", "| 전체 | 1,043 | 1,200 | 157 |"),
        ("| 전체 | 12.5% | △3.1%p |", "| 전체 | 12.5% | △3.1%p |"),
        ("| 전체 | 보도자료 | 공지사항 |", ""),
        ("| 작성일 | 2026.12.02 | 조회수 | 321 |", ""),
    ],
)
def test_a_page_type_word_leads_a_row_of_figures(row: str, text: str) -> None:
    assert table_row(row) == text
