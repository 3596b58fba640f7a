"""Words generic in the stored news: the share of stored articles whose body holds each term.

Built from the search index's body terms (``search_docs``: the same morphemes documents are
searched by), so no text is analysed again. ``refresh`` runs from beat (``newsdesk.generic_terms``,
every few hours); keywords rank a term down by the share ``shares`` reads (``nlp.keywords``).
Only terms in at least ``MIN_SHARE`` of the articles are kept, and nothing until the store holds
``nlp.keywords.MIN_CORPUS`` articles.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from nlp.keywords import MIN_CORPUS
from store.models import GenericTerm, SearchDoc

MIN_SHARE = 0.1
SAMPLE = 5000  # the latest stored articles read at a refresh: the recent news sets what is generic


def refresh(session: Session) -> int:
    """Recount document frequencies over the latest stored articles; return how many terms are generic."""
    bodies = session.scalars(select(SearchDoc.body_terms).order_by(SearchDoc.article_id.desc()).limit(SAMPLE))
    df: Counter[str] = Counter()
    documents = 0
    for body in bodies:
        documents += 1
        df.update(set(body.split()))
    session.execute(delete(GenericTerm))
    session.info.pop(_SHARES, None)
    if documents < MIN_CORPUS:
        return 0
    rows = [GenericTerm(term=t, share=n / documents, documents=documents) for t, n in df.items()]
    kept = [r for r in rows if r.share >= MIN_SHARE and len(r.term) <= 100]
    session.add_all(kept)
    return len(kept)


def shares(session: Session) -> dict[str, float]:
    """Each generic term's share of the stored articles (empty before the first refresh); read once
    a session, which a batch of pages shares (``ingest.batch``): refreshes come hours apart."""
    found: dict[str, float] | None = session.info.get(_SHARES)
    if found is None:
        rows = session.execute(select(GenericTerm.term, GenericTerm.share))
        session.info[_SHARES] = found = {term: share for term, share in rows}
    return found


_SHARES = "generic_term_shares"  # session.info key


def documents(session: Session) -> int:
    """How many articles the table was counted over (0 before the first refresh)."""
    return int(session.scalar(select(func.max(GenericTerm.documents))) or 0)
