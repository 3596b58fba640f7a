"""The kicker row over a headline: the section's name and the date a news head prints above it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from lxml import html

from nlp.dates import BARE_DATE, find_unlabelled_date
from nlp.titles import fold, is_page_label

# the headline's own element is found by its text among these (a title box, a table cell, a bold run)
_HEADLINE_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "div", "p", "td", "th", "strong", "b", "span", "dt"}
)
# a row in these is a menu's, a list's or a page footer's, never the article head's
_FURNITURE_TAGS = frozenset(
    {"nav", "aside", "footer", "header", "ul", "ol", "li", "a", "form", "menu", "select"}
)
MAX_CLIMB = 2  # the headline in a cell of a table's row, or in a title box: the row above is one or two up
MAX_KICKER_WORD_CHARS = 8  # a one-word section label (``정책``, ``지역경제``), never a list item's headline
# a label, a separator or spaces, then a date alone to the end: ``사회 | 2025.06.26 14:03``
_LABELLED_DATE_RE = re.compile(rf"(?P<label>[^\d|·/]{{0,20}}?)\s*[|·/]?\s*(?P<date>{BARE_DATE})")


def kicker_date(elements: Sequence[html.HtmlElement], title: str | None) -> dt.datetime | None:
    """The date of the row just above the headline, when that row is a date alone or a section,
    outlet or page-type label with its date.

    Convention: a news page's article head may print its kicker over the headline, the section and
    the date (``<div class="art-top"><span>사회</span> <span>2025.06.26</span></div><h1>``; a table
    head's row above the title cell). Only the element right before the headline (or before the
    box holding it) counts, and never a menu's, a list's or the site header's: the date at the foot
    of a latest-news list above the headline is another story's.
    """
    headline = _headline_element(elements, title) if title else None
    node = headline
    for _ in range(MAX_CLIMB + 1):
        # the rows right under <body> are the site's bars (``오늘 2025.06.26 (목)``), not the article's
        if node is None or node.getparent() is None or node.getparent().tag == "body":
            return None
        previous = _previous_with_text(node)
        if previous is not None:
            return _row_date(previous)
        node = node.getparent()
    return None


def _headline_element(elements: Sequence[html.HtmlElement], title: str) -> html.HtmlElement | None:
    """The first element that prints the headline and nothing else."""
    for element in elements:
        if element.tag in _HEADLINE_TAGS and fold(element.text_content()) == title:
            return element
    return None


def _previous_with_text(node: html.HtmlElement) -> html.HtmlElement | None:
    """The nearest earlier sibling that prints something (a ``<br>`` or an empty box is skipped)."""
    previous = node.getprevious()
    while previous is not None and not (isinstance(previous.tag, str) and fold(previous.text_content())):
        previous = previous.getprevious()
    return previous


def _row_date(row: html.HtmlElement) -> dt.datetime | None:
    # a section label may be a link (``<a href="/society">사회</a> 2025.06.26``); a list never
    if row.tag in _FURNITURE_TAGS or any(d.tag in _FURNITURE_TAGS - {"a"} for d in row.iterdescendants()):
        return None
    text = fold(row.text_content())
    match = _LABELLED_DATE_RE.fullmatch(text)
    if match is None:
        return None
    label = match.group("label").strip()
    if label and not ((len(label) <= MAX_KICKER_WORD_CHARS and " " not in label) or is_page_label(label)):
        return None
    return find_unlabelled_date(match.group("date"))
