"""Ingest indexes: story bands covered by (band, article_id), so the candidate lookup reads a band's
most recent postings from the index alone and stays flat as the corpus grows.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_story_bands_band_article", "story_bands", ["band", "article_id"])
    # the old single-column index is a prefix of the new one: it would only cost writes
    op.drop_index("ix_story_bands_band", "story_bands")


def downgrade() -> None:
    op.create_index("ix_story_bands_band", "story_bands", ["band"])
    op.drop_index("ix_story_bands_band_article", "story_bands")
