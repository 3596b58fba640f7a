"""Index or article: a board opening its posts by script, an article over a list of related links.

Boards built on the public sector's framework link each post with ``javascript:fn_view('1234')``
or an ``onclick`` handler whose function lives in a shared script file. With no URL to follow, the
page is still an index (``kind == "listing"``), never an article named after its first row. Checked
on a board table and on a list of posts, with both ways of calling the script; the templates are
made up, no site's page is copied. And a page printing its own headline box over a short text
(a photo story's caption, a brief notice) is an article however long the list under it; a
board's name over its list (``2024년 보도자료 목록``) is no such box.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

POSTS = [
    ("가온시, 2024년 하반기 재난안전 대피훈련 실시", "1201"),
    ("여름철 폭염 대비 무더위쉼터 150곳 운영", "1200"),
    ("청년 월세 지원 대상 두 배로 확대", "1199"),
    ("심야 마을버스 4개 노선 새로 운행", "1198"),
    ("시립도서관 야간 개관 시범 운영 안내", "1197"),
]
NAV = (
    '<ul class="gnb"><li><a href="/">홈</a></li><li><a href="/news">시정소식</a></li>'
    '<li><a href="/civil">민원</a></li></ul>'
)
FOOT = "<footer><p>(00000) 가온시 중앙로 1 가온시청 | 대표전화 031-000-0000</p></footer>"


def _href(title: str, ident: str) -> str:
    return f"<a href=\"javascript:fn_view('{ident}');\">{title}</a>"


def _onclick(title: str, ident: str) -> str:
    return f'<a href="#" onclick="fnDetail(\'{ident}\'); return false;">{title}</a>'


def _board_table(link: Callable[[str, str], str]) -> str:
    rows = "".join(
        f"<tr><td>{ident}</td><td class='subject'>{link(title, ident)}</td>"
        "<td>홍보담당관</td><td>2024-05-03</td></tr>"
        for title, ident in POSTS
    )
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 가온시</title></head><body>{NAV}
<h3>보도자료</h3><table class="board_list">
<thead><tr><th>번호</th><th>제목</th><th>작성자</th><th>작성일</th></tr></thead><tbody>{rows}</tbody>
</table><div class="paging"><a href="?page=2">2</a></div>{FOOT}</body></html>"""


def _post_list(link: Callable[[str, str], str]) -> str:
    items = "".join(
        f"<li>{link(title, ident)}<span class='date'>2024.05.03</span>"
        "<span class='dept'>복지정책과</span></li>"
        for title, ident in POSTS
    )
    return f"""<html><head><meta charset="utf-8"><title>한빛구청 - 새소식</title></head><body>{NAV}
<div id="content"><h2>새소식</h2><ul class="bbs_list">{items}</ul></div>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_board_table, _post_list])
@pytest.mark.parametrize("link", [_href, _onclick])
def test_a_board_opening_posts_by_script_is_an_index(
    template: Callable[[Callable[[str, str], str]], str], link: Callable[[str, str], str]
) -> None:
    extracted = extract_page(template(link).encode())
    assert extracted.kind == "listing"
    assert extracted.title != POSTS[0][0]


@pytest.mark.parametrize("template", [_board_table, _post_list])
def test_an_article_with_a_script_linked_sidebar_stays_an_article(
    template: Callable[[Callable[[str, str], str]], str],
) -> None:
    lines = [
        "가온시는 여름철 폭염에 대비해 무더위쉼터 150곳을 운영한다고 3일 밝혔다.",
        "쉼터는 경로당과 주민센터, 도서관 등에 마련되며 오후 9시까지 문을 연다.",
        "시는 쉼터마다 냉방기와 생수를 갖추고 담당 공무원을 배치해 어르신의 건강 상태를 살필 계획이다.",
        '김하늘 가온시 복지정책과장은 "폭염 취약계층이 안전하게 여름을 나도록 돕겠다"고 말했다.',
    ]
    board = template(_onclick)
    article = board.replace(
        "<body>",
        '<body><div class="view"><h3 class="tit">가온시, 폭염 대비 무더위쉼터 150곳 운영</h3>'
        f"<div class='cont'>{''.join(f'<p>{line}</p>' for line in lines)}</div></div>",
    )
    extracted = extract_page(article.encode())
    assert extracted.kind == "article"
    assert extracted.title == "가온시, 폭염 대비 무더위쉼터 150곳 운영"
    assert all(line in extracted.body for line in lines)


# an article's own headline box over a short text, a long list of related links under it -----------

RELATED = [
    "시청 앞 광장서 주말 벼룩시장 열린다",
    "도의회, 내년 예산안 심사 착수…쟁점은 복지",
    "지역 청년 창업 지원금 두 배로 늘린다",
    "가을 축제 자원봉사자 모집 시작",
    "노후 상수도관 교체 공사 이달 착공",
    "공공자전거 500대 추가 배치한다",
    "초등 돌봄교실 2곳 추가 개설 예정",
    "전통시장 주차장 주말 무료 개방",
    "시립도서관 야간 개관 시범 운영",
    "심야 마을버스 4개 노선 신설 추진",
]
PHOTO = "[포토] 폭염 속 무더위쉼터 점검하는 구청장"
CAPTION = "김철수 가온구청장이 3일 관내 무더위쉼터를 찾아 냉방기 가동 상태를 점검하고 있다."


def _photo_story(title_tag: str, headline: str) -> str:
    related = "".join(
        f'<li><a href="/news/articleView.html?idxno={200 + i}">{text}</a>'
        f"<span>2024.05.0{i % 9 + 1}</span></li>"
        for i, text in enumerate(RELATED)
    )
    return f"""<html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>{NAV}
