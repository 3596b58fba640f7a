"""One delivery attempt: read the pending delivery, post it signed, record what the receiver said.

No transaction is held while posting. The outcome is recorded only on a delivery still pending,
so a duplicate attempt (a redelivered message) never counts twice; the receiver drops duplicates
by the delivery id, which is the same on every attempt.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from ingest.fetch_guard import AddressGuard
from ingest.webhooks import TIMEOUT, send
from store.alerts import pending_delivery, record_delivered, record_failed, record_retry
from store.db import Database

ATTEMPTS = 8  # posts per delivery before it is failed (with a 10 s base: about 21 minutes)
MAX_DELAY = 3600.0
Result = Literal["delivered", "retry", "failed", "skipped"]


@dataclass(frozen=True, slots=True)
class Policy:
    """Retries and pausing, from settings."""

    guard: AddressGuard
    retry_seconds: float = 10.0
    max_failures: int = 5
    attempts: int = ATTEMPTS
    timeout: float = TIMEOUT

    def delay(self, attempt: int) -> float:
        """Exponential backoff after the `attempt`-th post, with up to 10% jitter."""
        base = min(self.retry_seconds * 2.0 ** (attempt - 1), MAX_DELAY)
        return float(base * (1 + random.random() / 10))


@dataclass(frozen=True, slots=True)
class Attempt:
    result: Result
    status: int | None = None
    error: str | None = None
    retry_in: float | None = None
    paused: bool = False


def attempt(db: Database, delivery_id: str, policy: Policy) -> Attempt:
    """Post the delivery once and record the outcome; `retry_in` says when to try again."""
    with db.transaction() as session:
        pending = pending_delivery(session, delivery_id)
    if pending is None:
        return Attempt("skipped")
    answer = send(pending.webhook, pending.secret, pending.delivery_id, pending.payload, policy.guard,
                  policy.timeout)  # fmt: skip
    with db.transaction() as session:
        if answer.accepted:
            record_delivered(session, delivery_id, answer.status or 0)
            return Attempt("delivered", answer.status)
        error = answer.error or "failed"
        made = pending.attempts + 1
        if answer.retryable and made < policy.attempts:
            delay = policy.delay(made)
            record_retry(session, delivery_id, answer.status, error, delay)
            return Attempt("retry", answer.status, error, retry_in=delay)
        if answer.retryable:
            error = f"{error} (gave up after {made} attempts)"
        paused = record_failed(session, delivery_id, answer.status, error, policy.max_failures)
        return Attempt("failed", answer.status, error, paused=paused)
