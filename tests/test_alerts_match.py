"""Saved searches matched at ingest (real Kiwi, real SQLite with FTS5): the rules of /search,
morphemes and all, decide which articles become deliveries."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from ingest.pipeline import Origin, ingest
from search.alert_match import Document, Matcher, plan_query, saved_search
from search.articles import SearchRequest, search
from store.alerts import NewAlert, create_alert, pause_alert, resume_alert
from store.db import Database
from store.models import Alert, AlertDelivery
from tests.support.alerts import FILLER, PHRASE, UNIVERSITY, YOUTH, youth_page
from tests.support.queue import generated_pages, sample_pages


def make_alert(db: Database, query: str, name: str = "알림", **filters: str) -> int:
    with db.transaction() as session:
        plan, key = plan_query(session, query)
        alert = create_alert(session, NewAlert(name, query, filters, "http://127.0.0.1:9/hook", plan, key))
        return alert.id


def put(
    db: Database, n: int, paragraphs: list[str], source: str = "고용신문", category: str | None = None
) -> int:
    raw = youth_page(n, paragraphs, site=source)
    outcome = ingest(db, raw, Origin(f"https://news.example.com/a/{n}", source, category))
    assert outcome.article_id is not None, outcome
    return outcome.article_id


def matched(db: Database, alert_id: int) -> list[tuple[int, int]]:
    """(article id, revision) of the alert's deliveries."""
    with db.transaction() as session:
        rows = session.execute(
            select(AlertDelivery.article_id, AlertDelivery.revision)
            .where(AlertDelivery.alert_id == alert_id)
            .order_by(AlertDelivery.article_id, AlertDelivery.revision)
        )
        return [(int(a), int(r)) for a, r in rows]


def test_an_inflected_article_matches_청년_지원(db: Database) -> None:
    alert = make_alert(db, "청년 지원")
    article = put(db, 1, YOUTH)  # 청년들에게 … 지원한다: neither word as typed
    assert matched(db, alert) == [(article, 1)]


def test_the_delivery_body_names_the_alert_and_the_article(db: Database) -> None:
    alert = make_alert(db, "청년 지원", name="청년 정책")
    article = put(db, 1, YOUTH, category="고용·노동")
    with db.transaction() as session:
        delivery = session.scalars(select(AlertDelivery)).one()
        body = json.loads(delivery.payload)
    assert list(body) == ["delivery_id", "alert", "article"]
    assert body["delivery_id"] == delivery.id and delivery.status == "pending"
    assert body["alert"] == {"id": alert, "name": "청년 정책"}
    got = body["article"]
    assert (got["id"], got["url"], got["source"]) == (article, "https://news.example.com/a/1", "고용신문")
    assert got["title"] == "고용부, 일경험 사업 참여자 모집 (1)" and got["published"].startswith(
        "2025-12-05T16:40:00+09:00"
    )
    # the stored summary sentences, as texts
    assert got["summary"] and all(any(s.endswith(x) for x in YOUTH + FILLER) for s in got["summary"])
    assert got["excerpt"] and got["category"]


def test_an_exclusion_suppresses_a_match(db: Database) -> None:
    alert = make_alert(db, "청년 지원 -대학")
    plain = put(db, 1, YOUTH)
    put(db, 2, UNIVERSITY)  # 대학 is there: excluded
    assert matched(db, alert) == [(plain, 1)]


def test_a_phrase_stays_a_phrase(db: Database) -> None:
    phrase = make_alert(db, '"청년 지원"')
    words = make_alert(db, "청년 지원")
    together = put(db, 1, PHRASE)  # 청년 지원 사업
    apart = put(db, 2, YOUTH)  # 청년들에게 … 지원한다: both words, not in a row
    assert matched(db, phrase) == [(together, 1)]
    assert matched(db, words) == [(together, 1), (apart, 1)]


def test_filters_narrow_by_source_and_category(db: Database) -> None:
    by_source = make_alert(db, "청년 지원", source="다른신문")
    by_category = make_alert(db, "청년 지원", category="고용·노동")
    nowhere = make_alert(db, "청년 지원", category="없는 분류")
    put(db, 1, YOUTH, source="고용신문")
    other = put(db, 2, PHRASE, source="다른신문")
    assert matched(db, by_source) == [(other, 1)]
    assert [a for a, _ in matched(db, by_category)] == _ids_by_category(db, "고용·노동") != []
    assert matched(db, nowhere) == []


def _ids_by_category(db: Database, category: str) -> list[int]:
    from store.models import Article

    with db.transaction() as session:
        return list(session.scalars(select(Article.id).where(Article.category == category)))


def test_a_new_revision_delivers_again_and_a_restore_of_the_same_text_does_not(db: Database) -> None:
    alert = make_alert(db, "청년 지원")
    article = put(db, 1, YOUTH)
    assert ingest(db, youth_page(1),
                  Origin("https://news.example.com/a/1", "고용신문")).status == "unchanged"  # fmt: skip
    changed = [*YOUTH, "지원 규모는 지난해보다 30% 늘었다."]
    assert put(db, 1, changed) == article
    assert matched(db, alert) == [(article, 1), (article, 2)]


