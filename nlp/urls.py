"""Canonical URLs: one article, one key, whatever tracking or paging was appended; and which URLs
may be published (linked from an export): absolute http(s) ones on public hosts."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Collection
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_CHECKS = (
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_unspecified", "unspecified"),
    ("is_reserved", "reserved"),
    ("is_private", "private"),
)
# names that only ever mean a machine on this host or this network, never a public site
LOCAL_NAMES = ("localhost", "local", "localdomain", "internal", "intranet", "lan", "home", "home.arpa")
# characters that never belong in a URL we store or write into HTML or Markdown (spaces, controls, <>)
_BAD_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f<>\"\\]")
# a host whose last label is a number is read as an IPv4 address by browsers (0x7f.1, 2130706433)
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")

# Tracking, paging and search-state parameters that never identify an article.
DROP_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "ref", "referer",
        "from", "pageindex", "page", "pageno", "pagesize", "srchword", "srchtype", "searchword",
        "searchtype", "searchkeyword", "sword", "stype", "startdate", "enddate", "sortorder",
        "listtype", "rowsperpage", "cpage", "mode", "sns", "share", "output", "period",
    }
)  # fmt: skip


def canonical_url(url: str, drop: Collection[str] = ()) -> str:
    """Lower-case scheme and host, no fragment, no tracking or paging parameters, nor any
    parameter named (lower-case) in `drop`: a site's own list state, from its sources entry."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return urlunsplit(parts._replace(fragment=""))
    query = sorted(  # ?oid=1&aid=2 and ?aid=2&oid=1 are one article
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in DROP_PARAMS and k.lower() not in drop
    )
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", urlencode(query), ""))


def is_http_url(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host, no credentials, and no space, control or ``<>``."""
    if not url or _BAD_URL_CHARS.search(url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return False
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.hostname)
        and parts.username is None
        and parts.password is None
    )


def is_public_http_url(url: str | None) -> bool:
    """True for an http(s) URL a reader anywhere can open: not loopback, private or link-local, not
    ``localhost`` nor a ``.local``-style name, not a one-label host. No DNS: names are taken as named."""
    if not url or not is_http_url(url):
        return False
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    try:
        return unsafe_reason(ipaddress.ip_address(host)) is None
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) < 2 or _NUMERIC_LABEL.match(labels[-1]):
        return False
    return not any(host == name or host.endswith("." + name) for name in LOCAL_NAMES)


def unsafe_reason(ip: IPAddress) -> str | None:
    """Why an address is not a public one (loopback, private, link-local, …), or None."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            return unsafe_reason(inner)
    for attribute, label in _CHECKS:
        if getattr(ip, attribute):
            return label
    return None if ip.is_global else "non-public"
