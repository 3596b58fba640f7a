"""Rows written without the ORM's unit of work: a new article's own rows, which nothing in its
session reads back as objects, and a new page and article, attached to the session as read;
and rows read without the ORM's loading (``driver_rows``, ``load_object``), for the reads a page
makes every time it joins a story.

The unit of work costs about half a millisecond per object on every flush (history, cascades,
identity map); a new article's revision, units, search rows, bands and draft are known whole
at once, so one Core INSERT each (an executemany for many rows) stores them for a fraction
of that. Column defaults (``now``, ``list``) and types (JSON, aware datetimes) apply as in
the ORM: they belong to the table, not the mapper.

Each INSERT is compiled once per dialect, table and set of columns, and then sent as the driver's
own SQL (``Connection.exec_driver_sql``, as ``ingest.story_lookup`` sends its band lookup): Core
would build, key and look up the statement in its cache and set up a compiled execution context
for every row, several times SQLite's own work on a small row. The compiled statement is the
dialect's, so the parameter style (qmark on SQLite, pyformat with casts on psycopg) and the
parameters' conversions (the types' bind processors) and Python-side defaults are what Core
would send; events (``before_cursor_execute``) still see every statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import ColumnDefault, Connection, Table, bindparam, insert, inspect, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import MANYTOONE, Mapper, Session, make_transient_to_detached
from sqlalchemy.sql import Executable

from store.models import Base
from store.savepoints import on_rollback

Processor = Callable[[Any], Any]
ModelT = TypeVar("ModelT", bound=Base)


def insert_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT `rows` into `model`'s table in the session's transaction (no autoflush, no objects)."""
    if rows:
        connection = session.connection()
        table: Table = model.__table__  # type: ignore[assignment]
        statement = _statement(connection.dialect, table, tuple(rows[0]), many=len(rows) > 1)
        statement.send(connection, rows)


def update_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """UPDATE rows of `model`'s table by primary key (each row: its key and the values to set, the
    same columns in every row), as Core would: a column's ``onupdate`` default fills in when the row
    does not set it. Nothing in the session changes: a caller sets what its objects should show."""
    if rows:
        connection = session.connection()
        table: Table = model.__table__  # type: ignore[assignment]
        _statement(connection.dialect, table, tuple(rows[0]), many=len(rows) > 1, kind="update").send(
            connection, rows
        )


def driver_rows(session: Session, statement: Executable, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Rows of a Core SELECT sent as the driver's SQL (compiled once per dialect), each column
    converted by its type's result processor as Core would (JSON decoded on SQLite, aware
    datetimes); columns the driver returns as they are stored (integers, strings) go untouched.
    The session's pending changes are flushed first, as its own ``execute`` would."""
    if session.autoflush:
        session.flush()
    connection = session.connection()
    sql, names, processors = _query(connection.dialect, statement)
    found = connection.exec_driver_sql(sql, tuple(params[n] for n in names) if names else dict(params))
    if not processors:
        return [tuple(row) for row in found]
    rows = []
    for row in found:
        values = list(row)
        for n, process in processors:
            values[n] = process(values[n])
        rows.append(tuple(values))
    return rows


@lru_cache(maxsize=64)
def _query(
    dialect: Dialect, statement: Executable
) -> tuple[str, tuple[str, ...] | None, tuple[tuple[int, Processor], ...]]:
    """The statement's SQL for `dialect`, for a positional parameter style its parameters' order,
    and the result processors of its columns (by position) that have one."""
    compiled = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
    if compiled.escaped_bind_names:
        raise ValueError("a parameter name needs escaping")
    columns = compiled._result_columns  # (key, name, objects, type) per column, as Core reads them
    found = [column[3].dialect_impl(dialect).result_processor(dialect, None) for column in columns]
    processors = tuple((n, p) for n, p in enumerate(found) if p is not None)
    positions = tuple(compiled.positiontup) if compiled.positiontup is not None else None
    return str(compiled), positions, processors


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
    loaded = state.dict
    plan = _insert_plan(mapper)
    related = dict(_related_keys(plan.many_to_one, loaded))  # the ORM's flush sets these over the columns
    values: dict[str, Any] = {}
    for key, column_key, default in plan.columns:
        if key in loaded:
            values[column_key] = loaded[key]
        elif default is not None and column_key not in related:
            loaded[key] = values[column_key] = default()
        elif plan.nullable[key]:  # NULL: known without a query
            loaded[key] = None
    values.update(related)
    connection = session.connection()
    statement = _statement(connection.dialect, plan.table, tuple(values), many=False)
    made = statement.send(connection, [values]) or tuple(values[key] for key in plan.key_columns)
    for key, value in zip(plan.key_props, made, strict=True):
        loaded[key] = value
    for column_key, key in plan.related_props:
        if column_key in related:
            loaded[key] = related[column_key]
    make_transient_to_detached(obj)
    session.add(obj)
    on_rollback(session, lambda: session.expunge(obj) if obj in session else None)


def load_object(session: Session, model: type[ModelT], key: int) -> ModelT | None:
    """``session.get(model, key)`` for a row the session does not hold: its columns read as the
    driver's SQL (compiled once), converted by their types as Core converts them, and the object
    attached to the session as a row it loaded (``insert_object``'s way: every column set, no
    history, relationships loaded when asked for). An object the session holds goes through
    ``session.get`` as before (it returns it, or refreshes it when expired).

    The ORM's own load of an article (its identity lookup, the statement's cache key, a result
    set up per execution, the instance's population) costs several times the read itself; a page
    joining a story loads its match this way."""
    mapper: Mapper[Any] = inspect(model)
    if session.identity_map.get(mapper.identity_key_from_primary_key((key,))) is not None:
        return session.get(model, key)
    found = driver_rows(session, _load_statement(mapper), {"key": key})
    if not found:
        return None
    obj: ModelT = mapper.class_manager.new_instance()
    state = inspect(obj)
    state.dict.update(zip(_column_keys(mapper), found[0], strict=True))
    make_transient_to_detached(obj)
    session.add(obj)
    return obj


@lru_cache(maxsize=16)
def _column_keys(mapper: Mapper[Any]) -> tuple[str, ...]:
    return tuple(prop.key for prop in mapper.column_attrs)


@lru_cache(maxsize=16)
def _load_statement(mapper: Mapper[Any]) -> Executable:
    """Every column of the mapped table, in ``_column_keys``' order, of the row with one key."""
    (key_column,) = mapper.primary_key
    columns = [prop.columns[0] for prop in mapper.column_attrs]
    return select(*columns).where(key_column == bindparam("key"))


def _related_keys(
    many_to_one: tuple[tuple[str, tuple[tuple[str, str], ...]], ...], loaded: dict[str, Any]
) -> Iterator[tuple[str, Any]]:
    """The foreign-key values of the many-to-one relationships set on an object."""
    for key, pairs in many_to_one:
        if key in loaded:
            target = loaded[key]
            for local, remote in pairs:
                yield local, None if target is None else getattr(target, remote)


class _Plan:
    """What ``insert_object`` needs of a mapper, worked out once: each column attribute's key, its
    column's key and its Python default (a callable; None for none), whether a column with neither
    default nor value is NULL (no server default, not the key), the many-to-one relationships'
    column pairs, and the primary key's and the local columns' attribute keys."""

    __slots__ = ("columns", "key_columns", "key_props", "many_to_one", "nullable", "related_props", "table")

    def __init__(self, mapper: Mapper[Any]) -> None:
        self.table: Table = mapper.local_table  # type: ignore[assignment]
        self.columns: list[tuple[str, str, Callable[[], Any] | None]] = []
        self.nullable: dict[str, bool] = {}
        for prop in mapper.column_attrs:
            column = prop.columns[0]
            default = column.default
            made = _default(default) if isinstance(default, ColumnDefault) else None
            self.columns.append((prop.key, str(column.key), made))
            self.nullable[prop.key] = column.server_default is None and not column.primary_key
        self.many_to_one = tuple(
            (r.key, tuple((str(local.key), str(remote.key)) for local, remote in r.local_remote_pairs))
            for r in mapper.relationships
            if r.direction is MANYTOONE
        )
        self.key_columns = tuple(str(column.key) for column in mapper.primary_key)
        self.key_props = tuple(mapper.get_property_by_column(column).key for column in mapper.primary_key)
        local = {column for _, pairs in self.many_to_one for column, _ in pairs}
        self.related_props = tuple(
            (str(column.key), mapper.get_property_by_column(column).key)
            for column in self.table.c
            if column.key in local
        )


@lru_cache(maxsize=16)
def _insert_plan(mapper: Mapper[Any]) -> _Plan:
    return _Plan(mapper)


class _Insert:
    """One table's INSERT (or UPDATE by primary key) of one set of columns, compiled for one dialect:
    the SQL, its parameters in order, and what each needs: a bind processor for a value given, a
    Python default (``onupdate`` for an UPDATE) for a column left out."""

    __slots__ = ("defaults", "key", "names", "positional", "processors", "returning", "sql")

    def __init__(self, dialect: Dialect, table: Table, keys: tuple[str, ...], many: bool, kind: str) -> None:
        if kind == "update":  # by primary key: the key's parameters are named after their columns
            key_columns, returning = [], False
            where = [column == bindparam(column.key, type_=column.type) for column in table.primary_key]
            values: dict[str, Any] = {k: bindparam(k) for k in keys if k not in table.primary_key.columns}
            compiled = (
                update(table).where(*where).values(values).compile(dialect=dialect, for_executemany=many)
            )
            prefetch = {column.key: column.onupdate for column in compiled.update_prefetch}
        else:
            key_columns = [column for column in table.primary_key if column.key not in keys]
            returning = not many and dialect.name != "sqlite" and len(key_columns) == 1
            statement = insert(table).returning(*key_columns) if returning else insert(table)
            compiled = statement.compile(dialect=dialect, column_keys=list(keys), for_executemany=many)
            prefetch = {column.key: column.default for column in compiled.insert_prefetch}
        if compiled.escaped_bind_names:  # a column name a pyformat placeholder cannot carry as it is
            raise ValueError(f"{table.name}: a column name needs escaping")
        self.sql = str(compiled)
        self.names = tuple(compiled.positiontup or compiled.binds)
        self.positional = compiled.positiontup is not None
        self.returning = returning
        self.key = key_columns[0].key if len(key_columns) == 1 else None
        found = [
            compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in self.names
        ]
        self.processors: list[tuple[int, Processor]] = [(n, p) for n, p in enumerate(found) if p is not None]
        defaults: dict[str, Callable[[], Any]] = {}
        for name in self.names:
            if name in keys:
                continue
            default = prefetch[name]
            if not isinstance(default, ColumnDefault) or not (default.is_scalar or default.is_callable):
                raise ValueError(f"{table.name}.{name}: a default only SQL computes")
            defaults[name] = _default(default)
        self.defaults = defaults

    def send(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> tuple[Any, ...]:
        """INSERT `rows` (one statement, an executemany for several); a single row's new primary key
        (empty when the row gave its key, or for several rows)."""
        defaults, names, processors = self.defaults, self.names, self.processors
        converted: list[Any] = []
        for row in rows:
            values = [row[name] if name not in defaults else defaults[name]() for name in names]
            for n, process in processors:
                values[n] = process(values[n])
            converted.append(tuple(values) if self.positional else dict(zip(names, values, strict=True)))
        if len(converted) > 1:
            connection.exec_driver_sql(self.sql, converted)
            return ()
        result = connection.exec_driver_sql(self.sql, converted[0])
        if self.key is None:
            return ()
        return (result.scalar_one() if self.returning else result.lastrowid,)


def _default(default: ColumnDefault) -> Callable[[], Any]:
    if default.is_callable:
        function = default.arg
        return lambda: function(None)
    value = default.arg
    return lambda: value


@lru_cache(maxsize=256)
def _statement(
    dialect: Dialect, table: Table, keys: tuple[str, ...], many: bool, kind: str = "insert"
) -> _Insert:
    return _Insert(dialect, table, keys, many, kind)
