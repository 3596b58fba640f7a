"""What a headline's box prints besides the headline, and which of a page's headline forms is kept.

A format tag before a headline (``[카드뉴스]``) is the headline's own while an outlet's name in
brackets is not; a byline, a date or page tools run on after the headline inside its box, as
elements of their own or as the box's own text, are not part of it (words of the headline in an
element of their own are); a short form in ``og:title`` and ``<title>`` gives way to the full
headline printed over the text, a heading that only adds words at an end does not; a board
table's caption listing its columns is not body text, sentences and lists with commas are; a
badge element glued to the heading keeps the space ``og:title`` gives it. Each rule is checked on
two templates of different markup written here (a newspaper's and a public office's board, two
boards, a newspaper's and a broadcaster's); the templates are made up, no site's page is copied.
The last section holds the shapes that first broke these rules: pieces run together, a
headline's own last word in an element of its own, the box's whole line left in the body.
"""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import html

from nlp.cleanup import is_boilerplate
from nlp.dates import KST
from nlp.extract import extract_page
from nlp.headings import title_text
from nlp.titles import clean_title, is_outlet_name

MAP = (
    "재난 위험지도 10년 만에 전면 개편",
    [
        "가온도는 도내 재난 위험지도를 10년 만에 전면 개편한다고 3일 밝혔다.",
        "새 지도는 하천 범람과 산사태, 해안 침수 위험을 한 화면에서 보여주며 읍면동 단위까지 세분화된다.",
        "도는 올해 하반기까지 도내 14개 시군의 위험 구역을 다시 조사해 지도에 반영할 계획이다.",
        '김서준 가온도 재난안전실장은 "주민이 사는 곳의 위험을 미리 알 수 있도록 하겠다"고 말했다.',
    ],
)
LOAN = (
    "청년 전세대출 이자 지원 내년부터 두 배로 확대",
    [
        "한빛구는 내년부터 청년 전세대출 이자 지원 한도를 연 100만 원에서 200만 원으로 늘린다고 3일 밝혔다.",
        "지원 대상은 구에 주민등록을 둔 만 19세부터 39세까지의 무주택 청년으로,"
        " 소득 기준은 중위소득 150% 이하다.",
        "구는 이를 위해 내년 예산에 12억 원을 편성했으며, 신청은 2월 1일부터 구 누리집에서 받는다.",
        '이서연 한빛구 청년정책과장은 "전세 보증금 부담을 덜어 청년들이 구에 머물도록 돕겠다"고 말했다.',
    ],
)
# the short form each newsroom tags for sharing: every word of the printed headline's, fewer between
SHORT = {MAP[0]: "재난 위험지도 개편", LOAN[0]: "청년 전세대출 이자 지원 확대"}
NAV = (
    '<ul class="gnb"><li><a href="/">홈</a></li><li><a href="/news">뉴스</a></li>'
    '<li><a href="/p">정책</a></li></ul>'
)
FOOT = "<footer><p>Copyright © 가온일보. All rights reserved.</p></footer>"
DAY = dt.date(2024, 5, 3)


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def _lines(body: str) -> list[str]:
    return [line for line in body.split("\n") if line.strip()]


# a format tag before the headline ------------------------------------------------------------------

FORMAT_TAGS = ["[카드뉴스]", "[포토뉴스]", "[영상뉴스]", "[그래픽뉴스]"]


