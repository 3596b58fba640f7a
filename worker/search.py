"""The full-text index: documents in, ranked hits with highlighted snippets out (SQLite FTS5)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from nlp.query import Query, parse_query
from nlp.terms import Term
from worker.models import Article, SearchDoc

TITLE_WEIGHT = 3.0
SNIPPET_CHARS = 120


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result."""

    article_id: int
    title: str
    url: str
    source: str | None
    category: str | None
    published: dt.datetime | None
    score: float
    snippet: str


@dataclass(frozen=True, slots=True)
class Results:
    total: int
    hits: list[Hit]


def index_document(
    session: Session, article: Article, title_terms: Sequence[Term], body: Sequence[Term]
) -> None:
    """Write (or replace) the article's search document; triggers update the FTS table."""
    doc = session.get(SearchDoc, article.id)
    values: dict[str, Any] = {
        "title_terms": " ".join(t.term for t in title_terms),
        "body_terms": " ".join(t.term for t in body),
        "spans": [[t.term, t.start, t.end] for t in body],
    }
    if doc is None:
        session.add(SearchDoc(article_id=article.id, **values))
    else:
        for key, value in values.items():
            setattr(doc, key, value)


def match_expression(query: Query) -> str:
    """An FTS5 MATCH expression built only from quoted terms: user text never reaches MATCH raw."""
    include = " AND ".join(_quoted(p) for p in query.include)
    exclude = "".join(f" NOT {_quoted(p)}" for p in query.exclude)
    return include + exclude


def _quoted(phrase: Sequence[str]) -> str:
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def search(session: Session, query_text: str, limit: int = 10, offset: int = 0) -> Results:
    """Articles matching `query_text`, best first (bm25, title weighted); raises QueryError."""
    query = parse_query(query_text)
    expression = match_expression(query)
    params = {"q": expression, "limit": limit, "offset": offset, "tw": TITLE_WEIGHT}
    total = session.execute(
        text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :q"), params
    ).scalar_one()
    rows = session.execute(
        text(
            "SELECT rowid, bm25(search_fts, :tw, 1.0) AS score FROM search_fts "
            "WHERE search_fts MATCH :q ORDER BY score LIMIT :limit OFFSET :offset"
        ),
        params,
    ).all()
    hits = [_hit(session, int(row[0]), -float(row[1]), query) for row in rows]
    return Results(total=int(total), hits=[h for h in hits if h is not None])


def _hit(session: Session, article_id: int, score: float, query: Query) -> Hit | None:
    article = session.get(Article, article_id)
    doc = session.get(SearchDoc, article_id)
    if article is None or doc is None:
        return None
    return Hit(
        article_id=article.id,
        title=article.title,
        url=article.url,
        source=article.source.name if article.source else article.site_name,
        category=article.category,
        published=article.published,
        score=round(score, 4),
        snippet=highlight(article.body, doc.spans, query.words()) or html.escape(article.excerpt),
    )


def highlight(body: str, spans: Sequence[Sequence[Any]], words: set[str], width: int = SNIPPET_CHARS) -> str:
    """A window of the original text around the first match, matched words in <mark>."""
    matched = [(int(s), int(e)) for term, s, e in spans if term in words]
    if not matched:
        return ""
    first = matched[0][0]
    start = max(body.rfind("\n", 0, first) + 1, first - width // 3)
    end = min(len(body), start + width)
    nl = body.find("\n", first)
    if nl != -1:
        end = min(end, nl)
    out, pos = [], start
    for s, e in matched:
        if s < start or e > end or s < pos:
            continue
        out.append(html.escape(body[pos:s]) + "<mark>" + html.escape(body[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(body[pos:end]))
    prefix = "…" if start > 0 and body[start - 1] != "\n" else ""
    suffix = "…" if end < len(body) and body[end] != "\n" else ""
    return prefix + "".join(out).strip() + suffix
