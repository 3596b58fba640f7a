"""GET /search: morpheme search with filters, facets and highlights."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.deps import SessionDep
from api.errors import ApiError
from api.schemas import ErrorOut, HitOut, SearchOut
from worker.search import SearchRequest, search

router = APIRouter()
MAX_QUERY_CHARS = 500
MAX_WINDOW = 10_000
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    422: {"model": ErrorOut},
    429: {"model": ErrorOut},
}


@router.get("/search", response_model=SearchOut, responses=ERRORS)
def search_articles(
    session: SessionDep,
    q: Annotated[str, Query(description='words, "phrases", -exclusions')],
    source: str | None = None,
    category: str | None = None,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
    sort: Literal["relevance", "newest"] = "relevance",
    page: Annotated[int, Query(ge=1, le=MAX_WINDOW)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
) -> SearchOut:
    if len(q) > MAX_QUERY_CHARS:
        raise ApiError(400, f"query is longer than {MAX_QUERY_CHARS} characters")
    if page * size > MAX_WINDOW:
        raise ApiError(400, f"page * size must not exceed {MAX_WINDOW}")
    if date_from and date_to and date_from > date_to:
        raise ApiError(400, "'from' is after 'to'")
    request = SearchRequest(q, source, category, date_from, date_to, sort, page, size)
    results = search(session, request)
    return SearchOut(
        total=results.total,
        page=page,
        size=size,
        results=[
            HitOut(
                id=h.article_id,
                title=h.title,
                url=h.url,
                source=h.source,
                category=h.category,
                published=h.published,
                excerpt=h.excerpt,
                highlights=h.highlights,
                story_id=h.story_id,
                score=h.score,
            )
            for h in results.hits
        ],
        facets=results.facets,
    )
