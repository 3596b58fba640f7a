"""Article images: the share image first, then pictures inside the body's container."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin

from lxml import html

from nlp.headings import MIN_PROBE_CHARS
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
