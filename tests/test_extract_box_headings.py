"""A box of other articles under the text leaves no heading behind, on two made-up templates (a
portal's view and an old layout table): its linked items go as links, and its stock heading
(``이 기사와 관련된 기사``, ``함께 보면 좋은 기사``, ``오늘의 인기 뉴스``) alone is no line of the text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "서울시, 공공자전거 요금 동결…야간 대여소 100곳 확대"
LINES = [
    "서울시가 공공자전거 이용 요금을 내년까지 동결하고 야간 대여소를 100곳 늘린다.",
    "시는 26일 이런 내용의 공공자전거 운영 개선 계획을 발표했다.",
    "야간 대여소는 지하철역과 대학가 주변을 중심으로 설치되며 조명과 CCTV를 함께 갖춘다.",
]
ITEMS = ('<li><a href="/v/1">따릉이 신규 회원 급증</a></li>', '<li><a href="/v/2">자전거도로 정비</a></li>')


def portal_page(box: str) -> str:
    text = "".join(f'<p dmcf-ptype="general">{line}</p>' for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 포털 뉴스</title></head><body>
<div class="head_view"><h3 class="tit_view">{TITLE}</h3>
<span class="info_view">박지훈 기자 입력 <span class="num_date">2025. 6. 26. 14:03</span></span></div>
<div class="news_view"><div class="article_view"><section>{text}</section></div>
<div class="foot_view"><div class="relate_news"><strong class="tit_relate">{box}</strong>
<ul>{"".join(ITEMS)}</ul></div></div></div></body></html>"""


def table_page(box: str) -> str:
    text = "<br><br>".join(LINES)
    return f"""<html><head><meta charset="euc-kr"><title>::: 한강일보 :::</title></head><body>
<table width="980"><tr><td class="view_title"><b>{TITLE}</b></td></tr>
<tr><td class="view_date">[2025-06-26 14:03]</td></tr>
<tr><td class="view_body">{text}</td></tr>
<tr><td height="30"><font color="#336699"><b>{box}</b></font></td></tr>
<tr><td>{"<br>".join(item.removeprefix("<li>").removesuffix("</li>") for item in ITEMS)}</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("template", [portal_page, table_page])
@pytest.mark.parametrize("box", ["이 기사와 관련된 기사", "함께 보면 좋은 기사", "오늘의 인기 뉴스"])
def test_a_box_heading_after_the_text_is_no_text(template: Callable[[str], str], box: str) -> None:
    extracted = extract_page(template(box).encode("cp949"))
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


def wordpress_inline(box: str) -> str:
    first, *rest = LINES
    link = '<a href="/2025/06/10/port/">부산항 신항 물동량 역대 최대</a>'
    inline = f'<div class="jp-relatedposts-i2"><strong>{box}</strong>{link}</div>'
    text = f"<p>{first}</p>{inline}" + "".join(f"<p>{line}</p>" for line in rest)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} &#8211; 경남경제</title></head><body>
<article class="post"><h1 class="entry-title">{TITLE}</h1>
<time datetime="2025-06-26T14:03:00+09:00">6월 26일</time>
<div class="td-post-content">{text}</div></article></body></html>"""


def paper_inline(box: str) -> str:
    first, *rest = LINES
    link = '<a href="/news/articleView.html?idxno=52311">시의회, 예산안 심사 돌입</a>'
    inline = f'<div class="box_relation"><b>{box}</b>{link}</div>'
    text = f"{first}<br><br>{inline}" + "<br><br>".join(rest)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 한강일보</title></head><body>
<div class="view_head"><h2 class="tit">{TITLE}</h2><span class="date">입력 2025.06.26 14:03</span></div>
<div class="view_body">{text}</div></body></html>"""


@pytest.mark.parametrize("template", [wordpress_inline, paper_inline])
@pytest.mark.parametrize("box", ["함께 읽으면 좋은 기사", "관련 뉴스"])
def test_an_inline_box_of_one_title_inside_the_text_is_no_text(
    template: Callable[[str], str], box: str
) -> None:
    extracted = extract_page(template(box).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES
