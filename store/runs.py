"""Crawl runs: opened before a crawl, closed with what it saw after, read back newest first (the
health rule that judges them is ``store.health``)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, Protocol

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from store.db import Database
from store.models import CrawlRun, Source, now
from store.sources import get_or_create_source

RECENT_RUNS = 10  # the last run and the history it is judged against


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
    @property
    def requests(self) -> int | None: ...
    @property
    def responses(self) -> int | None: ...
    @property
    def failures(self) -> dict[str, int]: ...
    @property
    def yields(self) -> dict[str, int] | None: ...


def start_run(db: Database, name: str, kind: str, category: str | None) -> int:
    """Store a run of the source (its row made or corrected from the sources file); its id."""
    with db.transaction() as session:
        source = get_or_create_source(session, name, kind, category, authoritative=True)
        run = CrawlRun(source=source, started_at=now(), errors=[])
        session.add(run)
        session.flush()
        return run.id


def finish_run(db: Database, run_id: int, counts: RunCounts) -> None:
    """Store the run's end, counts, errors, requests, failures by class and field yields."""
    with db.transaction() as session:
        run = session.get_one(CrawlRun, run_id)
        run.finished_at = now()
        run.seen, run.new, run.changed = counts.seen, counts.new, counts.changed
        run.unchanged, run.failed = counts.unchanged, counts.failed
        run.errors = list(counts.errors)
        run.requests, run.responses = counts.requests, counts.responses
        run.failures = dict(counts.failures)
        if counts.yields is not None:  # else the queue's `process` tasks count them (queued_yields)
            run.yields = dict(counts.yields)


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


def update_run(db: Database, run_id: int, change: Callable[[CrawlRun], None]) -> str | None:
    """Apply `change` to the run with the write lock taken first (so two processes counting into
    one run take turns, on SQLite as on PostgreSQL); the run's source name, None for no such run."""
    with db.transaction() as session:
        # a no-op write first: the lock is held before the read, never upgraded after it
        session.execute(update(CrawlRun).where(CrawlRun.id == run_id).values(seen=CrawlRun.seen))
        run = session.get(CrawlRun, run_id)
        if run is None:
            return None
        change(run)
        return run.source.name
