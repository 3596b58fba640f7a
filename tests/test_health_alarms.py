"""Alarms: a source going failing (and recovering) is posted, signed, to the alerts that subscribed
to source health, once per transition; through the real delivery machinery and a real worker."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select

from crawler.runner import crawl_source
from ingest.alert_delivery import Policy, attempt
from ingest.fetch_guard import AddressGuard
from newsdesk.cli import main
from newsdesk.settings import Settings
from search.alert_match import plan_query
from store.alerts import NewAlert, active_alerts, create_alert
from store.db import Database, make_engine
from store.health_notices import add_health_deliveries
from store.models import AlertDelivery
from tests.support.alerts import PUBLIC_HOOK, LoopbackWorker, Receiver, receiver
from tests.support.api import alembic_to
from tests.support.boards import FIRST, SECOND, closed_port, publish
from tests.support.drafts import EDITOR, EDITOR_HEADERS, make_app
from tests.support.postgres import require_postgres, temporary_postgres
from tests.support.queue import wait_until, worker_env
from tests.support.site import Site
from tests.support.sources_file import SOURCES, source
from worker import tasks
from worker.celery_app import app, configure


@dataclass
class Alerts:
    """The alerts of one test: id → secret, by role."""

    every: tuple[int, str]  # health of every source, no query
    board: tuple[int, str]  # health of the board only, with a query too
    other: tuple[int, str]  # health of another source only
    articles: tuple[int, str]  # a saved search that did not subscribe


def make_alerts(db: Database, webhook: str) -> Alerts:
    def add(name: str, query: str, filters: dict[str, str], health: bool) -> tuple[int, str]:
        plan, key = plan_query(session, query) if query else ({"include": [], "exclude": []}, "")
        alert = create_alert(session, NewAlert(name, query, filters, webhook, plan, key, health))
        return alert.id, alert.secret

    with db.transaction() as session:
        return Alerts(
            every=add("모든 출처", "", {}, True),
            board=add("게시판", "청년 지원", {"source": "board"}, True),
            other=add("다른 출처", "", {"source": "elsewhere"}, True),
            articles=add("청년", "청년 지원", {}, False),
        )


def post_all(db: Database, ids: tuple[str, ...]) -> None:
    """What the deliver task does for each id (ingest.alert_delivery.attempt), in-process."""
    policy = Policy(guard=AddressGuard(allow_loopback=True))
    for delivery_id in ids:
        assert attempt(db, delivery_id, policy).result == "delivered"


def bodies(hook: Receiver) -> list[dict[str, Any]]:
    return [r.json() for r in hook.accepted()]


@pytest.fixture
def board(isolated_env: Path) -> Iterator[tuple[Site, Settings]]:
    site = Site()
    base = site.start()
    folder = isolated_env
    folder.mkdir(parents=True, exist_ok=True)
    text = SOURCES + source("board", "listing", f"{base}/board/list.html", article_links="ul.board_list a")
    (folder / "sources.toml").write_text(text, encoding="utf-8")
    settings = Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'alarms.db'}",
                        broker_url="memory://", sources=folder / "sources.toml")  # fmt: skip
    try:
        yield site, settings
    finally:
        site.stop()


def test_failing_and_recovery_are_each_posted_once_to_the_subscribed_alerts(
    board: tuple[Site, Settings], caplog: pytest.LogCaptureFixture
) -> None:
    site, settings = board
    db = Database(settings.database_url)
    caplog.set_level(logging.ERROR, logger="newsdesk.health")
    try:
        with receiver() as hook:
            alerts = make_alerts(db, hook.url())
            publish(site, "board", "v1", FIRST)
            healthy = crawl_source(settings, "board")
            assert healthy.health is not None and healthy.health.status == "ok"
            assert healthy.health.notices == ()  # a source that starts ok announces nothing

            publish(site, "board", "titles", SECOND)  # the template changed: titles gone
            broken = crawl_source(settings, "board")
            assert broken.health is not None and broken.health.failing
            assert len(broken.health.notices) == 2
            post_all(db, broken.health.notices)
            failing = {r.json()["alert"]["id"]: r for r in hook.accepted()}
            assert sorted(failing) == sorted([alerts.every[0], alerts.board[0]])
            assert failing[alerts.every[0]].signed_by(alerts.every[1])
            assert failing[alerts.board[0]].signed_by(alerts.board[1])
            body = failing[alerts.every[0]].json()
            assert (
                body["event"] == "source_failing"
                and body["delivery_id"] == failing[alerts.every[0]].delivery_id
            )
            assert body["alert"] == {"id": alerts.every[0], "name": "모든 출처"}
            assert body["source"]["name"] == "board" and body["source"]["status"] == "failing"
            assert body["source"]["reasons"] == list(broken.health.reasons) and body["source"]["reasons"]
            assert body["source"]["last_run"]["id"] == broken.run_id
            assert "article" not in body

            still = crawl_source(settings, "board")  # still failing: nothing more to say
            assert still.health is not None and still.health.failing and still.health.notices == ()

            publish(site, "board", "v1", range(12, 18))  # mended
            mended = crawl_source(settings, "board")
            assert mended.health is not None and mended.health.status == "ok"
            post_all(db, mended.health.notices)
            events = [(b["alert"]["id"], b["event"]) for b in bodies(hook)]
        with db.transaction() as session:
            rows = list(session.scalars(select(AlertDelivery)))
    finally:
        db.dispose()
    assert sorted(events) == sorted([(alerts.every[0], "source_failing"), (alerts.board[0], "source_failing"),
                                     (alerts.every[0], "source_recovered"),
                                     (alerts.board[0], "source_recovered")])  # fmt: skip
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert [m.split(":")[0] for m in logged] == ["source board is failing", "source board recovered"]
    notices = [r for r in rows if r.kind == "source_health"]
    assert {(r.article_id, r.status) for r in notices} == {(None, "delivered")}
    assert len(notices) == 4  # none to the unsubscribed alert, none to the one of another source
    # the board's articles match 청년 지원: only the alerts with that query have them pending
    assert {r.alert_id for r in rows if r.kind == "article"} <= {alerts.board[0], alerts.articles[0]}


def test_a_health_only_alert_matches_no_article(board: tuple[Site, Settings]) -> None:
    _, settings = board
    db = Database(settings.database_url)
    try:
        with receiver() as hook:
            alerts = make_alerts(db, hook.url())
        with db.transaction() as session:
            matching = {a.id for a in active_alerts(session)}
    finally:
        db.dispose()
    assert matching == {alerts.board[0], alerts.articles[0]}


def test_the_api_takes_and_shows_source_health(board: tuple[Site, Settings]) -> None:
    _, settings = board
    api = replace(settings, editor_tokens=(EDITOR,), allow_loopback_fetch=True)
    with receiver() as hook, TestClient(make_app(api)) as client:
        wanted = {"name": "출처 경보", "webhook": hook.url(), "source_health": True}
        made = client.post("/alerts", headers=EDITOR_HEADERS, json=wanted)
        assert made.status_code == 201, made.text
        assert made.json()["source_health"] is True and made.json()["query"] == ""
        bare = client.post("/alerts", headers=EDITOR_HEADERS, json={"name": "빈 검색", "webhook": hook.url()})
        assert bare.status_code == 422 and "query" in bare.text
        listed = client.get("/alerts", headers=EDITOR_HEADERS).json()["results"]
    assert [(a["name"], a["source_health"]) for a in listed] == [("출처 경보", True)]


def test_a_worker_posts_the_notice_of_a_source_whose_host_refuses(isolated_env: Path, tmp_path: Path) -> None:
    """The crawl task enqueues the notice after its commit; a real worker delivers it."""
    sources = tmp_path / "sources.toml"
    refused = source(
        "refused", "listing", f"http://127.0.0.1:{closed_port()}/list.html", article_links="ul a"
    )
    sources.write_text(SOURCES + refused, encoding="utf-8")
    env = {**worker_env(isolated_env), "NEWSDESK_SOURCES": str(sources)}
    settings = Settings.from_env(env)
    configure(app, settings)
    db = Database(settings.database_url)
    queue = settings.data_dir / "broker" / "queue"
    try:
        with receiver() as hook:
            alerts = make_alerts(db, hook.url())
            first = tasks.crawl("refused", slot="2026-01-01T00:00")
            again = tasks.crawl("refused", slot="2026-01-01T00:30")
            assert (first["health"], again["health"]) == ("failing", "failing")
            worker = LoopbackWorker(env, tmp_path / "worker.log")
            try:
                wait_until(lambda: len(hook.accepted()) == 1, 90, "the notice: " + worker.tail(5))
                wait_until(lambda: not list(queue.glob("*.msg")), 30, "the queue drained")
            finally:
                worker.stop()
            (got,) = hook.all()
    finally:
        db.dispose()
        tasks.database().dispose()
    assert got.signed_by(alerts.every[1])
    body = got.json()
    assert (body["event"], body["source"]["name"], body["alert"]["id"]) == ("source_failing", "refused",
                                                                             alerts.every[0])  # fmt: skip
    assert body["source"]["reasons"][0].startswith("every request failed: connection refused")


def test_the_cli_adds_a_health_only_alert_and_refuses_an_empty_plain_one(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["alerts", "add", "경보", "", "--webhook", PUBLIC_HOOK, "--source", "board"]
    assert main([*argv, "--source-health", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert (made["query"], made["source_health"], made["filters"]) == ("", True, {"source": "board"})
    assert main(argv) == 1
    assert "no searchable words" in capsys.readouterr().err
    assert main(["alerts", "list", "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(a["id"], a["source_health"]) for a in listed] == [(made["id"], True)]


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrate.db'}"
        return
    require_postgres()
    with temporary_postgres() as url:
        yield url


def test_migration_0015_goes_down_and_up_and_keeps_one_notice_per_alert_per_transition(
    database_url: str,
) -> None:
    Database(database_url).dispose()
    alembic_to(database_url, "0013", down=True)
    engine = make_engine(database_url)
    assert "source_health" not in {c["name"] for c in inspect(engine).get_columns("alerts")}
    assert "kind" not in {c["name"] for c in inspect(engine).get_columns("alert_deliveries")}
    engine.dispose()
    db = Database(database_url)  # up again on first use
    try:
        with db.transaction() as session:
            alert = create_alert(session, NewAlert("x", "", {}, PUBLIC_HOOK, {}, "", source_health=True))
            health = {"status": "failing", "reasons": ["every request failed"], "last_run": {"id": 3}}
            first = add_health_deliveries(session, "board", False, health)
            # the same transition again (a flip back and forth within one run): not a second notice
            again = add_health_deliveries(session, "board", False, health)
            recovered = add_health_deliveries(session, "board", True, {**health, "status": "ok"})
        with db.transaction() as session:
            kinds = [(d.alert_id, d.kind, d.article_id) for d in session.scalars(select(AlertDelivery))]
    finally:
        db.dispose()
    assert (len(first), again, len(recovered)) == (1, [], 1)
    assert kinds == [(alert.id, "source_health", None)] * 2


def test_in_the_queue_profile_the_process_task_that_notices_it_enqueues_the_notice(
    isolated_env: Path, tmp_path: Path
) -> None:
    """The crawl only stores pages; the `process` task whose article tips the source into
    failing is the one that announces it, and enqueues the notices after its commit."""
    site = Site()
    base = site.start()
    sources = tmp_path / "sources.toml"
    text = SOURCES + source("board", "listing", f"{base}/board/list.html", article_links="ul.board_list a")
    sources.write_text(text, encoding="utf-8")
    env = {**worker_env(isolated_env), "NEWSDESK_SOURCES": str(sources)}
    settings = Settings.from_env(env)
    configure(app, settings)
    db = Database(settings.database_url)
    queue = settings.data_dir / "broker" / "queue"

    def notices(hook: Receiver) -> list[dict[str, Any]]:
        return [b for b in bodies(hook) if "event" in b]

    try:
        with receiver() as hook:
            alerts = make_alerts(db, hook.url())
            worker = LoopbackWorker(env, tmp_path / "first.log")
            try:
                publish(site, "board", "v1", FIRST)
                assert tasks.crawl("board", slot="2026-01-01T00:00")["health"] == "ok"
                wait_until(lambda: not list(queue.glob("*.msg")), 120, "v1 processed: " + worker.tail(5))
            finally:
                worker.stop()
            publish(site, "board", "titles", SECOND)
            # no worker while it crawls: the crawl task judges before any article is made (still
            # ok), so it is a process task that notices the change and must enqueue the notices
            assert tasks.crawl("board", slot="2026-01-01T00:30")["health"] == "ok"
            worker = LoopbackWorker(env, tmp_path / "second.log")
            try:
                wait_until(lambda: len(notices(hook)) >= 2, 120, "the notices: " + worker.tail(5))
                wait_until(lambda: not list(queue.glob("*.msg")), 120, "the queue drained")
            finally:
                worker.stop()
            got = notices(hook)
            signed = [r for r in hook.accepted() if "event" in r.json()]
    finally:
        site.stop()
        db.dispose()
        tasks.database().dispose()
    assert sorted((b["alert"]["id"], b["event"]) for b in got) == sorted(
        [(alerts.every[0], "source_failing"), (alerts.board[0], "source_failing")]
    )
    secrets = {alerts.every[0]: alerts.every[1], alerts.board[0]: alerts.board[1]}
    assert all(r.signed_by(secrets[r.json()["alert"]["id"]]) for r in signed)
    assert all(b["source"]["reasons"] for b in got)
