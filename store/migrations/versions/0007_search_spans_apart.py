"""Spans apart from the search documents: ranking reads a search_docs row for each of up to 300
matches per query, highlights read spans for the ten on the page. With the spans inside it, a
row outgrew a database page and every match cost an overflow-page walk.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_spans",
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("spans", sa.JSON(), nullable=False),
    )
    op.execute("INSERT INTO search_spans (article_id, spans) SELECT article_id, spans FROM search_docs")
    op.drop_column("search_docs", "spans")


def downgrade() -> None:
    op.add_column("search_docs", sa.Column("spans", sa.JSON(), nullable=False, server_default="[]"))
    op.execute(
        "UPDATE search_docs SET spans = coalesce("
        "(SELECT s.spans FROM search_spans s WHERE s.article_id = search_docs.article_id), spans)"
    )
    op.drop_table("search_spans")
