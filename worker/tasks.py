"""Celery tasks: crawl a source, process a stored page, deliver an alert, reconcile stuck work.

The database is the source of truth: a lost message costs time (reconcile re-enqueues the page or
the pending delivery), never an article or an alert; a redelivered message on a processed page
does nothing, and one on a done delivery does nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from typing import Any

import kombu.exceptions
from celery import Task
from celery.signals import task_failure, worker_process_init
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from crawler import CrawlerError, CrawlTimeout, SourcesError
from crawler.queued_yields import count_processed
from crawler.runner import crawl_source
from crawler.schedule import last_fire
from crawler.sources import load_sources, sources_path
from ingest.alert_delivery import Policy, attempt
from ingest.fetch_guard import AddressGuard
from ingest.options import digest_options
from ingest.pipeline import process_stored
from nlp.dates import KST
from nlp.digest import DigestOptions
from search.generic_terms import refresh
from search.maintenance import merge_index
from store import PageNotFound
from store.alerts import overdue_deliveries
from store.db import Database
from store.models import CrawlRun, DeadLetter, Page, Source, now
from store.sources import get_or_create_source
from worker.celery_app import SOFT_LIMIT, app

log = logging.getLogger("newsdesk.tasks")

# Worth a retry: the database was locked or lost a serialisation race, the broker or network blinked,
# or another worker stored the same article first (the retry then finds it processed).
TRANSIENT = (
    OperationalError,
    IntegrityError,
    kombu.exceptions.OperationalError,
    ConnectionError,
    TimeoutError,
)
RETRY = {"autoretry_for": TRANSIENT, "retry_backoff": 2, "retry_backoff_max": 60, "retry_jitter": True,
         "max_retries": 6, "acks_late": True}  # fmt: skip
STUCK_AFTER = dt.timedelta(minutes=10)
# a delivery never tried this long after it was made had no message: its article was stored
# outside a worker (reconcile is then what posts it, within one beat period)
UNSENT_AFTER = dt.timedelta(minutes=1)
CRAWL_TIMEOUT = SOFT_LIMIT - 60
_db: Database | None = None


def database() -> Database:
    """This process's handle on the configured database, made after fork (no connection crosses one)."""
    global _db
    url: str = app.conf.newsdesk_settings.database_url
    if _db is None or _db.url != url:
        if _db is not None:
            _db.dispose()
        _db = Database(url)
    return _db


@worker_process_init.connect  # type: ignore[untyped-decorator]
def _after_fork(**_: Any) -> None:
    global _db
    if _db is not None:
        _db.engine.dispose(close=False)
        _db = None


def _options() -> DigestOptions:
    return digest_options(app.conf.newsdesk_settings)


@task_failure.connect  # type: ignore[untyped-decorator]
def _record_failure(sender: Task | None = None, args: Any = None, kwargs: Any = None,
                    exception: BaseException | None = None, **_: Any) -> None:  # fmt: skip
    """A task that ended in an exception (arguments that fit no signature, retries used up) leaves
    a dead letter with the reason instead of vanishing into the log."""
    name = str(getattr(sender, "name", "?")).removeprefix("newsdesk.")
    try:
        dead_letter(name, {"args": args, "kwargs": kwargs}, f"{type(exception).__name__}: {exception}")
    except Exception:  # the database itself is unreachable: the log line is all we can leave
        log.exception("could not record the failure of %s", name)


def dead_letter(task: str, payload: Any, error: str) -> dict[str, Any]:
    """Record a message that names no page we can process, and end it (no crash loop)."""
    with database().transaction() as session:
        session.add(
            DeadLetter(task=task, payload=json.dumps(payload, ensure_ascii=False, default=str), error=error)
        )
    log.warning("%s: %s (%r)", task, error, payload)
    return {"status": "rejected", "error": error}


@app.task(name="newsdesk.process", bind=True, **RETRY)  # type: ignore[untyped-decorator]
def process(self: Task, page_id: Any, *, run_id: Any = None) -> dict[str, Any]:
    """Extract, analyse, store and index one stored page; idempotent. With the `run_id` of the
    crawl that fetched it, its article counts into that run's field yields."""
    if not isinstance(page_id, int) or isinstance(page_id, bool):
        return dead_letter("process", page_id, "malformed payload: page_id must be an integer")
    try:
        outcome = process_stored(database(), page_id, _options())
    except PageNotFound as error:
        return dead_letter("process", page_id, str(error))
    for delivery_id in outcome.deliveries:  # committed: a lost message here is reconcile's to find
        deliver.delay(delivery_id)
    if isinstance(run_id, int) and not isinstance(run_id, bool):
        try:
            health = count_processed(database(), run_id, outcome)
        except SQLAlchemyError:  # the article is stored; a retry would find it processed, uncounted
            log.warning("page %s: not counted into run %s", page_id, run_id, exc_info=True)
        else:
            for delivery_id in health.notices if health is not None else ():  # committed, as above
                deliver.delay(delivery_id)
    return {
        "status": outcome.status,
        "page_id": page_id,
        "article_id": outcome.article_id,
        "error": outcome.error,
    }


