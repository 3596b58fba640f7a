"""A share row whose buttons each sit in an element of their own (``페이스북`` / ``트위터`` / ``카카오톡``)
is no text, even where a short text takes it in one word a line.

Two made-up templates: a paper's short notice with a button bar under it and a county board's
post with a list of network links. A sentence that names the networks stays.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "가온일보 창간 30주년 기념식 안내"
LINES = ["가온일보 창간 30주년 기념식이 7월 1일 오후 3시 가온시민회관에서 열립니다. 많은 참석 바랍니다."]
SENTENCE = "행사 소식은 가온일보 페이스북과 트위터, 카카오톡 채널에서도 볼 수 있습니다."


def paper(lines: list[str]) -> str:
    text = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가온일보</title></head><body>
<header><a href="/">가온일보</a><nav><a href="/p">정치</a> <a href="/s">사회</a></nav></header>
<div id="container"><div class="article"><h1 class="title">{TITLE}</h1>
<div class="info">입력 2025.06.26 14:03</div><div class="content">{text}</div>
<div class="share"><a href="#">페이스북</a><a href="#">트위터</a><a href="#">카카오톡</a>
<a href="#">URL 복사</a></div>
</div></div><footer>가온일보 | 무단전재 및 재배포 금지</footer></body></html>"""


def board(lines: list[str]) -> str:
    text = "<br>".join(lines)
    return f"""<html><head><meta charset="utf-8"><title>공지사항 | 누리군청</title></head><body>
<div id="lnb"><a href="/n">공지사항</a> <a href="/r">보도자료</a></div>
<div class="bbs-view"><div class="subject">{TITLE}</div><div class="date">등록일 2025-06-26</div>
<div class="cont">{text}</div>
<ul class="sns"><li><a href="#">페이스북</a></li><li><a href="#">밴드</a></li>
<li><a href="#">인쇄</a></li></ul>
</div><div id="footer">누리군청 | 누리군 중앙로 1</div></body></html>"""


@pytest.mark.parametrize("template", [paper, board])
def test_the_share_buttons_are_no_text(template: Callable[[list[str]], str]) -> None:
    extracted = extract_page(template(LINES).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", [paper, board])
def test_a_sentence_naming_the_networks_stays(template: Callable[[list[str]], str]) -> None:
    extracted = extract_page(template([*LINES, SENTENCE]).encode())
    assert extracted.body.split("\n") == [*LINES, SENTENCE]
