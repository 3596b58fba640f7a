"""SQLAlchemy models: sources, pages, articles and their revisions, drafts, search documents."""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from nlp.dates import KST

UTC = dt.UTC

SUMMARY_MODES = ("full", "excerpt", "none")


def now() -> dt.datetime:
    return dt.datetime.now(KST)


class AwareDateTime(TypeDecorator[dt.datetime]):
    """Stores UTC, returns Asia/Seoul; SQLite keeps no offset of its own."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(KST)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        dt.datetime: AwareDateTime,
    }


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="file")
    category: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    # rights: how much of this source's text a draft may quote, and the credit every export carries
    summary_mode: Mapped[str] = mapped_column(String(10), default="full", server_default="full")
    max_sentences: Mapped[int | None] = mapped_column(Integer)
    max_chars: Mapped[int | None] = mapped_column(Integer)
    attribution: Mapped[str | None] = mapped_column(Text)
    # the health status last announced (store.health.notify_transition): one notice per change
    health_notified: Mapped[str | None] = mapped_column(String(10))


class SourceTemplate(Base):
    """What a source prints on many of its pages, learned from their fingerprints (nlp.template)."""

    __tablename__ = "source_templates"

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    pages_seen: Mapped[int] = mapped_column(Integer, default=0)  # fingerprints recorded so far
    learned_at_seen: Mapped[int] = mapped_column(Integer, default=0)  # pages_seen at the last learning
    pages: Mapped[int] = mapped_column(Integer, default=0)  # distinct pages it was learned from
    titles: Mapped[list[Any]] = mapped_column(default=list)
    lines: Mapped[list[Any]] = mapped_column(default=list)
    learned_at: Mapped[dt.datetime | None] = mapped_column()


class CrawlRun(Base):
    """One crawl of one source: when, what it counted, and what went wrong."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=now)
    finished_at: Mapped[dt.datetime | None]
    seen: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[Any]] = mapped_column(default=list)
    slot: Mapped[str | None] = mapped_column(String(40))
    # what the run saw (None on runs stored before 0009): downloader requests and responses,
    # failures by reason class (crawler.failures.reason_class) and the field yields of the
    # articles it produced (crawler.yields.Yields.as_dict)
    requests: Mapped[int | None] = mapped_column(Integer)
    responses: Mapped[int | None] = mapped_column(Integer)
    failures: Mapped[dict[str, Any] | None] = mapped_column()
    yields: Mapped[dict[str, Any] | None] = mapped_column()
    # the queue profile's running count behind `yields` (crawler.queued_yields), as pages are processed
    yield_state: Mapped[dict[str, Any] | None] = mapped_column()

    source: Mapped[Source] = relationship()

    __table_args__ = (Index("uq_crawl_runs_source_slot", "source_id", "slot", unique=True),)


class Page(Base):
    """A fetched page as it came (compressed), keyed by its canonical URL."""

    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    state: Mapped[str] = mapped_column(String(12), default="fetched", index=True)
    error: Mapped[str | None] = mapped_column(Text)
    raw_z: Mapped[bytes] = mapped_column(LargeBinary)
    raw_hash: Mapped[str] = mapped_column(String(64))
    charset: Mapped[str | None] = mapped_column(String(40))
    etag: Mapped[str | None] = mapped_column(String(400))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    fetched_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now, index=True)
    feed_published: Mapped[dt.datetime | None] = mapped_column()  # the feed item's date, a last fallback
    # what the page offers its source's template memory (nlp.template.Fingerprint as JSON)
    fingerprint: Mapped[dict[str, Any] | None] = mapped_column()

    source: Mapped[Source | None] = relationship()
    article: Mapped[Article | None] = relationship(back_populates="page")

    __table_args__ = (Index("ix_pages_source_id_id", "source_id", "id"),)

    @property
    def raw(self) -> bytes:
        return zlib.decompress(self.raw_z)

    @raw.setter
    def raw(self, value: bytes) -> None:
        self.raw_z = zlib.compress(value, 6)


class Article(Base):
    """What extraction and analysis made of a page; the latest revision."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id"), unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    title: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.datetime | None] = mapped_column(index=True)
    # the page named the day but no time: `published` is that day's midnight KST, never shown as a time
    published_date_only: Mapped[bool] = mapped_column(default=False, server_default=false())
    modified: Mapped[dt.datetime | None]
    authors: Mapped[list[Any]] = mapped_column(default=list)
    body: Mapped[str] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    # the body's sub-heading lines as [start, end] spans (nlp.sections); None: stored before 0013
    sections: Mapped[list[Any] | None] = mapped_column(JSON)
    site_name: Mapped[str | None] = mapped_column(String(200))
    image: Mapped[str | None] = mapped_column(String(2000))
    category: Mapped[str | None] = mapped_column(String(40), index=True)
    category_reason: Mapped[list[Any]] = mapped_column(default=list)
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[list[Any]] = mapped_column(default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    signature: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)

    page: Mapped[Page] = relationship(back_populates="article")
    story: Mapped[Story | None] = relationship(back_populates="articles", foreign_keys=[story_id])
    source: Mapped[Source | None] = relationship()
    draft: Mapped[Draft | None] = relationship(back_populates="article")


class Story(Base):
    """Near-duplicate articles across outlets; the canonical one is the source they retell."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    canonical_article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)

    articles: Mapped[list[Article]] = relationship(back_populates="story", foreign_keys="Article.story_id")


