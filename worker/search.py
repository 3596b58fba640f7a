"""The full-text index over morphemes: SQLite FTS5 (bm25) or PostgreSQL GIN (ts_rank).

Documents and queries are tokenised by the same function (nlp.terms), and a query reaches the
engine only as an expression built from quoted terms.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Float, Integer, Select, func, select, text
from sqlalchemy.orm import Session, selectinload

from nlp.query import Query, parse_query
from nlp.terms import Term
from worker.models import KST, Article, SearchDoc, Source

TITLE_WEIGHT = 3.0
SNIPPET_CHARS = 120
MAX_HIGHLIGHTS = 3
Sort = Literal["relevance", "newest"]


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A reader's search: the query text, filters, ordering and page."""

    q: str
    source: str | None = None
    category: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: Sort = "relevance"
    page: int = 1
    size: int = 10
    facets: bool = True


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result; `highlights` are HTML snippets of the original text."""

    article_id: int
    title: str
    url: str
    source: str | None
    category: str | None
    published: dt.datetime | None
    excerpt: str
    score: float
    highlights: list[str]
    story_id: int | None = None

    @property
    def snippet(self) -> str:
        return self.highlights[0] if self.highlights else html.escape(self.excerpt)


@dataclass(frozen=True, slots=True)
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def index_document(
    session: Session, article: Article, title_terms: Sequence[Term], body: Sequence[Term]
) -> None:
    """Write (or replace) the article's search document; the engine's index follows it."""
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
    """An FTS5 MATCH expression built only from quoted terms."""
    include = " AND ".join(_fts_phrase(p) for p in query.include)
    return include + "".join(f" NOT {_fts_phrase(p)}" for p in query.exclude)


def tsquery_expression(query: Query) -> str:
    """The same query for PostgreSQL's to_tsquery('simple', …): quoted lexemes, <-> for phrases."""
    include = " & ".join(_ts_phrase(p) for p in query.include)
    return include + "".join(f" & !{_ts_phrase(p)}" for p in query.exclude)


def _fts_phrase(phrase: Sequence[str]) -> str:
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def _ts_phrase(phrase: Sequence[str]) -> str:
    lexemes = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in phrase]
    return "(" + " <-> ".join(lexemes) + ")"


def search(session: Session, request: SearchRequest | str, limit: int | None = None) -> Results:
    """Articles matching the request, best (or newest) first, with facets; raises QueryError."""
    if isinstance(request, str):
        request = SearchRequest(q=request, size=limit or 10, facets=False)
    query = parse_query(request.q)
    matches = _matches(session, query)
    filtered = _filtered(select(Article.id.label("id"), matches.c.score), matches, request)
    total = session.execute(select(func.count()).select_from(filtered.subquery())).scalar_one()
    ordered = filtered.order_by(
        *((Article.published.desc().nulls_last(), matches.c.score) if request.sort == "newest" else ()),
        matches.c.score,
        Article.id,
    )
    page = session.execute(ordered.limit(request.size).offset((request.page - 1) * request.size)).all()
    hits = _hits(session, [(int(r[0]), float(r[1])) for r in page], query)
    facets = _facets(session, matches, request) if request.facets else {}
    return Results(total=int(total), hits=hits, facets=facets)


def _matches(session: Session, query: Query) -> Any:
    """A subquery (id, score) of matching articles; lower score is better."""
    if session.get_bind().dialect.name == "postgresql":
        sql = text(
            "SELECT d.article_id AS id, -ts_rank(d.tsv, q, 1) AS score "
            "FROM search_docs d, to_tsquery('simple', :q) q WHERE d.tsv @@ q"
        ).bindparams(q=tsquery_expression(query))
    else:
        sql = text(
            "SELECT rowid AS id, bm25(search_fts, :tw, 1.0) AS score "
            "FROM search_fts WHERE search_fts MATCH :q"
        ).bindparams(q=match_expression(query), tw=TITLE_WEIGHT)
    return sql.columns(id=Integer, score=Float).subquery("matches")


