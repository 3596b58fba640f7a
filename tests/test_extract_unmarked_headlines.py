"""Headlines the page barely marks: a tag only metadata carries, a greeting for a window title, a
bold line or a plain line opening the text, and an old board's article in one table cell.

Each rule is checked on two templates written here (made up, no site's page copied).
"""

from __future__ import annotations

import pytest

from nlp.extract import ExtractedPage, extract_page, extract_source_pages
from nlp.headline import opening_title
from nlp.titles import clean_title, is_headline

PARK = (
    "새벽시, 도심 공원 12곳 야간 개방 확대…밤 11시까지",
    [
        "새벽시는 이달부터 도심 공원 12곳의 야간 개방 시간을 밤 11시까지 늘린다고 4일 밝혔다.",
        "시는 공원마다 보안등 40개를 새로 달고 순찰 인력을 두 배로 늘렸다.",
        "개방 시간 확대는 주민 설문에서 응답자의 72%가 찬성한 데 따른 것이다.",
        '이서윤 새벽시 공원녹지과장은 "시민들이 밤에도 안심하고 쉴 수 있게 하겠다"고 말했다.',
    ],
)
LIBRARY = (
    "누리군 작은도서관 8곳 주말 운영 시작",
    [
        "누리군은 이번 주부터 작은도서관 8곳을 토요일과 일요일에도 운영한다고 5일 밝혔다.",
        "주말 운영 시간은 오전 10시부터 오후 5시까지이며 도서 대출과 반납을 모두 할 수 있다.",
        "군은 주말 근무 인력 16명을 새로 채용하고 운영비 3억 원을 지원한다.",
        '군 관계자는 "주민 누구나 가까운 곳에서 책을 읽을 수 있게 하겠다"고 말했다.',
    ],
)
NAV = '<ul class="gnb"><li><a href="/">홈</a></li><li><a href="/n">소식</a></li></ul>'


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def _extract(page: str) -> tuple[str | None, list[str]]:
    extracted = extract_page(page.encode())
    return extracted.title, [line for line in extracted.body.split("\n") if line.strip()]


# a bracketed tag only metadata carries ---------------------------------------------------------------


@pytest.mark.parametrize("story", [PARK, LIBRARY])
def test_a_tag_in_metadata_before_the_printed_headline_agrees_with_it(story: tuple[str, list[str]]) -> None:
    title, lines = story
    region = f"""<html><head><meta charset="utf-8"><title>[새벽] {title} - 새벽일보</title>
<meta property="og:title" content="[새벽] {title}"></head><body>{NAV}
<h1 class="tit">{title}</h1><div class="con">{_paragraphs(lines)}</div></body></html>"""
    photo = f"""<html><head><meta charset="utf-8"><title>【포토】 {title} | 누리신문</title>
<meta name="twitter:title" content="【포토】 {title}"></head><body>{NAV}
<div class="view"><h2 class="subject">{title}</h2>
<div class="txt">{_paragraphs(lines)}</div></div></body></html>"""
    for page in (region, photo):
        assert _extract(page) == (title, lines)


def test_a_tag_printed_with_the_headline_stays() -> None:
    title, lines = PARK
    page = f"""<html><head><meta charset="utf-8"><title>[단독] {title} - 새벽일보</title>
<meta property="og:title" content="[단독] {title}"></head><body>{NAV}
<h1 class="tit">[단독] {title}</h1><div class="con">{_paragraphs(lines)}</div></body></html>"""
    assert _extract(page)[0] == f"[단독] {title}"


# a window title that greets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [":: 누리군청에 오신것을 환영합니다 ::", "새벽시 누리집 방문을 환영합니다", "Welcome to Saebyeok City"],
)
def test_a_greeting_is_no_headline(text: str) -> None:
    assert not is_headline(text)


def test_a_headline_about_a_welcome_is_one() -> None:
    assert is_headline("누리군, 귀농 가구 환영 행사…정착금 500만원 지원")


# the headline as a bold line opening the text --------------------------------------------------------


@pytest.mark.parametrize("story", [PARK, LIBRARY])
def test_a_bold_line_opening_the_text_is_the_headline(story: tuple[str, list[str]]) -> None:
    title, lines = story
    converted = f"""<html><head><meta charset="utf-8"><title>보도자료</title></head><body>{NAV}
<div class="cont"><p><strong>{title}</strong></p>{_paragraphs(lines)}</div></body></html>"""
    old_board = f"""<html><head><meta charset="utf-8">
<title>:: 누리군청에 오신것을 환영합니다 ::</title></head>
<body><table><tr><td><img src="/img/title_news.gif" alt="군정소식"></td></tr><tr><td>
<table class="board"><tr><td bgcolor="#eeeeee"><b>{title}</b></td></tr>
<tr><td>작성일 : 2026-12-02 | 조회 : 35</td></tr><tr><td>{"<br>".join(lines)}</td></tr></table>
</td></tr></table></body></html>"""
    for page in (converted, old_board):
        assert _extract(page) == (title, lines)


