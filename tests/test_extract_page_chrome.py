"""A news page's chrome around the article: what its header, tool row and comment box print.

Two made-up templates (a newspaper's ``div`` layout and a broadcaster's ``article``/``header``
layout) each carry a breaking-news ticker over the headline, a tool row under it and a comment
box after the text; none of it is the article's text, wherever the extractor's recovery puts it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.cleanup import is_boilerplate
from nlp.extract import extract_page

HEADLINE = "가온시, 청년 월세 지원 대상 두 배로 늘린다"
LINES = [
    "가온시는 내년부터 청년 월세 지원 대상을 소득 기준 중위 150%까지 넓힌다고 3일 밝혔다.",
    "지원 대상은 시에 주민등록을 둔 만 19세부터 39세까지의 무주택 청년이며 매달 20만 원을 받는다.",
    "시는 이를 위해 내년 예산에 48억 원을 편성했으며, 신청은 1월 2일부터 시 누리집에서 받는다.",
    "시 관계자는 청년들이 지역에 머물 수 있도록 주거 부담을 덜겠다고 말했다.",
]
TICKER = "국회 본회의 추경안 의결"
TOOLS = ["기사 듣기", "스크랩", "인쇄", "공유하기"]
COMMENTS = "로그인 후 댓글을 작성할 수 있습니다"


def newspaper(ticker: str, tools: str, comments: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} - 가온일보</title></head><body>
<div id="header"><a href="/">가온일보</a>
<ul><li><a href="/p">정치</a></li><li><a href="/s">사회</a></li></ul></div>
<div class="article"><div class="breaking"><strong>속보</strong> <span>{ticker}</span></div>
<h1 class="tit">{HEADLINE}</h1><div class="info">입력 2024.05.03 14:22</div>{tools}
<div class="content">{text}</div><div class="cmt"><span>댓글 0</span> | <span>{comments}</span></div></div>
<div id="footer">가온일보 | 대표전화 02-000-0000</div></body></html>"""


def broadcaster(ticker: str, tools: str, comments: str) -> str:
    text = "<br><br>".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} | 가온방송</title></head><body>
<div class="gnb"><a href="/news">뉴스</a> <a href="/tv">TV</a></div>
<div id="news_view"><p class="flash">[속보] {ticker}</p><h3 class="headline">{HEADLINE}</h3>
<span class="time">2024-05-03 14:22</span>{tools}<div id="articleText">{text}</div>
<div class="reply"><em>댓글 0</em> <b>{comments}</b></div></div></body></html>"""


def portal(ticker: str, tools: str, comments: str) -> str:
    text = "".join(f"<div>{line}</div>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} : 가온포털 뉴스</title></head><body>
<div id="gnb"><a href="/">가온포털</a> <a href="/news">뉴스</a></div><div class="news_end">
<div class="ticker_area"><a>속보</a><em>{ticker}</em></div><h2 class="end_tit">{HEADLINE}</h2>
<div class="sponsor"><span class="t11">2024.05.03. 오후 2:22</span></div>{tools}
<div id="articeBody">{text}</div><div class="u_cbox"><span>댓글 0</span><p>{comments}</p></div></div>
</body></html>"""


def regional_cms(ticker: str, tools: str, comments: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} - 가온신문</title></head><body>
<div class="nav"><a href="/news">지역</a> <a href="/pol">정치</a></div><section class="article-view">
<div class="headline-ticker"><span>{ticker}</span></div><header class="article-view-header">
<h3 class="heading">{HEADLINE}</h3><ul class="infomation"><li>입력 2024.05.03 14:22</li></ul>{tools}</header>
<article id="article-view-content-div">{text}</article>
<div class="comment"><p>댓글 0</p><p>{comments}</p></div>
</section></body></html>"""


TEMPLATES: list[Callable[[str, str, str], str]] = [newspaper, broadcaster, portal, regional_cms]


def _tool_row(words: list[str]) -> str:
    return '<div class="tools">' + "".join(f"<button>{w}</button>" for w in words) + "</div>"


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_header_chrome_and_comment_box_stay_out_of_the_text(
    template: Callable[[str, str, str], str],
) -> None:
    extracted = extract_page(template(TICKER, _tool_row(TOOLS), COMMENTS).encode())
    assert extracted.title == HEADLINE
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_short_opening_line_of_the_text_stays(template: Callable[[str, str, str], str]) -> None:
    page = template(TICKER, _tool_row(TOOLS), COMMENTS).replace(LINES[0], "청년이 머무는 도시.", 1)
    extracted = extract_page(page.encode())
    assert extracted.body.startswith("청년이 머무는 도시.")


@pytest.mark.parametrize(
    "line",
    [
        "기사 듣기스크랩인쇄공유하기",
        "가 가",
        "기사 듣기 | 스크랩 | 인쇄",
        "댓글 0 | " + COMMENTS,
        "로그인하시면 댓글을 남길 수 있습니다",
    ],
)
def test_tool_rows_and_comment_prompts_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["시는 로그인 후 댓글 기능을 도입하기로 했다.", "인쇄 공장 확대", "가족"])
def test_sentences_about_the_same_things_are_not(line: str) -> None:
    assert not is_boilerplate(line)
