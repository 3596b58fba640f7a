"""Five-field cron expressions: validation, and the keyword arguments Celery's crontab takes."""

from __future__ import annotations

import re

FIELDS = (  # (name, lowest, highest, names)
    ("minute", 0, 59, ()),
    ("hour", 0, 23, ()),
    ("day_of_month", 1, 31, ()),
    ("month_of_year", 1, 12, ("jan", "feb", "mar", "apr", "may", "jun",
                              "jul", "aug", "sep", "oct", "nov", "dec")),
    ("day_of_week", 0, 7, ("sun", "mon", "tue", "wed", "thu", "fri", "sat")),
)  # fmt: skip
_ITEM_RE = re.compile(r"^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:/(\d+))?$")


def cron_fields(expression: str) -> dict[str, str]:
    """Split and check a cron expression; raise ValueError saying which field is wrong."""
    parts = expression.split()
    if len(parts) != len(FIELDS):
        raise ValueError(f"cron expression needs 5 fields (minute hour day month weekday), got {len(parts)}")
    for part, (name, low, high, names) in zip(parts, FIELDS, strict=True):
        for item in part.lower().split(","):
            _check_item(item, name, low, high, names)
    return {name: part for part, (name, *_rest) in zip(parts, FIELDS, strict=True)}


def _check_item(item: str, name: str, low: int, high: int, names: tuple[str, ...]) -> None:
    match = _ITEM_RE.match(item)
    if not match:
        raise ValueError(f"cron field {name}: cannot read {item!r}")
    span, step = match.groups()
    if step is not None and int(step) < 1:
        raise ValueError(f"cron field {name}: step must be at least 1 in {item!r}")
    if span == "*":
        return
    bounds = [_value(v, name, low, high, names) for v in span.split("-")]
    if len(bounds) == 2 and bounds[0] > bounds[1]:
        raise ValueError(f"cron field {name}: range {span!r} runs backwards")


def _value(text: str, name: str, low: int, high: int, names: tuple[str, ...]) -> int:
    if text in names:
        return names.index(text) + (1 if name == "month_of_year" else 0)
    if not text.isdigit():
        raise ValueError(f"cron field {name}: {text!r} is not a number")
    value = int(text)
    if not low <= value <= high:
        raise ValueError(f"cron field {name}: {value} is outside {low}-{high}")
    return value
