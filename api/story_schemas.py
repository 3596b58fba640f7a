"""Response shapes of a story's coverage: the release, each outlet against it, the timeline."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from api.schemas import StoryOut


class QuoteOut(BaseModel):
    index: int
    text: str
    start: int
    end: int


class AddedOut(QuoteOut):
    score: float


class ReleaseSentenceOut(QuoteOut):
    summary: bool
    kept_by: int


class CanonicalOut(BaseModel):
    article_id: int
    outlet: str
    title: str
    url: str
    published: dt.datetime | None
    is_release: bool
    sentences: list[ReleaseSentenceOut]


class SentenceRefOut(BaseModel):
    index: int
    text: str


class FigureOut(BaseModel):
    release: str
    outlet: str
    unit: str
    release_sentence: SentenceRefOut
    outlet_sentence: SentenceRefOut


class CoverageOut(BaseModel):
    article_id: int
    outlet: str
    title: str
    url: str
    published: dt.datetime | None
    lag_minutes: int | None
    copied_share: float
    release_kept_share: float | None
    counts: dict[str, int]
    kept: list[int]
    added: list[AddedOut]
    dropped: list[QuoteOut]
    figure_differs: list[FigureOut]
    names_source: str | None


class RevisionRefOut(BaseModel):
    revision: int
    created_at: dt.datetime


class TimelineOut(BaseModel):
    article_id: int
    outlet: str
    title: str
    published: dt.datetime | None
    lag_minutes: int | None
    canonical: bool
    first_report: bool
    late_joiner: bool
    revisions: list[RevisionRefOut]


class StoryCoverageOut(StoryOut):
    canonical: CanonicalOut
    timeline: list[TimelineOut]
    coverage: list[CoverageOut]
