"""A photo story's short text beside its pictures, on two made-up templates (a news CMS's view and a
WordPress block theme): each ``<figcaption>`` is a line of its own, so the caption rules see it and
the captions (``▲ … (사진=수원시 제공)``) never run into one another or into the text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "장맛비 속 배수로 정비 나선 공무원들"
TEXT = (
    "장마를 앞둔 26일 오전 수원시 권선구 일대에서 구청 직원들이 빗물받이에 쌓인 낙엽과 쓰레기를 치우고 있다. "
    "수원시는 이달 말까지 빗물받이 3천여 곳을 정비한다."
)
CAPTIONS = (
    "▲ 26일 구청 직원들이 빗물받이 덮개를 열고 토사를 퍼내고 있다. (사진=수원시 제공)",
    "▲ 정비를 마친 빗물받이에 스티커가 붙어 있다. (사진=노지훈 기자)",
)


def news_cms_page() -> str:
    figures = "".join(
        f'<figure><img src="/p/{n}.jpg"><figcaption>{c}</figcaption></figure>' for n, c in enumerate(CAPTIONS)
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 한빛뉴스</title></head><body>
<nav><a href="/">홈</a> <a href="/soc">사회</a> <a href="/photo">포토</a></nav><main><h1>{TITLE}</h1>
<p class="date">입력 2025.06.26 14:03</p>
<article id="article-view-content-div">{figures}<p>{TEXT}</p></article>
</main></body></html>"""


def block_theme_page() -> str:
    figures = "".join(
        f'<figure class="wp-block-image size-large"><img src="/u/{n}.jpg" alt="">'
        f'<figcaption class="wp-element-caption">{c}</figcaption></figure>'
        for n, c in enumerate(CAPTIONS)
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} &#8211; 동네소식</title></head><body>
<header class="site-header"><a href="/">동네소식</a></header><main><article class="post">
<h1 class="entry-title">{TITLE}</h1><time datetime="2025-06-26T14:03:00+09:00">2025년 6월 26일</time>
<div class="entry-content"><p>{TEXT}</p>{figures}</div></article></main></body></html>"""


@pytest.mark.parametrize("template", [news_cms_page, block_theme_page])
def test_a_photo_storys_captions_are_no_text(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body == TEXT


def snb_column_page() -> str:
    """A news CMS whose content column is named like a sub-menu (``user-snb``) around ``<article>``."""
    figures = "".join(
        f"<figure><img src='/p/{n}.jpg'><figcaption>{c}</figcaption></figure>" for n, c in enumerate(CAPTIONS)
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} - 중부타임즈</title></head><body>
<div id="user-wrap"><div id="user-container"><section class="user-snb">
<header class="article-view-header"><h1 class="heading">{TITLE}</h1>
<ul class="infomation"><li>입력 2025.06.26 14:03</li></ul></header>
<article id="article-view-content-div">{figures}<p>{TEXT}</p></article>
<aside class="user-snb-wrapper"><h2>많이 본 뉴스</h2>
<ul><li><a href="/news/articleView.html?idxno=1">다른 기사</a></li></ul></aside>
</section></div></div></body></html>"""


def snb_body_page() -> str:
    """A magazine skin whose content column is ``snb_wrap`` around its microdata article body."""
    figures = "".join(
        f'<div class="photo"><figure><img src="/i/{n}.png"><figcaption>{c}</figcaption></figure></div>'
        for n, c in enumerate(CAPTIONS)
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="snb_wrap"><h2 class="view_tit">{TITLE}</h2><span class="date">2025.06.26 14:03</span>
<div itemprop="articleBody">{figures}<p>{TEXT}</p></div></div></body></html>"""


@pytest.mark.parametrize("template", [snb_column_page, snb_body_page])
def test_a_content_column_named_like_a_menu_still_holds_the_text(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body == TEXT
