"""A date printed on the line just above the headline, alone or after the section's name (a news
page's kicker row: ``사회 | 2025.06.26 14:03``), dates the page when nothing else does.

Two made-up templates: an internet paper's div head and an older paper's table head. A list's
last date above the headline (another story's) dates nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from nlp.extract import extract_page

KST = ZoneInfo("Asia/Seoul")
TITLE = "가온시, 청년 주거비 지원 대상 2배로 늘린다"
LINES = [
    "가온시는 올해 하반기부터 청년 월세 지원 대상을 1천 명에서 2천 명으로 늘린다고 밝혔다.",
    "지원 대상은 가온시에 사는 만 19세부터 34세까지의 무주택 청년이다.",
    "선정된 청년은 최대 12개월 동안 매월 20만 원의 월세를 지원받는다.",
]
TEXT = "".join(f"<p>{line}</p>" for line in LINES)


def div_head(kicker: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>
<header><a href="/">가온일보</a><nav><a href="/p">정치</a> <a href="/s">사회</a></nav></header>
<article><div class="art-top">{kicker}</div>
<h1 class="art-title">{TITLE}</h1><p class="byline">김한결</p>
<div class="art-body">{TEXT}</div></article>
<footer>가온일보 | 무단전재 및 재배포 금지</footer></body></html>"""


def table_head(kicker: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>누리신문</title></head><body>
<table width="980"><tr><td><a href="/">누리신문</a> <a href="/news">뉴스</a></td></tr>
<tr><td><table><tr><td class="kicker">{kicker}</td></tr>
<tr><td class="tit"><b>{TITLE}</b></td></tr>
<tr><td class="txt">{TEXT}</td></tr></table></td></tr>
<tr><td>누리신문 | 가온시 중앙로 1</td></tr></table></body></html>"""


WHEN = dt.datetime(2025, 6, 26, 14, 3, tzinfo=KST)
KICKERS = [
    ('<span class="date">2025.06.26 14:03</span>', WHEN),
    ('<span class="sec">사회</span> <span class="date">2025.06.26 14:03</span>', WHEN),
    ("정책 | 2025년 6월 26일 (목)", dt.datetime(2025, 6, 26, tzinfo=KST)),
]


@pytest.mark.parametrize("template", [div_head, table_head])
@pytest.mark.parametrize(("kicker", "when"), KICKERS)
def test_the_kicker_date_dates_the_page(
    template: Callable[[str], str], kicker: str, when: dt.datetime
) -> None:
    extracted = extract_page(template(kicker).encode())
    assert extracted.title == TITLE
    assert extracted.published == when
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize("template", [div_head, table_head])
def test_a_list_items_date_above_the_headline_dates_nothing(template: Callable[[str], str]) -> None:
    listing = '<ul class="latest"><li><a href="/n/9">가온항 물동량 역대 최대</a> <p>2025.06.20</p></li></ul>'
    extracted = extract_page(template(listing).encode())
    assert extracted.title == TITLE
    assert extracted.published is None


def test_a_linked_section_label_keeps_its_date() -> None:
    kicker = '<a href="/society">사회</a> <span class="date">2025.06.26 14:03</span>'
    for template in (div_head, table_head):
        assert extract_page(template(kicker).encode()).published == WHEN


def test_the_site_bars_date_over_the_page_dates_nothing() -> None:
    page = f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>
<div class="today">2025.12.04 (목)</div>
<div id="wrap"><h1>{TITLE}</h1><div class="text">{TEXT}</div></div></body></html>"""
    extracted = extract_page(page.encode())
    assert extracted.title == TITLE
    assert extracted.published is None
