"""Per-client rate limit: `per_minute` requests per client address.

Without Redis, a token bucket per address in this process's memory, refilled continuously: with
`serve --workers N` each process limits on its own, so a client gets up to N times the rate.
With Redis (`NEWSDESK_REDIS_URL`, or a `redis://` broker URL), one sliding window per address
shared by every process: at most `per_minute` requests in any 60 seconds, across all of them.
That is one short script call per limited request, made on the event loop like the searches
(a fraction of a millisecond to a nearby Redis; `REDIS_TIMEOUT` at worst, then fail open).
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from itertools import count
from typing import TypeAlias

import redis
from starlette.types import Scope

from api.proxies import peer_is_trusted
from newsdesk.settings import Network

MAX_CLIENTS = 100_000  # buckets kept; beyond it, those refilled to full are forgotten
WINDOW_MS = 60_000
REDIS_TIMEOUT = 0.25  # seconds for a connect or an answer; then the request goes ahead
REDIS_PAUSE = 5.0  # after a Redis error, requests go ahead unchecked this long before trying again

log = logging.getLogger("newsdesk.ratelimit")


class RateLimiter:
    """Allows `per_minute` requests per client with bursts up to the same number, in memory."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> int:
        """0 when the request may go ahead, else the whole seconds to wait (at least 1)."""
        now = self._clock()
        with self._lock:
            if client not in self._buckets and len(self._buckets) >= MAX_CLIENTS:
                self._forget_full(now)
            tokens = self._tokens(client, now)
            allowed = tokens >= 1
            self._buckets[client] = (tokens - 1 if allowed else tokens, now)
            return 0 if allowed else max(1, math.ceil((1 - tokens) / self.rate))

    def _tokens(self, client: str, now: float) -> float:
        tokens, last = self._buckets.get(client, (self.capacity, now))
        return min(self.capacity, tokens + (now - last) * self.rate)

    def _forget_full(self, now: float) -> None:
        """A full bucket is the same as no bucket: drop those to bound memory."""
        for client in [c for c in self._buckets if self._tokens(c, now) >= self.capacity]:
            del self._buckets[client]


# One call, atomic on the server: drop the window's expired requests, count the rest, admit this
# one if there is room (a sorted set of admitted requests scored by Redis's own clock in ms, so
# processes on different machines agree). Returns 0, or the milliseconds until the oldest
# request leaves the window. Refused requests are not recorded: a flood costs no memory.
SLIDING_WINDOW = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
"""


class RedisRateLimiter:
    """Allows `per_minute` requests per client in any 60 s, counted in Redis for every process
    that shares `url` and `prefix`. When Redis fails, requests go ahead (fail open) and a
    warning is logged; the next attempt is `REDIS_PAUSE` seconds later."""

    def __init__(
        self,
        url: str,
        per_minute: int,
        prefix: str = "newsdesk:",
        clock: Callable[[], float] = time.monotonic,
        window_ms: int = WINDOW_MS,  # tests shorten it
    ) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self.window_ms = window_ms
        self.prefix = prefix + "ratelimit:"
        self._clock = clock
        self._redis = redis.Redis.from_url(
            url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
        )
        self._script = self._redis.register_script(SLIDING_WINDOW)
        self._ids = count()
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def check(self, client: str) -> int:
        """0 when the request may go ahead, else the whole seconds to wait (at least 1)."""
        if self._clock() < self._paused_until:
            return 0
        member = f"{os.getpid()}-{next(self._ids)}-{time.time_ns()}"  # unique per request
        try:
            wait_ms = int(
                self._script(keys=[self.prefix + client], args=[self.window_ms, self.per_minute, member])
            )
        except redis.RedisError as error:
            with self._lock:
                if self._clock() >= self._paused_until:
                    log.warning(
                        "rate limit not applied for %.0f s: Redis failed (%s: %s)",
                        REDIS_PAUSE, type(error).__name__, error,
                    )  # fmt: skip
                    self._paused_until = self._clock() + REDIS_PAUSE
            return 0
        return 0 if wait_ms <= 0 else max(1, math.ceil(wait_ms / 1000))

    def close(self) -> None:
        self._redis.close()


Limiter: TypeAlias = RateLimiter | RedisRateLimiter


def make_limiter(per_minute: int, redis_url: str | None, prefix: str = "newsdesk:") -> Limiter | None:
    """None when the limit is off (0); shared through Redis when a URL is given, else in memory."""
    if not per_minute:
        return None
    if redis_url:
        return RedisRateLimiter(redis_url, per_minute, prefix)
    return RateLimiter(per_minute)


def client_key(scope: Scope, trusted: Sequence[Network] = ()) -> str:
    """The address a request is limited by: the connection's peer, unless the peer is a trusted
    proxy; then the nearest address in X-Forwarded-For that is not itself a trusted proxy.

    Read from the right: each proxy appends the address it was connected from, so only the
    entries after the last untrusted hop were written by proxies we trust; anything further
    left is whatever the client chose to send. An entry that is not an address ends the walk
    at the trusted hop that passed it on.
    """
    client = scope.get("client")
    peer = str(client[0]) if client else "unknown"
    if not peer_is_trusted(scope, trusted):
        return peer
    hops = [
        hop.strip()
        for name, value in scope.get("headers", ())
        if name.lower() == b"x-forwarded-for"
        for hop in value.decode("latin-1").split(",")
    ]
    key = peer
    for hop in reversed(hops):
        address = _hop_address(hop)
        if address is None:
            return key
        key = str(address)
        if not any(address in network for network in trusted):
            return key
    return key


_WITH_PORT = re.compile(r"\[(?P<v6>[0-9A-Fa-f:.]+)\](?::[0-9]+)?|(?P<v4>[0-9.]+):[0-9]+")


def _hop_address(hop: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An X-Forwarded-For entry as an address: bare, or with the port some proxies add
    (`203.0.113.7:51234`, `[2001:db8::1]:443`); None for anything else."""
    with_port = _WITH_PORT.fullmatch(hop)
    if with_port:
        hop = with_port["v6"] or with_port["v4"]
    try:
        return ipaddress.ip_address(hop)
    except ValueError:
        return None
