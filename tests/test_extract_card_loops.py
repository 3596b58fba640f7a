"""Index pages printed by a CMS loop: each post an ``<article>`` card whose own ``<header>`` holds its
linked headline (and whose ``<footer>`` its ``더 읽기`` link), a teaser beside it. The card's header
and footer are the post's, not the site's chrome; a single article with a row of related cards
after its text stays an article. Every page is made up here, on two templates each."""

from __future__ import annotations

import pytest

from nlp.extract import extract_page

TITLES = (
    "해상풍력 인허가 창구 하나로 통합한다",
    "산업단지 지붕 태양광 설치 지원금 늘린다",
    "전력망 확충 특별법 시행령 입법 예고",
    "수소 충전소 구축 보조금 지역 배분 확정",
    "에너지 바우처 지급 대상 15만 가구 확대",
    "원전 해체 기술 개발 사업 공모 시작",
)
TEASERS = (
    "정부가 해상풍력 사업의 인허가 절차를 한곳에서 처리하도록 제도를 손본다. …",
    "산업통상자원부는 산업단지 공장 지붕에 태양광을 설치하는 기업의 부담을 줄이기로 했다.",
    "송전선로 건설 기간을 줄이기 위한 특별법 시행령이 입법 예고됐다.",
    "올해 수소 충전소 구축 보조금이 지역별로 나뉘어 배정됐다.",
    "여름철 냉방비 부담을 덜기 위해 에너지 바우처 대상이 늘어난다.",
    "원전 해체에 필요한 핵심 기술을 개발할 기관을 모집한다.",
)
PARAGRAPHS = (
    "정부가 해상풍력 사업의 인허가 절차를 한곳에서 처리하도록 제도를 손본다.",
    "산업통상자원부는 2일 해상풍력 특별법 시행에 맞춰 관계부처 합동 인허가 창구를 만든다고 밝혔다.",
    "지금까지 사업자는 입지 선정부터 공사 허가까지 10여 개 기관을 따로 찾아가야 했다.",
    "새 창구가 생기면 인허가 기간이 평균 7년에서 3년 안팎으로 줄어들 것으로 정부는 내다봤다.",
    "산업부 관계자는 “어민과의 협의 절차도 창구에서 함께 지원하겠다”고 말했다.",
)


def _page(title: str, main: str) -> bytes:
    return (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>"
        '<header class="site-header"><a href="/">바람과빛</a><nav><ul>'
        '<li><a href="/category/policy/">정책</a></li><li><a href="/category/market/">시장</a></li>'
        '<li><a href="/category/people/">사람</a></li></ul></nav></header>'
        f"{main}"
        '<footer class="site-footer"><p>바람과빛 · 서울시 중구 · 대표전화 02-000-0000</p></footer>'
        "</body></html>"
    ).encode()


def _blog_loop(count: int) -> bytes:
    """Template A: a blog engine's archive loop, headline link in the card's header, the excerpt
    and a ``더 읽기`` link in a summary block, slug URLs ending in the post's number."""
    cards = "".join(
        f'<article class="post status-publish"><header class="entry-header">'
        f'<h2 class="entry-title"><a href="https://baram.example/news-{9100 + n}/">{TITLES[n]}</a></h2>'
        f'<time datetime="2025-06-0{n + 1}T09:00:00+09:00">2025.06.0{n + 1}</time></header>'
        f'<div class="entry-summary"><p>{TEASERS[n]} '
        f'<a class="more-link" href="https://baram.example/news-{9100 + n}/">더 읽기</a></p></div></article>'
        for n in range(count)
    )
    main = (
        '<main id="primary"><header class="page-header"><h1 class="page-title">카테고리: 정책</h1></header>'
        f"{cards}</main>"
    )
    return _page("정책 보관함 | 바람과빛", main)


def _card_grid(count: int) -> bytes:
    """Template B: another CMS's card grid, query-string URLs, a ``<header>`` per card holding a
    category link and the headline link, the teaser, and a ``<footer>`` with the date and a link."""
    cards = "".join(
        f'<article class="card"><header><a class="cat" href="/section.html?code=S1">정책</a>'
        f'<h3 class="card-title"><a href="/news/view.html?idxno={52000 + n}">{TITLES[n]}</a></h3></header>'
        f'<p class="card-text">{TEASERS[n]}</p>'
        f'<footer class="card-meta"><span>2025-06-0{n + 1}</span> '
        f'<a href="/news/view.html?idxno={52000 + n}">자세히 보기</a></footer></article>'
        for n in range(count)
    )
    heading = '<h2 class="section-name">정책 뉴스</h2>'
    main = f'<div class="content">{heading}<div class="grid">{cards}</div></div>'
    return _page("정책 뉴스 - 빛고을에너지", main)


@pytest.mark.parametrize("template", [_blog_loop, _card_grid])
@pytest.mark.parametrize("count", [4, 6])
def test_a_loop_of_article_cards_with_headline_links_in_their_headers_is_an_index(template, count) -> None:  # type: ignore[no-untyped-def]
    extracted = extract_page(template(count))
    assert extracted.kind == "listing"
    assert len(extracted.links) == count
    assert not extracted.body


def _single_with_related(related: int, nested: bool) -> bytes:
    """A single post (its own ``<article>`` with a header and footer) and a row of related cards
    after its text, either beside the post or inside its ``<article>``."""
    cards = "".join(
        f'<article class="related-card"><header><h4><a href="/news/view.html?idxno={52001 + n}">'
        f"{TITLES[n + 1]}</a></h4></header><p>{TEASERS[n + 1]}</p></article>"
        for n in range(related)
    )
    row = f'<section class="related"><h3>관련 기사</h3>{cards}</section>'
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    post = (
        '<article class="post single"><header class="entry-header">'
        '<a class="cat" href="/category/policy/">정책</a>'
        f'<h1 class="entry-title">{TITLES[0]}</h1>'
        '<time datetime="2025-06-02T10:00:00+09:00">2025.06.02</time>'
        f'</header><div class="entry-content">{text}</div>'
        '<footer class="entry-footer"><a href="/tag/wind/">해상풍력</a></footer>'
        f"{row if nested else ''}</article>"
    )
    return _page(f"{TITLES[0]} | 바람과빛", f"<main>{post}{'' if nested else row}</main>")


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize("related", [3, 4])
def test_a_single_article_with_a_row_of_related_cards_stays_an_article(related: int, nested: bool) -> None:
    extracted = extract_page(
        _single_with_related(related, nested), url="https://baram.example/news/view.html?idxno=52000"
    )
    assert extracted.kind == "article"
    assert extracted.title == TITLES[0]
    assert extracted.body.splitlines() == list(PARAGRAPHS)


@pytest.mark.parametrize("nested", [False, True])
def test_a_single_article_without_its_own_url_keeps_its_text_over_related_cards(nested: bool) -> None:
    """Without the page's URL (so not known to be one of the cards' kind), the text decides."""
    extracted = extract_page(_single_with_related(4, nested))
    assert extracted.kind == "article"
    assert extracted.body.splitlines() == list(PARAGRAPHS)
