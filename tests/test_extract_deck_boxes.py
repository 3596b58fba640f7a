"""Headlines that hide beside what a page sets around them, each convention on two made-up templates:

- a deck in a box its template names as one (``td.view_subtitle``, ``div.view-sub-tit``) under the
  headline's box is no headline, though it sits nearer the text;
- a post wrapped in a block whose class only looks like a menu's (an XE skin's ``rd_nav_style2``)
  still prints its headline;
- a linked heading in a list of links (a most-read strip) is another page's headline: in a batch
  it does not turn the page whose headline it is into template;
- a magazine's issue line (``2025년 3월호 · 통권 318호``) is no text, so the headline box under it
  is found;
- a release's issuer over the headline at the top of a plain-text body (``<pre>``) is no headline.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page, extract_source_pages

TITLE = "가람군, 농촌 빈집 120채 정비…귀농인 임대주택으로"
DECK = "올해 18억 원 투입해 철거 대신 리모델링 우선, 입주자는 5년간 월 10만 원만 내"
TEXT = [
    "가람군이 방치된 농촌 빈집을 정비해 귀농·귀촌인을 위한 임대주택으로 공급한다.",
    "군은 올해 국비와 도비, 군비를 합쳐 18억 원을 들여 관내 빈집 120채를 정비한다고 3일 밝혔다.",
    "리모델링 주택은 귀농·귀촌 5년 이내 가구와 청년 창업농에게 우선 배정된다.",
]
PROSE = "".join(f"<p>{line}</p>" for line in TEXT)


def table_layout() -> str:
    """An old news CMS: headline and deck in cells of one table, both set in ``<font>``."""
    return f"""<html><head><meta charset="utf-8"><title>가람신문</title></head><body>
<table width="980"><tr><td><a href="/"><img src="/logo.gif" alt="가람신문"></a></td></tr></table>
<table width="680"><tr><td class="navi">HOME &gt; 뉴스 &gt; 행정</td></tr>
<tr><td class="view_title"><font style="font-size:24px"><b>{TITLE}</b></font></td></tr>
<tr><td class="view_subtitle"><font color="#555">{DECK}</font></td></tr>
<tr><td class="view_info">입력 : 2025-11-03 14:22 | 김정호 기자 | <a href="javascript:fontPlus()">글자크게</a>
<a href="javascript:printArticle()">인쇄하기</a></td></tr>
<tr><td id="articleBody">{PROSE}</td></tr>
<tr><td>&lt;저작권자 ⓒ 가람신문 무단전재 및 재배포금지&gt;</td></tr></table></body></html>"""


def krds_view() -> str:
    """A ministry's board in the government design system: the deck a bullet list under the heading."""
    return f"""<html><head><meta charset="utf-8"><title>보도자료 &lt; 알림·소식 &lt; 가람부</title>
<meta property="og:title" content="가람부"></head><body>
<header id="krds-header"><h1 class="logo"><a href="/"><img src="/logo.svg" alt="가람부"></a></h1></header>
<main id="contents"><nav class="krds-breadcrumb"><ol><li><a href="/">홈</a></li><li>보도자료</li></ol></nav>
<div class="page-title-wrap"><h2 class="h-tit">보도자료</h2><div class="sns-wrap">
<button type="button">공유하기</button><button type="button">인쇄</button></div></div><div class="board-view">
<div class="view-head"><span class="krds-badge">보도자료</span><h3 class="tit">{TITLE}</h3>
<ul class="info-list"><li><span class="label">배포일시</span><span class="value">2025-11-03 14:22</span></li>
<li><span class="label">담당부서</span><span class="value">농촌정책과</span></li>
<li><span class="label">조회수</span><span class="value">1502</span></li></ul></div>
<div class="view-sub-tit"><ul class="dash-list"><li>{DECK}</li>
<li>빈집 실태조사 612채, 5년 새 40% 늘어</li></ul></div>
<div class="view-cont">{PROSE}</div></div></main>
<footer>(30112) 세종특별자치시 도움6로 42</footer></body></html>"""


