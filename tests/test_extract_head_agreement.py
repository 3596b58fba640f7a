"""How the page's own heading and its window titles agree, each rule on two made-up templates:

- ``사이트 | 제목`` (or ``사이트｜제목``) in ``og:title`` and ``<title>`` agrees with the printed
  ``제목``: the site's name put first, even where the page prints that name nowhere;
- a two-word headline too short to stand alone (``장마 시작``) stands when the printed heading and
  the window title both give it, also over a long sub-headline;
- a box's stock heading (``이 기사와 관련된 기사``, ``많이 본 뉴스``) is never a headline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from nlp.extract import extract_page
from nlp.titles import is_box_heading

KST = ZoneInfo("Asia/Seoul")
LINES = [
    "경북 동해안 해수욕장 25곳이 11일 일제히 문을 열고 본격적인 피서철 손님맞이에 나섰다.",
    "해수욕장은 다음 달 24일까지 운영되며 야간 개장은 포항과 영덕 두 곳에서 한다.",
    "도는 안전요원 420명을 배치하고 드론 순찰과 이안류 감시 장비를 함께 운영한다.",
]
TEXT = "".join(f"<p>{line}</p>" for line in LINES)


def section_page(window: str, heading: str, info: str = "2025년 7월 11일(금) 오후 4:45") -> str:
    return f"""<html><head><meta charset="utf-8"><title>{window}</title>
<meta property="og:title" content="{window}"></head><body>
<section class="view"><h1 class="view_tit">{heading}</h1><p class="view_date">{info}</p>{TEXT}</section>
</body></html>"""


def ndsoft_page(window: str, heading: str, info: str = "입력 2025.07.11 16:45") -> str:
    return f"""<html><head><meta charset="utf-8"><title>{window}</title>
<meta property="og:title" content="{window}"></head><body>
<header><a href="/"><img src="/logo.png" alt="로고"></a>
<nav><a href="/i">이슈</a><a href="/p">정책</a></nav></header>
<article id="article-view"><header class="article-view-header">{heading}
<ul class="infomation"><li>편집부</li><li>{info}</li></ul></header>
<div id="article-view-content-div">{TEXT}</div></article></body></html>"""


HEADLINE = "경북 동해안 해수욕장 25곳 일제 개장"
WHEN = dt.datetime(2025, 7, 11, 16, 45, tzinfo=KST)


@pytest.mark.parametrize("bar", [" | ", "｜", " - "])
def test_a_site_named_first_agrees_with_the_printed_headline(bar: str) -> None:
    window = f"경북프레스{bar}{HEADLINE}"
    for page in (section_page(window, HEADLINE), ndsoft_page(window, f'<h3 class="heading">{HEADLINE}</h3>')):
        extracted = extract_page(page.encode())
        assert extracted.title == HEADLINE
        assert extracted.published == WHEN


SHORT = "장마 시작"
DECK = "제주서 시작된 장맛비 내일 중부까지…평년보다 닷새 일러, 산사태·하천 범람 대비 필요"


@pytest.mark.parametrize(
    ("template", "heading"),
    [
        (section_page, SHORT),
        (ndsoft_page, f'<h3 class="heading">{SHORT}</h3>'),
        (ndsoft_page, f'<h3 class="heading">{SHORT}</h3><h4 class="subheading">{DECK}</h4>'),
    ],
)
def test_a_short_headline_given_by_heading_and_window_stands(
    template: Callable[[str, str], str], heading: str
) -> None:
    extracted = extract_page(template(f"{SHORT} - 주간신문", heading).encode())
    assert extracted.title == SHORT


@pytest.mark.parametrize("template", [section_page, ndsoft_page])
def test_a_short_heading_alone_is_no_headline(template: Callable[[str, str], str]) -> None:
    """Printed but not confirmed by the window title: a menu's or a box's two words."""
    extracted = extract_page(
        template("주간신문", f"<h2>{SHORT}</h2>" if template is ndsoft_page else SHORT).encode()
    )
    assert extracted.title != SHORT


def window_titled_page(box: str) -> str:
    """The headline only in ``<title>`` (the page prints it as a picture); a box's heading over the text."""
    items = (
        '<li><a href="/n/1">항만 물동량 석 달째 늘어</a></li><li><a href="/n/2">어촌마을 10곳 선정</a></li>'
    )
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} : 바다누리신문</title></head><body>
<div class="view"><img src="/title/2025071101.gif" alt=""><h2>{box}</h2><ul>{items}</ul>{TEXT}</div>
</body></html>"""


def og_titled_page(box: str) -> str:
    """The headline only in ``og:title``, ``<title>`` the site's name; the box's heading an ``<h1>``."""
    items = '<li><a href="/a/11">도청 신청사 설계 공모</a></li><li><a href="/a/12">관광객 1천만 명</a></li>'
    return f"""<html><head><meta charset="utf-8"><meta property="og:title" content="{HEADLINE}">
<title>동해일보</title></head><body><h1>{box}</h1><ul>{items}</ul>
<div class="article_body">{TEXT}</div></body></html>"""


@pytest.mark.parametrize("template", [window_titled_page, og_titled_page])
@pytest.mark.parametrize("box", ["이 기사와 관련된 기사", "이 시각 주요뉴스", "오늘의 주요 뉴스"])
def test_a_box_heading_printed_over_the_text_is_no_headline(template: Callable[[str], str], box: str) -> None:
    assert extract_page(template(box).encode()).title == HEADLINE


def test_stock_box_headings_are_known_and_headlines_are_not() -> None:
    assert all(is_box_heading(t) for t in ["관련기사", "이 시각 주요뉴스", "오늘의 주요 뉴스", "인기 기사"])
    assert not any(is_box_heading(t) for t in ["관련 부처 합동 브리핑", "장마 시작", "다른 나라의 청년 정책"])
