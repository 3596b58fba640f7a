"""Template memory per source, kept in the database: page fingerprints in, a learned template out.

Each processed page stores its ``Fingerprint`` (``pages.fingerprint``); the source's template
(``source_templates``) is learned again from its latest ``LEARN_FROM`` fingerprints whenever
enough new pages came in since the last learning: after every page while a source is young,
then after every tenth of its size (at most every ``RELEARN_MAX`` pages). Extraction reads the
stored template, so the first page of a source works from the general rules alone and every
later one from what the source's earlier pages taught.

The count of pages seen is kept in the session while its transaction is open (a batch of pages
shares one, ``ingest.batch``) and written when it commits, or when the template is learned
again: an UPDATE of the template's row per page cost more than the rest of its bookkeeping. A
rolled-back savepoint takes its pages back out of the count (``store.savepoints``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, SessionTransaction

from nlp.template import EMPTY, Fingerprint, Template, learn_template
from store.models import Page, Source, SourceTemplate, now
from store.savepoints import on_rollback

LEARN_FROM = 60  # latest fingerprints a template is learned from (a site changes its template over time)
RELEARN_MAX = 50


def template_for(session: Session, source_id: int | None) -> Template:
    """The source's learned template (``EMPTY`` for an unknown source or one not learned yet)."""
    if source_id is None:
        return EMPTY
    row = _row(session, source_id)
    if row is None or not (row.titles or row.lines):
        return EMPTY
    return Template(titles=frozenset(row.titles), lines=frozenset(row.lines), pages=row.pages)


def describe_template(session: Session, source_name: str) -> dict[str, Any] | None:
    """What a source's template holds, for people: pages learned from and the texts it keeps;
    ``None`` when no source has that name."""
    source = session.scalars(select(Source).where(Source.name == source_name)).one_or_none()
    if source is None:
        return None
    row = session.get(SourceTemplate, source.id)
    if row is None:
        return {
            "source": source_name,
            "pages": 0,
            "pages_seen": 0,
            "learned_at": None,
            "titles": [],
            "lines": [],
        }
    return {
        "source": source_name, "pages": row.pages, "pages_seen": row.pages_seen,
        "learned_at": row.learned_at.isoformat() if row.learned_at else None,
        "titles": list(row.titles), "lines": list(row.lines),
    }  # fmt: skip


def remember(session: Session, page: Page, source_id: int, fingerprint: Fingerprint) -> None:
    """Keep the page's fingerprint and learn its source's template again when it is due. A page
    not written yet (``ingest.pipeline`` INSERTs a new page last) is learned from as the newest."""
    page.fingerprint = as_json(fingerprint)
    row = _row(session, source_id)
    if row is None:
        row = SourceTemplate(source_id=source_id, pages_seen=0, learned_at_seen=0, pages=0)
        row.titles, row.lines = [], []
        session.add(row)
        session.info.setdefault(_ROWS, {})[source_id] = row
    _count(session, source_id, 1)
    if _due(row, seen(session, row)):
        _write_count(session, row)
        if inspect(page).transient:
            prints = [fingerprint, *_latest(session, source_id, LEARN_FROM - 1)]
        else:
            session.flush()  # this page's fingerprint is among those learned from
            prints = _latest(session, source_id, LEARN_FROM)
        learned = learn_template(prints)
        row.titles, row.lines = sorted(learned.titles), sorted(learned.lines)
        row.pages, row.learned_at_seen, row.learned_at = learned.pages, row.pages_seen, now()


def seen(session: Session, row: SourceTemplate) -> int:
    """Pages the source's template memory has seen, with those counted in this transaction."""
    counts: dict[int, int] = session.info.get(_SEEN, {})
    return row.pages_seen + counts.get(row.source_id, 0)


def _count(session: Session, source_id: int, pages: int) -> None:
    """Add `pages` to the source's count kept in the session (undone with the savepoint)."""
    counts: dict[int, int] = session.info.setdefault(_SEEN, {})
    before = counts.get(source_id, 0)
    counts[source_id] = before + pages

    def undo() -> None:
        counts[source_id] = before

    on_rollback(session, undo)


def _write_count(session: Session, row: SourceTemplate) -> None:
    """Move the count kept in the session onto the row (one UPDATE with the row's next flush)."""
    pages = session.info.get(_SEEN, {}).get(row.source_id, 0)
    if pages:
        row.pages_seen += pages
        _count(session, row.source_id, -pages)


@event.listens_for(Session, "before_commit")
def _write_counts(session: Session) -> None:
    """The counts kept during the transaction go into its commit (not a savepoint's release)."""
    counts: dict[int, int] | None = session.info.get(_SEEN)
    if not counts or session.in_nested_transaction():
        return
    for source_id in [key for key, pages in counts.items() if pages]:
        row = _row(session, source_id)
        if row is not None:
            _write_count(session, row)


@event.listens_for(Session, "after_transaction_end")
def _forget_counts(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_SEEN, None)


def as_json(fingerprint: Fingerprint) -> dict[str, Any]:
    titles, lines = list(fingerprint.titles), list(fingerprint.lines)
    return {
        "t": titles,
        "l": lines,
        "h": fingerprint.body_hash,
        "s": fingerprint.site,
        "hl": fingerprint.headline,
    }


def from_json(data: dict[str, Any]) -> Fingerprint:
    return Fingerprint(
        titles=tuple(data.get("t") or ()), lines=tuple(data.get("l") or ()),
        body_hash=str(data.get("h") or ""), site=str(data.get("s") or ""),
        headline=str(data.get("hl") or ""),
    )  # fmt: skip


_ROWS = "source_templates"  # session.info key: the rows read in this session, by source id
_SEEN = "source_templates_seen"  # session.info key: pages seen in this transaction, by source id


def _row(session: Session, source_id: int) -> SourceTemplate | None:
    """The source's template row, read once a session: a page reads it three times, and a batch
    of pages (``ingest.batch``) shares one session. Kept here because the session's identity map
    holds a row only while something else does; a row a rolled-back savepoint added is read again."""
    rows: dict[int, SourceTemplate | None] = session.info.setdefault(_ROWS, {})
    if source_id in rows:
        row = rows[source_id]
        if row is None or inspect(row).persistent or inspect(row).pending:
            return row
    rows[source_id] = row = session.get(SourceTemplate, source_id)
    return row


def _due(row: SourceTemplate, pages_seen: int) -> bool:
    """Learn again after every page while young, then after every tenth of the pages seen."""
    new = pages_seen - row.learned_at_seen
    return new >= min(RELEARN_MAX, max(1, row.learned_at_seen // 10))


def _latest(session: Session, source_id: int, limit: int) -> list[Fingerprint]:
    rows = session.scalars(
        select(Page.fingerprint)
        .where(Page.source_id == source_id, Page.fingerprint.is_not(None))
        .order_by(Page.id.desc())
        .limit(limit)
    )
    return [from_json(data) for data in rows if data]
