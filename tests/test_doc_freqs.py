"""Document frequencies for BM25 (search.articles.DocFreqs): counted once for every process through
the doc_freqs table (migration 0019), counted again past the drift, and on PostgreSQL taken for
common words from ANALYZE's statistics, within a sample's error of the exact counts. Ranking with
them is ranking with exact counts, on both engines."""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from search import articles, engines
from search.articles import DocFreqs, SearchRequest, _plan, search
from search.engines import PostgresEngine, engine_for
from store import doc_freqs
from store.db import Database
from tests.support.api import Corpus, alembic_to, corpus_on
from tests.support.postgres import require_postgres, temporary_postgres

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ["sqlite", "postgresql"]
QUERIES = ["협력", "밝혔다", "청년 일자리", "협력했다", "지자체 협력 점검", '"심야 버스"', "버스 노선"]


@pytest.fixture(scope="module", params=ENGINES)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    yield from corpus_on(request.param, tmp_path_factory.mktemp(f"df-{request.param}"))


@pytest.fixture
def db(corpus: Corpus) -> Iterator[Database]:
    database = Database(corpus.url)
    with database.engine.begin() as c:
        c.execute(text("DELETE FROM doc_freqs"))
        if database.engine.dialect.name == "postgresql":
            c.execute(text("ANALYZE search_docs"))  # the statistics common words are read from
    engines._PG_COMMON.clear()
    yield database
    database.dispose()


def _shared(db: Database) -> dict[str, tuple[int, int]]:
    with db.engine.connect() as c:
        return {p: (df, docs) for p, df, docs in c.execute(text("SELECT phrase, df, docs FROM doc_freqs"))}


def _counted(db: Database, *words: str) -> dict[str, int]:
    """Exact counts, straight from the engine."""
    with db.sessions() as session:
        engine = engine_for(session)
        return {w: engine.doc_freq(tuple(w.split())) for w in words}


def test_a_count_made_in_one_process_is_read_by_another(db: Database) -> None:
    """A separate process searches; this one then finds its counts in the table, and uses a
    shared count as it stands (planted here as 3, whatever the index holds) without counting."""
    script = (
        "import sys; from store.db import Database; from search.articles import search\n"
        "db = Database(sys.argv[1]); s = db.sessions(); search(s, '\"심야 버스\" 노선'); s.close()"
    )
    subprocess.run([sys.executable, "-c", script, db.url], cwd=ROOT, check=True, timeout=120)
    shared = _shared(db)
    with db.sessions() as session:
        plan = _plan(session, SearchRequest(q='"심야 버스" 노선'))
        assert plan is not None
        engine = engine_for(session)
        rows = engine.corpus().rows
        phrases = plan.include
        exact = {" ".join(p): engine.doc_freq(p) for p in phrases}
    # the phrase is never estimated: the other process counted it, over the index as it is
    assert shared[" ".join(phrases[0])] == (exact[" ".join(phrases[0])], rows)
    assert all(shared[k][0] == n for k, n in exact.items() if k in shared)
    with db.engine.begin() as c:
        c.execute(text("UPDATE doc_freqs SET df = 3"))
    with db.sessions() as session:
        found = DocFreqs().lookup(session, engine_for(session), phrases, rows)
    assert found[phrases[0]] == 3


def test_a_count_is_made_again_once_the_index_has_drifted(db: Database) -> None:
    """A shared count made over an index more than DF_DRIFT smaller (or older than DF_MAX_AGE)
    is counted again, and the new count replaces it; within the drift it stands."""
    phrase = ("협력", "하", "었", "다")
    key = " ".join(phrase)
    exact = _counted(db, key)[key]
    with db.sessions() as session:
        rows = engine_for(session).corpus().rows
    small = math.floor(rows / (1 + 2 * articles.DF_DRIFT))
    old = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=articles.DF_MAX_AGE + 60)
    for docs, counted_at, expected in [
        (rows, dt.datetime.now(dt.UTC), exact + 1000),  # within the drift: trusted as it stands
        (small, dt.datetime.now(dt.UTC), exact),  # grown since: counted again
        (rows, old, exact),  # too old: counted again
    ]:
        with db.engine.begin() as c:
            c.execute(text("DELETE FROM doc_freqs"))
        assert doc_freqs.write(db.engine, {key: exact + 1000}, docs)
        with db.engine.begin() as c:
            c.execute(text("UPDATE doc_freqs SET counted_at = :t"), {"t": counted_at.replace(tzinfo=None)})
        with db.sessions() as session:
            assert DocFreqs().lookup(session, engine_for(session), [phrase], rows) == {phrase: expected}
        assert _shared(db)[key] == (expected, rows if expected == exact else docs)


