"""News CMS conventions a paper's view page follows, each on two made-up templates:

- a menu path printed over the headline inside the view (``농민신보 > 농업``) is no opening line:
  the printed headline under it is no sub-heading, and wins over an ``og:title`` with a section tag;
- an info line sets its date and time in two fields (``2025.10.02 | 16:45``);
- a title box opens with a category or program label its class names (``<span class="cate">``);
- Drupal's body field is of the type ``text-with-summary``: the text, never a sub-headline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from lxml import html

from nlp.extract import extract_page
from nlp.headings import title_text

KST = ZoneInfo("Asia/Seoul")
TITLE = "아프리카돼지열병 방역 강화…양돈농가 울타리 지원 확대"
LINES = [
    "농림축산식품부는 가을철 야생멧돼지 활동이 늘어나는 시기를 맞아 방역을 강화한다고 2일 밝혔다.",
    "정부는 접경지역 양돈농가가 외부 울타리를 설치할 경우 설치비의 80%를 지원하기로 했다.",
    "또 농장 출입 차량에 대한 소독 점검을 강화하고, 종사자의 야생멧돼지 서식지 출입을 자제하도록 했다.",
    "농식품부 관계자는 농장 내 차단 방역이 가장 확실한 예방책이라며 농가의 협조를 당부했다.",
]
TEXT = "".join(f"<p>{line}</p>" for line in LINES)
FOOT = "<div class='copy'>무단전재 및 재배포 금지</div>"


def paragraph_view(title_box: str, info: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>[농업] {TITLE} : 농민신보</title>
<meta property="og:title" content="[농업] {TITLE}"></head><body>
<div id="header"><p class="logo"><a href="/">농민신보</a></p>
<ul class="gnb"><li><a href="/l?c=0">농정</a></li><li><a href="/l?c=1">축산</a></li></ul></div>
<div id="contents"><div class="view_wrap"><p class="path">농민신보 &gt; 농업</p>
<div class="view_head">{title_box}<div class="info">{info}</div></div>
<div class="view_cont">{TEXT}</div>{FOOT}</div></div>
<div id="footer">농민신보 | 서울 영등포구 여의대방로 1</div></body></html>"""


def section_view(title_box: str, info: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>[축산] {TITLE} - 한들일보</title>
<meta property="og:title" content="[축산] {TITLE}"></head><body>
<header><a href="/">한들일보</a><nav><a href="/s/1">정치</a> <a href="/s/2">경제</a></nav></header>
<section class="article"><div class="crumb">한들일보 › 경제</div>
<div class="art-head">{title_box}<ul class="art-info"><li>{info}</li></ul></div>
<div class="art-text">{TEXT}</div>{FOOT}</section>
<footer>한들일보 | 한들시 중앙로 7</footer></body></html>"""


TEMPLATES = [paragraph_view, section_view]
PLAIN_BOX = f'<p class="tit">{TITLE}</p>'
INFO = "석재민 기자 2025.10.02 16:45"


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_menu_path_over_the_headline_leaves_the_printed_headline(
    template: Callable[[str, str], str],
) -> None:
    extracted = extract_page(template(PLAIN_BOX, INFO).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_date_and_time_in_two_fields_date_the_page(template: Callable[[str, str], str]) -> None:
    info = '<span class="name">석재민 기자</span></li><li><span class="date">2025.10.02 | 16:45</span>'
    extracted = extract_page(template(PLAIN_BOX, info).encode())
    assert extracted.published == dt.datetime(2025, 10, 2, 16, 45, tzinfo=KST)


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize(
    "label", ['<span class="cate">뉴스데스크</span>', '<em class="program">아침뉴스</em>']
)
def test_a_labelled_category_opening_the_title_box_is_no_headline(
    template: Callable[[str, str], str], label: str
) -> None:
    box = f'<div class="tit">{label}<strong>{TITLE}</strong></div>'
    extracted = extract_page(template(box, INFO).encode())
    assert extracted.title == TITLE


@pytest.mark.parametrize(
    ("box", "text"),
    [
        (f'<div class="tit"><strong>단독</strong> <strong>{TITLE}</strong></div>', f"단독 {TITLE}"),
        (f'<div class="tit"><span class="badge">단독</span> {TITLE}</div>', f"단독 {TITLE}"),
        (f'<div class="tit"><span class="cate">뉴스데스크</span><strong>{TITLE}</strong></div>', TITLE),
    ],
)
def test_only_a_labelled_category_leaves_the_title_box(box: str, text: str) -> None:
    assert title_text(html.fragment_fromstring(box)) == text


def drupal7(body_field: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 시민의소리</title></head>
<body class="html not-front page-node node-type-article"><div id="page">
<div id="header"><a href="/" id="logo">홈</a><div id="site-name">시민의소리</div></div>
<div id="navigation"><ul id="main-menu"><li><a href="/">홈</a></li><li><a href="/t/1">시정</a></li></ul></div>
<div id="content"><h1 class="title" id="page-title">{TITLE}</h1>
<div class="node node-article">
<div class="submitted"><span>작성자 허재원 작성일 2025년 10월 2일 08:20</span></div>
<div class="content">{body_field}</div>
<div class="link-wrapper"><ul class="links">
<li><a href="/user/login">로그인</a> 후 댓글을 작성할 수 있습니다</li></ul></div>
</div></div><div id="sidebar"><h2>많이 읽은 글</h2>
<ol><li><a href="/n/2">시의회, 내년 예산안 심사 돌입</a></li></ol></div>
<div id="footer">시민의소리 | 광주광역시 동구 금남로</div></div></body></html>"""


def drupal7_body(paragraphs: str) -> str:
    return (
        '<div class="field field-name-body field-type-text-with-summary field-label-hidden">'
        f'<div class="field-items"><div class="field-item even" property="content:encoded">{paragraphs}'
        "</div></div></div>"
    )


def drupal9_body(paragraphs: str) -> str:
    return (
        '<div class="clearfix text-formatted field field--name-body field--type-text-with-summary '
        f'field--label-hidden field__item">{paragraphs}</div>'
    )


@pytest.mark.parametrize("field", [drupal7_body, drupal9_body])
def test_drupals_text_with_summary_field_is_the_text(field: Callable[[str], str]) -> None:
    extracted = extract_page(drupal7(field(TEXT + "<p><em>허재원 시민기자</em></p>")).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n")[: len(LINES)] == LINES
    assert extracted.lead is None
