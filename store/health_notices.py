"""Health notices to alerts: when a source goes failing or recovers, one pending delivery to each
unpaused alert that subscribed to source health (all sources, or the one its `filters.source`
names), made in the caller's transaction and sent like any article delivery
(ingest.alert_delivery, worker ``newsdesk.deliver``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from store.alerts import new_delivery_row, to_json
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
    body = to_json({"name": source, "status": health.get("status"), "reasons": reasons,
                  "last_run": health.get("last_run")})  # fmt: skip
    rows: list[dict[str, Any]] = []
    when = now()
    for alert_id, name, filters in subscribed:
        wanted = (filters or {}).get("source")
        if alert_id in done or (wanted is not None and wanted != source):
            continue
        members = f'"event":"{event}","source":{body}'
        rows.append(new_delivery_row(alert_id, name, members, when, article_id=None, revision=None,
                                     kind=KIND, event_key=key))  # fmt: skip
    if rows:
        session.execute(insert(AlertDelivery), rows)
    return [row["id"] for row in rows]
