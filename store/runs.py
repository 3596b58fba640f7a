"""Crawl runs: opened before a crawl, closed with its counts after, and the health rule read from
them (one rule for the CLI, the crawler and the API)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.db import Database
from store.models import CrawlRun, Source, now
from store.sources import get_or_create_source

RECENT_RUNS = 3


class RunCounts(Protocol):
    """What a finished crawl counted (the crawler's CrawlSummary is one)."""

    @property
    def seen(self) -> int: ...
    @property
    def new(self) -> int: ...
    @property
    def changed(self) -> int: ...
    @property
    def unchanged(self) -> int: ...
    @property
    def failed(self) -> int: ...
    @property
    def errors(self) -> list[dict[str, Any]]: ...


def start_run(db: Database, name: str, kind: str, category: str | None) -> int:
    """Store a run of the source (its row made or corrected from the sources file); its id."""
    with db.transaction() as session:
        source = get_or_create_source(session, name, kind, category, authoritative=True)
        run = CrawlRun(source=source, started_at=now(), errors=[])
        session.add(run)
        session.flush()
        return run.id


def finish_run(db: Database, run_id: int, counts: RunCounts) -> None:
    """Store the run's end, counts and errors."""
    with db.transaction() as session:
        run = session.get_one(CrawlRun, run_id)
        run.finished_at = now()
        run.seen, run.new, run.changed = counts.seen, counts.new, counts.changed
        run.unchanged, run.failed = counts.unchanged, counts.failed
        run.errors = list(counts.errors)


def recent_runs(
    session: Session, names: Collection[str], count: int = RECENT_RUNS
) -> dict[str, list[CrawlRun]]:
    """Each named source's last `count` runs, newest first, in one query (every name is a key)."""
    newest_first = (CrawlRun.started_at.desc(), CrawlRun.id.desc())
    rank = func.row_number().over(partition_by=CrawlRun.source_id, order_by=newest_first).label("rank")
    ranked = (
        select(CrawlRun.id, Source.name, rank)
        .join(Source, CrawlRun.source_id == Source.id)
        .where(Source.name.in_(list(names)))
        .subquery()
    )
    query = (
        select(ranked.c.name, CrawlRun)
        .join(ranked, ranked.c.id == CrawlRun.id)
        .where(ranked.c.rank <= count)
        .order_by(ranked.c.name, ranked.c.rank)
    )
    runs: dict[str, list[CrawlRun]] = {name: [] for name in names}
    for name, run in session.execute(query):
        runs[name].append(run)
    return runs


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