def test_ranking_with_the_shared_and_estimated_frequencies_is_ranking_with_exact_counts(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every query twice: with the frequencies as the service finds them (estimated or shared),
    then with every one counted exactly (no estimates, nothing shared, nothing kept)."""
    with db.sessions() as session:
        for q in QUERIES:
            search(session, SearchRequest(q=q, size=20))  # counted and shared on the first pass
        found = {q: _ranked(session, q) for q in QUERIES}
    monkeypatch.setattr(engines, "COMMON_SHARE", 2.0)  # no share is that common: every word counted
    monkeypatch.setattr(articles, "_DOC_FREQS", DocFreqs())
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM doc_freqs"))
    with db.sessions() as session:
        exact = {q: _ranked(session, q) for q in QUERIES}
    assert all(found[q] for q in QUERIES)
    assert found == exact


def _ranked(session: Session, q: str) -> list[tuple[int, float]]:
    return [(h.article_id, h.score) for h in search(session, SearchRequest(q=q, size=20)).hits]


def test_the_table_comes_and_goes_with_its_migration(corpus: Corpus) -> None:
    alembic_to(corpus.url, "0018", down=True)
    db = Database(corpus.url, migrate=False)
    assert "doc_freqs" not in _tables(db) and "search_docs" in _tables(db)
    alembic_to(corpus.url, "head")
    assert "doc_freqs" in _tables(db)
    db.dispose()


def _tables(db: Database) -> set[str]:
    with db.engine.connect() as c:
        return set(inspect(c).get_table_names())


# SQLite: a search waits for no writer --------------------------------------------------------------


def test_a_search_shares_nothing_rather_than_wait_for_a_writer(tmp_path: Path) -> None:
    """While another connection holds SQLite's write lock (ingest), the count is not written and
    the search goes on after SHARE_WAIT_MS, not after the 30 s busy timeout."""
    from tests.support.api import build_corpus

    built = build_corpus(tmp_path)
    db = Database(built.url)
    path = db.engine.url.database
    assert path
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        started = time.perf_counter()
        with db.sessions() as session:
            assert search(session, "협력했다").hits
        # far below the 30 s busy timeout it would otherwise wait out, with room for a loaded machine
        assert time.perf_counter() - started < 20
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert _shared(db) == {}
    with db.engine.connect() as c:  # and the pooled connection waits for writers as before
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    db.dispose()


# PostgreSQL: common words from ANALYZE -------------------------------------------------------------

SHARES = {"alpha": 2, "bravo": 10, "charlie": 50}  # a word in every 2nd, 10th, 50th row


@pytest.fixture(scope="module")
def sampled() -> Iterator[Database]:
    """40,000 index rows, ANALYZE'd from a sample of 3,000 (statistics target 10)."""
    require_postgres()
    with temporary_postgres() as url:
        db = Database(url)
        words = " || ".join(f"CASE WHEN i % {k} = 0 THEN ' {w}' ELSE '' END" for w, k in SHARES.items())
        with db.engine.begin() as c:
            c.execute(text("SET LOCAL session_replication_role = replica"))  # rows without articles
            c.execute(
                text(
                    "INSERT INTO search_docs (article_id, title_terms, body_terms, tags, length) "
                    f"SELECT i, 'zulu' || (i % 7), 'filler' || {words}, 's1 m202501', 5 "
                    "FROM generate_series(1, 40000) AS i"
                )
            )
            c.execute(text("ALTER TABLE search_docs ALTER COLUMN tsv SET STATISTICS 10"))
            c.execute(text("ANALYZE search_docs"))
        engines._PG_COMMON.clear()
        yield db
        engines._PG_COMMON.clear()
        db.dispose()


def test_common_words_are_estimated_within_a_samples_error(sampled: Database) -> None:
    """Each estimate within four standard errors of a 3,000-row sample of the exact count (at a
    million articles ANALYZE samples 300,000 rows: a word in 1% of them is known to ±1.8%)."""
    with sampled.sessions() as session:
        engine = PostgresEngine(session)
        rows = engine.corpus().rows
        phrases = [(w,) for w in SHARES]
        estimated = engine.common_doc_freqs(phrases, rows)
        exact = {p: engine.doc_freq(p) for p in phrases}
    assert set(estimated) == set(phrases)
    for phrase, n in exact.items():
        share = n / rows
        error = 4 * math.sqrt(share * (1 - share) / 3000) * rows
        assert abs(estimated[phrase] - n) <= error, (phrase, estimated[phrase], n)


def test_phrases_tag_like_words_and_rare_words_are_not_estimated(sampled: Database) -> None:
    """A phrase's adjacency, a filter tag's own occurrences (s1, m202501 share the tsvector) and a
    word under COMMON_SHARE are counted instead."""
    with sampled.sessions() as session:
        engine = PostgresEngine(session)
        rows = engine.corpus().rows
        estimated = engine.common_doc_freqs([("filler", "alpha"), ("s1",), ("m202501",), ("nowhere",)], rows)
        assert estimated == {}
        assert engine.doc_freq(("s1",)) == 0  # only the tags hold it


def test_the_corpus_totals_can_be_read_from_the_length_index() -> None:
    """0019's index on search_docs.length holds all BM25's corpus totals need: an index-only scan,
    not a read of every row (the planner takes it once the table outgrows the index)."""
    require_postgres()
    with temporary_postgres() as url:
        db = Database(url)
        with db.engine.begin() as c:
            c.execute(text("SET LOCAL enable_seqscan = off"))
            plan = c.execute(text("EXPLAIN SELECT count(*), coalesce(sum(length), 0) FROM search_docs"))
            lines = "\n".join(row[0] for row in plan)
        db.dispose()
    assert "Index Only Scan using ix_search_docs_length" in lines, lines
