"""Page metadata: meta tags, JSON-LD, ``data-*`` date attributes and ``<time>`` elements."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree, html

from nlp.dates import from_epoch, parse_date

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
     "opinionnewsarticle", "backgroundnewsarticle", "report", "scholarlyarticle", "posting"}
)  # fmt: skip
PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "og:regdate", "og:pubdate", "pubdate", "publishdate", "publish-date", "publish_date",
    "datepublished", "article.published", "sailthru.date", "parsely-pub-date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "news_date", "regdate",
    "article:created_time", "nv:news:date",
)  # fmt: skip
# Convention: a site's layout can carry one generic stamp on every page (``<meta name="date"
# content="2023-01-02">``, the template's own); it dates a page only after a labelled date printed
# by its headline (``게시일 2025-11-20``)
GENERIC_DATE_KEYS = ("dc.date", "date", "created")
MODIFIED_KEYS = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "datemodified", "dc.date.modified", "dcterms.modified", "lastmod", "last-modified", "moddate",
)  # fmt: skip
TITLE_KEYS = ("headline", "og:title", "twitter:title", "title", "dc.title", "taboola:title")
SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "al:ios:app_name")
IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "image")
AUTHOR_KEYS = ("author", "article:author", "byl", "dable:author", "dc.creator", "sailthru.author")

_DATA_DATE_RE = re.compile(r"^data-[\w-]*(?:date|[-_]dt|time|stamp)[\w-]*$|^data-(?:[\w-]*[-_])?ts$")
_DATA_SKIP_RE = re.compile(r"promotion|start|end|expire|server|now|current|event|birth|width|height")
_DATA_MODIFIED_RE = re.compile(r"modif|update|re-?deploy|edit|last|revis")
_DATA_AUTHOR_RE = re.compile(r"^data-[\w-]*(?:writer|author|byline|reporter)[\w-]*name[\w-]*$")
_DATA_XPATH = etree.XPath("//@*[starts-with(name(), 'data-')]")


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself, before reading its body."""

    titles: list[str] = field(default_factory=list)
    title_tag: str | None = None
    h1s: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    description: str | None = None
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    stamped: dt.datetime | None = None  # a generic meta date (``GENERIC_DATE_KEYS``)
    time_element: dt.datetime | None = None
    authors: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    canonical: str | None = None
    is_article: bool = False
    keywords: list[str] = field(default_factory=list)
    ld_articles: list[dict[str, Any]] = field(default_factory=list)  # JSON-LD article objects, parsed once


def collect_meta(tree: html.HtmlElement) -> PageMeta:
    """Read meta tags, JSON-LD, ``data-*`` dates and ``<time>`` elements of one page.

    One walk over the few tags that carry metadata, and one XPath for ``data-*`` attributes.
    """
    metas: dict[str, list[str]] = {}
    objects: list[dict[str, Any]] = []
    title_tag: str | None = None
    seen_title = False
    h1s: list[str] = []
    canonical: str | None = None
    time_element: dt.datetime | None = None
    time_in_article: dt.datetime | None = None
    for element in tree.iter("meta", "script", "title", "h1", "link", "time"):
        tag = element.tag
        if tag == "meta":
            _add_meta(metas, element)
        elif tag == "script":
            objects.extend(_ld_objects(element))
        elif tag == "h1":
            text = _clean(element.text_content())
            if text:
                h1s.append(text)
        elif tag == "title" and not seen_title:
            seen_title, title_tag = True, _clean(element.text)
        elif tag == "link" and canonical is None:
            canonical = _canonical_link(element)
        elif tag == "time" and time_in_article is None and not _modified_time(element):
            value = parse_date(element.get("datetime") or "")
            place = _time_place(element) if value is not None else "aside"
            if place == "article":
                time_in_article = value
            elif place == "page" and time_element is None:
                time_element = value
    if time_in_article is None and time_element is None:
        time_element = _relative_time_title(tree)
    articles = [obj for obj in objects if _is_article(obj)]
    data_dates, data_authors = _data_attributes(tree)
    found = PageMeta(
        titles=_ld_strings(articles, "headline") + _first_values(metas, TITLE_KEYS),
        title_tag=title_tag,
        h1s=h1s,
        site_names=_site_names(objects, metas),
        description=_first(metas, ("og:description", "description", "twitter:description")),
        authors=_ld_authors(articles) + _first_values(metas, AUTHOR_KEYS) + data_authors,
        images=_first_values(metas, IMAGE_KEYS) + _ld_images(articles),
        canonical=canonical or _first(metas, ("og:url", "twitter:url")),
        is_article=bool(articles) or (_first(metas, ("og:type",)) or "").lower() == "article",
        time_element=time_in_article or time_element,
        keywords=_keywords(metas, articles),
        ld_articles=articles,
    )
    found.published, found.modified = _dates(metas, articles, data_dates)
    found.stamped = _parse_first(_first_values(metas, GENERIC_DATE_KEYS))
    return found


