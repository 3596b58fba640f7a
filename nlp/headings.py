"""Headline candidates found next to the body: CMS title elements (``.tit``, ``.subject``, ``<h3>``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from copy import deepcopy

from lxml import etree, html

from nlp.blocks import holds_article
from nlp.dates import BARE_DATE_LINE_RE, MODIFIED_LABELS, PUBLISHED_LABELS, find_labelled_dates
from nlp.titles import (
    fold,
    is_board_label,
    is_cms_words,
    is_generic_title,
    is_headline,
    is_outlet_name,
    is_section_name,
)

MIN_PROBE_CHARS = 15
MAX_LOOKBACK = 400
MAX_CANDIDATES = 5
MAX_HEAD_CHARS = 200
TITLE_MARKS_RE = re.compile(r"tit|subject|headline|heading|sbj|subj", re.IGNORECASE)
SKIP_OWNER_TAGS = frozenset({"script", "style", "title", "meta"})
_TEXT_WITH = etree.XPath("//text()[contains(., $word)]")
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
MENU_MARKS_RE = re.compile(r"(?:^|[\s_-])(?:gnb|lnb|snb|nav|menu|footer|location|breadcrumb)", re.I)


def body_heads(body: str, elements: Sequence[html.HtmlElement], start: int | None) -> list[str]:
    """Title elements whose text opens the body, then the nearest headings above the body's first line.

    ``elements`` is the page's elements in document order (``page_elements``); ``start`` the
    index there of the body's first line (``first_line_index``).
    """
    # the first lines past the short menu words an extractor's fallback keeps above the headline
    lines = (fold(line).lstrip("-• ") for line in body.splitlines())
    top = set(list(line for line in lines if len(line) >= MIN_PROBE_CHARS)[:6])
    marked = (e for e in elements if (e.get("class") or e.get("id")) and title_marked(e))
    heads = [t for t in (title_text(e) for e in marked) if t in top]
    if start is not None:
        heads += _headings_above(elements[max(0, start - MAX_LOOKBACK) : start])
    return list(dict.fromkeys(heads))


def heading_after_opening(body: str, elements: Sequence[html.HtmlElement], start: int | None) -> str | None:
    """A heading the page prints after the body's first line, outside that line's box: the post's
    heading under a board band, whose sentence the extractor took for the text's first line.

    Convention: a board page opens with a band naming the board (``<h2>대변인 논평</h2>``) and a
    sentence about it (``…을 전해드립니다``), in a box of its own; the post's heading comes after the
    band, then the text. An extractor keeps the band's sentence as the first line, and the post's
    heading as the second or not at all. A lede's box holds the sub-heading after it; a band's does
    not. ``start`` is the first line's index in ``elements``.
    """
    if start is None:
        return None
    lines = [fold(line) for line in body.split("\n") if _probing(line)]
    box = elements[start].getparent()
    if len(lines) < 2 or len(lines[0]) > MAX_BAND_CHARS or box is None:
        return None
    rest = first_line_index(elements, "\n".join(lines[2:] if len(lines) > 2 else lines[1:]))
    if rest is None or rest <= start + 1:
        return None
    opening = elements[start]
    if opening.tag in HEADING_LEVELS or title_marked(opening):
        return None  # the first line is a heading itself: the headline, over its deck and text
    inside = set(box.iter())
    if not any(e.tag in HEADING_LEVELS for e in inside):
        return None  # no band: a band names its board in a heading of its own
    for element in elements[start + 1 : rest]:
        if element in inside or not (element.tag in HEADING_LEVELS or title_marked(element)):
            continue
        if deck_marked(element):
            continue  # a deck under the headline is no post's heading
        text = title_text(element)
        if len(text) < MIN_DECK_CHARS or len(text) > MAX_HEAD_CHARS or in_menu(element):
            continue
        if text == lines[1] or text not in body:
            return text
    return None


MAX_BAND_CHARS = 100


def after_opening(body: str) -> str:
    """``body`` after its opening line (``opening_index``)."""
    lines = body.split("\n")
    return "\n".join(lines[opening_index(lines) + 1 :])


def opening_index(lines: Sequence[str]) -> int:
    """Index of the first of ``lines`` long enough to be the text's opening (``MIN_PROBE_CHARS``:
    the line ``first_line_index`` looks for), or ``len(lines)``."""
    return next((i for i, line in enumerate(lines) if _probing(line)), len(lines))


def _probing(line: str) -> bool:
    return len(fold(line)) >= MIN_PROBE_CHARS


def _overline(element: html.HtmlElement) -> bool:
    """A title-marked line printed right over an ``<h1>`` headline: its overline (어깨제목).

    Convention: a news page's title box may print a kicker over the headline (``<p
    class="top_title">``); the headline is the ``<h1>`` under it, and a deck comes after, never before.
    """
    after = element.getnext()
    return (
        element.tag not in HEADING_LEVELS
        and after is not None
        and after.tag == "h1"
        and len(title_text(after)) >= MIN_DECK_CHARS
    )


def drop_overline(body: str, elements: Sequence[html.HtmlElement]) -> str:
    """``body`` without a first line that is a title box's overline (``_overline``): the extractor
    took the kicker in with the text, where it would confirm itself as the headline."""
    first, _, rest = body.partition("\n")
    if not rest or len(first) > MAX_HEAD_CHARS:
        return body
    line = fold(first)
    overlines = (e for e in elements if (e.get("class") or e.get("id")) and title_marked(e) and _overline(e))
    return rest if any(title_text(e) == line for e in overlines) else body


MAX_LIFTED = 4  # a headline box's lines: label, headline, deck, info line


def lift_header_lines(body: str, elements: Sequence[html.HtmlElement], start: int | None) -> str:
    """Short lines that close the body but stand above its first line on the page, moved to the top.

    Convention: trafilatura reads an ``<article>`` block first and appends what it recovers around
    it, so a title box printed before the block (``<div class="subject"><p>제목</p>…</div>
    <article>…</article>``) comes back as the body's last lines, where it reads as a sub-heading
    and the info line as text. Put back where the page prints them, the headline and info rules
    see them. ``start`` is the index of the body's first line in ``elements``.
    """
    if start is None:
        return body
    lines = body.split("\n")
    run = 0
    while run < min(MAX_LIFTED, len(lines) - 1) and _header_like(lines[-1 - run]):
        run += 1
    if not run:
        return body
    places = [first_line_index(elements, line) for line in lines[-run:]]
    known = [place for place in places if place is not None]
    # a line long enough to be found but not found is no element's alone (two links run together):
    # where the page prints it is unknown, so nothing is lifted over it
    if any(p is None and len(fold(x)) >= MIN_PROBE_CHARS for p, x in zip(places, lines[-run:], strict=True)):
        return body
    # an ancestor of the first line's element comes before it in document order but prints
    # around it (loose lines after a wrapped first one): only an element apart is above
    around = set(elements[start].iterancestors())
    if not known or any(place >= start or elements[place] in around for place in known):
        return body
    return "\n".join([*lines[-run:], *lines[:-run]])


def _header_like(line: str) -> bool:
    """Short and no finished sentence: a headline, label or info line, not the text's last line."""
    text = fold(line)
    return bool(text) and len(text) <= MAX_HEAD_CHARS and not _FINISHED_RE.search(text)


