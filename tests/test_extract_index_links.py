"""Index pages the extractor must read as indexes, each convention on two made-up templates:

- a blog's category page names its posts by slug (``/2026/03/03/청년-월세-지원-…/``,
  ``/entry/…``) and its theme's ``<body class="nav-float-right">`` names no menu; a post's
  ``#comments`` link is the post's own;
- a release list's attachment links (``FileDown.do?atchFileId=…``, ``….hwp``) are no articles,
  however many each row holds;
- a search page's sections, each under its own URL pattern, are all listed.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import pytest

from nlp.extract import extract_page

TITLES = [
    "청년 월세 지원 올해 무엇이 달라졌나",
    "전세사기 특별법 2년 피해자 구제는 어디까지",
    "공공임대 통합 모델 시범단지 입주 현장",
    "빈집 정비 사업의 세 갈래 길",
    "역세권 청년주택 임대료 논란 정리",
    "지자체 주거급여 추가 지원 비교",
    "신혼부부 전세대출 이자 지원 신청 가이드",
]
HOST = "https://policy.garam.test"
Template = Callable[[], tuple[str, list[str]]]


def assert_lists(template: Template, url: str) -> None:
    """The page the template writes, at ``url``, is an index of exactly the article links it names."""
    page, urls = template()
    extracted = extract_page(page.encode(), url=url)
    assert extracted.kind == "listing"
    assert list(extracted.links) == urls


def _slug(title: str) -> str:
    return quote("-".join(title.split()))


def wordpress_category() -> tuple[str, list[str]]:
    """A WordPress category page: date permalinks by slug, each card with a comments link."""
    urls = [f"{HOST}/2026/0{1 + n % 3}/{10 + n}/{_slug(t)}/" for n, t in enumerate(TITLES)]
    cards = "".join(
        f'<article class="post type-post"><h2 class="entry-title"><a href="{u}">{t}</a></h2>'
        f'<div class="entry-summary"><p>{t}에 대해 정리했습니다.</p></div>'
        f'<a href="{u}#comments">댓글 남기기</a> <a href="{u}">더 보기</a></article>'
        for u, t in zip(urls, TITLES, strict=True)
    )
    page = f"""<html><head><meta charset="utf-8"><title>주거 &#8211; 가람정책랩</title></head>
<body class="archive category right-sidebar nav-float-right header-aligned-left">
<header class="site-header"><a href="{HOST}/">가람정책랩</a></header><main class="site-main">
<h1 class="page-title">카테고리: 주거</h1>{cards}</main>
<aside><h2>보관함</h2><ul><li><a href="{HOST}/2026/03/">2026년 3월</a></li>
<li><a href="{HOST}/2026/02/">2026년 2월</a></li></ul></aside></body></html>"""
    return page, urls


def blog_host_category() -> tuple[str, list[str]]:
    """A blog host's category page: posts under ``/entry/`` by their Korean slug, one per item."""
    urls = [f"{HOST}/entry/{_slug(t)}" for t in TITLES]
    items = "".join(
        f'<li class="post-item"><a href="{u}"><span class="title">{t}</span>'
        f'<span class="date">2026.0{1 + n % 3}.{10 + n}</span></a></li>'
        for n, (u, t) in enumerate(zip(urls, TITLES, strict=True))
    )
    page = f"""<html><head><meta charset="utf-8"><title>'주거' 카테고리의 글 목록</title></head><body>
<div id="header"><a href="/">가람의 정책 노트</a></div><div id="content"><h2>주거</h2>
<ul class="list">{items}</ul></div><div id="footer">Powered by 블로그</div></body></html>"""
    return page, urls


@pytest.mark.parametrize("template", [wordpress_category, blog_host_category])
def test_a_blogs_category_page_lists_its_posts_by_slug(
    template: Template,
) -> None:
    assert_lists(template, f"{HOST}/category/housing/")


def _release_rows(file_link: Callable[[int, int], str]) -> tuple[str, list[str]]:
    urls = [f"{HOST}/board/view.do?bbsId=B0001&nttId={5000 + n}" for n in range(len(TITLES))]
    rows = "".join(
        f'<tr><td>{len(TITLES) - n}</td><td class="subject"><a href="{u}">{t} 보도자료</a>'
        f'<ul class="files">{"".join(file_link(n, k) for k in range(3))}</ul></td>'
        f"<td>2026-03-{10 + n}</td></tr>"
        for n, (u, t) in enumerate(zip(urls, TITLES, strict=True))
    )
    page = f"""<html><head><meta charset="utf-8"><title>보도자료 | 가람시</title></head><body>
<div id="lnb"><a href="/a">시정소식</a></div><table class="board-list"><thead><tr><th>번호</th><th>제목</th>
<th>등록일</th></tr></thead><tbody>{rows}</tbody></table></body></html>"""
    return page, urls


def download_handler_list() -> tuple[str, list[str]]:
    """A board whose rows list each release's files through the board's download handler."""
    return _release_rows(
        lambda n, k: (
            f'<li><a href="/cmm/fms/FileDown.do?atchFileId=FILE_{9000 + n}&amp;fileSn={k}">'
            f"보도자료 첨부파일 {k + 1}번 (hwp 문서)</a></li>"
        )
    )