def _tagged_paper(headline: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{headline} - 가온일보</title>
<meta property="og:title" content="{headline}"></head><body>{NAV}
<div class="article-head"><span class="section">사회</span><h1 class="headline">{headline}</h1>
<div class="info">입력 2024.05.03 10:20 | 홍길동 기자</div></div>
<div id="article-body">{_paragraphs(lines)}</div>{FOOT}</body></html>"""


def _tagged_board(headline: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{headline} | 보도자료 | 한빛구청</title></head>
<body>{NAV}<table class="bbs_view"><tr><th>제목</th><td>{headline}</td></tr>
<tr><th>작성일</th><td>2024-05-03</td></tr>
<tr><td colspan="2">{"<br>".join(lines)}</td></tr></table>{FOOT}</body></html>"""


@pytest.mark.parametrize("tag", FORMAT_TAGS)
@pytest.mark.parametrize("template", [_tagged_paper, _tagged_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_a_format_tag_before_the_headline_stays_in_it(template, story, tag: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    headline = f"{tag} {title}"
    extracted = extract_page(template(headline, lines).encode())
    assert extracted.title == headline
    assert _lines(extracted.body) == lines


@pytest.mark.parametrize("template", [_tagged_paper, _tagged_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_an_outlet_in_brackets_before_the_headline_still_goes(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    assert extract_page(template(f"[가온일보] {title}", lines).encode()).title == title


@pytest.mark.parametrize("tag", FORMAT_TAGS)
def test_a_format_tag_names_no_outlet(tag: str) -> None:
    assert not is_outlet_name(tag.strip("[]"))
    assert clean_title(f"{tag} {MAP[0]}") == f"{tag} {MAP[0]}"
    assert clean_title(f"{tag} {LOAN[0]} - 가온일보") == f"{tag} {LOAN[0]}"
    # a name ending in 뉴스 with no medium word before it is still an outlet's
    assert is_outlet_name("가온뉴스") and clean_title(f"[가온뉴스] {MAP[0]}") == MAP[0]


# a byline, a date or page tools as the title box's last children -----------------------------------

# a headline box with its byline and date, or its page tools, styled apart from it and run in by lxml
INFO_BOXES = [
    '<div class="article_title"><strong>{title}</strong> <span class="writer">홍길동 기자</span>'
    ' <span class="date">2024년 05월 03일 (금) 10:20:00</span></div>',
    '<div class="article_title"><strong>{title}</strong> <span class="date">2024.05.03 10:20</span>'
    ' <span class="writer">홍길동 기자</span></div>',  # the date first: only the box's children tell it
]
TOOL_BOXES = [
    '<h1>{title}<a href="#" class="share">공유하기</a></h1>',
    '<h2 class="tit">{title} <button>스크랩</button> <button>인쇄</button></h2>',
    '<h3 class="subject">{title} <span>조회수 1,024</span> <a href="#">URL 복사</a></h3>',
]
FURNISHED_BOXES = INFO_BOXES + TOOL_BOXES


def _furnished_paper(box: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>{NAV}
<div class="news">{box}<div id="article-body">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _furnished_board(box: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>보도자료 상세 | 한빛구</title></head><body>{NAV}
<table class="board_view"><tr><td class="view_head">{box}</td></tr>
<tr><td class="view_cont">{_paragraphs(lines)}</td></tr></table>{FOOT}</body></html>"""


@pytest.mark.parametrize("box", FURNISHED_BOXES)
@pytest.mark.parametrize("template", [_furnished_paper, _furnished_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_a_byline_date_or_tool_closing_the_title_box_is_not_part_of_the_headline(  # type: ignore[no-untyped-def]
    template, story, box: str
) -> None:
    title, lines = story
    assert extract_page(template(box.format(title=title), lines).encode()).title == title


@pytest.mark.parametrize("box", TOOL_BOXES)
@pytest.mark.parametrize("template", [_furnished_paper, _furnished_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_page_tools_closing_the_title_box_leave_the_headline_and_the_body(  # type: ignore[no-untyped-def]
    template, story, box: str
) -> None:
    title, lines = story
    extracted = extract_page(template(box.format(title=title), lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


@pytest.mark.parametrize("box", INFO_BOXES)
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_the_byline_and_date_closing_a_newspapers_title_box_still_date_the_article(
    story: tuple[str, list[str]], box: str
) -> None:
    title, lines = story
    extracted = extract_page(_furnished_paper(box.format(title=title), lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines
    assert extracted.published == dt.datetime(2024, 5, 3, 10, 20, tzinfo=KST)


# a headline whose last child is its own words
HEADLINE_CHILDREN = [
    ("<h1>가온시 청년 월세 지원 <em>두 배로</em> 늘린다</h1>", "가온시 청년 월세 지원 두 배로 늘린다"),
    ("<h1>한빛구, 공공자전거로 <span>공유경제 확대</span></h1>", "한빛구, 공공자전거로 공유경제 확대"),
    (
        '<h2 class="tit">가온시, 노후 하수관 <strong>2024년 안에</strong> 교체</h2>',
        "가온시, 노후 하수관 2024년 안에 교체",
    ),
    (
        '<h2 class="tit">재난 위험지도 전면 개편 <span>주민 의견도 듣는다</span></h2>',
        "재난 위험지도 전면 개편 주민 의견도 듣는다",
    ),
]


@pytest.mark.parametrize(("box", "headline"), HEADLINE_CHILDREN)
@pytest.mark.parametrize("template", [_furnished_paper, _furnished_board])
def test_a_headline_whose_last_child_is_its_own_words_keeps_them(template, box: str, headline: str) -> None:  # type: ignore[no-untyped-def]
    assert extract_page(template(box, MAP[1]).encode()).title == headline


# a date or a byline run on in the title box's own text --------------------------------------------

META_TAILS = ["2024년 05월 03일 (금) 10:20:00", "홍길동 기자 2024.05.03"]


def _run_on_paper(box_text: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>{NAV}
<div class="view"><div class="news_title">{box_text}</div>
<div class="txt">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _run_on_board(box_text: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>새소식 | 한빛구</title></head><body>{NAV}
<table class="bbs"><tr><td class="subject">{box_text}</td></tr>
<tr><td class="cont">{_paragraphs(lines)}</td></tr></table>{FOOT}</body></html>"""


@pytest.mark.parametrize("tail", META_TAILS)
@pytest.mark.parametrize("template", [_run_on_paper, _run_on_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_a_date_or_byline_run_on_in_the_title_box_is_not_part_of_the_headline(  # type: ignore[no-untyped-def]
    template, story, tail: str
) -> None:
    title, lines = story
    assert extract_page(template(f"{title} {tail}", lines).encode()).title == title


# a short form tagged for sharing, the full headline printed --------------------------------------


def _short_tagged_paper(short: str, printed: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{short} - 가온일보</title>
<meta property="og:title" content="{short}"><meta name="twitter:title" content="{short}"></head>
<body>{NAV}<div class="article-head"><h1 class="headline">{printed}</h1>
<div class="info">입력 2024.05.03 10:20 | 홍길동 기자</div></div>
<div id="article-body">{_paragraphs(lines)}</div>{FOOT}</body></html>"""


def _short_tagged_board(short: str, printed: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{short} | 보도자료 | 한빛구청</title>
<meta property="og:title" content="{short}"></head><body>{NAV}
<div class="board_view"><h3 class="view_tit">{printed}</h3>
<ul class="view_info"><li>담당부서 안전총괄과</li><li>등록일 2024-05-03</li></ul>
<div class="view_cont">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_short_tagged_paper, _short_tagged_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_the_full_headline_printed_over_the_text_beats_its_tagged_short_form(template, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    short = SHORT[title]
    assert all(word in title.split() for word in short.split())  # the short one is its abridgement
    extracted = extract_page(template(short, title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


@pytest.mark.parametrize(
    "printed",
    [
        "{short} 가온도 하반기 재조사",  # a deck run on after the headline: words only at the end
        "단독 {short}",  # a desk tag only in front
        "[단독] {short}",
    ],
)
@pytest.mark.parametrize("template", [_short_tagged_paper, _short_tagged_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_a_printed_heading_that_only_adds_at_an_end_leaves_the_tagged_headline(  # type: ignore[no-untyped-def]
    template, story, printed: str
) -> None:
    title, lines = story
    short = SHORT[title]
    # …but a desk's tag in brackets printed before it is the headline's own (``[단독] …``)
    expected = printed.format(short=short) if printed.startswith("[") else short
    assert extract_page(template(short, printed.format(short=short), lines).encode()).title == expected


# a board table's caption naming its columns ------------------------------------------------------

COLUMN_CAPTIONS = [
    "보도자료 상세보기 - 제목, 작성자, 작성일, 조회수, 첨부파일, 내용",
    "게시판 상세 : 제목, 작성자, 등록일, 조회수, 첨부파일, 내용으로 구성된 표입니다",
]


def _captioned_city_board(caption: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>보도자료 상세 | 가온시</title></head><body>{NAV}
<div class="bbs"><table class="board_view"><caption>{caption}</caption><tbody>
<tr><th scope="row">제목</th><td colspan="3">{title}</td></tr>
<tr><th scope="row">작성자</th><td>안전총괄과</td><th scope="row">작성일</th><td>2024-05-03</td></tr>
<tr><th scope="row">조회수</th><td>57</td>
<th scope="row">첨부파일</th><td><a href="/f/1">자료.hwp</a></td></tr>
<tr><td colspan="4" class="cont">{_paragraphs(lines)}</td></tr></tbody></table></div>{FOOT}</body></html>"""


def _captioned_agency_board(caption: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>새소식 &gt; 알림마당 &gt; 한빛구</title></head><body>
<div id="lnb">{NAV}</div><div id="content"><table class="tbl_view" summary="{caption}">
<caption><span class="blind">{caption}</span></caption>
<thead><tr><th colspan="2" class="subject">{title}</th></tr></thead>
<tbody><tr><td class="writer">작성자 : 총무과</td><td class="date">등록일 : 2024.05.03</td></tr>
<tr><td colspan="2" class="content">{"<br>".join(lines)}</td></tr></tbody></table></div>
{FOOT}</body></html>"""


@pytest.mark.parametrize("caption", COLUMN_CAPTIONS)
@pytest.mark.parametrize("template", [_captioned_city_board, _captioned_agency_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_a_board_tables_caption_listing_its_columns_is_not_body(template, story, caption: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(caption, title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines


@pytest.mark.parametrize("caption", COLUMN_CAPTIONS)
def test_a_column_list_is_furniture(caption: str) -> None:
    assert is_boilerplate(caption)


PROSE_WITH_COMMAS = [
    "시는 제목, 내용, 일정을 정해 공모한다.",
    "응모작에는 제목, 작성자, 연락처를 적어야 한다.",
    "지원 대상: 청년, 신혼부부, 노인, 장애인",
    "공모 부문: 시, 수필, 동화, 만화",
    "새 지도는 하천 범람, 산사태, 해안 침수 위험을 한 화면에 담는다.",
]


@pytest.mark.parametrize("line", PROSE_WITH_COMMAS)
def test_sentences_and_lists_with_commas_stay(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize("template", [_captioned_city_board, _captioned_agency_board])
def test_prose_with_commas_stays_in_a_captioned_boards_body(template) -> None:  # type: ignore[no-untyped-def]
    title, lines = MAP
    text = [*lines[:2], *PROSE_WITH_COMMAS, *lines[2:]]
    assert _lines(extract_page(template(COLUMN_CAPTIONS[0], title, text).encode()).body) == text


# a badge glued to the heading ------------------------------------------------------------------


def _badged_paper(badge: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>[{badge}] {title} - 가온일보</title>
<meta property="og:title" content="[{badge}] {title}"></head><body>{NAV}
<div class="article_view"><h2 class="tit"><span class="badge">{badge}</span>{title}</h2>
<p class="byline">홍길동 기자 | 입력 2024.05.03 10:20</p>
<div class="article_txt">{_paragraphs(lines)}</div></div>{FOOT}</body></html>"""


def _badged_broadcast(badge: str, title: str, lines: list[str]) -> str:
    return f"""<html><head><meta charset="utf-8"><title>한빛방송 뉴스</title>
<meta property="og:title" content="[{badge}] {title}"><meta name="twitter:title" content="[{badge}] {title}">
</head><body>{NAV}<section class="news_view">
<div class="news_head"><h3 class="news_tit"><em class="label">{badge}</em>{title}</h3>
<span class="date">2024.05.03 10:20</span></div>
<div class="news_body">{_paragraphs(lines)}</div></section>{FOOT}</body></html>"""


@pytest.mark.parametrize("badge", ["단독", "기획"])  # 속보 is a section word: a label
@pytest.mark.parametrize("template", [_badged_paper, _badged_broadcast])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_a_badge_glued_to_the_heading_keeps_the_tags_spacing(template, story, badge: str) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(badge, title, lines).encode())
    assert extracted.title == f"[{badge}] {title}"
    assert extracted.title != f"{badge}{title}"
    assert _lines(extracted.body) == lines


# shapes that first broke the rules above: pieces run together, a headline's own last word in an
# element, the box's line in the body, sentences opening with field words ---------------------------

GLUED_FURNITURE = [
    '<h2 class="tit">{title}<button>스크랩</button><button>인쇄</button></h2>',
    '<div class="tit"><strong>{title}</strong><span>홍길동 기자</span><span>2024.05.03</span></div>',
]


@pytest.mark.parametrize("box", GLUED_FURNITURE)
def test_furniture_pieces_glued_to_each_other_are_cut_too(box: str) -> None:
    title = MAP[0]
    assert title_text(html.fragment_fromstring(box.format(title=title))) == title


@pytest.mark.parametrize(
    ("box", "headline"),
    [
        ("<h1>청년 월세 지원 대상 <em>확대</em></h1>", "청년 월세 지원 대상 확대"),
        ("<h1>학교 급식 식재료 산지 정보 <strong>공유</strong></h1>", "학교 급식 식재료 산지 정보 공유"),
    ],
)
@pytest.mark.parametrize("template", [_furnished_paper, _furnished_board])
def test_a_tool_word_that_ends_the_headline_in_its_own_element_stays(  # type: ignore[no-untyped-def]
    template, box: str, headline: str
) -> None:
    assert extract_page(template(box, MAP[1]).encode()).title == headline


@pytest.mark.parametrize(
    ("template", "box_text"),
    [
        (_furnished_board, INFO_BOXES[0]),
        (_furnished_board, INFO_BOXES[1]),
        (_run_on_paper, "{title} " + META_TAILS[0]),
        (_run_on_board, "{title} " + META_TAILS[0]),
    ],
)
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_the_title_boxs_line_leaves_the_body_and_its_date_dates_the_article(  # type: ignore[no-untyped-def]
    template, story, box_text: str
) -> None:
    title, lines = story
    extracted = extract_page(template(box_text.format(title=title), lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines
    assert extracted.published is not None and extracted.published.date() == DAY


@pytest.mark.parametrize(
    "line",
    [
        "응모 방법: 제목, 작성자, 연락처를 적어 이메일로 제출",
        "제목, 작성자, 연락처를 적어 이메일로 보내면 된다.",
        "이름, 번호, 주소를 적어 보내면 된다.",
    ],
)
def test_a_sentence_opening_with_field_words_stays(line: str) -> None:
    assert not is_boilerplate(line)


# a section path before the headline in the window title ----------------------------------------------


def _pathed_paper(section: str, headline: str, lines: list[str]) -> str:
    """A paper whose ``<title>`` opens with the section as a path; the headline in a marked ``<strong>``."""
    return f"""<html><head><meta charset="utf-8"><title>{section} &gt; {headline} | 가온일보</title></head>
<body>{NAV}<div class="article_head"><strong class="title">{headline}</strong><em>등록 2024.05.03 10:20</em>
</div><div class="article_txt">{_paragraphs(lines)}</div>{FOOT}</body></html>"""


def _pathed_office(section: str, headline: str, lines: list[str]) -> str:
    """An office's news page: ``<title>`` a one-step path ``섹션 › 제목``, the headline in a ``<h3>``."""
    return f"""<html><head><meta charset="utf-8"><title>{section} › {headline}</title></head>
<body>{NAV}<div class="view"><h3 class="view_tit">{headline}</h3><p class="date">2024-05-03</p>
<div class="view_cont">{"<br>".join(lines)}</div></div>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_pathed_paper, _pathed_office])
@pytest.mark.parametrize(("section", "story"), [("사회", MAP), ("경제", LOAN)])
def test_a_section_path_before_the_headline_in_the_title_goes(template, section: str, story) -> None:  # type: ignore[no-untyped-def]
    title, lines = story
    extracted = extract_page(template(section, title, lines).encode())
    assert extracted.title == title
    assert _lines(extracted.body) == lines
    assert clean_title(f"{section} > {title}") == title


@pytest.mark.parametrize("headline", ["수도권 > 비수도권 인구 격차 더 벌어졌다", "경제 > 안보"])
def test_a_comparison_in_a_headline_is_no_path(headline: str) -> None:
    assert clean_title(headline) == headline


# a notice tag the outlet files with the headline --------------------------------------------------


@pytest.mark.parametrize("tag", ["[게시판]", "[알림]", "[공지]"])
@pytest.mark.parametrize("template", [_tagged_paper, _tagged_board])
@pytest.mark.parametrize("story", [MAP, LOAN])
def test_a_notice_tag_printed_with_the_headline_stays_in_it(template, story, tag: str) -> None:  # type: ignore[no-untyped-def]
    # a wire files ``[게시판] …`` and a paper ``[알림] …`` as the headline; a release's own page type
    # (``[보도자료] …``) still goes (``test_a_page_type_printed_before_the_headline_is_not_part_of_it``)
    title, lines = story
    headline = f"{tag} {title}"
    assert extract_page(template(headline, lines).encode()).title == headline


# a kicker over the headline, and a headline shared by its first clause ------------------------------

TWO_CLAUSES = '가온 전세사기 피해 300가구 넘어…"경매 중단해야"'
KICKER = "임대인 일가 빌라 50채 보유…피해액 450억 추산"
FRAUD = [
    "가온시에서 발생한 전세사기 피해 가구가 300곳을 넘어섰다.",
    "피해자 대책위원회는 경매 절차를 중단해 달라는 탄원서를 법원에 냈다. 대책위는 임대인 일가가 보유한 빌라가"
    " 50채에 이른다고 설명했다.",
    '대책위 위원장은 "집이 경매로 넘어가면 보증금을 돌려받을 길이 없다"며 "정부가 나서야 한다"고 말했다.',
    "시는 피해자 긴급 주거 지원을 확대하기로 했다. 시는 이달 중 피해 가구를 대상으로 상담 창구를 연다.",
]


def _kicker_paper(kicker: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가온한마당</title></head><body>{NAV}
<div class="article-head"><p class="top_title">{kicker}</p><h1 class="article-title">{TWO_CLAUSES}</h1>
<div class="byline">홍길동 기자 | 기사입력 2024/05/03 [14:22]</div></div>
<div class="article-text">{_paragraphs(FRAUD)}</div>{FOOT}</body></html>"""


def _kicker_magazine(kicker: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>가온 주간지</title></head><body>
<header><a class="logo" href="/">가온 주간지</a></header>
<div class="view-head"><div class="stitle">{kicker}</div>
<h1>{TWO_CLAUSES}</h1><div class="info">입력 2024.05.03</div></div>
<div class="view-body">{"<br><br>".join(FRAUD)}</div></body></html>"""


@pytest.mark.parametrize("template", [_kicker_paper, _kicker_magazine])
def test_a_kicker_over_the_h1_is_not_the_headline(template) -> None:  # type: ignore[no-untyped-def]
    extracted = extract_page(template(KICKER).encode())
    assert extracted.title == TWO_CLAUSES
    assert KICKER not in extracted.body
