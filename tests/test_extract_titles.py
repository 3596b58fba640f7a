"""Headlines on templates the extractor has never seen: each failure class on two made-up templates.

Every page here is written by the test. A rule that passes on only one of a class's two
templates is keyed to that template, not to the convention it claims to follow.
"""

from __future__ import annotations

import pytest

from nlp.extract import extract_page, extract_source_pages
from nlp.headline import Candidate, choose_headline
from nlp.page import ExtractedPage

HEADLINE = "한빛도, 농어촌 청년 창업 지원금 두 배로 늘린다"
PARAGRAPHS = (
    "한빛도는 농어촌 지역에서 창업하는 청년에게 주는 지원금을 내년부터 두 배로 늘린다고 3일 밝혔다.",
    "지원 대상은 만 18세 이상 39세 이하 청년으로, 도내 농어촌 지역에 사업장을 두고 창업한 지 3년이 "
    "지나지 않은 사람이다. 선정된 청년은 최대 4천만 원의 사업화 자금과 경영 상담을 받는다.",
    "도는 올해 예산 120억 원을 확보했으며, 다음 달 2일부터 누리집에서 신청을 받는다. 심사는 서류와 "
    "면접으로 진행되고 결과는 3월 말 발표한다.",
    "김하늘 도 청년정책관은 “청년이 농어촌에 머물며 일할 수 있도록 창업 초기의 부담을 덜어 주겠다”고 말했다.",
)


def body_html(tag: str = "p") -> str:
    return "\n".join(f"<{tag}>{p}</{tag}>" for p in PARAGRAPHS)


def title_of(page: str) -> str | None:
    return extract_page(page.encode("utf-8")).title


# 1. A site-wide element is the loudest candidate -------------------------------------------------

VIEWER_POPUP = f"""<html><head><meta charset="utf-8"><title>한빛일보 지면보기 서비스</title></head>
<body><div class="viewer-top"><h1>한빛일보 지면보기 서비스</h1><span>닫기</span></div>
<div class="paper"><h3 class="art_title">{HEADLINE}</h3><p class="info">[한빛일보] 2019-03-04 12면</p>
<div class="art_txt">{body_html()}</div></div></body></html>"""

VIEWER_ARCHIVE = f"""<html><head><meta charset="utf-8"><title>새벽신문 아카이브</title></head>
<body><table class="frame"><tr><td class="hd">새벽신문 아카이브</td></tr>
<tr><td><div class="heading">{HEADLINE}</div>
<div class="content">{body_html("div")}</div></td></tr></table></body></html>"""

SLOGAN_CMS = f"""<html><head><meta charset="utf-8"><title>보도자료 | 알림마당 | 한빛도</title></head>
<body><header><h1><a href="/">함께 여는 새로운 한빛, 도민이 행복한 한빛도</a></h1>
<ul class="gnb"><li><a href="/a">도정소식</a></li><li><a href="/b">알림마당</a></li></ul></header>
<div id="contents"><h2>보도자료</h2>
<table class="board_view"><tr><th>제목</th><td>{HEADLINE}</td></tr>
<tr><th>등록일</th><td>2025-12-03</td><th>조회</th><td>321</td></tr></table>
<div class="view_cont">{body_html()}</div></div></body></html>"""

SLOGAN_PORTAL = f"""<html><head><meta charset="utf-8"><title>새소식 상세보기</title></head>
<body><div class="top"><a href="https://www.saebyeok.go.kr/">
<strong>꿈을 키우는 녹색 새벽군</strong></a></div>
<div class="sub"><h3 class="board_name">새벽군 보도자료</h3>
<dl class="view"><dt>제 목</dt><dd>{HEADLINE}</dd><dt>작성일</dt><dd>2025.12.03</dd></dl>
<div class="txt">{body_html()}</div></div></body></html>"""


PROVINCES = ("한빛도", "새벽도", "누리도")


@pytest.mark.parametrize("page", [VIEWER_POPUP, VIEWER_ARCHIVE], ids=["popup", "archive-frame"])
def test_viewer_window_header_is_not_the_headline(page: str) -> None:
    """The header is the same on every page of the viewer: its pages, given together, say so."""
    pages = [(page.replace("한빛도", name).encode(), None) for name in PROVINCES]
    titles = [p.title for p in extract_source_pages(pages) if isinstance(p, ExtractedPage)]
    assert titles == [HEADLINE.replace("한빛도", name) for name in PROVINCES]


