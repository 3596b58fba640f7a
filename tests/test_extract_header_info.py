"""What an article's header prints around the headline, kept out of the body and read right.

A headline broken by ``<br>``, a ``<title>`` that walks its menu path up to the site, the info
line under the headline (date, writer, department), the section label above it, English dates
and a mobile page's footer links. Each rule is checked on two templates written here; the
templates are made up, no site's page is copied.
"""

from __future__ import annotations

import datetime as dt

import pytest
import trafilatura

from nlp.cleanup import clean_body, is_boilerplate
from nlp.dates import KST, find_unlabelled_date, parse_date
from nlp.extract import extract_page
from nlp.titles import clean_title, is_outlet_name, is_section_name

RENT = (
    "가온시, 내년부터 청년 월세 지원 대상 두 배로 늘린다",
    [
        "가온시는 내년부터 청년 월세 지원 대상을 현재 2천 명에서 4천 명으로 늘린다고 2일 밝혔다.",
        "지원 대상은 가온시에 주민등록을 둔 만 19세부터 34세까지의 무주택 청년이며,"
        " 소득 기준은 중위소득 150% 이하다.",
        "시는 이번 확대를 위해 내년 예산에 48억 원을 편성했으며, 신청은 1월 15일부터 시 누리집에서 받는다.",
        '김하늘 가온시 청년정책과장은 "주거비 부담을 덜어 청년들이 지역에 정착하도록 돕겠다"고 말했다.',
    ],
)
BUS = (
    "한빛구, 심야 마을버스 4개 노선 신설…새벽 2시까지 운행",
    [
        "한빛구는 다음 달부터 심야 마을버스 4개 노선을 새로 운행한다고 3일 밝혔다.",
        "심야 노선은 지하철 막차 시간 이후인 밤 12시부터 새벽 2시까지 20분 간격으로 다닌다.",
        "구는 노선별 이용객을 분석해 내년 상반기에 운행 구간을 조정할 계획이다.",
        '박나래 한빛구 교통행정과장은 "늦게 귀가하는 주민들의 안전한 이동을 돕겠다"고 말했다.',
    ],
)
NAV = (
    '<ul class="gnb"><li><a href="/">홈</a></li><li><a href="/news">뉴스</a></li>'
    '<li><a href="/p">정책</a></li></ul>'
)
FOOT = "<footer><p>Copyright © 가온일보. All rights reserved.</p></footer>"


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def _title_and_lines(page: str) -> tuple[str | None, list[str]]:
    extracted = extract_page(page.encode())
    return extracted.title, [line for line in extracted.body.split("\n") if line.strip()]


def _lines(page: str) -> list[str]:
    return [line for line in extract_page(page.encode()).body.split("\n") if line.strip()]


# a <br> inside a heading ----------------------------------------------------------------------------


def _broken_newspaper(title: str, lines: list[str]) -> str:
    head = title.replace(", ", ",<br>", 1)  # the CMS breaks after the subject
    return f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>{NAV}
<div class="view"><h1 class="news-title">{head}</h1>
<div class="txt">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _broken_board(title: str, lines: list[str]) -> str:
    words = title.split(" ")
    half = len(words) // 2
    head = " ".join(words[:half]) + "<br/>\n" + " ".join(words[half:])
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 한빛구청</title></head><body>{NAV}
<div class="board"><h3>{head}</h3><p class="info">2026-12-03</p>
<div class="board-content">{"<br>".join(lines)}</div></div>{FOOT}</body></html>"""


@pytest.mark.parametrize(
    ("template", "story"),
    [(_broken_newspaper, RENT), (_broken_newspaper, BUS), (_broken_board, RENT), (_broken_board, BUS)],
)
def test_a_headline_broken_by_a_line_break_reads_as_one_line(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    page = template(title, lines)
    assert title not in page  # the headline really is broken
    extracted = extract_page(page.encode())
    assert extracted.title == title
    body = [line for line in extracted.body.split("\n") if line.strip()]
    assert body == lines  # neither half of the headline is left as a body line


# a <title> that walks up its menu to the site ---------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "headline"),
    [
        (f"{RENT[0]} > 보도자료 > 알림소식 > 가온시", RENT[0]),
        (f"{BUS[0]} › 구정소식 › 새소식 › 한빛구청", BUS[0]),
        (f"{BUS[0]} > 열린구정 > 한빛구청 누리집", BUS[0]),
    ],
)
def test_a_title_followed_by_its_menu_path_is_the_headline(raw: str, headline: str) -> None:
    assert clean_title(raw) == headline


def test_a_title_with_a_path_of_unknown_words_is_left_whole() -> None:
    # the steps after '>' must mostly name boards, sections or the site: arbitrary words are content
    raw = "전기요금 2분기 동결 > 산업용 인상 > 가정용 유지"
    assert clean_title(raw) == raw


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_page_naming_its_article_only_in_the_title_gets_that_headline(story: tuple[str, list[str]]) -> None:
    title, lines = story
    city = f"""<html><head><meta charset="utf-8">
