"""Articles shipped inside scripts for JS-rendered pages.

``embedded_html``: article HTML in a JSON string (Next.js flight data, hydration state).
``embedded_article``: an article given as data (JSON-LD ``articleBody``, Arc XP
``Fusion.globalContent``, Next.js ``__NEXT_DATA__``, Nuxt 3 ``__NUXT_DATA__``): headline,
paragraphs, dates, authors.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html as htmllib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree, html

from nlp.blocks import block_text
from nlp.dates import KST, MIN_YEAR, parse_date
from nlp.devalue import is_devalue, unflatten
from nlp.titles import fold

MIN_RAW_CHARS = 400
_STRING_RE = re.compile(r'"((?:[^"\\]|\\.){' + str(MIN_RAW_CHARS) + r',})"', re.DOTALL)
_TAG_RE = re.compile(r"<(?:p|br|div|h[2-4])\b", re.IGNORECASE)


def embedded_html(tree: html.HtmlElement) -> str | None:
    """The longest HTML fragment found in a JSON string inside an inline script, if any."""
    best: str | None = None
    best_size = 0
    for script in tree.iter("script"):
        if script.get("src") or "ld+json" in (script.get("type") or "").lower():
            continue
        for fragment in _html_strings(script.text or ""):
            size = len(_text_of(fragment))
            if size > best_size:
                best, best_size = fragment, size
    return best


def _html_strings(code: str) -> list[str]:
    """JSON string literals in ``code`` that decode to HTML with paragraphs."""
    found: list[str] = []
    for match in _STRING_RE.finditer(code):
        value = _unescape(match.group(1))
        if value and value.lstrip().startswith("<") and len(_TAG_RE.findall(value)) >= 2:
            found.append(value)
    return found


def _unescape(literal: str) -> str | None:
    """Decode a JSON string body; a second pass when it was escaped twice."""
    try:
        value = str(json.loads(f'"{literal}"'))
    except ValueError:
        return None
    if '\\"' in value or "\\u003c" in value:
        with contextlib.suppress(ValueError):
            value = str(json.loads(f'"{value}"'))
    return value


def _text_of(fragment: str) -> str:
    """Visible text of an HTML fragment."""
    try:
        return str(html.fragment_fromstring(fragment, create_parent="div").text_content())
    except (ValueError, TypeError):
        return ""


# --- structured articles in scripts ---------------------------------------------------------------
#
# Client-rendered news pages ship the article as data: the HTML holds menus and an empty container.
# The rules below follow published conventions (JSON-LD, Arc XP's ANS, Next.js, Redux/React-Query
# hydration, WordPress REST, Portable Text, Contentful rich text), never a particular site.

MIN_ARTICLE_CHARS = 100  # body text an embedded object needs before it counts as an article
MIN_TITLE_MATCH = 6  # characters a headline and a page title must share to be the same story
MAX_DEPTH = 6  # nesting followed inside one body value (blocks of blocks of spans)
# Arc XP Fusion: `Fusion.globalContent = {...};` is the page's ANS document. Redux-style hydration
# (`window.__INITIAL_STATE__ = {...}`, `__PRELOADED_STATE__`, `__APOLLO_STATE__`) holds state trees.
_ASSIGNMENT_RE = re.compile(
    r"(?:\bFusion\.globalContent|\b__(?:INITIAL|PRELOADED)_STATE__|\b__APOLLO_STATE__)\s*=\s*(?=[{\[])"
)
MAX_ASSIGNMENTS = 4  # assignments decoded per script: the state is assigned once; bounds a hostile script
_DECODER = json.JSONDecoder(strict=False)
_HTML_TAG_RE = re.compile(r"<(?:[a-zA-Z][\w-]*|/[a-zA-Z][\w-]*)[^<>]*>")
# Key names, lower-cased without ``_``/``-``: ``published_at``, ``publishedAt`` and ``PublishedAt`` agree.
# schema.org `headline`, ANS `headlines`, CMS `title`/`subject`, Korean CMS `newsTitle`/`articleTitle`.
TITLE_KEYS = ("headline", "headlines", "title", "articletitle", "newstitle", "subject", "heading")
# schema.org `articleBody`, ANS `content_elements`, CMS `body`/`content`/`html`, WordPress `content`,
# Portable Text / Contentful / editor.js `blocks`.
BODY_KEYS = (
    "articlebody", "contentelements", "body", "bodyhtml", "content", "contents", "contenthtml",
    "articlecontent", "newscontent", "articletext", "bodytext", "html", "text", "blocks", "paragraphs",
)  # fmt: skip
_TITLE_NAMES, _BODY_NAMES = frozenset(TITLE_KEYS), frozenset(BODY_KEYS)
# ANS `display_date` (the date shown as published) and `first_publish_date`; schema.org
# `datePublished`/`dateCreated`; JS `publishedAt`/`createdAt`; Korean CMS `regDate`/`inputDate`;
# WordPress REST `date`.
PUBLISHED_KEYS = (
    "displaydate", "firstpublishdate", "firstpublishedat", "datepublished", "publishedat", "publisheddate",
    "publishedtime", "publishdate", "pubdate", "datecreated", "createdat", "createddate", "regdate",
    "inputdate", "writedate", "date",
)  # fmt: skip
# Convention: Korean Spring/eGovFrame back ends name date columns `REG_DT`, `INPUT_DT`, `WRT_DT`,
# `FRST_REGIST_PNTTM` (a registration, input or write time) and their JSON camelCases them (`regDt`,
# `registDate`, `insDt`); publication-like names (registration, insert/input, write, create, publish,
# article/news/service/send date) in either form are the published time. Modification columns
# (`UPD_DT`, `MOD_DT`, `LAST_UPDT_PNTTM`) never are; they are the modified time. Keys as `_keys`
# normalises them; read after the names above, and only when the value parses as a date.
_PUBLISHED_KEY_RE = re.compile(
    r"(?:first|frst)?(?:reg|regist|register|registered|registration|ins|insert|inserted|inp|input|wrt|"
    r"write|writ|written|cre|crt|create|created|creation|pub|publish|published|article|news|service|svc|"
    r"send|sent|snd)(?:dt|dttm|date|datetime|time|ymd|pnttm|at)"
)
_MODIFIED_KEY_RE = re.compile(
    r"(?:last)?(?:upd|updt|update|updated|mod|modi|modify|modified|edit|edited|chg|change|changed)"
    r"(?:dt|dttm|date|datetime|time|ymd|pnttm|at)"
)
# ANS `last_updated_date`; schema.org `dateModified`; JS `updatedAt`/`modifiedAt`; WordPress `modified`.
MODIFIED_KEYS = (
    "lastupdateddate", "datemodified", "updatedat", "modifiedat", "updateddate", "modifieddate",
    "lastmodified", "modified", "updated", "updatedate", "modifydate",
)  # fmt: skip
# ANS `credits.by[].name`; schema.org `author`; CMS `reporter(s)`/`writer(s)`/`byline`.
AUTHOR_KEYS = ("credits", "author", "authors", "byline", "reporter", "reporters", "writer", "writers")
# ANS `subheadlines.basic`; CMS `subtitle`/`subheadline`/`deck`/`standfirst`.
LEAD_KEYS = ("subheadlines", "subheadline", "subtitle", "subhead", "deck", "standfirst")
# Inner keys of a value given as an object: ANS `{"basic": …}`, WordPress REST `{"rendered": …}`.
WRAPPER_KEYS = ("basic", "rendered", "html", "text", "value")
# Where a content block keeps its text: ANS `content`, Portable Text/Contentful spans `text`/`value`.
BLOCK_TEXT_KEYS = ("content", "text", "html", "value", "body", "rendered")
# Where a block keeps nested blocks or spans: ANS list `items`, Portable Text `children`,
# Contentful `content`, generic `blocks`/`elements`.
BLOCK_CHILD_KEYS = ("items", "children", "content", "contentelements", "blocks", "elements")
# Inline runs of one paragraph: Portable Text `children: [{"_type": "span", "text": …}]`, Contentful
# `content: [{"nodeType": "text", "value": …}]` (ANS list `items` are whole paragraphs instead).
INLINE_CHILD_KEYS = ("children", "content")
SPAN_TEXT_KEYS = ("text", "value")
# Block type keys: ANS/editor.js `type`, Portable Text `_type`, Contentful `nodeType`, GraphQL `__typename`.
BLOCK_TYPE_KEYS = ("type", "_type", "nodetype", "__typename", "blocktype", "kind")
# Blocks that are not article text: images and their captions, media, embeds, ads, raw HTML,
# ANS `interstitial_link`, related-article links.
_SKIP_BLOCK_RE = re.compile(
    r"image|photo|picture|gallery|video|audio|embed|iframe|interstitial|related|caption|figure|tweet|"
    r"promo|banner|advert|(?:^|[_\-\s])(?:raw|script|ads?)(?:$|[_\-\s])"
)
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# HTML elements whose text is not article text: HTML5 figure/figcaption (photos and captions), media.
_SKIP_HTML_TAGS = ("figure", "figcaption", "script", "style", "noscript", "iframe", "video", "audio")


@dataclass(frozen=True, slots=True)
class EmbeddedArticle:
    """An article found in a page's script data; datetimes are aware (Asia/Seoul)."""

    title: str | None
    paragraphs: tuple[str, ...]
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    lead: str | None = None

    @property
    def body(self) -> str:
        """The paragraphs, one a line."""
        return "\n".join(self.paragraphs)

    def found_in(self, text: str) -> bool:
        """True when ``text`` holds this article: the middle of one of its first paragraphs."""
        folded = fold(text)
        probes = sorted(self.paragraphs[:5], key=len, reverse=True)[:3]
        middles = (p[max(0, len(p) // 2 - 10) : len(p) // 2 + 10] for p in probes)
        return any(len(m) >= 8 and m in folded for m in middles)


def embedded_article(
    tree: html.HtmlElement, ld_articles: Iterable[dict[str, Any]] = (), page_titles: Iterable[str] = ()
) -> EmbeddedArticle | None:
    """The article shipped as data in the page's scripts, without running them: the longest one,
    preferring the page's own (JSON-LD, the ``Fusion.globalContent`` document) and those whose
    headline the page's titles (``og:title``, ``<title>``, h1) carry, since state trees also hold
    related and popular stories.

    Reads JSON-LD articles' ``articleBody`` (``ld_articles``: the JSON-LD article objects
    ``nlp.meta`` already parsed; their headline and dates are meta's), JSON data blocks
    (``<script type="application/json">``, Next.js ``__NEXT_DATA__``, Nuxt 3's flat
    ``__NUXT_DATA__``) and state assigned in inline scripts (Arc XP ``Fusion.globalContent``,
    ``__INITIAL_STATE__``). Malformed JSON is skipped. One pass over each script's text and one
    walk over each decoded tree.
    """
    own = [a for a in (_json_ld_article(obj) for obj in ld_articles) if a]
    candidates = list(own)
    for script in tree.iter("script"):
        if script.get("src"):
            continue
        for data, is_page_content in _script_data(script):
            root, found = _articles_in(data)
            if is_page_content and root is not None:
                own.append(root)
            candidates.extend(found)
    if not candidates:
        return None
    hints = [_squeeze(t) for t in page_titles if t]
    owned = {id(a) for a in own}

    def rank(a: EmbeddedArticle) -> tuple[bool, int, bool]:
        return (id(a) in owned or _title_matches(a.title, hints), _size(a.paragraphs), a.title is not None)

    return max(candidates, key=rank)


def _title_matches(title: str | None, hints: list[str]) -> bool:
    """True when one of the page's titles holds the headline (or the headline holds it)."""
    headline = _squeeze(title or "")
    if len(headline) < MIN_TITLE_MATCH:
        return False
    return any(headline in hint or (len(hint) >= 2 * MIN_TITLE_MATCH and hint in headline) for hint in hints)


def _squeeze(text: str) -> str:
    """Text without whitespace, for comparing titles however they were spaced."""
    return "".join(htmllib.unescape(text).split())


def _json_ld_article(obj: dict[str, Any]) -> EmbeddedArticle | None:
    """schema.org Article/NewsArticle `articleBody` with its `headline` (to rank it against other
    candidates); dates and authors are left to meta, which reads them from the same object."""
    paragraphs = _text_paragraphs(obj.get("articleBody"))
    return EmbeddedArticle(_line(obj.get("headline")), paragraphs) if _long_enough(paragraphs) else None


def _script_data(script: html.HtmlElement) -> list[tuple[Any, bool]]:
    """The JSON values a script carries: a whole JSON data block, or objects assigned in its code;
    each with whether it is the page's own content (Arc XP: `Fusion.globalContent` is the page's
    ANS document, while other state trees also hold related stories)."""
    kind = (script.get("type") or "").lower()
    code = script.text or ""
    if "ld+json" in kind or not code.strip():
        return []
    if kind.endswith("json"):
        # HTML data blocks: <script type="application/json"> (Next.js `__NEXT_DATA__`, others).
        try:
            data = json.loads(code, strict=False)
            if is_devalue(data, script.get("id") or ""):
                data = unflatten(data)  # Nuxt 3's flat payload
        except (ValueError, RecursionError):  # malformed, or nested deeper than Python's stack
            return []
        return [(data, False)]
    found: list[tuple[Any, bool]] = []
    end = tries = 0
    for match in _ASSIGNMENT_RE.finditer(code):
        if match.start() < end:
            continue  # inside a value already decoded
        tries += 1
        if tries > MAX_ASSIGNMENTS:
            break
        # `X = {...};` or `X = {...}` at the end of the script: decode one JSON value, ignore the rest.
        with contextlib.suppress(ValueError, RecursionError):
            value, end = _DECODER.raw_decode(code, match.end())
            found.append((value, match.group().startswith("Fusion")))
    return found


def _articles_in(data: Any) -> tuple[EmbeddedArticle | None, list[EmbeddedArticle]]:
    """The tree's root read as an article, and every object in it that looks like an article
    (a headline and a long body), the root included.

    The article sits at a site-specific depth (``props.pageProps.article``,
    ``dehydratedState.queries[0].state.data``, the ANS root…), so every dict is tried.
    """
    root: EmbeddedArticle | None = None
    found: list[EmbeddedArticle] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            article = _article_of(value)
            if article is not None:
                root = article if value is data else root
                found.append(article)
            stack.extend(v for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend(v for v in value if isinstance(v, dict | list))
    return root, found


def _article_of(obj: dict[str, Any]) -> EmbeddedArticle | None:
    """An article read from one object by key-name conventions, or ``None``."""
    keys = _keys(obj)
    if _BODY_NAMES.isdisjoint(keys) or _TITLE_NAMES.isdisjoint(keys):
        return None
    bodies = (_paragraphs(obj[keys[k]], 0) for k in BODY_KEYS if k in keys)
    paragraphs = max(bodies, key=_size, default=())
    title = _first_line(obj, keys, TITLE_KEYS) if _long_enough(paragraphs) else None
    if title is None:
        return None
    return EmbeddedArticle(
        title=title, paragraphs=paragraphs,
        published=_first_date(obj, keys, PUBLISHED_KEYS, _PUBLISHED_KEY_RE),
        modified=_first_date(obj, keys, MODIFIED_KEYS, _MODIFIED_KEY_RE),
        authors=_authors(obj, keys), lead=_first_line(obj, keys, LEAD_KEYS),
    )  # fmt: skip


def _first_line(obj: dict[str, Any], keys: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` holding text (directly or in a wrapper object), as one plain line."""
    for name in names:
        if name in keys:
            text = _line(_unwrap(obj[keys[name]]))
            if text:
                return text
    return None


def _first_string(obj: dict[str, Any], keys: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` whose value is a string."""
    for name in names:
        value = obj[keys[name]] if name in keys else None
        if isinstance(value, str):
            return value
    return None


def _keys(obj: dict[str, Any]) -> dict[str, str]:
    """The object's keys by their normalised name (lower case, no ``_`` or ``-``)."""
    return {_normal_key(k): k for k in obj if isinstance(k, str)}


@functools.lru_cache(maxsize=4096)
def _normal_key(key: str) -> str:
    """``published_at``, ``publishedAt``, ``Published-At`` → ``publishedat`` (key names repeat: cached)."""
    return key.replace("_", "").replace("-", "").lower()


def _unwrap(value: Any) -> Any:
    """A value given as an object with one text field: ANS ``{"basic": …}``, WordPress ``{"rendered": …}``."""
    return _first_string(value, _keys(value), WRAPPER_KEYS) if isinstance(value, dict) else value


def _paragraphs(value: Any, depth: int) -> tuple[str, ...]:
    """Paragraph texts of a body value: a string (HTML or plain), a wrapper object or a list of blocks."""
    if depth > MAX_DEPTH:
        return ()
    if isinstance(value, str):
        return _text_paragraphs(value)
    if isinstance(value, list):
        return tuple(p for block in value for p in _block_paragraphs(block, depth + 1))
    if isinstance(value, dict):
        inner = _unwrap(value)
        if isinstance(inner, str):
            return _text_paragraphs(inner)
        keys = _keys(value)
        # Contentful rich text / Portable Text documents: `{"content": [blocks]}`, `{"blocks": [...]}`.
        for key in BLOCK_CHILD_KEYS:
            if key in keys and isinstance(value[keys[key]], list):
                return _paragraphs(value[keys[key]], depth + 1)
    return ()


def _block_paragraphs(block: Any, depth: int) -> tuple[str, ...]:
    """The paragraphs of one content block, in order; none for images, ads, embeds and raw HTML."""
    if isinstance(block, str):
        return _text_paragraphs(block)
    if not isinstance(block, dict) or depth > MAX_DEPTH:
        return ()
    keys = _keys(block)
    kind = _CAMEL_RE.sub("_", _first_string(block, keys, BLOCK_TYPE_KEYS) or "").lower()
    # Arc XP ANS: content_elements of type text/header (and list items) in order; image, raw_html,
    # interstitial_link, video and ad elements are skipped. Same for other block editors' types.
    if _SKIP_BLOCK_RE.search(kind):
        return ()
    text = _first_string(block, keys, BLOCK_TEXT_KEYS)
    if text is not None:
        return _text_paragraphs(text)
    for key in BLOCK_CHILD_KEYS:
        children = block.get(keys[key]) if key in keys else None
        if not isinstance(children, list):
            continue
        if key in INLINE_CHILD_KEYS and all(_is_span(c) for c in children):
            line = fold("".join(_inline_text(c) for c in children))
            return (line,) if line else ()
        return tuple(p for child in children for p in _block_paragraphs(child, depth + 1))
    return ()


def _is_span(child: Any) -> bool:
    """An inline run: a dict with its text under ``text``/``value`` and no nested blocks."""
    if not isinstance(child, dict):
        return False
    keys = _keys(child)
    nested = any(k in keys and isinstance(child[keys[k]], list) for k in BLOCK_CHILD_KEYS)
    return not nested and _first_string(child, keys, SPAN_TEXT_KEYS) is not None


def _inline_text(span: dict[str, Any]) -> str:
    """The text of an inline span (Portable Text `text`, Contentful `value`)."""
    text = _first_string(span, _keys(span), SPAN_TEXT_KEYS) or ""
    return htmllib.unescape(_HTML_TAG_RE.sub("", text))


def _text_paragraphs(value: Any) -> tuple[str, ...]:
    """Paragraphs of a text value: HTML split at block elements (figures dropped), plain text at lines."""
    if not isinstance(value, str) or not value.strip():
        return ()
    lines = _html_lines(value) if _HTML_TAG_RE.search(value) else htmllib.unescape(value).splitlines()
    return tuple(line for line in (fold(line) for line in lines) if line)


def _html_lines(fragment: str) -> list[str]:
    """Lines of an HTML fragment, one a block element or ``<br>``."""
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, TypeError, etree.ParserError):
        return htmllib.unescape(_HTML_TAG_RE.sub("\n", fragment)).splitlines()
    for node in list(root.iter(*_SKIP_HTML_TAGS)):
        node.drop_tree()
    return block_text(root).splitlines()


def _line(value: Any) -> str | None:
    """A string value as one plain line (tags stripped, entities decoded, whitespace folded)."""
    return " ".join(_text_paragraphs(value)) or None


def _size(paragraphs: tuple[str, ...]) -> int:
    """Characters of text in ``paragraphs``."""
    return sum(len(p) for p in paragraphs)


def _long_enough(paragraphs: tuple[str, ...]) -> bool:
    """Enough text to be an article body rather than a teaser or a caption."""
    return _size(paragraphs) >= MIN_ARTICLE_CHARS


def _first_date(
    obj: dict[str, Any], keys: dict[str, str], names: tuple[str, ...], pattern: re.Pattern[str]
) -> dt.datetime | None:
    """The first of ``names`` whose value is a date: a date string (naive means KST) or epoch time;
    then the first key (in the object's order) whose normalised name ``pattern`` matches in full."""
    matching = (k for k in keys if k not in names and pattern.fullmatch(k))
    for name in (*(n for n in names if n in keys), *matching):
        value = _date_value(obj[keys[name]])
        if value is not None:
            return value
    return None


def _date_value(value: Any) -> dt.datetime | None:
    """A date string via ``parse_date``; an int is Unix time in seconds or (13 digits) milliseconds."""
    if isinstance(value, str):
        return parse_date(value.strip())
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        seconds = value / 1000 if value >= 10**11 else value
        try:
            stamp = dt.datetime.fromtimestamp(seconds, KST)
        except (OverflowError, OSError, ValueError):
            return None
        return stamp if MIN_YEAR <= stamp.year <= dt.datetime.now(KST).year + 1 else None
    return None


def _authors(obj: dict[str, Any], keys: dict[str, str]) -> tuple[str, ...]:
    """Names under author-like keys: strings, ``{"name": …}`` objects, lists of them, ANS ``credits.by``."""
    names: list[str] = []
    for key in AUTHOR_KEYS:
        if key not in keys:
            continue
        value = obj[keys[key]]
        if isinstance(value, dict) and isinstance(value.get("by"), list):
            value = value["by"]  # ANS credits: {"by": [{"name": …}]}
        for item in value if isinstance(value, list) else [value]:
            name = item.get("name") if isinstance(item, dict) else item
            text = _line(name)
            if text and len(text) <= 60:
                names.append(text)
    return tuple(dict.fromkeys(names))
