"""Per-source rights (summary mode and caps, attribution) and story drafts with an editor's length.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column(
        "sources", sa.Column("summary_mode", sa.String(length=10), nullable=False, server_default="full")
    )
    op.add_column("sources", sa.Column("max_sentences", sa.Integer(), nullable=True))
    op.add_column("sources", sa.Column("max_chars", sa.Integer(), nullable=True))
    op.add_column("sources", sa.Column("attribution", sa.Text(), nullable=True))
    if sqlite:
        # ADD COLUMN … REFERENCES keeps SQLite from copying the whole table
        op.execute("ALTER TABLE drafts ADD COLUMN story_id INTEGER REFERENCES stories(id)")
    else:
        op.add_column("drafts", sa.Column("story_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_drafts_story", "drafts", "stories", ["story_id"], ["id"])
    op.create_index("ix_drafts_story_id", "drafts", ["story_id"])
    op.add_column("drafts", sa.Column("outlets", sa.JSON(), nullable=False, server_default="[]"))
    op.add_column("drafts", sa.Column("summary_sentences", sa.Integer(), nullable=True))
    op.add_column("drafts", sa.Column("summary_max_chars", sa.Integer(), nullable=True))
    op.add_column("drafts", sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column in ("status_changed_at", "summary_max_chars", "summary_sentences", "outlets"):
        op.drop_column("drafts", column)
    op.drop_index("ix_drafts_story_id", "drafts")
    if not sqlite:
        op.drop_constraint("fk_drafts_story", "drafts", type_="foreignkey")
    op.drop_column("drafts", "story_id")
    for column in ("attribution", "max_chars", "max_sentences", "summary_mode"):
        op.drop_column("sources", column)
