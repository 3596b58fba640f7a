"""Statements, 논평 and a lawmaker's releases on made-up boards, each rule on two templates:

- a sub-page banner's slogan kept above the printed title box is no opening line of the text, so
  a window title of the site's name and that slogan cannot outvote the printed headline;
- a release's ``보도일시`` line under the headline is no text, and dates it when its board prints
  no other date;
- a statement's closing date line (``2025년 7월 11일``, then who issued it) dates it when nothing
  else does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "김하늘 의원, 학교급식법 개정안 대표발의…급식 종사자 폐암 검진 의무화"
LINES = [
    "교육위원회 김하늘 의원은 급식 조리 종사자의 폐암 건강검진을 의무화하는 개정안을 대표발의했다고 밝혔다.",
    "조리흄에 오래 노출된 종사자의 폐암 발병 사례가 잇따르고 있지만 검진은 교육청마다 다르다.",
    "개정안은 교육감이 조리 종사자에게 2년마다 저선량 CT 검진을 제공하도록 했다.",
]
SLOGAN = "교육이 희망입니다"


def lawmaker_page(above: str, closing: str = "") -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>국회의원 김하늘</title>
<meta property="og:title" content="국회의원 김하늘 - {SLOGAN}"></head><body>
<div id="header"><h1 class="logo"><a href="/">국회의원 김하늘</a></h1>
<ul class="gnb"><li><a href="/profile">김하늘은</a></li><li><a href="/press">보도자료</a></li>
<li><a href="/act">의정활동</a></li></ul></div>
<div id="sub_visual"><p>{SLOGAN}</p></div>
<div class="bbs_view"><div class="subject"><p class="cate">보도자료</p><p class="tit">{TITLE}</p>
<ul class="etc"><li>작성자 : 관리자</li><li>조회 : 88</li></ul></div>
<div class="cont">{above}{text}{closing}</div>
<div class="bbs_pn"><dl><dt>이전글</dt>
<dd><a href="/press/320">김하늘 의원, 국정감사 우수의원 선정</a></dd></dl></div>
</div><div id="footer">국회의원회관 000호 | Tel. 02-784-0000</div></body></html>"""


def association_page(above: str, closing: str = "") -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>한국급식협회</title>
<meta property="og:title" content="한국급식협회 | {SLOGAN}"></head><body>
<div class="top_menu"><a href="/">홈</a> <a href="/about">협회소개</a> <a href="/news">협회소식</a></div>
<div class="visual"><strong>{SLOGAN}</strong></div>
<div class="contents"><div class="view_title"><h4>{TITLE}</h4><span class="hit">조회 12</span></div>
<div class="view_text">{above}{text}{closing}</div>
<div class="btn_area"><a href="/news">목록</a></div></div>
<div class="footer">서울시 중구 ○○로 00 | 대표전화 02-000-0000</div></body></html>"""


TEMPLATES = [lawmaker_page, association_page]


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_banners_slogan_above_the_title_box_leaves_the_headline_standing(
    template: Callable[..., str],
) -> None:
    extracted = extract_page(template("").encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize(
    "label", ["보도일시 : 2025. 3. 10. 배포 즉시 보도 가능", "보도시점 2025.03.10.(월) 12:00"]
)
def test_a_releases_run_time_line_is_no_text_and_dates_it(template: Callable[..., str], label: str) -> None:
    extracted = extract_page(template(f"<p>{label}</p>").encode())
    assert extracted.published is not None and extracted.published.date() == dt.date(2025, 3, 10)
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("day", ["2025년 7월 11일", "2025. 7. 11.", "2025.07.11(금)"])
def test_a_statements_closing_date_line_dates_it(template: Callable[..., str], day: str) -> None:
    closing = f"<p>&nbsp;</p><p>{day}</p><p>한국급식노동조합 위원장 박지훈</p>"
    extracted = extract_page(template(STATEMENT, closing).encode())
    assert extracted.published is not None and extracted.published.date() == dt.date(2025, 7, 11)
    assert "\n".join(LINES) in extracted.body


# a statement's text runs long: its closing date is far from the headline
STATEMENT = "".join(
    f"<p>{line}</p>"
    for line in [
        "급식실 노동자의 폐암 발병이 잇따르고 있다. 조리흄에 오래 노출되는 환경이 바뀌지 않았기 때문이다.",
        "정부는 지난해 환기 설비 개선 예산을 약속했지만 올해 집행률은 30%에도 미치지 못했다.",
        "현장에서는 여전히 한 사람이 150인분 넘는 조리를 맡고 있으며 휴게 공간도 부족하다.",
        "우리는 이번 개정안이 검진을 넘어 노동 환경을 바꾸는 출발점이 되어야 한다고 본다.",
        "국회는 개정안을 조속히 심사하고, 교육청은 설비 개선 계획을 공개해야 한다.",
    ]
)
