"""Bounds on ids and offsets, in the schema: what no column can hold is a 422, never a 500.

The id columns are INTEGER on PostgreSQL (int4: 2**31 - 1 at most), and SQLite cannot bind an
integer past 2**63 - 1 at all; an offset past the largest id can only ever skip everything.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import Path
from pydantic import AfterValidator, BeforeValidator

# A name or filter is matched against stored text, which on PostgreSQL cannot hold NUL: the schema
# says so, and a NUL is a 422 like any other value outside it (a query text is only tokenised: free)
NO_NUL = r"^[^\x00]*$"
NUL_MESSAGE = "text may not contain the NUL character (U+0000)"
MAX_ID = 2**31 - 1
MAX_OFFSET = MAX_ID
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


def _iso_day(value: object) -> object:
    """Only YYYY-MM-DD: pydantic alone would also take a number as a Unix time (`from=0`)."""
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return value
    raise ValueError("a date as YYYY-MM-DD is expected")


# Days a stored time can be compared with: 0001-01-01 at KST midnight is before datetime's first
# UTC instant, and a range's end (the day after `to`) must exist. No article is dated outside.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(9999, 12, 30)


def _within_range(day: dt.date) -> dt.date:
    """A day outside the comparable range means "from the start" or "to the end": the nearest one."""
    return min(max(day, FIRST_DAY), LAST_DAY)


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
IsoDate = Annotated[dt.date, BeforeValidator(_iso_day), AfterValidator(_within_range)]
"""A calendar day given as YYYY-MM-DD, as the schema's `format: date` documents; nothing else."""
