"""PostgreSQL search at a million articles: a search index of two columns, the stored tsvector
and the filters alone (the tags, and each document's id blocks), so a window of ids is a few more
lexemes in the query, GIN reads only that window, and no filter makes a row be rechecked.

A GIN index returns a word's matches as one unordered set: reading the newest 300 matches of a
common word in a window of ids meant decoding every posting of the word (168,655 for `정부` at a
million) and intersecting with the window afterwards. The second column holds, per document,
the aligned blocks of ids it belongs to (`#10.<id >> 10>`, `#14.<id >> 14>`, …: blocks of 1,024,
16,384, 262,144 and 4,194,304 ids); a window is the few blocks covering it, and GIN drives the
intersection from the rarest posting list, skipping through the common word's posting tree to
the block's entries instead of reading it all. The filter tags are there again without a
weight: in the tsvector they carry weight C (0016), which GIN cannot check, so every candidate
of a filtered query was rechecked from its row.

The stored `tsv` column stays as it is (no table rewrite); the index replaces
`ix_search_docs_tsv`, and `search/engines.py` queries the same expression (`_filters` there; a
test checks the planner uses this index).

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_SHIFTS = (10, 14, 18, 22)
_BLOCKS = "array_to_tsvector(ARRAY[{}])".format(
    ", ".join(f"'#{shift}.' || (article_id >> {shift})::text" for shift in _SHIFTS)
)
_FILTERS = f"strip(to_tsvector('simple', tags)) || {_BLOCKS}"
_OPTIONS = " WITH (fastupdate = on, gin_pending_list_limit = 512)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    op.execute(f"CREATE INDEX ix_search_docs_blocks ON search_docs USING GIN (tsv, ({_FILTERS})){_OPTIONS}")
    op.execute("DROP INDEX IF EXISTS ix_search_docs_tsv")
    op.execute("ALTER INDEX ix_search_docs_blocks ALTER COLUMN 2 SET STATISTICS 1000")
    op.execute("ANALYZE search_docs")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    op.execute(f"CREATE INDEX ix_search_docs_tsv ON search_docs USING GIN (tsv){_OPTIONS}")
    op.execute("DROP INDEX IF EXISTS ix_search_docs_blocks")
