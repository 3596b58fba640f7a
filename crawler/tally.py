"""Counting a crawl's events into the summary a run stores and the CLI prints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crawler.failures import reason_class
from crawler.report import Event
from crawler.yields import Yields
from store.health import Health

STATUSES = ("new", "changed", "unchanged", "failed")


@dataclass(frozen=True, slots=True)
class CrawlSummary:
    """What one crawl of one source did; `errors` are ``{"url", "reason", "stage"}`` dicts."""

    source: str
    seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    run_id: int | None = None
    requests: int | None = None  # downloader requests and responses (robots.txt and start pages too)
    responses: int | None = None
    failures: dict[str, int] = field(default_factory=dict)  # by crawler.failures.reason_class
    yields: dict[str, int] | None = None  # crawler.yields.Yields.as_dict; None: not measured here
    health: Health | None = None  # the source's health judged after this run (store.health)

    @property
    def fetched_nothing(self) -> bool:
        """No article page came, new or unchanged: the crawl got nothing from the source."""
        return self.new + self.changed + self.unchanged == 0

    def line(self) -> str:
        """The one-line summary: pages seen, new, changed, unchanged, failed."""
        return (
            f"{self.source}: pages seen {self.seen}, new {self.new}, changed {self.changed}, "
            f"unchanged {self.unchanged}, failed {self.failed}"
        )

    def details(self) -> str:
        """Requests, failures by class and the articles' field yields, in one line."""
        parts = [f"requests {self.requests or 0}, responses {self.responses or 0}"]
        if self.failures:
            classes = ", ".join(f"{k} {v}" for k, v in sorted(self.failures.items()))
            parts.append(f"failed by class: {classes}")
        y = self.yields
        if y and y.get("articles"):
            parts.append(
                f"of {y['articles']} articles: title {y['titled']}, date {y['dated']}, "
                f"body over 200 characters {y['long_bodies']}, median body {y['median_body']:,}, "
                f"same title {y['same_titles']}"
            )
        return "; ".join(parts)


class Tally:
    """Adds up page events as they arrive and passes a line per event to `progress`."""

    def __init__(self, progress: Callable[[str], None] | None = None) -> None:
        self.progress = progress
        self.counts = dict.fromkeys(STATUSES, 0)
        self.errors: list[dict[str, Any]] = []
        self.failures: dict[str, int] = {}
        self.yields = Yields()

    def add(self, event: Event) -> None:
        """Count one event from the crawl process."""
        kind = event.get("event")
        if kind == "page":
            status = event["status"] if event.get("status") in STATUSES else "failed"
            self.counts[status] += 1
            if status == "failed":
                self._failed(event, "fetch")
            if isinstance(event.get("facts"), dict) and status in ("new", "changed"):
                self.yields.add(event["facts"])
            self._say(
                f"{status} {event.get('url')}" + (f" ({event['reason']})" if event.get("reason") else "")
            )
        elif kind in ("error", "fatal"):
            stage = "discovery" if kind == "error" else "process"
            self._failed(event, stage)
            self._say(f"error {event.get('url') or ''} ({event.get('reason')})".replace("  ", " "))

    def fatal(self, reason: str) -> None:
        """The crawl process itself failed."""
        self.add({"event": "fatal", "url": None, "reason": reason})

    def summary(
        self,
        source: str,
        run_id: int | None = None,
        done: Event | None = None,
        measured: bool = True,
    ) -> CrawlSummary:
        """The counts so far; `done` is the crawl process's last event (its request counts), and
        `measured` False when the articles are made elsewhere (the queue) so the run has no yields."""
        return CrawlSummary(
            source,
            sum(self.counts.values()),
            self.counts["new"],
            self.counts["changed"],
            self.counts["unchanged"],
            self.counts["failed"],
            errors=list(self.errors),
            run_id=run_id,
            requests=int(done.get("requests") or 0) if done else None,
            responses=int(done.get("responses") or 0) if done else None,
            failures=dict(self.failures),
            yields=self.yields.as_dict() if measured else None,
        )

    def _failed(self, event: Event, stage: str) -> None:
        """Keep the error with its reason class; count fetch failures by class (a crashed crawl
        process is no fetch failure)."""
        kind = reason_class(event.get("reason"))
        self.errors.append(
            {"url": event.get("url"), "reason": event.get("reason"), "stage": stage, "class": kind}
        )
        if stage != "process":
            self.failures[kind] = self.failures.get(kind, 0) + 1

    def _say(self, message: str) -> None:
        if self.progress is not None:
            self.progress(message)
