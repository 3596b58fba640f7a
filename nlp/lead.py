"""The sub-headline block above the body (부제), and pull quotes that repeat the body."""

from __future__ import annotations

import re

from lxml import html

from nlp.marks import BULLETS, DASHES, char_class
from nlp.titles import fold, is_cms_words

MAX_LEAD_CHARS = 400
MAX_PROSE_LEAD_CHARS = 150  # a longer block of full sentences is the first paragraph, not a lead
MIN_LEAD_CHARS = 10
MAX_LEAD_LINES = 5
MAX_LEAD_LINE_CHARS = 70
MAX_PULL_QUOTE_CHARS = 200
LEAD_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:sub[-_]?tit\w*|sub[-_]?title|subtitle|sub[-_]?head\w*|mid[-_]?title|midtitle\w*|"
    # Drupal's body field is of the type ``text-with-summary``: the whole text, not a summary
    r"sub[-_]?headline|article[-_]?(?:lead|summary|sub)|(?<!with-)(?<!with_)summary|lead|deck|standfirst|sub[-_]?tl)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
PULL_QUOTE_RE = re.compile(
    r"(?:^|[\s_-])(?:pull[-_]?quote|quote[-_]?box|\w+[-_]quote|quote[-_]\w+)(?:$|\s)", re.I
)
LEAD_TAGS = frozenset({"h2", "h3", "h4", "h5", "div", "p", "strong", "span", "section", "em", "b"})
LEAD_MARKS = DASHES + BULLETS
_LEAD_BULLET_RE = re.compile(rf"^{char_class(LEAD_MARKS)}+\s*")
_DASH_TAIL_RE = re.compile(r"\s*[-–—]+$")
_GLUED_DASHES_RE = re.compile(r"(?<=\S)\s+[-–—]\s+[-–—]\s+(?=\S)")
_SENTENCE_END_RE = re.compile(r"(?:다|요|죠)\s*[.!?]?[\"'”’]*$|[.!?。]$")
_FULL_STOP_RE = re.compile(r"(?:다|요|죠)\.[\"'”’)]*$")


def take_lead(tree: html.HtmlElement) -> str | None:
    """Remove and return the first sub-headline element (``.sub-title``, ``.summary``, …)."""
    for element in tree.iter(*LEAD_TAGS):
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not LEAD_CLASS_RE.search(marks) or _inside_link_or_list(element) or _interactive(element):
            continue
        if _after_prose(element):
            continue  # a sub-heading inside the text (``<h3 class="article_sub">``), not the deck over it
        text = element_lines(element)
        # a box of more lines than a deck has is the text (or the page) the class names wrongly
        lines = text.count("\n") + 1
        if MIN_LEAD_CHARS <= len(text) <= MAX_LEAD_CHARS and lines <= MAX_LEAD_LINES and not _paragraph(text):
            element.drop_tree()
            return text
    return None


def _after_prose(element: html.HtmlElement) -> bool:
    """A paragraph of prose precedes ``element`` in its block.

    Convention: a deck stands between the headline and the text; a box the template names
    alike after the text's first paragraphs is one of its sub-headings.
    """
    return any(
        isinstance(before.tag, str) and _FULL_STOP_RE.search(fold(before.text_content()))
        for before in element.itersiblings(preceding=True)
    )


def drop_pull_quotes(tree: html.HtmlElement) -> int:
    """Remove short quote boxes whose text repeats a line of the article; return how many."""
    dropped = 0
    page = ""
    for element in list(tree.iter("div", "aside", "blockquote", "figure", "section")):
        marks = element.get("class") or ""
        if not PULL_QUOTE_RE.search(marks) or element.getparent() is None:
            continue
        quote = "".join(element.text_content().split())
        if not quote or len(quote) > MAX_PULL_QUOTE_CHARS:
            continue
        # a pull quote repeats the text's words; a quote block of its own (a blog editor's
        # ``se-quote`` component, a callout) is the text itself
        page = page or "".join(tree.text_content().split())
        if page.count(quote) >= 2:
            element.drop_tree()
            dropped += 1
    return dropped


