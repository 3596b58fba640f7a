"""A page printing both its stamps as ``<time>``, the last change first: the one its class or
microdata marks as the change (``class="updated"``, ``itemprop="dateModified"``) never dates the
publication. Two made-up templates: a WordPress theme's entry meta and a news page's microdata.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from nlp.dates import KST
from nlp.extract import extract_page

TITLE = "전기차 보조금 2025 지역별 차이, 우리 동네는 얼마?"
LINES = [
    "올해 전기차 국고 보조금은 최대 580만 원으로 지난해보다 70만 원 줄었다.",
    "지자체 보조금은 지역마다 달라 같은 차를 사도 최대 900만 원까지 차이가 난다.",
    "신청은 차량 출고 순서대로 받으며 예산이 소진되면 마감된다.",
]
PUBLISHED = dt.datetime(2025, 2, 15, 9, 30, tzinfo=KST)


def theme_page() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 정책노트</title></head><body>
<p class="main-title"><a href="/">정책노트</a></p><article class="post"><header class="entry-header">
<h1 class="entry-title">{TITLE}</h1><div class="entry-meta"><span class="posted-on">
<time class="updated" datetime="2025-02-17T12:00:00+09:00">2025.02.17</time>
<time class="entry-date published" datetime="2025-02-15T09:30:00+09:00">2025년 2월 15일</time></span>
<span class="byline">작성자 노트지기</span></div></header>
<div class="entry-content">{text}</div></article></body></html>"""


def microdata_page() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 한빛경제</title></head><body>
<div itemscope itemtype="https://schema.org/NewsArticle"><h2 itemprop="headline">{TITLE}</h2>
<div class="info">수정 <time itemprop="dateModified" datetime="2025-02-17T12:00:00+09:00">02.17 12:00</time>
· 최초 <time itemprop="datePublished" datetime="2025-02-15T09:30:00+09:00">02.15 09:30</time></div>
<div itemprop="articleBody">{text}</div></div></body></html>"""


@pytest.mark.parametrize("template", [theme_page, microdata_page])
def test_the_stamp_marked_as_the_change_never_dates_the_publication(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.published == PUBLISHED
