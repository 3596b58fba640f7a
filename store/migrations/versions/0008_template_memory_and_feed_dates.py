"""Per-source template memory and feed dates: each page keeps its fingerprint (headline candidates
and short body lines) and the date of the feed item that linked it; each source keeps the template
learned from its latest pages' fingerprints.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pages", sa.Column("feed_published", sa.DateTime(timezone=True), nullable=True))
    op.add_column("pages", sa.Column("fingerprint", sa.JSON(), nullable=True))
    # the learning reads a source's latest pages: one index range, newest first
    op.create_index("ix_pages_source_id_id", "pages", ["source_id", "id"])
    op.create_table(
        "source_templates",
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), primary_key=True),
        sa.Column("pages_seen", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("learned_at_seen", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("pages", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("titles", sa.JSON(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("learned_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("source_templates")
    op.drop_index("ix_pages_source_id_id", table_name="pages")
    op.drop_column("pages", "fingerprint")
    op.drop_column("pages", "feed_published")
