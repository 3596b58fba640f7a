"""A JSON body with a NUL character (U+0000) in any of its strings is a 422, before any route runs.

PostgreSQL text cannot hold NUL: `?source=%00` reached the database and failed there as a 500
(schemathesis found it), and so would an alert's name or a draft's headline; SQLite would store
them. Parameters say it in the schema (``api.params.NO_NUL``); bodies, whose every string field
would need the same, are checked here once, so both engines answer the same way. Only a body
whose bytes hold a `\\u0000` escape is parsed here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response
from api.params import NUL_MESSAGE

MESSAGE = NUL_MESSAGE
_ESCAPED = re.compile(rb"\\u0000", re.IGNORECASE)


class RefuseNul:
    """Pure ASGI middleware: a NUL in a JSON body's strings is a 422."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        messages, body = await _read(receive)
        if (_ESCAPED.search(body) or b"\x00" in body) and _holds_nul(body):
            await error_response(422, MESSAGE)(scope, receive, send)
            return
        await self.app(scope, _replay(messages, receive), send)


async def _read(receive: Receive) -> tuple[list[Message], bytes]:
    """The request's body messages as they came, and the body."""
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            break
    return messages, b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request")


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A `receive` that gives the read messages again, then whatever comes next (a disconnect)."""
    pending = list(messages)

    async def again() -> Message:
        return pending.pop(0) if pending else await receive()

    return again


def _holds_nul(body: bytes) -> bool:
    """A JSON body with NUL in a string or a key; a body that is no JSON is left to the route."""
    try:
        document = json.loads(body)
    except ValueError:
        return b"\x00" in body
    return _any_nul(document)


def _any_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_any_nul(k) or _any_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_any_nul(v) for v in value)
    return False