<title>{title} &gt; 보도자료 &gt; 알림소식 &gt; 가온시</title></head>
<body>{NAV}<div class="bbs"><div class="info"><span>담당부서 청년정책과</span><span>2026-12-02</span></div>
<div class="con">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""
    ward = f"""<html><head><meta charset="utf-8"><title>{title} › 구정소식 › 새소식 › 한빛구청</title></head>
<body>{NAV}<table class="view"><tr><td class="txt">{"<br>".join(lines)}</td></tr></table>
{FOOT}</body></html>"""
    for page in (city, ward):
        assert extract_page(page.encode()).title == title


# the info line under the headline --------------------------------------------------------------------


def _paper_with_info(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} - 가온일보</title>
<meta property="og:title" content="{title}"></head><body>{NAV}
<div class="article-head"><span class="section">사회</span><h1 class="headline">{title}</h1>
<div class="info">입력 2026.12.02 09:30 | 홍길동 기자</div></div>
<div id="article-body">{_paragraphs(lines)}</div>{FOOT}</body></html>"""


def _release_with_info(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>보도자료 상세 | 한빛구</title></head><body>{NAV}
<div class="view"><div class="view_title"><h4>{title}</h4></div>
<div class="view_info">부서 교통행정과 | 담당자 박나래 | 연락처 02-000-0000 | 2026-12-02</div>
<div class="view_cont">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _policy_with_date_line(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>정책뉴스 | 가온시</title></head><body>
<div class="sub"><h2 class="page_tit">정책뉴스</h2><div class="view_box"><h3 class="tit">{title}</h3>
<p class="date">2026.12.02 청년정책과</p><div class="view_cont">{_paragraphs(lines)}</div></div></div>
{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_paper_with_info, _release_with_info, _policy_with_date_line])
@pytest.mark.parametrize("story", [RENT, BUS])
def test_the_info_line_under_the_headline_is_not_body_and_gives_the_date(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(title, lines).encode())
    assert extracted.title == title
    assert [line for line in extracted.body.split("\n") if line.strip()] == lines
    assert extracted.published is not None and extracted.published.date() == dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    "line",
    [
        "입력 2026.12.02 09:30 | 홍길동 기자",
        "기사입력 2026-12-02 오전 9:30 ㅣ 수정 2026-12-02 10:00",
        "부서 청년정책과 | 담당자 김하늘 | 연락처 031-000-0000 | 2026-12-02",
        "2026.12.02 청년정책과",
        "By Hong Gildong · December 2, 2026",
    ],
)
def test_info_lines_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "일시: 2026. 12. 2.(수) 10:00 / 장소: 시청 대회의실",  # an event's facts, in the release's text
        "2026년 1월 15일부터 접수",
        "시는 2026.12.02 청년정책과를 신설했다.",  # a sentence that holds a date
        "2026.12.02 가온시 청년 월세 지원 대상 확대 계획 발표회",  # more than a name after the date
    ],
)
def test_lines_that_carry_the_articles_own_dates_stay(line: str) -> None:
    assert not is_boilerplate(line)


# the section label above the headline --------------------------------------------------------------


def test_a_section_name_before_the_first_body_line_is_dropped_but_not_later() -> None:
    assert is_section_name("사회") and is_section_name("정치 > 국회") and is_section_name("IT/과학")
    assert not is_section_name("사회적 거리두기")
    body = "\n".join(["사회", RENT[1][0], "경제", RENT[1][1]])
    assert clean_body(body).split("\n") == [RENT[1][0], "경제", RENT[1][1]]


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_section_label_printed_above_the_headline_leaves_the_body(story: tuple[str, list[str]]) -> None:
    title, lines = story
    paper = _paper_with_info(title, lines)
    portal = f"""<html><head><meta charset="utf-8"><title>{title} : 누리뉴스</title></head><body>{NAV}
