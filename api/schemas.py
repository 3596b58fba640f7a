"""Response shapes, so /openapi.json documents what the API returns."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DateOnly = Annotated[
    bool,
    Field(
        description="the page gave the day but no time: `published` is that day's midnight KST, "
        "to be shown as a date only"
    ),
]


class ErrorOut(BaseModel):
    ok: bool = False
    error: str
    status: int


class HitOut(BaseModel):
    id: int
    title: str
    url: str
    source: str | None
    category: str | None
    published: dt.datetime | None
    published_date_only: DateOnly
    excerpt: str
    highlights: list[str]
    story_id: int | None
    score: float


class SearchOut(BaseModel):
    ok: bool = True
    total: int = Field(
        description="matching articles; when total_exact is false, a lower bound: the query matched "
        "more than the ranking window, and results and facets come from its most recent matches"
    )
    total_exact: bool = True
    page: int
    size: int
    results: list[HitOut]
    facets: dict[str, dict[str, int]]


class SentenceOut(BaseModel):
    index: int
    text: str
    start: int
    end: int
    score: float


class RevisionOut(BaseModel):
    revision: int
    title: str
    created_at: dt.datetime


class ArticleOut(BaseModel):
    ok: bool = True
    id: int
    url: str
    title: str
    source: str | None
    site_name: str | None
    published: dt.datetime | None
    published_date_only: DateOnly
    modified: dt.datetime | None
    authors: list[str]
    lead: str | None
    body: str
    excerpt: str
    summary: list[SentenceOut]
    keywords: list[str]
    category: str | None
    category_reason: list[str]
    image: str | None
    story_id: int | None
    revision: int
    revisions: list[RevisionOut]


class ArticleBrief(BaseModel):
    id: int
    title: str
    url: str
    source: str | None
    published: dt.datetime | None
    published_date_only: DateOnly
    excerpt: str


class RelatedOut(BaseModel):
    ok: bool = True
    id: int
    results: list[ArticleBrief]


class StoryOut(BaseModel):
    ok: bool = True
    id: int
    canonical_id: int | None
    articles: list[ArticleBrief]


class KeySentenceIn(BaseModel):
    index: int = 0
    text: str
    start: int
    end: int
    score: float = 0.0


class OutletOut(BaseModel):
    article_id: int
    name: str
    url: str
    title: str


class RightsOut(BaseModel):
    summary_mode: str
    max_sentences: int | None
    max_chars: int | None
    attribution: str | None


class DraftBrief(BaseModel):
    id: int
    article_id: int
    story_id: int | None
    status: str
    title: str
    category: str | None
    source: str | None
    url: str
    published: dt.datetime | None
    published_date_only: DateOnly
    updated_at: dt.datetime
    edited: list[str]


class DraftListOut(BaseModel):
    ok: bool = True
    total: int
    results: list[DraftBrief]


class DraftOut(BaseModel):
    ok: bool = True
    id: int
    article_id: int
    story_id: int | None
    status: str
    transitions: list[str]
    editor: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    status_changed_at: dt.datetime | None
    headline: str
    category: str | None
    category_reason: list[str]
    excerpt: str
    feature_text: str
    key_sentences: list[SentenceOut]
    keywords: list[str]
    image: str | None
    edits: dict[str, Any]
    generated: dict[str, Any]
    summary_sentences: int | None
    summary_max_chars: int | None
    source: str | None
    url: str
    published: dt.datetime | None
    published_date_only: DateOnly
    body: str
    outlets: list[OutletOut]
    rights: RightsOut
    attribution: str


class DraftEditIn(BaseModel):
    """Fields to change; null drops an edit and restores the generated text."""

    model_config = ConfigDict(extra="forbid")

    headline: str | None = Field(default=None, max_length=500)
    category: str | None = Field(default=None, max_length=40)
    excerpt: str | None = Field(default=None, max_length=5000)
    feature_text: str | None = Field(default=None, max_length=5000)
    key_sentences: list[KeySentenceIn] | None = None
    keywords: list[str] | None = None
    image: str | None = Field(default=None, max_length=2000)
    editor: str | None = Field(default=None, max_length=200)


class StatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["draft", "approved", "published", "rejected"]
    editor: str | None = Field(default=None, max_length=200)


class RegenerateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sentences: int | None = Field(default=None, ge=1, le=20)
    max_chars: int | None = Field(default=None, ge=20, le=10000)


class SubmitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=2000)
