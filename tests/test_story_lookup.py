"""The stories candidate lookup: one indexed query on band keys, bounded per band; migrations 0014, 0017."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from ingest.story_lookup import POSTINGS_PER_BAND, candidate_ids, store_and_find
from nlp.dedupe import BAND_POSITION_BITS, MIN_SHARED_BANDS, Signature, bands
from store.db import Database
from tests.support.api import alembic_to
from tests.support.postgres import require_postgres, temporary_postgres

STAMP = "2025-01-01 00:00:00.000000"


def _articles(db: Database, bands: dict[int, list[int]]) -> None:
    """Minimal page and article rows, and the given bands of each article."""
    with db.engine.begin() as c:
        for i, keys in bands.items():
            c.execute(
                text(
                    "INSERT INTO pages (id, url, state, raw_z, raw_hash, attempts, fetched_at, updated_at) "
                    "VALUES (:i, :url, 'processed', :raw, 'h', 1, :t, :t)"
                ),
                {"i": i, "url": f"https://lookup.test/{i}", "t": STAMP, "raw": b""},
            )
            c.execute(
                text(
                    "INSERT INTO articles (id, page_id, url, title, body, content_hash, created_at, "
                    "updated_at, authors, category_reason, summary, keywords, excerpt, revision) "
                    "VALUES (:i, :i, :url, 't', 'b', 'h', :t, :t, '[]', '[]', '[]', '[]', '', 1)"
                ),
                {"i": i, "url": f"https://lookup.test/{i}", "t": STAMP},
            )
            for key in keys:
                band = text("INSERT INTO story_bands (band, article_id) VALUES (:b, :i)")
                c.execute(band, {"b": key, "i": i})


def _keys(n: int, salt: int = 0) -> list[int]:
    """`n` band keys, one per position, as ``nlp.dedupe.bands`` lays them out."""
    return [i << BAND_POSITION_BITS | (salt * 1000 + i) for i in range(n)]


def _share_at_least_the_minimum_most_first(db: Database) -> None:
    keys = _keys(10)
    _articles(
        db,
        {
            1: keys[: MIN_SHARED_BANDS + 2],
            2: keys[: MIN_SHARED_BANDS - 1],  # one band short: chance agreement
            3: keys[:MIN_SHARED_BANDS],
            4: keys,  # the article itself is never its own candidate
        },
    )
    with db.transaction() as session:
        assert candidate_ids(session, keys, 4) == [1, 3]
        assert candidate_ids(session, keys, 4, limit=1) == [1]
        assert candidate_ids(session, [], 4) == []


def _common_band_votes_only_for_recent_postings(db: Database) -> None:
    """Boilerplate shared by every article costs the lookup a bounded read, not one per article."""
    rare = _keys(MIN_SHARED_BANDS - 1, salt=7)
    common = 63 << BAND_POSITION_BITS | 424242  # boilerplate
    crowd = {i: [common] for i in range(2, POSTINGS_PER_BAND + 3)}
    _articles(db, {1: [*rare, common], **crowd, 999: [*rare, common]})
    with db.transaction() as session:
        # 999 holds the common band among its latest postings; 1's is older than the latest hundred
        assert candidate_ids(session, [*rare, common], 5000) == [999]
        assert candidate_ids(session, [*rare, common, 62 << BAND_POSITION_BITS], 999) == []


def test_candidates_share_at_least_the_minimum_of_bands_most_first(db: Database) -> None:
    _share_at_least_the_minimum_most_first(db)


def test_a_common_band_lends_its_vote_only_to_its_recent_postings(db: Database) -> None:
    _common_band_votes_only_for_recent_postings(db)


def test_postgres_lookup_agrees() -> None:
    """PostgreSQL runs its own statement (a lateral join over an array): the same answers."""
    require_postgres()
    for scenario in (_share_at_least_the_minimum_most_first, _common_band_votes_only_for_recent_postings):
        with temporary_postgres() as url:
            db = Database(url)
            try:
                scenario(db)
            finally:
                db.dispose()


def test_each_band_is_read_from_the_table_key_alone(db: Database) -> None:
    """The table is its (band, article_id) key: a band's postings are one range of it, no sort."""
    _articles(db, {1: _keys(MIN_SHARED_BANDS)})
    with db.transaction() as session:
        statement = text("EXPLAIN QUERY PLAN SELECT article_id FROM story_bands WHERE band = :b "
                         "AND article_id != :a ORDER BY article_id DESC LIMIT 100")  # fmt: skip
        plan = " ".join(str(row[-1]) for row in session.execute(statement, {"b": _keys(1)[0], "a": 2}))
        assert "USING PRIMARY KEY (band=?" in plan and "TEMP B-TREE" not in plan, plan


def _indexes(url: str) -> set[str]:
    db = Database(url, migrate=False)
    names = {str(index["name"]) for index in inspect(db.engine).get_indexes("story_bands")}
    db.dispose()
    return names


def _up_and_down(url: str) -> None:
    alembic_to(url, "0012")
    assert {"ix_story_bands_band"} <= _indexes(url) and "ix_story_bands_band_article" not in _indexes(url)
    alembic_to(url, "0014")
    assert "ix_story_bands_band_article" in _indexes(url) and "ix_story_bands_band" not in _indexes(url)
    alembic_to(url, "0012", down=True)
    assert "ix_story_bands_band" in _indexes(url) and "ix_story_bands_band_article" not in _indexes(url)


def test_migration_0014_runs_up_and_down(tmp_path: Path) -> None:
    _up_and_down(f"sqlite:///{tmp_path / 'old.db'}")


