"""What each crawl run saw (requests, responses, failures by reason class, field yields of the
articles it produced) and the health status last notified per source.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("crawl_runs", sa.Column("requests", sa.Integer(), nullable=True))
    op.add_column("crawl_runs", sa.Column("responses", sa.Integer(), nullable=True))
    op.add_column("crawl_runs", sa.Column("failures", sa.JSON(), nullable=True))
    op.add_column("crawl_runs", sa.Column("yields", sa.JSON(), nullable=True))
    op.add_column("crawl_runs", sa.Column("yield_state", sa.JSON(), nullable=True))
    op.add_column("sources", sa.Column("health_notified", sa.String(length=10), nullable=True))


def downgrade() -> None:
    op.drop_column("sources", "health_notified")
    op.drop_column("crawl_runs", "yield_state")
    op.drop_column("crawl_runs", "yields")
    op.drop_column("crawl_runs", "failures")
    op.drop_column("crawl_runs", "responses")
    op.drop_column("crawl_runs", "requests")