class StoryBand(Base):
    """Locality-sensitive hash bands of an article's signature, to find near-duplicates fast."""

    __tablename__ = "story_bands"

    # the key is the table (no row id on SQLite): a band's most recent postings are one backward
    # range scan of it (ingest.story_lookup); integers, a third of the old 40-character keys
    band: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)

    __table_args__ = (Index("ix_story_bands_article_id", "article_id"), {"sqlite_with_rowid": False})


class Revision(Base):
    """Each distinct text an article has had, oldest first."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=now)


class Draft(Base):
    """The generated summary draft an editor reviews; `edits` holds the editor's own changes."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), unique=True)
    headline: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(40))
    excerpt: Mapped[str] = mapped_column(Text)
    feature_text: Mapped[str] = mapped_column(Text)
    key_sentences: Mapped[list[Any]] = mapped_column(default=list)
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    image: Mapped[str | None] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    editor: Mapped[str | None] = mapped_column(String(200))
    edits: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)
    # set on the story's draft (its canonical article's draft), with the other outlets that ran it
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), index=True)
    outlets: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    # the length an editor regenerated with; re-ingesting the article keeps it
    summary_sentences: Mapped[int | None] = mapped_column(Integer)
    summary_max_chars: Mapped[int | None] = mapped_column(Integer)
    status_changed_at: Mapped[dt.datetime | None]

    article: Mapped[Article] = relationship(back_populates="draft")


class ArticleUnits(Base):
    """The article's sentences as alignment needs them (nlp.align.Unit as JSON), from ingest's one
    Kiwi pass, so a story's coverage is computed without analysing any text again."""

    __tablename__ = "article_units"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    units: Mapped[list[Any]] = mapped_column(default=list)


class Coverage(Base):
    """One outlet article aligned against its story's canonical article, as of both revisions."""

    __tablename__ = "coverage"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id"), index=True)
    canonical_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    canonical_revision: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    computed_at: Mapped[dt.datetime] = mapped_column(default=now)


class DeadLetter(Base):
    """A task message that could not be tied to a page (unknown id, malformed payload), and why."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    task: Mapped[str] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(Text)
    error: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=now)


class SearchDoc(Base):
    """Morpheme strings the full-text index is built from: what ranking reads for every match,
    so kept small (the spans, read only for a page of hits, live in SearchSpans)."""

    __tablename__ = "search_docs"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    title_terms: Mapped[str] = mapped_column(Text)
    body_terms: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text, default="")  # filter tokens: see search.engines
    length: Mapped[int] = mapped_column(Integer, default=0)  # tokens in all columns, for BM25


class DocFreq(Base):
    """A phrase's document frequency as one process counted it, for every process to read
    (search.articles.DocFreqs); `docs` is the index's size then."""

    __tablename__ = "doc_freqs"

    phrase: Mapped[str] = mapped_column(Text, primary_key=True)  # index tokens, single spaces
    df: Mapped[int] = mapped_column(Integer)
    docs: Mapped[int] = mapped_column(Integer)
    counted_at: Mapped[dt.datetime] = mapped_column(default=now)


class SearchSpans(Base):
    """Where each body index token sits in the original text: [token, start, end], for highlights."""

    __tablename__ = "search_spans"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    spans: Mapped[list[Any]] = mapped_column(default=list)


DELIVERY_STATES = ("pending", "delivered", "failed")


class Alert(Base):
    """A saved search whose matches are posted to a webhook, signed with its secret."""

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    query: Mapped[str] = mapped_column(Text)
    filters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    webhook: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(100))
    # the parsed query as index tokens ({"include": [[…]], "exclude": [[…]]}) and its rarest
    # required token, which the matcher indexes it by (search.alert_match)
    plan: Mapped[dict[str, Any]] = mapped_column(default=dict)
    match_key: Mapped[str] = mapped_column(String(200))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive failed deliveries
    # hears sources going failing and recovering (store.health_notices); with an empty query, only that
    source_health: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)


class AlertState(Base):
    """One row: a counter bumped whenever alerts are added, removed, paused or resumed, so each
    process knows its matcher is current from one primary-key read per article."""

    __tablename__ = "alert_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    epoch: Mapped[str] = mapped_column(String(36))  # set once, when the table is made


class AlertDelivery(Base):
    """One article revision matched by one alert, and how posting it went."""

    __tablename__ = "alert_deliveries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # a UUID, the X-Newsdesk-Delivery
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"), index=True)
    # an article revision's delivery, or (kind "source_health", no article) a source's transition
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    revision: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="article", server_default="article")
    event_key: Mapped[str | None] = mapped_column(String(200))  # the transition: one delivery per alert
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_status: Mapped[int | None] = mapped_column(Integer)  # the receiver's last HTTP status
    last_error: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)  # the exact JSON body, the same on every attempt
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(default=now)
    delivered_at: Mapped[dt.datetime | None]

    __table_args__ = (
        Index(
            "uq_alert_deliveries_alert_article_revision", "alert_id", "article_id", "revision", unique=True
        ),
        Index("ix_alert_deliveries_status_next", "status", "next_attempt_at"),
        Index("uq_alert_deliveries_alert_event", "alert_id", "event_key", unique=True),
    )


class GenericTerm(Base):
    """A term found in many stored articles, and in what share of them (search.generic_terms)."""

    __tablename__ = "generic_terms"

    term: Mapped[str] = mapped_column(String(100), primary_key=True)
    share: Mapped[float] = mapped_column(Float)
    documents: Mapped[int] = mapped_column(Integer)  # articles counted at the last refresh
