"""Sections of an article from the source's own sub-headings, as spans of the body (no new text).

A sub-heading is one whole line of the body that does not read as prose and either was a heading
on the page (``<h2>``–``<h6>``, a paragraph that is all ``<strong>``/``<b>``: the extractor passes
their texts as ``marked``) or carries a heading mark: a ``□``/``■``/``◆``/``▲``/``○`` bullet, a
number (``1.``, ``가.``, ``Ⅱ.``, ``①``), angle or lenticular brackets (``< 추진 배경 >``, ``【…】``;
not ``[앵커]``-style labels) or the ``- … -``
deck. A run of marked lines with no prose between them is a list, not headings; a heading must
be followed by prose before the next heading or the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lxml import html

from nlp.cleanup import is_boilerplate
from nlp.headings import HEADING_LEVELS, in_menu, opening_index, title_marked
from nlp.marks import HEADING_BULLETS, char_class
from nlp.titles import fold, is_outlet_name, is_section_name

MAX_HEADING_CHARS = 60
_OPENING = 20  # characters of a body line that identify it on the page
_LINE = re.compile(r"[^\n]+")
_MARK = re.compile(
    rf"^\s*(?:{char_class(HEADING_BULLETS)}\s*\S"
    r"|\d{1,2}\s*[.)]\s+\S|[가-하]\s*[.)]\s+\S|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*[.)]?\s*\S|[①-⑳]\s*\S"
    r"|[<〈《【][^>〉》】]{2,}[>〉》】]\s*$"  # not [ ]: [앵커], [인터뷰] label speakers, not sections
    r"|[-–—]\s.+\s[-–—]\s*$)"
)
_BULLET = re.compile(rf"^\s*{char_class(HEADING_BULLETS)}+\s*")
# Prose ends in a final ending and usually a full stop: 했다. / 합니다. / 할까?
_PROSE_END = re.compile(r"(?:다|요|죠|까|니다)\s*[.!?。]?[\"'”’)]*\s*$|[.!?。]\s*[\"'”’)]*\s*$")


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the body: its heading line's span (none before the first heading), and the text under it."""

    heading_start: int | None
    heading_end: int | None
    start: int
    end: int

    def heading(self, body: str) -> str | None:
        """The source's own sub-heading, verbatim but for a leading bullet symbol (□, ○, ▲)."""
        if self.heading_start is None or self.heading_end is None:
            return None
        return _BULLET.sub("", body[self.heading_start : self.heading_end]).strip() or None


