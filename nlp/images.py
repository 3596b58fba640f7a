"""Article images: the share image first, then pictures inside the body's container."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urljoin

from lxml import html

from nlp.headings import MIN_PROBE_CHARS, in_menu
from nlp.titles import fold

MAX_IMAGES = 12
SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "src")
NOT_PHOTO_RE = re.compile(
    r"(?:^data:|\.svg(?:\?|$)|(?:^|[/_.-])(?:icon|ico|logo|btn|button|blank|spacer|pixel|banner|sns|bullet|arrow|"
    r"loading|bg|ccl|kogl|opentype|copyright)(?:[/_.-]|\d|$))",
    re.IGNORECASE,
)


def page_images(
    body: str, declared: Iterable[str], base: str | None, first_line: html.HtmlElement | None
) -> tuple[str, ...]:
    """og:image / JSON-LD images, then ``<img>`` in the element holding the body; absolute when possible."""
    found: list[str] = [_absolute(base, u) for u in declared if u and not NOT_PHOTO_RE.search(u)]
    container = body_container(first_line, body)
    if container is not None:
        for img in container.iter("img"):
            src = next((img.get(a) for a in SRC_ATTRS if (img.get(a) or "").strip()), None)
            if src and not NOT_PHOTO_RE.search(src.strip()):
                found.append(_absolute(base, src.strip()))
    return tuple(dict.fromkeys(found))[:MAX_IMAGES]


def body_container(start: html.HtmlElement | None, body: str) -> html.HtmlElement | None:
    """The smallest element from ``start`` (the body's first line, ``headings.first_line_index``)
    up whose text holds the body's last line."""
    lines = [line for line in body.splitlines() if len(line) >= MIN_PROBE_CHARS]
    return _grow(start, lines[-1][-MIN_PROBE_CHARS * 2 :]) if start is not None and lines else None


def _grow(element: html.HtmlElement, last: str) -> html.HtmlElement:
    """Climb from ``element`` until the text also holds ``last``."""
    node: html.HtmlElement | None = element
    while node is not None and last not in fold(node.text_content()):
        node = node.getparent()
    return node if node is not None else element


def _absolute(base: str | None, url: str) -> str:
    """``url`` resolved against ``base`` (protocol-relative URLs get https)."""
    url = url.strip()
    if url.startswith("//"):
        return "https:" + url
    return urljoin(base, url) if base else url


def pictured_text(elements: Sequence[html.HtmlElement], title: str) -> str:
    """The words of the pictures printed after the headline, one line each (their ``alt``), for a
    post whose text is its pictures.

    Convention: card news and poster notices (``[카드뉴스] …``) print their text as images under the
    headline and repeat it in each image's ``alt`` for screen readers; pictures inside links or the
    page's chrome (banners, logos) name elsewhere, not this post.
    """
    head = fold(title)
    start = next((i for i, e in enumerate(elements) if fold(e.text_content()) == head), None)
    if start is None:
        return ""
    lines: list[str] = []
    for element in elements[start + 1 :]:
        if element.tag != "img":
            continue
        alt = fold(element.get("alt") or "")
        if len(alt) >= MIN_ALT_CHARS and alt not in lines and not in_menu(element):
            lines.append(alt)
    return "\n".join(lines)


MIN_ALT_CHARS = 8  # a picture's words, not its label (``사진``, ``카드뉴스 1``)
