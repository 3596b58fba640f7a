"""Per-client rate limit: a token bucket per address, refilled continuously."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

MAX_CLIENTS = 100_000  # buckets kept; beyond it, those refilled to full are forgotten


class RateLimiter:
    """Allows `per_minute` requests per client with bursts up to the same number."""

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