def test_a_bold_sentence_opening_the_text_is_a_lead_not_a_headline() -> None:
    _, lines = PARK
    page = f"""<html><head><meta charset="utf-8"><title>보도자료</title></head><body>{NAV}
<div class="cont"><p><strong>{lines[0]}</strong></p>{_paragraphs(lines[1:])}</div></body></html>"""
    assert _extract(page)[0] is None


# a plain line opening the text -----------------------------------------------------------------------


@pytest.mark.parametrize("story", [PARK, LIBRARY])
def test_an_unmarked_opening_line_is_the_headline_when_nothing_else_names_one(
    story: tuple[str, list[str]],
) -> None:
    title, lines = story
    plain = f"""<html><head><meta charset="utf-8"><title>새벽시청</title>
<meta property="og:title" content="새벽시청">
</head><body>{NAV}<div class="view_head"><p>{title}</p><p>2026-12-02</p></div>
<div class="view_body">{_paragraphs(lines)}</div></body></html>"""
    loose = f"""<html><head><meta charset="utf-8"><title>군정소식 | 누리군</title></head><body>{NAV}
<section class="post"><div>{title}</div><div>{"<br>".join(lines)}</div></section></body></html>"""
    for page in (plain, loose):
        assert _extract(page) == (title, lines)


@pytest.mark.parametrize(
    "body",
    [
        "\n".join(PARK[1]),  # the first line is a sentence
        "□ 추진 배경\n" + "\n".join(PARK[1]),  # a list item
        "2026-12-02 공원녹지과\n" + "\n".join(PARK[1]),  # a date and label line
        PARK[0],  # nothing follows
    ],
)
def test_an_opening_line_that_does_not_read_as_a_headline_is_not_taken(body: str) -> None:
    assert opening_title(body) is None


def test_an_opening_line_the_source_repeats_is_not_taken() -> None:
    body = "\n".join([PARK[0], *PARK[1]])
    assert opening_title(body) == PARK[0]
    assert opening_title(body, template=frozenset({PARK[0]})) is None


# an old board's article in one table cell -----------------------------------------------------------


@pytest.mark.parametrize("story", [PARK, LIBRARY])
def test_a_table_cell_of_sentences_is_the_article_not_a_datum(story: tuple[str, list[str]]) -> None:
    title, lines = story
    three_breaks = f"""<html><head><meta charset="utf-8"><title>{title} - 새벽시</title></head><body>
<table class="view"><tr><th>제목</th><td>{title}</td></tr><tr><th>작성일</th><td>2026-12-02</td></tr>
<tr><td colspan="2">{"<br>".join(lines)}</td></tr></table></body></html>"""
    spans = f"""<html><head><meta charset="utf-8"><title>{title} | 누리군</title></head><body>
<table width="100%"><tr><td class="subject">{title}</td></tr>
<tr><td>{"".join(f"<span>{line}</span><br>" for line in lines[:3])}<span>{lines[3]}</span></td></tr></table>
</body></html>"""
    for page in (three_breaks, spans):
        assert _extract(page) == (title, lines)


# a slogan every page of a source prints where a headline would be --------------------------------------

STORIES = [
    PARK,
    LIBRARY,
    (
        "새벽시, 겨울철 한파 쉼터 150곳 운영…경로당·주민센터 개방",
        [
            "새벽시는 다음 달부터 내년 2월까지 한파 쉼터 150곳을 운영한다고 6일 밝혔다.",
            "쉼터는 경로당과 주민센터, 도서관 등에 마련되며 평일 오후 9시까지 문을 연다.",
        ],
    ),
    (
        "누리군, 농어촌 버스 요금 1천원 단일화",
        [
            "누리군은 내년 1월부터 농어촌 버스 요금을 거리와 관계없이 1천원으로 통일한다고 7일 밝혔다.",
            "군은 이번 조치로 주민 교통비 부담이 연간 12억 원가량 줄어들 것으로 내다봤다.",
        ],
    ),
]


