"""Public bodies' boards: a window title that names only the site, its board or its menu path; a
post's subject set as a view table's only header cell; and a board band over the post.

Three made-up templates: a party's statement board (HTML5, the subject in an ``<h3>``), a public
corporation's view table (the subject alone in ``<thead>``) and a council's news board (the subject
in a title-marked ``<p>``). The window titles are the shapes such sites print on every page.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page
from nlp.titles import clean_title, is_headline

ORG = "가온지방법원"
HEADLINE = "가온지방법원, 전자소송 사건 기록 열람 서비스 개선"
LINES = [
    "가온지방법원은 다음 달부터 전자소송 당사자가 제출 서류 전체를 온라인으로 볼 수 있게 한다고 7일 밝혔다.",
    "그동안은 종이로 낸 서류의 스캔이 끝날 때까지 열람이 제한돼 소송이 늦어진다는 지적이 있었다.",
    "법원은 스캔 인력을 늘려 접수 당일 열람이 가능하도록 할 계획이다.",
]
# each printed as <title> and og:title alike, as such sites do
WINDOWS = [
    f"<title>{t}</title><meta property='og:title' content='{t}'>"
    for t in (
        ORG,  # the site's name alone
        f"브리핑·논평 | {ORG}",  # board | site
        f"보도자료 &lt; 홍보센터 &lt; {ORG}",  # the menu path up to the site
        f"법원소식 - {HEADLINE}",  # XE: the board's name before the subject
    )
]
BAND = '<section class="sub-top"><h2>법원 소식</h2><p>가온지방법원의 새 소식을 전해드립니다.</p></section>'


def statement_board(window: str, band: str = "") -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8">{window}</head><body>
<nav><ul><li><a href="/a">소개</a></li><li><a href="/b">소식</a></li></ul></nav>{band}
<div class="board-view"><span class="category">보도</span><div class="view-head"><h3>{HEADLINE}</h3></div>
<div class="info"><span class="date">2024. 03. 07.</span><span class="writer">공보관실</span>
<span class="hit">조회 1430</span></div><div class="contents">{text}</div></div></body></html>"""


def view_table(window: str, band: str = "") -> str:
    text = "<br><br>".join(LINES)
    return f"""<html><head><meta charset="utf-8">{window}</head><body>
<div id="gnb"><a href="/m1">기관소개</a> <a href="/m2">홍보센터</a> <a href="/m3">고객센터</a></div>{band}
<table class="bbs_view"><thead><tr><th scope="col">{HEADLINE}</th></tr></thead>
<tbody><tr><td class="info"><span>작성자 : 공보관실</span> <span>작성일 : 2024.03.07</span>
<span>조회수 : 288</span></td></tr><tr><td class="cont">{text}</td></tr></tbody></table></body></html>"""


def council_board(window: str, band: str = "") -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8">{window}</head><body>
<header><a href="/">가온시의회</a><ul class="gnb"><li><a href="/n">의정소식</a></li></ul></header>{band}
<div class="board_view"><p class="view_title">{HEADLINE}</p>
<ul class="view_info"><li>등록일 2024-03-07</li><li>조회 52</li></ul><div class="view_cont">{text}</div></div>
</body></html>"""


def body_lines(body: str) -> list[str]:
    return [line for line in body.split("\n") if line.strip()]


@pytest.mark.parametrize("template", [statement_board, view_table])
@pytest.mark.parametrize("window", WINDOWS)
def test_a_window_title_naming_the_site_gives_way(template: Callable[..., str], window: str) -> None:
    extracted = extract_page(template(window).encode())
    assert extracted.title == HEADLINE
    assert body_lines(extracted.body) == LINES
    assert extracted.published is not None and extracted.published.date().isoformat() == "2024-03-07"


@pytest.mark.parametrize("template", [statement_board, council_board])
def test_a_board_band_over_the_post_is_no_part_of_it(template: Callable[..., str]) -> None:
    extracted = extract_page(template(WINDOWS[0], BAND).encode())
    assert extracted.title == HEADLINE
    assert body_lines(extracted.body) == LINES


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("‘국민 < 정당’ 논란 다시 불붙어", True),  # a comparison in quotes is no menu path
        ("홍보센터 < 가온토지공사", False),
        ("입장 > 보도 > 논평", False),
        ("가온시 소식 - 시민 안전보험 보장 항목 11개로 늘린다", True),  # not a board name: is_board_label
    ],
)
def test_menu_paths_are_no_headlines(title: str, kept: bool) -> None:
    assert is_headline(clean_title(title)) is kept


def test_a_board_name_before_a_subject_goes() -> None:
    assert clean_title("법원소식 - 전자소송 기록 열람 서비스 개선") == "전자소송 기록 열람 서비스 개선"
    assert clean_title("학교소식 - 제12회 한빛 독서 골든벨 결과") == "제12회 한빛 독서 골든벨 결과"


def test_a_one_word_title_stands_without_a_printed_heading() -> None:
    page = f"""<html><head><meta charset="utf-8"><title>가온봄꽃축제</title></head><body>
<div class="text">{"".join(f"<p>{line}</p>" for line in LINES)}</div></body></html>"""
    assert extract_page(page.encode()).title == "가온봄꽃축제"
