"""The record an extractor returns for one page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from nlp.template import Fingerprint

PageKind = Literal["article", "listing"]


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What extraction found on one page; datetimes are aware (Asia/Seoul)."""

    url: str | None
    kind: PageKind
    title: str | None
    body: str
    lead: str | None = None
    published: dt.datetime | None = None
    published_date_only: bool = False  # the page named the day of publication, not the time
    modified: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    site_name: str | None = None
    charset: str | None = None
    canonical_url: str | None = field(default=None)
    fingerprint: Fingerprint = field(default_factory=Fingerprint)  # for the source's template memory
    sections: tuple[tuple[int, int], ...] = ()  # the body's sub-heading lines (nlp.sections), as spans
