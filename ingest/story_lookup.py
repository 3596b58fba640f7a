"""The near-duplicate candidate lookup: one indexed query on band hashes, flat as the corpus grows.

Counting every posting of every band grows with the corpus: a band whose minimum comes from a
sentence many articles share (a ministry's boilerplate, a 담당 line, a stock phrase) gathers a
posting per article that has it, and the old lookup read them all for every page. Here each band
contributes at most its ``POSTINGS_PER_BAND`` most recent postings, read from the covering index
(band, article_id) backwards, so a page costs at most bands × that many index entries whatever the
corpus holds. Rare bands (nearly all of them) have fewer postings and are read whole; only an
article older than the latest ``POSTINGS_PER_BAND`` on a common band loses that band's vote, and
retellings of one release arrive within days of each other.

On SQLite a new article's bands wait in the session (``Pending``) and the transaction's commit
writes them all at once, in key order: a batch of pages (``ingest.batch``) then touches each leaf
of the ``(band, article_id)`` key once, not once a page, and no page's savepoint copies the 64
leaves its bands would dirty into SQLite's sub-journal. A later page of the same transaction finds
them beside the table's (the lookup counts both), and a rolled-back savepoint takes its page's out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import event, text
from sqlalchemy.orm import Session, SessionTransaction

from nlp.dedupe import MIN_SHARED_BANDS
from store.savepoints import on_rollback

POSTINGS_PER_BAND = 100
CANDIDATES = 20

_PENDING = "story_bands_pending"  # session.info key: the transaction's bands not written yet


@dataclass(slots=True)
class Pending:
    """New articles' bands stored in this transaction and not written yet: each band's postings
    (article ids, in the order stored) and each article's keys."""

    postings: dict[int, list[int]] = field(default_factory=dict)
    keys: dict[int, list[int]] = field(default_factory=dict)

    def add(self, article_id: int, keys: list[int]) -> None:
        self.keys[article_id] = keys
        for key in keys:
            self.postings.setdefault(key, []).append(article_id)

    def remove(self, article_id: int) -> None:
        for key in self.keys.pop(article_id, ()):
            ids = self.postings[key]
            ids.remove(article_id)
            if not ids:
                del self.postings[key]

    def rows(self) -> list[tuple[int, int]]:
        """Every (band, article_id), in the table's key order."""
        return sorted((key, article_id) for article_id, keys in self.keys.items() for key in keys)


def candidate_ids(
    session: Session, keys: Sequence[int], article_id: int, limit: int = CANDIDATES
) -> list[int]:
    """Articles sharing at least MIN_SHARED_BANDS of `keys` (recent postings only), most shared
    first: those in the table and those whose bands wait in the session (``store_and_find``)."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # one small plan over an array: PostgreSQL plans a 64-branch UNION anew each time (~15 ms)
        rows = session.execute(_LATERAL, {"bands": unique, "article": article_id, "limit": limit})
        return [row[0] for row in rows]
    pending: Pending | None = session.info.get(_PENDING)
    waiting = pending.postings if pending is not None else {}
    # a band's most recent postings are its waiting ones (stored in this transaction: newer than
    # any the table holds) and then the table's, up to POSTINGS_PER_BAND in all
    shared: dict[int, int] = {}
    values: list[int] = []
    for key in unique:
        ids = [i for i in waiting.get(key, ()) if i != article_id][-POSTINGS_PER_BAND:]
        for i in ids:
            shared[i] = shared.get(i, 0) + 1
        values += (key, article_id, POSTINGS_PER_BAND - len(ids))
    values.append(limit)
    # the driver's own SQL: SQLAlchemy would walk all 64 subqueries for a cache key on every call
    found = session.connection().exec_driver_sql(_lookup(len(unique)), tuple(values)).all()
    if not shared:
        return [row[0] for row in found]
    # an article's bands are all in the table or all waiting: its count is one side's
    counted = [(n, i) for i, n in shared.items() if n >= MIN_SHARED_BANDS] + [(n, i) for i, n in found]
    return [i for _n, i in sorted(counted, reverse=True)[:limit]]


def store_and_find(
    session: Session, keys: Sequence[int], article_id: int, limit: int = CANDIDATES, fresh: bool = False
) -> list[int]:
    """Store the article's band keys and return its candidates (``candidate_ids``). On SQLite a
    `fresh` article's keys (stored just now for the first time, in this transaction) wait in the
    session until the commit (``Pending``), and another article's are one INSERT reading them from
    one parameter; on PostgreSQL the INSERT and the lookup are one statement (its lookup reads the
    table as it was before the INSERT, which is what the lookup wants: it leaves the article's
    own postings out)."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        found = session.execute(_STORE_AND_LOOKUP, {"bands": unique, "article": article_id, "limit": limit})
        return [row[0] for row in found]
    candidates = candidate_ids(session, unique, article_id, limit)
    if not fresh:
        connection.exec_driver_sql(_STORE_SQLITE, (article_id, json.dumps(unique)))
        return candidates
    pending: Pending = session.info.setdefault(_PENDING, Pending())
    pending.add(article_id, unique)
    on_rollback(session, lambda: pending.remove(article_id))
    return candidates


def forget(session: Session, article_id: int) -> None:
    """Take an article's waiting bands out (its stored bands are being replaced)."""
    pending: Pending | None = session.info.get(_PENDING)
    if pending is not None:
        pending.remove(article_id)


@event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    """The transaction's commit (not a savepoint's release) writes the waiting bands, in key order."""
    pending: Pending | None = session.info.get(_PENDING)
    if pending is None or not pending.keys or session.in_nested_transaction():
        return
    session.connection().exec_driver_sql(_INSERT_SQLITE, pending.rows())
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    """Committed or rolled back, the transaction's waiting bands are gone with it."""
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_PENDING, None)


# json_each yields each key as an INTEGER (the keys are below 2⁶³: the position's 6 bits, then 56)
_STORE_SQLITE = "INSERT INTO story_bands (band, article_id) SELECT value, ? FROM json_each(?)"
_INSERT_SQLITE = "INSERT INTO story_bands (band, article_id) VALUES (?, ?)"

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
    """SQLite's statement for `count` bands (qmark parameters: band, article, how many postings per
    band; then the limit), each candidate with its number of shared bands."""
    per_band = (
        "SELECT article_id FROM (SELECT article_id FROM story_bands WHERE band = ? AND article_id != ?"
        " ORDER BY article_id DESC LIMIT ?)"
    )
    postings = " UNION ALL ".join([per_band] * count)
    # one band per minimum: the number of shared bands is the Jaccard estimate, counted in SQL
    return (
        f"SELECT article_id, count(*) FROM ({postings}) GROUP BY article_id"
        f" HAVING count(*) >= {MIN_SHARED_BANDS} ORDER BY count(*) DESC, article_id DESC LIMIT ?"
    )