<article><div class="cate">경제</div><h2 class="subject">{title}</h2>{_paragraphs(lines)}</article>
{FOOT}</body></html>"""
    for page in (paper, portal):
        assert _lines(page) == lines


# English dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dec 2, 2026", dt.datetime(2026, 12, 2, tzinfo=KST)),
        ("December 2, 2026 10:30", dt.datetime(2026, 12, 2, 10, 30, tzinfo=KST)),
        ("2 December 2026", dt.datetime(2026, 12, 2, tzinfo=KST)),
        ("Sept. 3rd, 2025", dt.datetime(2025, 9, 3, tzinfo=KST)),
        ("Apr 13. 2025", dt.datetime(2025, 4, 13, tzinfo=KST)),  # a blog platform's stamp
        ("Tue, 02 Dec 2025 09:30:00 +0000", dt.datetime(2025, 12, 2, 18, 30, tzinfo=KST)),
    ],
)
def test_english_month_dates_are_read(text: str, expected: dt.datetime) -> None:
    assert parse_date(text) == expected


def test_a_month_word_without_a_day_is_no_date() -> None:
    assert parse_date("may 2026 decided") is None
    assert parse_date("March 2026") is None


@pytest.mark.parametrize("story", [RENT, BUS])
def test_an_english_byline_date_dates_the_article(story: tuple[str, list[str]]) -> None:
    title, lines = story
    meta = f"""<html><head><meta charset="utf-8"><title>{title} | Gaon Times</title>
<meta name="date" content="Dec 2, 2026"></head><body>{NAV}<h1>{title}</h1>
<div class="story">{_paragraphs(lines)}</div>{FOOT}</body></html>"""
    byline = f"""<html><head><meta charset="utf-8"><title>{title} | Hanbit Post</title></head><body>{NAV}
<h1>{title}</h1><p class="byline">By Hong Gildong · December 2, 2026</p>
<div class="story">{_paragraphs(lines)}</div>{FOOT}</body></html>"""
    cover = f"""<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="cover"><h1 class="cover_title">{title}</h1><p class="cover_byline"><span>by</span>
<a href="/@gildong">홍길동</a> <span class="date">Dec 02. 2026</span></p></div>
<div class="wrap_body">{_paragraphs(lines)}</div></body></html>"""
    for page in (meta, byline, cover):
        extracted = extract_page(page.encode())
        assert extracted.published is not None and extracted.published.date() == dt.date(2026, 12, 2)
        assert [line for line in extracted.body.split("\n") if line.strip()] == lines
    assert find_unlabelled_date("By Hong Gildong · December 2, 2026", datelines_only=True) is not None


# a mobile page's footer links ----------------------------------------------------------------------


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_mobile_pages_version_links_are_not_body(story: tuple[str, list[str]]) -> None:
    title, lines = story
    one = f"""<html><head><meta charset="utf-8"><title>가온뉴스 모바일</title></head><body>
<div class="top"><a href="/">가온뉴스</a></div><div class="news_view"><div class="title">{title}</div>
<div class="date">2026-12-02 09:30</div><div class="article_txt">{"<br>".join(lines)}</div></div>
<div class="bottom">PC버전</div></body></html>"""
    two = f"""<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="m-view"><h2>{title}</h2><section>{_paragraphs(lines)}</section></div>
<div class="m-foot"><span>모바일 버전</span></div></body></html>"""
    for page in (one, two):
        assert _lines(page) == lines


# an article's own <header> outside <article> -----------------------------------------------------------


@pytest.mark.parametrize("story", [RENT, BUS])
def test_an_article_header_outside_article_is_not_the_page_header(story: tuple[str, list[str]]) -> None:
    title, lines = story
    entry = f"""<html><head><meta charset="utf-8"><title>뉴스 – 가온일보</title></head><body>{NAV}
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><time datetime="2026-12-02T09:30:00+09:00">2026년 12월 2일</time></div></header>
<div class="entry-content">{_paragraphs(lines)}</div>{FOOT}</body></html>"""
    view = f"""<html><head><meta charset="utf-8"><title>소식 | 한빛구</title></head><body>
<div id="header"><a href="/"><img src="/logo.png" alt="한빛구"></a>{NAV}</div>
<div class="view-header"><h2>{title}</h2><span>2026-12-02</span></div>
<div class="view-body">{_paragraphs(lines)}</div>{FOOT}</body></html>"""
    for page in (entry, view):
        assert extract_page(page.encode()).title == title


def test_the_site_header_still_is_page_chrome() -> None:
    title, lines = RENT
    page = f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>
<header><h1><a href="/">가온일보 - 세상을 밝히는 신문</a></h1>{NAV}</header>
<div class="view"><h3 class="tit">{title}</h3><div class="txt">{_paragraphs(lines)}</div></div>
{FOOT}</body></html>"""
    assert extract_page(page.encode()).title == title


