"""Rows written without the ORM's unit of work: a new article's own rows, which nothing in its
session reads back as objects, and a new page and article, attached to the session as read.

The unit of work costs about half a millisecond per object on every flush (history, cascades,
identity map); a new article's revision, units, search rows, bands and draft are known whole
at once, so one Core INSERT each (an executemany for many rows) stores them for a fraction
of that. Column defaults (``now``, ``list``) and types (JSON, aware datetimes) apply as in
the ORM: they belong to the table, not the mapper.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnDefault, insert, inspect
from sqlalchemy.orm import MANYTOONE, Mapper, Session, make_transient_to_detached

from store.models import Base
from store.savepoints import on_rollback


def insert_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT `rows` into `model`'s table in the session's transaction (no autoflush, no objects)."""
    if rows:
        session.connection().execute(insert(model.__table__), list(rows))  # type: ignore[arg-type]


def insert_object(session: Session, obj: Base) -> None:
    """INSERT a new ORM object's column values with one Core statement, then attach it to the
    session as a row it loaded: its primary key set, no history, nothing for a flush to write.

    What the ORM would put in the INSERT goes in: the values set, Python column defaults for the
    rest (set on the object as well, so reading them costs no query; a column with neither is
    NULL, and None on the object) and the keys of the objects its many-to-one relationships
    point at. Collections and one-to-one relationships are not
    followed; a caller sets the ones it reads (``set_committed_value``). Should the savepoint
    open now be rolled back, the object leaves the session with its row (``store.savepoints``).
    """
    state = inspect(obj)
    mapper = state.mapper
    related = dict(_related_keys(mapper, state.dict))  # the ORM's flush sets these over the columns
    values: dict[str, Any] = {}
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if prop.key in state.dict:
            values[column.key] = state.dict[prop.key]
        elif column.key not in related and isinstance(column.default, ColumnDefault):
            default = column.default
            value = default.arg(None) if default.is_callable else default.arg
            state.dict[prop.key] = values[column.key] = value
        elif column.server_default is None and not column.primary_key:  # NULL: known without a query
            state.dict[prop.key] = None
    values.update(related)
    result = session.connection().execute(insert(mapper.local_table), values)  # type: ignore[arg-type]
    for key_column, value in zip(mapper.primary_key, result.inserted_primary_key or (), strict=True):
        state.dict[mapper.get_property_by_column(key_column).key] = value
    for table_column in mapper.local_table.c:
        if table_column.key in related:
            state.dict[mapper.get_property_by_column(table_column).key] = related[table_column.key]
    make_transient_to_detached(obj)
    session.add(obj)
    on_rollback(session, lambda: session.expunge(obj) if obj in session else None)


def _related_keys(mapper: Mapper[Any], loaded: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """The foreign-key values of the many-to-one relationships set on an object."""
    for relationship in mapper.relationships:
        if relationship.direction is MANYTOONE and relationship.key in loaded:
            target = loaded[relationship.key]
            for local, remote in relationship.local_remote_pairs:
                yield str(local.key), None if target is None else getattr(target, str(remote.key))
