"""Article sections: the spans of the body's own sub-heading lines, so drafts keep the source's
structure (one section per sub-heading). Articles stored before have none (NULL): drafts then find
the marked sub-headings (□, 1., < … >) in the stored body text.

Revision ID: 0013
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("sections", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "sections")
