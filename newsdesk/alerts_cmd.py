"""`newsdesk alerts add|list|rm|test`: saved searches with webhook alerts, from the shell."""

from __future__ import annotations

import argparse
import json
import time
import uuid
from typing import Any

from sqlalchemy.orm import Session

from ingest.fetch_guard import AddressGuard, FetchError
from ingest.webhooks import check_webhook, send
from newsdesk.errors import CommandError
from newsdesk.settings import Settings
from nlp.query import QueryError
from search.alert_match import alert_plan, article_payload
from search.articles import SearchRequest, search
from store.alerts import (
    AlertNotFound,
    NewAlert,
    count_deliveries,
    create_alert,
    delete_alert,
    get_alert,
    list_alerts,
)
from store.db import Database
from store.models import Alert, Article

SAMPLE_ARTICLE = {
    "id": 0,
    "title": "(시험 전송) newsdesk 알림 예시",
    "url": "https://example.org/newsdesk/sample",
    "source": "newsdesk",
    "category": None,
    "published": None,
    "summary": ["알림 설정을 확인하는 시험 전송입니다."],
    "excerpt": "알림 설정을 확인하는 시험 전송입니다.",
}


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    db = Database(settings.database_url)
    try:
        handler = {"add": _add, "list": _list, "rm": _rm, "test": _test}[args.alerts_command]
        return handler(args, settings, db)
    except AlertNotFound as error:
        raise CommandError(str(error)) from None
    finally:
        db.dispose()


def _guard(settings: Settings) -> AddressGuard:
    return AddressGuard(allow_loopback=settings.allow_loopback_fetch)


def _add(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    try:
        check_webhook(args.webhook, _guard(settings))
    except FetchError as error:
        raise CommandError(f"webhook {error}") from None
    filters = {k: v for k, v in (("source", args.source), ("category", args.category)) if v}
    with db.transaction() as session:
        try:
            plan, key = alert_plan(session, args.query, args.source_health)
        except QueryError as error:
            raise CommandError(f"query: {error}") from None
        query = args.query if args.query.strip() else ""
        new = NewAlert(args.name, query, filters, args.webhook, plan, key, args.source_health)
        alert = create_alert(session, new)
        record = {**alert_record(session, alert), "secret": alert.secret}
    if args.json:
        print(json.dumps(record, ensure_ascii=False))
    else:
        heard = " + source health" if alert.source_health else ""
        print(f"alert {alert.id} saved: {query!r}{heard} → {args.webhook}")
        print(f"secret (shown once; verifies X-Newsdesk-Signature): {record['secret']}")
    return 0


def alert_record(session: Session, alert: Alert) -> dict[str, Any]:
    return {
        "id": alert.id,
        "name": alert.name,
        "query": alert.query,
        "filters": dict(alert.filters or {}),
        "webhook": alert.webhook,
        "paused": alert.paused,
        "failures": alert.failures,
        "source_health": alert.source_health,
        "deliveries": count_deliveries(session, alert.id),
    }


def _list(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    with db.transaction() as session:
        for alert in list_alerts(session):
            record = alert_record(session, alert)
            if args.json:
                print(json.dumps(record, ensure_ascii=False))
                continue
            state = f"paused after {alert.failures} failures" if alert.paused else "active"
            counts = " ".join(f"{k} {v}" for k, v in sorted(record["deliveries"].items())) or "no deliveries"
            print(f"{alert.id:>5}  {state:<10} {alert.name}  {alert.query!r} → {alert.webhook}  ({counts})")
    return 0


def _rm(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    with db.transaction() as session:
        delete_alert(session, args.id)
    print(f"alert {args.id} removed")
    return 0


def _test(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    """Post a sample delivery, signed like a real one but marked `"test": true`: the newest article
    the search finds (else a placeholder), or for an alert that hears only source health, a
    `source_failing` event in that delivery's shape. Report the answer; exit 1 unless accepted."""
    with db.transaction() as session:
        alert = get_alert(session, args.id)
        delivery_id = str(uuid.uuid4())
        body: dict[str, Any] = {
            "delivery_id": delivery_id,
            "test": True,
            "alert": {"id": alert.id, "name": alert.name},
        }
        if alert.source_health and not alert.query.strip():
            body.update(_sample_health(alert))
        else:
            body["article"] = _sample_article(session, alert)
        webhook, secret = alert.webhook, alert.secret
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    started = time.perf_counter()
    answer = send(webhook, secret, delivery_id, data, _guard(settings))
    took = (time.perf_counter() - started) * 1000
    if not answer.accepted:
        raise CommandError(f"test delivery to {webhook} failed: {answer.error}")
    print(f"test delivery {delivery_id} to {webhook}: HTTP {answer.status} in {took:.0f} ms, accepted")
    return 0


def _sample_health(alert: Alert) -> dict[str, Any]:
    """A `source_failing` event as ``store.health_notices`` sends it, for the alert's source."""
    source = (alert.filters or {}).get("source") or "newsdesk"
    reason = "(시험 전송) 소스 상태 알림을 확인하는 시험 전송입니다."
    return {
        "event": "source_failing",
        "source": {"name": source, "status": "failing", "reasons": [reason], "last_run": None},
    }


def _sample_article(session: Session, alert: Alert) -> dict[str, Any]:
    filters = alert.filters or {}
    request = SearchRequest(q=alert.query, source=filters.get("source"), category=filters.get("category"),
                            sort="newest", size=1, facets=False)  # fmt: skip
    try:
        hits = search(session, request).hits
    except QueryError:
        hits = []
    article = session.get(Article, hits[0].article_id) if hits else None
    return article_payload(article) if article is not None else dict(SAMPLE_ARTICLE)
