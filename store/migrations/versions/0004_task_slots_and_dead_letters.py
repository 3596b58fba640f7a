"""Crawl slots (a double fire of one schedule slot runs once) and dead letters for bad task messages.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("crawl_runs", sa.Column("slot", sa.String(length=40), nullable=True))
    # a unique index, not a constraint: SQLite cannot add constraints without copying the table
    op.create_index("uq_crawl_runs_source_slot", "crawl_runs", ["source_id", "slot"], unique=True)
    op.create_table(
        "dead_letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("dead_letters")
    op.drop_index("uq_crawl_runs_source_slot", "crawl_runs")
    op.drop_column("crawl_runs", "slot")
