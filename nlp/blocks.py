"""Fallback body: the page's main text container, scored by its paragraph text (readability-style)."""

from __future__ import annotations

import re
from collections import defaultdict
from copy import deepcopy

from lxml import html

from nlp.titles import fold

MIN_CHUNK_CHARS = 25
MAX_LINK_DENSITY = 0.3
SKIP_TAGS = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select"})
SKIP_MARKS_RE = re.compile(
    r"(?:^|[\s_-])(?:gnb|lnb|snb|nav|menu|footer|header|sidebar|aside|banner|quick)", re.I
)
BLOCK_TAGS = ("div", "article", "section", "td", "main", "dd")
LINE_TAGS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "table"})


def largest_block(tree: html.HtmlElement) -> str:
    """Text of the container holding the most non-link paragraph text, lines kept apart."""
    scores: dict[html.HtmlElement, float] = defaultdict(float)
    for chunk_owner, size in _chunks(tree):
        parent = chunk_owner if chunk_owner.tag in BLOCK_TAGS else chunk_owner.getparent()
        if parent is None:
            continue
        scores[parent] += size
        grand = parent.getparent()
        if grand is not None:
            scores[grand] += size / 2
    ranked = sorted(scores, key=lambda e: scores[e], reverse=True)
    for element in ranked[:5]:
        if _link_density(element) <= MAX_LINK_DENSITY and not _skipped(element):
            return block_text(element)
    return ""


def block_text(element: html.HtmlElement) -> str:
    """Visible text of ``element`` with a line break at every block boundary."""
    copy = deepcopy(element)
    for node in list(copy.iter()):
        if node is not copy and isinstance(node.tag, str) and _skipped(node, own_only=True):
            node.drop_tree()
    for node in copy.iter():
        if isinstance(node.tag, str) and node.tag in LINE_TAGS:
            node.tail = "\n" + (node.tail or "")
            node.text = "\n" + (node.text or "")
    lines = (fold(line) for line in copy.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _chunks(tree: html.HtmlElement) -> list[tuple[html.HtmlElement, int]]:
    """Elements owning a text run of at least ``MIN_CHUNK_CHARS`` outside links, with its length."""
    found: list[tuple[html.HtmlElement, int]] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag == "a" or _skipped(element):
            continue
        own = fold(" ".join([element.text or ""] + [c.tail or "" for c in element]))
        if len(own) >= MIN_CHUNK_CHARS:
            found.append((element, len(own)))
    return found


def _link_density(element: html.HtmlElement) -> float:
    """Share of the element's text inside links."""
    total = len(fold(element.text_content())) or 1
    linked = sum(len(fold(a.text_content())) for a in element.iter("a"))
    return linked / total


def _skipped(element: html.HtmlElement, own_only: bool = False) -> bool:
    """Navigation, scripts, headers and footers (the element or, unless ``own_only``, an ancestor)."""
    chain = [element] if own_only else [element, *element.iterancestors()]
    for node in chain:
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag in SKIP_TAGS or SKIP_MARKS_RE.search(marks):
            return True
    return False
