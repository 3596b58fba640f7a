"""Boxes and headlines the long tail of sources sets, each convention on two made-up templates:

- a box of other articles' linked headlines under a box's stock heading, set inside the text (a
  WordPress theme's inline related posts, a news CMS's ``관련기사`` box) is no text;
- a mailed newsletter's archive: the headline styled large and bold inline, the window title the
  letter's name and issue (``가람 레터 Vol.42``), the issue line with the day it came out
  (``Vol.42 · 2025.08.28 발행``) dating the page.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page
from nlp.titles import is_headline

TITLE = "상급종합병원 경증 외래 본인부담 90%로 오른다"
OTHER = "“응급실 뺑뺑이, 지역 안에서 끝내는 체계부터 만들어야”"
BEFORE = [
    "내년부터 경증 질환으로 상급종합병원 외래를 찾는 환자의 본인부담률이 60%에서 90%로 오른다.",
    "보건복지부는 13일 이런 내용을 담은 국민건강보험법 시행령 개정안을 입법예고했다.",
]
AFTER = [
    "다만 지역 병원에서 회송된 환자와 희귀·난치질환자 등은 적용 대상에서 빠진다.",
    "복지부는 경증 환자가 지역 병·의원에서 충분히 진료받는 구조를 만드는 것이 목표라고 설명했다.",
]


def paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def inline_related_posts() -> str:
    """A WordPress news theme: its related-posts block between the post's paragraphs."""
    box = (
        '<div class="jnews_inline_related_post_wrapper"><div class="jnews_inline_related_post">'
        '<div class="jeg_block_heading"><h3 class="jeg_block_title">'
        '<span>함께 보면 좋은 기사</span></h3></div><div class="jeg_posts"><article class="jeg_post">'
        f'<h3 class="jeg_post_title"><a href="https://med.garam.test/interview-er/">{OTHER}</a></h3>'
        "</article></div></div></div>"
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가람메디</title></head><body>
<header class="jeg_header"><a href="/">가람메디</a></header><div class="jeg_main"><article class="post">
<h1 class="jeg_post_title">{TITLE}</h1><div class="jeg_meta_date">2025.11.13</div>
<div class="content-inner">{paragraphs(BEFORE)}{box}{paragraphs(AFTER)}</div></article></div></body></html>"""


def related_row_in_text() -> str:
    """Another WordPress theme: its related row, the heading itself a tab link, between paragraphs."""
    items = "".join(
        f'<div class="td-related-span4"><div class="item-details"><h3 class="entry-title td-module-title">'
        f'<a href="https://news.garam.test/2025/11/{n}/">{headline}</a></h3></div></div>'
        for n, headline in enumerate([OTHER, "필수의료 수가 인상안 다음 달 확정"])
    )
    box = (
        '<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title">'
        f'<a class="td-related-left" href="#">관련 기사</a></h4>'
        f'<div class="td-related-row">{items}</div></div>'
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 가람의학신문</title></head><body>
<div class="td-header-wrap"><a href="/">가람의학신문</a></div><article class="post type-post">
<header class="td-post-title"><h1 class="entry-title">{TITLE}</h1>
<time class="entry-date" datetime="2025-11-13T10:00:00+09:00">2025년 11월 13일</time></header>
<div class="td-post-content">{paragraphs(BEFORE)}{box}{paragraphs(AFTER)}</div></article></body></html>"""


@pytest.mark.parametrize("template", [inline_related_posts, related_row_in_text])
def test_a_box_of_linked_headlines_inside_the_text_is_no_text(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.splitlines() == [*BEFORE, *AFTER]


LETTER_TITLE = "섬마을 작은 도서관에 불이 켜지던 날"
LETTER = [
    "안녕하세요, 가람재단입니다. 이번 레터에서는 완도의 한 섬마을에서 들려온 이야기를 전해 드리려 합니다.",
    "주민 120여 명이 사는 이 섬에는 지난해까지 책을 빌릴 곳이 한 곳도 없었습니다.",
    "재단은 올해 옛 마을회관 한 칸을 작은 도서관으로 고쳤습니다.",
]
CELL = "padding:0 32px 18px 32px;font-size:16px;line-height:1.8;color:#333333;"


def mailed_letter() -> str:
    """An e-mail newsletter's archive copy: one table of cells, every style inline."""
    cells = "".join(f'<tr><td style="{CELL}">{line}</td></tr>' for line in LETTER)
    return f"""<html><head><meta charset="utf-8"><title>가람 레터 Vol.42</title>
<meta property="og:title" content="가람 레터 Vol.42"></head><body style="margin:0">
<div class="archive-bar"><a href="/archive">← 지난 레터 전체 보기</a>
<a href="/subscribe">레터 구독하기</a></div>
<table class="email-container" width="640" align="center">
<tr><td style="padding:28px 32px 8px"><img src="/img/letter_logo.png" width="160" alt="가람 레터"></td></tr>
<tr><td style="padding:0 32px;font-size:13px;color:#888888;">Vol.42 · 2025.08.28 발행</td></tr>
<tr><td style="padding:24px 32px 8px;font-size:26px;font-weight:bold;color:#111;">{LETTER_TITLE}</td></tr>
<tr><td style="padding:8px 32px 24px 32px;"><img src="/img/42_main.jpg" width="576" alt=""></td></tr>
{cells}</table></body></html>"""


def styled_webzine() -> str:
    """A foundation's web letter pasted from an editor: paragraphs and a heading styled inline."""
    return f"""<html><head><meta charset="utf-8"><title>가람소식 제42호</title></head><body>
<div id="wrap"><div class="top"><a href="/">가람재단</a></div><div class="letter">
<p style="color:#999;font-size:12px">제42호 | 2025.08.28 발행</p>
<p style="font-size:22pt;font-weight:700;margin:20px 0">{LETTER_TITLE}</p>
<div class="letter-body">{paragraphs(LETTER)}</div></div></div></body></html>"""


@pytest.mark.parametrize("template", [mailed_letter, styled_webzine])
def test_a_newsletters_styled_headline_and_issue_line(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == LETTER_TITLE
    assert extracted.body.splitlines() == LETTER
    assert extracted.published is not None and extracted.published.date().isoformat() == "2025-08-28"


def test_a_window_title_naming_a_letters_issue_is_no_headline() -> None:
    """Its name then its number (``Vol.42``, ``제52호``, ``2025년 3월호``); a headline with a number stays."""
    for issue in ("가람 레터 Vol.42", "가람소식 제52호", "구정소식 2025년 3월호", "가람시 뉴스레터 No. 12"):
        assert not is_headline(issue)
    for headline in ("국회 제420회 임시회 개회", "소방관 123명 충원", "가람시 민원 처리 1호 사례 나와"):
        assert is_headline(headline)


RELATED = ["교통약자 이동권 예산 확대 2026.11.28", "시내버스 준공영제 개편안 발표 2026.11.14"]


def scripted_related() -> str:
    """A news CMS: after the copyright line, a related box whose items open by script."""
    items = "".join(
        f'<li><a href="javascript:;" onclick="goView({n})">{line.rsplit(" ", 1)[0]}</a> '
        f"<em>{line.rsplit(' ', 1)[1]}</em></li>"
        for n, line in enumerate(RELATED)
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가람건설신문</title></head><body>
<header class="article-view-header"><div class="article-head-title">{TITLE}</div>
<ul class="infomation"><li>승인 2025.11.13 17:11</li></ul></header>
<article id="article-view-content-div">{paragraphs(BEFORE + AFTER)}</article>
<div class="view-copyright">저작권자 © 가람건설신문 무단전재 및 재배포 금지</div>
<section class="relation"><h2>관련기사</h2><ul>{items}</ul></section></body></html>"""


def headed_related_in_cell() -> str:
    """An old layout: the related box's heading and its dated items as lines of the text's cell."""
    lines = "<br>".join([*BEFORE, *AFTER, "<b>관련기사</b>", *(f"- {line}" for line in RELATED)])
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<table width="700"><tr><td class="title"><b>{TITLE}</b></td></tr><tr><td>2025-11-13</td></tr>
<tr><td class="content">{lines}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [scripted_related, headed_related_in_cell])
def test_a_closing_box_of_dated_headlines_is_no_text(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.splitlines() == [*BEFORE, *AFTER]


def amp_page() -> str:
    """An AMP article: its text as ``<br>`` lines, a picture with its caption and an ad between them."""
    share = "".join(
        f'<amp-social-share type="{t}" width="32" height="32"></amp-social-share>' for t in ("x", "system")
    )
    return f"""<!doctype html><html ⚡ lang="ko"><head><meta charset="utf-8"><title>{TITLE} - 가람뉴스</title>
<meta property="og:type" content="article"></head><body>
<amp-sidebar id="sidebar" layout="nodisplay"><ul><li><a href="/list?s=1">사회</a></li></ul></amp-sidebar>
<header class="amp-header"><a href="/" class="logo"><amp-img src="/logo.png" width="120" height="30"
alt="가람뉴스"></amp-img></a></header><article class="amp-article"><h1 class="amp-title">{TITLE}</h1>
<div class="amp-info"><span class="amp-date">승인 2025.11.13 10:21</span></div>
<div class="amp-share">{share}</div>
<div class="amp-article-body" itemprop="articleBody">
{BEFORE[0]}<br /><br />
<amp-img src="/photo/1.jpg" width="600" height="400" layout="responsive" alt=""></amp-img><div
class="caption">관련 사진. [가람뉴스 자료사진]</div>
{BEFORE[1]}<br /><br />
<amp-ad width="300" height="250" type="adsense" data-ad-client="ca-pub-0" data-ad-slot="5555"></amp-ad>
{AFTER[0]}<br /><br />
{AFTER[1]}
</div><div class="amp-reporter">김가람 기자 kim@garamnews.example</div>
<div class="amp-copyright">저작권자 © 가람뉴스 무단전재 및 재배포 금지</div></article></body></html>"""


def component_page() -> str:
    """A script-era article whose text lines are broken by custom elements (a player, an ad slot)."""
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 가람데일리</title></head><body><main>
<h1 class="Article_title__x1">{TITLE}</h1><time datetime="2025-11-13T10:21:00+09:00">2025.11.13 10:21</time>
<div class="Article_body__x2">{BEFORE[0]}<br><br><video-player data-id="991"></video-player>
{BEFORE[1]}<br><br>
<ad-slot data-slot="mid"></ad-slot><div class="credit">사진=가람데일리 DB</div>{AFTER[0]}<br><br>{AFTER[1]}
</div></main></body></html>"""


@pytest.mark.parametrize("template", [amp_page, component_page])
def test_text_after_a_picture_or_ad_component_stays(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.splitlines() == [*BEFORE, *AFTER]
