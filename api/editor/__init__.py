"""The review page at /editor: static HTML, CSS and a little JavaScript; no build step."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, RedirectResponse, Response

from api.errors import ApiError

HERE = Path(__file__).parent
ASSETS = {
    "index.html": "text/html; charset=utf-8",
    "editor.css": "text/css; charset=utf-8",
    "editor.js": "text/javascript; charset=utf-8",
    "korean.js": "text/javascript; charset=utf-8",
    "stories.js": "text/javascript; charset=utf-8",
    "health.js": "text/javascript; charset=utf-8",
}
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

router = APIRouter(include_in_schema=False)


@router.get("/editor")
def editor_page() -> Response:
    """The review page itself."""
    return FileResponse(HERE / "index.html", media_type=ASSETS["index.html"], headers=HEADERS)


@router.get("/editor/")
def editor_slash() -> Response:
    return RedirectResponse("/editor", status_code=308)


@router.get("/editor/{name}")
def editor_asset(name: str) -> Response:
    """The page's stylesheet and script; nothing else is served from the folder."""
    if name not in ASSETS or name == "index.html":
        raise ApiError(404, f"no editor asset {name!r}")
    return FileResponse(HERE / name, media_type=ASSETS[name], headers=HEADERS)
