"""Request-scoped dependencies: the database, or a session on it per request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from store.db import Database


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


async def database(request: Request) -> Database:
    """The app's database, for endpoints that open their own session: async, so FastAPI does
    not spend a thread hop on it (a generator dependency costs one on entry and one on exit)."""
    return get_db(request)


def get_session(request: Request) -> Iterator[Session]:
    with get_db(request).sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
DatabaseDep = Annotated[Database, Depends(database)]
