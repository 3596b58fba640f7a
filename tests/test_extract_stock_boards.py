"""Stock board frames: an e-government frame's ``<noscript>`` notice over the page, and an old
board's English field labels in cells of their own (``Subject :``, ``Name :``).

Made-up templates: an e-government view table and a responsive notice board, each with the
noscript notice; two old PHP boards whose labels sit in a ``<font>`` or a ``<b>`` of their cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from nlp.cleanup import is_boilerplate
from nlp.extract import extract_page

KST = ZoneInfo("Asia/Seoul")
TITLE = "설 연휴 공영주차장 23곳 무료 개방"
LINES = [
    "설 연휴를 맞아 공단이 운영하는 공영주차장 23곳을 무료로 개방합니다.",
    "개방 기간은 2월 9일부터 2월 12일까지 나흘간입니다.",
]
WHEN = dt.datetime(2024, 1, 8, 10, 41, 22, tzinfo=KST)
NOTICE = "자바스크립트를 지원하지 않는 브라우저에서는 일부 기능을 사용하실 수 없습니다."


def egov_table() -> str:
    text = "<br>".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>가온시설공단</title></head><body>
<noscript class="noScriptTitle">{NOTICE}</noscript>
<div id="gnb"><a href="/a">공단소개</a> <a href="/b">알림마당</a></div>
<table class="board_view"><tr><th>제목</th><td colspan="3">{TITLE}</td></tr>
<tr><th>작성자</th><td>홍보팀</td><th>작성일</th><td>2024-01-08 10:41:22</td></tr>
<tr><td colspan="4">{text}</td></tr></table></body></html>"""


def notice_board() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>공지사항 | 가온시설공단</title></head><body>
<noscript><div class="noscript"><p>{NOTICE}</p></div></noscript>
<header><a href="/">가온시설공단</a></header><div class="bbs-view"><h4 class="tit">{TITLE}</h4>
<ul class="info"><li>등록일 2024-01-08 10:41:22</li><li>조회 233</li></ul><div class="txt">{text}</div></div>
</body></html>"""


def font_labels() -> str:
    text = "<br>".join(LINES)
    return f"""<html><head><meta charset="euc-kr"><title>가온시설공단에 오신것을 환영합니다</title></head>
<body>
<table><tr><td align="right"><font class="list_eng">Subject :</font></td><td><b>{TITLE}</b></td></tr>
<tr><td align="right"><font class="list_eng">Name :</font></td><td>관리자&nbsp;&nbsp;
<font class="list_eng">2024-01-08 10:41:22, Hit : 233, Vote : 0</font></td></tr>
<tr><td colspan="2">{text}</td></tr></table></body></html>"""


def bold_labels() -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>:: 가온시설공단 ::</title></head><body>
<table class="view"><tr><td class="l"><b>Subject</b> :</td><td class="v">{TITLE}</td></tr>
<tr><td class="l"><b>Date</b> :</td><td class="v">2024-01-08 10:41:22</td></tr>
<tr><td colspan="2" class="memo">{text}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [egov_table, notice_board, font_labels, bold_labels])
def test_a_stock_frame_leaves_the_post(template: Callable[[], str]) -> None:
    raw = template()
    extracted = extract_page(raw.encode("cp949" if "euc-kr" in raw else "utf-8"))
    assert extracted.title == TITLE
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES
    assert extracted.published == WHEN


@pytest.mark.parametrize(
    "line",
    ["브라우저의 자바스크립트 차단 기능을 쓰는 이용자가 늘었다.", "이름(Name)과 날짜를 적어 내면 된다."],
)
def test_sentences_with_the_same_words_stay(line: str) -> None:
    assert not is_boilerplate(line)