def _add_meta(values: dict[str, list[str]], meta: html.HtmlElement) -> None:
    """File one ``<meta>`` content under each of its keys."""
    content = _clean(meta.get("content"))
    if not content:
        return
    for attr in ("property", "name", "itemprop", "http-equiv"):
        key = (meta.get(attr) or "").strip().lower()
        if key:
            values.setdefault(key, []).append(content)


def _ld_objects(script: html.HtmlElement) -> list[dict[str, Any]]:
    """The JSON-LD objects of one ``<script>`` (none unless it is ``ld+json``)."""
    if "ld+json" not in (script.get("type") or "").lower():
        return []
    text = script.text or ""
    try:
        data = json.loads(text, strict=False)
    except ValueError:
        # Convention: hand-written templates leave a comma before a closing brace (``…",}``) and
        # wrap the block in an HTML comment; browsers and search engines' readers forgive both
        try:
            data = json.loads(_TRAILING_COMMA_RE.sub(r"\1", _COMMENT_WRAP_RE.sub("", text)), strict=False)
        except (ValueError, RecursionError):
            return []
    except RecursionError:
        return []
    return list(_flatten(data))


_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
_COMMENT_WRAP_RE = re.compile(r"^\s*(?://\s*)?<!--|(?://\s*)?-->\s*$|^\s*<!\[CDATA\[|\]\]>\s*$")


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Yield the dicts of a JSON-LD value, walking lists and ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten(data.get("@graph"))


def _relative_time_title(tree: html.HtmlElement) -> dt.datetime | None:
    """The absolute time behind the first relative one the page prints (``3시간 전``), outside asides.

    Convention: a page that shows readers a relative time keeps the absolute one in the element's
    ``title`` tooltip (``<span title="2025-06-26 14:03">3시간 전</span>``); the text alone says no day.
    """
    for element in _TITLED_XPATH(tree):
        if not _RELATIVE_TIME_RE.match(element.text_content() or ""):
            continue
        value = parse_date(element.get("title") or "")
        if value is not None and _time_place(element) != "aside":
            return value
    return None


_TITLED_XPATH = etree.XPath("//body//*[@title and string-length(normalize-space(@title)) <= 40]")
_RELATIVE_TIME_RE = re.compile(
    r"^\s*(?:(?:입력|등록|수정|작성|게시)\s*[:：]?\s*)?(?:\d{1,3}\s*(?:초|분|시간|일|주|개월|달)\s*전|방금(?:\s*전)?|어제)\s*$"
)


def _is_article(obj: dict[str, Any]) -> bool:
    """True for JSON-LD objects typed as an article."""
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds)


def _modified_time(element: html.HtmlElement) -> bool:
    """A ``<time>`` its class or ``itemprop`` marks as the last change, not the publication.

    Convention: WordPress themes print both stamps as ``<time>`` (``<time class="updated">`` and
    ``<time class="entry-date published">``), some the updated one first; schema.org's microdata
    names them ``dateModified`` and ``datePublished``.
    """
    marks = f"{element.get('class') or ''} {element.get('itemprop') or ''}".lower()
    return bool(_MODIFIED_MARKS_RE.search(marks)) and "published" not in marks


_MODIFIED_MARKS_RE = re.compile(r"(?:^|[\s_-])(?:updated|modified|datemodified)(?:$|[\s_-])")


def _time_place(element: html.HtmlElement) -> str:
    """``aside`` for a ``<time>`` inside ``<aside>`` or ``<nav>``, or a page ``<footer>`` (HTML5
    sectioning: those dates belong to other content); ``article`` inside ``<article>``/``<main>``
    (an article's own footer included); else ``page``."""
    tags = {ancestor.tag for ancestor in element.iterancestors("article", "main", "aside", "nav", "footer")}
    if tags & {"aside", "nav"}:
        return "aside"
    if tags & {"article", "main"}:
        return "article"
    return "aside" if "footer" in tags else "page"


