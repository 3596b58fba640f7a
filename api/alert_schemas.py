"""Request and response shapes of /alerts."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nlp.query import MAX_QUERY_CHARS


class AlertFilters(BaseModel):
    """What /search filters by, for a saved search: the outlet and the policy category."""

    model_config = ConfigDict(extra="forbid")

    source: str | None = Field(default=None, min_length=1, max_length=200)
    category: str | None = Field(default=None, min_length=1, max_length=40)


class AlertIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    query: str = Field(default="", max_length=MAX_QUERY_CHARS,
                       description="required unless source_health; empty: health notices only")  # fmt: skip
    filters: AlertFilters = Field(default_factory=AlertFilters)
    webhook: str = Field(min_length=1, max_length=2000, description="http(s) URL on a public address")
    source_health: bool = Field(
        default=False, description="also post source_failing / source_recovered of the sources filtered"
    )


class DeliveryCounts(BaseModel):
    pending: int = 0
    delivered: int = 0
    failed: int = 0


class AlertOut(BaseModel):
    id: int
    name: str
    query: str
    filters: AlertFilters
    webhook: str
    paused: bool
    failures: int = Field(description="consecutive failed deliveries; the alert pauses at the limit")
    source_health: bool = False
    created_at: dt.datetime
    deliveries: DeliveryCounts


class AlertCreatedOut(AlertOut):
    secret: str = Field(description="HMAC-SHA256 key of X-Newsdesk-Signature; shown only now")


class AlertListOut(BaseModel):
    total: int
    results: list[AlertOut]


class DeliveryOut(BaseModel):
    delivery_id: str
    kind: Literal["article", "source_health"] = "article"
    article_id: int | None = Field(description="None for a source health notice")
    revision: int | None
    status: Literal["pending", "delivered", "failed"]
    attempts: int
    last_status: int | None
    last_error: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    next_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None


class DeliveryListOut(BaseModel):
    alert_id: int
    results: list[DeliveryOut]
