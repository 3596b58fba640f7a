"""Article sections: the spans of the body's own sub-heading lines, so drafts keep the source's
structure (one section per sub-heading). Articles stored before have none (NULL): drafts then find
the marked sub-headings (□, 1., < … >) in the stored body text. And generic_terms: the share of
stored articles holding each common term, refreshed from beat, so keywords rank generic words down.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("sections", sa.JSON(), nullable=True))
    op.create_table(
        "generic_terms",
        sa.Column("term", sa.String(100), primary_key=True),
        sa.Column("share", sa.Float(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("generic_terms")
    op.drop_column("articles", "sections")
