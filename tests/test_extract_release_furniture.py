"""A release's furniture around its text, each on two made-up templates (a ministry's div view and
a county's board table): the contact table read as rows (office, people by rank with phones), the
page-manager box (``담당부서 : … 전화번호 : …``), the closing 붙임 line, an info row's office with
its label glued on (``<strong>부서</strong>교육지원과``). A sentence giving a phone number stays.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "생활안전부, 여름철 물놀이 사고 예방 종합대책 추진"
LINES = [
    "□ 생활안전부는 여름철 물놀이 사고를 줄이기 위해 6월 15일부터 종합대책을 추진한다고 밝혔다.",
    "○ 최근 5년간 물놀이 사고로 숨진 사람은 모두 147명이며 절반 가까이가 8월 초에 발생했다.",
    "□ 정부는 전국 물놀이 지역 1,204곳을 위험도에 따라 세 등급으로 나누어 관리한다.",
]
CONTACTS = """<table class="tbl_contact"><caption>담당부서 및 연락처</caption>
<thead><tr><th>담당 부서</th><th>책임자</th><th>담당자</th></tr></thead>
<tbody><tr><td>생활안전정책과</td><td>과장 정태민 (044-205-3100)</td>
<td>김도윤 사무관 (044-205-3121)</td></tr>
<tr><td>&lt;총괄&gt;</td><td colspan="2">담당자 강민서 주무관 (044-205-3125)</td></tr></tbody></table>"""
MANAGER = """<div class="manager"><dl><dt>자료관리 담당부서 :</dt><dd>홍보전산과</dd>
<dt>담당자 :</dt><dd>이한솔</dd><dt>전화번호 :</dt><dd>02-3410-5011</dd></dl></div>"""
ATTACHED = "<p>붙임 1. 물놀이 안전 수칙 1부. 끝.</p>"
OFFICE = "<li><strong>부서</strong>생활안전정책과</li>"


def ministry(after: str, info: str = "") -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 생활안전부</title></head><body>
<div id="gnb"><a href="/n">뉴스·소식</a> <a href="/p">정책</a></div>
<div class="board_view"><div class="view_head"><h4 class="tit">{TITLE}</h4>
<ul class="info"><li>보도일시 2026.06.12. 12:00</li>{info}</ul></div>
<div class="view_cont">{text}{after if after.startswith("<p>") else ""}</div>
{after if not after.startswith("<p>") else ""}</div>
<div id="footer">생활안전부 | 세종특별자치시 도움6로 11</div></body></html>"""


def county(after: str, info: str = "") -> str:
    text = "<br>".join(LINES)
    extra = after if after.startswith("<p>") else ""
    return f"""<html><head><meta charset="utf-8"><title>군정소식 - 한들군</title></head><body>
<div class="lnb"><a href="/g/1">군정소식</a> <a href="/g/2">보도자료</a></div>
<table class="view"><tr><th>제목</th><td>{TITLE}</td></tr>
<tr><th>등록일</th><td>2026-06-12</td></tr>{f"<tr><td colspan='2'><ul>{info}</ul></td></tr>" if info else ""}
<tr><td colspan="2" class="cont">{text}{extra}</td></tr></table>
{after if not extra else ""}
<div id="footer">한들군청 | 한들군 군청로 1</div></body></html>"""


@pytest.mark.parametrize("template", [ministry, county])
@pytest.mark.parametrize("after", [CONTACTS, MANAGER, ATTACHED])
def test_release_furniture_after_the_text_is_no_text(template: Callable[..., str], after: str) -> None:
    extracted = extract_page(template(after).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", [ministry, county])
def test_an_office_with_its_label_glued_on_is_no_text(template: Callable[..., str]) -> None:
    extracted = extract_page(template("", OFFICE).encode())
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", [ministry, county])
def test_a_sentence_giving_a_phone_number_stays(template: Callable[..., str]) -> None:
    sentence = "<p>자세한 내용은 생활안전정책과 김도윤 사무관(044-205-3121)에게 문의하면 된다.</p>"
    extracted = extract_page(template(sentence).encode())
    assert (
        extracted.body.split("\n")[-1]
        == "자세한 내용은 생활안전정책과 김도윤 사무관(044-205-3121)에게 문의하면 된다."
    )
