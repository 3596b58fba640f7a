"""The near-duplicate candidate lookup: one indexed query on band hashes, flat as the corpus grows.

Counting every posting of every band grows with the corpus: a band whose minimum comes from a
sentence many articles share (a ministry's boilerplate, a 담당 line, a stock phrase) gathers a
posting per article that has it, and the old lookup read them all for every page. Here each band
contributes at most its ``POSTINGS_PER_BAND`` most recent postings, read from the covering index
(band, article_id) backwards, so a page costs at most bands × that many index entries whatever the
corpus holds. Rare bands (nearly all of them) have fewer postings and are read whole; only an
article older than the latest ``POSTINGS_PER_BAND`` on a common band loses that band's vote, and
retellings of one release arrive within days of each other.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import text
from sqlalchemy.orm import Session

from nlp.dedupe import MIN_SHARED_BANDS

POSTINGS_PER_BAND = 100
CANDIDATES = 20


def candidate_ids(
    session: Session, keys: Sequence[int], article_id: int, limit: int = CANDIDATES
) -> list[int]:
    """Articles sharing at least MIN_SHARED_BANDS of `keys` (recent postings only), most shared first."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # one small plan over an array: PostgreSQL plans a 64-branch UNION anew each time (~15 ms)
        found = session.execute(_LATERAL, {"bands": unique, "article": article_id, "limit": limit})
        return [row[0] for row in found]
    # the driver's own SQL: SQLAlchemy would walk all 64 subqueries for a cache key on every call
    values = (*(v for key in unique for v in (key, article_id)), limit)
    return [row[0] for row in session.connection().exec_driver_sql(_lookup(len(unique)), values)]


def store_and_find(
    session: Session, keys: Sequence[int], article_id: int, limit: int = CANDIDATES
) -> list[int]:
    """Store the article's band keys and return its candidates (``candidate_ids``). The 64 keys
    are one INSERT reading them from one parameter, not 64 rows of an executemany; on
    PostgreSQL the INSERT and the lookup are one statement (its lookup reads the table as it was
    before the INSERT, which is what the lookup wants: it leaves the article's own postings out)."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        found = session.execute(_STORE_AND_LOOKUP, {"bands": unique, "article": article_id, "limit": limit})
        return [row[0] for row in found]
    connection.exec_driver_sql(_STORE_SQLITE, (article_id, json.dumps(unique)))
    return candidate_ids(session, unique, article_id, limit)


# json_each yields each key as an INTEGER (the keys are below 2⁶³: the position's 6 bits, then 56)
_STORE_SQLITE = "INSERT INTO story_bands (band, article_id) SELECT value, ? FROM json_each(?)"

_LOOKUP = f"""SELECT p.article_id FROM unnest(CAST(:bands AS bigint[])) AS b(band)
    CROSS JOIN LATERAL (
        SELECT s.article_id FROM story_bands s WHERE s.band = b.band AND s.article_id != :article
        ORDER BY s.article_id DESC LIMIT {POSTINGS_PER_BAND}
    ) AS p
    GROUP BY p.article_id HAVING count(*) >= {MIN_SHARED_BANDS}
    ORDER BY count(*) DESC, p.article_id DESC LIMIT :limit"""

_STORE_AND_LOOKUP = text(
    "WITH stored AS (INSERT INTO story_bands (band, article_id)"
    " SELECT b, :article FROM unnest(CAST(:bands AS bigint[])) AS b) " + _LOOKUP
)

_LATERAL = text(_LOOKUP)


@lru_cache(maxsize=8)
def _lookup(count: int) -> str:
    """SQLite's statement for `count` bands (qmark parameters: band, article per band; then the limit)."""
    per_band = (
        "SELECT article_id FROM (SELECT article_id FROM story_bands WHERE band = ? AND article_id != ?"
        f" ORDER BY article_id DESC LIMIT {POSTINGS_PER_BAND})"
    )
    postings = " UNION ALL ".join([per_band] * count)
    # one band per minimum: the number of shared bands is the Jaccard estimate, counted in SQL
    return (
        f"SELECT article_id FROM ({postings}) GROUP BY article_id HAVING count(*) >= {MIN_SHARED_BANDS}"
        " ORDER BY count(*) DESC, article_id DESC LIMIT ?"
    )
