"""Window titles that name the site first, wear ornaments, or disagree with the text's first heading.

Each convention on two made-up templates:
- "site - board - subject" (an XE-style board, a community portal): the site's brand, which its
  front-page link prints, opens the window title before a spaced separator;
- a table-era page whose window title is only the site's name between ornaments (``::가온뉴스::``)
  and whose menu is one cell of links set apart by bars;
- a post whose text opens with a sub-heading while ``<title>`` and the ``<h1>`` agree.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page
from nlp.titles import clean_title

TITLE = "가온시 1회 추경 540억 편성"
LINES = [
    "가온시가 올해 첫 추가경정예산안으로 540억원을 편성해 의회에 제출했다고 밝혔다.",
    "소상공인 특례보증 규모를 늘리고, 지역사랑상품권 할인율을 하반기까지 10%로 유지한다.",
    "추경안은 시의회 임시회 심의를 거쳐 다음 달 초 확정될 예정이다.",
]
TEXT = "".join(f"<p>{line}</p>" for line in LINES)


def xe_board() -> str:
    return f"""<html><head><meta charset="utf-8"><title>가온마을소식 - 마을뉴스 - {TITLE}</title>
<meta property="og:title" content="가온마을소식 - 마을뉴스 - {TITLE}"></head><body>
<div class="header"><h1><a href="/">가온마을소식</a></h1></div><div class="board_read">
<div class="read_header"><h1><a href="/news/41023">{TITLE}</a></h1><p class="time">2025.04.28 11:02</p></div>
<div class="read_body">{TEXT}</div></div></body></html>"""


def portal_board() -> str:
    return f"""<html><head><meta charset="utf-8"><title>나래동네 - 동네이야기 - {TITLE}</title>
<meta property="og:title" content="나래동네 - 동네이야기 - {TITLE}"></head><body>
<header><a href="/index.php"><img src="/logo.png" alt="나래동네"></a>
<nav><a href="/a">동네소식</a> <a href="/b">모임</a> <a href="/c">장터</a></nav></header>
<section class="post"><h2 class="post-subject"><a href="/b/77">{TITLE}</a></h2>
<div class="post-info">2025-04-28</div>
<div class="post-content">{TEXT}</div></section></body></html>"""


def ornament_table() -> str:
    return f"""<html><head><meta charset="utf-8"><title>::가온뉴스::</title></head><body>
<table width="980"><tr><td class="top_date">2025년 04월 28일 월요일 | <a href="/login">로그인</a></td></tr>
<tr><td class="menu"><a href="/l?c=1">지역뉴스</a> | <a href="/l?c=2">의회</a> |
<a href="/l?c=3">교육</a> | <a href="/l?c=4">사람들</a></td></tr>
<table width="100%"><tr><td class="view_title">{TITLE}</td></tr>
<tr><td class="view_text">{"<br><br>".join(LINES)}</td></tr></table></table></body></html>"""


def ornament_layout() -> str:
    return f"""<html><head><meta charset="utf-8"><title>[나래일보]</title></head><body>
<table width="960"><tr><td><a href="/n/1">정치</a> | <a href="/n/2">경제</a> | <a href="/n/3">사회</a> |
<a href="/n/4">문화</a></td></tr><tr><td><table><tr><td class="subject"><b>{TITLE}</b></td></tr>
<tr><td>{TEXT}</td></tr></table></td></tr></table></body></html>"""


def block_editor_post() -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} &#8211; 가온저널</title></head>
<body><header><p class="site-title"><a href="/">가온저널</a></p></header><article class="post">
<header><h1 class="entry-title">{TITLE}</h1><time datetime="2025-04-28T02:02:00+00:00">2025년 4월 28일</time>
</header><div class="entry-content"><h2 class="wp-block-heading">소상공인 지원 확대</h2>{TEXT}</div>
</article></body></html>"""


def magazine_post() -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 나래매거진</title></head><body>
<div class="top"><a href="/">나래매거진</a></div><div class="article"><h1 class="headline">{TITLE}</h1>
<p class="byline">2025.04.28 11:02</p><div class="article-body"><h2>민생 회복에 절반</h2>{TEXT}</div>
</div></body></html>"""


@pytest.mark.parametrize(
    "template", [xe_board, portal_board, ornament_table, ornament_layout, block_editor_post, magazine_post]
)
def test_the_headline_is_the_subject(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert LINES[0] in extracted.body.split("\n")
    assert not any("지역뉴스" in line or "정치 |" in line for line in extracted.body.split("\n"))


def test_a_city_opening_its_own_headline_keeps_its_name() -> None:
    title = "가온시, 청년 농부 40명 선발"
    page = f"""<html><head><meta charset="utf-8"><title>{title} - 가온시</title></head><body>
<header><a href="/">가온시</a></header><div class="view"><h3>{title}</h3><p>2025-04-28</p>{TEXT}</div>
</body></html>"""
    assert extract_page(page.encode()).title == title


@pytest.mark.parametrize(
    ("window", "title"),
    [
        ("(참고자료) 2025년 4월 주택 통계", "2025년 4월 주택 통계"),
        ("(설명자료)가온부, 일회용컵 보증금제 폐지 검토 안 해", "가온부, 일회용컵 보증금제 폐지 검토 안 해"),
        ("(종합) 가온시 예산 1조 돌파", "(종합) 가온시 예산 1조 돌파"),
        ("::가온뉴스::", "가온뉴스"),
        ("◆ 나래일보 ◆", "나래일보"),
        ("[포토] 봄꽃 활짝 핀 가온천", "[포토] 봄꽃 활짝 핀 가온천"),
    ],
)
def test_window_title_marks(window: str, title: str) -> None:
    assert clean_title(window) == title