def _filtered(stmt: Select[Any], matches: Any, request: SearchRequest) -> Select[Any]:
    stmt = stmt.join(matches, matches.c.id == Article.id)
    if request.source:
        stmt = stmt.join(Source, Source.id == Article.source_id).where(Source.name == request.source)
    if request.category:
        stmt = stmt.where(Article.category == request.category)
    if request.date_from:
        stmt = stmt.where(Article.published >= _kst_midnight(request.date_from))
    if request.date_to:
        stmt = stmt.where(Article.published < _kst_midnight(request.date_to + dt.timedelta(days=1)))
    return stmt


def _kst_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=KST)


def _facets(session: Session, matches: Any, request: SearchRequest) -> dict[str, dict[str, int]]:
    """Counts by source, category and month (KST) over the filtered matches."""
    if session.get_bind().dialect.name == "postgresql":
        month = func.to_char(func.timezone("Asia/Seoul", Article.published), "YYYY-MM")
    else:
        month = func.strftime("%Y-%m", Article.published, "+9 hours")
    columns = {"source": Source.name, "category": Article.category, "month": month}
    out: dict[str, dict[str, int]] = {}
    for name, column in columns.items():
        stmt = _filtered(select(column, func.count()), matches, request)
        if not request.source:
            stmt = stmt.outerjoin(Source, Source.id == Article.source_id)
        rows = session.execute(stmt.group_by(column).order_by(func.count().desc())).all()
        out[name] = {str(key): int(count) for key, count in rows if key is not None}
    return out


def _hits(session: Session, ranked: list[tuple[int, float]], query: Query) -> list[Hit]:
    """Load the page's articles and spans in two queries, keep the ranked order."""
    ids = [i for i, _ in ranked]
    articles = {
        a.id: a
        for a in session.scalars(
            select(Article).where(Article.id.in_(ids)).options(selectinload(Article.source))
        )
    }
    spans: dict[int, list[Any]] = dict(
        session.execute(select(SearchDoc.article_id, SearchDoc.spans).where(SearchDoc.article_id.in_(ids)))
        .tuples()
        .all()
    )
    words = query.words()
    out = []
    for article_id, score in ranked:
        article = articles[article_id]
        out.append(
            Hit(
                article_id=article.id,
                title=article.title,
                url=article.url,
                source=article.source.name if article.source else article.site_name,
                category=article.category,
                published=article.published,
                excerpt=article.excerpt,
                score=round(-score, 4),
                highlights=highlights(article.body, spans.get(article_id) or [], words),
                story_id=getattr(article, "story_id", None),
            )
        )
    return out


def highlights(
    body: str, spans: Sequence[Sequence[Any]], words: set[str], width: int = SNIPPET_CHARS
) -> list[str]:
    """Windows of the original text around matches, matched surfaces wrapped in <mark>."""
    matched = _merged(sorted((int(s), int(e)) for term, s, e in spans if term in words))
    out: list[str] = []
    covered_to = -1
    for first, _ in matched:
        if len(out) >= MAX_HIGHLIGHTS:
            break
        if first < covered_to:
            continue
        start = max(body.rfind("\n", 0, first) + 1, first - width // 3)
        nl = body.find("\n", first)
        end = min(len(body), start + width, nl if nl != -1 else len(body))
        out.append(_marked(body, start, end, matched))
        covered_to = end
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching spans become one, so 아동수당 is marked once, not as 아동 + 수당."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _marked(body: str, start: int, end: int, matched: Sequence[tuple[int, int]]) -> str:
    parts, pos = [], start
    for s, e in matched:
        if s >= pos and s >= start and e <= end:
            parts.append(html.escape(body[pos:s]) + "<mark>" + html.escape(body[s:e]) + "</mark>")
            pos = e
    parts.append(html.escape(body[pos:end]))
    prefix = "…" if start > 0 and body[start - 1] != "\n" else ""
    suffix = "…" if end < len(body) and body[end] != "\n" else ""
    return prefix + "".join(parts).strip() + suffix
