"""Counting a crawl's events into the summary a run stores and the CLI prints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crawler.report import Event

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

    def line(self) -> str:
        """The one-line summary: pages seen, new, changed, unchanged, failed."""
        return (
            f"{self.source}: pages seen {self.seen}, new {self.new}, changed {self.changed}, "
            f"unchanged {self.unchanged}, failed {self.failed}"
        )


class Tally:
    """Adds up page events as they arrive and passes a line per event to `progress`."""

    def __init__(self, progress: Callable[[str], None] | None = None) -> None:
        self.progress = progress
        self.counts = dict.fromkeys(STATUSES, 0)
        self.errors: list[dict[str, Any]] = []

    def add(self, event: Event) -> None:
        """Count one event from the crawl process."""
        kind = event.get("event")
        if kind == "page":
            status = event["status"] if event.get("status") in STATUSES else "failed"
            self.counts[status] += 1
            if status == "failed":
                self.errors.append({"url": event.get("url"), "reason": event.get("reason"), "stage": "fetch"})
            self._say(
                f"{status} {event.get('url')}" + (f" ({event['reason']})" if event.get("reason") else "")
            )
        elif kind in ("error", "fatal"):
            stage = "discovery" if kind == "error" else "process"
            self.errors.append({"url": event.get("url"), "reason": event.get("reason"), "stage": stage})
            self._say(f"error {event.get('url') or ''} ({event.get('reason')})".replace("  ", " "))

    def fatal(self, reason: str) -> None:
        """The crawl process itself failed."""
        self.add({"event": "fatal", "url": None, "reason": reason})

    def summary(self, source: str, run_id: int | None = None) -> CrawlSummary:
        """The counts so far."""
        return CrawlSummary(
            source, sum(self.counts.values()), **self.counts, errors=list(self.errors), run_id=run_id
        )

    def _say(self, message: str) -> None:
        if self.progress is not None:
            self.progress(message)
