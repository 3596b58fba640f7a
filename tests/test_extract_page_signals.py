"""One signal of a page missing, misplaced or wide, and the article still read right.

A board printing its post's title in an ``<h6>``; a page dated only by its 수정일; ``og:title`` and
``<title>`` naming the article while the extracted text begins with the page's chrome and holds
the headline further down; the identity banner government sites carry; a ``<title>`` running the
site's brand on after the headline with a space, while a banner to another site names no brand.
Each rule is checked on two templates written here (a public office's board and a newspaper's or
a county's view); the templates are made up, no site's page is copied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from nlp.cleanup import clean_body
from nlp.dates import find_labelled_dates
from nlp.extract import extract_page
from nlp.titles import clean_title
from tests.test_extract_header_info import BUS  # the same story, on this module's templates

HEAT = (
    "가온시, 폭염 대비 무더위쉼터 150곳 운영",
    [
        "가온시는 여름철 폭염에 대비해 무더위쉼터 150곳을 운영한다고 3일 밝혔다.",
        "쉼터는 경로당과 주민센터, 도서관 등에 마련되며 오후 9시까지 문을 연다.",
        "시는 쉼터마다 냉방기와 생수를 갖추고 담당 공무원을 배치해 어르신의 건강 상태를 살필 계획이다.",
        '김하늘 가온시 복지정책과장은 "폭염 취약계층이 안전하게 여름을 나도록 돕겠다"고 말했다.',
    ],
)
NAV = (
    '<ul class="gnb"><li><a href="/">홈</a></li><li><a href="/news">소식</a></li>'
    '<li><a href="/civil">민원</a></li></ul>'
)
FOOT = "<footer><p>(00000) 중앙로 1 | 대표전화 000-0000-0000</p></footer>"
Story = tuple[str, list[str]]


def _text(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def _lines(body: str) -> list[str]:
    return [line for line in body.split("\n") if line.strip()]


# a board's title in an <h6> -------------------------------------------------------------------------


def _h6_board(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 가온시</title></head><body>{NAV}
<div class="board_view"><div class="view_head"><h6 class="tc">{title}</h6>
<p class="tc">- 부서: 복지정책과 -</p></div><div class="view_cont">{_text(lines)}</div></div>
{FOOT}</body></html>"""


def _h6_news(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>한빛구청 - 새소식</title></head><body>{NAV}
<section><h2>새소식</h2><h6>{title}</h6><span>2024.05.03</span>
<article>{_text(lines)}</article></section>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_h6_board, _h6_news])
@pytest.mark.parametrize("story", [HEAT, BUS])
def test_a_title_printed_in_an_h6_above_the_text_is_the_headline(
    template: Callable[[str, list[str]], str], story: Story
) -> None:
    title, lines = story
    assert extract_page(template(title, lines).encode()).title == title


# a page dated only by its 수정일 -----------------------------------------------------------------------


def _modified_board(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} | 가온시</title></head><body>{NAV}
<div class="view"><h3 class="tit">{title}</h3><dl class="info"><dt>담당부서</dt><dd>복지정책과</dd>
<dt>수정일</dt><dd>2024-05-03</dd></dl><div class="cont">{_text(lines)}</div></div>{FOOT}</body></html>"""


def _modified_news(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} - 가람일보</title></head><body>{NAV}
<div class="article"><h1>{title}</h1><p class="stamp">최종수정 2024.05.03 10:20</p>
<div class="body">{_text(lines)}</div></div>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_modified_board, _modified_news])
def test_a_page_dated_only_by_its_modified_day_takes_that_day(
    template: Callable[[str, list[str]], str],
) -> None:
    title, lines = HEAT
    extracted = extract_page(template(title, lines).encode())
    assert extracted.published is not None
    assert extracted.published.date() == dt.date(2024, 5, 3)
    assert extracted.modified is not None and extracted.modified.date() == dt.date(2024, 5, 3)


def test_a_published_day_still_wins_over_the_modified_one() -> None:
    title, lines = HEAT
    page = _modified_news(title, lines).replace(
        "최종수정 2024.05.03 10:20", "입력 2024.05.02 09:00 | 수정 2024.05.03 10:20"
    )
    extracted = extract_page(page.encode())
    assert extracted.published is not None and extracted.published.date() == dt.date(2024, 5, 2)


# metadata naming the article while the text found begins with the page's chrome -----------------


def _wide_board(title: str, lines: list[str]) -> str:
    chrome = "".join(
        f"<div>{t}</div>" for t in ("주민 알림판", "가온시 소식지 구독 신청 안내", "분야별 정보 바로가기")
    )
    return f"""<html><head><meta charset="utf-8"><title>{title} &lt; 보도자료 &lt; 시정소식 - 가온시청</title>
