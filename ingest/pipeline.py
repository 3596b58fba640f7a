"""The per-page path: store the raw page, extract, analyse, store the article, index, draft."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ingest.coverage import store_units, update_coverage
from ingest.drafts import upsert_draft
from ingest.facts import ArticleFacts, article_facts
from ingest.stories import assign_story
from nlp import NlpError
from nlp.digest import Digest, DigestOptions, digest
from nlp.extract import declared_url, extract_page
from nlp.page import ExtractedPage
from nlp.urls import canonical_url
from search.alert_match import match_alerts
from search.articles import index_document
from search.generic_terms import shares
from store import PageNotFound
from store.db import Database
from store.models import Article, Page, Revision, Source, now
from store.rows import driver_rows, insert_object, insert_rows
from store.sources import get_or_create_source
from store.templates import remember, template_for

Status = Literal["new", "changed", "unchanged", "listing", "failed"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one page."""

    url: str
    status: Status
    page_id: int | None = None
    article_id: int | None = None
    error: str | None = None
    links: tuple[str, ...] = field(default=())
    deliveries: tuple[str, ...] = field(default=())  # alert deliveries made pending (search.alert_match)
    facts: ArticleFacts | None = None  # a new or changed article's field facts (the run's yields)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a page came from: its URL, the source it belongs to, and what its server declared."""

    url: str
    source: str | None = None
    category: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    feed_published: dt.datetime | None = None  # the feed item's date: extraction's last fallback


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def ingest(db: Database, raw: bytes, origin: Origin, options: DigestOptions | None = None) -> Outcome:
    """Store and process one page in one transaction; a failure is recorded, never half-stored."""
    url = canonical_url(origin.url)
    try:
        url = page_key(origin, raw)
        with db.transaction() as session:
            return _ingest_page(session, url, raw, origin, options)
    except DBAPIError:
        raise
    except Exception as error:  # bad input of any kind is recorded, never fatal to the caller
        return record_failure(db, raw, origin, url, _reason(error))


def ingest_within(
    session: Session, raw: bytes, origin: Origin, options: DigestOptions | None = None
) -> Outcome:
    """`ingest` inside a transaction others share (``ingest.batch``): the page's work in a savepoint,
    so a page that fails leaves only its failure behind, and its batch-mates' work stands."""
    url = canonical_url(origin.url)
    try:
        url = page_key(origin, raw)
        with session.begin_nested():
            return _ingest_page(session, url, raw, origin, options)
    except DBAPIError:
        raise
    except Exception as error:  # recorded as `ingest` records it
        with session.begin_nested():
            return failed_page(session, raw, origin, url, _reason(error))


def _ingest_page(
    session: Session, url: str, raw: bytes, origin: Origin, options: DigestOptions | None
) -> Outcome:
    page, fresh = store_page(session, url, raw, origin, flush=False)
    if not fresh and page.state == "processed":
        return Outcome(url, "unchanged", page.id, page.article.id if page.article else None)
    return analyse_and_store(session, page, options or DigestOptions())


def store(db: Database, raw: bytes, origin: Origin) -> tuple[int, bool]:
    """Store the raw page only (the queue processes it later); True when it needs processing."""
    with db.transaction() as session:
        page, fresh = store_page(session, page_key(origin, raw), raw, origin)
        return page.id, fresh or page.state == "fetched"


def page_key(origin: Origin, raw: bytes) -> str:
    """The URL a page is stored under: its canonical http(s) URL; for a page that came from
    elsewhere (a saved file), the canonical or og:url it declares, so that a saved copy of a page
    stored from the web is the same page; else where it came from (``file:…``)."""
    url = canonical_url(origin.url)
    if _http_url(url) is None:
        declared = declared_url(raw, origin.charset)
        if declared is not None:
            return canonical_url(declared)
    return url


def process_stored(db: Database, page_id: int, options: DigestOptions | None = None) -> Outcome:
    """Process a stored page; a no-op when it is already processed (a redelivered message)."""
    try:
        with db.transaction() as session:
            page = session.get(Page, page_id)
            if page is None:
                raise PageNotFound(f"no page with id {page_id}")
            if page.state == "processed":
                return Outcome(page.url, "unchanged", page.id, page.article.id if page.article else None)
            return analyse_and_store(session, page, options or DigestOptions())
    except (DBAPIError, PageNotFound):
        raise
    except Exception as error:  # recorded on the page; the task itself succeeds
        return mark_failed(db, page_id, _reason(error))


