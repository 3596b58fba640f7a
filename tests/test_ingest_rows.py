"""What a new page costs the database beyond its own rows, on real SQLite (and the counter on
PostgreSQL): the template memory's page count kept in the session until the commit and undone
with a rolled-back savepoint (``store.templates``, ``store.savepoints``), the page found by URL
without reading it whole, the new page and article written by driver SQL and attached to the
session (``store.rows.insert_object``), rows written by driver SQL stored as the unit of work
stores them, a story's signature not set again when it is the same, and a page joining a story
not reading back the rows it has just written, its story joined without the unit of work (and
undone with a rolled-back savepoint)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, event, inspect, select, text
from sqlalchemy.orm import Session

from ingest.batch import Batch
from ingest.coverage import refresh
from ingest.pipeline import Origin, Outcome, ingest, ingest_within
from ingest.stories import assign_story
from nlp.dedupe import Signature
from nlp.template import Fingerprint
from store.db import Database
from store.models import Article, Coverage, Draft, Page, Source, SourceTemplate, Story
from store.templates import remember, seen
from tests.support.postgres import require_postgres, temporary_postgres
from tests.support.site import TOPICS, topic_article

BASE = "http://news.example.go.kr/news"
Item = tuple[bytes, Origin]


class Refused(Exception):
    """Raised inside a savepoint around a page's whole work, to roll the savepoint back."""


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rows.db'}"
        return
    require_postgres()
    with temporary_postgres() as found:
        yield found


def _open(url: str) -> Iterator[Database]:
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    yield from _open(url)


@pytest.fixture
def peer(tmp_path: Path) -> Iterator[Database]:
    yield from _open(f"sqlite:///{tmp_path / 'peer.db'}")


def _items(count: int) -> list[Item]:
    """`count` distinct article pages of one source (topics × rotated sentences)."""
    pages = [(topic, variant) for variant in range(6) for topic in TOPICS][:count]
    return [(topic_article(t, v), Origin(f"{BASE}/{t}-{v}.html", "부처", "행정")) for t, v in pages]


def _batch(db: Database, within: Any = None) -> Batch[Item]:
    return Batch(
        db,
        within or (lambda session, item: ingest_within(session, *item)),
        lambda item: ingest(db, *item),
        pages=100,
        seconds=600,
    )


def _template(db: Database) -> tuple[Any, ...]:
    with db.sessions() as session:
        row = session.scalars(select(SourceTemplate)).one()
        return row.pages_seen, row.learned_at_seen, row.pages, row.titles, row.lines