def leading_short_lines(body: str) -> tuple[str | None, str]:
    """Split off headline-like lines above the first paragraph: ``(lead or None, rest)``."""
    lines = body.splitlines()
    count = 0
    while count < min(MAX_LEAD_LINES, len(lines) - 1) and _headline_line(lines[count]):
        count += 1
    if count == 0 or not any(len(line) > MAX_LEAD_LINE_CHARS for line in lines[count:]):
        return None, body
    return "\n".join(lines[:count]), "\n".join(lines[count:])


def clean_lead(lead: str | None, drop: tuple[str, ...] = ()) -> str | None:
    """The lead as plain text, one item per line: bullets (``- … -``, ``□``, ``▶``) stripped,
    glued items split, label lines (``보도자료``) and lines equal to one in ``drop`` removed."""
    dropped = {fold(d) for d in drop if d}
    items: list[str] = []
    for line in (lead or "").splitlines():
        for item in _split_items(fold(line)):
            text = _strip_bullet(item)
            if text and text not in dropped and not is_cms_words(text) and text not in items:
                items.append(text)
    return "\n".join(items) or None


def _split_items(line: str) -> list[str]:
    """``- a - - b -`` and ``□ a □ b``: several bulleted items glued on one line."""
    if not line:
        return []
    if line[0] in "-–—":
        return [f"- {part.lstrip('-–— ')}" for part in _GLUED_DASHES_RE.split(line)]
    if line[0] in LEAD_MARKS and len(line) > 1 and line[1] == " ":
        return [line[0] + part for part in re.split(rf"\s+{re.escape(line[0])}\s+", line[1:])]
    return [line]


def _strip_bullet(item: str) -> str:
    """An item without its bullet, and without the closing dash of a ``- … -`` sub-headline."""
    text = item.strip()
    if text[:1] in "-–—":
        text = _DASH_TAIL_RE.sub("", text)
    return fold(_LEAD_BULLET_RE.sub("", text))


def element_lines(element: html.HtmlElement) -> str:
    """Text of an element with ``<br>`` and block children as line breaks."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (fold(line) for line in element.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _paragraph(text: str) -> bool:
    """Prose rather than a sub-headline: long, and every line ends like a sentence; or, at any
    length, every line a sentence with its full stop and none a list item.

    Convention: a sub-headline (부제) is written as a headline, without the full stop
    (``…두 배로 늘린다``, ``소득 기준 완화``), and a summary box lists its points (``- …``); a box
    of whole sentences (``…늘린다고 2일 밝혔다.``) is the article's first paragraph, its lead in
    the journalist's sense, and belongs to the body.
    """
    lines = text.splitlines()
    if len(text) > MAX_PROSE_LEAD_CHARS and all(_SENTENCE_END_RE.search(line) for line in lines):
        return True
    stated = all(_FULL_STOP_RE.search(line) for line in lines)
    return stated and not any(_LEAD_BULLET_RE.match(line) for line in lines)


def _headline_line(line: str) -> bool:
    """A short line that does not end like a sentence."""
    bare = line.lstrip("-•· ")
    return 0 < len(bare) <= MAX_LEAD_LINE_CHARS and not _SENTENCE_END_RE.search(bare)


def _interactive(element: html.HtmlElement) -> bool:
    """Holds links, buttons or form fields: a menu or a widget, not a sub-headline."""
    return any(True for _ in element.iter("a", "button", "input", "select", "ul", "ol"))


def _inside_link_or_list(element: html.HtmlElement) -> bool:
    """True inside ``<a>``, ``<li>``, navigation or an aside: teaser text, not this page's lead."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("a", "li", "nav", "aside", "footer", "header"):
            return True
    return False
