"""GET /search: morpheme search with filters, facets and highlights."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import DatabaseDep
from api.hits import hit_out
from api.schemas import ErrorOut, SearchOut
from api.search_params import SearchParams
from search.articles import Results, reading, search

router = APIRouter()
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    422: {"model": ErrorOut},
    429: {"model": ErrorOut},
}


# async although the search blocks: on the event loop it skips a thread hop and the GIL
# hand-offs of two threads stepping SQLite; processes give the parallelism (docs/scale.md)
@router.get("/search", response_model=SearchOut, responses=ERRORS)
async def search_articles(db: DatabaseDep, params: Annotated[SearchParams, Query()]) -> Response:
    request = params.request(params.sort, params.page, params.size)
    with reading(db) as session:
        results = search(session, request)
    # serialised by pydantic-core directly: FastAPI would validate the model a second time
    return Response(_out(results, params.page, params.size).model_dump_json(), media_type="application/json")


def _out(results: Results, page: int, size: int) -> SearchOut:
    return SearchOut(
        total=results.total,
        total_exact=results.total_exact,
        page=page,
        size=size,
        results=[hit_out(h) for h in results.hits],
        facets=results.facets,
    )
