"""GET /search: morpheme search with filters, facets and highlights."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import DatabaseDep
from api.errors import ApiError
from api.hits import hit_out
from api.schemas import ErrorOut, SearchOut
from search.articles import RANK_WINDOW, Results, SearchRequest, search

router = APIRouter()
MAX_QUERY_CHARS = 500
MAX_FILTER_CHARS = 200
MAX_WINDOW = RANK_WINDOW  # deeper pages than the ranking window would only ever be empty
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    422: {"model": ErrorOut},
    429: {"model": ErrorOut},
}
Filter = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]


# async although the search blocks: on the event loop it skips a thread hop and the GIL
# hand-offs of two threads stepping SQLite; processes give the parallelism (docs/scale.md)
@router.get("/search", response_model=SearchOut, responses=ERRORS)
async def search_articles(
    db: DatabaseDep,
    q: Annotated[str, Query(description='words, "phrases", -exclusions')],
    source: Filter = None,
    category: Filter = None,
    date_from: Annotated[dt.date | None, Query(alias="from", description="first KST day")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="last KST day")] = None,
    sort: Literal["relevance", "newest"] = "relevance",
    page: Annotated[int, Query(ge=1, le=MAX_WINDOW)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
) -> Response:
    if len(q) > MAX_QUERY_CHARS:
        raise ApiError(400, f"query is longer than {MAX_QUERY_CHARS} characters")
    if page * size > MAX_WINDOW:
        raise ApiError(400, f"page * size must not exceed {MAX_WINDOW}")
    if date_from and date_to and date_from > date_to:
        raise ApiError(400, "'from' is after 'to'")
    request = SearchRequest(q, source, category, date_from, date_to, sort, page, size)
    with db.sessions() as session:
        results = search(session, request)
    # serialised by pydantic-core directly: FastAPI would validate the model a second time
    return Response(_out(results, page, size).model_dump_json(), media_type="application/json")


def _out(results: Results, page: int, size: int) -> SearchOut:
    return SearchOut(
        total=results.total,
        total_exact=results.total_exact,
        page=page,
        size=size,
        results=[hit_out(h) for h in results.hits],
        facets=results.facets,
    )