def _city_page(title: str, lines: list[str]) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>새벽시청</title>
<meta property="og:title" content="새벽시청"></head><body>
<div class="top"><a href="/">새벽시청</a><ul class="menu"><li><a href="/a">시정</a></li>
<li><a href="/b">소식</a></li></ul></div><div class="top_title">시민과 함께하는 행복한 새벽</div>
<div class="v_t">{title}</div><div class="v_d">2026-12-02</div><div class="v_c">{_paragraphs(lines)}</div>
<div class="foot">새벽시 새벽로 1 | 대표전화 031-000-0000</div></body></html>""".encode()


def _county_page(title: str, lines: list[str]) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>군정소식 | 누리군</title></head><body>{NAV}
<div id="visual"><h2 class="sub_title">꿈이 자라는 누리, 함께 여는 미래</h2></div>
<div class="article"><p>{title}</p><div>{"<br>".join(lines)}</div></div></body></html>""".encode()


@pytest.mark.parametrize(("template", "host"), [(_city_page, "saebyeok.go.kr"), (_county_page, "nuri.go.kr")])
def test_a_slogan_the_source_repeats_gives_way_to_each_pages_opening_line(template, host: str) -> None:  # type: ignore[no-untyped-def]
    pages = [
        (template(title, lines), f"https://{host}/news/view.do?id={1000 + i}")
        for i, (title, lines) in enumerate(STORIES)
    ]
    if template is _city_page:  # alone, a page of this source offers only the slogan as a marked headline
        assert extract_page(pages[0][0], url=pages[0][1]).title != STORIES[0][0]
    extracted = extract_source_pages(pages)
    for (title, lines), page in zip(STORIES, extracted, strict=True):
        assert isinstance(page, ExtractedPage)
        assert page.title == title
        assert [line for line in page.body.split("\n") if line.strip()] == lines


# a short article beside a long box of its siblings ------------------------------------------------------

TREE = "[포토] 새벽시청 광장 성탄 트리 점등"
CLOSED = "누리군 작은도서관 휴관 안내"


def _photo_news(host: str) -> tuple[bytes, str]:
    most_read = "".join(
        f'<li><a href="https://{host}/news/articleView.html?idxno={2000 + i}">'
        f"새벽시 관련 다른 기사 제목 {i}번째 소식입니다</a></li>"
        for i in range(30)
    )
    page = f"""<html><head><meta charset="utf-8"><title>{TREE} - 새벽일보</title>
<meta property="og:type" content="article"></head><body>{NAV}<h1>{TREE}</h1>
<div id="article-view-content-div">
<p>새벽시청 앞 광장에 높이 12m의 성탄 트리가 불을 밝혔다. 트리는 1월 6일까지 점등된다.</p></div>
<div class="rel"><h3>많이 본 뉴스</h3><ul>{most_read}</ul></div></body></html>"""
    return page.encode(), f"https://{host}/news/articleView.html?idxno=1999"


def _brief_on_a_board(host: str) -> tuple[bytes, str]:
    rows = "".join(
        f'<tr><td>{300 - i}</td><td><a href="https://{host}/board/view.do?bbsId=B01&amp;nttId={5000 + i}">'
        f"누리군 군정 소식 게시물 제목 {i}번째 안내입니다</a></td><td>2026-11-{10 + i % 19:02d}</td></tr>"
        for i in range(20)
    )
    page = f"""<html><head><meta charset="utf-8"><title>{CLOSED} | 군정소식 | 누리군</title></head>
<body>{NAV}<div class="view"><h3 class="view_tit">{CLOSED}</h3>
<div class="view_con"><p>누리군 작은도서관은 시설 점검을 위해 12월 9일 하루 휴관한다고 밝혔다.</p></div></div>
<table class="list"><tr><th>번호</th><th>제목</th><th>등록일</th></tr>{rows}</table></body></html>"""
    return page.encode(), f"https://{host}/board/view.do?bbsId=B01&nttId=4999"


@pytest.mark.parametrize(("template", "title"), [(_photo_news, TREE), (_brief_on_a_board, CLOSED)])
def test_a_short_article_among_links_to_its_siblings_is_an_article(template, title: str) -> None:  # type: ignore[no-untyped-def]
    raw, url = template("news.example.kr")
    extracted = extract_page(raw, url=url)
    assert (extracted.kind, extracted.title) == ("article", title)
    assert "밝혔다" in extracted.body
    # at an index's address, with its headline printed as a link (as an index prints its
    # headlines), the same page is read as the index it then looks like
    index_url = url.replace("articleView.html?idxno=1999", "articleList.html?sc_section_code=S1N1").replace(
        "view.do?bbsId=B01&nttId=4999", "list.do?bbsId=B01"
    )
    linked = raw.decode().replace(f">{title}</h", f'><a href="/top">{title}</a></h').encode()
    assert extract_page(linked, url=index_url).kind == "listing"


