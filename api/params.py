"""Bounds on ids and offsets, in the schema: what no column can hold is a 422, never a 500.

The id columns are INTEGER on PostgreSQL (int4: 2**31 - 1 at most), and SQLite cannot bind an
integer past 2**63 - 1 at all; an offset past the largest id can only ever skip everything.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

MAX_ID = 2**31 - 1
MAX_OFFSET = MAX_ID
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
