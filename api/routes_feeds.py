"""Atom feeds: a search's newest results, a source's newest, a category's newest.

`/search.atom` takes /search's own query and filters (the same model, the same parser). Every
feed answers with an `ETag` (a hash of what the document is made of) and a `Last-Modified` (the latest change
to an article in it), and a repeated request carrying either gets 304 with no body.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import Row, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session

from api import atom
from api.deps import DatabaseDep
from api.errors import ApiError
from api.params import NO_NUL, IsoDate
from api.proxies import public_url
from api.schemas import ErrorOut
from api.search_params import SearchFilters
from newsdesk.settings import version
from nlp.category import TAXONOMY
from search.articles import search
from search.latest import last_change, newest_ids
from store.db import Database
from store.models import Article, Source

router = APIRouter(tags=["feeds"])
ENTRIES = 50
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
FEED_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "an Atom 1.0 feed",
        "content": {"application/atom+xml": {"schema": {"type": "string"}}},
    },
    304: {"description": "not modified since the ETag or date the request named"},
    **{code: {"model": ErrorOut} for code in (400, 404, 422, 429)},
}
Day = Annotated[IsoDate | None, Query(description="KST day (YYYY-MM-DD)")]
Name = Annotated[str, Path(pattern=NO_NUL)]


# async, as /search is: the database work blocks the loop briefly, and saves a thread hop each
@router.get("/search.atom", response_class=Response, responses=FEED_RESPONSES)
async def search_feed(
    request: Request, db: DatabaseDep, params: Annotated[SearchFilters, Query()]
) -> Response:
    """The newest 50 articles matching the search, as /search?sort=newest lists them."""
    search_request = params.request(sort="newest", page=1, size=ENTRIES, facets=False)
    with db.sessions() as session:
        ids = [hit.article_id for hit in search(session, search_request).hits]
        return _answer(request, session, f"newsdesk 검색: {params.q}", ids)


@router.get("/sources/{name:path}.atom", response_class=Response, responses=FEED_RESPONSES)
async def source_feed(
    request: Request, db: DatabaseDep, name: Name, date_from: Annotated[Day, Query(alias="from")] = None,
    date_to: Annotated[Day, Query(alias="to")] = None,
) -> Response:  # fmt: skip
    """The newest 50 articles of one source; 404 when no source has that name (which may hold a `/`)."""
    return _newest_feed(request, db, date_from, date_to, source=name)


@router.get("/categories/{name:path}.atom", response_class=Response, responses=FEED_RESPONSES)
async def category_feed(
    request: Request, db: DatabaseDep, name: Name, date_from: Annotated[Day, Query(alias="from")] = None,
    date_to: Annotated[Day, Query(alias="to")] = None,
) -> Response:  # fmt: skip
    """The newest 50 articles of one category; 404 for a category neither known nor used."""
    return _newest_feed(request, db, date_from, date_to, category=name)


def _newest_feed(
    request: Request,
    db: Database,
    date_from: dt.date | None,
    date_to: dt.date | None,
    *,
    source: str | None = None,
    category: str | None = None,
) -> Response:
    """The newest articles of one source or one category (a name nobody uses is a 404)."""
    _check_days(date_from, date_to)
    with db.sessions() as session:
        source_id = None
        if source is not None:
            source_id = session.scalar(select(Source.id).where(Source.name == source))
            if source_id is None:
                raise ApiError(404, f"no source named {source!r}")
            title = f"newsdesk 출처: {source}"
        else:
            if category is None or not _known_category(session, category):
                raise ApiError(404, f"no category named {category!r}")
            title = f"newsdesk 분야: {category}"
        ids = newest_ids(session, source_id, category, date_from, date_to, ENTRIES)
        return _answer(request, session, title, ids)


def _check_days(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise ApiError(400, "'from' is after 'to'")


def _known_category(session: Session, name: str) -> bool:
    """One of the classifier's categories, or one a source's default or an article carries."""
    if name in TAXONOMY:
        return True
    used = or_(exists().where(Article.category == name), exists().where(Source.category == name))
    return bool(session.scalar(select(used)))


# the document and its validators ------------------------------------------------------------------


_ENTRY_ROWS = (
    select(
        Article.id,
        Article.url,
        Article.title,
        Article.published,
        Article.modified,
        Article.updated_at,
        Article.summary,
        Article.excerpt,
        Article.category,
        func.coalesce(Source.name, Article.site_name).label("outlet"),
    )
    .outerjoin(Source, Source.id == Article.source_id)
    .where(Article.id.in_(bindparam("ids", expanding=True)))
)


def _answer(request: Request, session: Session, title: str, ids: Sequence[int]) -> Response:
    rows = _rows(session, ids)
    address = public_url(request, request.app.state.settings.trusted_proxies)
    changed = max((row.updated_at for row in rows), default=None) or last_change(session) or EPOCH
    # the document is a function of these values alone (and of the code: the release is in
    # it), so their hash is its validator, and a 304 costs no serialising
    inputs = repr((version(), address, title, changed.isoformat(), [tuple(row) for row in rows]))
    headers = {
        "ETag": '"' + hashlib.sha256(inputs.encode("utf-8", "surrogatepass")).hexdigest()[:32] + '"',
        "Last-Modified": email.utils.format_datetime(changed.astimezone(dt.UTC), usegmt=True),
    }
    if _not_modified(request, headers["ETag"], changed):
        return Response(status_code=304, headers=headers)
    feed = atom.Feed(address, atom.xml_text(title), changed, [_entry(row) for row in rows])
    return Response(atom.render(feed), media_type=atom.MEDIA_TYPE, headers=headers)


def _rows(session: Session, ids: Sequence[int]) -> list[Row[Any]]:
    """What the entries of `ids` show, in that order: one query, no article bodies."""
    if not ids:
        return []
    found = {row.id: row for row in session.execute(_ENTRY_ROWS, {"ids": list(ids)})}
    return [found[i] for i in ids if i in found]


def _entry(row: Row[Any]) -> atom.Entry:
    sentences = [str(s.get("text", "")) for s in row.summary or [] if isinstance(s, dict)]
    return atom.Entry(
        url=row.url,
        title=row.title,
        updated=row.modified or row.published or row.updated_at,
        published=row.published,
        summary=" ".join(s for s in sentences if s) or row.excerpt,
        author=row.outlet,
        categories=(row.category,) if row.category else (),
    )


def _not_modified(request: Request, etag: str, changed: dt.datetime) -> bool:
    """RFC 9110 §13.1: If-None-Match decides when present (weak comparison), else If-Modified-Since."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if not since:
        return False
    try:
        when = email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError):  # an unreadable date is ignored, as the RFC says
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return changed.replace(microsecond=0) <= when