# a lead box of whole sentences is the article's first paragraph -------------------------------------


@pytest.mark.parametrize("story", [PARK, LIBRARY])
def test_a_lead_box_of_whole_sentences_stays_in_the_body(story: tuple[str, list[str]]) -> None:
    title, lines = story
    split = f"""<html><head><meta charset="utf-8"><title>{title} - 새벽일보</title></head><body>{NAV}
<h1>{title}</h1><div class="lead"><p>{lines[0]}</p></div><div class="ad">광고</div>
<div class="body">{_paragraphs(lines[1:])}</div>
</body></html>"""
    summary = f"""<html><head><meta charset="utf-8"><title>{title} | 누리신문</title></head><body>{NAV}
<article><h2 class="tit">{title}</h2><p class="article-summary">{lines[0]}</p>
{_paragraphs(lines[1:])}</article>
</body></html>"""
    for page in (split, summary):
        extracted = extract_page(page.encode())
        assert [line for line in extracted.body.split("\n") if line.strip()] == lines
        assert extracted.lead is None


def test_a_sub_headline_box_is_still_the_lead() -> None:
    title, lines = PARK
    deck = "보안등 40개 새로 달고 순찰 두 배로"
    page = f"""<html><head><meta charset="utf-8"><title>{title} - 새벽일보</title></head><body>{NAV}
<h1>{title}</h1><div class="sub-title">{deck}</div><div class="body">{_paragraphs(lines)}</div>
</body></html>"""
    extracted = extract_page(page.encode())
    assert extracted.lead == deck
    assert [line for line in extracted.body.split("\n") if line.strip()] == lines


@pytest.mark.parametrize("story", [PARK, LIBRARY])
def test_a_heading_under_a_slogan_the_extractor_kept_is_the_headline(story: tuple[str, list[str]]) -> None:
    title, lines = story
    city = f"""<html><head><meta charset="utf-8"><title>새벽시청</title></head><body>{NAV}
<div id="content"><p class="slogan">함께 만드는 행복도시 새벽</p><div class="bbs"><h4>{title}</h4>
{_paragraphs(lines)}</div></div></body></html>"""
    county = f"""<html><head><meta charset="utf-8"><title>누리군</title></head><body>{NAV}
<main><div>군민이 주인인 누리</div><div>새소식 알림판</div><h2>{title}</h2>
<div>{_paragraphs(lines)}</div></main></body></html>"""
    for page in (city, county):
        assert _extract(page) == (title, lines)


@pytest.mark.parametrize("story", [PARK, LIBRARY])
def test_a_title_cut_short_takes_the_line_it_starts(story: tuple[str, list[str]]) -> None:
    title, lines = story
    cut = title[: len(title) * 2 // 3].rstrip()
    board = f"""<html><head><meta charset="utf-8"><title>{cut}...</title></head><body>{NAV}
<div id="content"><div class="board"><p class="t">{title}</p>{_paragraphs(lines)}</div></div></body></html>"""
    paper = f"""<html><head><meta charset="utf-8"><title>{cut}…</title>
<meta property="og:title" content="{cut}…"></head><body>{NAV}
<table><tr><td>{title}</td></tr><tr><td>{_paragraphs(lines)}</td></tr></table></body></html>"""
    for page in (board, paper):
        assert _extract(page) == (title, lines)


@pytest.mark.parametrize("name", ["Saebyeok City Hall", "Nuri County Office", "Ministry of Saebyeok Affairs"])
@pytest.mark.parametrize("story", [PARK, LIBRARY])
def test_an_english_site_name_after_a_bar_leaves_the_title(name: str, story: tuple[str, list[str]]) -> None:
    title, lines = story
    page = f"""<html><head><meta charset="utf-8"><title>{title} | {name}</title></head><body>{NAV}
<div id="content">{_paragraphs(lines)}</div></body></html>"""
    assert _extract(page) == (title, lines)


@pytest.mark.parametrize(
    ("raw", "headline"),
    [
        ("새벽시, K-pop 축제 연다", "새벽시, K-pop 축제 연다"),  # Latin words inside a headline
        ("누리군 드론 배송 시험 | Drone 2", "누리군 드론 배송 시험 | Drone 2"),  # a digit: no name
        ("Gaon Fest 2026 열린다 | 가온시", "Gaon Fest 2026 열린다"),
    ],
)
def test_english_words_of_a_headline_stay(raw: str, headline: str) -> None:
    assert clean_title(raw) == headline
