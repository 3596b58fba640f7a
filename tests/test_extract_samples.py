"""Extraction on the sample pages the project ships (newsdesk/samples, listed in manifest.json),
and on small pages built here that follow the same general CMS shapes with other words."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from typing import Any

import pytest

from nlp.cleanup import clean_body, table_row
from nlp.dates import KST
from nlp.extract import extract_page
from nlp.lead import clean_lead
from nlp.page import ExtractedPage
from nlp.titles import GENERIC_CMS_WORDS, is_generic_title

SAMPLES = resources.files("newsdesk").joinpath("samples")
MANIFEST: list[dict[str, Any]] = json.loads(SAMPLES.joinpath("manifest.json").read_text(encoding="utf-8"))
SEPARATOR_RE = re.compile(r"\s[|>:<›»–—-]\s|[|｜>›»]|::")
# Furniture that must never reach an article body or lead.
LABELS = (
    "등록일", "작성일", "작성자", "조회수", "조회 ", "담당부서", "담당자", "첨부파일", "첨부", ".hwp", ".pdf",
    "공공누리", "만족하십니까", "이전글", "다음글", "목록", "Copyright", "무단전재", "|", "보도자료",
    "관련기사", "공유하기", "URL 복사", "댓글", "제목", "로그인", "바로가기",
)  # fmt: skip
PUBLISHED = {
    "01-mohw-child-allowance.html": dt.datetime(2025, 12, 5, 16, 40, tzinfo=KST),
    "02-daily-child-allowance.html": dt.datetime(2025, 12, 5, 17, 20, tzinfo=KST),
    "03-seoul-bus.html": dt.datetime(2025, 12, 9, 10, 0, tzinfo=KST),
    "04-moe-school-meals.html": dt.datetime(2025, 12, 11, 11, 0, tzinfo=KST),
    "05-mole-youth-jobs.html": dt.datetime(2025, 12, 16, tzinfo=KST),
    "06-briefing-list.html": None,  # an index page has no publication time of its own
    "07-me-cup-deposit.html": dt.datetime(2025, 12, 18, 12, 0, tzinfo=KST),
}
HEADLINES = {
    "01-mohw-child-allowance.html": "아동수당 지급 대상, 2026년부터 만 9세 미만으로 확대",
    "02-daily-child-allowance.html": "내년부터 만 8세도 아동수당 받는다…41만 명 새로 혜택",
    "03-seoul-bus.html": "서울시, 심야 올빼미버스 N75번 신설…마곡~잠실 새벽길 편해진다",
    "04-moe-school-meals.html": "늘봄학교 초등 3학년까지 확대, 석식·간식 지원도 늘린다",
    "05-mole-youth-jobs.html": "청년 고용 지원 강화…청년 첫일자리 장려금 지원 인원 5만 명 늘린다",
    "07-me-cup-deposit.html": "일회용컵 보증금제 2027년 전국 시행…컵당 300원",
}
LISTING = "06-briefing-list.html"
ARTICLES = [m for m in MANIFEST if m["file"] != LISTING]


def sample(entry: dict[str, Any]) -> ExtractedPage:
    """Extract one shipped sample page with its manifest URL."""
    return extract_page(SAMPLES.joinpath(entry["file"]).read_bytes(), url=entry["url"])


@pytest.fixture(scope="module")
def pages() -> dict[str, ExtractedPage]:
    return {entry["file"]: sample(entry) for entry in MANIFEST}


def by_file(name: str) -> dict[str, Any]:
    return next(m for m in MANIFEST if m["file"] == name)


def test_manifest_lists_every_shipped_page() -> None:
    shipped = sorted(p.name for p in SAMPLES.iterdir() if p.name.endswith(".html"))
    assert sorted(m["file"] for m in MANIFEST) == shipped
    assert set(PUBLISHED) == set(shipped)


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda m: m["file"])
def test_title_is_a_name_not_a_cms_label(pages: dict[str, ExtractedPage], entry: dict[str, Any]) -> None:
    title = pages[entry["file"]].title
    assert title, entry["file"]
    assert not SEPARATOR_RE.search(title), title
    assert not is_generic_title(title), title
    assert title not in GENERIC_CMS_WORDS
    assert len(title.replace(" ", "")) >= 4


@pytest.mark.parametrize("entry", ARTICLES, ids=lambda m: m["file"])
def test_article_title_is_the_headline(pages: dict[str, ExtractedPage], entry: dict[str, Any]) -> None:
    page = pages[entry["file"]]
    assert page.kind == "article"
    assert page.title == HEADLINES[entry["file"]]
    assert page.title not in page.body


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda m: m["file"])
def test_published_date(pages: dict[str, ExtractedPage], entry: dict[str, Any]) -> None:
    assert pages[entry["file"]].published == PUBLISHED[entry["file"]]


def test_modified_date_of_the_newspaper_sample(pages: dict[str, ExtractedPage]) -> None:
    assert pages["02-daily-child-allowance.html"].modified == dt.datetime(2025, 12, 6, 9, 2, tzinfo=KST)


@pytest.mark.parametrize("entry", ARTICLES, ids=lambda m: m["file"])
def test_body_and_lead_have_no_boilerplate_labels(
    pages: dict[str, ExtractedPage], entry: dict[str, Any]
) -> None:
    page = pages[entry["file"]]
    assert len(page.body) > 500
    for label in LABELS:
        assert label not in page.body, (entry["file"], label)
        assert label not in (page.lead or ""), (entry["file"], label)


@pytest.mark.parametrize("entry", ARTICLES, ids=lambda m: m["file"])
def test_lead_is_clean_text_one_item_per_line(pages: dict[str, ExtractedPage], entry: dict[str, Any]) -> None:
    lead = pages[entry["file"]].lead
    assert lead, entry["file"]
    for line in lead.splitlines():
        assert line == line.strip() and line
        assert not re.match(r"^[-–—•·*▶□■○●◆◇※]", line), line
        assert not re.search(r"\s[-–—]$", line), line
        assert " - - " not in line
    assert pages[entry["file"]].body.splitlines()[0] not in lead


def test_ministry_press_release_lead(pages: dict[str, ExtractedPage]) -> None:
    assert pages["01-mohw-child-allowance.html"].lead == (
        "만 8세 아동 약 41만 명 새로 지원, 2029년까지 매년 1세씩 단계적 상향\n"
        "2026년 1월 2일부터 신청 접수, 1월 31일까지 신청하면 1월분부터 지급"
    )


def test_table_layout_press_release_body(pages: dict[str, ExtractedPage]) -> None:
    page = pages["05-mole-youth-jobs.html"]
    assert page.charset == "cp949"
    lines = page.body.splitlines()
    assert lines[0].startswith("고용노동부는 2026년 청년 고용 지원 예산을")
    assert lines[-1].endswith("가까운 고용센터에서 확인할 수 있다.")
    assert len(lines) == 9  # one line per paragraph, not one table cell
    assert page.lead == (
        "2026년 청년 고용 지원 예산 2조 1,300억 원, 올해보다 12% 증액\n"
        "장기 구직 청년 채용 기업에 1인당 120만 원 추가 지원"
    )


def test_briefing_list_is_a_listing_of_its_four_articles(pages: dict[str, ExtractedPage]) -> None:
    page = pages[LISTING]
    assert page.kind == "listing"
    assert page.body == ""
    assert page.links == tuple(
        f"https://www.briefing.example.com/briefing/view.do?newsId={n}" for n in (1005, 1004, 1003, 1001)
    )


def test_listing_links_follow_the_page_url() -> None:
    entry = {**by_file(LISTING), "url": "https://mirror.example.org/press/list.do?pageIndex=3"}
    assert sample(entry).links == tuple(
        f"https://mirror.example.org/briefing/view.do?newsId={n}" for n in (1005, 1004, 1003, 1001)
    )


# The same rules on pages with other words and other markup.

PRESS_RELEASE = """<html><head><meta charset="utf-8"><title>공지사항 상세보기 &gt; 새소식 &gt;
한빛군</title></head>
<body><div id="gnb"><ul><li><a href="/m1">군정소식</a></li><li><a href="/m2">새소식</a></li></ul>
</div>
<div class="sub_title"><h2>새소식</h2></div>
<div class="bbs_view"><div class="bbs_title">한빛군, 겨울철 한파 대비 취약계층 난방비 긴급 지원
</div>
<div class="info"><span>작성자 복지정책과</span><span>등록일 2025-12-03</span><span>조회 311</span>
</div>
<div class="bbs_content">
<div class="summary"><strong>보도자료</strong><br>□ 기초생활수급 가구 1,200곳에 가구당 20만 원 지원
<br>□ 12월 15일까지 신청</div>
<p>한빛군은 겨울철 한파에 대비해 기초생활수급 가구 등 취약계층 1,200가구에 난방비를 긴급 지원한다고
3일 밝혔다.</p>
<p>지원 금액은 가구당 20만 원이며, 대상 가구는 12월 15일까지 주소지 읍·면사무소에 신청하면 된다.</p>
<p>군 관계자는 “취약계층이 추위를 건강하게 날 수 있도록 지원하겠다”고 말했다.</p></div>
<div class="file">첨부파일 <a href="/down.do?f=1">난방비 지원 안내.hwp</a></div></div></body>
</html>"""

TABLE_VIEW = """<html><head><meta charset="utf-8"><title>한빛시청 &gt; 시정소식 &gt; 보도자료
</title></head><body>
<div id="topmenu"><a href="/a">시정소식</a></div>
<table class="view"><caption>보도자료 보기</caption>
<tr><th>제목</th><td class="tit">한빛시, 시내버스 노선 12개 개편…배차 간격 15분으로 단축</td></tr>
<tr><th>작성자</th><td>대중교통과</td><th>등록일</th><td>2025.11.20</td></tr>
<tr><th>조회수</th><td>88</td></tr>
<tr><td colspan="4">
<p>한빛시는 내년 1월부터 시내버스 노선 12개를 개편해 출퇴근 시간대 배차 간격을 평균 15분으로
줄인다고 20일 밝혔다.</p>
<p>개편안은 시민 설문조사와 교통카드 이용 자료를 바탕으로 마련됐으며, 급행 노선 2개가 새로 생긴다.
</p>
<p>시 관계자는 “시민들이 버스를 더 편리하게 이용할 수 있도록 노선을 꾸준히 다듬겠다”고 말했다.</p>
</td></tr>
<tr><th>첨부파일</th><td><a href="/f.do?id=3">노선 개편안.pdf</a> [1.2MB]</td></tr>
</table></body></html>"""

SHORT_BOARD = """<html><head><meta charset="utf-8"><title>보도자료 목록 | 한빛시청</title></head>
<body>
<nav class="gnb"><a href="/board/list.do?bbsId=10">보도자료</a>
<a href="/board/list.do?bbsId=11">공지사항</a></nav>
<h2>보도자료</h2><table class="board_list"><thead><tr><th>번호</th><th>제목</th><th>등록일</th></tr>
</thead><tbody>
<tr><td>3</td><td><a href="/board/view.do?bbsId=10&amp;nttId=5503&amp;pageIndex=1">한빛시, 시내버스
노선 12개 개편</a></td>
<td>2025.11.20</td></tr>
<tr><td>2</td><td><a href="/board/view.do?bbsId=10&amp;nttId=5498&amp;pageIndex=1">한빛시 도서관
야간 개방 확대</a></td>
<td>2025.11.18</td></tr>
<tr><td>1</td><td><a href="/board/view.do?bbsId=10&amp;nttId=5490&amp;pageIndex=1">겨울철 제설 대책
본격 가동</a></td>
<td>2025.11.15</td></tr></tbody></table>
<div class="paging"><a href="?pageIndex=1">1</a><a href="?pageIndex=2">2</a>
<a href="?pageIndex=3">다음</a></div>
</body></html>"""

SHORT_ARTICLE_WITH_RELATED = """<html><head><meta charset="utf-8"><title>한빛시, 도서관 야간 개방
확대 - 한빛일보</title>
<meta property="og:site_name" content="한빛일보"></head><body>
<article><h1>한빛시, 도서관 야간 개방 확대</h1><p class="date">입력 2025.11.18 10:00</p>
<p>한빛시는 시립도서관 5곳의 야간 개방 시간을 밤 10시까지 늘린다고 18일 밝혔다.</p></article>
<section class="related"><h3>관련기사</h3><ul>
<li><a href="/news/articleView.html?idxno=1201">한빛시 도서관 주말 운영 시간 늘린다</a></li>
<li><a href="/news/articleView.html?idxno=1202">한빛시 작은도서관 10곳 새로 문 연다</a></li>
<li><a href="/news/articleView.html?idxno=1203">한빛시 전자책 대출 서비스 시작</a></li>
</ul></section></body></html>"""


def test_generic_cms_title_loses_to_the_heading_element() -> None:
    page = extract_page(PRESS_RELEASE.encode())
    assert page.title == "한빛군, 겨울철 한파 대비 취약계층 난방비 긴급 지원"
    assert page.published == dt.datetime(2025, 12, 3, tzinfo=KST)
    assert page.lead == "기초생활수급 가구 1,200곳에 가구당 20만 원 지원\n12월 15일까지 신청"
    assert page.body.startswith("한빛군은 겨울철 한파에 대비해")
    assert "첨부파일" not in page.body and "보도자료" not in page.body


def test_breadcrumb_title_and_table_layout() -> None:
    page = extract_page(TABLE_VIEW.encode())
    assert page.title == "한빛시, 시내버스 노선 12개 개편…배차 간격 15분으로 단축"
    assert page.published == dt.datetime(2025, 11, 20, tzinfo=KST)
    assert len(page.body.splitlines()) == 3
    for label in ("|", "제목", "작성자", "등록일", "조회수", "첨부파일", "대중교통과", ".pdf", "보기"):
        assert label not in page.body


def test_short_board_in_a_table_is_a_listing() -> None:
    page = extract_page(SHORT_BOARD.encode(), url="https://www.hanbit.go.kr/board/list.do?bbsId=10")
    assert page.kind == "listing"
    assert page.links == tuple(
        f"https://www.hanbit.go.kr/board/view.do?bbsId=10&nttId={n}" for n in (5503, 5498, 5490)
    )
    assert page.title == "한빛시청"


def test_short_article_with_three_related_links_stays_an_article() -> None:
    page = extract_page(SHORT_ARTICLE_WITH_RELATED.encode())
    assert page.kind == "article"
    assert page.title == "한빛시, 도서관 야간 개방 확대"
    assert page.body == "한빛시는 시립도서관 5곳의 야간 개방 시간을 밤 10시까지 늘린다고 18일 밝혔다."


@pytest.mark.parametrize(
    ("title", "generic"),
    [
        ("보도자료 상세 | 알림", True),
        ("고용노동부 > 뉴스·소식", True),
        ("공지사항 | 새소식 | 한빛군청", True),
        ("보도자료 | 브리핑룸 | 정책브리핑 누리", True),
        ("새소식", True),
        ("청년 위한 고용노동부", False),
        ("한빛시, 시내버스 노선 개편 | 한빛일보", False),
        ("아동수당 지급 대상 확대", False),
    ],
)
def test_generic_title_rule(title: str, generic: bool) -> None:
    assert is_generic_title(title) is generic


@pytest.mark.parametrize(
    ("lead", "clean"),
    [
        ("보도자료\n- 가 항목 설명 -\n- 나 항목 설명 -", "가 항목 설명\n나 항목 설명"),
        ("- 가 항목 설명 - - 나 항목 설명 -", "가 항목 설명\n나 항목 설명"),
        ("□ 가 항목 □ 나 항목", "가 항목\n나 항목"),
        ("▶ 가 항목\n  ○ 나 항목  ", "가 항목\n나 항목"),
        ("보도자료 상세", None),
        ("2029년까지 매년 한 살씩 올려 만 12세 미만까지", "2029년까지 매년 한 살씩 올려 만 12세 미만까지"),
    ],
)
def test_clean_lead(lead: str, clean: str | None) -> None:
    assert clean_lead(lead) == clean


@pytest.mark.parametrize(
    ("row", "text"),
    [
        ("| 담당부서 | 청년고용정책관 청년고용기획과 | | |", ""),
        ("| 작성일 | 2025.12.16 | 조회수 | 1,652 |", ""),
        ("|---|---|---|", ""),
        ("| | | |", ""),
        ("| 보도자료 상세 | | |", "보도자료 상세"),
        ("| 본문 한 문단이 한 칸에 들어 있다. | | |", "본문 한 문단이 한 칸에 들어 있다."),
        ("| 구분 | 2025년 | 2026년 |", "| 구분 | 2025년 | 2026년 |"),
        ("문장 | 가운데 막대", "문장 | 가운데 막대"),
    ],
)
def test_table_rows(row: str, text: str) -> None:
    assert table_row(row) == text


def test_label_rows_leave_the_body() -> None:
    text = "\n".join(
        [
            "| 담당부서 | 홍보과 | | |",
            "| 제목 | 무엇 |",
            "본문 문장이 여기에 있다.",
            "| 첨부파일 | a.hwp |",
            "보도자료",
        ]
    )
    assert clean_body(text) == "본문 문장이 여기에 있다."
