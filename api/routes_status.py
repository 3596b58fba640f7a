"""Sources and their crawl health, service health, Prometheus metrics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from api.deps import SessionDep
from worker.models import Article, CrawlRun, Page, Source

router = APIRouter()


def source_health(session: Session) -> list[dict[str, Any]]:
    """Each source with its article count, last crawl and a flag when its yield dropped."""
    counts = dict(
        session.execute(select(Article.source_id, func.count()).group_by(Article.source_id)).tuples().all()
    )
    out = []
    for source in session.scalars(select(Source).order_by(Source.name)):
        runs = session.scalars(
            select(CrawlRun)
            .where(CrawlRun.source_id == source.id)
            .order_by(CrawlRun.started_at.desc())
            .limit(3)
        ).all()
        last = runs[0] if runs else None
        flagged = bool(runs) and all(
            r.new + r.changed + r.unchanged == 0 or r.failed > r.seen / 2 for r in runs
        )
        out.append(
            {
                "name": source.name,
                "kind": source.kind,
                "category": source.category,
                "articles": counts.get(source.id, 0),
                "last_crawl": last.started_at.isoformat() if last else None,
                "last_yield": (last.new + last.changed + last.unchanged) if last else None,
                "last_failed": last.failed if last else None,
                "flagged": flagged,
            }
        )
    return out


@router.get("/sources")
def sources(session: SessionDep) -> dict[str, Any]:
    return {"ok": True, "sources": source_health(session)}


@router.get("/health")
def health(request: Request, session: SessionDep) -> JSONResponse:
    checks: dict[str, Any] = {}
    try:
        session.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as error:  # health must report, not fail
        checks["database"] = f"error: {type(error).__name__}"
    ok = checks["database"] == "ok"
    body: dict[str, Any] = {"ok": ok, "status": 200 if ok else 503, "checks": checks}
    if ok:
        body["sources"] = source_health(session)
    return JSONResponse(body, status_code=200 if ok else 503)


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(request: Request, session: SessionDep) -> str:
    states = dict(session.execute(select(Page.state, func.count()).group_by(Page.state)).tuples().all())
    rendered: str = request.app.state.metrics.render(states)
    return rendered
