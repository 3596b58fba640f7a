"""A board post's window title names its board after the subject, and the skin heads its parts.

Convention: board CMSs title a post "subject > board | site" (GNU board), and head the post's
parts for screen readers (``페이지 정보``, ``본문``, ``댓글목록``). Two made-up skins: a community
board with a hidden ``<h1>`` repeating the window title, and a welfare centre's notice board.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page
from nlp.titles import clean_title

TITLE = "창작지원금 공모 안내"
LINES = [
    "가온문화재단이 지역 예술인의 창작 활동을 돕기 위한 2025년 창작지원금 공모를 진행한다.",
    "지원 분야는 문학, 시각예술, 공연예술 등 4개 분야이며 1인당 최대 700만 원이 지원된다.",
    "신청은 다음 달 14일까지 재단 누리집에서 받으며, 결과는 4월 말 발표한다.",
]


def community_board() -> str:
    window = f"{TITLE} &gt; 재단소식 | 가온문화재단"
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{window}</title>
<meta property="og:title" content="{window}"></head><body>
<div id="hd"><h1 id="hd_h1">{window}</h1><div id="logo"><a href="/">가온문화재단</a></div></div>
<article id="bo_v"><header><h2 id="bo_v_title"><span class="bo_v_tit">{TITLE}</span></h2></header>
<section id="bo_v_info"><h2>페이지 정보</h2><strong class="if_date">작성일 25-03-10 15:42</strong></section>
<section id="bo_v_atc"><h2 id="bo_v_atc_title">본문</h2><div id="bo_v_con">{text}</div></section>
<section id="bo_vc"><h2>댓글목록</h2><p id="bo_vc_empty">등록된 댓글이 없습니다.</p></section>
</article></body></html>"""


def notice_board() -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} > 공지사항 | 나래복지관</title></head>
<body><div class="gnb"><a href="/a">기관소개</a> <a href="/b">사업안내</a> <a href="/c">알림마당</a></div>
<div class="board_read"><h3 class="read_title">{TITLE}</h3>
<div class="read_info"><h4 class="blind">게시물 정보</h4><span>관리자</span> <span>2025.03.10</span></div>
<div class="read_body"><h4 class="blind">본문</h4><div class="xe_content">{text}</div></div>
<div class="feedback"><h4>전체 댓글 <em>0</em></h4><p>등록된 댓글이 없습니다.</p></div></div></body></html>"""


@pytest.mark.parametrize("template", [community_board, notice_board])
def test_a_board_post_is_its_subject_and_text(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.published is not None and extracted.published.date().isoformat() == "2025-03-10"
    assert [line for line in extracted.body.split("\n") if line.strip()] == LINES


@pytest.mark.parametrize(
    ("window", "title"),
    [
        ("창작지원금 공모 안내 > 재단소식 | 가온문화재단", "창작지원금 공모 안내"),
        ("여름방학 청소년 캠프 참가자 모집 > 나눔이야기", "여름방학 청소년 캠프 참가자 모집"),
        # a comparison in the headline itself: a figure after the ``>`` is no board
        ("올해 수출 증가율 > 지난해 3.1%", "올해 수출 증가율 > 지난해 3.1%"),
        ("‘성장 > 분배’ 논쟁 다시 불붙어", "‘성장 > 분배’ 논쟁 다시 불붙어"),
    ],
)
def test_the_board_after_a_subject_leaves_the_title(window: str, title: str) -> None:
    assert clean_title(window) == title
