"""A reporter's kind before the role word (``신가영 시민기자``, ``박한결 객원 기자``) is no second
author, on two made-up templates: a Drupal node closing with an emphasised byline, and a paper's
info line under the headline.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "작은 학교 통폐합 대신 주민과 함께 쓰는 학교 복합시설로"
TEXT = "".join(
    f"<p>{line}</p>"
    for line in [
        "도교육청이 학생 수 60명 이하 작은 학교를 통폐합하는 대신 주민과 함께 쓰는 복합시설로 바꾼다.",
        "시범 학교에는 수영장과 도서관, 돌봄센터가 들어서며 방과 후에는 주민에게 개방된다.",
        "시설 건립비는 교육청과 시군이 절반씩 부담하고 운영은 지자체가 맡는다.",
    ]
)


def closing_byline(byline: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 시민의소리</title></head><body>
<div id="header"><a href="/">시민의소리</a></div><div id="content"><h1 class="title">{TITLE}</h1>
<div class="submitted">작성일 2025년 10월 28일 08:20</div>
<div class="field-item">{TEXT}<p><em>{byline}</em></p></div></div></body></html>"""


def info_line(byline: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 마을신문</title></head><body>
<header><a href="/">마을신문</a></header><article><h1>{TITLE}</h1>
<div class="info">{byline} | 입력 2025.10.28 08:20</div>
<div class="text">{TEXT}</div></article></body></html>"""


@pytest.mark.parametrize("template", [closing_byline, info_line])
@pytest.mark.parametrize(("byline", "name"), [("신가영 시민기자", "신가영"), ("박한결 객원 기자", "박한결")])
def test_the_reporters_kind_is_no_author(template: Callable[[str], str], byline: str, name: str) -> None:
    assert list(extract_page(template(byline).encode()).authors) == [name]
