"""A board's read view links the post's title to its own permalink, inside a header block with a
few links of its own (category, writer, permalink): that block is the article's header, not the
site's, and its title is the headline. Two made-up templates: an XE-like board skin and a
WordPress theme's post header.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "국민연금 개혁안에 대한 시민연구소 입장"
LINES = [
    "국회가 국민연금 보험료율을 13%로 올리고 소득대체율을 43%로 정하는 개혁안을 통과시켰다.",
    "18년 만의 모수 개혁이라는 점에서 의미가 있지만 기금 고갈 시점을 늦추는 효과는 크지 않다.",
    "국가의 지급 보장을 법에 명문화하지 않은 것은 아쉬운 대목이다.",
]
LINK = "/index.php?mid=statement&amp;document_srl=310022"


def xe_page() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>성명·논평 - 시민연구소</title></head><body>
<div id="header"><h1><a href="/">시민연구소</a></h1><ul id="gnb"><li><a href="/intro">소개</a></li>
<li><a href="/statement">성명·논평</a></li></ul></div>
<div class="boardHeader"><h2 class="boardTitleText"><a href="/statement">성명·논평</a></h2></div>
<div class="boardRead"><div class="boardReadHeader">
<div class="titleArea"><h3 class="title"><a href="{LINK}">{TITLE}</a></h3>
<a href="/statement?category=101" class="category">입장</a><span class="date">2025.03.21 15:33</span></div>
<div class="authorArea"><a href="#popup_menu_area" class="member_4">시민연구소</a>
<a href="{LINK}" class="permaLink">https://example.or.kr{LINK}</a></div></div>
<div class="boardReadBody"><div class="xe_content">{text}</div></div></div>
<div id="footer">Powered by XE</div></body></html>"""


def wordpress_page() -> str:
    """A theme that sets the post in a ``<div>``, not an ``<article>``, its header linking home too."""
    text = "".join(f"<p>{line}</p>" for line in LINES)
    link = "https://example.or.kr/2025/03/21/pension/"
    return f"""<html><head><meta charset="utf-8"><title>시민연구소</title></head><body>
<div class="site-branding"><p class="site-title"><a href="/">시민연구소</a></p></div>
<div id="post-412" class="post type-post"><header class="entry-header">
<h1 class="entry-title"><a href="{link}" rel="bookmark">{TITLE}</a></h1>
<div class="entry-meta"><a href="/category/statement/">성명</a> <a href="/author/admin/">관리자</a>
<a href="{link}"><time datetime="2025-03-21T15:33:00+09:00">2025년 3월 21일</time></a></div></header>
<div class="entry-content">{text}</div></div></body></html>"""


@pytest.mark.parametrize("template", [xe_page, wordpress_page])
def test_a_title_linked_to_its_permalink_is_the_headline(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES
