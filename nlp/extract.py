"""One page in, one ``ExtractedPage`` out: trafilatura on correctly decoded text, plus a Korean clean-up.

Raises ``DecodeError`` for bytes that are not text and ``EmptyPageError`` for pages with neither
an article body nor article links.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml import etree, html

from nlp import EmptyPageError, ExtractionFailedError, NlpError
from nlp.blocks import (
    block_text,
    drop_empty_components,
    drop_empty_links,
    drop_link_boxes,
    drop_picture_captions,
    largest_block,
    mark_menu_tables,
    unwrap_layout_tables,
    wrap_leading_lines,
)
from nlp.bylines import byline_names, clean_author, header_byline_names, merge_authors
from nlp.cleanup import (
    clean_body,
    drop_above_headline,
    drop_item_lines,
    drop_leading_teasers,
    drop_lines,
    is_figure,
    is_sentence,
)
from nlp.comments import drop_comment_boxes
from nlp.dates import (
    BARE_DATE_LINE_RE,
    KST,
    as_kst,
    date_from_url,
    find_labelled_dates,
    find_release_date,
    find_short_stamp,
    find_unlabelled_date,
    is_date_only,
)
from nlp.decode import decode_html
from nlp.embedded import EmbeddedArticle, embedded_article, embedded_html
from nlp.headings import (
    MIN_PROBE_CHARS,
    after_opening,
    body_heads,
    drop_hidden_headings,
    drop_overline,
    first_line_index,
    headed_article,
    heading_after_opening,
    in_menu,
    join_broken_headings,
    lift_header_lines,
    page_elements,
    title_text,
)
from nlp.headline import (
    MARKED_RANK,
    META,
    NEAR_RANKS,
    PAGE,
    TAG,
    Candidate,
    body_lines,
    bold_lines_above,
    brand_names,
    choose_headline,
    drop_inline_labels,
    headed_tables,
    is_home_link,
    marked_titles,
    opening_headings,
    opening_title,
    title_cells,
)
from nlp.images import page_images, pictured_text
from nlp.kicker import kicker_date
from nlp.lead import clean_lead, drop_pull_quotes, leading_short_lines, take_lead
from nlp.listing import (
    Anchor,
    article_links,
    clean_link,
    is_listing,
    is_one_of,
    page_anchors,
    script_rows,
    teaser_items,
    teaser_texts,
)
from nlp.meta import PageMeta, collect_meta
from nlp.page import ExtractedPage
from nlp.sections import drop_headings_above, heading_spans, marked_headings, restore_headings
from nlp.template import (
    EMPTY,
    Template,
    fingerprint,
    learn_template,
    learned_names,
    page_template,
    site_key,
    template_lines,
)
from nlp.titles import fold, is_page_label, listing_title, title_parts
from nlp.urls import is_http_url

logger = logging.getLogger(__name__)

MIN_BODY_CHARS = 40
MIN_BRIEF_CHARS = 15  # one sentence: a notice's 5월 6일 민원실 휴무 안내, under its headline and date
SHORT_BODY_CHARS = 200
BYLINE_PROBE_LINES = 4
AFTER_BODY_CHARS = 300  # 입력/수정 lines printed under the article still count
HEAD_LINES = 3  # lines above the headline (or above the body) read for its date line
DATE_LINE_CHARS = 60  # a text run this short under the headline can be a date line
BODY_START_LINES = 5  # the body's first lines tried when locating it in the page text
HEAD_CHARS = 2000  # at most this much text around the headline and byline is read for dates
ORG_NAME_RE = re.compile(r"(?:일보|신문|뉴스|방송|닷컴|통신|경제|미디어|시청|군청|구청|도청|브리핑)$")
HIDDEN_TAGS = frozenset({"script", "style", "noscript"})
SAME_TEXT_SHARE = 0.9  # of an embedded article's text found in a one-line body: the same article
_SPACE_RE = re.compile(r"\s+")
_BARS_RE = re.compile(r"[\s|]+")
MIN_FLAT_FIGURES = 3
MAX_TRAFILATURA_PARAGRAPHS = 20_000  # no article has as many; beyond it trafilatura turns quadratic
SKELETON_NAMES = 12  # class/id names a template opens with: its header and frame, not the article
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSERS = threading.local()


def extract_page(
    raw: bytes,
    url: str | None = None,
    declared_charset: str | None = None,
    *,
    template: Template = EMPTY,
    feed_published: dt.datetime | None = None,
) -> ExtractedPage:
    """Extract title, dates, authors, body, lead, images (or article links) from one page's bytes.

    The page is parsed once; every helper and trafilatura work on that one tree.

    Args:
        raw: the page as fetched, undecoded.
        url: where the page lives; relative links and images are resolved against it
            (the page's canonical URL is used when it is absent).
        declared_charset: the charset from the HTTP ``Content-Type`` header, if any.
        template: what the source prints on many of its pages (``nlp.template``): never
            the headline, dropped from the body.
        feed_published: the RSS/Atom item's date, the last fallback for the published time.
    """
    text, charset = decode_html(raw, declared_charset)
    tree = parse_html(text)
    elements = page_elements(tree)  # keeps one Python proxy per element alive for every later walk
    meta = collect_meta(tree)
    base = url or _absolute(_base_href(tree)) or _absolute(meta.canonical)
    anchors = page_anchors(tree, base)
    lead = take_lead(tree)
    table_heads = headed_tables(tree)  # before layout tables turn into blocks
    changed = (
        drop_pull_quotes(tree)
        + drop_empty_links(tree)
        + drop_empty_components(tree)
        + drop_link_boxes(tree)
        + drop_picture_captions(tree)
        + drop_comment_boxes(tree)  # before layout tables turn into blocks: a table can be the box
        + mark_menu_tables(tree)
        + unwrap_layout_tables(tree)
        + drop_inline_labels(tree)
        + drop_hidden_headings(tree)
    )
    changed += join_broken_headings(tree) + wrap_leading_lines(tree)
    if lead or changed:
        elements = page_elements(tree)
    doc = _trafilatura(tree, url)
    embedded = _embedded_finder(tree, meta)
    raw_body, cleaned = _body_text(tree, doc, embedded)
    meta = _with_embedded_meta(meta, embedded, cleaned)
    links = article_links(anchors)
    common: dict[str, Any] = {"url": url, "charset": charset, "canonical_url": meta.canonical}
    common["site_name"] = meta.site_names[0] if meta.site_names else None
    own_url = url or _absolute(meta.canonical)
    index_rows = links or script_rows(anchors)  # a board opening its posts by script is an index too
    if (
        is_listing(index_rows, raw_body, article_hint=meta.is_article)
        and not is_one_of(own_url, links)
        and not headed_article(elements, [*meta.titles, meta.title_tag or ""], [a.text for a in index_rows])
    ):
        return _listing(meta, article_links(anchors, every=True) if links else links, common)
    teasers = teaser_texts(anchors)
    cleaned = drop_leading_teasers(cleaned, teasers)
    start = first_line_index(elements, cleaned)
    cleaned = drop_overline(lift_header_lines(cleaned, elements, start), elements)
    first_line = elements[start] if start is not None else None
    if start is not None:
        cleaned = drop_headings_above(cleaned, elements[:start])
    band_head = heading_after_opening(cleaned, elements, start)
    if band_head is not None:  # the board band's sentence over the post's heading is no text
        cleaned = after_opening(cleaned)
        start = first_line_index(elements, cleaned)
        first_line = elements[start] if start is not None else None
    near = [*table_heads, *([band_head] if band_head else [])]
    candidates = _title_candidates(tree, meta, cleaned, elements, start, near)
    template = page_template(template, candidates)  # the headline the page declares stays its own
    sites = (*meta.site_names, *learned_names(template))
    page_text = functools.cache(lambda: visible_text(tree))
    # without whitespace: a line the page sets in several elements still finds its place
    squeezed = functools.cache(lambda: _SPACE_RE.sub("", page_text()))
    title = choose_headline(
        candidates,
        sites,
        meta.keywords,
        template.titles,
        body_lines(cleaned),
        brands=brand_names(tree),
        page_text=squeezed,
    )
    title = title or opening_title(cleaned, template.titles)
    cleaned = drop_above_headline(cleaned, title)
    body = drop_lines(cleaned, (title or "", *teasers, *template_lines(template, cleaned)))
    body = drop_item_lines(body, teaser_items(anchors))
    lead, body = _split_lead(lead, body, meta.description)
    lead = clean_lead(lead, drop=(title or "",))
    # before the sub-headings go back: with the label first, the headline would head the text's
    # second line and be taken for a sub-heading
    body = restore_headings(
        tree, _without_chrome_after(_without_label_above(body, title, squeezed), squeezed)
    )
    if len(body) < MIN_BODY_CHARS and title:
        pictured = pictured_text(elements, title)
        body = pictured if len(pictured) > len(body) else body
    # a notice or a brief under its own headline and date is an article however short its one line
    brief = title is not None and len(body) >= MIN_BRIEF_CHARS
    if len(body) < MIN_BODY_CHARS and not brief:
        raise EmptyPageError(f"no article body and no article links on the page ({len(body)} chars of text)")
    regions = functools.cache(lambda: _article_regions(page_text(), body, title))
    kicker = functools.partial(kicker_date, elements, title)
    published, modified = _dates(meta, page_text, body, regions, kicker, url, feed_published)
    if len(body) < MIN_BODY_CHARS and published is None:
        raise EmptyPageError(f"no article body: {len(body)} chars of text under a headline and no date")
    return ExtractedPage(
        kind="article", title=title, body=body, lead=lead, published=published, modified=modified,
        published_date_only=is_date_only(published), authors=_authors(meta, raw_body, regions),
        images=page_images(body, meta.images, base, first_line),
        fingerprint=fingerprint(
            _printed_titles(candidates), cleaned, _site(tree, meta, url), headline=fold(title or "")
        ),
        sections=tuple(heading_spans(body, marked_headings(tree))), **common,
    )  # fmt: skip


def _printed_titles(candidates: Sequence[Candidate]) -> list[str]:
    """What the template memory counts of a page's headline candidates: each text, and the short
    parts of a ``<title>`` or metadata title with separators (where the source puts its name:
    ``제목 - 가온인사이트``).

    A part the page prints in its own headline is the headline's (a series tag ``<인터뷰>``, the
    first half of ``2027 예산안 분석 - ① 복지``): two pages of one series share it, and it is no name.
    """
    texts = [fold(c.text) for c in candidates]
    printed = [fold(c.text) for c in candidates if c.group == PAGE]
    framed = [fold(c.text) for c in candidates if c.group in (TAG, META)]
    parts = (part for text in framed for part in title_parts(text))
    return [*texts, *(part for part in parts if not any(part in head for head in printed))]


def declared_url(raw: bytes, declared_charset: str | None = None) -> str | None:
    """Where the page says it lives: its ``<link rel=canonical>``, else its ``og:url``, when that is an
    absolute http(s) URL; None otherwise (or when the bytes are no page at all)."""
    try:
        meta = collect_meta(parse_html(decode_html(raw, declared_charset)[0]))
    except NlpError:
        return None
    return meta.canonical if is_http_url(meta.canonical) else None


def _title_candidates(
    tree: html.HtmlElement,
    meta: PageMeta,
    cleaned: str,
    elements: list[html.HtmlElement],
    start: int | None,
    found_heads: Sequence[str] = (),
) -> list[Candidate]:
    """Headline candidates: metadata, ``<title>``, title cells and headings by the body (``found_heads``:
    those found before the tree changed or the body was cut), title-marked elements, and page
    ``<h1>``s outside the page chrome (``nlp.headline`` votes)."""
    first_line = elements[start] if start is not None else None
    cells = [*title_cells(tree), *found_heads]
    near = [*cells, *body_heads(cleaned, elements, start), *bold_lines_above(first_line)]
    h1s = [title_text(h) for h in tree.iter("h1") if not in_menu(h) and not is_home_link(h)]
    return [
        *(Candidate(t, META, i) for i, t in enumerate(meta.titles)),
        *([Candidate(meta.title_tag, TAG)] if meta.title_tag else []),
        *(Candidate(t, PAGE, i) for i, t in enumerate(near)),
        *(Candidate(t, PAGE, 0, in_body=True) for t in opening_headings(tree, cleaned)),
        *(Candidate(t, PAGE, NEAR_RANKS + i) for i, t in enumerate(h1s)),
        *(Candidate(t, PAGE, MARKED_RANK + i) for i, t in enumerate(marked_titles(elements, first_line))),
    ]


def extract_source_pages(pages: Sequence[tuple[bytes, str | None]]) -> list[ExtractedPage | NlpError]:
    """Extract pages known to come from one or more sources, each with its source's template.

    A first pass fingerprints every page; pages with the same ``site_key`` teach each other
    their template (``nlp.template``); a second pass extracts each page of such a group with it.
    A page that fails gives its ``NlpError`` in its place.
    """
    first = [_extract_one(raw, url, EMPTY) for raw, url in pages]
    groups: dict[str, list[int]] = defaultdict(list)
    for index, page in enumerate(first):
        if isinstance(page, ExtractedPage) and page.kind == "article" and page.fingerprint.site:
            groups[page.fingerprint.site].append(index)
    result = list(first)
    for members in groups.values():
        template = learn_template([first[i].fingerprint for i in members])  # type: ignore[union-attr]
        if not template:
            continue
        for i in members:
            printed = first[i].fingerprint  # type: ignore[union-attr]
            if template.titles.isdisjoint(printed.titles) and template.lines.isdisjoint(printed.lines):
                continue  # nothing of the template on this page: the first pass stands
            raw, url = pages[i]
            again = _extract_one(raw, url, template)
            if isinstance(again, ExtractedPage):
                result[i] = again  # else the first pass stands
    return result


def _extract_one(raw: bytes, url: str | None, template: Template) -> ExtractedPage | NlpError:
    """One page of a batch, or why it failed: a defect on one page must not lose the others."""
    try:
        return extract_page(raw, url=url, template=template)
    except NlpError as error:
        return error
    except Exception as error:
        logger.exception("extraction failed on a page (%s)", url or "no url")
        return ExtractionFailedError(f"extraction failed: {type(error).__name__}: {error}")


def _site(tree: html.HtmlElement, meta: PageMeta, url: str | None) -> str:
    """The page's ``site_key``: from its URL, canonical URL, site name, assets or markup skeleton."""
    assets = [
        str(e.get("href") if e.tag == "link" else e.get("src"))
        for e in tree.iter("link", "script")
        if (e.tag == "link" and "stylesheet" in (e.get("rel") or "")) or (e.tag == "script" and e.get("src"))
    ]
    skeleton: list[str] = []
    for element in tree.iter():
        names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
        skeleton.extend(n for n in names if n not in skeleton)
        if len(skeleton) >= SKELETON_NAMES:
            break
    page_url = url or _absolute(meta.canonical) or _absolute(_base_href(tree))
    return site_key(page_url, next(iter(meta.site_names), None), assets, skeleton[:SKELETON_NAMES])


# characters no XML text may hold: C0 controls but tab and line ends, lone surrogates, U+FFFE/F
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse_html(text: str) -> html.HtmlElement:
    """Parse decoded HTML (comments and processing instructions dropped, as trafilatura does);
    ``EmptyPageError`` when there is no document at all."""
    text = _CONTROL_RE.sub("", text)  # libxml2 keeps them in text it parses, but refuses them later
    try:
        return html.document_fromstring(_XML_DECL_RE.sub("", text, count=1), parser=_parser())
    except (etree.ParserError, ValueError) as error:
        raise EmptyPageError(f"no HTML document in the page: {error}") from error


def visible_text(tree: html.HtmlElement) -> str:
    """The page's text nodes outside scripts and styles, one per line."""
    body = tree.find("body")
    if body is None:
        return ""
    pieces: list[str] = []
    hidden = 0
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if event == "start":
            if element.tag in HIDDEN_TAGS:
                hidden += 1
            elif not hidden and element.text:
                pieces.append(element.text)
            continue
        if element.tag in HIDDEN_TAGS:
            hidden -= 1
        if not hidden and element.tail and element is not body:
            pieces.append(element.tail)
    return "\n".join(fold(piece) for piece in pieces if not piece.isspace())


def _parser() -> html.HTMLParser:
    """This thread's HTML parser (lxml parsers must not be shared between threads)."""
    parser: html.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    return parser


def _base_href(tree: html.HtmlElement) -> str | None:
    """The page's ``<base href>``."""
    return next((b.get("href") for b in tree.iter("base") if b.get("href")), None)


def _trafilatura(tree: html.HtmlElement, url: str | None) -> Any:
    """trafilatura's ``Document`` for the page (body only: metadata is ours), or ``None``.

    trafilatura copies the tree it is given, so ours stays as it was. Pages with more than
    ``MAX_TRAFILATURA_PARAGRAPHS`` paragraphs get ``None`` (the body then comes from the largest
    text block): libxml2 evaluates trafilatura's ``//p//text()`` in time quadratic in their number.
    """
    if sum(1 for _ in tree.iter("p")) > MAX_TRAFILATURA_PARAGRAPHS:
        return None
    return trafilatura.bare_extraction(
        tree, url=url, with_metadata=False, include_comments=False, include_tables=True,
        favor_recall=True, deduplicate=False,
    )  # fmt: skip


def _embedded_finder(tree: html.HtmlElement, meta: PageMeta) -> Callable[[], EmbeddedArticle | None]:
    """The article shipped as script data, looked for on first call only (most pages never need it)."""
    page_titles = (*meta.titles, meta.title_tag or "", *meta.h1s)
    return functools.cache(functools.partial(embedded_article, tree, meta.ld_articles, page_titles))


def _body_text(
    tree: html.HtmlElement, doc: Any, embedded: Callable[[], EmbeddedArticle | None]
) -> tuple[str, str]:
    """trafilatura's text; for short results, the article shipped in scripts or the largest text block.

    Returns the raw text and its ``clean_body``.
    """
    body = str(doc.text or "") if doc is not None else ""
    cleaned = clean_body(body)
    if len(cleaned) >= SHORT_BODY_CHARS:
        if "\n" in cleaned:
            return body, cleaned
        return _paragraphed(body, cleaned, embedded(), largest_block(tree))
    found = (_embedded_body(tree, embedded()), largest_block(tree))
    candidates = [(body, cleaned)] + [(c, clean_body(c)) for c in found]
    best = max(candidates, key=lambda c: len(c[1]))
    if len(best[1]) >= 2 * len(cleaned):
        return best
    block = candidates[2]
    if _flattened_table(body) and _holds(block[1], cleaned):
        return block
    return (body, cleaned) if "\n" in cleaned else _paragraphed(body, cleaned, embedded(), block[0])


def _flattened_table(body: str) -> bool:
    """trafilatura's text of a short page prints a table one cell per line (``400``, ``520``…).

    Convention: the fallback trafilatura runs on a short page reads a table's cells as lines, and
    the figures then read as stray numbers; the page's own text block keeps its rows (``nlp.blocks``).
    """
    return sum(1 for line in body.split("\n") if is_figure(line.strip())) >= MIN_FLAT_FIGURES


def _holds(text: str, part: str) -> bool:
    """Nearly all of ``part``'s text is in ``text`` (spaces and table bars aside): the same article."""
    squeezed = _BARS_RE.sub("", text)
    lines = [_BARS_RE.sub("", line) for line in part.split("\n")]
    found = sum(len(line) for line in lines if line in squeezed)
    return found >= SAME_TEXT_SHARE * sum(len(line) for line in lines) > 0


def _paragraphed(body: str, cleaned: str, article: EmbeddedArticle | None, block: str) -> tuple[str, str]:
    """A one-line body as lines, from where the page keeps them apart, when they hold the same text.

    trafilatura reads JSON-LD ``articleBody`` as one block; and an ``<article>`` whose text is loose
    lines (``<br>`` between them, straight in a ``div``) it can read as one line, its header block
    (headline, deck, byline) run in. The embedded article's paragraphs come first, then the page's
    largest text block (``nlp.blocks``), which keeps the ``<br>`` lines apart and the header out.
    """
    structured = article.body if article is not None and len(article.paragraphs) >= 2 else ""
    for text in (structured, block):
        if sum(1 for line in text.split("\n") if line.strip()) >= 2 and _holds(cleaned, text):
            return text, clean_body(text)
    return body, cleaned


def _embedded_body(tree: html.HtmlElement, article: EmbeddedArticle | None) -> str:
    """Body text of an article shipped inside a script (JS-rendered pages): the article given as
    data (paragraphs, one a line), unless article HTML in a script string holds twice as much."""
    structured = article.body if article else ""
    from_html = _embedded_html_body(tree)
    return structured if len(structured) * 2 >= len(from_html) else from_html


def _embedded_html_body(tree: html.HtmlElement) -> str:
    """Body text of article HTML shipped inside a script string."""
    fragment = embedded_html(tree)
    if not fragment:
        return ""
    markup = f"<html><body><article>{fragment}</article></body></html>"
    doc = _trafilatura(html.document_fromstring(markup, parser=_parser()), None)
    if doc is not None and doc.text:
        return str(doc.text)
    return block_text(html.fragment_fromstring(fragment, create_parent="div"))


def _with_embedded_meta(
    meta: PageMeta, embedded: Callable[[], EmbeddedArticle | None], body: str
) -> PageMeta:
    """The script-embedded article's headline (as a further title candidate), and its dates, authors
    and sub-headline where meta has none, when the body holds that article (JS-rendered pages)."""
    if meta.titles and meta.published and meta.modified and meta.authors:
        return meta
    article = embedded()
    if article is None or not article.found_in(body):
        return meta
    titles = meta.titles + [t for t in (article.title,) if t and t not in meta.titles]
    return dataclasses.replace(
        meta, titles=titles, published=meta.published or article.published,
        modified=meta.modified or article.modified, authors=meta.authors or list(article.authors),
        description=meta.description or article.lead, is_article=True,
    )  # fmt: skip


def _split_lead(lead: str | None, body: str, description: str | None) -> tuple[str | None, str]:
    """The lead (page-marked, leading short lines, or a distinct description) and the body without it."""
    if lead:
        marked = {fold(line) for line in lead.splitlines()}
        lines = body.splitlines()
        while lines and fold(lines[0]) in marked:
            lines.pop(0)
        return lead, "\n".join(lines)
    lead, body = leading_short_lines(body)
    return lead or _description_lead(description, body), body


def _description_lead(description: str | None, body: str) -> str | None:
    """``og:description`` as lead when it summarises the body rather than repeating its start."""
    text = re.sub(r"[\s|]+$", "", fold(description or ""))
    if not text or len(text) > 300 or fold(body)[:20] in text or text.rstrip(".…") in fold(body):
        return None
    words = set(text.split())
    shared = words & set(body.split())
    return text if words and len(shared) >= 0.5 * len(words) else None


def _until_body_end(page_text: str, body: str) -> str:
    """Page text up to a little after the body's last line: later labels belong to footers."""
    end = _body_end(page_text, body)
    return page_text if end < 0 else page_text[: end + AFTER_BODY_CHARS]


