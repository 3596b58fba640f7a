"""Crawl runs in the database: opened before a crawl, closed with its counts after."""

from __future__ import annotations

from sqlalchemy.orm import Session

from crawler.sources import SourceSpec
from crawler.summary import CrawlSummary
from store.db import Database
from store.models import CrawlRun, Source, now
from store.sources import get_or_create_source


def source_row(session: Session, spec: SourceSpec) -> Source:
    """The Source row for `spec`, created when missing."""
    return get_or_create_source(session, spec.name, spec.kind, spec.category, authoritative=True)


def start_run(db: Database, spec: SourceSpec) -> int:
    """Store a run that has started; its id."""
    with db.transaction() as session:
        run = CrawlRun(source=source_row(session, spec), started_at=now(), errors=[])
        session.add(run)
        session.flush()
        return run.id


def finish_run(db: Database, run_id: int, summary: CrawlSummary) -> None:
    """Store the run's end, counts and errors."""
    with db.transaction() as session:
        run = session.get_one(CrawlRun, run_id)
        run.finished_at = now()
        run.seen, run.new, run.changed = summary.seen, summary.new, summary.changed
        run.unchanged, run.failed = summary.unchanged, summary.failed
        run.errors = list(summary.errors)
