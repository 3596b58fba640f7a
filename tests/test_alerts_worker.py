"""Alert deliveries through real `newsdesk worker` processes (filesystem broker, SQLite) to a real
receiver on 127.0.0.1: retries keep one delivery id, a SIGKILLed worker loses no delivery, and an
alert made through the API hears of an article crawled from a loopback site."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from crawler.runner import crawl_source
from ingest.pipeline import Origin, store
from newsdesk.settings import Settings
from search.alert_match import plan_query
from store.alerts import NewAlert, create_alert
from store.db import Database
from store.models import AlertDelivery
from tests.support.alerts import LoopbackWorker, feed_sources, receiver, youth_page
from tests.support.drafts import EDITOR, EDITOR_HEADERS, make_app
from tests.support.queue import wait_until, worker_env
from tests.support.site import Site, rss_feed, topic_article
from worker import tasks
from worker.celery_app import app, configure

RETRY_SECONDS = "0.3"


@dataclass
class Setup:
    settings: Settings
    env: dict[str, str]
    db: Database


@pytest.fixture
def setup(isolated_env: Path) -> Iterator[Setup]:
    """The tasks' Celery app and a worker environment on this test's data folder, fast retries."""
    env = {**worker_env(isolated_env), "NEWSDESK_ALERT_RETRY_SECONDS": RETRY_SECONDS}
    settings = Settings.from_env(env)
    configure(app, settings)
    db = Database(settings.database_url)
    yield Setup(settings, env, db)
    db.dispose()
    tasks.database().dispose()


def make_alert(db: Database, webhook: str, query: str = "청년 지원") -> tuple[int, str]:
    with db.transaction() as session:
        plan, key = plan_query(session, query)
        alert = create_alert(session, NewAlert("청년 정책", query, {}, webhook, plan, key))
        return alert.id, alert.secret


def enqueue_article(db: Database, n: int = 1) -> int:
    raw = youth_page(n)
    page_id, _ = store(db, raw, Origin(f"https://news.example.com/a/{n}", "고용신문"))
    tasks.process.delay(page_id)
    return page_id


def rows(db: Database) -> list[AlertDelivery]:
    with db.transaction() as session:
        return list(session.scalars(select(AlertDelivery)))


def queued(settings: Settings) -> int:
    return len(list((settings.data_dir / "broker" / "queue").glob("*.msg")))


def test_a_receiver_failing_three_times_gets_exactly_one_accepted_delivery(
    setup: Setup, tmp_path: Path
) -> None:
    with receiver(script=[500, 500, 500]) as hook:
        _, secret = make_alert(setup.db, hook.url())
        enqueue_article(setup.db)
        worker = LoopbackWorker(setup.env, tmp_path / "worker.log")
        try:
            wait_until(lambda: len(hook.accepted()) == 1, 90, "the delivery accepted: " + worker.tail(5))
            (row,) = rows(setup.db)
            wait_until(lambda: queued(setup.settings) == 0, 30, "the queue drained")
        finally:
            worker.stop()
        got = hook.all()
    assert [r.status for r in got] == [500, 500, 500, 200]
    assert {r.delivery_id for r in got} == {row.id}  # one id on every attempt: the receiver can dedupe
    assert len({r.body for r in got}) == 1 and all(r.signed_by(secret) for r in got)
    (done,) = rows(setup.db)
    assert (done.status, done.attempts, done.last_status) == ("delivered", 4, 200)


def test_a_worker_killed_mid_delivery_leads_to_redelivery_with_the_same_id(
    setup: Setup, tmp_path: Path
) -> None:
    with receiver(hold=1) as hook:  # the first post is held open: the worker is killed inside it
        make_alert(setup.db, hook.url())
        enqueue_article(setup.db)
        first = LoopbackWorker(setup.env, tmp_path / "first.log")
        try:
            wait_until(lambda: len(hook.all()) == 1, 90, "the first post: " + first.tail(5))
            first.kill()
        finally:
            first.stop()
        hook.released.set()
        (held,) = hook.all()
        (pending,) = rows(setup.db)
        assert (pending.status, pending.id) == ("pending", held.delivery_id)
        second = LoopbackWorker(setup.env, tmp_path / "second.log")
        try:
            assert tasks.reconcile(stuck_after_seconds=0) == {"requeued": 0, "deliveries": 1}
            wait_until(lambda: len(hook.accepted()) == 1, 90, "the redelivery: " + second.tail(5))
        finally:
            second.stop()
        (again,) = hook.accepted()
    assert again.delivery_id == held.delivery_id and again.body == held.body
    (done,) = rows(setup.db)
    assert (done.id, done.status) == (held.delivery_id, "delivered")
    assert tasks.reconcile(stuck_after_seconds=0) == {"requeued": 0}  # nothing left behind


def test_an_alert_made_through_the_api_hears_of_an_article_crawled_from_a_loopback_site(
    setup: Setup, tmp_path: Path
) -> None:
    site = Site()
    base = site.start()
    try:
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        items = [(f"{base}/news/jobs.html", "청년", "Sat, 03 May 2025 15:12:00 +0900"),
                 (f"{base}/news/trail.html", "등산로", "Sat, 03 May 2025 16:12:00 +0900")]  # fmt: skip
        site.add("/feeds/rss.xml", rss_feed(base, items), content_type="application/rss+xml; charset=utf-8")
        site.add("/news/jobs.html", topic_article("jobs"))  # 청년 … 지원사업 … 청년들이
        site.add("/news/trail.html", topic_article("trail"))  # neither word
        sources = tmp_path / "sources.toml"
        sources.write_text(feed_sources("news", f"{base}/feeds/rss.xml"), encoding="utf-8")
        api_settings = replace(setup.settings, editor_tokens=(EDITOR,), allow_loopback_fetch=True)
        with receiver() as hook, TestClient(make_app(api_settings)) as client:
            made = client.post("/alerts", json={"name": "청년", "query": "청년 지원", "webhook": hook.url()},
                               headers=EDITOR_HEADERS)  # fmt: skip
            assert made.status_code == 201, made.text
            worker = LoopbackWorker(setup.env, tmp_path / "worker.log")
            try:
                summary = crawl_source(
                    setup.settings, "news", sources_file=sources, handoff=tasks.process.delay
                )
                assert summary.new == 2
                wait_until(lambda: len(hook.accepted()) >= 1, 120, "the webhook: " + worker.tail(5))
                wait_until(lambda: queued(setup.settings) == 0, 60, "the queue drained")
            finally:
                worker.stop()
            (got,) = hook.all()
            log = client.get(f"/alerts/{made.json()['id']}/deliveries", headers=EDITOR_HEADERS).json()
    finally:
        site.stop()
    assert got.signed_by(made.json()["secret"])
    body = got.json()
    assert body["article"]["url"] == f"{base}/news/jobs.html" and body["alert"]["name"] == "청년"
    assert body["article"]["source"] == "news" and body["article"]["summary"]
    assert [(d["delivery_id"], d["status"]) for d in log["results"]] == [(got.delivery_id, "delivered")]


# the tasks in-process, on the same database ------------------------------------------------------


def test_reconcile_requeues_only_deliveries_overdue_longer_than_the_timeout(setup: Setup) -> None:
    make_alert(setup.db, "http://127.0.0.1:9/hook")
    page_id = enqueue_article(setup.db)
    assert tasks.process(page_id)["status"] == "new"  # run here: its delivery is enqueued after commit
    assert queued(setup.settings) == 2  # the page's message (never consumed here) and the delivery's
    assert tasks.reconcile(stuck_after_seconds=3600) == {"requeued": 0}
    assert tasks.reconcile(stuck_after_seconds=0) == {"requeued": 0, "deliveries": 1}
    assert queued(setup.settings) == 3
    assert tasks.reconcile() == {"requeued": 0}  # touched: the next one waits a full timeout again


@pytest.mark.parametrize("payload", [None, 17, "", ["x"]])
def test_a_malformed_delivery_message_is_dead_lettered(setup: Setup, payload: object) -> None:
    result = tasks.deliver(payload)
    assert result["status"] == "rejected" and "delivery_id must be a string" in result["error"]


def test_a_message_for_a_removed_or_unknown_delivery_does_nothing(setup: Setup) -> None:
    assert tasks.deliver("no-such-delivery")["status"] == "skipped"


def test_alert_settings_are_read_and_refused_in_one_line() -> None:
    from newsdesk.settings import SettingsError

    env = {"NEWSDESK_ALERT_MAX_FAILURES": "3", "NEWSDESK_ALERT_RETRY_SECONDS": "0.5"}
    got = Settings.from_env(env)
    assert (got.alert_max_failures, got.alert_retry_seconds) == (3, 0.5)
    defaults = Settings.from_env({})
    assert (defaults.alert_max_failures, defaults.alert_retry_seconds, defaults.allow_loopback_fetch) == (
        5, 10.0, False,
    )  # fmt: skip
    for name, value in (("RETRY_SECONDS", "soon"), ("RETRY_SECONDS", "-1"), ("RETRY_SECONDS", "nan"),
                        ("MAX_FAILURES", "0")):  # fmt: skip
        with pytest.raises(SettingsError, match=f"NEWSDESK_ALERT_{name}"):
            Settings.from_env({f"NEWSDESK_ALERT_{name}": value})


def test_migration_0010_goes_down_and_up_again(tmp_path: Path) -> None:
    from sqlalchemy import inspect

    from store.db import make_engine
    from tests.support.api import alembic_to

    url = f"sqlite:///{tmp_path / 'migrate.db'}"
    Database(url).dispose()
    alembic_to(url, "0008", down=True)
    engine = make_engine(url)
    assert not {"alerts", "alert_deliveries", "alert_state"} & set(inspect(engine).get_table_names())
    engine.dispose()
    db = Database(url)  # up again on first use
    with db.transaction() as session:
        plan, key = plan_query(session, "청년")
        create_alert(session, NewAlert("x", "청년", {}, "http://127.0.0.1:9/", plan, key))
    db.dispose()


def test_reconcile_posts_deliveries_of_articles_stored_outside_a_worker_after_a_minute(setup: Setup) -> None:
    """`newsdesk ingest` and the like enqueue nothing: reconcile sends what was never tried after
    UNSENT_AFTER, while a tried one waits out the full timeout."""
    import datetime as dt

    from sqlalchemy import update

    from ingest.pipeline import ingest

    make_alert(setup.db, "http://127.0.0.1:9/hook")
    for n in (1, 2, 3):
        raw = youth_page(n)
        assert ingest(setup.db, raw, Origin(f"https://news.example.com/a/{n}", "고용신문")).deliveries
    fresh, unsent, tried = sorted(d.id for d in rows(setup.db))
    earlier = tasks.now() - tasks.UNSENT_AFTER - dt.timedelta(seconds=5)
    with setup.db.transaction() as session:
        session.execute(
            update(AlertDelivery).where(AlertDelivery.id.in_([unsent, tried])).values(next_attempt_at=earlier)
        )
        session.execute(update(AlertDelivery).where(AlertDelivery.id == tried).values(attempts=1))
    assert tasks.reconcile() == {"requeued": 0, "deliveries": 1}
    assert queued(setup.settings) == 1
    message = next((setup.settings.data_dir / "broker" / "queue").glob("*.msg")).read_text()
    assert unsent in message and fresh not in message and tried not in message
