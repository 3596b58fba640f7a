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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from store import StoreError
from store.models import Alert, AlertDelivery, AlertState, now

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
    source_health: bool = False  # hear sources going failing and recovering (store.health_notices)


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
        source_health=new.source_health,
    )
    session.add(alert)
    session.flush()
    _changed(session)
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
    _changed(session)


def pause_alert(session: Session, alert_id: int) -> Alert:
    """Stop matching (an editor's choice; too many failed deliveries do it too)."""
    alert = get_alert(session, alert_id)
    if not alert.paused:
        alert.paused = True
        _changed(session)
    return alert


def resume_alert(session: Session, alert_id: int) -> Alert:
    """Unpause: the failure count starts again from zero."""
    alert = get_alert(session, alert_id)
    if alert.paused:
        _changed(session)
    alert.paused, alert.failures = False, 0
    return alert


def alerts_version(session: Session) -> tuple[str, int]:
    """Changes whenever an alert is added, removed, paused or resumed (and with the database
    itself): the matcher's cache key. Read once a transaction (a batch of pages shares one,
    ``ingest.batch``): on SQLite the batch holds the write lock, so no alert can change under it;
    on PostgreSQL an alert changed while a batch runs counts from the next one, a second later."""
    transaction = session.get_transaction()
    kept: tuple[object, tuple[str, int]] | None = session.info.get(_VERSION_KEY)
    if kept is not None and transaction is not None and kept[0] is transaction:
        return kept[1]
    # through the connection: an ORM statement costs several times the read itself
    row = session.connection().execute(_VERSION).one_or_none()
    version = ("", 0) if row is None else (str(row[0]), int(row[1]))
    session.info[_VERSION_KEY] = (session.get_transaction(), version)
    return version


_VERSION = select(AlertState.epoch, AlertState.version).where(AlertState.id == 1)
_VERSION_KEY = "alerts_version"  # session.info key: (the transaction it was read in, the version)


def _changed(session: Session) -> None:
    """Bump the version in the caller's transaction, with the change it stands for."""
    session.execute(update(AlertState).where(AlertState.id == 1).values(version=AlertState.version + 1))
    session.info.pop(_VERSION_KEY, None)


class ActiveAlert(NamedTuple):
    """What matching needs of an alert."""

    id: int
    name: str
    plan: dict[str, Any]
    filters: dict[str, Any]
    match_key: str


_ACTIVE = (
    select(Alert.id, Alert.name, Alert.plan, Alert.filters, Alert.match_key)
    .where(Alert.paused.is_(False), Alert.query != "")  # an empty query: health notices only
    .order_by(Alert.id)
)


def active_alerts(session: Session) -> list[ActiveAlert]:
    """Alerts that match new articles: every one not paused (as rows: 10,000 ORM objects would
    cost most of a second to build)."""
    return [ActiveAlert(*row) for row in session.connection().execute(_ACTIVE)]


def add_deliveries(
    session: Session,
    article_id: int,
    revision: int,
    alerts: Sequence[tuple[int, str]],
    article: dict[str, Any],
) -> list[str]:
    """Pending deliveries of one article revision to each (alert id, alert name), their bodies
    `{delivery_id, alert: {id, name}, article}`; one INSERT for all (a popular article can match
    hundreds of alerts), the article serialised once."""
    when = now()
    members = f'"article":{to_json(article)}'
    rows = [
        new_delivery_row(alert_id, name, members, when, article_id=article_id, revision=revision)
        for alert_id, name in alerts
    ]
    if rows:
        session.execute(insert(AlertDelivery), rows)
    return [row["id"] for row in rows]


def new_delivery_row(
    alert_id: int, name: str, members: str, when: dt.datetime, **columns: Any
) -> dict[str, Any]:
    """A pending delivery row (for a bulk INSERT) whose exact body, the same on every attempt, is
    `{delivery_id, alert: {id, name}, <members>}`; `members` is JSON object members, already encoded."""
    delivery_id = str(uuid.uuid4())
    alert = to_json({"id": alert_id, "name": name})
    payload = f'{{"delivery_id":"{delivery_id}","alert":{alert},{members}}}'
    return {"id": delivery_id, "alert_id": alert_id, "status": "pending", "attempts": 0, "payload": payload,
            "created_at": when, "updated_at": when, "next_attempt_at": when, **columns}  # fmt: skip


def to_json(value: Any) -> str:
    """Compact JSON as deliveries carry it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
        _changed(session)
        return True
    return False


def overdue_deliveries(session: Session, horizon: dt.datetime, fresh: dt.datetime | None = None) -> list[str]:
    """Pending deliveries of active alerts whose attempt was due before `horizon` (a lost or
    killed message), or never tried and made before `fresh` (stored outside a worker, which
    enqueues none: `newsdesk ingest`, a crawl from the shell, /drafts/submit); touched, so the
    next reconcile waits again."""
    due = AlertDelivery.next_attempt_at <= horizon
    if fresh is not None:
        due = or_(due, and_(AlertDelivery.attempts == 0, AlertDelivery.next_attempt_at <= fresh))
    ids = list(
        session.scalars(
            select(AlertDelivery.id)
            .join(Alert, Alert.id == AlertDelivery.alert_id)
            .where(AlertDelivery.status == "pending", due, Alert.paused.is_(False))
        )
    )
    if ids:
        session.execute(update(AlertDelivery).where(AlertDelivery.id.in_(ids)).values(next_attempt_at=now()))
    return ids
