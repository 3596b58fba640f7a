"""Atom feeds: a search's newest results, a source's newest, a category's newest.

`/search.atom` takes /search's own query and filters (the same model, the same parser). Every
feed answers with an `ETag` (a hash of the document) and a `Last-Modified` (the latest change
to an article in it), and a repeated request carrying either gets 304 with no body.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from api import atom
from api.deps import DatabaseDep
from api.errors import ApiError
from api.params import IsoDate
from api.schemas import ErrorOut
from api.search_params import SearchFilters
from nlp.category import TAXONOMY
from search.articles import search
from search.latest import last_change, newest_ids
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


@router.get("/search.atom", response_class=Response, responses=FEED_RESPONSES)
def search_feed(request: Request, db: DatabaseDep, params: Annotated[SearchFilters, Query()]) -> Response:
    """The newest 50 articles matching the search, as /search?sort=newest lists them."""
    search_request = params.request(sort="newest", page=1, size=ENTRIES, facets=False)
    with db.sessions() as session:
        ids = [hit.article_id for hit in search(session, search_request).hits]
        return _answer(request, session, f"newsdesk 검색: {params.q}", ids)


@router.get("/sources/{name:path}.atom", response_class=Response, responses=FEED_RESPONSES)
def source_feed(
    request: Request, db: DatabaseDep, name: str, date_from: Annotated[Day, Query(alias="from")] = None,
    date_to: Annotated[Day, Query(alias="to")] = None,
) -> Response:  # fmt: skip
    """The newest 50 articles of one source; 404 when no source has that name (which may hold a `/`)."""
    _check_days(date_from, date_to)
    with db.sessions() as session:
        source_id = session.scalar(select(Source.id).where(Source.name == name))
        if source_id is None:
            raise ApiError(404, f"no source named {name!r}")
        ids = newest_ids(session, source_id, None, date_from, date_to, ENTRIES)
        return _answer(request, session, f"newsdesk 출처: {name}", ids)


@router.get("/categories/{name:path}.atom", response_class=Response, responses=FEED_RESPONSES)
def category_feed(
    request: Request, db: DatabaseDep, name: str, date_from: Annotated[Day, Query(alias="from")] = None,
    date_to: Annotated[Day, Query(alias="to")] = None,
) -> Response:  # fmt: skip
    """The newest 50 articles of one category; 404 for a category neither known nor used."""
    _check_days(date_from, date_to)
    with db.sessions() as session:
        if not _known_category(session, name):
            raise ApiError(404, f"no category named {name!r}")
        ids = newest_ids(session, None, name, date_from, date_to, ENTRIES)
        return _answer(request, session, f"newsdesk 분야: {name}", ids)


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


def _answer(request: Request, session: Session, title: str, ids: Sequence[int]) -> Response:
    articles = _articles(session, ids)
    changed = max((a.updated_at for a in articles), default=None) or last_change(session) or EPOCH
    feed = atom.Feed(str(request.url), atom.xml_text(title), changed, [_entry(a) for a in articles])
    body = atom.render(feed)
    headers = {
        "ETag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        "Last-Modified": email.utils.format_datetime(changed.astimezone(dt.UTC), usegmt=True),
    }
    if _not_modified(request, headers["ETag"], changed):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=atom.MEDIA_TYPE, headers=headers)


def _articles(session: Session, ids: Sequence[int]) -> list[Article]:
    """The articles of `ids`, in that order (their sources loaded with them)."""
    if not ids:
        return []
    found = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def _entry(article: Article) -> atom.Entry:
    sentences = [str(s.get("text", "")) for s in article.summary or [] if isinstance(s, dict)]
    outlet = article.source.name if article.source else article.site_name
    return atom.Entry(
        url=article.url,
        title=article.title,
        updated=article.modified or article.published or article.updated_at,
        published=article.published,
        summary=" ".join(s for s in sentences if s) or article.excerpt,
        author=outlet,
        categories=(article.category,) if article.category else (),
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
