"""A regional paper's people boxes beside the article (``인사``, ``부고``: a one-word name over
``▲``/``◇`` entries) are no part of a text that ran into them; an 인사 article made of such entries
keeps them. Two made-up templates: a ``<br>`` text with a right column, and an old layout table.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "청년 월세 지원 대상 확대"
LINES = [
    "정부는 다음 달부터 청년 월세 지원 대상을 넓힌다고 26일 밝혔다.",
    "지원 대상은 만 19세부터 34세까지 무주택 청년이다.",
    "지원 금액은 월 최대 20만 원이며 12개월 동안 지급된다.",
]
BOXES = [
    ("인사", "◇전남도 ▲자치행정국장 박정수 ▲기획조정실 예산담당관 이미경"),
    ("부고", "▲정남희씨 별세, 최상우씨 모친상=26일 목포 한국병원 장례식장, 발인 28일"),
]


def column_page(lines: list[str], title: str = TITLE) -> str:
    text = "<br><br>".join([*lines, "/정다은 기자"])
    boxes = "".join(f"<div class='box'><h4>{name}</h4><p>{entry}</p></div>" for name, entry in BOXES)
    return f"""<html><head><meta charset="utf-8"><title>{title} | 남도신문</title></head><body>
<nav><a href="/">홈</a> <a href="/pol">정치</a> <a href="/soc">사회</a></nav><main><h1>{title}</h1>
<p class="date">입력 2025.06.26 14:03</p><div id="left"><div id="news_body_area">{text}</div></div>
<div id="right">{boxes}</div></main></body></html>"""


def table_page(lines: list[str], title: str = TITLE) -> str:
    text = "<br>\n".join(lines)
    boxes = "".join(f"<tr><td><b>{name}</b></td></tr><tr><td>{entry}</td></tr>" for name, entry in BOXES)
    return f"""<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<table width="980"><tr><td width="680" valign="top"><table width="100%">
<tr><td class="title"><b>{title}</b></td></tr><tr><td>[2025-06-26 14:03]</td></tr>
<tr><td class="text">{text}</td></tr></table></td>
<td width="300" valign="top"><table width="100%">{boxes}</table></td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [column_page, table_page])
def test_people_boxes_beside_the_text_are_no_text(template: Callable[..., str]) -> None:
    extracted = extract_page(template(LINES).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", [column_page, table_page])
def test_an_appointments_article_keeps_its_entries(template: Callable[..., str]) -> None:
    entries = [
        "◇4급 승진 ▲기획예산과장 김민수 ▲자치행정과장 이정희",
        "◇5급 승진 ▲세무과장 박철수 ▲복지정책과장 최영미",
    ]
    extracted = extract_page(template(entries, "[인사] 한들시").encode())
    assert all(entry in extracted.body for entry in entries)
