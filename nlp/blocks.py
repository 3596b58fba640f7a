"""Fallback body: the page's main text container, scored by its paragraph text (readability-style)."""

from __future__ import annotations

import re
from collections import defaultdict
from copy import deepcopy

from lxml import etree, html

from nlp.titles import fold, is_box_heading

MIN_CHUNK_CHARS = 25
MAX_LINK_DENSITY = 0.3
SKIP_TAGS = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select"})
SKIP_MARKS_RE = re.compile(
    r"(?:^|[\s_-])(?:gnb|lnb|snb|nav|menu|footer|header|sidebar|aside|banner|quick)", re.I
)
BLOCK_TAGS = ("div", "article", "section", "td", "main", "dd")
LAYOUT_CELL_CHARS = 300  # a table cell holding this much text is page layout, not data
LAYOUT_CELL_BLOCKS = 2  # …or this many paragraphs
LAYOUT_CELL_BREAKS = 4  # …or this many line breaks
LAYOUT_CELL_SENTENCES = 2  # …or this many sentences (…했다.)
_SENTENCE_RE = re.compile(r"(?:다|요|음|함)[.。](?![\d.])")  # text_content runs <br> lines together
_CELL_BLOCK_TAGS = ("p", "div", "ul", "ol", "table", "h2", "h3", "h4", "blockquote")
LINE_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "table"}
    # a picture's caption is a line of its own: photo stories set several around a short text
    | {"figure", "figcaption"}
)


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
    for row in list(copy.iter("tr")):
        _as_table_row(row)
    for node in copy.iter():
        if isinstance(node.tag, str) and node.tag in LINE_TAGS:
            node.tail = "\n" + (node.tail or "")
            node.text = "\n" + (node.text or "")
    lines = (fold(line) for line in copy.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _as_table_row(row: html.HtmlElement) -> None:
    """A data table's row as one ``| a | b |`` line, the way trafilatura prints tables.

    Convention: a data table's cells hold a word or a figure each (a release's ``| 구분 | 2025년 |``);
    their text run together (``구분2025년``) reads as neither. A row whose cells hold blocks is page
    layout, and keeps its lines.
    """
    cells = _cells_of(row)
    if len(cells) < 2 or any(_block_cell(cell) for cell in cells):
        return
    texts = [fold(cell.text_content()) for cell in cells]
    for child in list(row):
        row.remove(child)
    row.text = "| " + " | ".join(texts) + " |"


def _block_cell(cell: html.HtmlElement) -> bool:
    """A cell holding lines, blocks or prose: a region of the page, not one datum."""
    if any(isinstance(node.tag, str) and node.tag in _ROW_BLOCK_TAGS for node in cell.iterdescendants()):
        return True
    return len(cell.text_content()) > MAX_DATUM_CHARS or _layout_cell(cell)


_ROW_BLOCK_TAGS = LINE_TAGS - {"p"}  # a cell's one <p> (HWP tables) is still one cell
MAX_DATUM_CHARS = 100


def _chunks(tree: html.HtmlElement) -> list[tuple[html.HtmlElement, int]]:
    """Elements owning a text run of at least ``MIN_CHUNK_CHARS`` outside links, with its length."""
    found: list[tuple[html.HtmlElement, int]] = []
    skipping = 0  # skipped elements open around the current one: one walk, no ancestor chains
    opened: list[bool] = []
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if event == "end":
            skipping -= opened.pop()
            continue
        opened.append(_skipped(element, own_only=True))
        skipping += opened[-1]
        if skipping or element.tag == "a":
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
        if node.tag in SKIP_TAGS or (SKIP_MARKS_RE.search(marks) and not holds_article(node)):
            return True
    return False


def holds_article(element: html.HtmlElement) -> bool:
    """A block named like a menu that wraps the article itself (a news CMS's ``<section
    class="user-snb">`` around ``<article>`` and its sidebar): it is the page's content column."""
    return next(element.iterdescendants("article"), None) is not None or bool(_ARTICLE_BODY(element))


_ARTICLE_BODY = etree.XPath("descendant::*[@itemprop='articleBody'][1]")


def drop_empty_links(tree: html.HtmlElement) -> int:
    """Drop links that hold nothing (no text, no picture), keeping the text after them; how many.

    Convention: boards leave empty anchors in a post's cell (gnuboard's ``<a href=""></a>`` after
    the text, a ``<a name="top"></a>`` bookmark). A reader sees nothing of them, but trafilatura
    reads a short block whose links have no words as navigation and drops the block, text and all.
    """
    empty = [a for a in tree.iter("a") if len(a) == 0 and not (a.text or "").strip()]
    for link in empty:
        link.drop_tag()
    return len(empty)


def drop_empty_components(tree: html.HtmlElement) -> int:
    """Drop custom elements that hold no text (``<amp-img>``, ``<amp-ad>``, a web component's
    player); how many. The text after each stays.

    Convention: AMP pages and script-era pages set pictures, ads and widgets as custom elements
    (their names hold a hyphen) between lines of a ``<br>``-separated text; trafilatura prunes such
    tags with the text that follows them, so the lines after a picture or an ad went missing.
    """
    empty = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str) and "-" in element.tag and not fold(element.text_content())
    ]
    for element in empty:
        if element.getparent() is not None:
            element.drop_tree()
    return len(empty)


