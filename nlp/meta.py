"""Page metadata: meta tags, JSON-LD, ``data-*`` date attributes and ``<time>`` elements."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import html

from nlp.dates import parse_date

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
     "opinionnewsarticle", "backgroundnewsarticle", "report", "scholarlyarticle", "posting"}
)  # fmt: skip
PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "og:regdate", "og:pubdate", "pubdate", "publishdate", "publish-date", "publish_date",
    "datepublished", "article.published", "sailthru.date", "parsely-pub-date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "date", "news_date", "regdate",
    "article:created_time", "created", "nv:news:date",
)  # fmt: skip
MODIFIED_KEYS = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "datemodified", "dc.date.modified", "dcterms.modified", "lastmod", "last-modified", "moddate",
)  # fmt: skip
TITLE_KEYS = ("headline", "og:title", "twitter:title", "title", "dc.title", "taboola:title")
SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "al:ios:app_name")
IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "image")
AUTHOR_KEYS = ("author", "article:author", "byl", "dable:author", "dc.creator", "sailthru.author")

_DATA_DATE_RE = re.compile(r"^data-[\w-]*(?:date|[-_]dt|time|stamp)[\w-]*$")
_DATA_SKIP_RE = re.compile(r"promotion|start|end|expire|server|now|current|event|birth|width|height")
_DATA_MODIFIED_RE = re.compile(r"modif|update|re-?deploy|edit|last|revis")
_DATA_AUTHOR_RE = re.compile(r"^data-[\w-]*(?:writer|author|byline|reporter)[\w-]*name[\w-]*$")


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
    time_element: dt.datetime | None = None
    authors: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    canonical: str | None = None
    is_article: bool = False


def collect_meta(tree: html.HtmlElement) -> PageMeta:
    """Read meta tags, JSON-LD, ``data-*`` dates and ``<time>`` elements of one page."""
    metas = meta_values(tree)
    articles = [obj for obj in json_ld_objects(tree) if _is_article(obj)]
    found = PageMeta(
        titles=_ld_strings(articles, "headline") + _first_values(metas, TITLE_KEYS),
        title_tag=_clean(tree.findtext(".//title")),
        h1s=[t for t in (_clean(h.text_content()) for h in tree.iter("h1")) if t],
        site_names=_site_names(tree, metas),
        description=_first(metas, ("og:description", "description", "twitter:description")),
        authors=_ld_authors(articles) + _first_values(metas, AUTHOR_KEYS) + _attribute_authors(tree),
        images=_first_values(metas, IMAGE_KEYS) + _ld_images(articles),
        canonical=_canonical(tree, metas),
        is_article=bool(articles) or (_first(metas, ("og:type",)) or "").lower() == "article",
    )
    found.published, found.modified = _dates(tree, metas, articles)
    found.time_element = _time_element_date(tree)
    return found


def meta_values(tree: html.HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased property / name / itemprop, in page order."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = _clean(meta.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                values.setdefault(key, []).append(content)
    return values


def json_ld_objects(tree: html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, ``@graph`` and lists flattened."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        objects.extend(_flatten(data))
    return objects


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Yield the dicts of a JSON-LD value, walking lists and ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten(data.get("@graph"))


def _is_article(obj: dict[str, Any]) -> bool:
    """True for JSON-LD objects typed as an article."""
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds)


def _dates(
    tree: html.HtmlElement, metas: dict[str, list[str]], articles: list[dict[str, Any]]
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Published and modified times: meta tags, JSON-LD, then ``data-*`` attributes."""
    attr_published, attr_modified = _attribute_dates(tree)
    published = (
        _parse_first(_first_values(metas, PUBLISHED_KEYS))
        or _parse_first(_ld_strings(articles, "datePublished") + _ld_strings(articles, "dateCreated"))
        or attr_published
    )
    modified = (
        _parse_first(_first_values(metas, MODIFIED_KEYS))
        or _parse_first(_ld_strings(articles, "dateModified"))
        or attr_modified
    )
    return published, modified


def _attribute_dates(tree: html.HtmlElement) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Dates in attributes such as ``data-date-time`` or ``data-deploy-dt``."""
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    for element in tree.iter():
        for name, value in element.attrib.items():
            name = name.lower()
            if not _DATA_DATE_RE.match(name) or _DATA_SKIP_RE.search(name):
                continue
            parsed = parse_date(value)
            if parsed is None:
                continue
            if _DATA_MODIFIED_RE.search(name):
                modified = modified or parsed
            else:
                published = published or parsed
    return published, modified


def _time_element_date(tree: html.HtmlElement) -> dt.datetime | None:
    """The first ``<time datetime>`` (or ``pubdate``) value on the page."""
    for time in tree.iter("time"):
        parsed = parse_date(time.get("datetime") or "")
        if parsed is not None:
            return parsed
    return None


def _attribute_authors(tree: html.HtmlElement) -> list[str]:
    """Names in attributes such as ``data-byline-writer-name``."""
    names: list[str] = []
    for element in tree.iter():
        for name, value in element.attrib.items():
            if _DATA_AUTHOR_RE.match(name.lower()) and value.strip():
                names.append(value.strip())
    return names


def _site_names(tree: html.HtmlElement, metas: dict[str, list[str]]) -> list[str]:
    """Site names from meta tags and JSON-LD publisher / WebSite names."""
    names = _first_values(metas, SITE_KEYS)
    for obj in json_ld_objects(tree):
        kinds = obj.get("@type")
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
        if kinds in ("WebSite", "Organization", "NewsMediaOrganization") and isinstance(obj.get("name"), str):
            names.append(obj["name"])
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _canonical(tree: html.HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """``<link rel=canonical>`` or ``og:url``."""
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and (link.get("href") or "").strip():
            return str(link.get("href")).strip()
    return _first(metas, ("og:url", "twitter:url"))


def _ld_strings(objects: list[dict[str, Any]], key: str) -> list[str]:
    """String values of ``key`` across JSON-LD objects."""
    return [obj[key].strip() for obj in objects if isinstance(obj.get(key), str) and obj[key].strip()]


def _ld_authors(objects: list[dict[str, Any]]) -> list[str]:
    """Author names of JSON-LD articles (strings, objects or lists of them)."""
    names: list[str] = []
    for obj in objects:
        authors = obj.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, dict):
                author = author.get("name")
            if isinstance(author, str) and author.strip():
                names.append(author.strip())
    return names


def _ld_images(objects: list[dict[str, Any]]) -> list[str]:
    """Image URLs of JSON-LD articles."""
    urls: list[str] = []
    for obj in objects:
        images = obj.get("image")
        for image in images if isinstance(images, list) else [images]:
            if isinstance(image, dict):
                image = image.get("url")
            if isinstance(image, str) and image.strip():
                urls.append(image.strip())
    return urls


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
