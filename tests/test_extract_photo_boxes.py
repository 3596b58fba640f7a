"""A ``<br>``-lined article opening with its photo box, the lead run on after the box.

Two made-up templates of the table era: a ``div`` page whose box is a ``div`` with the photo and
its caption, and a ``td`` page whose box is a small ``table``. The lead is the text's first line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from nlp.extract import extract_page

HEADLINE = "가온 도시철도 2호선 1단계 공사 본격화"
LINES = [
    "가온 도시철도 2호선 1단계 구간 공사가 본격적으로 시작된다.",
    "가온시는 시청에서 가온역까지 17㎞ 구간의 실시설계를 마치고 공사 발주에 들어간다고 15일 밝혔다.",
    "시 도시철도건설본부장은 교통 체증을 최소화하며 공사하겠다고 말했다.",
    "1단계 구간은 2018년 개통이 목표다.",
]
CAPTION = "지난 14일 가온시청에서 열린 도시철도 2호선 착공 보고회"


def div_page(caption: str) -> str:
    text = "<br><br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온타임즈</title></head><body>
<div id="articleTitle"><font class="title">{HEADLINE}</font></div>
<div id="articleDate"><span>[2011-07-15 09:30]</span> <span class="reporter">홍길동 기자</span></div>
<div id="articleBody"><div class="article_photo"><img src="/photo/1.jpg"><br><span>{caption}</span></div>
{text}<br><br>홍길동 기자</div></body></html>"""


def table_page(caption: str) -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} - 가온신문</title></head><body>
<table width="760"><tr><td class="headline"><b>{HEADLINE}</b></td></tr><tr><td>[2011.07.15 09:30]</td></tr>
<tr><td class="article"><table align="left"><tr><td><img src="/p/1.jpg"></td></tr><tr><td>{caption}</td></tr>
</table>{text}</td></tr></table></body></html>"""


@pytest.mark.parametrize("caption", ["사진설명", CAPTION])
@pytest.mark.parametrize("template", [div_page, table_page])
def test_the_lead_after_a_photo_box_opens_the_text(template: Callable[[str], str], caption: str) -> None:
    extracted = extract_page(template(caption).encode())
    assert extracted.title == HEADLINE
    assert extracted.body.split("\n")[0] == LINES[0]
    assert all(line in extracted.body for line in LINES)


@pytest.mark.parametrize("template", [div_page, table_page])
def test_a_lead_opening_with_the_headlines_words_leaves_the_date_line_between_them(
    template: Callable[[str], str],
) -> None:
    # ``가온 도시철도 2호선 1단계 …`` opens both: the text starts after the headline, under its date
    extracted = extract_page(template(CAPTION).encode())
    assert extracted.published is not None and extracted.published.date() == dt.date(2011, 7, 15)