_FINISHED_RE = re.compile(r"[.!?。][\"'”’)]*$")


def page_elements(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Every element of the page in document order (no comments or processing instructions)."""
    return [e for e in tree.iter() if isinstance(e.tag, str)]


def first_line_index(elements: Sequence[html.HtmlElement], body: str) -> int | None:
    """Index in ``elements`` of the owner of the body's first line of at least ``MIN_PROBE_CHARS``."""
    lines = (_cell_text(fold(line)).lstrip("-•· ") for line in body.splitlines())
    line = next((line for line in lines if len(line) >= MIN_PROBE_CHARS), None)
    if line is None:
        return None
    probe = line[: MIN_PROBE_CHARS * 2]
    word = max(probe.split(" "), key=len)  # holds no space: it lies within one text node
    if not elements:
        return None
    positions: dict[html.HtmlElement, int] | None = None  # built once, on the first match: linear time
    found: list[int] = []
    for node in _TEXT_WITH(elements[0], word=word):
        owner = node.getparent()
        if owner is not None and node.is_tail:
            owner = owner.getparent()
        if owner is None or not isinstance(owner.tag, str) or owner.tag in SKIP_OWNER_TAGS:
            continue
        own = fold(" ".join([owner.text or "", *(child.tail or "" for child in owner)]))
        if probe in own:
            if positions is None:
                positions = {element: index for index, element in enumerate(elements)}
            index = positions.get(owner)  # None: not among ``elements``
            if index is not None:
                found.append(index)
    return min(found, default=None)


def _cell_text(line: str) -> str:
    """A table row's line (``| 기간 | 2024. 7. 11. ~ 7. 13. |``) as its longest cell, the text one
    element holds: a notice may open its text with a table of when and where."""
    if len(line) > 1 and line.startswith("|") and line.endswith("|"):
        return max((cell.strip() for cell in line.strip("|").split("|")), key=len)
    return line


def _headings_above(elements: Sequence[html.HtmlElement]) -> list[str]:
    """Texts of headings and title-marked elements, nearest first, outside menus and links; a deck
    after its headline (``_decks_last``)."""
    found: list[tuple[html.HtmlElement, str]] = []
    for element in reversed(elements):
        # every heading level: a board may print its post's title in an ``<h6>`` styled large
        if element.tag not in HEADING_LEVELS and not title_marked(element):
            continue
        text = title_text(element)
        if text and len(text) <= MAX_HEAD_CHARS and not in_menu(element):
            found.append((element, text))
        if len(found) >= MAX_CANDIDATES:
            break
    return [text for _, text in _decks_last(found)]


def _decks_last(found: list[tuple[html.HtmlElement, str]]) -> list[tuple[html.HtmlElement, str]]:
    """Convention: a deck (부제목) is printed right under its headline as the next heading of a lower
    level in the same block (``<h1>`` headline, ``<h2>`` deck). Nearest first, the deck would come
    before the headline it explains: each such pair is put headline first. Both must read as titles
    (a short ``<h1>`` over a headline is a site or section name, not a headline with its deck)."""
    out = list(found)
    for i in range(len(out) - 1):
        (near, near_text), (far, far_text) = out[i], out[i + 1]
        if min(len(near_text), len(far_text)) < MIN_DECK_CHARS:
            continue
        levelled = (
            near.tag in HEADING_LEVELS and far.tag in HEADING_LEVELS
            and HEADING_LEVELS[far.tag] < HEADING_LEVELS[near.tag] and near.getprevious() is far
        )  # fmt: skip
        # Convention: a template names the deck's box for its stylesheet (``td.view_subtitle``,
        # ``div.view-sub-tit``, ``p.deck``) under the headline's (``td.view_title``, ``h3.tit``)
        if levelled or (deck_marked(near) and not deck_marked(far)):
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def deck_marked(element: html.HtmlElement) -> bool:
    """The element's class or id names it a sub-headline (``sub_title``, ``deck``, ``summary``)."""
    return bool(_DECK_MARKS_RE.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}  # every heading element, by its level
MIN_DECK_CHARS = 10


def join_broken_headings(tree: html.HtmlElement) -> int:
    """Replace each ``<br>`` inside a heading element with a space; how many.

    Convention: a ``<br>`` in an ``<h1>``–``<h6>`` breaks a long headline to fit the column, and
    the reader reads one line. lxml's text joins the halves with no space (``월세<br>지원`` →
    ``월세지원``) and trafilatura hands the second half back as a body line of its own. A box
    whose class names it a title (``div.tit``) and holds no blocks is read the same way. A heading
    longer than ``MAX_HEAD_CHARS`` holds text, not a headline, and keeps its breaks.
    """
    joined = 0
    for heading in [*tree.iter(*HEADING_LEVELS), *_title_boxes(tree)]:
        breaks = list(heading.iter("br"))
        if not breaks or len(fold(heading.text_content())) > MAX_HEAD_CHARS:
            continue
        for br in breaks:
            # the source's own newline beside the break goes too: later steps split text on it
            before = br.getprevious()
            if before is not None:
                before.tail = (before.tail or "").rstrip()
            else:
                parent = br.getparent()
                parent.text = (parent.text or "").rstrip()
            br.tail = " " + (br.tail or "").lstrip()
            br.drop_tag()  # lxml keeps the tail where the break was
        joined += len(breaks)
    return joined


def _title_boxes(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Elements whose class or id names a title and that hold no block of their own."""
    return [
        element
        for element in tree.iter(*_BOX_TAGS)
        if (element.get("class") or element.get("id"))
        and title_marked(element)
        and not any(child.tag in _BLOCK_TAGS for child in element.iterdescendants())
        and not _INFO_AFTER_BREAK_RE.search(_after_first_break(element))
    ]


def _after_first_break(element: html.HtmlElement) -> str:
    """The box's text after its first ``<br>`` (where a board prints the date under the title)."""
    pieces = list(_text_pieces(element))
    first = next((i for i, piece in enumerate(pieces) if piece is None), None)
    return "" if first is None else "".join(p for p in pieces[first + 1 :] if p is not None)


def _text_pieces(element: html.HtmlElement) -> Iterator[str | None]:
    """The element's text in reading order, ``None`` where a line breaks: at a ``<br>`` and after
    a block (``<h4>제목</h4><span>2026-12-02</span>`` reads as two lines); comments skipped."""
    yield element.text or ""
    for child in element:
        if child.tag == "br":
            yield None
        elif isinstance(child.tag, str):
            yield from _text_pieces(child)
            if child.tag in _BLOCK_TAGS:
                yield None
        yield child.tail or ""


# a date, a counter or a writer under the title: the box's info line, not the headline's second half
_INFO_AFTER_BREAK_RE = re.compile(r"(?:19|20)\d{2}\s?[.\-/년]|조회|작성|등록|입력|기자")


_BOX_TAGS = ("div", "p", "span", "strong", "td", "th", "dd", "dt", "li", "a")
_BLOCK_TAGS = frozenset({"div", "p", "ul", "ol", "table", "section", "article", *HEADING_LEVELS})


def title_text(element: html.HtmlElement) -> str:
    """The element's folded text without a category label printed first inside it.

    Convention: a title box often opens with the board's or section's name in an element of its
    own (``<div class="tit"><span class="cate">보도자료</span><strong>제목</strong></div>``); lxml runs
    the two together (``보도자료제목``), and the label is no part of the headline. Nor is the
    info line a board prints under the title in the same box (``제목<br>2026-12-02``, or the
    title in a heading and the info in spans after it: ``<h4>제목</h4><span>2026.12.02</span>``).
    """
    if element.tag == "dl" and element.find("dt") is not None:
        # Convention: a title box set as a definition list puts the headline in its term and the
        # decks in its descriptions (``<dl class="view_tit"><dt>제목</dt><dd>부제</dd>…</dl>``)
        return title_text(element.find("dt"))
    element = _without_hidden(element)
    text = fold(element.text_content())
    if any(e.tag == "br" or e.tag in _BLOCK_TAGS for e in element.iterdescendants()):
        after = fold(_after_first_break(element))
        if after and _INFO_AFTER_BREAK_RE.search(after) and text.endswith(after):
            text = fold(text[: -len(after)])  # ``제목<br>2026-12-02``: the box's info line goes
    furniture = _trailing_furniture(element)
    if furniture and text.endswith(furniture) and len(text) - len(furniture) >= MIN_DECK_CHARS:
        text = fold(text[: -len(furniture)])
    deck = _trailing_deck(element)
    if deck and text.endswith(deck) and len(text) - len(deck) >= MIN_DECK_CHARS:
        text = fold(text[: -len(deck)])
    if len(element) == 0 or fold(element.text or ""):
        return text
    first = element[0]
    label = fold(first.text_content()) if isinstance(first.tag, str) else ""
    marks = f"{first.get('class') or ''}" if isinstance(first.tag, str) else ""
    badge = bool(_BADGE_RE.fullmatch(label)) or bool(_ICON_MARKS_RE.search(marks))
    # a label its class names a category or a program (``<span class="cate">뉴스데스크</span>``)
    # or any short label over a heading of its own (``<span class="part">교통</span><h4>제목</h4>``)
    following = first.getnext() if isinstance(first.tag, str) else None
    over_heading = (
        following is not None and following.tag in HEADING_LEVELS and first.tag not in HEADING_LEVELS
    )
    named = len(label) <= MAX_CATEGORY_CHARS and (bool(_CATEGORY_MARKS_RE.search(marks)) or over_heading)
    if label and (is_cms_words(label) or is_section_name(label) or badge or named) and text.startswith(label):
        return fold(text[len(label) :]) or text
    return text


# Convention: boards mark a post with a short badge before its title (``NEW``, ``HOT``, ``N``) or
# print its number there (``No. 1234``); the icon's class names it (``ico_new``, ``icon-hot``); a
# ``badge`` is a desk's tag (``단독``), which the headline keeps
_BADGE_RE = re.compile(r"new|hot|n|best|up|top|신규|새글|(?:No\.?|번호|글번호)?\s*[\d,]+", re.IGNORECASE)
_ICON_MARKS_RE = re.compile(r"(?:^|[\s_-])(?:ico|icon)(?:$|[\s_-])", re.IGNORECASE)
# a category's or a broadcast program's label before the headline: the class says so; ``label``,
# ``badge`` and ``tag`` can mark a desk's tag (``단독``), which the headline keeps
_KIND_MARKS = r"sec|cat|kind"  # a class naming a section's or category's label
_CATEGORY_MARKS_RE = re.compile(_KIND_MARKS + r"|program|corner", re.IGNORECASE)
MAX_CATEGORY_CHARS = 12


def _without_hidden(element: html.HtmlElement) -> html.HtmlElement:
    """``element``, or a copy of it without the text it hides from sight, when what stays reads as
    a headline.

    Convention: accessible templates add words for screen readers inside the headline's box and
    hide them by a class (``blind``, ``sr-only``, ``sound_only``) or a style (``display:none``):
    ``<h1>제목<span class="sr-only">새 창 열림</span></h1>``. A headline printed as an image keeps its
    hidden words: then they are all the box holds.
    """
    hidden = [e for e in element.iterdescendants() if isinstance(e.tag, str) and _is_hidden(e)]
    if not hidden:
        return element
    copy = deepcopy(element)
    for node in [e for e in copy.iterdescendants() if isinstance(e.tag, str) and _is_hidden(e)]:
        if node.getparent() is not None:
            node.drop_tree()  # lxml keeps the tail: the text after it stays
    return copy if len(fold(copy.text_content())) >= MIN_DECK_CHARS else element


def drop_hidden_headings(tree: html.HtmlElement) -> int:
    """Remove the headings a page hides from sight; return how many.

    Convention: accessible templates title their regions for screen readers with headings hidden
    by a class (``<h1 class="blind">가람일보 기사 본문</h1>``, ``<h2 class="sr-only">주요 메뉴</h2>``),
    and pages keep layers closed until used (``<div class="layer_popup" style="display:none">``
    with its notice's heading). Neither is the article's headline, nor a line of its text.
    """
    hidden: list[html.HtmlElement] = []
    for heading in tree.iter(*HEADING_LEVELS):
        layer = next((node for node in heading.iterancestors() if _is_hidden(node)), None)
        if layer is not None and len(fold(layer.text_content())) <= MAX_LAYER_CHARS:
            hidden.append(layer)  # a closed layer with its own heading: a notice, not collapsed text
        elif layer is not None or _is_hidden(heading):
            hidden.append(heading)
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()  # lxml keeps the tail: the text after it stays
    return len(hidden)


MAX_LAYER_CHARS = 500  # a popup's notice; a hidden block holding more may be the article's folded text


def _is_hidden(element: html.HtmlElement) -> bool:
    classes = set((element.get("class") or "").lower().split())
    style = (element.get("style") or "").replace(" ", "").lower()
    hidden = element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true"
    return hidden or bool(classes & HIDDEN_CLASSES) or "display:none" in style or "visibility:hidden" in style


HIDDEN_CLASSES = frozenset(
    {"blind", "sr-only", "sr_only", "screen_out", "screen-out", "visually-hidden", "visuallyhidden",
     "hidden", "hide", "skip", "ir", "ir_text", "offscreen", "a11y-hidden", "sound_only", "blind-text"}
)  # fmt: skip


def _trailing_deck(element: html.HtmlElement) -> str:
    """The deck a heading or title box prints after its headline in an element of its own, or ``""``.

    Convention: a CMS puts the sub-headline (부제) inside the headline's box as its last child —
    ``<h1>제목<br><small>부제</small></h1>``, ``<h1>제목<span class="sub">부제</span></h1>``,
    ``<div class="tit"><strong>제목</strong><em>부제</em></div>`` — styled onto a line of its own.
    The child is a deck when nothing follows it and it is set apart: after a ``<br>``, a
    ``<small>``, a class naming it a sub-title, or run into the headline with no space between.
    Emphasis inside a headline (``<em>청년</em>``) is short or followed by more of the headline.
    """
    children = [c for c in element if isinstance(c.tag, str)]
    if len(children) < 1:
        return ""
    last = children[-1]
    if (last.tail or "").strip() or last.tag in ("br", "a", "img"):
        return ""
    deck = fold(last.text_content())
    if len(deck) < MIN_DECK_CHARS:
        return ""
    before = last.getprevious()
    ahead = (before.tail if before is not None else element.text) or ""
    glued = not ahead[-1:].isspace() and bool(ahead.strip() or before is not None)
    marked = last.tag == "small" or deck_marked(last)
    broken = before is not None and before.tag == "br" and not ahead.strip()
    return deck if marked or broken or glued else ""


def _trailing_furniture(element: html.HtmlElement) -> str:
    """The byline, date and page tools a title box prints after its headline, as its last children.

    Convention: a headline box runs its info and tools on after the headline in elements of their
    own — ``<div class="tit"><strong>제목</strong><span>홍길동 기자</span><span>2024.05.03</span></div>``,
    ``<h1>제목<a class="share">공유하기</a></h1>`` — styled onto a line or a corner of their own; lxml
    runs them into the headline. Each piece is recognised by its own text (a date, a byline, a
    labelled time or counter, a tool's word) and must end the box, with no text of the box after it.
    """
    pieces: list[str] = []
    for child in reversed([c for c in element if isinstance(c.tag, str)]):
        if (child.tail or "").strip() or child.tag == "br":
            break
        piece = fold(child.text_content())
        if not piece:
            continue  # an icon: no text to remove
        tool = _TOOL_PIECE_RE.fullmatch(piece) and _control(child)
        furniture = _INFO_PIECE_RE.match(piece) or tool or _label_piece(child)
        if len(piece) > MAX_FURNITURE_CHARS or not furniture:
            break
        pieces.append(child.text_content() + (child.tail or ""))
    return fold("".join(reversed(pieces)))  # as the box's own text reads it, spaced or run together


def _control(child: html.HtmlElement) -> bool:
    """A button or link, or an element a script or stylesheet names: what a tool is made of.
    Emphasis (``<em>``, ``<strong>``, ``<b>``) without a class is the headline's own word."""
    return child.tag in ("a", "button") or bool(child.get("class") or child.get("id") or child.get("onclick"))


def _label_piece(child: html.HtmlElement) -> bool:
    """A section's, board's or outlet's name set after the headline as a label of its own: run into the
    headline with no space between, or named a label by its class (``<span class="cate">사회</span>``);
    an emphasised last word of the headline (``함께 사는 <em>사회</em>``) follows a space."""
    text = fold(child.text_content())
    if not (is_section_name(text) or is_outlet_name(text) or is_cms_words(text) or is_board_label(text)):
        return False
    before = child.getprevious()
    ahead = (before.tail if before is not None else child.getparent().text) or ""
    marks = f"{child.get('class') or ''} {child.get('id') or ''}"
    return not ahead[-1:].isspace() or bool(_LABEL_MARKS_RE.search(marks))


_LABEL_MARKS_RE = re.compile(_KIND_MARKS + r"|label|badge|tag", re.IGNORECASE)
MAX_FURNITURE_CHARS = 40
_INFO_PIECE_RE = re.compile(
    r"(?:19|20)\d{2}\s?[.\-/년]\s?\d{1,2}"  # a date
    r"|(?:기사\s?)?(?:" + "|".join(PUBLISHED_LABELS + MODIFIED_LABELS) + r")(?:일|시간|일시)?\s*[:：]?\s*\d"
    r"|(?:조회수?|hits?|views?)\s*[:：]?\s*[\d,]+$"
    r"|(?:글쓴이|작성자|기자명|기자|글|사진)\s*[:：]\s*\S"
    r"|[가-힣]{1,4}\s?(?:기자|특파원|객원기자|통신원|리포터)(?:$|[\s|·,/(])"  # ``김기자``: a surname alone
    r"|\S+@\S+\.\w+$",
    re.IGNORECASE,
)
_TOOL_PIECE_RE = re.compile(
    r"(?:sns\s*)?공유(?:하기)?|스크랩|인쇄(?:하기)?|프린트|(?:글자|글씨)\s*크기|댓글(?:\s*\d+)?|좋아요|북마크"
    r"|(?:url|링크|주소)\s*복사|(?:기사|음성)\s*듣기|카카오(?:톡|스토리)?|페이스북|트위터|밴드|네이버\s*블로그|facebook|twitter|x"
    r"|확대|축소|닫기|[가+\-]{1,3}",
    re.IGNORECASE,
)


_DECK_MARKS_RE = re.compile(r"sub(?!ject)|deck|summary|부제", re.IGNORECASE)  # a subject is the title


def headed_article(
    elements: Sequence[html.HtmlElement], titles: Sequence[str], link_texts: Sequence[str]
) -> bool:
    """The page prints an article's headline box: a heading or title-marked element outside menus
    and links, reading as a headline and linking nowhere, that the page's metadata names too
    (``og:title``, ``<title>``) or that a date follows, labelled (``입력 2024.05.03 10:20``) or on a line
    of its own.

    Convention: an index prints its headlines as links; an article prints its own as a heading
    over the text, however short the text (a photo story's two lines) and however long the list of
    related articles under it.
    """
    named = {_squeeze(t) for t in titles if t}
    listed = {_squeeze(t) for t in link_texts}
    for index, element in enumerate(elements):
        if element.tag not in HEADING_LEVELS and not (
            element.tag in _BOX_TAGS and (element.get("class") or element.get("id")) and title_marked(element)
        ):
            continue
        text = title_text(element)
        if len(text) < MIN_HEADLINE_CHARS or len(text.split()) < 3 or _squeeze(text) in listed:
            continue
        if not is_headline(text) or is_generic_title(text) or is_cms_words(_PERIOD_RE.sub(" ", text).strip()):
            continue  # a board's or section's name over its list: ``2024년 보도자료 목록``
        if next(element.iter("a"), None) is not None or in_menu(element):
            continue
        if next(element.iterancestors("aside"), None) is not None:
            continue  # a box beside the content (a newsletter sign-up, a most-read box) heads no article
        if any(
            _squeeze(text) in title or title in _squeeze(text)
            for title in named
            if len(title) >= MIN_HEADLINE_CHARS
        ):
            return True
        after = " ".join(
            fold(e.text_content()) for e in elements[index + 1 : index + 1 + DATE_PROBE_ELEMENTS]
        )
        if find_labelled_dates(after[:DATE_PROBE_CHARS])[0] is not None:
            return True
        # ... or a line of its own holding the date alone (``<p class="date">2024.05.03 10:20</p>``)
        if BARE_DATE_LINE_RE.match(_next_line(elements, index)):
            return True
    return False


def _next_line(elements: Sequence[html.HtmlElement], index: int) -> str:
    """The text of the first element with text after ``elements[index]`` and outside it."""
    inside = set(elements[index].iter())
    for element in elements[index + 1 : index + 1 + DATE_PROBE_ELEMENTS]:
        text = fold(element.text_content())
        if element not in inside and text:
            return text
    return ""


def _squeeze(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


DATE_PROBE_ELEMENTS, DATE_PROBE_CHARS = 4, 120
_PERIOD_RE = re.compile(r"(?:19|20)\d{2}년?|\d{1,2}월|[\d.~\-]+")  # the year or month a board's list covers


def title_marked(element: html.HtmlElement) -> bool:
    """The element's class or id names it a title (never inside ``<noscript>``: a notice to browsers
    without scripts, ``<noscript class="noScriptTitle">``, an e-government frame's stock)."""
    marked = TITLE_MARKS_RE.search(f"{element.get('class') or ''} {element.get('id') or ''}")
    # Convention: a block editor's published page keeps its title field's placeholder (``제목 없음``,
    # ``Untitled``); its headings are numbered (``제목1``, ``Heading 1``)
    if not marked and not _TITLE_PLACEHOLDER_RE.fullmatch((element.get("placeholder") or "").strip()):
        return False
    return element.tag != "noscript" and next(element.iterancestors("noscript"), None) is None


_TITLE_PLACEHOLDER_RE = re.compile(r"제목\s*없음|제목|untitled|title|page\s*title", re.IGNORECASE)


def in_menu(element: html.HtmlElement) -> bool:
    """Inside a link, navigation, the page header or footer, a breadcrumb, or a list of links."""
    if _listed_link(element):
        return True
    chain = [element, *element.iterancestors()]
    in_article = any(node.tag in ("article", "main") for node in chain)
    for node in chain:
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag in ("a", "nav", "footer"):
            return True
        # a block named like a menu that wraps the article is the page's content column (an XE
        # skin's ``<div class="rd rd_nav_style2">`` around the post, a CMS's ``section.user-snb``)
        if MENU_MARKS_RE.search(marks) and not holds_article(node):
            return True
        if not in_article and (node.tag == "header" or "header" in marks.lower()) and _site_header(node):
            return True
    return False


def _listed_link(element: html.HtmlElement) -> bool:
    """``element`` holds a link and is an item of a list of links.

    Convention: a most-read strip or a related list sets each item as a linked heading
    (``<li><h3 class="title"><a href="/news/12">제목</a></h3></li>``); other pages' headlines, never
    this page's, which stands alone (a permalink heading is one link, not a list's item).
    """
    if element.tag != "a" and next(element.iter("a"), None) is None:
        return False
    item = next(element.iterancestors("li"), None)
    if item is None or (parent := item.getparent()) is None:
        return False
    linked = sum(1 for li in parent if li.tag == "li" and next(li.iter("a"), None) is not None)
    return linked >= MIN_LISTED_LINKS


MIN_LISTED_LINKS = 2


def _site_header(header: html.HtmlElement) -> bool:
    """A header block is the site's (not an article's): it links home or holds a menu.

    Convention: the page header carries the brand, a link to the front page, and the menu;
    an article's header (``<header class="entry-header">`` beside the text) holds the headline,
    a date and a byline, with at most a link or two.
    """
    links = list(header.iter("a"))
    navigating = len([a for a in links if _navigates(a)])
    if navigating < MAX_ARTICLE_HEADER_LINKS and _holds_headline(header):
        return False  # an article's header: its headline under a breadcrumb or a section link or two
    if navigating >= MIN_HEADER_LINKS or next(header.iter("nav"), None) is not None:
        return True
    return any(front_page(a.get("href")) for a in links)


MAX_ARTICLE_HEADER_LINKS = 6


def _holds_headline(header: html.HtmlElement) -> bool:
    """A heading of a headline's length inside ``header``, not linked to the front page (a site's
    header holds a logo or a short list title: ``가람일보``, ``많이 본 뉴스``).

    Convention: a board's read view links the post's title to its own permalink (XE's ``<h3
    class="title"><a href="…document_srl=…">``, WordPress's ``rel="bookmark"``); a site's header
    links its name home.
    """
    for heading in header.iter(*HEADING_TAGS):
        text = fold(heading.text_content())
        home = any(front_page(a.get("href")) for a in heading.iter("a"))
        if headline_words(text) and not home:
            return True
    return False


def headline_words(text: str) -> bool:
    """A heading's text reads as a headline's words, not a logo's, a board's or a box's name."""
    return len(text) >= MIN_HEADLINE_CHARS and len(text.split()) >= MIN_HEADLINE_WORDS


MIN_HEADLINE_CHARS, MIN_HEADLINE_WORDS = 12, 3


def _navigates(link: html.HtmlElement) -> bool:
    """A link that takes the reader to another page by its words: not an in-page or script link
    and not a tool's icon or word (share buttons sit in an article's header: 페이스북, URL복사)."""
    href = (link.get("href") or "").strip().lower()
    text = fold(link.text_content())
    if not href or href.startswith(("#", "javascript:", "mailto:")) or not text:
        return False
    return not _TOOL_PIECE_RE.fullmatch(text)


MIN_HEADER_LINKS = 3


def front_page(href: str | None) -> bool:
    """``href`` names a site's front page: ``/``, ``./``, ``index.*``, or a bare origin."""
    path = re.sub(r"^https?://[^/]+", "", (href or "").strip()) if href and href.strip() else None
    return path is not None and (path in ("", "/", "./") or bool(_FRONT_PAGE_RE.fullmatch(path)))


_FRONT_PAGE_RE = re.compile(r"/?(?:index|main|default)\.\w+")
