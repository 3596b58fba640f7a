"""The newest articles by filters alone, with no query: what a source's or a category's feed lists.

The same order as a search sorted by `newest`: published first (the latest stored first on a
tie), undated last.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlp.dates import kst_day_bounds
from store.models import Article


def newest_ids(
    session: Session,
    source_id: int | None = None,
    category: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 50,
) -> list[int]:
    """Ids of the `limit` newest articles matching every filter given (days are KST days)."""
    query = select(Article.id)
    if source_id is not None:
        query = query.where(Article.source_id == source_id)
    if category is not None:
        query = query.where(Article.category == category)
    start, end = kst_day_bounds(date_from, date_to)
    if start is not None:
        query = query.where(Article.published >= start)
    if end is not None:
        query = query.where(Article.published < end)
    ordered = query.order_by(Article.published.desc().nulls_last(), Article.id.desc()).limit(limit)
    return list(session.scalars(ordered))


def last_change(session: Session) -> dt.datetime | None:
    """When any article was last stored or changed; None when there are none."""
    return session.scalar(select(func.max(Article.updated_at)))
