"""Saved searches with webhook alerts: create, list, delete, resume, and each one's delivery log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy.orm import Session

from api.alert_schemas import (
    AlertCreatedOut,
    AlertFilters,
    AlertIn,
    AlertListOut,
    AlertOut,
    DeliveryCounts,
    DeliveryListOut,
    DeliveryOut,
)
from api.auth import EditorDep, ReaderDep
from api.deps import SessionDep
from api.errors import ApiError
from api.params import MAX_OFFSET, IdPath
from api.schemas import ErrorOut
from ingest.fetch_guard import AddressGuard, FetchError
from ingest.webhooks import check_webhook
from newsdesk.settings import Settings
from nlp.query import QueryError
from search.alert_match import alert_plan
from store.alerts import (
    AlertNotFound,
    NewAlert,
    count_deliveries,
    create_alert,
    delete_alert,
    deliveries_of,
    get_alert,
    list_alerts,
    resume_alert,
)
from store.models import Alert, AlertDelivery

router = APIRouter(prefix="/alerts", tags=["alerts"])
# 400: a body that is not JSON at all (FastAPI refuses it before validation)
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (400, 401, 403, 404, 422)}


def alert_out(session: Session, alert: Alert) -> AlertOut:
    return AlertOut(
        id=alert.id,
        name=alert.name,
        query=alert.query,
        filters=AlertFilters(**(alert.filters or {})),
        webhook=alert.webhook,
        paused=alert.paused,
        failures=alert.failures,
        source_health=alert.source_health,
        created_at=alert.created_at,
        deliveries=DeliveryCounts(**count_deliveries(session, alert.id)),
    )


def delivery_out(delivery: AlertDelivery) -> DeliveryOut:
    return DeliveryOut(
        delivery_id=delivery.id,
        kind=delivery.kind,  # type: ignore[arg-type]  # "article" or "source_health", by construction
        article_id=delivery.article_id,
        revision=delivery.revision,
        status=delivery.status,  # type: ignore[arg-type]  # one of DELIVERY_STATES, by construction
        attempts=delivery.attempts,
        last_status=delivery.last_status,
        last_error=delivery.last_error,
        created_at=delivery.created_at,
        updated_at=delivery.updated_at,
        next_attempt_at=delivery.next_attempt_at if delivery.status == "pending" else None,
        delivered_at=delivery.delivered_at,
    )


def _alert(session: Session, alert_id: int) -> Alert:
    try:
        return get_alert(session, alert_id)
    except AlertNotFound as error:
        raise ApiError(404, str(error)) from None


@router.post("", status_code=201, response_model=AlertCreatedOut, responses=ERRORS)
def create(request: Request, session: SessionDep, _: EditorDep, body: AlertIn) -> AlertCreatedOut:
    """Save a search; its matches are posted to the webhook, signed with the secret returned once."""
    settings: Settings = request.app.state.settings
    if not body.name.strip():
        raise ApiError(422, "name: the name is blank")
    try:
        check_webhook(body.webhook, AddressGuard(allow_loopback=settings.allow_loopback_fetch))
    except FetchError as error:  # UnsafeURL included: private, loopback, not http(s), no such host
        raise ApiError(422, f"webhook {error}") from None
    try:
        plan, key = alert_plan(session, body.query, body.source_health)
    except QueryError as error:
        raise ApiError(422, f"query: {error}") from None
    filters = {k: v for k, v in body.filters.model_dump().items() if v is not None}
    query = body.query if body.query.strip() else ""  # blank: health notices only (alert_plan)
    alert = create_alert(session, NewAlert(body.name.strip(), query, filters, body.webhook.strip(),
                                           plan, key, body.source_health))  # fmt: skip
    session.commit()
    return AlertCreatedOut(**alert_out(session, alert).model_dump(), secret=alert.secret)


@router.get("", response_model=AlertListOut, responses=ERRORS)
def list_(session: SessionDep, _: ReaderDep) -> AlertListOut:
    """Every alert with its state (paused after too many failed deliveries) and delivery counts."""
    alerts = [alert_out(session, a) for a in list_alerts(session)]
    return AlertListOut(total=len(alerts), results=alerts)


@router.get("/{alert_id}", response_model=AlertOut, responses=ERRORS)
def read(session: SessionDep, _: ReaderDep, alert_id: IdPath) -> AlertOut:
    return alert_out(session, _alert(session, alert_id))


@router.delete("/{alert_id}", status_code=204, responses=ERRORS)
def delete(session: SessionDep, _: EditorDep, alert_id: IdPath) -> Response:
    """Remove the alert and its delivery log; deliveries still queued are dropped."""
    _alert(session, alert_id)
    delete_alert(session, alert_id)
    session.commit()
    return Response(status_code=204)


@router.post("/{alert_id}/resume", response_model=AlertOut, responses=ERRORS)
def resume(session: SessionDep, _: EditorDep, alert_id: IdPath) -> AlertOut:
    """Unpause an alert; its failure count starts again from zero."""
    _alert(session, alert_id)
    alert = resume_alert(session, alert_id)
    session.commit()
    return alert_out(session, alert)


@router.get("/{alert_id}/deliveries", response_model=DeliveryListOut, responses=ERRORS)
def deliveries(
    session: SessionDep,
    _: ReaderDep,
    alert_id: IdPath,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> DeliveryListOut:
    """The alert's delivery log, newest first: status, attempts, the receiver's last answer."""
    _alert(session, alert_id)
    found = deliveries_of(session, alert_id, limit, offset)
    return DeliveryListOut(alert_id=alert_id, results=[delivery_out(d) for d in found])
