"""A party's or a union's board tags a post with its kind (``[브리핑]``, ``[논평]``): the headline
keeps the tag as printed, like a desk's ``[단독]``; a kind word alone names no outlet to strip.
Two made-up templates: a gnuboard-like board and a custom party site.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page
from nlp.titles import is_outlet_name

TITLE = "[브리핑] 중대재해처벌법 유예 연장 시도를 규탄합니다"
LINES = [
    "정부와 여당이 또다시 50인 미만 사업장에 대한 중대재해처벌법 적용을 늦추려 하고 있습니다.",
    "지난해 산업재해 사망자의 절반 이상이 50인 미만 사업장에서 나왔습니다.",
    "우리는 유예 연장 시도를 즉각 중단할 것을 요구합니다.",
]


def board_page() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} > 논평·브리핑 | 노을당</title></head><body>
<div id="hd"><a href="/">노을당</a> <a href="/bbs/board.php?bo_table=comment">논평·브리핑</a></div>
<article id="bo_v"><header><h2 id="bo_v_title"><span class="bo_v_tit">{TITLE}</span></h2></header>
<section id="bo_v_info"><strong>대변인실</strong> <strong class="if_date">25-02-27 10:12</strong></section>
<section id="bo_v_atc"><div id="bo_v_con">{text}</div></section></article></body></html>"""


def party_page() -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>노을당</title>
<meta property="og:title" content="{TITLE}"></head><body>
<ul class="gnb"><li><a href="/news">뉴스룸</a></li><li><a href="/comment">브리핑·논평</a></li></ul>
<div class="view_head"><p class="tit">{TITLE}</p><p class="date">2025.02.27</p></div>
<div class="view_body">{text}</div></body></html>"""


@pytest.mark.parametrize("template", [board_page, party_page])
def test_a_posts_kind_tag_stays_in_its_headline(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


def test_a_kind_word_alone_is_no_outlet() -> None:
    assert not any(is_outlet_name(word) for word in ("브리핑", "위원회", "홈페이지"))
    assert all(is_outlet_name(name) for name in ("정책브리핑", "가온시청", "누리일보"))
