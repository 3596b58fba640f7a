"""What a trusted reverse proxy tells the API: the scheme and host the client really used.

Behind a proxy that ends TLS, the API sees `http://127.0.0.1:8000/search.atom`, but a feed's
self link and id must be the address the reader subscribed to. The `X-Forwarded-Proto` and
`X-Forwarded-Host` headers say it, and are believed only from a peer in
`NEWSDESK_TRUSTED_PROXIES`, the same rule as X-Forwarded-For for rate limits
(`api.ratelimit.client_key`): anyone else could write them.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence

from starlette.requests import Request
from starlette.types import Scope

from newsdesk.settings import Network

# a host name or bracketed IPv6 address, with an optional port: nothing that could break out of a URL
_HOST = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9-]{1,63}(?::[0-9]{1,5})?"
    r"|\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?"
)


def peer_is_trusted(scope: Scope, trusted: Sequence[Network]) -> bool:
    """The connection's peer is one of the trusted proxies (never for a non-IP peer)."""
    client = scope.get("client")
    if not trusted or not client:
        return False
    try:
        address = ipaddress.ip_address(str(client[0]))
    except ValueError:  # not an IP peer (a Unix socket, a test client): nothing to trust
        return False
    return any(address in network for network in trusted)


def public_url(request: Request, trusted: Sequence[Network]) -> str:
    """The request's URL as the client wrote it: with the forwarded scheme and host when the
    peer is a trusted proxy (the nearest proxy's value: the first of a comma-separated list is
    what the outermost proxy saw, and only it faces the client)."""
    url = request.url
    if not peer_is_trusted(request.scope, trusted):
        return str(url)
    proto = _first(request.headers.get("x-forwarded-proto", "")).lower()
    host = _first(request.headers.get("x-forwarded-host", ""))
    if proto in ("http", "https"):
        url = url.replace(scheme=proto)
    if host and _HOST.fullmatch(host):
        url = url.replace(netloc=host)
    return str(url)


def _first(value: str) -> str:
    return value.split(",")[0].strip()
