"""Stories (near-duplicates across outlets) with LSH bands; PostgreSQL's GIN search index.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The same morpheme strings as SQLite's FTS5 table, weighted title (A) over body (B).
POSTGRES_INDEX = (
    """ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_terms), 'A') ||
        setweight(to_tsvector('simple', body_terms), 'B')) STORED""",
    "CREATE INDEX ix_search_docs_tsv ON search_docs USING GIN (tsv)",
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canonical_article_id", sa.Integer(), sa.ForeignKey("articles.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "story_bands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_story_bands_article_id", "story_bands", ["article_id"])
    op.create_index("ix_story_bands_band", "story_bands", ["band"])
    op.add_column("articles", sa.Column("signature", sa.JSON(), nullable=True))
    if sqlite:
        # ADD COLUMN … REFERENCES keeps SQLite from copying the whole table
        op.execute("ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id)")
    else:
        op.add_column("articles", sa.Column("story_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_articles_story", "articles", "stories", ["story_id"], ["id"])
        for statement in POSTGRES_INDEX:
            op.execute(statement)
    op.create_index("ix_articles_story_id", "articles", ["story_id"])


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_index("ix_articles_story_id", "articles")
    if not sqlite:
        op.execute("DROP INDEX IF EXISTS ix_search_docs_tsv")
        op.execute("ALTER TABLE search_docs DROP COLUMN IF EXISTS tsv")
        op.drop_constraint("fk_articles_story", "articles", type_="foreignkey")
    op.drop_column("articles", "story_id")
    op.drop_column("articles", "signature")
    op.drop_index("ix_story_bands_band", "story_bands")
    op.drop_index("ix_story_bands_article_id", "story_bands")
    op.drop_table("story_bands")
    op.drop_table("stories")
