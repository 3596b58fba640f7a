"""Page shapes the latest extraction rules read: what leaves the body, what dates a page, which
heading is the headline.

A headline run on with its info line (inline elements with no whitespace between tags) is no
body line; a wire's stamp with its label after the time (``2024-05-03 10:20 송고``) dates a page,
a ``수정`` stamp never does; a photo story's ``[사진]`` headline is a headline while a labelled
caption in the text is not text; an AI summary box over the text and a reporter's ``다른기사
보기`` line are no part of the article; an article's own header (share links, a breadcrumb, a
section link or two) is not the site's header, a logo and menu still are; JSON-LD with a trailing
comma or wrapped in a comment is read; a section label set after the headline in its heading is
not part of it, the headline's own emphasised last word is; a bare date line under a deck taken
into the text dates the page; a ``<title>`` running the site's path on after the headline gives
way to the bare headline printed over the text; a site's brand in Latin letters in ``<title>`` and
``og:title`` is no headline, and a brand opening a headline stays in it. Each rule is checked on
two templates of different markup written here (a newspaper's CMS and a public office's board, a
wire service's and a broadcaster's page, a blog-like CMS); the templates are made up, no site's
page is copied, and every name in them is invented. A wire's ``수정`` stamp under its ``송고``
stamp never dates the page, and a Latin brand longer than a Korean name is a brand too. One shape
is still misread and kept as a strict xfail naming what comes out: an AI box labelled by a heading
of its own with no notice, on the broadcaster's page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.cleanup import is_boilerplate
from nlp.dates import KST
from nlp.extract import extract_page

PIPE = (
    "가온시, 노후 하수관 120㎞ 연내 교체 완료",
    [
        "가온시는 올해 안에 노후 하수관 120㎞를 모두 교체한다고 3일 밝혔다.",
        "교체 구간은 설치된 지 30년이 지난 관로로, 도심 침수와 도로 꺼짐의 원인으로 꼽혀 왔다.",
        "시는 이를 위해 국비와 시비 310억 원을 투입하며, 공사는 야간에 진행해 교통 불편을 줄일 계획이다.",
        '최민호 가온시 하수도과장은 "시민 안전을 위해 공사를 서두르겠다"고 말했다.',
    ],
)
LIBRARY = (
    "한빛구 작은도서관 12곳 주말 밤 10시까지 문 연다",
    [
        "한빛구는 이달부터 구립 작은도서관 12곳의 주말 운영 시간을 밤 10시까지 늘린다고 3일 밝혔다.",
        "그동안 작은도서관은 주말에 오후 6시면 문을 닫아 직장인과 학생들의 이용이 어려웠다.",
        "구는 연장 운영에 필요한 인력 24명을 새로 뽑고, 도서관마다 야간 독서 프로그램도 마련한다.",
        '정유진 한빛구 문화체육과장은 "주민 누구나 편한 시간에 책을 읽을 수 있게 하겠다"고 말했다.',
    ],
)
STORIES = [PIPE, LIBRARY]
NAV = (
    '<ul class="gnb"><li><a href="/">홈</a></li><li><a href="/news">뉴스</a></li>'
    '<li><a href="/p">정책</a></li></ul>'
)
FOOT = "<footer><p>Copyright © 가람일보. All rights reserved.</p></footer>"
DAY = dt.date(2024, 5, 3)
STAMP = dt.datetime(2024, 5, 3, 10, 20, tzinfo=KST)


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def _lines(body: str) -> list[str]:
    return [line for line in body.split("\n") if line.strip()]


# 1. a headline run on with its info line ----------------------------------------------------------

RUN_ON_INFO = (
    '<span class="writer">홍길동 기자</span><span class="date">2024년 05월 03일 (금) 10:20:00</span>'
)


def _run_on_paper(title: str, lines: list[str]) -> str:
    # no whitespace between any of the box's tags: the box's text is one line
    return (
        f'<html><head><meta charset="utf-8"><title>가람일보</title></head><body>{NAV}'
        f'<div id="news_view"><div class="view_top"><span class="title">{title}</span>{RUN_ON_INFO}</div>'
        f'<div class="view_con">{_paragraphs(lines)}</div></div>{FOOT}</body></html>'
    )


def _run_on_board(title: str, lines: list[str]) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>보도자료 | 한빛구청</title></head><body>{NAV}'
        f'<table class="bbs_view"><tr><td class="subject"><b>{title}</b>{RUN_ON_INFO}</td></tr>'
        f'<tr><td class="cont">{_paragraphs(lines)}</td></tr></table>{FOOT}</body></html>'
    )


@pytest.mark.parametrize("template", [_run_on_paper, _run_on_board])
@pytest.mark.parametrize("story", STORIES)
def test_a_headline_run_on_with_its_info_line_leaves_the_body(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    page = template(title, lines)
    assert f"{title}</span><span" in page or f"{title}</b><span" in page  # glued, really
    extracted = extract_page(page.encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines
    assert extracted.published == STAMP


# 2. a wire's stamp under the text, the label after the time ----------------------------------------


def _wire_agency(title: str, lines: list[str], stamps: list[str]) -> str:
    marks = "".join(f'<p class="stamp">{stamp}</p>' for stamp in stamps)
    return f"""<html><head><meta charset="utf-8"><title>{title} | 가람통신</title></head><body>{NAV}
