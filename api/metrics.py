"""Prometheus text exposition (request counts, a latency histogram, pages by state), and the
ASGI middleware that observes every request and applies the per-client rate limit."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response
from api.ratelimit import RateLimiter

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """In-process counters; thread-safe, cheap to update on every request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[tuple[str, str, int]] = Counter()
        self.buckets: Counter[tuple[str, float]] = Counter()
        self.sums: defaultdict[str, float] = defaultdict(float)
        self.counts: Counter[str] = Counter()

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(method, route, status)] += 1
            self.sums[route] += seconds
            self.counts[route] += 1
            for bound in BUCKETS:
                if seconds <= bound:
                    self.buckets[(route, bound)] += 1

    def render(self, states: Mapping[str, int]) -> str:
        lines = [
            "# HELP newsdesk_http_requests_total HTTP requests by method, route and status.",
            "# TYPE newsdesk_http_requests_total counter",
        ]
        with self._lock:
            for (method, route, status), n in sorted(self.requests.items()):
                lines.append(
                    f'newsdesk_http_requests_total{{method="{method}",route="{route}",status="{status}"}} {n}'
                )
            lines += [
                "# HELP newsdesk_http_request_duration_seconds Request latency.",
                "# TYPE newsdesk_http_request_duration_seconds histogram",
            ]
            for route in sorted(self.counts):
                for bound in BUCKETS:
                    n = self.buckets[(route, bound)]
                    lines.append(
                        f'newsdesk_http_request_duration_seconds_bucket{{route="{route}",le="{bound}"}} {n}'
                    )
                total = self.counts[route]
                lines.append(
                    f'newsdesk_http_request_duration_seconds_bucket{{route="{route}",le="+Inf"}} {total}'
                )
                lines.append(
                    f'newsdesk_http_request_duration_seconds_sum{{route="{route}"}} {self.sums[route]:.6f}'
                )
                lines.append(f'newsdesk_http_request_duration_seconds_count{{route="{route}"}} {total}')
        lines += ["# HELP newsdesk_pages Stored pages by state.", "# TYPE newsdesk_pages gauge"]
        lines += [f'newsdesk_pages{{state="{state}"}} {n}' for state, n in sorted(states.items())]
        return "\n".join(lines) + "\n"


class Observer:
    """Pure ASGI middleware: the rate limit (when configured), then metrics for every request,
    failures included. Cheaper than an @app.middleware("http") function, which wraps each
    request and response in extra tasks and streams."""

    EXEMPT = ("/health", "/metrics")

    def __init__(self, app: ASGIApp, metrics: Metrics, limiter: RateLimiter | None = None) -> None:
        self.app = app
        self.metrics = metrics
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        wait = self._wait(scope)
        if wait:
            await error_response(429, "too many requests", {"Retry-After": str(wait)})(scope, receive, send)
            self._record(scope, 429, started)
            return
        status = 500

        async def observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observed)
        finally:
            self._record(scope, status, started)

    def _wait(self, scope: Scope) -> int:
        """Whole seconds the client must wait, 0 when it may go ahead."""
        if self.limiter is None or scope["path"] in self.EXEMPT:
            return 0
        client = scope.get("client")
        return int(self.limiter.check(client[0] if client else "unknown"))

    def _record(self, scope: Scope, status: int, started: float) -> None:
        route = getattr(scope.get("route"), "path", "unmatched")
        self.metrics.observe(scope["method"], route, status, time.perf_counter() - started)
