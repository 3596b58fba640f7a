"""The FastAPI application: built from settings, one database, one error shape."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import (
    docs,
    errors,
    routes_alerts,
    routes_articles,
    routes_drafts,
    routes_feeds,
    routes_search,
    routes_status,
)
from api import editor as editor_page
from api.methods import AllowedMethods
from api.metrics import Metrics, Observer
from api.nul import RefuseNul
from api.ratelimit import make_limiter
from newsdesk.settings import Settings, version
from nlp.analyse import warm
from store.db import Database


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    """The API over `db` (default: the settings' database)."""
    app = FastAPI(
        title="newsdesk",
        version=version(),
        description="Korean policy news: search and drafts.",
        lifespan=_warm_analyser,
        docs_url=None,  # served by api.docs from packaged assets: FastAPI's own pages load a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = db or Database(settings.database_url)
    app.state.metrics = Metrics()
    errors.install(app)
    app.add_middleware(RefuseNul)  # innermost of these: a refusal is counted and rate-limited too
    app.add_middleware(AllowedMethods)  # inside the rate limit and metrics: they see OPTIONS too
    limiter = make_limiter(settings.rate_limit, settings.redis_url, settings.redis_prefix)
    app.add_middleware(
        Observer, metrics=app.state.metrics, limiter=limiter, trusted_proxies=settings.trusted_proxies
    )
    if settings.cors_origins:  # added last, so it wraps everything: a 429 carries CORS headers too
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    routers = (
        routes_search,
        routes_feeds,
        routes_articles,
        routes_status,
        routes_drafts,
        routes_alerts,
        editor_page,
        docs,
    )
    for module in routers:
        app.include_router(module.router)
    return app


@asynccontextmanager
async def _warm_analyser(_app: FastAPI) -> AsyncIterator[None]:
    """Kiwi loaded before the first request is accepted: otherwise the first search in each
    process waits 1–2 s for it (and a client behind it, longer)."""
    warm()
    yield


def from_env() -> FastAPI:
    """The API as the environment configures it: what each `newsdesk serve --workers N` process runs."""
    return create_app(Settings.from_env())
