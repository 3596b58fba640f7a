"""Response shapes, so /openapi.json documents what the API returns."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel


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
    excerpt: str
    highlights: list[str]
    story_id: int | None
    score: float


class SearchOut(BaseModel):
    ok: bool = True
    total: int
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