<div class="article"><h1 class="tit">{title}</h1>
<div class="story">{_paragraphs(lines)}</div>{marks}</div>{FOOT}</body></html>"""


def _wire_broadcast(title: str, lines: list[str], stamps: list[str]) -> str:
    marks = "<br>".join(stamps)
    return f"""<html><head><meta charset="utf-8"><title>한빛방송 뉴스</title>
<meta property="og:title" content="{title}"></head><body>{NAV}<section class="news_view">
<h3 class="news_tit">{title}</h3><div class="news_txt">{"<br>".join(lines)}</div>
<div class="date_info">{marks}</div></section>{FOOT}</body></html>"""


WIRE_STAMPS = ["2024-05-03 10:20 송고", "2024.05.03 10:20 입력", "2024년 05월 03일 10:20 송고"]


@pytest.mark.parametrize("stamp", WIRE_STAMPS)
@pytest.mark.parametrize("template", [_wire_agency, _wire_broadcast])
@pytest.mark.parametrize("story", STORIES)
def test_a_wire_stamp_with_its_label_after_the_time_dates_the_page(template, story, stamp: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(title, lines, [stamp]).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines
    assert extracted.published == STAMP


MODIFIED = dt.datetime(2024, 5, 4, 9, 5, tzinfo=KST)


@pytest.mark.parametrize(
    "stamps",
    [["2024-05-04 09:05 수정"], ["2024-05-04 09:05 수정", "2024-05-03 10:20 송고"]],
)
@pytest.mark.parametrize("template", [_wire_agency, _wire_broadcast])
@pytest.mark.parametrize("story", STORIES)
def test_a_modified_stamp_is_never_the_published_date(template, story, stamps: list[str]) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    published = extract_page(template(title, lines, stamps).encode()).published
    assert published != MODIFIED
    assert published == (STAMP if len(stamps) > 1 else None)


@pytest.mark.parametrize("label", ["송고", "입력"])
@pytest.mark.parametrize("template", [_wire_agency, _wire_broadcast])
@pytest.mark.parametrize("story", STORIES)
def test_a_modified_stamp_under_the_wire_stamp_is_not_the_published_date(  # type: ignore[no-untyped-def]
    template, story, label: str
) -> None:
    title, lines = story
    stamps = [f"2024-05-03 10:20 {label}", "2024-05-04 09:05 수정"]
    assert extract_page(template(title, lines, stamps).encode()).published == STAMP


# 3. a photo story's [사진] headline, a labelled caption in the text -------------------------------

PHOTO = (
    "[사진] 폭염 속 무더위쉼터 점검하는 구청장",
    [
        "이가람 한빛구청장이 3일 오후 구내 경로당에 마련된 무더위쉼터를 찾아"
        " 냉방기 가동 상태를 살펴보고 있다.",
        "구는 폭염 특보가 풀릴 때까지 무더위쉼터 86곳을 밤 9시까지 연장 운영하고,"
        " 어르신들에게 생수를 나눠준다.",
    ],
)


def _photo_paper(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} - 가람일보</title>
<meta property="og:title" content="{title}"></head><body>{NAV}
<div class="article-head"><h1 class="headline">{title}</h1>
<div class="info">입력 2024.05.03 10:20 | 홍길동 기자</div></div>
<div id="article-body"><figure><img src="/p/1.jpg" alt=""></figure>{_paragraphs(lines)}</div>
{FOOT}</body></html>"""


