"""RSS 2.0, RSS 1.0 and Atom feeds, and XML sitemaps: entry links with their dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from parsel import Selector

from nlp.dates import KST
from nlp.decode import normalize_charset

_XML_DECL_RE = re.compile(rb"""<\?xml[^>]*?encoding=["']([A-Za-z0-9_.:-]+)""")


@dataclass(frozen=True, slots=True)
class Entry:
    """A link a feed or sitemap lists, with its date when one is given."""

    url: str
    date: dt.datetime | None = None


def xml_document(body: bytes, declared: str | None = None) -> Selector:
    """An XML selector with namespaces removed (``news:``, ``dc:``, Atom's default).

    The charset is the one the response declared, else the XML declaration's, else UTF-8.
    """
    match = _XML_DECL_RE.match(body[:200].lstrip())
    label = declared or (match.group(1).decode("ascii") if match else None)
    page = Selector(body=body, type="xml", encoding=normalize_charset(label) or "utf-8", huge_tree=True)
    page.remove_namespaces()
    return page


def feed_entries(page: Selector, base_url: str) -> list[Entry]:
    """Items of an RSS or Atom feed: link and date (Atom ``updated`` over ``published``)."""
    entries: list[Entry] = []
    for item in page.xpath("//item"):
        link = item.xpath("link/text()").get() or _permalink(item)
        date = item.xpath("pubDate/text()").get() or item.xpath("date/text()").get()
        if link and link.strip():
            entries.append(Entry(urljoin(base_url, link.strip()), parse_feed_date(date)))
    for item in page.xpath("//entry"):
        link = item.xpath("link[@rel='alternate' or not(@rel)]/@href").get()
        date = item.xpath("updated/text()").get() or item.xpath("published/text()").get()
        if link and link.strip():
            entries.append(Entry(urljoin(base_url, link.strip()), parse_feed_date(date)))
    return entries


def sitemap_entries(page: Selector, base_url: str) -> tuple[list[str], list[Entry]]:
    """A sitemap's child sitemaps (for an index) and its page entries (news date over lastmod)."""
    children = [urljoin(base_url, u.strip()) for u in page.xpath("//sitemap/loc/text()").getall()]
    entries: list[Entry] = []
    for url in page.xpath("//url"):
        loc = url.xpath("loc/text()").get()
        date = url.xpath("news/publication_date/text()").get() or url.xpath("lastmod/text()").get()
        if loc and loc.strip():
            entries.append(Entry(urljoin(base_url, loc.strip()), parse_feed_date(date)))
    return children, entries


def is_feed(page: Selector) -> bool:
    """True for an RSS or Atom document."""
    return page.xpath("name(/*)").get() in ("rss", "RDF", "feed")


def parse_feed_date(text: str | None) -> dt.datetime | None:
    """An aware datetime from RFC 822 or ISO 8601 text (no zone: Asia/Seoul), or None."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    return value if value.tzinfo else value.replace(tzinfo=KST)


def _permalink(item: Selector) -> str | None:
    guid = item.xpath("guid[not(@isPermaLink='false')]/text()").get()
    return guid if guid and guid.strip().startswith(("http://", "https://")) else None
