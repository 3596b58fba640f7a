"""Alembic environment: runs on the connection newsdesk hands it."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("run migrations with `newsdesk db upgrade`")
    connection = create_engine(url).connect()


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave the FTS5 tables (made by raw SQL in migrations) out of autogenerate."""
    return not (type_ == "table" and name is not None and name.startswith("search_fts"))


context.configure(
    connection=connection,
    include_object=include_object,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