def test_a_heading_by_the_body_beats_a_header_the_title_tag_alone_repeats() -> None:
    assert title_of(VIEWER_ARCHIVE) == HEADLINE  # <title> = a cell in the frame, not a heading


@pytest.mark.parametrize("page", [SLOGAN_CMS, SLOGAN_PORTAL], ids=["province-cms", "county-portal"])
def test_slogan_and_board_label_lose_to_the_title_cell(page: str) -> None:
    assert title_of(page) == HEADLINE


# 2. The right headline with the page's keywords glued after it ----------------------------------

KEYWORDS = "한빛도, 한빛시, Hanbit Province"
GLUED_WITH_HEADING = f"""<html><head><meta charset="utf-8">
<meta property="og:title" content="{HEADLINE}, {KEYWORDS}">
<meta name="keywords" content="{KEYWORDS}"><title>{HEADLINE}, {KEYWORDS}</title></head>
<body><div class="newsView"><h3 class="subject">{HEADLINE}</h3>{body_html()}</div></body></html>"""

GLUED_META_ONLY = f"""<html><head><meta charset="utf-8">
<meta name="title" content="{HEADLINE}, 청년창업, 농어촌, 한빛도청">
<meta name="news_keywords" content="청년창업, 농어촌, 한빛도청"></head>
<body><main><section>{body_html()}</section></main></body></html>"""


@pytest.mark.parametrize("page", [GLUED_WITH_HEADING, GLUED_META_ONLY], ids=["with-heading", "meta-only"])
def test_keywords_glued_after_the_headline_are_cut(page: str) -> None:
    assert title_of(page) == HEADLINE


def test_a_comma_inside_a_headline_stays_when_the_words_are_not_keywords() -> None:
    page = f"""<html><head><meta charset="utf-8"><meta property="og:title" content="{HEADLINE}">
    <meta name="keywords" content="청년, 창업"></head><body><article>{body_html()}</article></body></html>"""
    assert title_of(page) == HEADLINE  # "한빛도," keeps its comma: 한빛도 is not a keyword


# 3. Sub-headings inside the article are not the headline ----------------------------------------

INNER_HEADINGS_NEWS = f"""<html><head><meta charset="utf-8"><meta property="og:title" content="{HEADLINE}">
<title>{HEADLINE} - 사회 | 한빛일보</title></head><body><article>
<p>{PARAGRAPHS[0]}</p><h3>지원 대상과 금액</h3><p>{PARAGRAPHS[1]}</p><h3>신청 방법</h3><p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p></article></body></html>"""

INNER_HEADINGS_RELEASE = f"""<html><head><meta charset="utf-8">
<title>{HEADLINE} &lt; 보도자료 &lt; 한빛도</title></head><body>
<div class="bbs"><div class="bbs_title">{HEADLINE}</div><div class="bbs_body">
<p>{PARAGRAPHS[0]}</p><p><strong>□ 지원 대상과 금액</strong></p><p>{PARAGRAPHS[1]}</p>
<p><strong>□ 신청 방법</strong></p><p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p></div></div></body></html>"""


@pytest.mark.parametrize("page", [INNER_HEADINGS_NEWS, INNER_HEADINGS_RELEASE], ids=["news", "release"])
def test_sub_headings_in_the_body_are_not_the_headline(page: str) -> None:
    assert title_of(page) == HEADLINE


# The vote itself ---------------------------------------------------------------------------------


def test_agreeing_sources_beat_a_single_louder_one() -> None:
    candidates = [
        Candidate("한빛일보 지면보기 서비스", "tag"),
        Candidate(HEADLINE, "page", 1),
        Candidate(f"{HEADLINE} | 한빛일보", "meta"),
    ]
    assert choose_headline(candidates, site_names=["한빛일보"]) == HEADLINE


