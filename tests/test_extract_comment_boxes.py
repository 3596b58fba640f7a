"""Reader comment boxes under an article: named ``reply``/``cmt``/``cbox`` or headed ``댓글``/``독자의견``.

Three made-up templates (a weekly's ``div`` page, a regional paper's ``article`` page, a
broadcaster's page whose box only its heading names), each with a long and a short article;
the comments are none of the text, and a column's ``commentary`` box is no comment box.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

HEADLINE = "서울을 떠나는 3040, 그들은 어디로 갔나"
LONG = [
    "지난해 서울을 떠난 30~40대는 18만 명으로 10년 만에 가장 많았다.",
    "통계청 인구이동 자료를 분석한 결과 이들의 62%가 경기 남부로 옮겨간 것으로 나타났다.",
    "경기 화성으로 이사한 회사원 정모(38)씨는 집이 두 배 넓어졌다고 말했다.",
    "전문가들은 수도권 광역교통망 확충이 인구 이동을 더 부추길 것으로 본다.",
]
SHORT = LONG[:2]
COMMENTS = [
    ("kim_jh", "이게 정말 실현될 수 있을지 의문입니다"),
    ("열정맘", "아이 키우는 입장에서 필요한 소식이에요"),
]


def _comment_items() -> str:
    return "".join(
        f'<li><div class="nick">{nick}</div><p class="txt">{text}</p>'
        f'<span class="date">2024-05-13 16:0{i}</span><button>답글</button></li>'
        for i, (nick, text) in enumerate(COMMENTS)
    )


def weekly(lines: list[str]) -> str:
    text = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} - 가온시선</title></head><body>
<div class="article_wrap"><h2 class="subject">{HEADLINE}</h2><div class="art_info">발행일 2024.05.13</div>
<div class="art_body">{text}</div>
<div class="reply"><h4>의견 나누기</h4><ul>{_comment_items()}</ul></div></div>
</body></html>"""


def regional(lines: list[str]) -> str:
    text = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} - 가온일보</title></head><body>
<header><a href="/" class="logo">가온일보</a></header><h3 class="heading">{HEADLINE}</h3>
<ul class="infomation"><li>윤서진 기자</li><li>입력 2024.05.13 10:20</li></ul>
<article id="article-view-content-div">{text}</article><p>저작권자 © 가온일보 무단전재 및 재배포 금지</p>
<section id="cmt_area"><div class="u_cbox_list"><ul>{_comment_items()}</ul></div></section></body></html>"""


def broadcaster(lines: list[str]) -> str:
    text = "<br><br>".join(lines)
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} | 가온방송</title></head><body>
<div id="news_view"><h2 class="tit">{HEADLINE}</h2><span class="time">2024-05-13 10:20</span>
<div id="articleText">{text}</div></div><div class="box_wrap"><h3>독자의견 (2)</h3><ul>{_comment_items()}</ul>
</div></body></html>"""


TEMPLATES: list[Callable[[list[str]], str]] = [weekly, regional, broadcaster]


@pytest.mark.parametrize("lines", [LONG, SHORT], ids=["long", "short"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_reader_comments_are_no_part_of_the_text(
    template: Callable[[list[str]], str], lines: list[str]
) -> None:
    extracted = extract_page(template(lines).encode())
    assert extracted.title == HEADLINE
    assert [line for line in extracted.body.split("\n") if line.strip()] == lines


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_columns_text_in_a_commentary_box_stays(template: Callable[[list[str]], str]) -> None:
    # ``commentary`` names a column, not comments: the text in it is the article's
    page = template(LONG)
    for marked in ('class="art_body"', 'id="article-view-content-div"', 'id="articleText"'):
        page = page.replace(marked, 'class="commentary"')
    extracted = extract_page(page.encode())
    assert [line for line in extracted.body.split("\n") if line.strip()] == LONG


@pytest.mark.parametrize("template", TEMPLATES)
def test_nested_comment_boxes_go_as_one(template: Callable[[list[str]], str]) -> None:
    # a reply thread nests its boxes (``<div class="reply"><div class="reply">…``): the outermost goes whole
    nested = '<div class="reply">답글 ' * 50 + "마지막 답글입니다" + "</div>" * 50
    page = template(LONG).replace("</body>", nested + "</body>")
    extracted = extract_page(page.encode())
    assert [line for line in extracted.body.split("\n") if line.strip()] == LONG