def test_a_paused_alert_makes_no_deliveries_until_resumed(db: Database) -> None:
    alert = make_alert(db, "청년 지원")
    first = put(db, 1, YOUTH)  # the matcher is built and kept
    with db.transaction() as session:
        pause_alert(session, alert)
    put(db, 2, YOUTH)  # … and rebuilt: the pause changed the alerts' version
    with db.transaction() as session:
        resume_alert(session, alert)
    last = put(db, 3, YOUTH)
    assert matched(db, alert) == [(first, 1), (last, 1)]


def test_a_batch_reads_the_alerts_version_once_and_again_after_an_alert_changes_in_it(db: Database) -> None:
    from sqlalchemy import event

    from ingest.pipeline import ingest_within

    alert = make_alert(db, "청년 지원")
    reads: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        reads.extend([statement] if "FROM alert_state" in statement else [])

    event.listen(db.engine, "before_cursor_execute", count)
    session = db.open_transaction()  # one batch: pages in savepoints of one transaction (ingest.batch)
    try:
        first, second = (
            ingest_within(
                session, youth_page(n, YOUTH), Origin(f"https://news.example.com/a/{n}", "고용신문")
            )
            for n in (1, 2)
        )
        assert len(reads) == 1  # the second page matched against the version the first one read
        plan, key = plan_query(session, "청년")
        added = create_alert(session, NewAlert("둘째", "청년", {}, "http://127.0.0.1:9/hook", plan, key))
        third = ingest_within(
            session, youth_page(3, YOUTH), Origin("https://news.example.com/a/3", "고용신문")
        )
        session.commit()
    finally:
        session.close()
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(reads) == 2  # read again after the alert added in the same transaction
    assert matched(db, alert) == [(first.article_id, 1), (second.article_id, 1), (third.article_id, 1)]
    assert matched(db, added.id) == [(third.article_id, 1)]


QUERIES = ["협력", "청년", "지원 확대", '"광역 버스"', "급식 -친환경", "청년 -기업", "지방자치단체 부담"]


def test_alerts_match_exactly_what_search_finds(db: Database) -> None:
    """Over the samples and generated articles, each saved search's deliveries are the articles
    /search returns for its query: one parser, one tokenisation, the same phrase rule."""
    alerts = {q: make_alert(db, q) for q in QUERIES}
    for page in sample_pages() + generated_pages(25, seed=14):
        ingest(db, page.raw, page.origin)
    with db.transaction() as session:
        for query, alert in alerts.items():
            found = {
                h.article_id for h in search(session, SearchRequest(q=query, size=200, facets=False)).hits
            }
            assert {a for a, _ in matched(db, alert)} == found, query
    assert sum(len(matched(db, a)) for a in alerts.values()) > 20  # the queries do find things


def test_the_matcher_checks_only_searches_keyed_by_a_token_the_article_has() -> None:
    searches = [
        ("희귀", _saved(1, (("청년",), ("희귀",)))),
        ("청년", _saved(2, (("청년",),))),
        ("없는", _saved(3, (("없는",),))),
    ]
    matcher = Matcher(searches)
    doc = Document(["청년"], ["청년", "지원", "희귀"])
    assert [s.alert_id for s in matcher.match(doc)] == [1, 2]
    assert matcher.match(Document([], ["지원"])) == []


def _saved(alert_id: int, include: tuple[tuple[str, ...], ...]) -> object:
    alert = Alert(
        id=alert_id, name="x", plan={"include": [list(p) for p in include], "exclude": []}, filters={}
    )
    alert.match_key = ""
    return saved_search(alert)[1]


def test_a_search_is_keyed_by_its_rarest_required_term(db: Database) -> None:
    put(db, 1, YOUTH)
    put(db, 2, PHRASE)
    with db.transaction() as session:
        _, key = plan_query(session, "청년 일자리")  # 청년 in both, 일자리 in one
    assert key == "일자리"


def test_matching_on_postgresql_gives_the_same_deliveries(tmp_path: Path) -> None:
    from tests.support.postgres import require_postgres, temporary_postgres

    require_postgres()
    with temporary_postgres() as url:
        db = Database(url)
        try:
            alert = make_alert(db, "청년 지원 -대학")
            phrase = make_alert(db, '"청년 지원"')
            plain, _, together = put(db, 1, YOUTH), put(db, 2, UNIVERSITY), put(db, 3, PHRASE)
            assert matched(db, alert) == [(plain, 1), (together, 1)]
            assert matched(db, phrase) == [(together, 1)]
        finally:
            db.dispose()


def test_a_database_made_again_at_the_same_url_gets_its_own_matcher(tmp_path: Path) -> None:
    """Same URL, same alert id, same version count: only the epoch tells the old matcher apart."""
    from tests.support.pages import sqlite_url

    url = sqlite_url(tmp_path / "again.db")
    first = Database(url)
    youth = make_alert(first, "청년 지원")
    assert matched(first, youth) == [] and put(first, 1, YOUTH) and len(matched(first, youth)) == 1
    first.dispose()
    for leftover in tmp_path.glob("again.db*"):
        leftover.unlink()
    again = Database(url)
    trail = make_alert(again, "등산로")
    assert trail == youth  # the same id, now another search
    put(again, 1, YOUTH)
    assert matched(again, trail) == []
    again.dispose()