def direct_file_list() -> tuple[str, list[str]]:
    """A board whose rows link each release's files directly."""
    return _release_rows(
        lambda n, k: (
            f'<li><a href="/upload/2026/03/release_{9000 + n}_{k}.hwp">'
            f"보도자료 붙임 문서 {k + 1}번 내려받기</a></li>"
        )
    )


@pytest.mark.parametrize("template", [download_handler_list, direct_file_list])
def test_a_release_lists_attachments_are_no_articles(
    template: Template,
) -> None:
    assert_lists(template, f"{HOST}/board/list.do?bbsId=B0001")


def search_sections() -> tuple[str, list[str]]:
    """A city's search page: news results and notice results, each section its own URL pattern."""
    news = [f"{HOST}/news/articleView.html?idxno={700 + n}" for n in range(6)]
    notices = [f"{HOST}/board/view.do?bbsId=NOTICE&nttId={300 + n}" for n in range(6)]

    def section(name: str, urls: list[str]) -> str:
        items = "".join(
            f'<li><a href="{u}">{TITLES[n % len(TITLES)]} {name}</a></li>' for n, u in enumerate(urls)
        )
        return f'<section class="result"><h3>{name}</h3><ul>{items}</ul></section>'

    page = f"""<html><head><meta charset="utf-8"><title>통합검색 | 가람시</title></head><body>
<form><input name="q" value="주거"></form>{section("뉴스", news)}{section("공지사항", notices)}
</body></html>"""
    return page, news + notices


def portal_sections() -> tuple[str, list[str]]:
    """A portal's search results: release results, then photo results in a definition list."""
    releases = [f"{HOST}/briefing/pressReleaseView.do?newsId={1480 + n}" for n in range(6)]
    photos = [f"{HOST}/photo/view.do?photoId={220 + n}" for n in range(6)]
    rows = "".join(f'<li><a href="{u}">{TITLES[n]} 발표</a></li>' for n, u in enumerate(releases))
    cards = "".join(
        f'<dt><a href="{u}">{TITLES[n]} 현장 사진</a></dt><dd>사진</dd>' for n, u in enumerate(photos)
    )
    page = f"""<html><head><meta charset="utf-8"><title>검색 결과</title></head><body>
<div class="search-result"><h2>보도자료</h2><ul>{rows}</ul><h2>사진</h2><dl>{cards}</dl></div>
</body></html>"""
    return page, releases + photos


@pytest.mark.parametrize("template", [search_sections, portal_sections])
def test_a_search_pages_sections_are_all_listed(
    template: Template,
) -> None:
    assert_lists(template, f"{HOST}/search.do?q=%EC%A3%BC%EA%B1%B0")


def script_era_section() -> tuple[str, list[str]]:
    """A script-era section page: story cards, then a newsletter box, then the imprint's 등록일."""
    urls = [f"{HOST}/stories/{n}-{'-'.join(['policy', 'story', 'card'])}" for n in range(len(TITLES))]
    cards = "".join(
        f'<article class="Card_root__x1"><a class="Card_link__x2" href="{u}"><span>경제</span>'
        f'<h3 class="Card_title__x3">{t}</h3><p>{t}에 대한 세 줄 요약입니다.</p></a></article>'
        for u, t in zip(urls, TITLES, strict=True)
    )
    page = f"""<html><head><meta charset="utf-8"><title>경제 | 가람데일리</title></head><body><main>
<h1 class="Section_title__a1">경제</h1><div class="Grid_grid__a2">{cards}</div>
<aside class="Newsletter_box__a3"><h2 class="Newsletter_title__a4">매일 아침 7시, 가람데일리 브리핑</h2>
<p>하루 5분이면 충분합니다.</p><a href="/newsletter">무료 구독하기</a></aside></main>
<footer><p>주식회사 가람데일리 · 등록번호 서울 아00000 · 등록일 2022.04.11 · 발행·편집인 한가람</p></footer>
</body></html>"""
    return page, urls


def cms_section() -> tuple[str, list[str]]:
    """A news CMS's section list beside a box of the week's digest, dated."""
    urls = [f"{HOST}/news/articleView.html?idxno={400 + n}" for n in range(len(TITLES))]
    rows = "".join(
        f'<li><a href="{u}">{t}</a><em>2026.03.0{1 + n % 5}</em></li>'
        for n, (u, t) in enumerate(zip(urls, TITLES, strict=True))
    )
    page = f"""<html><head><meta charset="utf-8"><title>정책 - 가람일보</title></head><body>
<div id="user-container"><section class="list-block"><ul class="type2">{rows}</ul></section>
<aside class="side"><h3 class="box-title">이번 주 가장 많이 읽은 정책 이야기 모음</h3>
<p class="date">2026.03.03</p><p>한 주의 정책 소식을 골라 드립니다.</p></aside></div></body></html>"""
    return page, urls


@pytest.mark.parametrize("template", [script_era_section, cms_section])
def test_a_box_beside_the_list_heads_no_article(template: Template) -> None:
    assert_lists(template, f"{HOST}/section/economy")