def test_template_texts_are_never_the_headline() -> None:
    slogan = "함께 여는 새로운 한빛 도정"
    candidates = [Candidate(slogan, "meta"), Candidate(slogan, "tag"), Candidate(HEADLINE, "page", 3)]
    assert choose_headline(candidates) == slogan  # two sources agree on it
    assert choose_headline(candidates, template=frozenset({slogan})) == HEADLINE


def test_a_headline_two_copies_share_is_kept_when_nothing_else_is_left() -> None:
    candidates = [Candidate(HEADLINE, "meta"), Candidate(HEADLINE, "tag")]
    assert choose_headline(candidates, template=frozenset({HEADLINE})) == HEADLINE


def test_a_truncated_heading_confirms_the_full_headline() -> None:
    candidates = [Candidate("한빛도, 농어촌 청년 창업 지원금…", "page"), Candidate(HEADLINE, "meta")]
    assert choose_headline(candidates) == HEADLINE


def test_a_heading_that_merely_starts_the_same_words_does_not_agree() -> None:
    candidates = [
        Candidate("한빛도, 농어촌 청년 창업", "page", 0),
        Candidate(HEADLINE, "meta"),
        Candidate(HEADLINE, "tag"),
    ]
    assert choose_headline(candidates) == HEADLINE


# 4. A board's name right above the body --------------------------------------------------------

BOARD_LABEL_OG = f"""<html><head><meta charset="utf-8"><meta property="og:title" content="{HEADLINE}">
</head><body><div class="container"><h2 class="sub_title">한빛도 보도자료</h2>
<div class="view">{body_html()}</div></div></body></html>"""

BOARD_LABEL_TAG = f"""<html><head><meta charset="utf-8"><title>{HEADLINE} | 새벽시</title></head>
<body><div id="content"><div class="board-name"><h3>시정 소식</h3></div>
<div class="board-body">{body_html("div")}</div></div></body></html>"""


@pytest.mark.parametrize("page", [BOARD_LABEL_OG, BOARD_LABEL_TAG], ids=["og-title", "title-tag"])
def test_a_board_label_is_not_the_headline(page: str) -> None:
    assert title_of(page) == HEADLINE


# 5. Metadata printed in the title box, furniture after the body ---------------------------------

TITLE_BOX_LABELS = f"""<html><head><meta charset="utf-8"><title>새소식 | 새벽군</title></head><body>
<div class="board"><div class="view_title"><strong>{HEADLINE}</strong> <span>날짜 2025.12.10</span>
<span>조회수 52</span></div><div class="view_body">{body_html()}</div></div></body></html>"""

TITLE_BOX_STAMP = f"""<html><head><meta charset="utf-8"><title>모바일 뉴스</title></head><body>
<section><div class="m-subject">{HEADLINE} 2025.12.03 15:12 조회 12</div>
<article class="m-text">{body_html()}</article></section></body></html>"""


@pytest.mark.parametrize("page", [TITLE_BOX_LABELS, TITLE_BOX_STAMP], ids=["labels", "stamp"])
def test_date_and_view_count_in_the_title_box_are_cut(page: str) -> None:
    assert title_of(page) == HEADLINE


SURVEY_AFTER_BODY = f"""<html><head><meta charset="utf-8"><title>보도자료 | 한빛시청</title></head><body>
<div id="txt">{body_html()}</div>
<div class="survey_tit">이 페이지에서 제공하는 정보에 대하여 만족하십니까?</div>
</body></html>"""

NOTICE_AFTER_BODY = f"""<html><head><meta charset="utf-8"><title>알림마당</title></head><body>
<main>{body_html("div")}</main>
<h4 class="copy-title">본 저작물은 공공누리 제1유형에 따라 이용할 수 있습니다</h4>
</body></html>"""


@pytest.mark.parametrize("page", [SURVEY_AFTER_BODY, NOTICE_AFTER_BODY], ids=["survey", "licence"])
def test_furniture_after_the_body_is_never_the_headline(page: str) -> None:
    assert title_of(page) is None  # better no headline than a survey question


def test_a_board_name_written_as_one_word_is_a_label() -> None:
    page = VIEWER_ARCHIVE.replace(
        '<div class="heading">', '<h4 class="bbs_tit">기획행정소식</h4><div class="heading">'
    )
    assert title_of(page) == HEADLINE


# 6. A site name with no newspaper-like suffix after the headline in <title> --------------------