@app.task(name="newsdesk.reconcile", **RETRY)  # type: ignore[untyped-decorator]
def reconcile(stuck_after_seconds: float | None = None) -> dict[str, Any]:
    """Re-enqueue pages left in `fetched`, and alert deliveries left pending past their attempt,
    longer than the timeout (a lost or killed message)."""
    horizon = now() - (
        dt.timedelta(seconds=stuck_after_seconds) if stuck_after_seconds is not None else STUCK_AFTER
    )
    with database().transaction() as session:
        ids = list(
            session.scalars(select(Page.id).where(Page.state == "fetched", Page.updated_at <= horizon))
        )
        if ids:  # touch them, so the next reconcile waits a full timeout again
            session.execute(update(Page).where(Page.id.in_(ids)).values(updated_at=now()))
        unsent = horizon if stuck_after_seconds is not None else now() - UNSENT_AFTER
        deliveries = overdue_deliveries(session, horizon, unsent)
    for page_id in ids:
        process.delay(page_id)
    for delivery_id in deliveries:
        deliver.delay(delivery_id)
    _merge_search_index()
    # pages requeued; alert deliveries named only when there were any
    return {"requeued": len(ids), **({"deliveries": len(deliveries)} if deliveries else {})}


def _merge_search_index() -> None:
    """The search index's segments merged off the ingest path (``search.maintenance``); a database
    too busy to merge now is merged at the next reconcile."""
    try:
        merge_index(database())
    except OperationalError as error:
        log.warning("search index not merged this time: %s", error)


def _policy() -> Policy:
    settings = app.conf.newsdesk_settings
    return Policy(
        guard=AddressGuard(allow_loopback=settings.allow_loopback_fetch),
        retry_seconds=settings.alert_retry_seconds,
        max_failures=settings.alert_max_failures,
    )


@app.task(name="newsdesk.deliver", bind=True, **RETRY)  # type: ignore[untyped-decorator]
def deliver(self: Task, delivery_id: Any) -> dict[str, Any]:
    """Post one alert delivery, signed; retried with backoff on 5xx, 408, 429 and network errors.
    At least once: the receiver drops duplicates by the delivery id."""
    if not isinstance(delivery_id, str) or not delivery_id:
        return dead_letter("deliver", delivery_id, "malformed payload: delivery_id must be a string")
    done = attempt(database(), delivery_id, _policy())
    if done.retry_in is not None:
        # a new message due later; the attempt count lives in the database, not in Celery's retries
        raise self.retry(countdown=done.retry_in, max_retries=None)
    return {"status": done.result, "delivery_id": delivery_id, "http_status": done.status,
            "error": done.error, "paused": done.paused}  # fmt: skip


@app.task(name="newsdesk.generic_terms", **RETRY)  # type: ignore[untyped-decorator]
def generic_terms() -> dict[str, Any]:
    """Recount which words are generic in the stored news (search.generic_terms)."""
    with database().transaction() as session:
        return {"generic": refresh(session)}


def slot_of(schedule: str | None, at: dt.datetime) -> str:
    """The schedule slot `at` falls in (the cron's last fire time), or the minute when unscheduled."""
    local = at.astimezone(KST)
    if schedule:
        with contextlib.suppress(ValueError):  # refused at load; a hand-sent bad one gets the minute
            return last_fire(schedule, local).strftime("%Y-%m-%dT%H:%M")
    return local.strftime("%Y-%m-%dT%H:%M")


def claim_slot(name: str, slot: str) -> int | None:
    """A CrawlRun for (source, slot), or None when another fire already claimed it."""
    try:
        with database().transaction() as session:
            source = _source_row(session, name)
            run = CrawlRun(source_id=source.id, slot=slot)
            session.add(run)
            session.flush()
            return run.id
    except IntegrityError:
        return None


def _source_row(session: Session, name: str) -> Source:
    """The source's row, made from the sources file (kind, category) when it is named there."""
    try:
        spec = load_sources(sources_path(None, app.conf.newsdesk_settings.sources)).get(name)
    except SourcesError:  # not in the file: the crawl itself will say so
        return get_or_create_source(session, name, "web")
    return get_or_create_source(session, name, spec.kind, spec.category, authoritative=True)


@app.task(name="newsdesk.crawl", bind=True, **RETRY)  # type: ignore[untyped-decorator]
def crawl(
    self: Task, source_name: Any, schedule: str | None = None, slot: str | None = None
) -> dict[str, Any]:
    """Crawl one source in one child process (a Twisted reactor cannot restart in a worker);
    the pages it stores are enqueued for ``process`` from here, as the crawl reports them."""
    if not isinstance(source_name, str) or not source_name.strip():
        return dead_letter("crawl", source_name, "malformed payload: source name must be a string")
    run_id = claim_slot(source_name, slot or slot_of(schedule, now()))
    if run_id is None:
        return {"status": "duplicate", "source": source_name}
    return run_crawl_child(source_name, run_id)


def run_crawl_child(source_name: str, run_id: int) -> dict[str, Any]:
    """The crawl runner's child process, its stored pages enqueued for processing, within the timeout."""
    settings = app.conf.newsdesk_settings
    try:
        summary = crawl_source(
            settings,
            source_name,
            run_id=run_id,
            handoff=lambda page_id: process.delay(page_id, run_id=run_id),
            timeout=CRAWL_TIMEOUT,
        )
    except CrawlTimeout:
        return {"status": "timeout", "source": source_name, "run_id": run_id}
    except CrawlerError as error:
        return {"status": "failed", "source": source_name, "run_id": run_id, "error": str(error)[-500:]}
    for delivery_id in summary.health.notices if summary.health is not None else ():
        deliver.delay(delivery_id)  # the source's health notice, committed with its transition
    health = summary.health.status if summary.health is not None else None
    return {"status": "ok", "source": source_name, "run_id": run_id, "summary": summary.line()[-500:],
            "health": health}  # fmt: skip