def _dates(
    metas: dict[str, list[str]], articles: list[dict[str, Any]], data_dates: list[tuple[str, str]]
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Published and modified times: meta tags, JSON-LD, then ``data-*`` attributes."""
    published = _parse_first(_first_values(metas, PUBLISHED_KEYS)) or _parse_first(
        _ld_strings(articles, "datePublished") + _ld_strings(articles, "dateCreated")
    )
    modified = _parse_first(_first_values(metas, MODIFIED_KEYS)) or _parse_first(
        _ld_strings(articles, "dateModified")
    )
    if published is None or modified is None:
        attr_published, attr_modified = _attribute_dates(data_dates)
        published, modified = published or attr_published, modified or attr_modified
    return published, modified


def _data_attributes(tree: html.HtmlElement) -> tuple[list[tuple[str, str]], list[str]]:
    """``data-*`` attributes naming a date (``data-date-time``, ``data-deploy-dt``) or an author."""
    dates: list[tuple[str, str]] = []
    authors: list[str] = []
    for value in _DATA_XPATH(tree):
        name = str(value.attrname).lower()
        if _DATA_DATE_RE.match(name) and not _DATA_SKIP_RE.search(name):
            dates.append((name, str(value)))
        if _DATA_AUTHOR_RE.match(name) and value.strip():
            authors.append(value.strip())
    return dates, authors


def _attribute_dates(data_dates: list[tuple[str, str]]) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The first published-like and modified-like ``data-*`` dates, in page order."""
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    for name, value in data_dates:
        parsed = from_epoch(value) or parse_date(value)
        if parsed is None:
            continue
        if _DATA_MODIFIED_RE.search(name):
            modified = modified or parsed
        else:
            published = published or parsed
    return published, modified


def _keywords(metas: dict[str, list[str]], articles: list[dict[str, Any]]) -> list[str]:
    """The page's keywords (``<meta name=keywords>``, ``news_keywords``, JSON-LD ``keywords``)."""
    values = _first_values(metas, ("keywords", "news_keywords")) + _ld_strings(articles, "keywords")
    words = (w.strip() for value in values for w in re.split(r"[,;]", value))
    return list(dict.fromkeys(w for w in words if w))


def _site_names(objects: list[dict[str, Any]], metas: dict[str, list[str]]) -> list[str]:
    """Site names from meta tags and JSON-LD publisher / WebSite names."""
    names = _first_values(metas, SITE_KEYS)
    for obj in objects:
        kinds = obj.get("@type")
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
        if kinds in ("WebSite", "Organization", "NewsMediaOrganization") and isinstance(obj.get("name"), str):
            names.append(obj["name"])
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _canonical_link(link: html.HtmlElement) -> str | None:
    """The href of a ``<link rel=canonical>``."""
    if (link.get("rel") or "").strip().lower() == "canonical" and (link.get("href") or "").strip():
        return str(link.get("href")).strip()
    return None


def _ld_strings(objects: list[dict[str, Any]], key: str) -> list[str]:
    """String values of ``key`` across JSON-LD objects."""
    return [obj[key].strip() for obj in objects if isinstance(obj.get(key), str) and obj[key].strip()]


def _ld_named(objects: list[dict[str, Any]], key: str, inner: str) -> list[str]:
    """Strings under ``key`` of JSON-LD articles, given as strings, objects (``inner``) or lists."""
    found: list[str] = []
    for obj in objects:
        values = obj.get(key)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict):
                value = value.get(inner)
            if isinstance(value, str) and value.strip():
                found.append(value.strip())
    return found


def _ld_authors(objects: list[dict[str, Any]]) -> list[str]:
    """Author names of JSON-LD articles."""
    return _ld_named(objects, "author", "name")


def _ld_images(objects: list[dict[str, Any]]) -> list[str]:
    """Image URLs of JSON-LD articles."""
    return _ld_named(objects, "image", "url")


def _first_values(metas: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    """All values for ``keys``, in key order."""
    return [value for key in keys for value in metas.get(key, [])]


def _first(metas: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    """The first value for ``keys``."""
    values = _first_values(metas, keys)
    return values[0] if values else None


def _parse_first(values: list[str]) -> dt.datetime | None:
    """The first value that parses as a date."""
    for value in values:
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
    return None


def _clean(text: str | None) -> str | None:
    """Whitespace folded; ``None`` for empty."""
    folded = re.sub(r"\s+", " ", text or "").strip()
    return folded or None
