"""Search at a million articles: filter tokens in the FTS index, document lengths for BM25.

`search_docs.tags` holds an article's filter tokens (s<source id>, c<category hex>, y/m/d of its
KST publication day); SQLite's FTS table indexes them as a third column so a filter is a
doclist intersection. `search_docs.length` counts the tokens of all three columns, which
PostgreSQL needs to compute the same BM25 as FTS5.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD_COLUMNS = ("title_terms", "body_terms")
NEW_COLUMNS = ("title_terms", "body_terms", "tags")

SQLITE_TAGS = """UPDATE search_docs SET tags = coalesce((SELECT trim(
    coalesce('s' || a.source_id, '') ||
    coalesce(' c' || lower(hex(nullif(a.category, ''))), '') ||
    coalesce(' y' || strftime('%Y', a.published, '+9 hours') ||
             ' m' || strftime('%Y%m', a.published, '+9 hours') ||
             ' d' || strftime('%Y%m%d', a.published, '+9 hours'), ''))
    FROM articles a WHERE a.id = search_docs.article_id), '')"""

POSTGRES_TAGS = """UPDATE search_docs d SET tags = concat_ws(' ',
    's' || a.source_id,
    'c' || encode(convert_to(nullif(a.category, ''), 'UTF8'), 'hex'),
    'y' || to_char(a.published AT TIME ZONE 'Asia/Seoul', 'YYYY'),
    'm' || to_char(a.published AT TIME ZONE 'Asia/Seoul', 'YYYYMM'),
    'd' || to_char(a.published AT TIME ZONE 'Asia/Seoul', 'YYYYMMDD'))
    FROM articles a WHERE a.id = d.article_id"""


def _words(column: str) -> str:
    """Space-separated words in `column`, in SQL both engines understand."""
    spaces = f"length({column}) - length(replace({column}, ' ', ''))"
    return f"({spaces} + (CASE WHEN {column} = '' THEN 0 ELSE 1 END))"


LENGTH = f"UPDATE search_docs SET length = {' + '.join(_words(c) for c in NEW_COLUMNS)}"


def _fts(columns: tuple[str, ...]) -> list[str]:
    """The external-content FTS table over `columns` and the triggers that keep it in step."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"""CREATE VIRTUAL TABLE search_fts USING fts5({names}, content='search_docs',
            content_rowid='article_id', tokenize='unicode61 remove_diacritics 0')""",
        f"""CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
            INSERT INTO search_fts(rowid, {names}) VALUES (new.article_id, {new}); END""",
        f"""CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
            INSERT INTO search_fts(search_fts, rowid, {names})
            VALUES ('delete', old.article_id, {old}); END""",
        f"""CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
            INSERT INTO search_fts(search_fts, rowid, {names}) VALUES ('delete', old.article_id, {old});
            INSERT INTO search_fts(rowid, {names}) VALUES (new.article_id, {new}); END""",
        "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    ]


def _drop_fts() -> None:
    for trigger in ("search_docs_ai", "search_docs_ad", "search_docs_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_fts")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _drop_fts()
    op.add_column("search_docs", sa.Column("tags", sa.Text(), nullable=False, server_default=""))
    op.add_column("search_docs", sa.Column("length", sa.Integer(), nullable=False, server_default="0"))
    op.execute(SQLITE_TAGS if sqlite else POSTGRES_TAGS)
    op.execute(LENGTH)
    if sqlite:
        for statement in _fts(NEW_COLUMNS):
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _drop_fts()
    op.drop_column("search_docs", "length")
    op.drop_column("search_docs", "tags")
    if sqlite:
        for statement in _fts(OLD_COLUMNS):
            op.execute(statement)