def mark_failed(db: Database, page_id: int, reason: str) -> Outcome:
    with db.transaction() as session:
        page = session.get(Page, page_id)
        if page is None:
            raise PageNotFound(f"no page with id {page_id}")
        page.state, page.error = "failed", reason
        page.attempts += 1
        return Outcome(page.url, "failed", page.id, error=reason)


def _reason(error: Exception) -> str:
    if isinstance(error, NlpError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def store_page(
    session: Session, url: str, raw: bytes, origin: Origin, flush: bool = True
) -> tuple[Page, bool]:
    """Upsert the raw page by canonical URL; True when it is new or its bytes changed. Without
    `flush` a new page is not in the session yet: ``write_page`` INSERTs it once processing has
    filled it in (one Core INSERT, ``store.rows.insert_object``), and it has no id until then."""
    digest_ = sha256(raw)
    found = driver_rows(session, _PAGE_BY_URL, {"url": url})  # the driver's SQL: it runs for every page
    page = session.get(Page, found[0][0]) if found else None  # only a known page is read whole
    if page is not None and page.raw_hash == digest_:
        page.etag = origin.etag or page.etag
        page.last_modified = origin.last_modified or page.last_modified
        page.feed_published = origin.feed_published or page.feed_published
        return page, False
    source = _named_source(session, origin.source, origin.category, origin.url) if origin.source else None
    fresh = page is None
    if page is None:
        page = Page(url=url, state="fetched", attempts=0)
        if flush:
            session.add(page)
    page.source = source or page.source
    page.raw = raw
    page.raw_hash = digest_
    page.charset = origin.charset
    page.etag = origin.etag
    page.last_modified = origin.last_modified
    page.feed_published = origin.feed_published or page.feed_published
    page.state = "fetched"
    page.error = None
    page.fetched_at = now()
    if fresh:  # a page stored just now has no article: no query to find that out
        set_committed_value(page, "article", None)
    if flush or not fresh:
        session.flush()
    return page, True


_PAGE_BY_URL = select(Page.id, Page.raw_hash).where(Page.url == bindparam("url"))


def write_page(session: Session, page: Page) -> None:
    """INSERT a new page ``store_page`` left out of the session (it gets its id); a stored page's
    changes go with the session's next flush."""
    if inspect(page).transient:
        insert_object(session, page)


def analyse_and_store(session: Session, page: Page, options: DigestOptions) -> Outcome:
    """Extract and analyse a stored page, then store its article, index row and draft.

    Nothing is written before the analysis is done: on SQLite the first write takes the one
    write lock, and two workers holding it through Kiwi would run one at a time.
    """
    # the relationship, not the column: a new page is not written yet (store_page) and has no source_id
    extracted = _extract(session, page, page.source.id if page.source is not None else page.source_id)
    if extracted.kind == "listing":
        page.attempts += 1
        page.charset = extracted.charset or page.charset
        page.state = "processed"
        write_page(session, page)  # a new page gets its id
        return Outcome(page.url, "listing", page.id, links=extracted.links)
    source = page.source or _named_source(
        session, extracted.site_name or urlsplit(page.url).hostname or "local files", None, page.url
    )
    if page.source is None and template_for(session, source.id):  # known only after extracting
        extracted = _extract(session, page, source.id)
    remember(session, page, source.id, extracted.fingerprint)
    title = (extracted.title or "").strip() or _first_line(extracted.body)
    found = digest(
        extracted.body, title, _with_default(options, source.category), extracted.sections, shares(session)
    )
    page.attempts += 1
    page.charset = extracted.charset or page.charset
    page.source = source
    content_hash = sha256(title + "\n" + extracted.body)
    article = page.article
    if article is not None and article.content_hash == content_hash:
        page.state = "processed"
        return Outcome(page.url, "unchanged", page.id, article.id)
    status: Status = "new" if article is None else "changed"
    previous_story = page.article.story if page.article is not None else None
    # the page's row is final now (one INSERT or UPDATE); only a commit ever shows it
    page.state = "processed"
    page.error = None
    article = _store_article(session, page, source, extracted, title, found, content_hash)
    fresh = status == "new"
    store_units(session, article, found.analysis, fresh)
    title_tokens, body_tokens = index_document(session, article, found.title_terms, found.terms, fresh)
    assign_story(session, article, found.signature, fresh)
    update_coverage(session, article, previous_story, fresh)
    upsert_draft(session, article)
    deliveries = match_alerts(session, article, title_tokens, body_tokens)
    facts = article_facts(extracted, title, template_for(session, source.id))
    return Outcome(page.url, status, page.id, article.id, deliveries=tuple(deliveries), facts=facts)


def _extract(session: Session, page: Page, source_id: int | None) -> ExtractedPage:
    """The stored page extracted with what its source's other pages taught (``store.templates``)."""
    return extract_page(
        page.raw, url=_http_url(page.url), declared_charset=page.charset,
        template=template_for(session, source_id), feed_published=page.feed_published,
    )  # fmt: skip


def record_failure(db: Database, raw: bytes, origin: Origin, url: str, reason: str) -> Outcome:
    """Keep the page and why it failed, so nothing is dropped silently."""
    with db.transaction() as session:
        return failed_page(session, raw, origin, url, reason)


def failed_page(session: Session, raw: bytes, origin: Origin, url: str, reason: str) -> Outcome:
    """`record_failure` in the caller's transaction."""
    page, _ = store_page(session, url, raw, origin)
    page.state = "failed"
    page.error = reason
    page.attempts += 1
    return Outcome(url, "failed", page.id, error=reason)


def _store_article(
    session: Session,
    page: Page,
    source: Source,
    extracted: ExtractedPage,
    title: str,
    found: Digest,
    content_hash: str,
) -> Article:
    fresh = page.article is None
    write_page(session, page)
    article = page.article or Article(page_id=page.id, revision=0)
    article.source = source
    article.url = page.url
    article.title = title
    article.published = extracted.published
    article.published_date_only = extracted.published_date_only
    article.modified = extracted.modified
    article.authors = list(extracted.authors)
    article.body = extracted.body
    article.lead = extracted.lead
    article.sections = [list(span) for span in extracted.sections]
    article.site_name = extracted.site_name
    article.image = extracted.images[0] if extracted.images else None
    article.category = found.category.name
    article.category_reason = list(found.category.reason)
    article.keywords = found.keywords
    article.excerpt = found.excerpt
    article.summary = [s.as_dict() for s in found.summary]
    article.content_hash = content_hash
    article.signature = found.signature.to_json()  # in the INSERT, not an UPDATE after it (stories)
    article.revision += 1
    if fresh:  # one Core INSERT; what the rest of the path reads of it is set, so read without a query
        insert_object(session, article)
        for name, value in (("page", page), ("story", None), ("draft", None)):
            set_committed_value(article, name, value)
        set_committed_value(page, "article", article)
    else:
        session.flush()
    row = {"article_id": article.id, "revision": article.revision, "content_hash": content_hash}
    insert_rows(session, Revision, [{**row, "title": title, "body": extracted.body}])
    return article


def _named_source(session: Session, name: str, category: str | None, url: str) -> Source:
    """The source called `name`, read once a session (a batch's pages share one, ``ingest.batch``);
    one a rolled-back savepoint created is looked for again."""
    known: dict[str, Source] = session.info.setdefault(_SOURCES, {})
    source = known.get(name)
    if source is None or not inspect(source).persistent:
        kind = "file" if url.startswith("file:") else "web"
        source = known[name] = get_or_create_source(session, name, kind, category)
    elif category and not source.category:  # as get_or_create_source fills in a missing category
        source.category = category
    return source


_SOURCES = "sources"  # session.info key: sources by name


def _with_default(options: DigestOptions, category: str | None) -> DigestOptions:
    if options.default_category or not category:
        return options
    return replace(options, default_category=category)


def _http_url(url: str) -> str | None:
    return url if url.startswith(("http://", "https://")) else None


def _first_line(body: str) -> str:
    line = next((x.strip() for x in body.splitlines() if x.strip()), "")
    return line if len(line) <= 80 else line[:79] + "…"