# a board or section label inside the title box -----------------------------------------------------


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_label_inside_the_title_box_is_not_part_of_the_headline(story: tuple[str, list[str]]) -> None:
    title, lines = story
    board = f"""<html><head><meta charset="utf-8"><title>가온시</title></head><body>{NAV}
<div id="contents"><div class="title_wrap"><span class="cate">보도자료</span><strong>{title}</strong></div>
<div class="cont">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""
    paper = f"""<html><head><meta charset="utf-8"><title>한빛신문</title></head><body>{NAV}
<div class="news"><h2 class="news-subject"><em>사회</em>{title}</h2>
<div class="news-text">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""
    for page in (board, paper):
        extracted = extract_page(page.encode())
        assert extracted.title == title
        assert [line for line in extracted.body.split("\n") if line.strip()] == lines


# a <title> that names the site and section first ---------------------------------------------------


def test_a_title_that_opens_with_site_and_section_gives_the_headline() -> None:
    assert clean_title(f"가온일보 | 사회 | {RENT[0]}") == RENT[0]
    assert clean_title(f"한빛신문 :: 정치 :: {BUS[0]}") == BUS[0]
    assert clean_title("경제 | 성장률 2%") == "경제 | 성장률 2%"  # a short rest is the headline's own


# what a news page prints under the text for the reader to do ------------------------------------------


READER_PROMPTS = [
    "▶ 가온일보 구독하기",
    "카카오톡 채널 추가하고 소식 받기",
    "홍길동 기자의 다른 기사 보기",
    "이 기사를 추천합니다",
    "좋아요 0 슬퍼요 0 화나요 0",
    "#청년 #월세 #가온시",
    "태그 : 청년, 월세, 가온시",
    "기사제보 및 보도자료 press@gaon.kr",
    "[가온일보 홍길동 기자]",
    "<관련기사>",
    "▶ 관련기사 가온시 청년 정책 총정리",  # a pointer mark and the other article's title
    "☞ 추천 뉴스 한빛구 심야버스 노선 확정",
]


def _paper_with_tail(title: str, lines: list[str], tail: str) -> str:
    escaped = tail.replace("<", "&lt;").replace(">", "&gt;")
    return f"""<html><head><meta charset="utf-8"><title>{title} - 가온일보</title></head><body>{NAV}
<h1>{title}</h1><div id="article_body">{_paragraphs(lines)}<p>{escaped}</p></div>{FOOT}</body></html>"""


def _portal_with_tail(title: str, lines: list[str], tail: str) -> str:
    escaped = tail.replace("<", "&lt;").replace(">", "&gt;")
    return f"""<html><head><meta charset="utf-8"><title>{title} : 누리뉴스</title></head><body>{NAV}
<article><h2 class="subject">{title}</h2><section>{"<br>".join(lines)}<br><br>{escaped}</section></article>
{FOOT}</body></html>"""