def drop_link_boxes(tree: html.HtmlElement) -> int:
    """Drop boxes of links under a box's stock heading (``함께 보면 좋은 기사``, ``관련 기사``); how many.

    Convention: a CMS sets a related-posts block inside or after the text (WordPress themes'
    inline related posts, a news CMS's ``관련기사`` box): a heading of its own, then nothing but
    linked headlines. Once the extractor drops the heading the headlines read as lines of the text.
    Only a box between paragraphs goes; a heading whose block also holds unlinked text (the article
    around it) leaves the block alone.
    """
    boxes: list[html.HtmlElement] = []
    for heading in tree.iter(*BOX_HEAD_TAGS):
        text = fold(heading.text_content())
        if len(text) > MAX_BOX_HEAD_CHARS or not is_box_heading(text):
            continue
        box = heading.getparent()
        while box is not None and fold(box.text_content()) == text:  # the heading's own wrappers
            box = box.getparent()
        if box is None or box.tag in _PAGE_TAGS or box in boxes:
            continue  # (a box with two headings is dropped once)
        whole = fold(box.text_content())
        while (outer := box.getparent()) is not None and outer.tag not in _PAGE_TAGS:
            if fold(outer.text_content()) != whole:
                break
            box = outer  # the box's own wrappers (a theme's ``…_wrapper`` around its block)
        rest = len(whole.replace(" ", "")) - len(text.replace(" ", ""))
        linked = sum(len(fold(a.text_content()).replace(" ", "")) for a in box.iter("a"))
        if rest > 0 and linked >= LINKED_BOX_SHARE * rest and _inside_text(box):
            boxes.append(box)
    for box in boxes:
        if box.getparent() is not None:  # (a box inside one dropped before goes with it)
            box.drop_tree()  # its tail, text after the box, stays
    return len(boxes)


def _inside_text(box: html.HtmlElement) -> bool:
    """The box stands between paragraphs of text: its block holds prose before it and after it
    (a box after the text, a most-read list, is the listing and clean-up rules' to judge)."""
    parent = box.getparent()
    if parent is None:
        return False
    siblings = list(parent)
    at = siblings.index(box)
    before = "".join([parent.text or "", *(_text_with_tail(e) for e in siblings[:at])])
    after = "".join([box.tail or "", *(_text_with_tail(e) for e in siblings[at + 1 :])])
    return min(len(fold(before)), len(fold(after))) >= MIN_CHUNK_CHARS


def _text_with_tail(element: html.HtmlElement) -> str:
    return (element.text_content() if isinstance(element.tag, str) else "") + (element.tail or "")


_PAGE_TAGS = frozenset({"body", "html", "article", "main"})
BOX_HEAD_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "dt", "span", "p")
MAX_BOX_HEAD_CHARS = 30
LINKED_BOX_SHARE = 0.8


