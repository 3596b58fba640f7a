"""Public offices' board views: the survey box's content-keeper line and a view's date fields.

Two made-up templates: a city board whose view prints its fields in a ``<dl>``, and a county's
고시공고 board whose view is a ``th``/``td`` table. Both close the page with the survey box every
public site carries, naming who keeps the page's content.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import pytest
from lxml.html import fromstring

from nlp.cleanup import is_boilerplate
from nlp.extract import extract_page
from nlp.headline import title_cells

TITLE = "어린이 보호구역 스마트 횡단보도 45곳 확대 설치"
LINES = [
    "가온시는 어린이 보호구역 교통사고를 줄이기 위해 통학로 45곳에 스마트 횡단보도를 설치한다고 밝혔다.",
    "스마트 횡단보도는 보행자가 다가가면 바닥 신호등과 음성 안내가 자동으로 작동하는 시설이다.",
    "시 관계자는 아이들이 안심하고 학교에 다닐 수 있는 통학 환경을 만들겠다고 말했다.",
]
KEEPERS = [
    "콘텐츠 담당부서 : 홍보담당관 담당자 : 김민준 연락처 : 031-000-2114",
    "콘텐츠 관리부서 : 교통정책과 전화번호 : 031-000-3321",
    "정보관리담당자 : 홍보담당관 김민준 031-000-2114",
]


def city_board(fields: list[tuple[str, str]], keeper: str) -> str:
    info = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in fields)
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온시 - 보도자료 - 게시물 상세</title></head><body>
<div id="contents"><h3>보도자료</h3><div class="bbs_view"><h3 class="subject">{TITLE}</h3>
<dl class="info">{info}</dl><div class="bbs_content">{text}</div></div>
<div class="satisfaction"><p>이 페이지에서 제공하는 정보에 대하여 만족하십니까?</p><p>{keeper}</p></div></div>
</body></html>"""


def county_table(fields: list[tuple[str, str]], keeper: str) -> str:
    cells = "".join(f"<th>{k}</th><td>{v}</td>" for k, v in fields)
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>고시공고 - 가온군청</title></head><body>
<div id="contents"><div class="location">HOME &gt; 군정소식 &gt; 고시공고</div><h2>고시공고</h2>
<table class="bbs_view"><tbody><tr><th>제목</th><td colspan="3">{TITLE}</td></tr>
<tr><th>담당부서</th><td>교통정책과</td><th>연락처</th><td>031-000-3321</td></tr><tr>{cells}</tr>
<tr><td colspan="4"><div class="view_cont">{text}</div></td></tr></tbody></table>
<div class="page_manager"><span>{keeper}</span></div></div></body></html>"""


TEMPLATES: list[Callable[[list[tuple[str, str]], str], str]] = [city_board, county_table]


@pytest.mark.parametrize("keeper", KEEPERS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_the_survey_boxs_content_keeper_line_is_no_text(template, keeper: str) -> None:  # type: ignore[no-untyped-def]
    extracted = extract_page(template([("등록일", "2024-03-04")], keeper).encode())
    assert extracted.title == TITLE
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize(
    "fields",
    [
        [("게시기간", "2024-03-04 ~ 2024-03-18"), ("등록일", "2024-03-04")],
        [("수정일", "2024-03-18"), ("등록일", "2024-03-04")],
        [("마감일", "2024-03-18"), ("작성일", "2024-03-04")],
    ],
    ids=["posting-period", "modified-first", "deadline-first"],
)
@pytest.mark.parametrize("template", TEMPLATES)
def test_the_registered_field_dates_the_post_whatever_field_comes_first(template, fields) -> None:  # type: ignore[no-untyped-def]
    extracted = extract_page(template(fields, KEEPERS[0]).encode())
    assert extracted.published is not None and extracted.published.date() == dt.date(2024, 3, 4)


@pytest.mark.parametrize(
    "line",
    [
        "자료에 따르면 시는 올해 예산을 늘렸다.",
        "정보 공개 청구 건수가 지난해보다 늘었다.",
        "콘텐츠 산업 지원 예산이 늘었다.",
    ],
)
def test_sentences_opening_with_the_same_words_stay(line: str) -> None:
    assert not is_boilerplate(line)


# a release reprinted by a policy portal, credited under the text ------------------------------------

CREDITS = (
    "[자료제공 : 가온부(www.gaon.example)]",
    "<저작권자 ⓒ 대한민국 정부, 출처: 가온부>",
    "이 자료는 가온부의 보도자료를 전재하여 제공함을 알려드립니다.",
)


def portal_release(credits: tuple[str, ...]) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    notes = "".join(f"<p class='note'>{html.escape(c)}</p>" for c in credits)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 보도자료 | 정책누리</title></head><body>
<div class="article_head"><h1>{TITLE}</h1>
<div class="info"><span>2024.07.09</span><span>가온부</span></div></div>
<div class="article_body"><div class="view_cont">{text}</div>{notes}</div></body></html>"""