def _body_end(page_text: str, body: str) -> int:
    """Where the body's last line ends in the page text, or -1 when it cannot be found."""
    last = body.splitlines()[-1][-30:] if body else ""
    end = page_text.rfind(last) if len(last) >= 10 else -1
    return end + len(last) if end >= 0 else -1


def _closing_date(page_text: str, body: str) -> dt.datetime | None:
    """A date on a line of its own among the text's last lines or right after them (``2025년 7월 11일``).

    Convention: a statement, a 논평 or a letter signs off with its date and then who issued it
    (``2025년 7월 11일`` / ``가온당 수석대변인 홍길동``); the cleaned body has dropped the date line.
    """
    end = _body_end(page_text, body)
    if end < 0:
        return None
    before = [line for line in page_text[:end].splitlines()[-CLOSING_LINES - 1 :] if line.strip()]
    after = [line for line in page_text[end : end + AFTER_BODY_CHARS].splitlines()[1:] if line.strip()]
    lines = [*before, *after[:CLOSING_LINES]]
    dated = next((line for line in lines if BARE_DATE_LINE_RE.fullmatch(line)), None)
    return find_unlabelled_date(dated) if dated else None


CLOSING_LINES = 2  # lines at the text's end (or after it) a statement's date and signature take


def _dates(
    meta: PageMeta,
    visible: Callable[[], str],
    body: str,
    regions: Callable[[], tuple[str, str, str, str]],
    kicker: Callable[[], dt.datetime | None],
    url: str | None = None,
    feed_published: dt.datetime | None = None,
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Published/modified, most trusted first: meta and JSON-LD; visible 입력/수정 labels near the
    headline and byline; ``<time datetime>``; an unlabelled date near the headline or byline; the
    kicker row's date over the headline; labels anywhere up to just after the body (a sidebar's
    등록일 comes only this late); the URL path's day; the feed item's date. Published and modified
    stay apart: a 수정/업데이트 date is taken as published only when nothing else dates the page."""
    page_text = visible()
    near = regions()
    near_published, near_modified = find_labelled_dates("\n".join(near))
    far_published, far_modified = find_labelled_dates(_until_body_end(page_text, body))
    declared = _printed_day(_wall_clock(meta.published, near_published), near_published)
    published = (
        declared or near_published or meta.stamped or meta.time_element or _headline_date(*near) or kicker()
    )
    # a date inside a longer line under the headline ("3월 1일부터") only after every labelled one
    published = published or far_published or find_release_date(_until_body_end(page_text, body))
    published = published or _closing_date(page_text, body) or find_unlabelled_date(near[0])
    published = published or date_from_url(url or meta.canonical) or as_kst(feed_published)
    timed = (
        meta.published,
        near_published,
        meta.stamped,
        meta.time_element,
        far_published,
        as_kst(feed_published),
    )
    declared_modified = meta.modified
    if declared is not meta.published and declared_modified is not None:  # mislabelled as published is
        declared_modified = declared_modified.astimezone(dt.UTC).replace(tzinfo=KST)
    modified = declared_modified or near_modified or far_modified
    # a page that says only when it was last changed (``수정일 2026-01-05``) was published no
    # later: that day, rather than none, when nothing else dates it
    return _with_time(published, timed) or modified, modified


def _without_label_above(body: str, title: str | None, squeezed_text: Callable[[], str]) -> str:
    """``body`` without opening lines printed above the headline: a line naming an office, an
    outlet or a section (``<div class="source">행정안전부</div><h1>제목</h1>``), or any short line
    the page prints nowhere after the headline (a breaking-news ticker: ``[속보] 추경안 의결``).

    Convention: a title box may print who issued the release, or the section, over the headline,
    and a news page's header runs a ticker above it; the extractor keeps such a line as the text's
    first. A label printed after the headline too would be the text's own (a release opening with
    its ministry) and stays; so does any line the page prints again after the headline.
    """
    if not title:
        return body
    lines = body.split("\n")
    text, squeezed_title = "", _SPACE_RE.sub("", title)
    for index, line in enumerate(lines[: MAX_LINES_ABOVE + 1]):
        if index == len(lines) - 1 or len(line) > MAX_CHROME_LINE_CHARS:
            break
        text = text or squeezed_text()
        head, squeezed = text.find(squeezed_title), _SPACE_RE.sub("", line)
        at = text.find(squeezed) if squeezed else -1
        if not 0 <= at < head:
            break
        label = len(line) <= MAX_LABEL_ABOVE_CHARS and is_page_label(line)
        if not (label or text.find(squeezed, head + len(squeezed_title)) < 0):
            break
    else:
        index = 0
    return "\n".join(lines[index:]) if index else body


MAX_LINES_ABOVE = 3  # a ticker, a section label, a source line over the headline
MAX_LABEL_ABOVE_CHARS = 20


def _wall_clock(declared: dt.datetime | None, printed: dt.datetime | None) -> dt.datetime | None:
    """The declared time, or the printed one when the declared one, read in UTC, has its digits.

    Convention: many Korean CMSes write the local wall-clock time into JSON-LD and meta with a UTC
    offset (``2025-07-01T23:50:00+00:00`` for a page that prints ``입력 2025.07.01 23:50``): the
    same digits in UTC are the KST time mislabelled, not a time nine hours later.
    """
    if declared is None or printed is None or is_date_only(printed) or is_date_only(declared):
        return declared
    in_utc = declared.astimezone(dt.UTC).replace(tzinfo=None)
    return printed if in_utc == printed.replace(tzinfo=None) and declared != printed else declared


def _printed_day(declared: dt.datetime | None, printed: dt.datetime | None) -> dt.datetime | None:
    """The declared time, or the printed one when the page prints its own labelled date (``입력``,
    ``등록일``, ``작성일``) by the headline on another day.

    Convention: what a reader sees by the headline is the date the newsroom or board stands by;
    a CMS may fill ``article:published_time`` or JSON-LD from a record's last change, or leave the
    template's stock date in it (the same ``2021-03-15`` on every page), and nobody sees those.
    """
    declared_kst, printed_kst = as_kst(declared), as_kst(printed)
    if declared_kst is None or printed_kst is None or declared_kst.date() == printed_kst.date():
        return declared
    return printed


def _with_time(published: dt.datetime | None, others: Sequence[dt.datetime | None]) -> dt.datetime | None:
    """A day without a time (meta ``2024-05-03``) takes the time another source gives for that day."""
    if published is None or not is_date_only(published):
        return published
    same_day = (o for o in others if o is not None and not is_date_only(o) and o.date() == published.date())
    return next(same_day, published)


def _without_chrome_after(body: str, squeezed_text: Callable[[], str]) -> str:
    """``body`` without closing lines that the page prints only above the text's first line.

    Convention: a page reads in order, its text after its header. trafilatura, recovering what its
    main container left out, may append a header's pieces after the text: a breaking-news ticker
    over the headline, the tool row under it (``기사 듣기 스크랩 인쇄``). A line the page prints only
    before the text begins is no part of it. Only short closing lines, a few at most, and never a
    sentence: a body whose first line is chrome printed after the text (a post's neighbours taken
    in from an old layout table) would otherwise lose its own text.
    """
    lines = body.split("\n")
    if len(lines) < 2:
        return body
    text = squeezed_text()
    start = text.find(_SPACE_RE.sub("", lines[0])[:_OPENING_PROBE])
    if start <= 0:
        return body
    end = len(lines)
    while end > 1 and len(lines) - end < MAX_CHROME_LINES_AFTER:
        line = _SPACE_RE.sub("", lines[end - 1])
        short = len(lines[end - 1]) <= MAX_CHROME_LINE_CHARS and not is_sentence(lines[end - 1])
        at = text.find(line) if line and short else -1
        if not (0 <= at < start and text.find(line, start) < 0):
            break
        end -= 1
    return "\n".join(lines[:end]) if end < len(lines) else body


MAX_CHROME_LINES_AFTER, MAX_CHROME_LINE_CHARS, _OPENING_PROBE = 4, 80, 30


def _headline_date(head: str, top: str, tail: str, before: str) -> dt.datetime | None:
    """An unlabelled date near the headline: between the headline and the body (a date line under
    the headline, ``2024.05.03 15:12 조회 123``), else on a byline or archive dateline in the body's
    first lines, just after the body or just above the headline (``홍길동 기자 | 2024.05.03``,
    ``[한빛일보] 2019-03-04 12면``). Dates elsewhere (sidebars' most-read lists, footers, dates
    mentioned in the article's prose) never count."""
    date_lines = "\n".join(line for line in head.splitlines() if len(line) <= DATE_LINE_CHARS)
    strict = (find_unlabelled_date(text, datelines_only=True) for text in (top, tail, before))
    # a short line under the headline is a date line; a date inside a longer line (a sub-headline's
    # "6월 1일부터 접수") counts only after every labelled date (``_dates``)
    found = find_unlabelled_date(date_lines) or next(filter(None, strict), None)
    # a line that is a date and nothing else among the body's first lines: the header's date line,
    # printed under a deck the extractor took into the text
    found = found or find_unlabelled_date("\n".join(BARE_DATE_LINE_RE.findall(top)))
    short_lines = "\n".join(
        line for line in (*head.splitlines(), *top.splitlines()) if len(line) <= DATE_LINE_CHARS
    )
    return found or find_short_stamp(short_lines)


def _article_regions(page_text: str, body: str, title: str | None) -> tuple[str, str, str, str]:
    """The page text around the article: (headline to body start, the body's first lines, the
    body's last lines and those just after it, the lines just above the headline); empty when
    not found."""
    start = _find_title(page_text, title)
    # past the headline: a lead may open with the headline's words (``가온 도시철도 2호선 1단계 …``)
    past = (
        start + len(title) if title and start >= 0 and page_text.startswith(title, start) else max(start, 0)
    )
    body_start = _body_start(page_text, body, past)
    if body_start < 0 < start:  # the body opens above the headline as found
        body_start = _body_start(page_text, body, 0)
    if body_start < 0 <= start:  # a text the page does not print (pictures' words): under the headline
        return page_text[start : _line_end(page_text, start, HEAD_LINES)][:HEAD_CHARS], "", "", ""
    if body_start < 0:
        return "", "", "", ""
    if start < 0 or start > body_start:  # headline not printed as picked: the few lines above the body
        start = _line_start(page_text, body_start, HEAD_LINES)
    head_end = _line_end(page_text, body_start, BYLINE_PROBE_LINES)
    end = _body_end(page_text, body)
    tail = ""
    if end >= body_start:  # the body's own last lines (a byline as its last paragraph) and those after it
        last_lines = page_text[max(body_start, _line_start(page_text, end, BYLINE_PROBE_LINES - 1)) : end]
        tail = last_lines[-HEAD_CHARS:] + page_text[end : _line_end(page_text, end, BYLINE_PROBE_LINES)]
    before = page_text[_line_start(page_text, start, HEAD_LINES) : start]
    head = page_text[start:body_start][:HEAD_CHARS]
    return head, page_text[body_start:head_end][:HEAD_CHARS], tail[: 2 * HEAD_CHARS], before[-HEAD_CHARS:]


def _body_start(page_text: str, body: str, start: int) -> int:
    """Where one of the body's first lines (bullets dropped) is printed at or after ``start``."""
    lines = (line.lstrip("-•·* ") for line in body.splitlines()[:BODY_START_LINES])
    probes = [line[:MIN_PROBE_CHARS] for line in lines if len(line) >= MIN_PROBE_CHARS]
    return next((found for found in (page_text.find(p, start) for p in probes) if found >= 0), -1)


def _find_title(page_text: str, title: str | None) -> int:
    """Where the headline is printed: the whole title, else its opening words."""
    if not title:
        return -1
    found = page_text.find(title)
    return found if found >= 0 or len(title) < MIN_PROBE_CHARS else page_text.find(title[:MIN_PROBE_CHARS])


def _line_start(text: str, index: int, lines: int) -> int:
    """The start of the line ``lines`` lines above the one holding ``index``."""
    for _ in range(lines + 1):
        index = text.rfind("\n", 0, index)
        if index < 0:
            return 0
    return index + 1


def _line_end(text: str, index: int, lines: int) -> int:
    """The end of the ``lines``-th line from ``index`` on."""
    for _ in range(lines):
        found = text.find("\n", index + 1)
        if found < 0:
            return len(text)
        index = found
    return index


def _authors(
    meta: PageMeta, raw_body: str, regions: Callable[[], tuple[str, str, str, str]]
) -> tuple[str, ...]:
    """Names from JSON-LD/meta authors, then bylines at the top or bottom of the body, else a
    byline between the headline and the body.

    Convention: papers print the reporter in the article's header, on the info line under the
    headline (``홍길동 기자 | 입력 2024.05.03``), which is no part of the text trafilatura gives.
    """
    lines = raw_body.splitlines()
    probe = lines[:BYLINE_PROBE_LINES] + lines[-BYLINE_PROBE_LINES:]
    groups = [clean_author(a) for a in meta.authors] + [byline_names(fold(line)) for line in probe]
    names = merge_authors(groups, exclude=meta.site_names)
    if not names:
        head = regions()[0].splitlines()[: BYLINE_PROBE_LINES * 2]
        names = merge_authors([header_byline_names(fold(line)) for line in head], exclude=meta.site_names)
    return tuple(n for n in names if not ORG_NAME_RE.search(n))


def _listing(meta: PageMeta, links: list[Anchor], common: dict[str, Any]) -> ExtractedPage:
    """An index page: its article links and the page's own title."""
    raw_title = next(iter(meta.titles), None) or meta.title_tag
    title = listing_title(raw_title, meta.site_names)
    urls = tuple(dict.fromkeys(clean_link(a.url) for a in links))
    return ExtractedPage(kind="listing", title=title, body="", links=urls, **common)


def _absolute(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL."""
    text = str(url or "").strip()
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.netloc else None
