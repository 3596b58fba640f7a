"""A CMS that writes the KST wall-clock time under a UTC offset (``2025-07-01T23:50:00+00:00`` for a
page printing ``입력 2025.07.01 23:50``): the printed time wins, on two made-up templates (JSON-LD,
``article:published_time``). A true UTC time, printed in KST, stays as declared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from nlp.extract import extract_page

KST = ZoneInfo("Asia/Seoul")
TITLE = "한밤 강진 대피 안내 문자, 12분 늦게 발송 논란"
TEXT = "".join(
    f"<p>{line}</p>"
    for line in [
        "1일 밤 발생한 지진 뒤 재난 문자가 12분 늦게 발송돼 주민들이 불안에 떨었다.",
        "행정안전부는 발송 시스템의 점검 일정과 겹쳐 지연이 생겼다고 설명했다.",
        "정부는 재발 방지를 위해 예비 발송 경로를 만들기로 했다.",
    ]
)


def json_ld(declared: str, printed: str) -> str:
    data = f'{{"@type": "NewsArticle", "headline": "{TITLE}", "datePublished": "{declared}"}}'
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 하늘일보</title>
<script type="application/ld+json">{data}</script></head><body>
<header><a href="/">하늘일보</a></header><article><h1>{TITLE}</h1>
<div class="info"><p class="date">입력 {printed}</p><p>권도현 기자</p></div>{TEXT}</article></body></html>"""


def meta_tags(declared: str, printed: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 가온뉴스</title>
<meta property="article:published_time" content="{declared}"></head><body>
<div id="top"><a href="/">가온뉴스</a></div><div class="view"><div class="tit">{TITLE}</div>
<ul class="infos"><li>기사입력 {printed}</li><li>가온뉴스 권도현</li></ul><div class="txt">{TEXT}</div></div>
</body></html>"""


@pytest.mark.parametrize("template", [json_ld, meta_tags])
def test_kst_digits_under_a_utc_offset_are_the_printed_time(template: Callable[[str, str], str]) -> None:
    extracted = extract_page(template("2025-07-01T23:50:00+00:00", "2025.07.01 23:50").encode())
    assert extracted.published == dt.datetime(2025, 7, 1, 23, 50, tzinfo=KST)


@pytest.mark.parametrize("template", [json_ld, meta_tags])
def test_a_true_utc_time_stays(template: Callable[[str, str], str]) -> None:
    extracted = extract_page(template("2025-07-01T14:50:00Z", "2025.07.01 23:50").encode())
    assert extracted.published == dt.datetime(2025, 7, 1, 23, 50, tzinfo=KST)