def drop_picture_captions(tree: html.HtmlElement) -> int:
    """Drop the one short line a picture's own wrapper holds beside it: its caption; how many.

    Convention: a picture is set in a box of its own with its caption under it (``<div><img>
    <p>국회 본회의장 전경.</p></div>``, a lazy image with its ``<noscript>`` copy and a ``<span>``);
    script-era templates name neither box nor line (hashed or utility classes), and a caption
    without a ▲ or a credit reads like a sentence of the text. Only beside the text: a photo story's
    one line with nothing after its picture is its text; a box with two lines or text of its own
    is no picture's box.
    """
    captions = []
    for picture in tree.iter("img"):
        holder = picture.getparent()
        while holder is not None and holder.tag in _PICTURE_WRAPPERS:
            holder = holder.getparent()
        if holder is None or holder.tag not in _CAPTION_BOXES or (holder.text or "").strip():
            continue
        lines = [child for child in holder if isinstance(child.tag, str) and child.tag not in _PICTURE_PARTS]
        if len(lines) != 1 or any((child.tail or "").strip() for child in holder):
            continue
        line = lines[0]
        text = fold(line.text_content())
        if (
            line.tag in _CAPTION_LINES
            and MIN_CAPTION_CHARS <= len(text) <= MAX_CAPTION_CHARS
            and _beside_text(holder)
        ):
            captions.append(line)
    for line in dict.fromkeys(captions):
        if line.getparent() is not None:
            line.drop_tree()
    return len(captions)


def _beside_text(box: html.HtmlElement) -> bool:
    """The text runs beside the picture's box (a block before or after it): the box's line is a
    caption; alone, it is a photo story's text."""
    neighbours = (box.getprevious(), box.getnext())
    return any(n is not None and len(fold(n.text_content())) >= MIN_TEXT_BESIDE for n in neighbours)


MIN_TEXT_BESIDE = 100
_PICTURE_WRAPPERS = frozenset({"a", "picture", "noscript"})  # an image's own link or sources
_PICTURE_PARTS = frozenset({"img", "picture", "noscript", "source", "a", "br"})
_CAPTION_BOXES = frozenset({"div", "span", "figure", "p"})
_CAPTION_LINES = frozenset({"p", "span", "div", "em", "small"})
MIN_CAPTION_CHARS, MAX_CAPTION_CHARS = 5, 90


def unwrap_layout_tables(tree: html.HtmlElement) -> int:
    """Turn tables used as page layout into ``div`` blocks; return how many were unwrapped.

    Government CMS boards often lay out a whole article in a table (title row, 작성일/조회수 row,
    one cell holding every paragraph, 첨부파일 row). Extractors render such a table as
    ``| 담당부서 | … |`` rows with the article glued into one cell; as blocks, each row and
    paragraph is its own line and the label rows can be told apart. Tables nested inside the
    content cell (real data tables) are left alone.
    """
    layout = [table for table in tree.iter("table") if any(_layout_cell(c) for c in _cells(table))]
    for table in layout:
        for row in _rows(table):
            for cell in _cells_of(row):
                cell.tag = "div"
            row.tag = "div"
        for part in table:
            if part.tag in ("thead", "tbody", "tfoot", "caption", "colgroup"):
                part.tag = "div"
        table.tag = "div"
    return len(layout)


def mark_menu_tables(tree: html.HtmlElement) -> int:
    """Turn tables that hold only a row of short links into ``<nav>``; return how many.

    Convention: sites laid out in tables (old news CMSs, county and school boards) print their menus
    as a table of short links between separators (``<td><a>정치</a> | <a>경제</a></td>``). Extractors
    keep a table whole, so such a menu opened the body as ``| 정치 | 경제 |`` and hid the headline
    printed after it. A menu's links are words (``정치``, ``보도자료``); a table of article links
    carries headlines, and a data table has text of its own beside its links.
    """
    menus = [table for table in tree.iter("table") if _menu_table(table)]
    for table in menus:
        table.tag = "nav"
    return len(menus)


def _menu_table(table: html.HtmlElement) -> bool:
    if any(inner is not table for inner in table.iter("table")):
        return False  # a table holding tables is the page's layout
    words = [fold(a.text_content()) for a in table.iter("a")]
    words = [w for w in words if w]
    if len(words) < MIN_MENU_LINKS or any(len(w) > MAX_MENU_WORD_CHARS for w in words):
        return False
    rest = fold(table.text_content())
    for word in sorted(words, key=len, reverse=True):
        rest = rest.replace(word, " ")
    return not _MENU_SEPARATORS_RE.sub("", rest)


