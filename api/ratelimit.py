"""Per-client rate limit: a token bucket per address, refilled continuously."""

from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    """Allows `per_minute` requests per client with bursts up to the same number."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._clock = time.monotonic
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> float:
        """0 when the request may go ahead, else the seconds to wait."""
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return math.ceil((1 - tokens) / self.rate) if self.rate else 60.0