@pytest.mark.parametrize("tail", READER_PROMPTS)
@pytest.mark.parametrize("template", [_paper_with_tail, _portal_with_tail])
def test_reader_prompts_under_the_text_are_not_body(template, tail: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = RENT
    assert _lines(template(title, lines, tail)) == lines


@pytest.mark.parametrize(
    "line",
    [
        "시는 신문 구독하기 운동을 펼치는 시민단체에 올해 2천만 원을 지원하기로 했다고 밝혔다.",
        "시민 제보하기 창구는 시 누리집과 스마트폰 앱 두 곳에서 운영되며 24시간 접수한다고 덧붙였다.",
        "#1 공약은 청년 주거 지원이다.",
    ],
)
def test_sentences_that_mention_those_words_stay(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line", ["홍길동 기자 | 승인 2026.12.02 09:30 | 댓글 0", "[가온일보] 홍길동 기자 = 2026.12.02"]
)
def test_bylines_with_dates_and_counters_are_info_lines(line: str) -> None:
    assert is_boilerplate(line)


# loose lines inside an <article> -----------------------------------------------------------------------


def _article_section(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} : 누리뉴스</title></head><body>{NAV}
<article><div class="head"><h1>{title}</h1><span>2026-12-02</span></div>
<section class="body">{"<br>".join(lines)}</section></article>{FOOT}</body></html>"""


def _article_paper(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} - 한빛신문</title></head><body>{NAV}
<main><article><h3>{title}</h3><p class="date">2026.12.03</p>
<section>{"<br><br>".join(lines)}</section></article></main>
{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_article_section, _article_paper])
@pytest.mark.parametrize("story", [RENT, BUS])
def test_the_first_of_loose_lines_inside_an_article_is_kept(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    page = template(title, lines)
    # trafilatura alone loses the text before the container's first <br> as a line of its own
    assert lines[0] not in (trafilatura.extract(page, favor_recall=True) or "").splitlines()
    extracted = extract_page(page.encode())
    assert extracted.title == title
    assert [line for line in extracted.body.split("\n") if line.strip()] == lines


@pytest.mark.parametrize(
    ("raw", "headline"),
    [
        (f"{RENT[0]} | 가온일보 - 가온의 목소리", RENT[0]),
        (f"{BUS[0]} | 한빛신문 :: 전체기사", BUS[0]),
        (f"{BUS[0]} ㅣ 누리군청 - 군민과 함께 여는 미래", BUS[0]),
    ],
)
def test_a_site_name_after_a_bar_takes_what_follows_it(raw: str, headline: str) -> None:
    assert clean_title(raw) == headline


def test_a_headline_with_a_bar_inside_keeps_its_words() -> None:
    assert clean_title("청년 월세 | 지원 두 배로 - 가온시 발표") == "청년 월세 | 지원 두 배로 - 가온시 발표"


# an archive's masthead above the headline ------------------------------------------------------------


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_masthead_printed_above_the_headline_leaves_the_body(story: tuple[str, list[str]]) -> None:
    title, lines = story
    archive = f"""<html><head><title>기사 원문 보기</title></head><body>
<div class="head">가람일보</div><div class="headline">{title}</div>
<div class="meta">1998.03.04 (수) 12면</div>
<div class="text">{"<br>".join(lines)}</div></body></html>"""
    viewer = f"""<html><head><title>지면 보기</title></head><body><p class="paper-name">누리신문</p>
<article><h2>{title}</h2><p>1999-07-21 3면</p><section>{"<br><br>".join(lines)}</section></article>
</body></html>"""
    for page in (archive, viewer):
        extracted = extract_page(page.encode())
        assert extracted.title == title
        assert [line for line in extracted.body.split("\n") if line.strip()] == lines
    assert is_outlet_name("가람일보") and is_outlet_name("한빛구청")
    assert not is_outlet_name("시민들이 밤에도 안심하는 뉴스")


# photo captions printed as paragraphs ----------------------------------------------------------------

CAPTIONS = [
    "▲ 가온시청 전경. (사진=가온시 제공)",
    "△ 김하늘 과장이 설명하고 있다. ⓒ가온일보",
    "가온시청 전경 / 사진=가온시",
    "(사진 왼쪽부터) 김하늘 과장, 홍길동 시장",
    "사진은 청년 주거 현장. 연합뉴스",
    "가온시가 청년 월세 지원을 확대한다. 사진은 가온시청 전경. 〈가온일보 DB〉",
    "<사진> 김하늘 과장이 청년들과 간담회를 하고 있다.",  # labelled as the photo's caption
    "[사진] 가온시청 전경",
]


def _caption_paper(lines: list[str], caption: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{RENT[0]} - 가온일보</title></head><body>{NAV}
<h1>{RENT[0]}</h1><div id="article-body"><p>{lines[0]}</p><p>{caption}</p>{_paragraphs(lines[1:])}</div>
</body></html>"""


def _caption_board(lines: list[str], caption: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 가온시</title></head><body>{NAV}
<div class="view"><h4 class="view_title">{RENT[0]}</h4><div class="view_cont"><div><img src="/p.jpg"></div>
<div>{caption}</div>{_paragraphs(lines)}</div></div></body></html>"""


@pytest.mark.parametrize("caption", CAPTIONS)
@pytest.mark.parametrize("template", [_caption_paper, _caption_board])
def test_a_photo_caption_printed_as_a_paragraph_is_not_body(template, caption: str) -> None:  # type: ignore[no-untyped-def]
    assert _lines(template(RENT[1], caption)) == RENT[1]


@pytest.mark.parametrize(
    "line",
    [
        "▲청년 ▲신혼부부 ▲노인 가구가 지원 대상이다.",  # a list in the release's text
        "△ 신청 기간: 1월 15일~2월 14일",
        "시는 사진 공모전 수상작 30점을 시청 로비에 전시한다고 밝혔다.",
        '사진작가 김하늘 씨는 "청년들의 주거 현실을 담고 싶었다"고 말했다.',
        "관련 기사에 따르면 시는 지난해에도 같은 사업을 벌였다.",  # prose about other articles
        "▶ 관련 법령은 다음과 같다",
    ],
)
def test_lists_and_sentences_about_photos_stay(line: str) -> None:
    assert not is_boilerplate(line)


# a line break inside a title box -----------------------------------------------------------------------


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_title_box_broken_by_a_line_break_reads_as_one_line(story: tuple[str, list[str]]) -> None:
    title, lines = story
    broken = title.replace(", ", ",<br>", 1)
    view = f"""<html><head><meta charset="utf-8"><title>보도자료</title></head><body>{NAV}
<div class="view"><div class="view_tit">{broken}</div>
<div class="view_con">{_paragraphs(lines)}</div></div></body></html>"""
    cell = f"""<html><head><meta charset="utf-8"><title>새소식</title></head><body>{NAV}
<table><tr><td class="subject"><strong>{broken}</strong></td></tr>
<tr><td>{_paragraphs(lines)}</td></tr></table>
</body></html>"""
    for page in (view, cell):
        assert extract_page(page.encode()).title == title
        assert _lines(page) == lines


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_date_under_the_title_in_the_same_box_is_not_part_of_the_headline(
    story: tuple[str, list[str]],
) -> None:
    title, lines = story
    cell = f"""<html><head><meta charset="utf-8"><title>보도자료</title></head><body>{NAV}
<table><tr><td class="subject">{title}<br><span class="date">2026-12-02</span></td></tr>
<tr><td>{_paragraphs(lines)}</td></tr></table></body></html>"""
    box = f"""<html><head><meta charset="utf-8"><title>새소식</title></head><body>{NAV}
<div class="bbs"><p class="tit">{title}<br>작성일 2026.12.02 | 조회 35</p>
<div class="txt">{_paragraphs(lines)}</div></div>
</body></html>"""
    for page in (cell, box):
        extracted = extract_page(page.encode())
        assert extracted.title == title
        assert [line for line in extracted.body.split("\n") if line.strip()] == lines
        assert extracted.published is not None and extracted.published.date() == dt.date(2026, 12, 2)


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_heading_with_its_info_in_spans_after_it_in_one_box_gives_the_headline(
    story: tuple[str, list[str]],
) -> None:
    title, lines = story
    heading = f"""<html><head><meta charset="utf-8"><title>가온시청</title></head><body>{NAV}
<div class="board_view"><div class="view_title">
<h4>{title}</h4><span>2026.12.02</span><span>조회 123</span></div>
<div class="view_cont">{_paragraphs(lines)}</div></div></body></html>"""
    para = f"""<html><head><meta charset="utf-8"><title>새소식</title></head><body>{NAV}
<section><div id="subject"><p>{title}</p><em>작성자 홍보과</em> <em>등록일 2026-12-02</em></div>
<article>{_paragraphs(lines)}</article></section></body></html>"""
    for page in (heading, para):
        extracted = extract_page(page.encode())
        assert extracted.title == title
        assert [line for line in extracted.body.split("\n") if line.strip()] == lines
        assert extracted.published is not None and extracted.published.date() == dt.date(2026, 12, 2)


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_title_box_before_the_article_block_is_not_read_as_its_last_lines(
    story: tuple[str, list[str]],
) -> None:
    # trafilatura reads <article> first and appends the box printed before it
    title, lines = story
    board = f"""<html><head><meta charset="utf-8"><title>새소식</title></head><body>{NAV}
<section><div class="subject"><p>{title}</p></div><article>{_paragraphs(lines)}</article></section>
</body></html>"""
    paper = f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>{NAV}
<div class="wrap"><div><p>정책</p><p>{title}</p><p>입력 2026.12.02 09:30 | 홍길동 기자</p></div>
<div class="cont"><article>{_paragraphs(lines)}</article></div></div>{FOOT}</body></html>"""
    for page in (board, paper):
        extracted = extract_page(page.encode())
        assert extracted.title == title
        assert [line for line in extracted.body.split("\n") if line.strip()] == lines


def test_short_lines_after_the_text_inside_its_own_block_stay_put() -> None:
    title, lines = RENT
    page = f"""<html><head><meta charset="utf-8"><title>{title}</title></head><body>{NAV}
<h1>{title}</h1><article><div>{lines[0]}<br>{"<br>".join(lines[1:])}
<br>담당 부서는 청년정책과 청년주거팀</div>
</article></body></html>"""
    body = [line for line in extract_page(page.encode()).body.split("\n") if line.strip()]
    assert body == [*lines, "담당 부서는 청년정책과 청년주거팀"]


@pytest.mark.parametrize(
    "info",
    [
        "<li>홍길동 기자</li><li>승인 2026.12.02 09:30</li><li>댓글 0</li>",
        "<span>홍길동 기자 | 입력 2026.12.02 09:30 | 조회 12</span>",
        "<p>[가온일보 홍길동 기자]</p><p>2026.12.02 09:30</p>",
        "<p>기자명 홍길동</p><p>입력 2026.12.02 09:30</p>",
    ],
)
def test_the_reporter_on_the_info_line_under_the_headline_is_the_author(info: str) -> None:
    title, lines = RENT
    listed = f"""<html><head><meta charset="utf-8"><title>{title} - 가온일보</title></head><body>{NAV}
<div id="container"><header class="article-head"><h3 class="heading">{title}</h3>
<ul class="info">{info}</ul></header>
<article class="article-body">{_paragraphs(lines)}</article></div>{FOOT}</body></html>"""
    boxed = f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>{NAV}
<table><tr><td><b>{title}</b></td></tr><tr><td class="writer">{info}</td></tr>
<tr><td>{_paragraphs(lines)}</td></tr></table></body></html>"""
    for page in (listed, boxed):
        extracted = extract_page(page.encode())
        assert extracted.title == title
        assert extracted.authors == ("홍길동",)
        assert [line for line in extracted.body.split("\n") if line.strip()] == lines


@pytest.mark.parametrize("info", ["작성자 홍보과 | 등록일 2026-12-02", "담당자 김민수 | 전화 031-123-4567"])
def test_an_office_or_a_contact_on_the_info_line_is_no_author(info: str) -> None:
    title, lines = BUS
    page = f"""<html><head><meta charset="utf-8"><title>새소식</title></head><body>{NAV}
<div class="view"><h4>{title}</h4><p class="info">{info}</p><div class="con">{_paragraphs(lines)}</div></div>
</body></html>"""
    assert extract_page(page.encode()).authors == ()


@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_page_type_printed_before_the_headline_is_not_part_of_it(story: tuple[str, list[str]]) -> None:
    title, lines = story
    heading = f"""<html><head><meta charset="utf-8"><title>보도자료 &gt; 알림 &gt; 가온시</title></head>
<body>{NAV}<div class="title_area"><h2><span>[보도자료]</span> {title}</h2></div>
{_paragraphs(lines)}</body></html>"""
    cell = f"""<html><head><meta charset="utf-8"><title>새소식</title></head><body>{NAV}
<table><tr><td class="subject">【설명자료】 {title}</td></tr><tr><td>{_paragraphs(lines)}</td></tr></table>
</body></html>"""
    for page in (heading, cell):
        assert _title_and_lines(page) == (title, lines)


DECK = "신청은 1월 15일부터 시 누리집에서"


@pytest.mark.parametrize(
    "box",
    [
        "<h1>{title}<br><small>{deck}</small></h1>",
        '<h1 class="title">{title}<span class="sub">{deck}</span></h1>',
        '<div class="tit"><strong>{title}</strong><em>{deck}</em></div>',
    ],
)
def test_a_deck_inside_the_headlines_box_is_not_part_of_the_headline(box: str) -> None:
    title, lines = RENT
    head = box.format(title=title, deck=DECK)
    paper = f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>{NAV}
<div class="news">{head}{_paragraphs(lines)}</div>{FOOT}</body></html>"""
    board = f"""<html><head><meta charset="utf-8"><title>새소식</title></head><body>{NAV}
<table><tr><td>{head}</td></tr><tr><td>{_paragraphs(lines)}</td></tr></table></body></html>"""
    for page in (paper, board):
        assert extract_page(page.encode()).title == title


@pytest.mark.parametrize(
    "heading",
    [
        "<h1>가온시, <em>청년 월세</em> 지원 대상 두 배로</h1>",  # emphasis inside the headline
        "<h1>가온시, <strong>청년 월세 지원 대상 두 배로</strong></h1>",
        '<h1><a href="/news/1">가온시, 청년 월세 지원 대상 두 배로</a></h1>',
    ],
)
def test_emphasis_and_links_inside_a_headline_stay(heading: str) -> None:
    _, lines = RENT
    page = f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>{NAV}
<div class="news">{heading}{_paragraphs(lines)}</div></body></html>"""
    assert extract_page(page.encode()).title == "가온시, 청년 월세 지원 대상 두 배로"


# how papers and offices wrap the headline in <title> ---------------------------------------------------


@pytest.mark.parametrize(
    "wrapped",
    [
        "[가온일보] {}",  # the outlet in brackets first
        "{} 《가온일보》",
        "가온일보 - {}",  # the paper's name first, any separator
        "보도자료 - {} | 가온시",  # a page type first
        "{} - 가온신문 (GaonNews)",  # the name with its other spelling
        "{} - 가온일보 | 가온의 모든 것",  # the paper's name, then its slogan
        "{} ─ 가온일보",  # a box-drawing dash
        "{} - Gaon Ilbo",
        "{} - 가온매일",
        "{} « 가온일보",  # guillemets and a full-width angle bracket as separators
        "{} ＜ 가온일보",
        "{} (가온일보)",  # the outlet in parentheses after it
        "{} | 가온시 공식 블로그",
        "{} - 가온일보 모바일 사이트",
        "[보도자료] {}",  # a board's page type in brackets, as "보도자료 - {}" loses it
        "【설명자료】 {} | 가온시",
        "{} (보도자료) | 가온시",
        "{} - 상세보기 | 보도자료 | 알림 | 가온시",  # page types and the menu after the headline
        "{} - 보도자료 상세",
        "{} - 자치행정 - 가온일보",  # headline - section - site, a section no list knows
        "{} | 지역경제 | 가온신문",
    ],
)
@pytest.mark.parametrize("story", [RENT, BUS])
def test_a_title_wrapped_by_the_outlet_gives_the_headline(wrapped: str, story: tuple[str, list[str]]) -> None:
    assert clean_title(wrapped.format(story[0])) == story[0]


@pytest.mark.parametrize(
    "raw",
    [
        f"[단독] {RENT[0]}",  # a desk tag is the headline's own
        f"[포토] {BUS[0]}",
        "가온일보 - 한빛일보 공동 기획",  # short rest: no headline to strip down to
        f"{RENT[0]} (종합)",  # a version mark in parentheses is no outlet
        f"{BUS[0]} (2보)",
    ],
)
def test_tags_and_short_titles_stay(raw: str) -> None:
    assert clean_title(raw) == raw


@pytest.mark.parametrize(
    ("raw", "headline"),
    [
        ("가온시 청년 정책 발표 - 월세 | 가온일보", "가온시 청년 정책 발표 - 월세"),  # another separator
        (f"{RENT[0]} (종합) - 가온일보", f"{RENT[0]} (종합)"),  # a version mark is no section
        (f"{BUS[0]} - 인터뷰", f"{BUS[0]} - 인터뷰"),  # no site after it: the headline's own part
    ],
)
def test_only_the_sites_own_parts_leave_a_title(raw: str, headline: str) -> None:
    assert clean_title(raw) == headline


# hostile bytes ---------------------------------------------------------------------------------------


def test_control_characters_and_broken_links_give_an_article_not_a_crash() -> None:
    title, lines = RENT
    page = f"""<html><head><meta charset="utf-8"><title>{title}\x00 - 가온일보</title></head><body>{NAV}
<h1>{title}<br>\x01</h1><a href="http://[broken/news">깨진 링크</a><div class="tit">{title}\x0b<br></div>
<div id="article-body">{"<br>".join(lines)}</div></body></html>"""
    extracted = extract_page(page.encode(), url="https://example.kr/news/view?id=1234")
    assert extracted.title == title
    assert [line for line in extracted.body.split("\n") if line.strip()] == lines


@pytest.mark.parametrize("seed", range(3))
def test_mangled_pages_fail_with_a_reason_or_extract(seed: int) -> None:
    import random

    from nlp import NlpError

    rng = random.Random(seed)
    pages = [
        _paper_with_info(*RENT).encode(),
        _release_with_info(*BUS).encode(),
        _broken_board(*RENT).encode(),
    ]
    for _ in range(40):
        raw = bytearray(rng.choice(pages))
        for _ in range(rng.randint(1, 40)):  # flipped bytes, cut tags, a truncated end
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        raw = raw[: rng.randint(len(raw) // 2, len(raw))]
        try:
            extract_page(bytes(raw), url="https://example.kr/news/view?id=1234")
        except NlpError as error:
            assert str(error)  # a clear reason, never a crash of another kind
