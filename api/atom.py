"""Atom 1.0 documents (RFC 4287) from plain values: pure, no database, no HTTP.

Built as an element tree and serialised by xml.etree, never by joining strings: `<`, `&` and
`]]>` in any text are escaped by the serialiser. What it cannot escape, XML 1.0 cannot carry
at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF), so those are dropped first.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

from nlp.dates import KST
from nlp.urls import is_public_http_url

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
GENERATOR = "newsdesk"
# what XML 1.0 allows in a document (its `Char` production); everything else is removed
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Atom as the default namespace (<feed xmlns=…>, not <ns0:feed>); the registry is process-wide,
# and this prefix is the one any module would want for Atom
ET.register_namespace("", ATOM)


@dataclass(frozen=True, slots=True)
class Entry:
    """One article as a feed entry."""

    url: str  # the article's key: its entry id is derived from it, so the id never changes
    title: str
    updated: dt.datetime
    published: dt.datetime | None = None
    summary: str = ""
    author: str | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed: its own address (the self link, and the source of its id), title and entries."""

    self_url: str
    title: str
    updated: dt.datetime
    entries: Sequence[Entry] = field(default_factory=tuple)
    subtitle: str | None = None


def xml_text(text: str | None) -> str:
    """`text` with the characters XML 1.0 cannot hold removed (escaping is the serialiser's)."""
    return _NOT_XML.sub("", text or "")


def urn(key: str) -> str:
    """A stable id for `key` (an article's canonical URL, a feed's address): a name-based UUID URN,
    the same on every run and every machine, valid wherever a URI is."""
    return uuid.uuid5(uuid.NAMESPACE_URL, xml_text(key)).urn  # xml_text: a lone surrogate has no UTF-8


def timestamp(when: dt.datetime) -> str:
    """RFC 3339 in Korean time, as readers here expect it: 2025-12-01T09:00:00+09:00."""
    return when.astimezone(KST).isoformat(timespec="seconds")


def render(feed: Feed) -> bytes:
    """The feed as a UTF-8 Atom document with its XML declaration."""
    root = ET.Element(f"{{{ATOM}}}feed")
    _text(root, "id", urn(feed.self_url))
    _text(root, "title", feed.title)
    if feed.subtitle:
        _text(root, "subtitle", feed.subtitle)
    _text(root, "updated", timestamp(feed.updated))
    self_link = {"rel": "self", "type": "application/atom+xml", "href": xml_text(feed.self_url)}
    ET.SubElement(root, f"{{{ATOM}}}link", self_link)
    # a feed-level author, so an entry without an outlet still has one (RFC 4287 §4.1.1)
    _text(ET.SubElement(root, f"{{{ATOM}}}author"), "name", GENERATOR)
    _text(root, "generator", GENERATOR)
    for entry in feed.entries:
        _entry(root, entry)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


def _entry(root: ET.Element, entry: Entry) -> None:
    node = ET.SubElement(root, f"{{{ATOM}}}entry")
    _text(node, "id", urn(entry.url))
    _text(node, "title", entry.title)
    _text(node, "updated", timestamp(entry.updated))
    if entry.published is not None:
        _text(node, "published", timestamp(entry.published))
    if entry.author:
        _text(ET.SubElement(node, f"{{{ATOM}}}author"), "name", entry.author)
    for term in entry.categories:
        if xml_text(term).strip():
            ET.SubElement(node, f"{{{ATOM}}}category", term=xml_text(term))
    if is_public_http_url(entry.url):
        ET.SubElement(node, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=xml_text(entry.url))
        _text(node, "summary", entry.summary, type="text")
    else:
        # no public address to link (a saved file, a local server): an entry without an
        # alternate link must carry content instead (RFC 4287 §4.1.2)
        _text(node, "content", entry.summary, type="text")


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    node.text = xml_text(text)
    return node
