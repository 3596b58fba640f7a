"""Fetch one URL an editor submitted, now, within the crawler's limits, and ingest it.

Every hop (the URL and each redirect) is parsed, resolved and vetted by an AddressGuard, and the
connection goes to the vetted address, so a second DNS answer cannot swap in a private one.
Size cap, a deadline for the whole fetch, bounded redirects, robots.txt (read by Protego, as
Scrapy reads it for crawls) and a per-host delay follow the crawler's defaults.
Errors: see ingest.fetch_guard (FetchError, UnsafeURL, Declined).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass, replace
from email.message import Message
from urllib.parse import urljoin

from protego import Protego

from ingest.fetch_guard import (
    AddressGuard,
    Declined,
    FetchError,
    Resolver,
    Target,
    parse_target,
    resolve_host,
)
from ingest.pipeline import Origin, Outcome, ingest
from newsdesk.settings import ROBOTS_AGENT, user_agent
from nlp.digest import DigestOptions
from store.db import Database

REDIRECTS = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")
SUBMISSION_PURPOSE = "Korean policy-news crawler; editor submission"
_CLOCK = threading.Lock()
_NEXT_TURN: dict[str, float] = {}


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """The crawler's limits for one fetch: bytes, a deadline, redirects, politeness."""

    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 30.0
    max_redirects: int = 5
    host_delay: float = 1.0
    robots: bool = True
    html_only: bool = True
    user_agent: str = ""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: the final URL after redirects, its bytes and declared charset."""

    url: str
    body: bytes
    charset: str | None
    content_type: str
    hops: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: Message
    body: bytes


def fetch(url: str, limits: FetchLimits, guard: AddressGuard, resolve: Resolver = resolve_host) -> Fetched:
    """GET `url`, following at most `limits.max_redirects` redirects, each hop vetted by `guard`."""
    deadline = time.monotonic() + limits.timeout
    hops: list[str] = []
    current = url
    for hop in range(limits.max_redirects + 1):
        target = parse_target(current)
        address = guard.vet(target, hop, resolve)
        hops.append(target.url)
        if limits.robots and not robots_allow(target, limits, guard, resolve):
            raise Declined(f"robots.txt of {target.host} does not allow fetching {target.url}")
        _wait_turn(target.host, limits.host_delay, deadline)
        answer = _get(target, address, limits, deadline)
        location = answer.headers.get("Location")
        if answer.status in REDIRECTS and location:
            current = urljoin(target.url, location.strip())
            continue
        return _accepted(target, answer, limits, tuple(hops))
    raise FetchError(f"too many redirects (more than {limits.max_redirects})")


def _accepted(target: Target, answer: _Answer, limits: FetchLimits, hops: tuple[str, ...]) -> Fetched:
    """The final answer, when it is a success and (for pages) HTML."""
    if answer.status >= 400 or answer.status < 200:
        raise FetchError(f"HTTP {answer.status} from {target.url}")
    content_type = answer.headers.get_content_type() if answer.headers.get("Content-Type") else "text/html"
    if limits.html_only and content_type not in HTML_TYPES:
        raise Declined(f"not a web page: {target.url} is {content_type}")
    return Fetched(target.url, answer.body, answer.headers.get_content_charset(), content_type, hops)


def robots_allow(target: Target, limits: FetchLimits, guard: AddressGuard, resolve: Resolver) -> bool:
    """What the host's robots.txt says for our agent; a missing or broken one allows (as Scrapy does)."""
    robots_url = f"{target.origin}/robots.txt"
    small = replace(limits, max_bytes=500_000, robots=False, host_delay=0.0, html_only=False)
    try:
        got = fetch(robots_url, small, guard, resolve)
    except FetchError:
        return True
    return bool(Protego.parse(got.body.decode("utf-8", "replace")).can_fetch(target.url, ROBOTS_AGENT))


def _wait_turn(host: str, delay: float, deadline: float) -> None:
    """Keep `delay` seconds between requests to one host, across concurrent submissions."""
    with _CLOCK:
        now = time.monotonic()
        start = max(now, _NEXT_TURN.get(host, 0.0))
        _NEXT_TURN[host] = start + delay
    if start > deadline:
        raise FetchError(f"timed out waiting for a turn at {host}")
    time.sleep(start - now)


class PinnedHTTP(http.client.HTTPConnection):
    """Connects to the address that was vetted, whatever a later DNS answer says."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPS(PinnedHTTP):
    """HTTPS to the vetted address, certificate checked against the host name."""

    def connect(self) -> None:
        super().connect()
        self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


def _get(target: Target, address: str, limits: FetchLimits, deadline: float) -> _Answer:
    """One GET to the vetted address; the body is read only for non-redirects, within the caps."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"timed out after {limits.timeout:g} s")
    kind = PinnedHTTPS if target.scheme == "https" else PinnedHTTP
    connection = kind(target.host, target.port, address, timeout=remaining)
    headers = {
        "User-Agent": limits.user_agent or user_agent(purpose=SUBMISSION_PURPOSE),
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5",
        "Accept-Encoding": "identity",
    }
    try:
        connection.request("GET", target.path, headers=headers)
        response = connection.getresponse()
        body = b"" if response.status in REDIRECTS else _read(response, limits, deadline)
        return _Answer(response.status, response.msg, body)
    except TimeoutError:
        raise FetchError(f"timed out after {limits.timeout:g} s fetching {target.url}") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"could not fetch {target.url}: {error}") from None
    finally:
        connection.close()


def _read(response: http.client.HTTPResponse, limits: FetchLimits, deadline: float) -> bytes:
    """The body, refused past `max_bytes` (declared or actual) or past the deadline."""
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"response larger than the {limits.max_bytes}-byte cap")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(65536):
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"response larger than the {limits.max_bytes}-byte cap")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {limits.timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def submit(
    db: Database,
    url: str,
    limits: FetchLimits,
    guard: AddressGuard,
    options: DigestOptions | None = None,
    resolve: Resolver = resolve_host,
) -> Outcome:
    """Fetch `url` safely and ingest it (extract, summarise, index, draft) in one transaction."""
    fetched = fetch(url, limits, guard, resolve)
    return ingest(db, fetched.body, Origin(url=fetched.url, charset=fetched.charset), options)
