"""Source schedules: five-field cron expressions, read by Celery's ``crontab`` and nothing else.

The sources file is checked with the parser beat fires with, so an expression that loads is one
beat can run, and the slot a fire belongs to is computed from the same parsed fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from celery.schedules import crontab

from nlp.dates import KST

CRON_FIELDS = "minute hour day-of-month month day-of-week"
_DAYS_BACK = 366 * 8  # far enough for any expression Celery accepts (29 February on a Monday...)


def parse_schedule(expression: str) -> Any:
    """Celery's crontab for a cron expression; ValueError in one line when Celery refuses it."""
    parts = expression.split()
    if len(parts) != 5:
        raise ValueError(f"cron expression needs 5 fields ({CRON_FIELDS}), got {len(parts)}: {expression!r}")
    try:
        return crontab.from_string(" ".join(parts))
    except (ValueError, TypeError, IndexError) as error:
        raise ValueError(f"cron expression {expression!r}: {error}") from None


def last_fire(expression: str, at: dt.datetime) -> dt.datetime:
    """The latest minute at or before `at` (in KST) that the expression fires at."""
    cron = parse_schedule(expression)
    local = at.astimezone(KST).replace(second=0, microsecond=0)
    times = sorted(((h, m) for h in cron.hour for m in cron.minute), reverse=True)
    day = local.date()
    for _ in range(_DAYS_BACK):
        if _fires_on(cron, day):
            for hour, minute in times:
                fired = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=KST)
                if fired <= local:
                    return fired
        day -= dt.timedelta(days=1)
    return local


def _fires_on(cron: Any, day: dt.date) -> bool:
    """Celery's day rule: month, day of month and weekday (0 = Sunday) must all match."""
    weekday = day.isoweekday() % 7
    return day.month in cron.month_of_year and day.day in cron.day_of_month and weekday in cron.day_of_week
