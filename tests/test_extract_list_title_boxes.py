"""A title box set as a definition list: the headline in its ``<dt>``, the decks in its ``<dd>``s.

Two made-up templates: a regional paper's ``dl.view_tit`` with two decks, and a magazine's
``dl.title_box`` with one deck and the date in a last ``<dd>``. The headline is the term alone.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "가온시 1회 추경 540억 편성… 민생경제 회복에 방점"
DECKS = ["소상공인 특례보증·지역화폐 할인 확대", "노후 상하수도관 교체 예산도 반영"]
LINES = [
    "가온시가 올해 첫 추가경정예산안으로 540억원을 편성해 의회에 제출했다고 밝혔다.",
    "소상공인 특례보증 규모를 늘리고, 지역사랑상품권 할인율을 하반기까지 10%로 유지한다.",
    "추경안은 시의회 임시회 심의를 거쳐 다음 달 초 확정될 예정이다.",
]
TEXT = "".join(f"<p>{line}</p>" for line in LINES)


def regional_view() -> str:
    decks = "".join(f"<dd>{deck}</dd>" for deck in DECKS)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} &lt; 가온시민신문</title></head><body>
<div class="view"><dl class="view_tit"><dt>{TITLE}</dt>{decks}</dl>
<div class="view_info">기사작성 : 2025년 05월 08일 14시 30분 | 김하늘 기자</div>
<div class="view_con">{TEXT}</div></div></body></html>"""


def magazine_view() -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 나래매거진</title></head><body>
<div class="wrap"><dl class="title_box"><dt>{TITLE}</dt><dd class="sub">{DECKS[0]}</dd>
<dd class="date">2025.05.08 14:30</dd></dl><div class="content">{TEXT}</div></div></body></html>"""


@pytest.mark.parametrize("template", [regional_view, magazine_view])
def test_the_term_is_the_headline(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert [line for line in extracted.body.split("\n") if line.strip()][-3:] == LINES
