"""The search's parameters as one model: /search and its Atom feed take the same query and filters."""

from __future__ import annotations

from pydantic import BaseModel, Field

from api.errors import ApiError
from api.params import NO_NUL, IsoDate
from nlp.query import MAX_QUERY_CHARS
from search.articles import RANK_WINDOW, SearchRequest, Sort

MAX_FILTER_CHARS = 200
MAX_WINDOW = RANK_WINDOW  # deeper pages than the ranking window would only ever be empty


class SearchFilters(BaseModel):
    """What a search selects: the query text and the filters."""

    # an empty or blank q is refused by the schema (422); text with no searchable word in it
    # ("?!", "-word" alone) can only be told by the query parser, a documented 400
    q: str = Field(
        min_length=1, max_length=MAX_QUERY_CHARS, pattern=r"\S", description='words, "phrases", -exclusions'
    )
    source: str | None = Field(default=None, max_length=MAX_FILTER_CHARS, pattern=NO_NUL)
    category: str | None = Field(default=None, max_length=MAX_FILTER_CHARS, pattern=NO_NUL)
    date_from: IsoDate | None = Field(default=None, alias="from", description="first KST day (YYYY-MM-DD)")
    date_to: IsoDate | None = Field(default=None, alias="to", description="last KST day (YYYY-MM-DD)")

    def request(
        self, sort: Sort = "newest", page: int = 1, size: int = 10, facets: bool = True
    ) -> SearchRequest:
        """The search layer's request; a 400 for what the schema cannot say."""
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ApiError(400, "'from' is after 'to'")
        if page * size > MAX_WINDOW:
            raise ApiError(400, f"page * size must not exceed {MAX_WINDOW}")
        return SearchRequest(
            self.q, self.source, self.category, self.date_from, self.date_to, sort, page, size, facets
        )


class SearchParams(SearchFilters):
    """GET /search: the filters, the order and the page."""

    sort: Sort = "relevance"
    page: int = Field(default=1, ge=1, le=MAX_WINDOW)
    size: int = Field(default=10, ge=1, le=100)