<meta property="og:title" content="{title}"></head><body><div>{chrome}
<div><div>{title}</div><div>{"<br><br>".join(lines)}</div></div></div></body></html>"""


def _wide_news(title: str, lines: list[str]) -> str:
    chrome = "".join(
        f"<p>{t}</p>" for t in ("오늘의 날씨 맑음 24도", "독자 의견 보내기 안내", "지역 소식 모아보기")
    )
    return f"""<html><head><meta charset="utf-8"><title>{title} | 한빛일보</title>
<meta name="twitter:title" content="{title}"></head><body><div>{chrome}<div>{title}</div>
{_text(lines)}</div></body></html>"""


@pytest.mark.parametrize("template", [_wide_board, _wide_news])
@pytest.mark.parametrize("story", [HEAT, BUS])
def test_metadata_names_the_article_when_the_text_begins_with_chrome(
    template: Callable[[str, list[str]], str], story: Story
) -> None:
    title, lines = story
    assert extract_page(template(title, lines).encode()).title == title


# the government identity banner ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "banner",
    [
        "이 누리집은 대한민국 공식 전자정부 누리집입니다.",
        "공식 누리집 확인방법",
        "대한민국 공식 전자정부 누리집",
    ],
)
def test_the_identity_banner_is_not_text(banner: str) -> None:
    lines = HEAT[1]
    assert clean_body("\n".join([banner, *lines])) == "\n".join(lines)


@pytest.mark.parametrize("template", [_wide_board, _wide_news])
def test_the_identity_banner_leaves_the_body(template: Callable[[str, list[str]], str]) -> None:
    title, lines = BUS
    page = template(title, lines).replace(
        "<body>", "<body><div>이 누리집은 대한민국 공식 전자정부 누리집입니다.</div>"
    )
    extracted = extract_page(page.encode())
    assert "전자정부 누리집" not in extracted.body
    assert extracted.title == title


def test_a_sentence_about_the_banner_stays() -> None:
    line = (
        "행정안전부는 대한민국 공식 전자정부 누리집 표시 제도를 내년부터 모든 공공기관 누리집에"
        " 확대 적용한다고 밝혔다."
    )
    assert clean_body(line) == line


# the site's brand after the headline in <title> --------------------------------------------------


def _brand_news(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} 가람겨레</title></head><body>
<div class="top"><a href="/"><img src="/logo.png" alt="가람겨레"></a>{NAV}</div>
<div class="box"><span>{title}</span></div><div class="txt">{_text(lines)}</div>{FOOT}</body></html>"""


def _brand_county(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} 새벽군청</title></head><body>
<header><a href="/index.do">새벽군청</a>{NAV}</header>
<div class="c"><p>{title}</p>{_text(lines)}</div>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_brand_news, _brand_county])
@pytest.mark.parametrize("story", [HEAT, BUS])
def test_the_brand_run_on_after_the_headline_goes(
    template: Callable[[str, list[str]], str], story: Story
) -> None:
    title, lines = story
    assert extract_page(template(title, lines).encode()).title == title