MIN_MENU_LINKS = 3
MAX_MENU_WORD_CHARS = 12
_MENU_SEPARATORS_RE = re.compile(r"[\s|｜ㅣ·∙•/:>,\-]+")


def _rows(table: html.HtmlElement) -> list[html.HtmlElement]:
    """The table's own rows (directly or under thead/tbody/tfoot), not those of nested tables."""
    rows: list[html.HtmlElement] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child if row.tag == "tr")
    return rows


def _cells_of(row: html.HtmlElement) -> list[html.HtmlElement]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def _cells(table: html.HtmlElement) -> list[html.HtmlElement]:
    return [cell for row in _rows(table) for cell in _cells_of(row)]


def _layout_cell(cell: html.HtmlElement) -> bool:
    """A cell holding several paragraphs, lines or a long text: a page region, not a datum.

    Convention: old news CMSs lay out a short article in one cell, its lines broken by ``<br>``
    (a datum breaks a line or two: an address, a name and a title)."""
    blocks = sum(1 for child in cell if child.tag in _CELL_BLOCK_TAGS)
    if blocks >= LAYOUT_CELL_BLOCKS or len(cell.text_content()) >= LAYOUT_CELL_CHARS:
        return True
    if sum(1 for _ in cell.iter("br")) >= LAYOUT_CELL_BREAKS:
        return True
    # a datum is a name, a number or a phrase; prose (two sentences or more) is the article itself
    return len(_SENTENCE_RE.findall(cell.text_content())) >= LAYOUT_CELL_SENTENCES


def wrap_leading_lines(tree: html.HtmlElement) -> int:
    """Put the first line of each block of loose lines (text, ``<br>``, text …) in a ``<p>``; how many.

    Convention: a CMS without paragraphs writes the article as lines broken by ``<br>`` straight
    in its container. Inside an ``<article>``, trafilatura drops such a container's leading text
    (the text before the first ``<br>``) and keeps the rest, so the article loses its first line,
    usually the lead. As a paragraph of its own the line is kept; the lines after it stay as
    they were. Only prose counts: a leading label or date (shorter than ``MIN_LEADING_CHARS``)
    is left alone.
    """
    wrapped = 0
    for block in tree.iter(*_LOOSE_LINE_BLOCKS):
        wrapped += _wrap_line_after_box(block)
        if len(fold(block.text or "")) < MIN_LEADING_CHARS:
            continue
        children = list(block)
        first_break = next((i for i, child in enumerate(children) if child.tag == "br"), None)
        if first_break is None or any(child.tag in _CELL_BLOCK_TAGS for child in children[:first_break]):
            continue
        line = etree.Element("p")
        line.text, block.text = block.text, None
        for child in children[:first_break]:
            line.append(child)  # an inline element moves with its tail: the line's own words
        block.insert(0, line)
        wrapped += 1
    return wrapped


def _wrap_line_after_box(block: html.HtmlElement) -> int:
    """Put the first loose line after a box opening the block (a photo with its caption, a table)
    in a ``<p>``; 1 if one was wrapped.

    Convention: a ``<br>``-lined article often opens with its photo box, the lead run on after it
    as the box's tail; trafilatura drops the box with that tail, and the article its lead.
    """
    children = list(block)
    if not children or fold(block.text or "") or children[0].tag not in _BOX_TAGS:
        return 0
    box = children[0]
    if len(fold(box.tail or "")) < MIN_LEADING_CHARS:
        return 0
    rest = children[1:]
    end = next((i for i, child in enumerate(rest) if child.tag == "br"), None)
    if end is None or any(child.tag in _CELL_BLOCK_TAGS for child in rest[:end]):
        return 0
    line = etree.Element("p")
    line.text, box.tail = box.tail, None
    for child in rest[:end]:
        line.append(child)
    box.addnext(line)
    if any(True for _ in box.iter("img")) and len(fold(box.text_content())) <= MAX_CAPTION_CHARS:
        box.drop_tree()  # a photo and its caption: the caption says what the photo shows, not the news
    return 1


_BOX_TAGS = frozenset({"div", "figure", "table", "span", "p"})
MAX_CAPTION_CHARS = 150
_LOOSE_LINE_BLOCKS = ("section", "div", "article", "td", "main")
MIN_LEADING_CHARS = 15
