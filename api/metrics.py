"""Prometheus text exposition: request counts, a latency histogram, articles by state."""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Mapping

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
