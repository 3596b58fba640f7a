"""What the CLI and the scheduler call: crawl a source, list sources with health, check a source."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from crawler import CrawlerError, CrawlProcessError, StartPageError
from crawler.health import SourceHealth, source_health
from crawler.job import Job, run_child
from crawler.report import Event
from crawler.sources import SourceSpec, load_sources, sources_path
from crawler.tally import CrawlSummary, Tally
from ingest.options import digest_options
from newsdesk.settings import Settings
from store.db import Database
from store.health import record_health
from store.runs import finish_run, start_run

__all__ = ["CrawlSummary", "SourceHealth", "check_source", "crawl_source", "list_sources"]


def crawl_source(
    settings: Settings,
    name: str,
    sources_file: Path | None = None,
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
    *,
    run_id: int | None = None,
    handoff: Callable[[int], None] | None = None,
    timeout: float | None = None,
) -> CrawlSummary:
    """Crawl one source end to end (fetch → process → index) in a child process; store the run.

    Args:
        settings: where the database and sources file are.
        name: the source's name in the sources file.
        sources_file: overrides ``settings.sources`` and the shipped file.
        limit: handle at most this many article links.
        progress: called with one line per page as the crawl goes.
        run_id: a CrawlRun already opened for this crawl (the scheduler's slot), else a new one.
        handoff: with one, the crawl stores raw pages only and calls it with each page id that
            needs processing (the Celery task enqueues ``newsdesk.process``).
        timeout: kill the crawl process after this many seconds (CrawlTimeout).

    Raises SourcesError for a bad file or name, CrawlProcessError (after storing the run) when
    the crawl process dies.
    """
    if limit is not None and limit < 1:
        raise CrawlerError(f"--limit must be at least 1, got {limit}")
    path, spec = _spec(settings, name, sources_file)
    db = Database(settings.database_url)
    try:
        run_id = start_run(db, spec.name, spec.kind, spec.category) if run_id is None else run_id
        tally = Tally(progress)
        job = _job("crawl", path, spec, settings, limit, queue=handoff is not None)
        crashed: CrawlProcessError | None = None
        done = None
        try:
            done = run_child(job, _events(tally, handoff), log_path(settings, name), timeout)
        except CrawlProcessError as error:
            crashed = error
            tally.fatal(str(error))
        # with a handoff the articles are made by the queue later: this run has no yields
        summary = tally.summary(name, run_id, done, measured=handoff is None)
        finish_run(db, run_id, summary)
        summary = replace(summary, health=record_health(db, spec.name))
    finally:
        db.dispose()
    if crashed is not None:
        raise type(crashed)(f"{summary.line()}; {crashed}")
    return summary


def _events(tally: Tally, handoff: Callable[[int], None] | None) -> Callable[[Event], None]:
    """Count page events; pass the ids of stored pages that need processing to `handoff`."""

    def on_event(event: Event) -> None:
        if event.get("event") == "queued":
            if handoff is not None:
                handoff(int(event["page_id"]))
            return
        tally.add(event)

    return on_event


def list_sources(settings: Settings, sources_file: Path | None = None) -> list[SourceHealth]:
    """Every source in the file, with its last run, counts, and a flag when it needs a look."""
    sources = load_sources(sources_path(sources_file, settings.sources))
    db = Database(settings.database_url)
    try:
        with db.sessions() as session:
            return source_health(session, sources.sources)
    finally:
        db.dispose()


def check_source(settings: Settings, name: str, sources_file: Path | None = None) -> int:
    """Fetch the source's start URLs once; how many article links they yield now.

    Raises StartPageError when no start URL could be fetched or read.
    """
    path, spec = _spec(settings, name, sources_file)
    errors: list[Event] = []
    done = run_child(_job("check", path, spec, settings), errors.append, log_path(settings, name, "check"))
    count = int(done.get("articles", 0))
    failures = [e for e in errors if e.get("event") == "error"]
    if count == 0 and len(failures) >= len(spec.start_urls):
        raise StartPageError(f"{name}: {failures[0]['url']}: {failures[0]['reason']}")
    return count


def log_path(settings: Settings, name: str, what: str = "crawl") -> Path:
    """Where the crawl process's log goes: ``$DATA_DIR/logs/<what>-<name>.log``."""
    slug = re.sub(r"[^\w.-]+", "_", name).strip("_") or "source"
    return settings.data_dir / "logs" / f"{what}-{slug}.log"


def _spec(settings: Settings, name: str, sources_file: Path | None) -> tuple[Path, SourceSpec]:
    path = sources_path(sources_file, settings.sources).resolve()
    return path, load_sources(path).get(name)


def _job(
    mode: str, path: Path, spec: SourceSpec, settings: Settings, limit: int | None = None, queue: bool = False
) -> Job:
    return Job(
        mode="crawl" if mode == "crawl" else "check",
        sources=str(path),
        name=spec.name,
        database_url=settings.database_url,
        limit=limit,
        options=digest_options(settings),
        queue=queue,
    )