@contextlib.contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    """Every SQL statement the database is sent meanwhile."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _stored(db: Database) -> dict[str, str]:
    with db.sessions() as session:
        return {u: s for u, s in session.execute(select(Page.url, Page.state))}


# The template memory's count: in the session, written at the commit -----------------------------


def _mature(db: Database, seen_: int = 100) -> None:
    """The source with a template learned at `seen_` pages: the next is learned 10 pages on."""
    with db.transaction() as session:
        source = Source(name="부처", kind="web", category="행정")
        session.add(source)
        session.flush()
        session.add(SourceTemplate(source_id=source.id, pages_seen=seen_, learned_at_seen=seen_, pages=60))


def _row(session: Session) -> SourceTemplate:
    return session.scalars(select(SourceTemplate)).one()


def test_a_batch_counts_pages_in_the_session_and_writes_the_count_at_its_commit(db: Database) -> None:
    _mature(db)
    batch, outcomes = _batch(db), list[Outcome]()
    with _statements(db) as sent:
        for item in _items(5):
            batch.add(item, outcomes.append)
        during = [s for s in sent if s.startswith("UPDATE source_templates")]
        batch.commit()
        at_commit = [s for s in sent if s.startswith("UPDATE source_templates")][len(during) :]
    assert [o.status for o in outcomes] == ["new"] * 5
    assert during == [] and len(at_commit) == 1  # not an UPDATE a page
    assert _template(db)[:2] == (105, 100)


def test_batched_template_memory_matches_page_by_page(db: Database, peer: Database) -> None:
    items = _items(30)  # learned after each of the first 20 pages, then every second one
    for item in items:
        assert ingest(peer, *item).status == "new"
    batch, outcomes = _batch(db), list[Outcome]()
    for item in items:
        batch.add(item, outcomes.append)
    batch.commit()
    assert {o.status for o in outcomes} == {"new"}
    assert _template(db) == _template(peer)  # count, learning cadence, what was learned
    assert _template(db)[:2] == (30, 30)


def test_a_page_rolled_back_inside_a_batch_takes_its_count_with_it(db: Database) -> None:
    _mature(db)

    def within(session: Session, item: Item) -> Outcome:
        if not item[1].url.endswith("/bus-0.html"):
            return ingest_within(session, *item)
        with contextlib.suppress(Refused), session.begin_nested():  # the page stored whole, then undone
            outcome = ingest_within(session, *item)
            assert outcome.status == "new" and seen(session, _row(session)) == 102
            raise Refused
        return Outcome(item[1].url, "failed", error="refused")

    batch, outcomes = _batch(db, within), list[Outcome]()
    for item in _items(4):
        batch.add(item, outcomes.append)
    batch.commit()
    assert [o.status for o in outcomes] == ["new", "failed", "new", "new"]
    assert f"{BASE}/bus-0.html" not in _stored(db)
    assert _template(db)[0] == 103  # not 104: the rolled-back page is not counted


def test_a_batch_the_database_refuses_counts_each_page_once(db: Database) -> None:
    _mature(db)

    def within(session: Session, item: Item) -> Outcome:
        if item[1].url.endswith("/meals-0.html"):
            session.execute(text("SELECT missing FROM no_such_table"))
        return ingest_within(session, *item)

    batch, outcomes = _batch(db, within), list[Outcome]()
    for item in _items(4):
        batch.add(item, outcomes.append)
    batch.commit()
    assert [o.status for o in outcomes] == ["new"] * 4
    assert _template(db)[0] == 104  # the refused batch's counts gone with it, each page again alone


def test_a_rolled_back_savepoint_undoes_the_count_and_a_released_one_keeps_it(db: Database) -> None:
    _mature(db)
    print_ = Fingerprint(titles=("제목",), lines=("줄",), body_hash="h", site="s")
    with db.transaction() as session:
        row = _row(session)
        remember(session, Page(url=f"{BASE}/0"), row.source_id, print_)
        assert seen(session, row) == 101
        with contextlib.suppress(Refused), session.begin_nested():
            with session.begin_nested():  # released: its count is its parent's now
                remember(session, Page(url=f"{BASE}/1"), row.source_id, print_)
            remember(session, Page(url=f"{BASE}/2"), row.source_id, print_)
            assert seen(session, row) == 103
            raise Refused
        assert seen(session, row) == 101
        with session.begin_nested():
            remember(session, Page(url=f"{BASE}/3"), row.source_id, print_)
        assert seen(session, row) == 102 and row.pages_seen == 100  # still in the session
    with db.sessions() as session:
        assert _row(session).pages_seen == 102


# The page and the article: found by id, written by Core -------------------------------------------


def test_a_new_page_is_looked_up_by_id_only_and_written_by_one_insert_each(db: Database) -> None:
    item = _items(1)[0]
    with _statements(db) as sent, db.transaction() as session:
        outcome = ingest_within(session, *item)
        assert not session.new and not session.dirty  # nothing left for the unit of work
        page = session.get(Page, outcome.page_id)
        assert page is not None and page.article is not None and page.article.page is page
        assert page.article.id == outcome.article_id and page.article.story is None
    lookups = [s for s in sent if s.startswith("SELECT") and "FROM pages WHERE pages.url" in s]
    assert lookups and all(s.startswith("SELECT pages.id, pages.raw_hash FROM") for s in lookups)
    assert len([s for s in sent if s.startswith("INSERT INTO pages")]) == 1
    assert len([s for s in sent if s.startswith("INSERT INTO articles")]) == 1
    assert not [s for s in sent if s.startswith(("UPDATE pages", "UPDATE articles"))]
    with db.sessions() as session:
        stored = session.get(Article, outcome.article_id)
        assert stored is not None and stored.page_id == outcome.page_id and stored.source is not None
        assert stored.created_at is not None and stored.revision == 1 and stored.page.state == "processed"
        assert stored.page.source_id == stored.source_id and stored.page.fingerprint


def test_a_page_written_by_core_and_rolled_back_leaves_the_session_and_can_come_again(
    db: Database,
) -> None:
    item = _items(1)[0]
    with db.transaction() as session:
        with contextlib.suppress(Refused), session.begin_nested():
            first = ingest_within(session, *item)
            raise Refused
        assert session.get(Page, first.page_id) is None  # not a stale object in the identity map
        again = ingest_within(session, *item)
        assert again.status == "new"
        changed = ingest_within(session, topic_article("care", 1), item[1])
        assert changed.status == "changed" and changed.article_id == again.article_id
    assert _stored(db) == {item[1].url: "processed"}


# A story's signature, set only when it changed ------------------------------------------------------


def test_assign_story_leaves_an_unchanged_signature_alone(db: Database) -> None:
    outcome = ingest(db, *_items(1)[0])
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None and article.signature is not None
        flushed: list[set[object]] = []
        event.listen(session, "before_flush", lambda s, *_: flushed.append(set(s.dirty)))
        assign_story(session, article, Signature.from_json(article.signature))
        assert not inspect(article).modified and not any(article in dirty for dirty in flushed)


# A page joining a story: what it just wrote is not read back ---------------------------------------


def _coverage(db: Database) -> dict[str, tuple[Any, ...]]:
    with db.sessions() as session:
        rows = session.execute(
            select(Article.url, Coverage.story_id, Coverage.canonical_id, Coverage.data).join(
                Coverage, Coverage.article_id == Article.id
            )
        )
        return {url: tuple(rest) for url, *rest in rows}


def test_a_page_joining_a_story_reads_back_nothing_it_just_wrote(db: Database) -> None:
    release = (topic_article("care"), Origin(f"{BASE}/care.html", "여성가족부", "행정"))
    extra = "여성가족부는 신청 방법을 담은 안내 자료도 함께 냈다."
    copy = (topic_article("care", extra=extra), Origin("http://paper.example.com/care.html", "신문", "행정"))
    assert ingest(db, *release).status == "new"
    with _statements(db) as sent, db.transaction() as session:
        outcome = ingest_within(session, *copy)
        article = session.get(Article, outcome.article_id)
        assert article is not None and article.story is not None
    assert len([s for s in sent if s.startswith("SELECT article_units")]) == 1  # the release's only
    assert not [
        s for s in sent if s.startswith("SELECT coverage.") and "coverage.data, coverage.computed_at" in s
    ]
    assert len([s for s in sent if s.startswith("UPDATE drafts")]) == 1  # story and outlets in one
    computed = _coverage(db)
    assert set(computed) == {copy[1].url} and computed[copy[1].url][0] == article.story_id
    with db.transaction() as session:  # the same coverage read from the database alone
        session.execute(delete(Coverage))
        story = session.get(Story, article.story_id)
        assert story is not None
        refresh(session, story)
    assert _coverage(db) == computed
    with db.sessions() as session:
        draft = session.scalars(select(Draft).where(Draft.story_id == article.story_id)).one()
        assert [o["url"] for o in draft.outlets] == [copy[1].url]


def test_a_page_joining_a_story_sends_the_story_draft_two_selects_and_no_unit_of_work_update(
    db: Database,
) -> None:
    release = (topic_article("care"), Origin(f"{BASE}/care.html", "여성가족부", "행정"))
    copy = (
        topic_article("care", extra="부처는 설명회도 연다."),
        Origin("http://paper.example.com/c.html", "신문", "행정"),
    )
    assert ingest(db, *release).status == "new"
    with _statements(db) as sent, db.transaction() as session:
        outcome = ingest_within(session, *copy)
        article = session.get(Article, outcome.article_id)
        assert article is not None and article.story is not None
        assert not [o for o in session.dirty if isinstance(o, (Article, Story))]  # nothing for a flush
    assert len([s for s in sent if s.startswith("SELECT drafts.")]) == 1  # listed and canonical together
    assert len([s for s in sent if "FROM articles" in s and "coverage.data" in s]) == 1  # members + coverage
    assert not [s for s in sent if s.startswith("SELECT coverage.article_id, coverage.data")]
    assert len([s for s in sent if s.startswith("INSERT INTO stories")]) == 1
    assert len([s for s in sent if s.startswith("UPDATE articles SET story_id")]) == 1  # both articles
    assert not [s for s in sent if s.startswith("UPDATE stories")]  # its canonical named in the INSERT
    with db.sessions() as session:
        story = session.get(Story, article.story_id)
        assert story is not None and sorted(a.url for a in story.articles) == sorted(
            [release[1].url, copy[1].url]
        )
        members = {a.url: a for a in story.articles}
        assert story.canonical_article_id == members[release[1].url].id
        assert all(a.updated_at >= a.created_at for a in story.articles)
        draft = session.scalars(select(Draft).where(Draft.story_id == story.id)).one()
        assert draft.article_id == story.canonical_article_id
        assert [o["url"] for o in draft.outlets] == [copy[1].url]


def test_a_story_joined_in_a_rolled_back_savepoint_leaves_no_trace_in_the_session(db: Database) -> None:
    release = (topic_article("care"), Origin(f"{BASE}/care.html", "여성가족부", "행정"))
    copy = (
        topic_article("care", extra="부처는 설명회도 연다."),
        Origin("http://paper.example.com/c.html", "신문", "행정"),
    )
    first = ingest(db, *release)
    with db.transaction() as session:
        held = session.get(Article, first.article_id)  # the match, held by the session throughout
        assert held is not None and held.story_id is None
        with contextlib.suppress(Refused), session.begin_nested():
            joined = ingest_within(session, *copy)
            assert held.story_id is not None and held.story is not None
            raise Refused
        assert held.story_id is None and held.story is None  # read again, not the rolled-back story
        assert session.get(Article, joined.article_id) is None
        again = ingest_within(session, *copy)
        assert held.story is not None and held.story_id == held.story.id
        stored = session.get(Article, again.article_id)
        assert stored is not None and stored.story is held.story
    with db.sessions() as session:
        assert session.scalars(select(Story)).all() != [] and len(session.scalars(select(Story)).all()) == 1
        assert {a.story_id for a in session.scalars(select(Article))} == {held.story_id}


def test_rows_written_by_driver_sql_read_back_as_the_orm_writes_them(db: Database) -> None:
    """Python defaults, JSON (None as the ORM stores it, lists), aware datetimes, an executemany of
    64-bit keys, and an UPDATE's ``onupdate`` column, on each engine, as the unit of work stores them."""
    from store.models import Revision, StoryBand
    from store.rows import insert_object, insert_rows, update_rows

    def article(page: Page) -> Article:
        return Article(page_id=page.id, url=page.url, title="t", body="b", content_hash="h", signature=None)

    with db.transaction() as session:
        pages = [Page(url=f"{BASE}/{n}", raw_z=b"", raw_hash="h") for n in range(2)]
        session.add_all(pages)
        session.flush()
        by_orm = article(pages[0])
        session.add(by_orm)
        session.flush()
        made = article(pages[1])
        insert_object(session, made)
        assert made.id is not None and made.authors == [] and made.revision == 1 and made.story_id is None
        row = {"article_id": made.id, "revision": 1, "content_hash": "h", "title": "t", "body": "b"}
        insert_rows(session, Revision, [row])
        insert_rows(session, StoryBand, [{"band": b, "article_id": made.id} for b in (-(2**63), 2**63 - 1)])
        stamp = made.created_at
        update_rows(session, Article, [{"id": made.id, "keywords": ["가", "나"]}])
    with db.sessions() as session:
        stored, orm = session.get(Article, made.id), session.get(Article, by_orm.id)
        assert stored is not None and orm is not None
        assert stored.keywords == ["가", "나"] and stored.signature is None and stored.authors == []
        assert stored.created_at == stamp and stored.updated_at > stamp  # onupdate applied
        assert stored.created_at.utcoffset() is not None and stored.excerpt == orm.excerpt == ""
        columns = "signature, authors, sections, lead, published_date_only, revision"
        raw = [
            session.execute(text(f"SELECT {columns} FROM articles WHERE id = :i"), {"i": i}).one()
            for i in (made.id, by_orm.id)
        ]
        assert raw[0] == raw[1]  # the same stored values, JSON null or SQL NULL alike
        revision = session.scalars(select(Revision).where(Revision.article_id == made.id)).one()
        assert revision.created_at is not None and revision.created_at.utcoffset() is not None
        bands = session.scalars(select(StoryBand.band).where(StoryBand.article_id == made.id)).all()
        assert sorted(bands) == [-(2**63), 2**63 - 1]