@pytest.mark.parametrize("template", [table_layout, krds_view])
def test_a_deck_in_its_own_box_under_the_headline_is_no_headline(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.splitlines()[-1] == TEXT[-1]
    assert TEXT[0] in extracted.body


def xe_sketchbook() -> str:
    """An XE/Rhymix board skin: the post inside ``div.rd.rd_nav_style2``, its title a permalink ``<h1>``."""
    return f"""<html><head><meta charset="utf-8"><meta name="generator" content="Rhymix">
<title>공지사항 - 가람산악회</title></head><body>
<div class="header"><h1><a href="/"><img src="/logo.png" alt="가람산악회"></a></h1>
<ul class="gnb"><li><a href="/notice">공지사항</a></li><li><a href="/free">자유게시판</a></li></ul></div>
<div class="board"><div class="bd_hd"><h2><a href="/notice">공지사항</a></h2></div>
<div class="rd rd_nav_style2 clear"><div class="rd_hd clear"><div class="board clear">
<div class="top_area ngeb">
<div class="fr"><span class="date m_no">2025.02.20 21:14</span></div>
<h1 class="np_18px"><a href="/notice/5120">{TITLE}</a></h1></div></div></div>
<div class="rd_body clear"><article><div class="document_5120_4 xe_content">{PROSE}</div></article></div>
</div></div><div class="footer">가람산악회 | Powered by Rhymix</div></body></html>"""


def nav_named_column() -> str:
    """A magazine skin whose content column is ``div.sub-nav-layout`` around the post's ``<article>``."""
    return f"""<html><head><meta charset="utf-8"><title>가람매거진</title></head><body>
<nav class="gnb"><a href="/">홈</a><a href="/news">소식</a></nav>
<div class="sub-nav-layout"><div class="post-head"><h2 class="post-subject">{TITLE}</h2>
<p class="meta">2025.04.02</p></div><article class="post-body">{PROSE}</article></div></body></html>"""


@pytest.mark.parametrize("template", [xe_sketchbook, nav_named_column])
def test_a_column_named_like_a_menu_around_the_post_keeps_its_headline(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.splitlines() == TEXT


HEADLINES = [
    "‘캡틴’ 손현우 멀티골…울산, 개막전서 전북 3-1 완파",
    "KBO, 2026시즌부터 ‘피치클록’ 정식 도입",
    "여자배구 흥국생명, 파죽의 9연승",
]


def most_read(index: int) -> list[str]:
    """The day's most-read list as a page prints it (without itself): the first page's headline is
    on every other page, the second page's on the first."""
    return [HEADLINES[1] if index == 0 else HEADLINES[0], "국가대표 새 사령탑 선임 초읽기"]


LEADS = [
    "울산이 개막전에서 라이벌 전북을 꺾고 시즌을 기분 좋게 출발했다.",
    "KBO가 다음 시즌부터 투구 시간 제한 규정을 정식으로 도입한다고 밝혔다.",
    "흥국생명이 홈경기에서 승리하며 아홉 경기 연속 승리를 이어갔다.",
]
STORY = [
    "경기는 시작부터 끝까지 팽팽하게 이어졌고 관중석은 빈자리 없이 가득 찼다.",
    "감독은 경기가 끝난 뒤 선수들의 집중력이 승부를 갈랐다고 평가했다.",
    "다음 경기는 오는 주말 홈구장에서 열린다.",
]


def trend_strip(index: int) -> str:
    """A script-era sports page: a most-read strip of linked ``<h3>``s above the article's ``<h2>``."""
    strip = "".join(
        f'<li><h3 class="trend__title"><a href="/news/{n}">{h}</a></h3></li>'
        for n, h in enumerate(most_read(index))
    )
    prose = "".join(f"<p>{line}</p>" for line in [LEADS[index], *STORY])
    return f"""<html><head><meta charset="utf-8"><title>가람스포츠</title></head><body>
<header><a href="/" class="logo">가람스포츠</a></header>
<div class="trend"><span>실시간 인기</span><ul>{strip}</ul></div>
<main><article><div class="article__head"><h2 class="article__title">{HEADLINES[index]}</h2>
<time datetime="2026-03-01T16:58:00+09:00">3시간 전</time></div>
<div class="article__body">{prose}</div></article></main></body></html>"""


def ranked_sidebar(index: int) -> str:
    """An older news CMS: a 많이 본 뉴스 box of ``<strong>`` titles holding their links beside the view."""
    box = "".join(
        f'<li><strong class="tit"><a href="/news/articleView.html?idxno={n}">{h}</a></strong>'
        f'<span class="date">03.01</span></li>'
        for n, h in enumerate(most_read(index))
    )
    prose = "".join(f"<p>{line}</p>" for line in [LEADS[index], *STORY])
    return f"""<html><head><meta charset="utf-8"><title>가람일보</title></head><body>
<div id="user-container"><div class="aside"><h4>많이 본 뉴스</h4><ol>{box}</ol></div>
<div class="view"><h3 class="heading">{HEADLINES[index]}</h3><p class="info">입력 2026.03.01 16:58</p>
<div id="article-view-content-div">{prose}</div></div></div></body></html>"""


@pytest.mark.parametrize("template", [trend_strip, ranked_sidebar])
def test_a_headline_other_pages_list_among_links_stays_its_pages_own(template: Callable[[int], str]) -> None:
    pages = [(template(n).encode(), f"https://news.garam.test/{n}") for n in range(len(HEADLINES))]
    extracted = extract_source_pages(pages)
    assert [page.title for page in extracted] == HEADLINES  # type: ignore[union-attr]


def webzine() -> str:
    """A district's web magazine: an issue line in the masthead, the headline an image with its words."""
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 구정소식 | 가람구 웹진</title>
<meta property="og:title" content="가람구 웹진"></head><body>
<header id="wz_header"><h1 class="wz_logo"><a href="/webzine/"><img src="/logo.png" alt="가람소식"></a></h1>
<p class="wz_issue">2025년 3월호 · 통권 318호</p></header>
<div class="wz_view"><div class="view_tit"><img src="/upload/tit.png" alt="{TITLE}"></div>
<div class="view_info"><span class="date">게시일 2025-03-12</span></div>
<div class="view_txt">{PROSE}</div></div></body></html>"""


def newsletter() -> str:
    """A foundation's newsletter archive: the issue line atop the mail's text."""
    return f"""<html><head><meta charset="utf-8"><title>가람재단 뉴스레터</title></head><body>
<div id="nl-top"><a href="/">가람재단</a></div>
<div class="nl-view"><div class="subject">{TITLE}</div><div class="date">2025.03.12</div>
<div class="txt"><p class="issue">Vol. 52 · 2025년 3월호</p>{PROSE}</div></div></body></html>"""


@pytest.mark.parametrize("template", [webzine, newsletter])
def test_a_magazines_issue_line_is_no_text(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.splitlines() == TEXT


RELEASE = "남부권 4개 대학과 지역 중견기업 15곳이 현장 맞춤형 인력 양성을 위한 공동 협약을 25일 체결했다."


def wire_pre() -> str:
    """A release wire: the issuer and the date over a ``<pre>`` that opens with the headline."""
    return f"""<html><head><meta charset="utf-8"><title>가람와이어 :: 보도자료</title></head><body>
<div id="top"><a href="/" class="logo">가람와이어</a></div>
<div class="release"><div class="rel-head"><span class="org">남부권 산학협력단</span>
<span class="date">보도일 : 2013년 6월 25일</span></div>
<pre class="rel-text">{TITLE}

  {RELEASE}

  {TEXT[1]}
</pre></div></body></html>"""


def board_cell() -> str:
    """An old board: the issuer, the headline and the text as ``<br>`` lines of one cell."""
    return f"""<html><head><meta charset="utf-8"><title>보도자료</title></head><body>
<table><tr><td>남부권 산학협력단<br>{TITLE}<br><br>{RELEASE}<br><br>{TEXT[1]}
<br>보도일 : 2013년 6월 25일</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("template", [wire_pre, board_cell])
def test_an_issuer_over_a_plain_texts_headline_is_no_headline(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.published is not None and extracted.published.date().isoformat() == "2013-06-25"


SEO = "간병비 급여화 논쟁: 간병 파산을 막을 제도적 해법"
PRINTED = "간병비 하루 15만원 시대 ‘간병 파산’ 막을 길은?"


def seo_plugin_post() -> str:
    """A WordPress post whose SEO plugin wrote its own title and ``og:title``."""
    return f"""<html><head><meta charset="utf-8"><title>{SEO} :: 가람플러스</title>
<meta property="og:title" content="{SEO}"><meta property="og:type" content="article"></head><body>
<header class="site-header"><a href="/">가람플러스</a></header><main><article class="post">
<header class="entry-header"><h1 class="entry-title">{PRINTED}</h1>
<time class="entry-date" datetime="2026-08-24T20:00:00+09:00">2026년 8월 24일</time></header>
<div class="entry-content">{PROSE}</div></article></main></body></html>"""


def desk_rewrite() -> str:
    """A news CMS whose desk set a search title apart from the printed headline."""
    return f"""<html><head><meta charset="utf-8"><title>{SEO} | 가람방송 뉴스</title>
<meta property="og:title" content="{SEO}"><meta name="twitter:title" content="{SEO}"></head><body>
<div id="gnb"><a href="/">가람방송</a></div><div class="view"><h4 class="news_tit">{PRINTED}</h4>
<p class="date">입력 2026.08.24 20:00</p><div id="news_body">{PROSE}</div></div></body></html>"""


@pytest.mark.parametrize("template", [seo_plugin_post, desk_rewrite])
def test_a_printed_headline_beats_a_search_title_printed_nowhere(template: Callable[[], str]) -> None:
    assert extract_page(template().encode()).title == PRINTED


BREAKING = "정부, 수도권 전세대출 DSR 적용 내년 7월로 연기"


def breaking_news() -> str:
    """A broadcaster's page: ``[속보]`` printed in the headline, the head's fields without it."""
    return f"""<html><head><meta charset="utf-8"><title>{BREAKING} | 가람방송</title>
<meta property="og:title" content="{BREAKING}"><script type="application/ld+json">
{{"@type": "NewsArticle", "headline": "{BREAKING}"}}</script></head><body>
<div class="view"><h1 class="tit">[속보] {BREAKING}</h1><p class="date">입력 2026.05.06 09:00</p>
<div class="txt">{PROSE}</div></div></body></html>"""


def interview_page() -> str:
    """A paper's interview: ``[인터뷰]`` in the printed headline and ``<title>``, not in JSON-LD."""
    return f"""<html><head><meta charset="utf-8"><title>[인터뷰] {TITLE} - 가람일보</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{TITLE}"}}</script></head><body>
<div class="article-head"><h3 class="heading">[인터뷰] {TITLE}</h3><span>입력 2026.03.19 08:05</span></div>
<article id="article-view-content-div">{PROSE}</article></body></html>"""


def series_kicker() -> str:
    """An old layout: a series label on its own line over the headline, a kicker, not its tag."""
    return f"""<html><head><meta charset="utf-8"><title>가람대신문</title></head><body><table><tr>
<td class="list_title"><span class="series">[기획-농촌주거 ③]</span><br>
<strong class="view_title">{TITLE}</strong></td></tr><tr><td>2025년 03월 17일 (월)</td></tr>
<tr><td class="view_text">{PROSE}</td></tr></table></body></html>"""


@pytest.mark.parametrize(
    ("template", "title"),
    [(breaking_news, f"[속보] {BREAKING}"), (interview_page, f"[인터뷰] {TITLE}"), (series_kicker, TITLE)],
)
def test_a_desk_tag_printed_in_the_headline_stays(template: Callable[[], str], title: str) -> None:
    assert extract_page(template().encode()).title == title


FEATURE = [
    "정부는 내년부터 청년 주거 지원 사업을 크게 늘리기로 했다.",
    "대책에 따르면 월세 지원 대상은 중위소득 100% 이하 청년으로 넓어진다.",
    "월세 지원 대상 확대",
    "전세 보증금 대출 금리도 연 1.5%로 낮아진다.",
]


def sub_classed_news() -> str:
    """A news CMS whose in-text sub-headings carry a hashed ``article_sub`` class."""
    body = "".join(
        f'<h3 class="article_sub__Lq2Rw">{line}</h3>' if n == 2 else f"<p>{line}</p>"
        for n, line in enumerate(FEATURE)
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 가람일보</title></head><body>
<article><h1>{TITLE}</h1><p class="date">입력 2026.03.03 09:00</p><div class="article_body">{body}</div>
</article></body></html>"""


def sub_tit_magazine() -> str:
    """A script-era magazine whose in-text sub-headings are ``h3.sub-tit``."""
    body = "".join(
        f'<h3 data-v-1 class="sub-tit">{line}</h3>' if n == 2 else f"<p data-v-1>{line}</p>"
        for n, line in enumerate(FEATURE)
    )
    return f"""<html><head><meta charset="utf-8"><title>가람플러스</title></head><body><main class="article">
<div class="article-top"><p class="article-title">{TITLE}</p>
<span class="date">승인 2026년 3월 3일</span></div>
<div class="article-body">{body}</div></main></body></html>"""


@pytest.mark.parametrize("template", [sub_classed_news, sub_tit_magazine])
def test_a_sub_classed_heading_after_the_texts_opening_stays_in_it(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.lead is None
    assert extracted.body.splitlines() == FEATURE
