"""Alert rows (saved searches with a webhook) and their deliveries: the one place that writes them.

A delivery is made pending in the transaction that stores the article revision it reports, and
moves to `delivered` or `failed` exactly once; the alert counts consecutive failed deliveries and
is paused at the limit, a delivered one resets the count.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from store import StoreError
from store.models import Alert, AlertDelivery, now

FILTER_KEYS = ("source", "category")


class AlertNotFound(StoreError):
    """No alert or delivery has that id."""


@dataclass(frozen=True, slots=True)
class NewAlert:
    """What an editor asks for; `plan` and `match_key` come from search.alert_match.plan_query."""

    name: str
    query: str
    filters: dict[str, str]
    webhook: str
    plan: dict[str, Any]
    match_key: str


def create_alert(session: Session, new: NewAlert) -> Alert:
    """Store the alert with a fresh signing secret (shown to its creator once)."""
    alert = Alert(
        name=new.name,
        query=new.query,
        filters=dict(new.filters),
        webhook=new.webhook,
        secret=secrets.token_urlsafe(32),
        plan=new.plan,
        match_key=new.match_key,
        paused=False,
        failures=0,
    )
    session.add(alert)
    session.flush()
    return alert


def get_alert(session: Session, alert_id: int) -> Alert:
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise AlertNotFound(f"no alert with id {alert_id}")
    return alert


def list_alerts(session: Session) -> list[Alert]:
    return list(session.scalars(select(Alert).order_by(Alert.id)))


def delete_alert(session: Session, alert_id: int) -> None:
    """The alert and its delivery log; a queued delivery of it then finds nothing to do."""
    alert = get_alert(session, alert_id)
    session.execute(delete(AlertDelivery).where(AlertDelivery.alert_id == alert_id))
    session.delete(alert)


def resume_alert(session: Session, alert_id: int) -> Alert:
    """Unpause: the failure count starts again from zero."""
    alert = get_alert(session, alert_id)
    alert.paused, alert.failures = False, 0
    return alert


def alerts_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever an alert is added, removed, paused or resumed: the matcher's cache key."""
    row = session.execute(select(func.count(), func.max(Alert.id), func.max(Alert.updated_at))).one()
    return tuple(row)


def active_alerts(session: Session) -> list[Alert]:
    """Alerts that match new articles: every one not paused."""
    return list(session.scalars(select(Alert).where(Alert.paused.is_(False)).order_by(Alert.id)))


def add_delivery(
    session: Session, alert_id: int, article_id: int, revision: int, body: dict[str, Any]
) -> str:
    """A pending delivery of one article revision to one alert; its id is also in the body."""
    delivery_id = str(uuid.uuid4())
    payload = json.dumps({"delivery_id": delivery_id, **body}, ensure_ascii=False, separators=(",", ":"))
    session.add(
        AlertDelivery(
            id=delivery_id,
            alert_id=alert_id,
            article_id=article_id,
            revision=revision,
            status="pending",
            attempts=0,
            payload=payload,
            next_attempt_at=now(),
        )
    )
    return delivery_id


def deliveries_of(session: Session, alert_id: int, limit: int = 100, offset: int = 0) -> list[AlertDelivery]:
    """The alert's delivery log, newest first."""
    get_alert(session, alert_id)
    query = select(AlertDelivery).where(AlertDelivery.alert_id == alert_id)
    ordered = query.order_by(AlertDelivery.created_at.desc(), AlertDelivery.id)
    return list(session.scalars(ordered.limit(limit).offset(offset)))


def count_deliveries(session: Session, alert_id: int) -> dict[str, int]:
    rows = session.execute(
        select(AlertDelivery.status, func.count())
        .where(AlertDelivery.alert_id == alert_id)
        .group_by(AlertDelivery.status)
    )
    return {str(status): int(n) for status, n in rows}


# attempts -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pending:
    """What one delivery attempt needs, read before posting (no transaction held open while it)."""

    delivery_id: str
    alert_id: int
    webhook: str
    secret: str
    payload: bytes
    attempts: int


def pending_delivery(session: Session, delivery_id: str) -> Pending | None:
    """The delivery to attempt, or None when it is gone, done, or its alert is paused."""
    row = session.execute(
        select(AlertDelivery, Alert)
        .join(Alert, Alert.id == AlertDelivery.alert_id)
        .where(AlertDelivery.id == delivery_id)
    ).one_or_none()
    if row is None:
        return None
    delivery, alert = row
    if delivery.status != "pending" or alert.paused:
        return None
    return Pending(
        delivery.id,
        alert.id,
        alert.webhook,
        alert.secret,
        delivery.payload.encode("utf-8"),
        delivery.attempts,
    )


def record_delivered(session: Session, delivery_id: str, status: int) -> None:
    """The receiver accepted it: done, and the alert's failure count starts again."""
    delivery = session.get(AlertDelivery, delivery_id)
    if delivery is None or delivery.status != "pending":
        return
    delivery.status, delivery.last_status, delivery.last_error = "delivered", status, None
    delivery.attempts += 1
    delivery.delivered_at = now()
    alert = session.get(Alert, delivery.alert_id)
    if alert is not None and alert.failures:
        alert.failures = 0


def record_retry(session: Session, delivery_id: str, status: int | None, error: str, delay: float) -> None:
    """A transient failure: still pending, next attempt after `delay` seconds."""
    delivery = session.get(AlertDelivery, delivery_id)
    if delivery is None or delivery.status != "pending":
        return
    delivery.attempts += 1
    delivery.last_status, delivery.last_error = status, error
    delivery.next_attempt_at = now() + dt.timedelta(seconds=delay)


def record_failed(
    session: Session, delivery_id: str, status: int | None, error: str, max_failures: int
) -> bool:
    """A permanent failure (or retries used up); True when it paused the alert."""
    delivery = session.get(AlertDelivery, delivery_id)
    if delivery is None or delivery.status != "pending":
        return False
    delivery.status = "failed"
    delivery.attempts += 1
    delivery.last_status, delivery.last_error = status, error
    alert = session.get(Alert, delivery.alert_id)
    if alert is None:
        return False
    alert.failures += 1
    if alert.failures >= max_failures and not alert.paused:
        alert.paused = True
        return True
    return False


def overdue_deliveries(session: Session, horizon: dt.datetime) -> list[str]:
    """Pending deliveries of active alerts whose attempt was due before `horizon` (a lost or
    killed message), touched so the next reconcile waits a full timeout again."""
    ids = list(
        session.scalars(
            select(AlertDelivery.id)
            .join(Alert, Alert.id == AlertDelivery.alert_id)
            .where(
                AlertDelivery.status == "pending",
                AlertDelivery.next_attempt_at <= horizon,
                Alert.paused.is_(False),
            )
        )
    )
    if ids:
        session.execute(update(AlertDelivery).where(AlertDelivery.id.in_(ids)).values(next_attempt_at=now()))
    return ids
