"""Rows written without the ORM's unit of work: a new article's own rows, which nothing in its
session reads back as objects.

The unit of work costs about half a millisecond per object on every flush (history, cascades,
identity map); a new article's revision, units, search rows, bands and draft are known whole
at once, so one Core INSERT each (an executemany for many rows) stores them for a fraction
of that. Column defaults (``now``, ``list``) and types (JSON, aware datetimes) apply as in
the ORM: they belong to the table, not the mapper.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from store.models import Base


def insert_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT `rows` into `model`'s table in the session's transaction (no autoflush, no objects)."""
    if rows:
        session.connection().execute(insert(model.__table__), list(rows))  # type: ignore[arg-type]
