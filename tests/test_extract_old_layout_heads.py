"""Headlines of old layout-table papers and boards whose window title names only the site, each
rule on two made-up templates:

- a short line kept above the printed headline (the login row, a most-read item) is no opening
  line: a heading comes before any prose, so it is no sub-heading and stays a candidate;
- beside a one-word window title, the page's first title-marked box counts as a printed heading
  (``<div class="subject"><span class="num">No. 412</span> 제목</div>``);
- a short label set over a heading of its own (``<span class="part">교통</span><h4>제목</h4>``)
  is no part of the headline;
- a text-less title box holding one picture of lettering gives its ``alt``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "공공공사 공사비 현실화…물가변동 조정 기준 3%로 완화"
LINES = [
    "정부가 원자재 가격 상승으로 어려움을 겪는 건설업계를 위해 공공공사의 계약금액 조정 기준을 완화한다.",
    "기획재정부는 14일 계약금액 조정 요건을 품목 조정률 5%에서 3%로 낮추는 시행령 개정안을 입법예고했다.",
    "업계는 그간 주요 자재 가격이 크게 올랐는데도 계약금액 조정이 늦어 적자 공사가 늘었다고 호소해 왔다.",
    "개정안은 다음 달 24일까지 의견 수렴을 거쳐 7월부터 시행될 예정이다.",
]


def login_row(headline: str) -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>건설경제타임스</title></head><body>
<table width="960"><tr><td><a href="/"><img src="/img/logo.gif" alt="건설경제타임스"></a></td>
<td align="right"><a href="/member/login.asp">로그인</a> |
<a href="/paper/apply.asp">신문구독</a></td></tr></table>
<table width="960"><tr><td width="650" valign="top"><table width="100%">
<tr><td class="navi">HOME &gt; 뉴스 &gt; 정책</td></tr>
<tr><td>{headline}</td></tr>
<tr><td align="right"><font class="date">기사입력 2025-04-14 오후 1:30:00</font></td></tr>
<tr><td class="article">{text}<br><br>윤태호 기자 thyoon@kunsul.example<br></td></tr>
<tr><td>&lt;저작권자 ⓒ 건설경제타임스 무단전재 및 재배포금지&gt;</td></tr></table></td>
<td width="290" valign="top"><table width="100%"><tr><td><b>입찰정보</b></td></tr>
<tr><td>· 조달청 시설공사 입찰공고 (6월 4주)</td></tr></table></td></tr></table>
<table width="960"><tr><td>서울특별시 강남구 언주로 711 / TEL 02-000-0000</td></tr></table></body></html>"""


def most_read_column(headline: str) -> str:
    text = "<br><br>\n".join(f"&nbsp;&nbsp;{line}" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>::: 한내일보 :::</title></head><body>
<table width="980"><tr><td><a href="/"><img src="/img/top_logo.gif" alt="한내일보"></a></td></tr></table>
<table width="980"><tr><td width="180" valign="top"><table><tr><td><b>많이 본 기사</b></td></tr>
<tr><td>· <a href="/v?no=1">시의회, 내년 예산안 심사 돌입</a></td></tr></table></td>
<td valign="top"><table width="100%">
<tr><td class="news_head">{headline}</td></tr>
<tr><td align="right" class="news_date">[2025-04-14 13:30]&nbsp;&nbsp;서지훈 기자</td></tr>
<tr><td id="news_body" class="news_body">{text}</td></tr>
<tr><td>&lt;ⓒ 한내일보 - 무단전재 및 재배포금지&gt;</td></tr></table></td></tr></table>
<table width="980"><tr><td>전라북도 익산시 인북로 33 ☎ 063)123-4567</td></tr></table></body></html>"""


TEMPLATES = [login_row, most_read_column]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize(
    "headline",
    [
        f'<font class="headtitle">{TITLE}</font>',
        f'<font style="font-size:20pt;font-weight:bold">{TITLE}</font>',
    ],
)
def test_a_short_line_kept_above_the_headline_leaves_it_standing(
    template: Callable[[str], str], headline: str
) -> None:
    extracted = extract_page(template(headline).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n")[: len(LINES)] == LINES


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_numbered_subject_box_outweighs_a_one_word_window_title(template: Callable[[str], str]) -> None:
    page = template(f'<div class="subject"><span class="num">No. 412</span> {TITLE}</div>')
    page = page.replace("<title>", '<meta property="og:title" content="달뫼도시공사"><title>', 1)
    assert extract_page(page.encode()).title == TITLE


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("tag", ["h3", "h4"])
def test_a_label_over_a_heading_of_its_own_is_no_part_of_it(template: Callable[[str], str], tag: str) -> None:
    box = f'<div class="tit_area"><span class="part">교통</span><{tag}>{TITLE}</{tag}></div>'
    assert extract_page(template(box).encode()).title == TITLE


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_title_box_of_lettering_gives_its_alt(template: Callable[[str], str]) -> None:
    box = f'<div class="photo_tit"><img src="/data/title/3303_tit.png" alt="{TITLE}"></div>'
    assert extract_page(template(box).encode()).title == TITLE
