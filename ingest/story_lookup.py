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

from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import Select, bindparam, func, select, text, union_all
from sqlalchemy.orm import Session

from nlp.dedupe import MIN_SHARED_BANDS
from store.models import StoryBand

POSTINGS_PER_BAND = 100
CANDIDATES = 20


def candidate_ids(
    session: Session, keys: Sequence[str], article_id: int, limit: int = CANDIDATES
) -> list[int]:
    """Articles sharing at least MIN_SHARED_BANDS of `keys` (recent postings only), most shared first."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # one small plan over an array: PostgreSQL plans a 64-branch UNION anew each time (~15 ms)
        found = session.execute(_LATERAL, {"bands": unique, "article": article_id, "limit": limit})
        return [row[0] for row in found]
    values: dict[str, object] = {f"band{i}": key for i, key in enumerate(unique)}
    values.update(article=article_id, limit=limit)
    return list(session.scalars(_lookup(len(unique)), values))


_LATERAL = text(
    f"""SELECT p.article_id FROM unnest(CAST(:bands AS varchar[])) AS b(band)
    CROSS JOIN LATERAL (
        SELECT s.article_id FROM story_bands s WHERE s.band = b.band AND s.article_id != :article
        ORDER BY s.article_id DESC LIMIT {POSTINGS_PER_BAND}
    ) AS p
    GROUP BY p.article_id HAVING count(*) >= {MIN_SHARED_BANDS}
    ORDER BY count(*) DESC, p.article_id DESC LIMIT :limit"""
)


@lru_cache(maxsize=8)
def _lookup(count: int) -> Select[tuple[int]]:
    """The statement for `count` bands, built once: building 64 subqueries costs more than running them."""
    per_band = [
        select(StoryBand.article_id)
        .where(StoryBand.band == bindparam(f"band{i}"), StoryBand.article_id != bindparam("article"))
        .order_by(StoryBand.article_id.desc())
        .limit(POSTINGS_PER_BAND)
        .subquery()
        for i in range(count)
    ]
    postings = union_all(*(select(band.c.article_id) for band in per_band)).subquery()
    # one band per minimum: the number of shared bands is the Jaccard estimate, counted in SQL
    shared = func.count().label("shared")
    return (
        select(postings.c.article_id)
        .group_by(postings.c.article_id)
        .having(shared >= MIN_SHARED_BANDS)
        .order_by(shared.desc(), postings.c.article_id.desc())
        .limit(bindparam("limit"))
    )
