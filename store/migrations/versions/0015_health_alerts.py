"""Alarms: an alert may hear sources going failing and recovering (``source_health``); such a
notice is a delivery with no article (``kind`` "source_health"), one per alert per transition
(``event_key``).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "alerts", sa.Column("source_health", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    with op.batch_alter_table("alert_deliveries") as batch:
        batch.alter_column("article_id", existing_type=sa.Integer(), nullable=True)
        batch.alter_column("revision", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("kind", sa.String(length=20), nullable=False, server_default="article"))
        batch.add_column(sa.Column("event_key", sa.String(length=200), nullable=True))
        batch.create_index("uq_alert_deliveries_alert_event", ["alert_id", "event_key"], unique=True)


def downgrade() -> None:
    op.execute("DELETE FROM alert_deliveries WHERE article_id IS NULL")
    with op.batch_alter_table("alert_deliveries") as batch:
        batch.drop_index("uq_alert_deliveries_alert_event")
        batch.drop_column("event_key")
        batch.drop_column("kind")
        batch.alter_column("revision", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("article_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("alerts") as batch:
        batch.drop_column("source_health")