<div class="article-head"><h3 class="heading">{headline}</h3><p class="info">입력 2024.05.03 10:20</p></div>
<article><figure><img src="/p.jpg"></figure><p>{CAPTION}</p></article>
<section class="related"><h4>관련기사</h4><ul>{related}</ul></section>{FOOT}</body></html>"""


def _notice_on_a_board(title_tag: str, headline: str) -> str:
    rows = "".join(
        f'<tr><td>{300 - i}</td><td><a href="/board/view.do?nttId={5000 + i}">{text}</a></td>'
        f"<td>2024-05-{1 + i:02d}</td></tr>"
        for i, text in enumerate(RELATED)
    )
    return f"""<html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>{NAV}
<div class="view"><div class="view_tit">{headline}</div><div class="view_info">등록일 2024-05-03</div>
<div class="view_con"><p>{CAPTION}</p></div></div>
<table class="list"><tr><th>번호</th><th>제목</th><th>등록일</th></tr>{rows}</table>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_photo_story, _notice_on_a_board])
@pytest.mark.parametrize("title_tag", [f"{PHOTO} - 가람일보", "가람일보"])
def test_a_headline_box_over_a_short_text_makes_an_article(
    template: Callable[[str, str], str], title_tag: str
) -> None:
    extracted = extract_page(template(title_tag, PHOTO).encode())
    assert extracted.kind == "article"
    assert extracted.title == PHOTO
    assert CAPTION in extracted.body


@pytest.mark.parametrize("template", [_photo_story, _notice_on_a_board])
def test_a_boards_name_over_its_list_makes_no_article(template: Callable[[str, str], str]) -> None:
    page = template("2024년 보도자료 목록 | 가온시", "2024년 보도자료 목록").replace(f"<p>{CAPTION}</p>", "")
    assert extract_page(page.encode()).kind == "listing"


# a row that opens its post, and scripts the page carries ------------------------------------------

INLINE_VIEW = '<script>function fn_view(seq) { location.href = "/news/view.do?seq=" + seq; }</script>'
TWO_ARGS = (
    "<script>function goView(bbsId, nttId) {\n"
    '  location.href = "/board/view.do?bbsId=" + bbsId + "&nttId=" + nttId;\n}</script>'
)


def _clickable_rows(handler: Callable[[str], str], script: str = "") -> str:
    """A board whose whole rows open their posts; the headline's own link is empty."""
    rows = "".join(
        f'<tr onclick="{handler(ident)}" style="cursor:pointer"><td>{ident}</td>'
        f'<td class="tl"><a href="#none">{title}</a></td><td>홍보담당관</td><td>2024.05.03</td></tr>'
        for title, ident in POSTS
    )
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 가온시</title>{script}</head><body>{NAV}
<table class="board_list"><thead><tr><th>번호</th><th>제목</th><th>부서</th><th>등록일</th></tr></thead>
<tbody>{rows}</tbody></table>{FOOT}</body></html>"""


def _clickable_items(handler: Callable[[str], str], script: str = "") -> str:
    """A list of posts whose items open them; the headline's link is ``#``."""
    items = "".join(
        f'<li onclick="{handler(ident)}"><a href="#">{title}</a><span class="date">2024.05.03</span></li>'
        for title, ident in POSTS
    )
    return f"""<html><head><meta charset="utf-8"><title>한빛구청 - 새소식</title>{script}</head><body>{NAV}
<div id="content"><h2>새소식</h2><ul class="bbs_list">{items}</ul></div>{FOOT}</body></html>"""


@pytest.mark.parametrize("template", [_clickable_rows, _clickable_items])
def test_a_rows_script_handler_with_the_pages_own_function_gives_the_posts_urls(
    template: Callable[..., str],
) -> None:
    extracted = extract_page(template(lambda i: f"fn_view('{i}')", INLINE_VIEW).encode())
    assert extracted.kind == "listing"
    assert list(extracted.links) == [f"/news/view.do?seq={ident}" for _, ident in POSTS]


@pytest.mark.parametrize("template", [_clickable_rows, _clickable_items])
def test_a_rows_handler_naming_the_url_gives_it(template: Callable[..., str]) -> None:
    extracted = extract_page(
        template(lambda i: f"location.href='/bbs/view.do?idx={i}&amp;menuId=33'").encode()
    )
    assert extracted.kind == "listing"
    assert list(extracted.links) == [f"/bbs/view.do?idx={ident}&menuId=33" for _, ident in POSTS]


@pytest.mark.parametrize("template", [_board_table, _post_list])
def test_a_function_of_two_arguments_puts_each_where_it_goes(template: Callable[..., str]) -> None:
    def link(title: str, ident: str) -> str:
        return f"<a href=\"javascript:goView('BBS_0000012','{ident}');\">{title}</a>"

    page = template(link).replace("</title>", "</title>" + TWO_ARGS, 1)
    extracted = extract_page(page.encode())
    assert list(extracted.links) == [f"/board/view.do?bbsId=BBS_0000012&nttId={ident}" for _, ident in POSTS]


@pytest.mark.parametrize("template", [_board_table, _post_list])
def test_a_function_reading_a_name_the_call_does_not_give_gives_no_url(template: Callable[..., str]) -> None:
    body = 'location.href = "/b/view.do?bbsId=" + BBS_ID + "&seq=" + seq;'
    script = f"<script>function fn_view(seq) {{ {body} }}</script>"
    page = template(_href).replace("</title>", "</title>" + script, 1)
    extracted = extract_page(page.encode())
    assert extracted.kind == "listing"
    assert list(extracted.links) == []