def heading_spans(body: str, marked: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Spans of the body lines that head a section (see the module's rules), in order."""
    known = {fold(m) for m in marked if m and m.strip()}
    lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(body) if m.group().strip()]
    flags = [_heading_like(text, known) for _, _, text in lines]
    spans: list[tuple[int, int]] = []
    for n, (start, _, text) in enumerate(lines):
        if not flags[n] or n + 1 >= len(lines) or flags[n + 1]:
            continue  # the last line, or a list of marked lines: not a heading
        if not _PROSE_END.search(lines[n + 1][2]):
            continue
        lead = len(text) - len(text.lstrip())
        spans.append((start + lead, start + len(text.rstrip())))
    return spans


def split_sections(body: str, headings: Sequence[Sequence[int]]) -> list[Section]:
    """The body cut at its heading lines: the part before the first (if any text) and one per heading."""
    valid = sorted(
        (int(a), int(b)) for a, b in headings if 0 <= int(a) < int(b) <= len(body) and "\n" not in body[a:b]
    )
    if not valid:
        return [Section(None, None, 0, len(body))]
    out = []
    if body[: valid[0][0]].strip():
        out.append(Section(None, None, 0, valid[0][0]))
    for n, (a, b) in enumerate(valid):
        end = valid[n + 1][0] if n + 1 < len(valid) else len(body)
        out.append(Section(a, b, b, end))
    return out


def marked_headings(tree: html.HtmlElement) -> list[str]:
    """Texts the page sets as headings: ``<h2>``–``<h6>`` and paragraphs that are all bold, outside menus."""
    return [text for _, text in _heading_elements(tree)]


def _heading_elements(tree: html.HtmlElement) -> Iterator[tuple[html.HtmlElement, str]]:
    """Each element the page sets as a heading, outside menus, with its folded text."""
    for element in tree.iter("h2", "h3", "h4", "h5", "h6", "p", "div"):
        if element.tag in ("p", "div") and not _all_bold(element):
            continue
        text = fold(element.text_content())
        if text and len(text) <= MAX_HEADING_CHARS and not in_menu(element):
            yield element, text


def drop_headings_above(body: str, above: Sequence[html.HtmlElement]) -> str:
    """The body without lines that repeat a heading the page prints above the body's first line.

    Convention: an article's header block (section name, headline, deck) is printed above its text.
    When the text is loose (lines and ``<br>`` straight in a ``div``), trafilatura hands that block
    back after the text, where it reads as the article's last lines, and the headline, now a later
    body line, as a sub-heading (never a headline). A heading element (``<h1>``–``<h6>``), or one its
    class names a title (``td.subject``, ``div.tit``), before the body's first line on the page is
    never a later line of the body. `above`: the page's elements
    before the one holding the body's first line (``nlp.headings.first_line_index``).
    """
    texts = {fold(e.text_content()) for e in above if e.tag in HEADING_LEVELS or title_marked(e)}
    # the header's section label (``<span class="section">사회</span>``) and an archive's masthead
    # (``<div class="head">가람일보</div>``) come back the same way
    texts |= set(_section_labels(above))
    texts -= {""}
    if not texts:
        return body
    lines = body.split("\n")
    first = opening_index(lines)
    kept = lines[: first + 1] + [line for line in lines[first + 1 :] if fold(line) not in texts]
    return "\n".join(kept)


def _section_labels(elements: Sequence[html.HtmlElement]) -> Iterator[str]:
    """Section and outlet names printed alone in an element, outside menus (a menu lists every
    section)."""
    for element in elements:
        text = fold(element.text or "") if len(element) == 0 else ""
        if text and (is_section_name(text) or is_outlet_name(text)) and not in_menu(element):
            yield text


def restore_headings(tree: html.HtmlElement, body: str) -> str:
    """The body with the page's own sub-headings put back between the body lines they head.

    Convention: a release or article sets its sub-headings as heading elements (``<h2>``–``<h6>``)
    or all-bold paragraphs inside the text they divide. trafilatura keeps them only where its
    selectors recognise the article container; its fallbacks (a board table, an unknown ``div``)
    return the paragraphs without them. A heading element is put back when the text right after it
    on the page opens a body line other than the first (so the headline above the body and a
    widget title over a list of links never enter), and it is not a body line already.
    """
    lines = body.split("\n")
    folded = [fold(line) for line in lines]
    have = set(folded)
    before: dict[int, list[str]] = {}
    for element, text in _heading_elements(tree):
        if text in have or _PROSE_END.search(text) or is_boilerplate(text):
            continue  # (a board's screen-reader heading ``본문`` heads the text, not a part of it)
        after = _text_after(element)
        index = next((i for i, line in enumerate(folded) if line and after.startswith(line[:_OPENING])), None)
        if index and text not in before.get(index, []):
            before.setdefault(index, []).append(text)
            have.add(text)
    if not before:
        return body
    out: list[str] = []
    for i, line in enumerate(lines):
        out.extend(before.get(i, []))
        out.append(line)
    return "\n".join(out)


def _text_after(element: html.HtmlElement) -> str:
    """The page's text after the element in document order (its first ``_OPENING`` characters, folded)."""
    parts = [element.tail or ""]
    node: html.HtmlElement | None = element
    while node is not None and len(fold("".join(parts))) < _OPENING:
        following = node.getnext()
        if following is None:
            node = node.getparent()
            if node is not None:
                parts.append(node.tail or "")
            continue
        if isinstance(following.tag, str) and following.tag not in ("script", "style"):
            parts.append(following.text_content())
        parts.append(following.tail or "")
        node = following
    return fold("".join(parts))


def _all_bold(element: html.HtmlElement) -> bool:
    """A paragraph whose only text is one ``<strong>``/``<b>`` child (a bold line used as a sub-heading)."""
    children = [c for c in element if isinstance(c.tag, str) and c.tag != "br"]
    if len(children) != 1 or children[0].tag not in ("strong", "b"):
        return False
    loose = (element.text or "") + "".join(c.tail or "" for c in element)
    return not loose.strip()


def _heading_like(line: str, known: set[str]) -> bool:
    text = fold(line)
    if not text or len(text) > MAX_HEADING_CHARS or _PROSE_END.search(text):
        return False
    return text in known or bool(_MARK.match(text))
