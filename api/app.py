"""The FastAPI application: built from settings, one database, one error shape."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware

from api import editor as editor_page
from api import errors, routes_articles, routes_drafts, routes_search, routes_status
from api.errors import error_response
from api.metrics import Metrics
from api.ratelimit import RateLimiter
from newsdesk import __version__
from newsdesk.settings import Settings
from worker.db import Database


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    """The API over `db` (default: the settings' database)."""
    app = FastAPI(title="newsdesk", version=__version__, description="Korean policy news: search and drafts.")
    app.state.settings = settings
    app.state.db = db or Database(settings.database_url)
    app.state.metrics = Metrics()
    errors.install(app)
    _install_observers(app, RateLimiter(settings.rate_limit) if settings.rate_limit else None)
    if settings.cors_origins:  # added last, so it wraps everything: a 429 carries CORS headers too
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PATCH"],
            allow_headers=["Authorization", "Content-Type"],
        )
    for module in (routes_search, routes_articles, routes_status, routes_drafts, editor_page):
        app.include_router(module.router)
    return app


def _install_observers(app: FastAPI, limiter: RateLimiter | None) -> None:
    """Rate limit (when configured) and request metrics around every request."""

    @app.middleware("http")
    async def observe(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        if limiter is not None and request.url.path not in ("/health", "/metrics"):
            wait = limiter.check(request.client.host if request.client else "unknown")
            if wait:
                response: Response = error_response(429, "too many requests", {"Retry-After": str(int(wait))})
                _record(app, request, response.status_code, started)
                return response
        response = await call_next(request)
        _record(app, request, response.status_code, started)
        return response


def _record(app: FastAPI, request: Request, status: int, started: float) -> None:
    route = request.scope.get("route")
    name = getattr(route, "path", "unmatched")
    app.state.metrics.observe(request.method, name, status, time.perf_counter() - started)
