"""Bearer tokens for the editor API: editors may write, read-only tokens may only read.

Tokens come from settings and are compared in constant time against every configured token.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Request

from api.errors import ApiError
from newsdesk.settings import Settings

Role = Literal["editor", "reader"]
CHALLENGE = {"WWW-Authenticate": "Bearer"}
NO_TOKENS = "no editor tokens are configured (NEWSDESK_EDITOR_TOKENS)"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: their role and a fingerprint of the token (never the token itself)."""

    role: Role
    fingerprint: str

    @property
    def editor_name(self) -> str:
        return f"token:{self.fingerprint}"


def _matches(token: bytes, candidates: tuple[str, ...]) -> bool:
    """True when the token equals any candidate; every candidate is compared, in constant time."""
    found = False
    for candidate in candidates:
        found |= hmac.compare_digest(token, candidate.encode("utf-8"))
    return found


def identify(authorization: str | None, settings: Settings) -> Principal:
    """The principal for an Authorization header, or ApiError(401)."""
    if not settings.editor_tokens and not settings.reader_tokens:
        raise ApiError(401, NO_TOKENS, CHALLENGE)
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "an editor token is required: Authorization: Bearer <token>", CHALLENGE)
    raw = token.strip().encode("utf-8")
    fingerprint = hashlib.sha256(raw).hexdigest()[:10]
    if _matches(raw, settings.editor_tokens):
        return Principal("editor", fingerprint)
    if _matches(raw, settings.reader_tokens):
        return Principal("reader", fingerprint)
    if not settings.editor_tokens:  # no token could be right: say what the server lacks
        raise ApiError(401, NO_TOKENS, CHALLENGE)
    raise ApiError(401, "unknown token", CHALLENGE)


def require_reader(request: Request) -> Principal:
    """Any known token (editor or read-only)."""
    return identify(request.headers.get("authorization"), request.app.state.settings)


def require_editor(request: Request) -> Principal:
    """An editor token; a read-only token gets 403."""
    principal = require_reader(request)
    if principal.role != "editor":
        raise ApiError(403, "this token is read-only; changing drafts needs an editor token")
    return principal


ReaderDep = Annotated[Principal, Depends(require_reader)]
EditorDep = Annotated[Principal, Depends(require_editor)]