def test_a_banner_to_another_sites_front_page_names_no_brand() -> None:
    title = "정부24 연계 민원 서비스 확대 운영"
    lines = HEAT[1]
    page = f"""<html><head><meta charset="utf-8"><title>{title} 정부24</title></head><body>
<div class="banner"><a href="https://www.example.go.kr/">정부24</a></div>{NAV}
<div class="c"><p>{title} 정부24</p>{_text(lines)}</div>{FOOT}</body></html>"""
    assert extract_page(page.encode()).title == f"{title} 정부24"


# a label after the time closes its own stamp ---------------------------------------------------------

LATER = dt.datetime(2024, 5, 3, 10, 20)


@pytest.mark.parametrize(
    ("text", "published", "modified"),
    [
        ("2024-05-03 10:20 송고 | 2024-05-04 09:05 수정", dt.datetime(2024, 5, 3, 10, 20), None),
        ("2024-05-03 10:20 입력\n2024-05-04 09:05 수정", dt.datetime(2024, 5, 3, 10, 20), None),
        (
            "입력 2024.05.02 09:00 수정 2024.05.03 10:20",
            dt.datetime(2024, 5, 2, 9, 0),
            dt.datetime(2024, 5, 3, 10, 20),
        ),
        (
            "입력 2024.05.02 09:00 | 수정 2024.05.03 10:20",
            dt.datetime(2024, 5, 2, 9, 0),
            dt.datetime(2024, 5, 3, 10, 20),
        ),
    ],
)
def test_a_label_after_the_time_closes_its_stamp_and_one_before_a_date_opens_it(
    text: str, published: dt.datetime, modified: dt.datetime | None
) -> None:
    found, changed = find_labelled_dates(text)
    assert found is not None and found.replace(tzinfo=None) == published
    assert (changed.replace(tzinfo=None) if changed else None) == modified


# a ``<`` inside a quotation compares, it opens no menu path ------------------------------------------

COMPARED = "‘국민 < 정당’ 논란 재점화…여야 공방 이어져"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (f"{COMPARED} - 가람일보", COMPARED),
        (COMPARED, COMPARED),
        ("재난 위험지도 전면 개편 < 정치 < 기사본문 - 가람일보", "재난 위험지도 전면 개편"),
    ],
)
def test_a_comparison_inside_quotes_is_no_menu_path(raw: str, clean: str) -> None:
    assert clean_title(raw) == clean


@pytest.mark.parametrize("template", [_modified_board, _modified_news])
def test_a_headline_comparing_inside_quotes_is_read_whole(template: Callable[[str, list[str]], str]) -> None:
    page = template(COMPARED.replace("<", "&lt;"), HEAT[1])
    assert extract_page(page.encode()).title == COMPARED


# who issued the release, printed over the headline -------------------------------------------------


def _briefing(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} | 보도자료 | 가온브리핑</title></head>
<body>{NAV}<div class="view_title"><div class="source">가온부</div><h1>{title}</h1>
<div class="info">2024.05.03</div></div>
<div class="view_cont">{_text(lines)}</div>{FOOT}</body></html>"""


def _portal(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} : 누리포털 뉴스</title></head><body>{NAV}
<div class="head"><p class="press">가람뉴스</p><h2 class="tit">{title}</h2></div>
<div class="txt">{_text(lines)}</div>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_briefing, _portal])
@pytest.mark.parametrize("story", [HEAT, BUS])
def test_an_office_or_section_printed_over_the_headline_is_not_text(
    template: Callable[[str, list[str]], str], story: Story
) -> None:
    title, lines = story
    extracted = extract_page(template(title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


def test_the_office_opening_the_text_under_the_headline_stays() -> None:
    title, lines = HEAT
    page = _portal(title, ["가온부", *lines]).replace('<p class="press">가람뉴스</p>', "")
    assert _lines(extract_page(page.encode()).body)[0] == "가온부"