def _photo_board(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>포토뉴스 상세 | 한빛구</title></head><body>{NAV}
<table class="bbs_view"><tr><th>제목</th><td>{title}</td></tr>
<tr><th>작성일</th><td>2024-05-03</td></tr>
<tr><td colspan="2"><img src="/p/1.jpg" alt="사진">{"<br>".join(lines)}</td></tr></table>
{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_photo_paper, _photo_board])
def test_a_photo_storys_labelled_headline_is_the_headline(template) -> None:  # type: ignore[no-untyped-def]
    title, lines = PHOTO
    extracted = extract_page(template(title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


CAPTIONS = [
    "&lt;사진&gt; 김 시장이 3일 노후 하수관 교체 현장을 둘러보고 있다.",
    "[사진] 김 시장이 3일 작은도서관 야간 독서 프로그램에 참여하고 있다.",
]


@pytest.mark.parametrize("caption", CAPTIONS, ids=["angle-label", "bracket-label"])
@pytest.mark.parametrize("template", [_photo_paper, _photo_board])
@pytest.mark.parametrize("story", STORIES)
def test_a_labelled_caption_in_the_text_still_leaves_the_body(template, story, caption: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(title, [caption, *lines]).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


# 4. an AI summary box over the text; a reporter's 다른기사 보기 line under it ------------------------

NOTICE = "AI 기술로 요약된 내용입니다. 정확한 내용은 기사 본문을 함께 읽어야 합니다."
SUMMARY_BOXES = [
    '<div class="ai_summary"><strong>AI 요약</strong><ul><li>{first}</li><li>{second}</li></ul>'
    f'<p class="ai_notice">{NOTICE}</p></div>',
    f'<div class="summary_box"><p>[AI 요약]</p><p>• {{first}}</p><p>• {{second}}</p><p>{NOTICE}</p></div>',
]
POINTS = {
    PIPE[0]: ("가온시, 노후 하수관 120㎞ 올해 교체", "국비와 시비 310억 원 투입"),
    LIBRARY[0]: ("작은도서관 12곳 주말 밤 10시까지 운영", "인력 24명 새로 채용"),
}
OWN_LIST = ["신청 대상: 구에 사는 주민 누구나", "신청 기간: 5월 7일부터 5월 31일까지"]


def _summarised_paper(title: str, box: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} - 가람일보</title></head><body>{NAV}
<div class="article-head"><h1 class="headline">{title}</h1>
<div class="info">입력 2024.05.03 10:20 | 홍길동 기자</div></div>
<div id="article-body">{box}{_paragraphs(lines)}</div>
<div class="reporter"><span class="name">홍길동 기자</span> <a href="/reporter/17">다른기사 보기</a></div>
{FOOT}</body></html>"""


def _summarised_broadcast(title: str, box: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>한빛방송 뉴스</title>
<meta property="og:title" content="{title}"></head><body>{NAV}<section class="news_view">
<div class="news_head"><h3 class="news_tit">{title}</h3><span class="date">2024.05.03 10:20</span></div>
<div class="news_body">{box}{_paragraphs(lines)}<p>홍길동 기자 다른기사 보기</p></div></section>
{FOOT}</body></html>"""


def _with_own_list(lines: list[str]) -> list[str]:
    return [*lines[:2], f"<ul><li>{OWN_LIST[0]}</li><li>{OWN_LIST[1]}</li></ul>", *lines[2:]]


@pytest.mark.parametrize("box", SUMMARY_BOXES, ids=["list-box-notice", "bullet-lines-notice"])
@pytest.mark.parametrize("template", [_summarised_paper, _summarised_broadcast])
@pytest.mark.parametrize("story", STORIES)
def test_an_ai_summary_box_over_the_text_leaves_the_body(template, story, box: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    first, second = POINTS[title]
    extracted = extract_page(template(title, box.format(first=first, second=second), lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


@pytest.mark.parametrize("box", SUMMARY_BOXES, ids=["list-box-notice", "bullet-lines-notice"])
@pytest.mark.parametrize("template", [_summarised_paper, _summarised_broadcast])
@pytest.mark.parametrize("story", STORIES)
def test_the_articles_own_list_under_an_ai_summary_stays(template, story, box: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    first, second = POINTS[title]
    page = template(title, box.format(first=first, second=second), _with_own_list(lines))
    body = _lines(extract_page(page.encode()).body)
    assert [line for line in body if line.lstrip("-• ") in OWN_LIST] and len(body) == len(lines) + 2
    assert first not in " ".join(body)


@pytest.mark.parametrize("template", [_summarised_paper, _summarised_broadcast])
@pytest.mark.parametrize("story", STORIES)
def test_an_ai_notice_alone_leaves_the_body(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(title, f"<p>{NOTICE}</p>", lines).encode())
    assert _lines(extracted.body) == lines


@pytest.mark.parametrize(
    "template",
    [
        _summarised_paper,
        pytest.param(
            _summarised_broadcast,
            marks=pytest.mark.xfail(
                strict=True,
                reason="broadcaster template, box <h4>AI 요약</h4><ul><li>…</li></ul> with no notice: the"
                " label line is gone before _without_machine_summary reads the lines, so nothing opens"
                " the box and its bullets ('- 가온시, 노후 하수관 120㎞ 올해 교체', …) stay as the body's"
                " first lines",
            ),
        ),
    ],
)
@pytest.mark.parametrize("story", STORIES)
def test_an_ai_summary_box_with_a_heading_label_and_no_notice_leaves_the_body(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    first, second = POINTS[title]
    box = f'<div class="ai_box"><h4>AI 요약</h4><ul><li>{first}</li><li>{second}</li></ul></div>'
    assert _lines(extract_page(template(title, box, lines).encode()).body) == lines


def test_a_reporters_other_articles_line_is_furniture() -> None:
    assert is_boilerplate("홍길동 기자 다른기사 보기")
    assert is_boilerplate("김서준 기자 다른 기사 더보기")
    assert not is_boilerplate("시는 다른 기사 보기 기능을 누리집에 새로 넣었다.")


# 5. an article's header with its headline is no site header ---------------------------------------

SHARE = (
    '<div class="share"><a href="https://share.example/fb">페이스북</a><a href="https://share.example/tw">트위터</a>'
    '<a href="javascript:kakao()">카카오톡</a><a href="#copy">URL복사</a></div>'
)
CRUMBS = (
    '<p class="path"><a href="/">홈</a> &gt; <a href="/news">뉴스</a> &gt; <a href="/news/local">지역</a></p>'
)
SECTIONS = '<p class="sect"><a href="/news/society">사회</a> <a href="/news/local">지역</a></p>'
HEADER_PIECES = {"share links": ("", SHARE), "a breadcrumb": (CRUMBS, ""), "section links": (SECTIONS, SHARE)}


def _article_header_blog(above: str, below: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가람일보</title></head><body>
<header class="entry-header">{above}<h1 class="entry-title">{title}</h1>
<div class="entry-meta">2024년 5월 3일</div>{below}</header>
<div class="entry-content">{_paragraphs(lines)}</div>{FOOT}</body></html>"""


def _article_header_board(above: str, below: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>한빛구청</title></head><body>
<div id="contents"><div class="view_header">{above}<h3>{title}</h3>
<ul class="view_info"><li>담당부서 문화체육과</li><li>2024-05-03</li></ul>{below}</div>
<div class="view_cont">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


@pytest.mark.parametrize("pieces", list(HEADER_PIECES), ids=list(HEADER_PIECES))
@pytest.mark.parametrize("template", [_article_header_blog, _article_header_board])
@pytest.mark.parametrize("story", STORIES)
def test_an_articles_header_with_its_headline_is_no_site_header(template, story, pieces: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    above, below = HEADER_PIECES[pieces]
    extracted = extract_page(template(above, below, title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


SITE_HEADERS = [
    '<header id="header"><h1 class="logo"><a href="/">가람일보 지역의 내일을 여는 신문</a></h1>'
    '<ul><li><a href="/politics">정치</a></li><li><a href="/society">사회</a></li>'
    '<li><a href="/local">지역</a></li><li><a href="/culture">문화</a></li></ul></header>',
    '<div class="site-header"><h2><a href="/">한빛구청 구민과 함께 여는 새로운 한빛</a></h2>'
    '<ul><li><a href="/gov">구정소식</a></li><li><a href="/news">새소식</a></li>'
    '<li><a href="/civil">민원안내</a></li></ul></div>',
]


def _chromed_paper(chrome: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가람일보</title></head><body>{chrome}
<div class="news"><div class="news_title">{title}</div><p class="info">2024.05.03 10:20</p>
<div class="txt">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _chromed_board(chrome: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>새소식 | 한빛구청</title></head><body>{chrome}
<table class="bbs"><tr><td class="subject">{title}</td></tr><tr><td>2024-05-03</td></tr>
<tr><td class="cont">{_paragraphs(lines)}</td></tr></table>{FOOT}</body></html>"""


@pytest.mark.parametrize("chrome", SITE_HEADERS)
@pytest.mark.parametrize("template", [_chromed_paper, _chromed_board])
@pytest.mark.parametrize("story", STORIES)
def test_a_site_header_with_a_logo_and_a_menu_is_still_chrome(template, story, chrome: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(chrome, title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


# 6. JSON-LD with a trailing comma or wrapped in a comment -----------------------------------------

LD = (
    '{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}",'
    '"datePublished":"2024-05-03T10:20:00+09:00",}}'
)
LD_BLOCKS = [LD, "<!--\n" + LD.replace(",}}", "}}") + "\n-->", "<!--\n" + LD + "\n-->"]


def _ld_paper(block: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} - 가람일보</title>
<script type="application/ld+json">{block}</script></head><body>{NAV}
<div class="article-head"><h1 class="headline">{title}</h1><div class="info">홍길동 기자</div></div>
<div id="article-body">{_paragraphs(lines)}</div>{FOOT}</body></html>"""


def _ld_board(block: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>새소식 상세 | 한빛구</title></head><body>{NAV}
<script type="application/ld+json">{block}</script>
<table class="bbs_view"><tr><th>제목</th><td>{title}</td></tr><tr><th>작성자</th><td>문화체육과</td></tr>
<tr><td colspan="2">{"<br>".join(lines)}</td></tr></table>{FOOT}</body></html>"""


@pytest.mark.parametrize("block", LD_BLOCKS, ids=["trailing-comma", "comment", "both"])
@pytest.mark.parametrize("template", [_ld_paper, _ld_board])
@pytest.mark.parametrize("story", STORIES)
def test_json_ld_with_a_trailing_comma_or_in_a_comment_is_read(template, story, block: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(block.format(title=title), title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines
    assert extracted.published == STAMP


# 7. a section label set after the headline in its heading -----------------------------------------

LABELLED_HEADINGS = [
    '<h1 class="headline">{title}<span>사회</span></h1>',
    '<h2 class="tit">{title} <span class="cate">지역</span></h2>',
    '<h2 class="tit">{title}<span class="cate">시정소식</span></h2>',  # a board's name, not a section's
]


def _headed_paper(heading: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가람일보</title></head><body>{NAV}
<div class="news">{heading}<p class="byline">홍길동 기자 | 입력 2024.05.03 10:20</p>
<div id="article-body">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _headed_board(heading: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>보도자료 상세 | 한빛구</title></head><body>{NAV}
<table class="board_view"><tr><td class="view_head">{heading}</td></tr><tr><td>2024-05-03</td></tr>
<tr><td class="view_cont">{_paragraphs(lines)}</td></tr></table>{FOOT}</body></html>"""


@pytest.mark.parametrize("heading", LABELLED_HEADINGS)
@pytest.mark.parametrize("template", [_headed_paper, _headed_board])
@pytest.mark.parametrize("story", STORIES)
def test_a_section_label_after_the_headline_is_not_part_of_it(template, story, heading: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(heading.format(title=title), lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


OWN_LAST_WORDS = [
    ("<h1>가온시, 장애인과 함께 사는 <em>사회</em></h1>", "가온시, 장애인과 함께 사는 사회"),
    ('<h2 class="tit">청년이 떠나지 않는 <strong>지역</strong></h2>', "청년이 떠나지 않는 지역"),
]


@pytest.mark.parametrize(("heading", "headline"), OWN_LAST_WORDS)
@pytest.mark.parametrize("template", [_headed_paper, _headed_board])
def test_the_headlines_own_emphasised_last_word_stays(template, heading: str, headline: str) -> None:  # type: ignore[no-untyped-def]
    assert extract_page(template(heading, PIPE[1]).encode()).title == headline


# 8. a bare date line under a deck taken into the text --------------------------------------------

DECKS = {
    PIPE[0]: "국비·시비 310억 원 투입…야간 공사로 불편 줄여",
    LIBRARY[0]: "인력 24명 새로 뽑고 야간 독서 프로그램 마련",
}


def _decked_paper(title: str, deck: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가람일보</title></head><body>{NAV}
<div class="article"><h1 class="tit">{title}<p class="sub">{deck}</p></h1>
<p>2024.05.03 10:20</p><div class="txt">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _decked_board(title: str, deck: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>한빛구청</title></head><body>{NAV}
<table class="bbs"><tr><td class="subject">{title}</td></tr><tr><td class="sub_subject">{deck}</td></tr>
<tr><td>2024.05.03 10:20</td></tr><tr><td class="cont">{_paragraphs(lines)}</td></tr></table>
{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_decked_paper, _decked_board])
@pytest.mark.parametrize("story", STORIES)
def test_a_bare_date_line_under_a_deck_in_the_text_dates_the_page(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(title, DECKS[title], lines).encode())
    assert extracted.title == title
    # the shape the rule is for: the deck is taken into the text, the date line under it is not text
    assert lines[0] in extracted.body and "2024.05.03 10:20" not in extracted.body
    assert extracted.published == STAMP


# 9. a <title> running the site's path on after the headline, the bare headline printed ------------


def _pathed_table(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} : 사회일반 : 사회 : 뉴스 : 가람겨레</title>
</head><body>{NAV}<table width="640"><tr><td>{title}</td></tr>
<tr><td>{"<br><br>".join(lines)}</td></tr></table>{FOOT}</body></html>"""


def _pathed_blog(title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{title} : 지역 : 뉴스 : 가람겨레</title>
</head><body>{NAV}<div class="article"><div>{title}</div><div>2024-05-03 10:20</div>
{_paragraphs(lines)}</div>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_pathed_table, _pathed_blog])
@pytest.mark.parametrize("story", STORIES)
def test_a_title_running_the_sites_path_on_gives_way_to_the_bare_printed_headline(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


# 10. a site's brand in Latin letters, a brand opening a headline ----------------------------------


def _branded_paper(brand: str, meta_title: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{meta_title}</title>
<meta property="og:title" content="{meta_title}"></head><body>
<div class="top"><a href="/"><img src="/logo.png" alt="{brand}"></a>{NAV}</div>
<div class="news"><h2 class="tit">{title}</h2><p class="info">2024.05.03 10:20</p>
<div class="txt">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _branded_board(brand: str, meta_title: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{meta_title}</title>
<meta property="og:title" content="{meta_title}"></head><body>
<div id="logo"><a href="/"><img src="/img/logo.gif" alt="{brand}"></a></div>{NAV}
<table class="bbs_view"><tr><td><b>{title}</b></td></tr><tr><td>등록일 2024-05-03</td></tr>
<tr><td class="cont">{"<br>".join(lines)}</td></tr></table>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_branded_paper, _branded_board])
@pytest.mark.parametrize("story", STORIES)
def test_a_latin_brand_in_title_and_og_title_gives_way_to_the_printed_headline(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template("GARAM NEWS", "GARAM NEWS", title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


ACCESS = (
    "가온군 누리집, 웹 접근성 인증 획득",
    [
        "가온군은 군 누리집이 한국웹접근성인증평가원의 웹 접근성 품질인증을 받았다고 3일 밝혔다.",
        "군은 지난해부터 누리집의 글자 크기 조절과 화면 낭독 기능을 손보고, 동영상에 자막을 달았다.",
        "인증 기간은 1년이며, 군은 해마다 점검을 받아 인증을 이어갈 계획이다.",
    ],
)


@pytest.mark.parametrize("template", [_branded_paper, _branded_board])
def test_a_brand_opening_the_headline_stays_in_it(template) -> None:  # type: ignore[no-untyped-def]
    title, lines = ACCESS
    extracted = extract_page(template("가온군", f"{title} | 가온군", title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


@pytest.mark.parametrize("template", [_branded_paper, _branded_board])
def test_a_longer_latin_brand_gives_way_to_the_printed_headline(template) -> None:  # type: ignore[no-untyped-def]
    title, lines = PIPE
    assert (
        extract_page(template("GAON WEEKLY NEWS", "GAON WEEKLY NEWS", title, lines).encode()).title == title
    )
