"""The API's own documentation, offline: Swagger UI at /docs and ReDoc at /redoc from assets
shipped in a pinned package (fastapi-offline), not a CDN; and `GET /`, which sends a browser
to /docs and tells any other client where the endpoints are.

Only the package's asset files are used (found without importing it); FastAPI's own page
builders write the HTML around them.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response

from api.errors import ApiError

ASSETS_PACKAGE = "fastapi_offline"  # ships Swagger UI 5 (OpenAPI 3.1, as FastAPI writes) and ReDoc
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}
ASSET_PATH = "/docs/assets/"
# the files change only with the pinned package: a day in a cache costs nothing
ASSET_HEADERS = {"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"}

router = APIRouter(include_in_schema=False)


@cache
def assets_dir() -> Path:
    """The package's folder of static files; a clear error when the package is missing."""
    spec = importlib.util.find_spec(ASSETS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {ASSETS_PACKAGE} package is not installed: /docs has no assets")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


@router.get("/docs")
def swagger_ui(request: Request) -> Response:
    return get_swagger_ui_html(
        openapi_url=request.app.openapi_url,
        title=f"{request.app.title} API",
        swagger_js_url=ASSET_PATH + "swagger-ui-bundle.js",
        swagger_css_url=ASSET_PATH + "swagger-ui.css",
        swagger_favicon_url=ASSET_PATH + "favicon.png",
    )


@router.get("/redoc")
def redoc(request: Request) -> Response:
    return get_redoc_html(
        openapi_url=request.app.openapi_url,
        title=f"{request.app.title} API",
        redoc_js_url=ASSET_PATH + "redoc.standalone.js",
        redoc_favicon_url=ASSET_PATH + "favicon.png",
        with_google_fonts=False,
    )


@router.get(ASSET_PATH + "{name}")
def asset(name: str) -> Response:
    """One of the named asset files; any other name is a 404 (no path reaches past the folder)."""
    if name not in ASSETS:
        raise ApiError(404, f"no documentation asset named {name!r}")
    return FileResponse(assets_dir() / name, media_type=ASSETS[name], headers=ASSET_HEADERS)


@router.get("/")
def index(request: Request) -> Response:
    """A browser goes to /docs; any other client gets the endpoints as JSON."""
    if _wants_html(request.headers.get("accept", "")):
        return RedirectResponse("/docs", status_code=303)
    return JSONResponse(
        {
            "ok": True,
            "name": request.app.title,
            "version": request.app.version,
            "docs": "/docs",
            "openapi": request.app.openapi_url,
            "endpoints": endpoints(request.app.openapi()),
        }
    )


def endpoints(spec: dict[str, Any]) -> list[dict[str, str]]:
    """Each documented operation: method, path and its one-line summary."""
    return [
        {"method": method.upper(), "path": path, "summary": str(operation.get("summary", ""))}
        for path, operations in spec.get("paths", {}).items()
        for method, operation in operations.items()
    ]


def _wants_html(accept: str) -> bool:
    """Whether the Accept header asks for HTML (text/html, not at q=0): what browsers send first."""
    for item in accept.split(","):
        media, *params = item.split(";")
        if media.strip().lower() not in ("text/html", "application/xhtml+xml"):
            continue
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if weight > 0:
            return True
    return False
