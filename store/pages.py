"""The pages table, as the crawler reads it: what is stored for a URL (validators, hash, fetch time)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nlp.urls import canonical_url
from store.db import Database
from store.models import Page, now


@dataclass(frozen=True, slots=True)
class KnownPage:
    """The stored page's state, content hash, validators and fetch time."""

    state: str
    raw_hash: str
    etag: str | None
    last_modified: str | None
    fetched_at: dt.datetime


class KnownPages:
    """Looks up stored pages by canonical URL."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, url: str) -> KnownPage | None:
        """The stored page for `url` (canonicalised), or None."""
        with self.db.sessions() as session:
            return known_page(session, url)

    def touch(self, url: str) -> None:
        """Mark `url` as fetched now: its stored copy was found current."""
        with self.db.transaction() as session:
            touch_page(session, url)


def known_page(session: Session, url: str) -> KnownPage | None:
    """`KnownPages.get` in the caller's session."""
    query = select(Page.state, Page.raw_hash, Page.etag, Page.last_modified, Page.fetched_at)
    row = session.execute(query.where(Page.url == canonical_url(url))).first()
    return KnownPage(*row) if row else None


def touch_page(session: Session, url: str) -> None:
    """`KnownPages.touch` in the caller's transaction."""
    session.execute(update(Page).where(Page.url == canonical_url(url)).values(fetched_at=now()))