def reprint_table(credits: tuple[str, ...]) -> str:
    text = "<br>".join([*LINES, *(html.escape(c) for c in credits)])
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가온소식</title></head><body>
<table width="760"><tr><td class="title"><b>{TITLE}</b></td></tr><tr><td>등록일 2024-07-09</td></tr>
<tr><td class="content">{text}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [portal_release, reprint_table])
def test_a_portals_credit_for_a_reprinted_release_is_no_text(
    template: Callable[[tuple[str, ...]], str],
) -> None:
    extracted = extract_page(template(CREDITS).encode())
    assert extracted.title == TITLE
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


# a notice opening its text with a table of when and where -------------------------------------------

EVENT = "과학관 여름방학 특별전 ‘우주로 가는 길’ 개막"
EVENT_LINES = [
    "가온문화재단은 여름방학을 맞아 특별전 ‘우주로 가는 길’을 7월 1일부터 9월 1일까지 연다고 밝혔다.",
    "이번 전시에서는 발사체 개발 과정을 담은 엔진 모형과 위성 부품 등 60여 점을 선보인다.",
    "관람객은 무중력 체험 장치와 로켓 조립 교실에도 참여할 수 있다.",
]
WHEN_WHERE = "<table class='info_tbl'><tr><th>기간</th><td>2024. 07. 11.(목) ~ 07. 13.(토)</td></tr>"
WHEN_WHERE += "<tr><th>장소</th><td>가온문화재단 대강당</td></tr></table>"


def foundation_notice(title_tag: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in EVENT_LINES)
    return f"""<html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>
<div id="contents"><h3>공지사항</h3><div class="view"><div class="v_head"><h4>{EVENT}</h4>
<span class="writer">홍보팀</span> <span class="date">작성일 2024.07.01</span></div>
<div class="v_body">{WHEN_WHERE}{text}</div></div></div></body></html>"""


def museum_board(title_tag: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in EVENT_LINES)
    return f"""<html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>
<div class="board_view"><h5>{EVENT}</h5><ul class="meta"><li>등록일 : 2024-07-01</li>
<li>조회 : 88</li></ul><div class="cont">{WHEN_WHERE}{text}</div></div>
</body></html>"""


@pytest.mark.parametrize("template", [foundation_notice, museum_board])
@pytest.mark.parametrize("title_tag", ["가온문화재단 - 공지사항", f"{EVENT} - 가온문화재단"])
def test_a_table_opening_the_text_leaves_the_headline_above_it(
    template: Callable[[str], str], title_tag: str
) -> None:
    extracted = extract_page(template(title_tag).encode())
    assert extracted.title == EVENT
    assert extracted.published is not None and extracted.published.date() == dt.date(2024, 7, 1)
    assert all(line in extracted.body for line in EVENT_LINES)


# a view header printed as a list: the subject the first term, the writer and date under it ----------


def header_list() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 가온도교육청</title></head><body>
<div class="board_view"><dl class="view_head"><dt>{TITLE}</dt><dd><span>작성자 : 대변인실</span>
<span>작성일 : 2024.12.03</span></dd></dl><div class="view_content">{text}</div></div></body></html>"""


def header_list_table() -> str:
    text = "<br>".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온시의회 - 의회소식</title></head><body>
<table class="view"><tr><td><dl><dt>{TITLE}</dt><dd>등록일 2024-12-03 | 작성자 의정담당관 | 조회 41</dd>
</dl></td></tr>
<tr><td class="cont">{text}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [header_list, header_list_table])
def test_a_view_headers_first_term_over_its_date_is_the_headline(template: Callable[..., str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


def test_a_glossarys_terms_are_no_headlines() -> None:
    glossary = "<dl><dt>스마트 횡단보도 시설 안내</dt><dd>보행자가 다가가면 신호등이 켜지는 시설</dd></dl>"
    assert title_cells(fromstring(f"<html><body>{glossary}</body></html>")) == []
