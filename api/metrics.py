"""Prometheus metrics (request counts, a latency histogram, pages by state) through
prometheus_client, and the ASGI middleware that observes every request and applies the
per-client rate limit.

One process keeps its counters in memory. `newsdesk serve --workers N` sets
`PROMETHEUS_MULTIPROC_DIR` for its workers before they start; each then writes its counters
to files there and `/metrics`, whichever worker answers, sums them all (MultiProcessCollector).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence

import prometheus_client
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess, values
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response
from api.ratelimit import Limiter, client_key
from newsdesk.settings import Network

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

# no `_created` samples: the exposed text keeps the series it had before prometheus_client
prometheus_client.disable_created_metrics()  # type: ignore[no-untyped-call]


def multiprocess_mode() -> bool:
    """Whether prometheus_client writes values to `PROMETHEUS_MULTIPROC_DIR` in this process
    (decided when it was first imported, from the environment then)."""
    return values.ValueClass is not values.MutexValue


class Metrics:
    """The request counter and latency histogram; thread-safe, cheap to update on every request."""

    def __init__(self) -> None:
        self.multiprocess = multiprocess_mode()
        # in one process each app has its own registry (tests build many apps); across processes
        # the values live in files and a registry is built for each scrape instead
        self.registry = None if self.multiprocess else CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "newsdesk_http_requests",
            "HTTP requests by method, route and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "newsdesk_http_request_duration_seconds",
            "Request latency.",
            ["route"],
            buckets=BUCKETS,
            registry=self.registry,
        )

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(route).observe(seconds)

    def render(self, states: Mapping[str, int]) -> str:
        """Prometheus text: this process's metrics (every worker's, in multiprocess mode), then
        the pages by state, read from the database for this scrape."""
        if self.registry is None:
            source = CollectorRegistry(auto_describe=True)
            multiprocess.MultiProcessCollector(source)  # type: ignore[no-untyped-call]
        else:
            source = self.registry
        pages = CollectorRegistry(auto_describe=True)
        pages.register(_Pages(states))
        return (generate_latest(source) + generate_latest(pages)).decode()


class _Pages(Collector):
    """Stored pages by state, as counted for one scrape: a database fact, not process state,
    so it needs no multiprocess mode (a state with no pages left simply is not listed)."""

    def __init__(self, states: Mapping[str, int]) -> None:
        self.states = dict(states)

    def collect(self) -> Iterable[Metric]:
        family = GaugeMetricFamily("newsdesk_pages", "Stored pages by state.", labels=["state"])
        for state, n in sorted(self.states.items()):
            family.add_metric([state], n)
        yield family


class Observer:
    """Pure ASGI middleware: the rate limit (when configured), then metrics for every request,
    failures included. Cheaper than an @app.middleware("http") function, which wraps each
    request and response in extra tasks and streams."""

    EXEMPT = ("/health", "/metrics")

    def __init__(
        self,
        app: ASGIApp,
        metrics: Metrics,
        limiter: Limiter | None = None,
        trusted_proxies: Sequence[Network] = (),
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.limiter = limiter
        self.trusted_proxies = tuple(trusted_proxies)

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
        return int(self.limiter.check(client_key(scope, self.trusted_proxies)))

    def _record(self, scope: Scope, status: int, started: float) -> None:
        route = getattr(scope.get("route"), "path", "unmatched")
        self.metrics.observe(scope["method"], route, status, time.perf_counter() - started)
