"""Story bands as 64-bit integers in a table keyed by (band, article_id): the band index was keyed by
a 40-character string ("12:" and 24 hex digits) beside a row id, and at a million articles its
64 million entries made the candidate lookup's index the largest thing ingest touched. A key is now
the band's position in its top bits and the first 56 bits of the same band hash (``nlp.dedupe``),
so each stored key converts as it is; on SQLite the table has no row id (the key is the table).

Downgrading writes the old keys again from each article's stored signature (the old band hash of
one minimum per band), so a downgraded database finds the same candidates the old code would.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_CHUNK = 50_000
_POSITION_BITS = 56


def _new_key(old: str) -> int:
    position, digest = old.split(":", 1)
    return int(position) << _POSITION_BITS | int(digest[:14], 16)


def _chunks(sql: str) -> Iterator[list[Any]]:
    """Rows of `sql` (whose first column is a row id bound as :last) in id order, a chunk at a time,
    so neither engine holds the whole table in memory."""
    bind, last = op.get_bind(), 0
    while True:
        rows = list(bind.execute(sa.text(sql), {"last": last, "chunk": _CHUNK}))
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def upgrade() -> None:
    op.create_table(
        "story_bands_new",
        sa.Column("band", sa.BigInteger(), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), primary_key=True),
        sqlite_with_rowid=False,
    )
    new = sa.table(
        "story_bands_new", sa.column("band", sa.BigInteger()), sa.column("article_id", sa.Integer())
    )
    old = "SELECT id, band, article_id FROM story_bands WHERE id > :last ORDER BY id LIMIT :chunk"
    for rows in _chunks(old):
        # a key seen twice for one article (two positions never share one) is stored once
        keys = {(_new_key(band), article_id) for _, band, article_id in rows}
        op.get_bind().execute(sa.insert(new), [{"band": b, "article_id": a} for b, a in keys])
    op.drop_table("story_bands")
    op.rename_table("story_bands_new", "story_bands")
    op.create_index("ix_story_bands_article_id", "story_bands", ["article_id"])


def _old_keys(signature: Any) -> list[str]:
    data = json.loads(signature) if isinstance(signature, str) else signature
    mins = data.get("mins", []) if isinstance(data, dict) else []
    return [f"{i}:{hashlib.blake2b(str(m).encode(), digest_size=12).hexdigest()}" for i, m in enumerate(mins)]


def downgrade() -> None:
    op.drop_table("story_bands")
    op.create_table(
        "story_bands",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("band", sa.String(40), nullable=False),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), nullable=False),
    )
    bands = sa.table("story_bands", sa.column("band", sa.String()), sa.column("article_id", sa.Integer()))
    signed = (
        "SELECT id, signature FROM articles WHERE id > :last AND signature IS NOT NULL"
        " ORDER BY id LIMIT :chunk"
    )
    for rows in _chunks(signed):
        keys = [{"band": key, "article_id": i} for i, signature in rows for key in _old_keys(signature)]
        if keys:
            op.get_bind().execute(sa.insert(bands), keys)
    op.create_index("ix_story_bands_article_id", "story_bands", ["article_id"])
    op.create_index("ix_story_bands_band_article", "story_bands", ["band", "article_id"])
