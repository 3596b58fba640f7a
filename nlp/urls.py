"""Canonical URLs: one article, one key, whatever tracking or paging was appended."""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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
