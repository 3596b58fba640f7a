"""Which stamp dates a page, each rule on two made-up templates:

- a page printing both its stamps as ``<time>``, the last change first: the one its class or
  microdata marks as the change (``class="updated"``, ``itemprop="dateModified"``) never dates the
  publication (a WordPress theme's entry meta, a news page's microdata);
- a generic ``<meta name="date">`` the site's layout carries on every page gives way to the date
  the page prints by its headline (``게시일 2025-11-20``; a KRDS board view, an eGovFrame table);
- a relative time printed from a Unix stamp in a ``data-`` attribute (``data-ts="1747710000000"``,
  milliseconds, or ``data-timestamp`` in seconds) dates the page (hashed-class and utility-class
  script-era pages).
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


BOARD_LINES = [
    "한국환경공단은 폐배터리의 회수부터 재활용까지 전 과정을 관리하는 시스템을 개통했다고 20일 밝혔다.",
    "새 시스템은 배터리 고유번호로 성능 평가 결과와 보관 위치, 재활용 이력을 한눈에 확인하게 했다.",
]
BOARD_TITLE = "한국환경공단, 폐배터리 재활용 통합관리 시스템 개통"


def krds_view() -> str:
    text = "".join(f"<p>{line}</p>" for line in BOARD_LINES)
    return f"""<html><head><meta charset="utf-8"><title>공공기관연합 | 언론보도</title>
<meta name="date" content="2023-01-02"></head><body><main><h3 class="heading-large">{BOARD_TITLE}</h3>
<div class="krds-board-info"><dl><dt>게시일</dt><dd>2025-11-20</dd><dt>조회</dt><dd>41</dd></dl></div>
<div class="krds-board-content">{text}</div></main></body></html>"""


def egov_table() -> str:
    text = "<br>".join(BOARD_LINES)
    return f"""<html><head><meta charset="utf-8"><meta name="date" content="2023-01-02">
<title>보도자료 상세보기</title></head><body>
<table class="board_view"><tr><th>제목</th><td>{BOARD_TITLE}</td></tr>
<tr><th>작성자</th><td>홍보실</td><th>등록일</th><td>2025.11.20</td></tr>
<tr><td colspan="4" class="cont">{text}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [krds_view, egov_table])
def test_a_layouts_generic_meta_date_gives_way_to_the_printed_one(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == BOARD_TITLE
    assert extracted.published is not None and extracted.published.date() == dt.date(2025, 11, 20)


EPOCH_LINES = [
    "금융위원회는 스트레스 총부채원리금상환비율 3단계를 오는 7월 1일부터 시행한다고 20일 밝혔다.",
    "은행권 주택담보대출과 신용대출에 스트레스 금리 1.5%포인트가 적용된다.",
]
EPOCH_TITLE = "금융위, 가계대출 스트레스 DSR 3단계 7월 시행"


def hashed_page() -> str:
    text = "".join(f"<div>{line}</div>" for line in EPOCH_LINES)
    return f"""<html><head><meta charset="utf-8"><title>{EPOCH_TITLE} | 머니나우</title></head><body>
<div class="_h2">{EPOCH_TITLE}</div><div class="_s3"><span>문가은</span>
<span class="_t4" data-ts="1747710000000">6시간 전</span></div><div class="_b5">{text}</div></body></html>"""


def utility_stamp_page() -> str:
    text = "".join(f'<p class="my-4">{line}</p>' for line in EPOCH_LINES)
    return f"""<html><head><meta charset="utf-8"><title>{EPOCH_TITLE}</title></head><body>
<h1 class="text-2xl font-bold">{EPOCH_TITLE}</h1>
<p class="text-sm"><span data-timestamp="1747710000">6시간 전</span> · 문가은 기자</p>
<div class="mt-6">{text}</div></body></html>"""


@pytest.mark.parametrize("template", [hashed_page, utility_stamp_page])
def test_a_unix_stamp_behind_a_relative_time_dates_the_page(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == EPOCH_TITLE
    assert extracted.published == dt.datetime(2025, 5, 20, 12, 0, tzinfo=KST)
