"""Document frequencies shared by every process: `doc_freqs` holds each counted phrase's
document frequency, the index's size when it was counted, and when.

Counting a common word scans its whole posting list (0.2–8 s at a million articles on
PostgreSQL under load), and each `serve` worker used to count every word for itself, again
after each restart. Now whichever process counts first writes the count here and the others
read it (`search.articles.DocFreqs`), until the index has grown or shrunk past the drift.

On PostgreSQL, `search_docs.length` gets a B-tree index of its own: BM25's corpus totals
(`count(*)`, `sum(length)`, recounted by each process every 5 minutes and whenever an article
arrives) become an index-only scan instead of a scan of the whole table (at 100k articles:
14–22 ms instead of 105–135 ms).

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "doc_freqs",
        sa.Column("phrase", sa.Text(), primary_key=True),  # index tokens joined by single spaces
        sa.Column("df", sa.Integer(), nullable=False),
        sa.Column("docs", sa.Integer(), nullable=False),
        sa.Column("counted_at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_search_docs_length", "search_docs", ["length"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_docs_length")
    op.drop_table("doc_freqs")
