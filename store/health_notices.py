"""Health notices to alerts: when a source goes failing or recovers, one pending delivery to each
unpaused alert that subscribed to source health (all sources, or the one its `filters.source`
names), made in the caller's transaction and sent like any article delivery
(ingest.alert_delivery, worker ``newsdesk.deliver``)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from store.models import Alert, AlertDelivery, now

KIND = "source_health"


def add_health_deliveries(
    session: Session, source: str, recovered: bool, health: dict[str, Any]
) -> list[str]:
    """Pending deliveries of one transition of `source`, bodies `{delivery_id, alert: {id, name},
    event, source: {name, status, reasons, last_run}}`; the delivery ids."""
    event = "source_recovered" if recovered else "source_failing"
    run = health.get("last_run") or {}
    key = f"{source}:{event}:{run.get('id')}"[:200]
    subscribed = session.execute(
        select(Alert.id, Alert.name, Alert.filters).where(
            Alert.source_health.is_(True), Alert.paused.is_(False)
        )
    ).all()
    # the claim on the source row makes this the only writer of the transition; a source that went
    # this way before within the same run was announced then already
    done = set(session.scalars(select(AlertDelivery.alert_id).where(AlertDelivery.event_key == key)))
    reasons = list(health.get("reasons") or ())
    body = _json({"name": source, "status": health.get("status"), "reasons": reasons,
                  "last_run": health.get("last_run")})  # fmt: skip
    rows, ids, when = [], [], now()
    for alert_id, name, filters in subscribed:
        wanted = (filters or {}).get("source")
        if alert_id in done or (wanted is not None and wanted != source):
            continue
        delivery_id = str(uuid.uuid4())
        alert_json = _json({"id": alert_id, "name": name})
        payload = (f'{{"delivery_id":"{delivery_id}","alert":{alert_json},"event":"{event}",'
                   f'"source":{body}}}')  # fmt: skip
        rows.append({"id": delivery_id, "alert_id": alert_id, "article_id": None, "revision": None,
                     "kind": KIND, "event_key": key, "status": "pending", "attempts": 0,
                     "payload": payload, "created_at": when, "updated_at": when,
                     "next_attempt_at": when})  # fmt: skip
        ids.append(delivery_id)
    if rows:
        session.execute(insert(AlertDelivery), rows)
    return ids


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
