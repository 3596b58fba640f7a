"""Headline candidates found next to the body: CMS title elements (``.tit``, ``.subject``, ``<h3>``)."""

from __future__ import annotations

import re

from lxml import html

from nlp.titles import fold

MIN_PROBE_CHARS = 15
MAX_LOOKBACK = 400
MAX_CANDIDATES = 5
MAX_HEAD_CHARS = 200
TITLE_MARKS_RE = re.compile(r"tit|subject|headline|heading|sbj|subj", re.IGNORECASE)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
MENU_MARKS_RE = re.compile(r"(?:^|[\s_-])(?:gnb|lnb|snb|nav|menu|footer|location|breadcrumb)", re.I)


def body_heads(tree: html.HtmlElement, body: str) -> list[str]:
    """Title elements whose text opens the body, then the nearest headings above the body's first line."""
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    top = {fold(line).lstrip("-• ") for line in body.splitlines()[:6] if line.strip()}
    heads = [t for t in (fold(e.text_content()) for e in elements if _marked(e)) if t in top]
    start = _first_line_index(elements, body)
    if start is not None:
        heads += _headings_above(elements[max(0, start - MAX_LOOKBACK) : start])
    return list(dict.fromkeys(heads))


def first_line_element(tree: html.HtmlElement, body: str) -> html.HtmlElement | None:
    """The element whose own text holds the start of the body's first substantial line."""
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    index = _first_line_index(elements, body)
    return elements[index] if index is not None else None


def _first_line_index(elements: list[html.HtmlElement], body: str) -> int | None:
    """Index in ``elements`` of the owner of the body's first line of at least ``MIN_PROBE_CHARS``."""
    lines = (fold(line).lstrip("-•· ") for line in body.splitlines())
    line = next((line for line in lines if len(line) >= MIN_PROBE_CHARS), None)
    if line is None:
        return None
    probe = line[: MIN_PROBE_CHARS * 2]
    for index, element in enumerate(elements):
        if element.tag in ("script", "style", "title", "meta"):
            continue
        own = fold(" ".join([element.text or ""] + [child.tail or "" for child in element]))
        if probe in own:
            return index
    return None


def _headings_above(elements: list[html.HtmlElement]) -> list[str]:
    """Texts of headings and title-marked elements, nearest first, outside menus and links."""
    found: list[str] = []
    for element in reversed(elements):
        if element.tag not in HEADING_TAGS and not _marked(element):
            continue
        text = fold(element.text_content())
        if text and len(text) <= MAX_HEAD_CHARS and not _in_menu(element):
            found.append(text)
        if len(found) >= MAX_CANDIDATES:
            break
    return found


def _marked(element: html.HtmlElement) -> bool:
    """The element's class or id names it a title."""
    return bool(TITLE_MARKS_RE.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _in_menu(element: html.HtmlElement) -> bool:
    """Inside a link, navigation, the page header or footer, or a breadcrumb."""
    chain = [element, *element.iterancestors()]
    in_article = any(node.tag in ("article", "main") for node in chain)
    for node in chain:
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag in ("a", "nav", "footer") or MENU_MARKS_RE.search(marks):
            return True
        if not in_article and (node.tag == "header" or "header" in marks.lower()):
            return True
    return False
