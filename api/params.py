"""Bounds on ids and offsets, in the schema: what no column can hold is a 422, never a 500.

The id columns are INTEGER on PostgreSQL (int4: 2**31 - 1 at most), and SQLite cannot bind an
integer past 2**63 - 1 at all; an offset past the largest id can only ever skip everything.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import Path
from pydantic import BeforeValidator

MAX_ID = 2**31 - 1
MAX_OFFSET = MAX_ID
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


def _iso_day(value: object) -> object:
    """Only YYYY-MM-DD: pydantic alone would also take a number as a Unix time (`from=0`)."""
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return value
    raise ValueError("a date as YYYY-MM-DD is expected")


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
IsoDate = Annotated[dt.date, BeforeValidator(_iso_day)]
"""A calendar day given as YYYY-MM-DD, as the schema's `format: date` documents; nothing else."""
