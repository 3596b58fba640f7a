"""Which addresses a submitted URL may reach: public ones only, checked after DNS, on every hop.

Errors::

    StoreError
     └── FetchError       the page could not be fetched (timeout, size, HTTP status, DNS)
          ├── UnsafeURL   refused before connecting: not http(s), credentials, or a non-public address
          └── Declined    fetched or fetchable, but not ours to take: robots.txt says no, not a web page
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from nlp.urls import IPAddress, unsafe_reason
from store import StoreError

Resolver = Callable[[str, int], Sequence[str]]


class FetchError(StoreError):
    """The page could not be fetched."""


class UnsafeURL(FetchError):
    """Refused before connecting: the URL or the address it resolves to is not allowed."""


class Declined(FetchError):
    """Not ours to take: robots.txt disallows it, or it is not a web page."""


@dataclass(frozen=True, slots=True)
class Target:
    """A URL taken apart for one request: ASCII host, port, and the request path."""

    url: str
    scheme: str
    host: str
    port: int
    path: str

    @property
    def origin(self) -> str:
        """scheme://host[:port], brackets around an IPv6 literal, the default port left out."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return f"{self.scheme}://{host}" + ("" if self.port == default else f":{self.port}")


def parse_target(url: str) -> Target:
    """Split a URL for fetching; only http and https, no credentials, an ASCII (IDNA) host."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise UnsafeURL(f"not a valid URL: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsafeURL(f"only http and https URLs can be fetched, not {scheme or 'a relative URL'!r}")
    if not parts.hostname:
        raise UnsafeURL("the URL has no host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURL("URLs with credentials are refused")
    try:
        host = (
            parts.hostname.encode("idna").decode("ascii") if not parts.hostname.isascii() else parts.hostname
        )
    except UnicodeError:
        raise UnsafeURL(f"not a valid host name: {parts.hostname!r}") from None
    safe = "/%:@!$&'()*+,;=-._~"
    path = quote(parts.path or "/", safe=safe) + (
        f"?{quote(parts.query, safe=safe + '?')}" if parts.query else ""
    )
    return Target(url.strip(), scheme, host, port or (443 if scheme == "https" else 80), path)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the host resolves to (an address literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve {host}: {error}") from None
    return list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))


@dataclass(frozen=True, slots=True)
class AddressGuard:
    """Public addresses only; loopback when allowed (tests), optionally for the first hops only."""

    allow_loopback: bool = False
    loopback_hops: int | None = None

    def refusal(self, ip: IPAddress, hop: int) -> str | None:
        """Why this hop may not connect to `ip`, or None when it may."""
        reason = unsafe_reason(ip)
        hop_allowed = self.loopback_hops is None or hop < self.loopback_hops
        if reason == "loopback" and self.allow_loopback and hop_allowed:
            return None
        return reason

    def vet(self, target: Target, hop: int, resolve: Resolver = resolve_host) -> str:
        """The address to connect to; every resolved address must pass, or UnsafeURL."""
        addresses = resolve(target.host, target.port)
        if not addresses:
            raise FetchError(f"{target.host} resolves to no address")
        for text in addresses:
            reason = self.refusal(ipaddress.ip_address(text), hop)
            if reason is not None:
                where = "the URL" if hop == 0 else f"redirect {hop}"
                raise UnsafeURL(f"refused: {where} points at {text} ({target.host}), a {reason} address")
        return addresses[0]
