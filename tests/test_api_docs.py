"""/docs and /redoc work offline (every asset from this server), and `GET /` sends a browser to
/docs and any other client a JSON index of the endpoints."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.support.api import error_shape, settings_for
from tests.test_editor_browser import CHROMIUM, CHROMIUM_ARGS, live_server, require_browser

REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*'([^']+)'|spec-url="([^"]+)\"""")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(settings_for(tmp_path_factory.mktemp("docs")))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.db.dispose()


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_documentation_pages_reference_only_assets_served_here(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    urls = {next(g for g in match if g) for match in REFERENCE.findall(response.text)}
    assert "/openapi.json" in urls and any(u.endswith(".js") for u in urls), urls
    for url in urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc and url.startswith("/"), f"{url} is not on this server"
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 1000, url
    assert "cdn" not in response.text.lower() and "//" not in "".join(urls)


def test_assets_have_their_types_and_nothing_else_is_served(client: TestClient) -> None:
    for name, media in (("swagger-ui-bundle.js", "text/javascript"), ("swagger-ui.css", "text/css")):
        assert client.get(f"/docs/assets/{name}").headers["content-type"].startswith(media)
    for name in ("index.html", "..%2F__init__.py", "core.py", "x.js"):
        response = client.get(f"/docs/assets/{name}")
        assert response.status_code == 404 and error_shape(response.json(), 404), name


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize("accept", [BROWSER, "text/html", "TEXT/HTML; q=0.5"])
def test_root_sends_a_browser_to_the_docs(client: TestClient, accept: str) -> None:
    response = client.get("/", headers={"Accept": accept}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/docs"


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", "text/html;q=0, application/json"])
def test_root_answers_other_clients_with_the_endpoints(client: TestClient, accept: str | None) -> None:
    response = client.get("/", headers={"Accept": accept} if accept else {}, follow_redirects=False)
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["docs"] == "/docs" and body["openapi"] == "/openapi.json"
    listed = {(e["method"], e["path"]) for e in body["endpoints"]}
    assert {("GET", "/search"), ("GET", "/search.atom"), ("PATCH", "/drafts/{draft_id}")} <= listed
    assert all(path.startswith("/") for _, path in listed) and ("GET", "/") not in listed


def test_swagger_ui_renders_the_spec_offline_in_a_browser(tmp_path: Path) -> None:
    """Chromium with every request off this server refused: the page still lists the operations
    (Swagger UI 4 could not render FastAPI's OpenAPI 3.1 at all; 5 can)."""
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    app = create_app(settings_for(tmp_path))
    elsewhere: list[str] = []
    with live_server(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()

        def offline(route: object) -> None:
            request_url: str = route.request.url  # type: ignore[attr-defined]
            if request_url.startswith(base):
                route.continue_()  # type: ignore[attr-defined]
            else:
                elsewhere.append(request_url)
                route.abort()  # type: ignore[attr-defined]

        page.route("**/*", offline)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/")  # a browser asking for the root lands on the docs
        assert page.url == f"{base}/docs"
        feed = page.locator(".opblock-summary-path", has_text="/search.atom")
        expect(feed).to_have_count(1, timeout=20_000)
        assert page.locator(".opblock").count() >= 10
        browser.close()
    app.state.db.dispose()
    assert elsewhere == [] and errors == [], (elsewhere, errors)
