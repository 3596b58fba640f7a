"""`Allow` names every method a path has: OPTIONS answers with them, and so does each 405.

Starlette answers a method a path lacks from the first route whose path matched, so
`/drafts/{id}` (GET in one route, PATCH in another) claimed to allow only GET, and OPTIONS was
a 405 like any other unknown method. Here the methods of every route matching the path are
gathered, only on those two answers: a request that reaches its route costs nothing more.

A path the schema names literally is that resource alone, as OpenAPI reads paths (concrete
before templated): `/drafts/submit` is POST only, not also a GET of a draft with the id "submit".

HEAD is answered wherever GET is (HTTP requires it of a general-purpose server, and feed readers
and link checkers use it): the GET runs and its body is dropped, its headers kept (ETag,
Last-Modified, Content-Length). FastAPI's routes answer GET only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response

METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")
SCHEMA_METHODS = {"get", "put", "post", "delete", "patch"}


def allowed_methods(routes: Iterable[BaseRoute], scope: Scope) -> list[str]:
    """Every method some route serves at the scope's path, OPTIONS included when there is one.

    Asked of the routes as the router itself asks (a full match for the path and the method):
    included routers answer for the routes inside them."""
    routes = list(routes)
    methods = [
        method
        for method in METHODS
        if any(route.matches({**scope, "method": method})[0] is Match.FULL for route in routes)
    ]
    return [*_with_head(methods), "OPTIONS"] if methods else []


def _with_head(methods: Iterable[str]) -> list[str]:
    """The methods, with HEAD beside GET (answered by the GET, its body dropped)."""
    found = sorted(set(methods))
    return sorted({*found, "HEAD"}) if "GET" in found else found


class AllowedMethods:
    """Pure ASGI middleware: OPTIONS → 204 with `Allow`; a 405's `Allow` gets every method."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._literal: dict[str, list[str]] | None = None  # the schema's concrete paths → methods

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, literal = scope["method"], self._literal_methods(scope)
        if method == "HEAD" and "GET" in (literal or _allowed({**scope, "method": "GET"})):
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            return
        if literal is not None and method not in literal:
            refusal = error_response(405, "Method Not Allowed", {"Allow": ", ".join(literal)})
            await refusal(scope, receive, send)
            return
        if method == "OPTIONS":
            allowed = literal or _allowed(scope)
            if allowed:  # a path no route has stays a 404
                await Response(status_code=204, headers={"Allow": ", ".join(allowed)})(scope, receive, send)
                return

        async def send_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allowed = _allowed(scope)
                if allowed:
                    MutableHeaders(scope=message)["Allow"] = ", ".join(allowed)
            await send(message)

        await self.app(scope, receive, send_allow)

    def _literal_methods(self, scope: Scope) -> list[str] | None:
        """The methods of the scope's path when the schema names it without parameters, else None."""
        if self._literal is None:
            app: Any = scope.get("app")
            if app is None or not hasattr(app, "openapi"):
                return None
            self._literal = {
                path: [*_with_head(m.upper() for m in operations if m in SCHEMA_METHODS), "OPTIONS"]
                for path, operations in app.openapi().get("paths", {}).items()
                if "{" not in path
            }
        return self._literal.get(scope["path"])


def _without_body(send: Send) -> Send:
    """`send` for a HEAD answered by its GET: the response's start as it is, its body empty."""

    async def head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return head


def _allowed(scope: Scope) -> list[str]:
    app = scope.get("app")
    routes = getattr(getattr(app, "router", None), "routes", ())
    return allowed_methods(routes, scope)
