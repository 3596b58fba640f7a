"""Source rows: the one place that creates them (crawls, scheduled fires, ingested pages)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Source


def get_or_create_source(
    session: Session, name: str, kind: str, category: str | None = None, *, authoritative: bool = False
) -> Source:
    """The Source called `name`, created with `kind` and `category` when missing.

    An `authoritative` caller (one reading the sources file) also corrects a stored kind and
    category that disagree; anyone else only fills in a missing category.
    """
    source = session.scalars(select(Source).where(Source.name == name)).one_or_none()
    if source is None:
        source = Source(name=name, kind=kind, category=category)
        session.add(source)
        session.flush()
    elif authoritative:
        source.kind = kind
        source.category = category or source.category
    elif category and not source.category:
        source.category = category
    return source