@pytest.mark.parametrize(
    "title_tag",
    [f"{HEADLINE} | 한겨레", f"{HEADLINE} - YTN", f"{HEADLINE} ㅣ 새벽TV"],
    ids=["bar", "acronym", "tv"],
)
def test_the_site_after_the_headline_in_the_title_tag_is_cut(title_tag: str) -> None:
    page = f"""<html><head><meta charset="utf-8"><title>{title_tag}</title></head>
    <body><div class="contents">{body_html()}</div></body></html>"""
    assert title_of(page) == HEADLINE


def test_a_subtitle_after_a_dash_stays() -> None:
    page = f"""<html><head><meta charset="utf-8"><title>{HEADLINE} - 신청은 다음 달부터</title></head>
    <body><div class="contents">{body_html()}</div></body></html>"""
    assert title_of(page) == f"{HEADLINE} - 신청은 다음 달부터"


# 7. Real headlines that look like furniture ---------------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "새벽시 도시계획 조례 수정 (안) 입법예고",
        "탄소중립 실천 포인트 누리집 입력 1단계 간소화",
        "국무회의 결과 브리핑",
        "해외직구 주의 알림",
        "저출산 대책 | 인구",
        "청년 월세 지원 확대 | 월 20만원",
        "디지털 교과서 공개 - AI",
        "청년 정책 확대 : 달라지는 제도",
    ],
)
def test_headlines_with_label_words_or_short_tails_are_kept(headline: str) -> None:
    page = f"""<html><head><meta charset="utf-8"><meta property="og:title" content="{headline}">
    <title>{headline}</title></head><body><div class="view"><h2 class="tit">{headline}</h2>
    {body_html()}</div></body></html>"""
    assert title_of(page) == headline


@pytest.mark.parametrize("site", ["한빛군민신문", "새벽도청"])
def test_a_heading_the_extractor_took_into_the_body_is_the_headline(site: str) -> None:
    page = f"""<html><head><meta charset="utf-8"><title>{site}</title></head><body>
    <div class="view"><h3>{HEADLINE}</h3>{body_html()}</div></body></html>"""
    assert title_of(page) == HEADLINE


def test_a_section_heading_opening_the_body_does_not_beat_agreeing_metadata() -> None:
    page = f"""<html><head><meta charset="utf-8"><meta property="og:title" content="{HEADLINE}">
    <title>{HEADLINE} | 한빛일보</title></head><body><div class="view">
    <h3>사업 추진 배경과 주요 내용</h3>{body_html()}</div></body></html>"""
    assert title_of(page) == HEADLINE


# 13. The board's 제목 label printed inside the headline's own box --------------------------------

LABEL_IN_BOX = f"""<html><head><meta charset="utf-8"><title>한빛도청</title></head><body>
<ul class="gnb"><li><a href="/a">도정소식</a></li><li><a href="/b">분야별정보</a></li></ul>
<div class="view"><div class="title"><span class="label">제목</span> {HEADLINE}</div>
<div class="date">작성일 2025-11-03</div><div class="con">{body_html()}</div></div></body></html>"""

LABEL_IN_ROW = f"""<html><head><meta charset="utf-8"><title>새벽군 군정소식</title></head><body>
<h1><a href="/">새벽군</a></h1><div id="board"><p class="subject">제 목 : {HEADLINE}</p>
<p class="info">등록일 : 2025.11.03</p>
<div class="view-text">{body_html("div")}</div></div></body></html>"""


@pytest.mark.parametrize("page", [LABEL_IN_BOX, LABEL_IN_ROW], ids=["label-element", "label-text"])
def test_a_field_label_printed_before_the_headline_is_not_part_of_it(page: str) -> None:
    assert title_of(page) == HEADLINE


@pytest.mark.parametrize("headline", ["제목 없는 그림전, 한빛미술관에서 열려", "Title IX 개정안 발표"])
def test_a_headline_that_only_starts_with_the_word_keeps_it(headline: str) -> None:
    page = f"""<html><head><meta charset="utf-8"><title>한빛일보</title></head><body>
<article><h1>{headline}</h1><div class="body">{body_html()}</div></article></body></html>"""
    assert title_of(page) == headline
