"""A board's post whose headline opens with a month (``12월 …``), on two made-up templates:

- the headline is a ``<div>`` or a cell styled bold inline over the text (a block is a line of its
  own), under a window title naming only the board or the site;
- a window title that is the menu path down to the post (``조합 > 공지사항 > 12월 정기 모임 안내``)
  ends with the post's subject, however short.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page
from nlp.titles import clean_title

TITLE = "12월 조합원 정기 모임 안내"
TEXT = [
    "올해 마지막 조합원 정기 모임을 12월 20일 토요일 오후 2시 조합 사무실에서 엽니다.",
    "이번 모임에서는 내년도 사업 계획과 예산안을 함께 논의합니다.",
    "참석하지 못하는 조합원은 12월 18일까지 위임장을 보내 주시기 바랍니다.",
]


def gnuboard_skin() -> str:
    """An old gnuboard skin: subject in a bold-styled ``<div>``, the text in ``span#writeContents``."""
    text = "<br/>".join(TEXT)
    return f"""<html><head><meta charset="euc-kr"><title>가람협동조합 &gt; 공지사항</title>
</head><body><div style="color:#505050; font-size:13px; font-weight:bold;">{TITLE}</div>
<div style="float:left;">&nbsp;글쓴이 : 관리자</div>
<div style="float:right;">조회 : 31 &nbsp;날짜 : 26-12-03 11:20</div>
<span id="writeContents">{text}</span><p>Copyright ⓒ 가람협동조합</p></body></html>"""


def asp_board() -> str:
    """A welfare centre's ASP board titled by its name alone: the subject a bold-styled cell over the text."""
    text = "".join(f"<p>{line}</p>" for line in TEXT)
    return f"""<html><head><meta charset="euc-kr"><title>가람복지관</title></head>
<body><table width="760"><tr><td style="font-weight:700;font-size:14px;padding:8px">{TITLE}</td>
<td class="hit">조회 31</td></tr><tr><td colspan="2">작성자 : 사무국 | 등록일 : 2026-12-03</td></tr>
<tr><td colspan="2">{text}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [gnuboard_skin, asp_board])
def test_a_posts_month_led_subject_is_its_headline(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode("cp949"))
    assert extracted.title == TITLE
    assert extracted.body.splitlines() == TEXT


def test_a_window_titles_path_down_to_the_post_ends_with_its_subject() -> None:
    assert clean_title(f"가람협동조합 > 공지사항 > {TITLE}") == TITLE
    assert clean_title("정치 > 국회 > 여야 예산 합의") == "여야 예산 합의"
    # a path up from the post keeps its first step
    assert clean_title(f"{TITLE} > 공지사항 > 가람협동조합") == TITLE
