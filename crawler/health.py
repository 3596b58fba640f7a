"""Source health: a source whose last run found nothing, or whose runs mostly fail, is flagged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from crawler.runs import recent_runs
from crawler.sources import SourceSpec
from crawler.summary import CrawlSummary
from worker.models import CrawlRun

RECENT_RUNS = 3


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """A source, its last run and counts, and whether it needs a look (and why)."""

    name: str
    kind: str
    schedule: str
    category: str
    confirmed: bool
    last_run: dt.datetime | None
    last_counts: CrawlSummary | None
    flagged: bool
    reason: str | None


def source_health(session: Session, spec: SourceSpec) -> SourceHealth:
    """Health of one source from its recent runs."""
    runs = recent_runs(session, spec.name, RECENT_RUNS)
    reason = assess(runs)
    last = runs[0] if runs else None
    return SourceHealth(
        name=spec.name,
        kind=spec.kind,
        schedule=spec.schedule,
        category=spec.category,
        confirmed=spec.confirmed,
        last_run=last.started_at if last else None,
        last_counts=_counts(spec.name, last) if last else None,
        flagged=reason is not None,
        reason=reason,
    )


def assess(runs: Sequence[CrawlRun]) -> str | None:
    """Why these runs (newest first) need a look, or None when they look healthy."""
    finished = [r for r in runs if r.finished_at is not None]
    if not finished:
        return None
    last = finished[0]
    crashed = [e for e in last.errors or [] if isinstance(e, dict) and e.get("stage") == "process"]
    if crashed:
        return f"last run failed: {crashed[0].get('reason')}"
    if last.seen == 0:
        return "last run found 0 articles"
    seen = sum(r.seen for r in finished)
    failed = sum(r.failed for r in finished)
    if failed * 2 > seen:
        return f"mostly failures: {failed} of {seen} pages failed in the last {len(finished)} runs"
    return None


def _counts(name: str, run: CrawlRun) -> CrawlSummary:
    return CrawlSummary(
        name, run.seen, run.new, run.changed, run.unchanged, run.failed, list(run.errors or []), run.id
    )