def test_migration_0014_runs_up_and_down_on_postgres() -> None:
    require_postgres()
    with temporary_postgres() as url:
        _up_and_down(url)


_SIGNED = {1: Signature(40, tuple(range(100, 164))), 2: Signature(40, (*range(100, 150), *range(7, 21)))}


def _old_bands(sig: Signature) -> list[str]:
    """Band keys as schema 0016 wrote them: the position, then the band hash in 24 hex digits."""
    return [
        f"{n}:{hashlib.blake2b(str(m).encode(), digest_size=12).hexdigest()}" for n, m in enumerate(sig.mins)
    ]


def _stored(url: str) -> set[tuple[object, int]]:
    db = Database(url, migrate=False)
    with db.engine.connect() as c:
        found = {(row[0], row[1]) for row in c.execute(text("SELECT band, article_id FROM story_bands"))}
    db.dispose()
    return found


def _converts_and_back(url: str) -> None:
    alembic_to(url, "0016")
    db = Database(url, migrate=False)
    _articles(db, {i: [] for i in _SIGNED})
    with db.engine.begin() as c:
        for i, sig in _SIGNED.items():
            c.execute(
                text("UPDATE articles SET signature = :s WHERE id = :i"),
                {"s": json.dumps(sig.to_json()), "i": i},
            )
            rows = [{"b": key, "i": i} for key in _old_bands(sig)]
            c.execute(text("INSERT INTO story_bands (band, article_id) VALUES (:b, :i)"), rows)
    db.dispose()
    old = _stored(url)
    alembic_to(url, "0017")
    # each stored key converts to the key the current code computes from the same signature
    assert _stored(url) == {(key, i) for i, sig in _SIGNED.items() for key in bands(sig)}
    db = Database(url, migrate=False)
    with db.transaction() as session:
        assert candidate_ids(session, bands(_SIGNED[2]), 2) == [1]
    db.dispose()
    alembic_to(url, "0016", down=True)
    assert _stored(url) == old


def test_migration_0017_converts_band_keys_to_integers_and_back(tmp_path: Path) -> None:
    _converts_and_back(f"sqlite:///{tmp_path / 'old.db'}")


def test_migration_0017_converts_band_keys_on_postgres() -> None:
    require_postgres()
    with temporary_postgres() as url:
        _converts_and_back(url)


def test_a_transactions_new_bands_wait_for_its_commit_and_count_beside_the_tables(db: Database) -> None:
    """SQLite: a fresh article's bands wait in the session until the commit; the lookup counts them
    as a band's most recent postings (so the table's oldest lose their vote past the hundred), and
    a rolled-back savepoint takes them out."""
    rare = _keys(MIN_SHARED_BANDS - 1, salt=7)
    common = 63 << BAND_POSITION_BITS | 424242
    crowd = {i: [common] for i in range(2, POSTINGS_PER_BAND + 1)}  # 99 newer postings than 1's
    _articles(db, {1: [*rare, common], **crowd, 1000: [], 1001: []})
    with db.transaction() as session:
        assert candidate_ids(session, [*rare, common], 5000) == [1]  # 1's is among the latest hundred
        with session.begin_nested():
            assert store_and_find(session, [common], 1000, fresh=True) == []
            # 1000's posting is the band's newest: 1's falls out of the hundred
            assert candidate_ids(session, [*rare, common], 5000) == []
            assert _stored_for(session, 1000) == 0  # waiting for the commit
        assert store_and_find(session, [*rare, common], 1001, fresh=True) == []
        other = _keys(MIN_SHARED_BANDS + 1, salt=9)
        with pytest.raises(RuntimeError), session.begin_nested():
            store_and_find(session, other, 1000, fresh=False)  # stored at once, not waiting
            raise RuntimeError
        assert candidate_ids(session, [*rare, common], 5000) == [1001]  # a candidate as a stored one
    assert {row for row in _stored(db.url) if row[1] >= 1000} == {
        (common, 1000),
        (common, 1001),
        *((key, 1001) for key in rare),
    }
    with db.transaction() as session:  # the same answer from the table alone
        assert candidate_ids(session, [*rare, common], 5000) == [1001]


def test_waiting_and_stored_candidates_are_ordered_together_by_bands_shared(db: Database) -> None:
    keys = _keys(10)
    _articles(db, {1: keys[: MIN_SHARED_BANDS + 1], 2: keys[: MIN_SHARED_BANDS + 3], 3: [], 4: []})
    with db.transaction() as session:
        store_and_find(session, keys[: MIN_SHARED_BANDS + 2], 3, fresh=True)
        store_and_find(session, keys[:MIN_SHARED_BANDS], 4, fresh=True)
        assert candidate_ids(session, keys, 9) == [2, 3, 1, 4]
        assert candidate_ids(session, keys, 9, limit=2) == [2, 3]


def test_a_rolled_back_savepoint_takes_its_waiting_bands_out(db: Database) -> None:
    keys = _keys(MIN_SHARED_BANDS + 2)
    _articles(db, {1: [], 2: []})
    with db.transaction() as session:
        with pytest.raises(RuntimeError), session.begin_nested():
            store_and_find(session, keys, 1, fresh=True)
            assert candidate_ids(session, keys, 2) == [1]
            raise RuntimeError
        assert candidate_ids(session, keys, 2) == []
        assert store_and_find(session, keys, 2, fresh=True) == []
    assert _stored(db.url) == {(key, 2) for key in keys}


def _stored_for(session: Session, article_id: int) -> int:
    return int(session.scalar(text(f"SELECT count(*) FROM story_bands WHERE article_id = {article_id}")) or 0)
