"""/alerts on a real app and SQLite, and single delivery attempts to a real receiver on 127.0.0.1:
signatures, permanent and passing failures, pausing, the SSRF guard at creation and at delivery."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from ingest.alert_delivery import Policy, attempt
from ingest.fetch_guard import AddressGuard
from ingest.pipeline import Origin, ingest
from store.db import Database
from store.models import AlertDelivery
from tests.support.alerts import receiver, youth_page
from tests.support.api import error_shape
from tests.support.drafts import EDITOR_HEADERS, READER_HEADERS, editor_settings, make_app

LOOPBACK = Policy(guard=AddressGuard(allow_loopback=True), retry_seconds=0.01, max_failures=3)


def client_for(tmp_path: Path, allow_loopback: bool = True) -> TestClient:
    return TestClient(make_app(editor_settings(tmp_path, allow_loopback_fetch=allow_loopback)))


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with client_for(tmp_path) as c:
        yield c


def app_db(client: TestClient) -> Database:
    db: Database = client.app.state.db  # type: ignore[attr-defined]
    return db


def create(client: TestClient, webhook: str, query: str = "청년 지원", **extra: Any) -> Any:
    body = {"name": "청년 정책", "query": query, "webhook": webhook, **extra}
    return client.post("/alerts", json=body, headers=EDITOR_HEADERS)


def put(db: Database, n: int) -> int:
    raw = youth_page(n)
    outcome = ingest(db, raw, Origin(f"https://news.example.com/a/{n}", "고용신문"))
    assert outcome.article_id is not None and len(outcome.deliveries) >= 1, outcome
    return outcome.article_id


def deliveries(db: Database) -> list[AlertDelivery]:
    with db.transaction() as session:
        return list(session.scalars(select(AlertDelivery).order_by(AlertDelivery.created_at)))


# the API ------------------------------------------------------------------------------------------


def test_an_editor_creates_lists_and_deletes_an_alert(client: TestClient) -> None:
    made = create(client, "http://127.0.0.1:9/hook", filters={"category": "고용·노동"})
    assert made.status_code == 201, made.text
    alert = made.json()
    assert len(alert["secret"]) >= 32
    assert alert["filters"] == {"source": None, "category": "고용·노동"}
    assert (alert["paused"], alert["failures"]) == (False, 0)
    listed = client.get("/alerts", headers=READER_HEADERS).json()
    assert listed["total"] == 1 and "secret" not in listed["results"][0]  # shown once, at creation
    assert listed["results"][0]["id"] == alert["id"]
    assert client.delete(f"/alerts/{alert['id']}", headers=EDITOR_HEADERS).status_code == 204
    assert client.get("/alerts", headers=READER_HEADERS).json()["total"] == 0
    gone = client.delete(f"/alerts/{alert['id']}", headers=EDITOR_HEADERS)
    assert gone.status_code == 404 and error_shape(gone.json(), 404)


def test_writing_needs_an_editor_token(client: TestClient) -> None:
    assert client.post("/alerts", json={}).status_code == 401
    refused = client.post(
        "/alerts",
        json={"name": "x", "query": "청년", "webhook": "http://127.0.0.1:9/"},
        headers=READER_HEADERS,
    )
    assert refused.status_code == 403 and error_shape(refused.json(), 403)


@pytest.mark.parametrize(
    ("webhook", "reason"),
    [
        ("http://127.0.0.1:9/hook", "loopback"),
        ("http://localhost:8080/hook", "loopback"),  # a name: refused after resolving it
        ("http://10.1.2.3/hook", "private"),
        ("http://169.254.169.254/latest/meta-data", "link-local"),
        ("http://[::1]:8080/hook", "loopback"),
        ("ftp://example.com/hook", "only http and https"),
        ("http://user:pw@example.com/hook", "credentials"),
    ],
)
def test_a_webhook_to_a_private_address_is_refused_at_creation(
    tmp_path: Path, webhook: str, reason: str
) -> None:
    with client_for(tmp_path, allow_loopback=False) as client:
        refused = create(client, webhook)
        assert refused.status_code == 422 and error_shape(refused.json(), 422)
        assert reason in refused.json()["error"], refused.json()
        assert client.get("/alerts", headers=READER_HEADERS).json()["total"] == 0


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"query": "-대학"}, "query: the query has no searchable words besides exclusions"),
        ({"query": "!!! ..."}, "query: the query has no searchable words"),
        ({"filters": {"date": "2025"}}, "filters.date"),
        ({"webhook": ""}, "webhook"),
        ({"name": ""}, "name"),
        ({"name": "   "}, "name: the name is blank"),
    ],
)
def test_bad_input_is_a_422_with_the_reason(client: TestClient, body: dict[str, Any], reason: str) -> None:
    full = {"name": "x", "query": "청년", "webhook": "http://127.0.0.1:9/hook", **body}
    refused = client.post("/alerts", json=full, headers=EDITOR_HEADERS)
    assert refused.status_code == 422 and error_shape(refused.json(), 422)
    assert reason in refused.json()["error"]


def test_the_delivery_log_shows_each_delivery(client: TestClient) -> None:
    alert = create(client, "http://127.0.0.1:9/hook").json()
    article = put(app_db(client), 1)
    log = client.get(f"/alerts/{alert['id']}/deliveries", headers=READER_HEADERS).json()
    ((row,),) = [log["results"]]
    assert (row["article_id"], row["revision"], row["status"], row["attempts"]) == (article, 1, "pending", 0)
    assert client.get("/alerts/999/deliveries", headers=READER_HEADERS).status_code == 404
    listed = client.get("/alerts", headers=READER_HEADERS).json()["results"][0]
    assert listed["deliveries"] == {"pending": 1, "delivered": 0, "failed": 0}


# one attempt --------------------------------------------------------------------------------------


def test_a_delivery_is_posted_signed_with_the_alerts_secret(client: TestClient) -> None:
    with receiver() as hook:
        alert = create(client, hook.url()).json()
        db = app_db(client)
        article = put(db, 1)
        (delivery,) = deliveries(db)
        assert attempt(db, delivery.id, LOOPBACK).result == "delivered"
        (got,) = hook.all()
    assert got.signed_by(alert["secret"]) and not got.signed_by("another secret")
    assert got.delivery_id == delivery.id
    assert got.headers["content-type"].startswith("application/json")
    body = got.json()
    assert body["delivery_id"] == delivery.id and body["alert"] == {"id": alert["id"], "name": "청년 정책"}
    assert body["article"]["id"] == article
    (done,) = deliveries(db)
    assert (done.status, done.attempts, done.last_status) == ("delivered", 1, 200)
    assert attempt(db, delivery.id, LOOPBACK).result == "skipped"  # a duplicate message posts nothing
    assert len(hook.all()) == 1


def test_a_5xx_is_retried_with_the_same_body_and_a_4xx_is_final(client: TestClient) -> None:
    with receiver(script=[503, 404]) as hook:
        create(client, hook.url())
        db = app_db(client)
        put(db, 1)
        (delivery,) = deliveries(db)
        first = attempt(db, delivery.id, LOOPBACK)
        assert first.result == "retry" and first.retry_in is not None and first.retry_in > 0
        second = attempt(db, delivery.id, LOOPBACK)
        assert (second.result, second.status) == ("failed", 404)
        bodies = [r.body for r in hook.all()]
    assert len(bodies) == 2 and bodies[0] == bodies[1]
    (done,) = deliveries(db)
    assert (done.status, done.attempts, done.last_error) == ("failed", 2, "HTTP 404")


@pytest.mark.parametrize(
    ("status", "retried"), [(408, True), (429, True), (500, True), (400, False), (410, False)]
)
def test_which_answers_are_retried(client: TestClient, status: int, retried: bool) -> None:
    with receiver(script=[status]) as hook:
        create(client, hook.url())
        db = app_db(client)
        put(db, 1)
        (delivery,) = deliveries(db)
        assert attempt(db, delivery.id, LOOPBACK).result == ("retry" if retried else "failed")


def test_a_redirect_is_not_followed(client: TestClient) -> None:
    with receiver(script=[302]) as hook:
        create(client, hook.url())
        db = app_db(client)
        put(db, 1)
        (delivery,) = deliveries(db)
        done = attempt(db, delivery.id, LOOPBACK)
        assert done.result == "failed" and done.error and "redirects are not followed" in done.error
        assert len(hook.all()) == 1


def test_an_unreachable_receiver_is_retried_then_given_up(client: TestClient) -> None:
    with receiver() as hook:
        url = hook.url()
    create(client, url)  # the receiver is gone: connections are refused
    db = app_db(client)
    put(db, 1)
    (delivery,) = deliveries(db)
    policy = Policy(guard=LOOPBACK.guard, retry_seconds=0.01, attempts=3)
    assert [attempt(db, delivery.id, policy).result for _ in range(4)] == [
        "retry",
        "retry",
        "failed",
        "skipped",
    ]
    (done,) = deliveries(db)
    assert done.last_error and "gave up after 3 attempts" in done.last_error


def test_the_guard_is_applied_again_at_delivery(client: TestClient) -> None:
    """Created while loopback was allowed (tests), delivered by a worker that does not allow it."""
    with receiver() as hook:
        create(client, hook.url())
        db = app_db(client)
        put(db, 1)
        (delivery,) = deliveries(db)
        strict = Policy(guard=AddressGuard(allow_loopback=False))
        done = attempt(db, delivery.id, strict)
        assert done.result == "failed" and done.error and "loopback address" in done.error
        assert hook.all() == []


def test_after_n_failed_deliveries_the_alert_is_paused_and_a_success_resets_the_count(
    client: TestClient,
) -> None:
    with receiver(script=[200], default=400) as hook:
        alert = create(client, hook.url()).json()
        db = app_db(client)
        for n in range(1, 6):
            put(db, n)
        ids = [d.id for d in deliveries(db)]
        results = [attempt(db, i, LOOPBACK) for i in ids]
    assert [r.result for r in results] == ["delivered", "failed", "failed", "failed", "skipped"]
    assert [r.paused for r in results] == [False, False, False, True, False]
    shown = client.get(f"/alerts/{alert['id']}", headers=READER_HEADERS).json()
    assert (shown["paused"], shown["failures"]) == (True, 3)
    put_paused = ingest(
        db,
        youth_page(9),
        Origin("https://news.example.com/a/9"),
    )
    assert put_paused.deliveries == ()  # a paused alert matches nothing new
    resumed = client.post(f"/alerts/{alert['id']}/resume", headers=EDITOR_HEADERS).json()
    assert (resumed["paused"], resumed["failures"]) == (False, 0)
    assert json.loads(deliveries(db)[-1].payload)["delivery_id"] == ids[-1]  # still pending, kept
