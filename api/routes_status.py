"""Sources and their crawl health, service health, Prometheus metrics."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from api.deps import SessionDep
from api.source_metrics import source_gauges
from newsdesk.settings import Settings
from store.health import assess
from store.models import Article, CrawlRun, Page, Source
from store.runs import recent_runs

router = APIRouter()
BROKER_TIMEOUT = 0.5
COUNTS_TTL = 30.0  # seconds: counting articles per source reads every article row
BROKER_PORTS = {"redis": 6379, "rediss": 6379, "amqp": 5672, "amqps": 5671, "pyamqp": 5672}


def source_health(session: Session, counts: dict[int, int] | None = None) -> list[dict[str, Any]]:
    """Each source with its article count, last crawl and health (``store.health``)."""
    counts = article_counts(session) if counts is None else counts
    sources = _sources(session)
    runs = recent_runs(session, [s.name for s in sources])
    return [_source(source, runs[source.name], counts.get(source.id, 0)) for source in sources]


def article_counts(session: Session) -> dict[int, int]:
    rows = session.execute(select(Article.source_id, func.count()).group_by(Article.source_id))
    return {int(source_id): int(n) for source_id, n in rows if source_id is not None}


def _cached_counts(request: Request, session: Session) -> dict[int, int]:
    """article_counts(), recounted at most every COUNTS_TTL seconds per app."""
    state = request.app.state
    expires, counts = getattr(state, "article_counts", (0.0, {}))
    if time.monotonic() >= expires:
        counts = article_counts(session)
        state.article_counts = (time.monotonic() + COUNTS_TTL, counts)
    return dict(counts)


def _sources(session: Session) -> list[Source]:
    return list(session.scalars(select(Source).order_by(Source.name)))


def _source(source: Source, runs: list[CrawlRun], articles: int) -> dict[str, Any]:
    last = runs[0] if runs else None
    health = assess(runs)
    return {
        "name": source.name,
        "kind": source.kind,
        "category": source.category,
        "articles": articles,
        "last_crawl": last.started_at.isoformat() if last else None,
        "last_yield": (last.new + last.changed + last.unchanged) if last else None,
        "last_failed": last.failed if last else None,
        "flagged": health.status != "ok",
        "reason": "; ".join(health.reasons) or None,
        "health": health.as_dict(),
    }


def broker_status(url: str) -> str:
    """`ok` when the broker answers (a folder broker: its folder exists), else what is wrong."""
    parts = urlsplit(url)
    if parts.scheme == "filesystem":
        return "ok" if Path(url.removeprefix("filesystem://")).is_dir() else "not created yet"
    port = BROKER_PORTS.get(parts.scheme)
    if port is None or not parts.hostname:
        return f"unchecked ({parts.scheme})"
    try:
        with socket.create_connection((parts.hostname, parts.port or port), timeout=BROKER_TIMEOUT):
            return "ok"
    except OSError as error:
        return f"unreachable: {type(error).__name__}"


@router.get("/sources")
def sources(request: Request, session: SessionDep) -> dict[str, Any]:
    """Each source's articles (counted at most every 30 s), last crawl and yield."""
    return {"ok": True, "sources": source_health(session, _cached_counts(request, session))}


@router.get("/health")
def health(request: Request, session: SessionDep) -> JSONResponse:
    """Database (required), broker (reported), and each source's last crawl."""
    settings: Settings = request.app.state.settings
    checks: dict[str, Any] = {"database": _database_status(session)}
    checks["broker"] = broker_status(settings.broker_url)
    ok = checks["database"] == "ok"
    body: dict[str, Any] = {"ok": ok, "status": 200 if ok else 503, "checks": checks}
    if ok:
        body["sources"] = source_health(session, _cached_counts(request, session))
    else:
        body["error"] = "database unavailable"
    return JSONResponse(body, status_code=200 if ok else 503)


def _database_status(session: Session) -> str:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:  # health must report, not fail
        session.rollback()
        return f"error: {type(error).__name__}"
    return "ok"


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(request: Request, session: SessionDep) -> str:
    """Prometheus text: requests, latency histogram, pages by state, each source's health and yields."""
    states = {
        str(state): int(n)
        for state, n in session.execute(select(Page.state, func.count()).group_by(Page.state))
    }
    rendered: str = request.app.state.metrics.render(states)
    return rendered + source_gauges(source_health(session, _cached_counts(request, session)))
