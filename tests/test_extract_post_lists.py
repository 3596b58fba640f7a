"""The board's list of other posts printed under a read view, as a table of rows ``| 제목 | 날짜 |``:
each row holds another post's linked title, so the run of such rows closing the text goes. Two
made-up templates: an XE-like board and a blog skin's "other posts in this category" table.
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
POSTS = [
    ("2025년 정기총회 자료집 공개", "2025.03.21"),
    ("조세정의 실현을 위한 세법개정 의견서", "2025.03.14"),
]


def board_page(link: Callable[[int], str]) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    rows = "".join(
        f'<tr><td class="title"><a href="{link(n)}">{title}</a></td><td class="date">{day}</td></tr>'
        for n, (title, day) in enumerate(POSTS)
    )
    return f"""<html><head><meta charset="utf-8"><title>성명·논평 - 시민연구소</title></head><body>
<div id="gnb"><a href="/">시민연구소</a> <a href="/statement">성명·논평</a></div>
<div class="boardRead"><h3 class="title">{TITLE}</h3><span class="date">2025.03.21</span>
<div class="xe_content">{text}</div></div>
<div class="boardList"><table>{rows}</table></div></body></html>"""


def blog_page(link: Callable[[int], str]) -> str:
    text = "<br>\n".join(LINES)
    rows = "".join(
        f'<tr><th><a href="{link(n)}">{title}</a></th><td>{day}</td></tr>'
        for n, (title, day) in enumerate(POSTS)
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} :: 정책 읽는 밤</title></head><body>
<div id="head"><a href="/">정책 읽는 밤</a></div>
<div class="article"><div class="titleWrap"><h2>{TITLE}</h2><span class="date">2025. 3. 21. 15:33</span></div>
<div class="tt_article_useless_p_margin">{text}</div></div>
<div class="another_category"><h4>'성명' 카테고리의 다른 글</h4><table>{rows}</table></div></body></html>"""


LINKS = [lambda n: f"/index.php?mid=statement&amp;document_srl={310021 + n}", lambda n: f"/{412 + n}"]


@pytest.mark.parametrize("template", [board_page, blog_page])
@pytest.mark.parametrize("link", LINKS)
def test_a_table_of_other_posts_after_the_text_is_no_text(
    template: Callable[[Callable[[int], str]], str], link: Callable[[int], str]
) -> None:
    extracted = extract_page(template(link).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES
