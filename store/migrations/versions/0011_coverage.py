"""Coverage of a release across outlets: each article's sentences as alignment needs them (content
morphemes, figures, offsets), and each outlet article's alignment against its story's canonical one.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_units",
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("units", sa.JSON(), nullable=False),
    )
    op.create_table(
        "coverage",
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("story_id", sa.Integer(), sa.ForeignKey("stories.id"), nullable=False, index=True),
        sa.Column("canonical_id", sa.Integer(), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("canonical_revision", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("coverage")
    op.drop_table("article_units")