def test_an_article_loaded_by_driver_sql_is_the_one_the_orm_loads(db: Database) -> None:
    """``store.rows.load_object``: every column as ``session.get`` gives it (JSON, aware datetimes,
    NULLs), the object in the session as loaded (no history, relationships read when asked for),
    and an object the session holds returned as it is."""
    from store.rows import load_object

    outcome = ingest(db, *_items(1)[0])
    assert outcome.article_id is not None
    with db.sessions() as session:
        orm = session.get(Article, outcome.article_id)
        assert orm is not None
        expected = {prop.key: getattr(orm, prop.key) for prop in inspect(Article).column_attrs}
        source_name = orm.source.name if orm.source is not None else None
    with db.transaction() as session:
        with _statements(db) as sent:
            loaded = load_object(session, Article, outcome.article_id)
        assert loaded is not None and len(sent) == 1
        assert {key: getattr(loaded, key) for key in expected} == expected
        assert loaded.published is not None and loaded.published.utcoffset() is not None
        state = inspect(loaded)
        assert state.persistent and not state.modified and not state.expired_attributes
        assert loaded.source is not None and loaded.source.name == source_name
        assert loaded.page.article is loaded and loaded.story is None
        assert load_object(session, Article, outcome.article_id) is loaded  # held: no second read
        assert session.get(Article, outcome.article_id) is loaded
        assert load_object(session, Article, 10**9) is None
        loaded.title = "changed"  # the unit of work sees a change to an object it did not load
    with db.sessions() as session:
        again = session.get(Article, outcome.article_id)
        assert again is not None and again.title == "changed"


def test_a_release_arriving_after_its_copies_takes_the_story_draft_from_the_first_copy(db: Database) -> None:
    papers = [
        (
            topic_article("care", extra=extra),
            Origin(f"http://paper{n}.example.com/care.html", f"신문{n}", "행정"),
        )
        for n, extra in enumerate(("부처는 설명회도 연다.", "신청은 다음 달부터 받는다."))
    ]
    release = (topic_article("care"), Origin(f"{BASE}/care.html", "여성가족부", "행정"))
    for item in papers:
        assert ingest(db, *item).status == "new"
    with db.sessions() as session:
        listed = session.scalars(select(Draft).where(Draft.story_id.is_not(None))).one()
        assert listed.article.url == papers[0][1].url  # the first copy's, until the release comes
    batch, outcomes = _batch(db), list[Outcome]()
    batch.add(release, outcomes.append)
    batch.commit()
    with db.sessions() as session:
        drafts = {d.article.url: d for d in session.scalars(select(Draft))}
        story_draft = drafts[release[1].url]
        assert story_draft.story_id is not None
        assert [o["url"] for o in story_draft.outlets] == [p[1].url for p in papers]
        assert all(drafts[p[1].url].story_id is None and drafts[p[1].url].outlets == [] for p in papers)
