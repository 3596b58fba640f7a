"""Search over morphemes: SQLite FTS5 or PostgreSQL GIN find the matches, BM25 ranks them.

Documents and queries are tokenised by the same functions (nlp.terms, then search.bm25.tokens),
and a query reaches the engine only as an expression built from quoted tokens. BM25 is FTS5's
formula (title weighted), computed in search.bm25 for both engines alike.

Bounded work at any size: results and facets come from the RANK_WINDOW most recently stored
matches (ids follow arrival, so this is the recent news). A query matching more reports
`total_exact` False and `total` as that lower bound; `newest` stays exact all the same: it also
fetches any older-stored match published after the window's last result.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Text, bindparam, cast, select
from sqlalchemy.orm import Session

from nlp.query import Query, QueryError, parse_query
from nlp.terms import Term
from search import bm25
from search.bm25 import Phrase
from search.engines import (
    Engine,
    Match,
    Plan,
    PostgresEngine,
    database_key,
    engine_for,
    facet_values,
    filter_tags,
    tsquery_expression,
)
from search.engines import match_expression as _match_expression
from search.highlight import highlights, highlights_from_json
from store import doc_freqs
from store.db import Database
from store.models import Article, SearchDoc, SearchSpans, Source
from store.rows import insert_rows

__all__ = [
    "RANK_WINDOW",
    "TITLE_WEIGHT",
    "Hit",
    "Results",
    "SearchRequest",
    "document_values",
    "highlights",
    "index_document",
    "match_expression",
    "query_phrases",
    "reading",
    "search",
    "tsquery_expression",
]

RANK_WINDOW = 300
TITLE_WEIGHT = 3.0
DF_TTL = 300.0  # seconds a process keeps a document frequency it found
DF_DRIFT = 0.01  # … while the index has not grown or shrunk by more than this share since the count
DF_MAX_AGE = 86_400.0  # seconds a shared count is trusted (revised articles move it, not the size)
FACETS = ("source", "category", "month")
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
    published_date_only: bool = False  # `published` is a day's midnight: the page gave no time

    @property
    def snippet(self) -> str:
        return self.highlights[0] if self.highlights else html.escape(self.excerpt)


@dataclass(frozen=True, slots=True)
class Results:
    """A page of hits. When `total_exact` is False the query matched more than the ranking
    window: `total` is then a lower bound, the size of the window hits and facets come from."""

    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    total_exact: bool = True


# indexing -----------------------------------------------------------------------------------------


def index_document(
    session: Session,
    article: Article,
    title_terms: Sequence[Term],
    body: Sequence[Term],
    fresh: bool = False,
) -> tuple[list[str], list[str]]:
    """Write (or replace) the article's search document and spans; the engine's index follows.
    Returns the title's and the body's index tokens (what saved searches are matched against).
    A `fresh` article (stored just now for the first time) has no rows to replace."""
    source_id = article.source.id if article.source is not None else article.source_id
    tokens = [(token, t.start, t.end) for t in body for token in _index_tokens(t.term)]
    title_tokens = [token for t in title_terms for token in _index_tokens(t.term)]
    body_tokens = [token for token, _, _ in tokens]
    values = document_values(
        title_tokens, body_tokens, filter_tags(source_id, article.category, article.published)
    )
    spans = [list(t) for t in tokens]
    if fresh:
        insert_rows(session, SearchDoc, [{"article_id": article.id, **values}])
        insert_rows(session, SearchSpans, [{"article_id": article.id, "spans": spans}])
        return title_tokens, body_tokens
    doc = session.get(SearchDoc, article.id)
    if doc is None:
        session.add(SearchDoc(article_id=article.id, **values))
    else:
        for key, value in values.items():
            setattr(doc, key, value)
    session.merge(SearchSpans(article_id=article.id, spans=spans))
    return title_tokens, body_tokens


def _index_tokens(term: str) -> tuple[str, ...]:
    """``bm25.tokens`` of a term, kept: a page's terms repeat, and so do the corpus's."""
    found = _TOKENS.get(term)
    if found is None:
        found = tuple(bm25.tokens(term))
        if len(_TOKENS) < _TOKENS_KEPT:
            _TOKENS[term] = found
    return found


_TOKENS: dict[str, tuple[str, ...]] = {}
_TOKENS_KEPT = 200_000  # a bound for a long-running worker: terms past it are split each time


def document_values(title: Sequence[str], body: Sequence[str], tags: str) -> dict[str, Any]:
    """A search_docs row from index tokens: the title's, the body's, and the filter tags."""
    return {
        "title_terms": " ".join(title),
        "body_terms": " ".join(body),
        "tags": tags,
        "length": len(title) + len(body) + len(tags.split()),
    }


# queries ------------------------------------------------------------------------------------------


def match_expression(query: Query) -> str:
    """The FTS5 MATCH expression of a parsed query: quoted tokens, AND and NOT only."""
    include, exclude = _phrases(query)
    return _match_expression(include, exclude)


def query_phrases(query: Query) -> tuple[tuple[Phrase, ...], tuple[Phrase, ...]]:
    """The query's include and exclude phrases as index tokens, as /search matches them."""
    return _phrases(query)


def _phrases(query: Query) -> tuple[tuple[Phrase, ...], tuple[Phrase, ...]]:
    """The query's phrases as index tokens; raises QueryError when nothing searchable is left."""
    include = _tokenised(query.include)
    if not include:
        raise QueryError("the query has no searchable words")
    return include, _tokenised(query.exclude)


def _tokenised(phrases: Iterable[Sequence[str]]) -> tuple[Phrase, ...]:
    found = (tuple(bm25.flat_tokens(p)) for p in phrases)
    return tuple(dict.fromkeys(p for p in found if p))


_SOURCE_ID = select(Source.id).where(Source.name == bindparam("name"))


@functools.lru_cache(maxsize=4096)
def _query_phrases(text: str) -> tuple[tuple[Phrase, ...], tuple[Phrase, ...]]:
    """_phrases of the parsed text, kept: readers repeat queries, and the same text always
    analyses the same way (0.3 ms of Kiwi saved on each repeat)."""
    return _phrases(parse_query(text))


def _plan(session: Session, request: SearchRequest) -> Plan | None:
    """The engine's view of the request; None when a filter names nothing that exists."""
    include, exclude = _query_phrases(request.q)
    source_id = None
    if request.source is not None:
        source_id = session.connection().execute(_SOURCE_ID, {"name": request.source}).scalar()
        if source_id is None:
            return None
    if request.date_from and request.date_to and request.date_from > request.date_to:
        return None
    return Plan(include, exclude, source_id, request.category, request.date_from, request.date_to)


# search -------------------------------------------------------------------------------------------


@contextmanager
def reading(db: Database) -> Iterator[Session]:
    """A session for searching only (nothing written through it). On PostgreSQL its statements
    run in autocommit: no BEGIN before the first and no ROLLBACK after the last, two round trips
    of a search's five or so. Under READ COMMITTED every statement of a transaction takes its
    own snapshot anyway, so a search sees what it saw inside one. (A document frequency is
    shared from its own connection, store.doc_freqs.write.)"""
    with db.sessions() as session:
        if db.engine.dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        yield session


def search(session: Session, request: SearchRequest | str, limit: int | None = None) -> Results:
    """Articles matching the request, best (or newest) first, with facets; raises QueryError."""
    if isinstance(request, str):
        request = SearchRequest(q=request, size=limit or 10, facets=False)
    plan = _plan(session, request)
    if plan is None:
        return Results(0, [], {name: {} for name in FACETS} if request.facets else {})
    engine = engine_for(session)
    wanted = request.page * request.size
    relevance = request.sort == "relevance"
    known = _DOC_FREQS.kept(session, plan.include)  # they size the engine's first window
    window = engine.matches(plan, max(RANK_WINDOW, wanted), terms=relevance, doc_freqs=known)
    complete = len(window) < max(RANK_WINDOW, wanted)
    if relevance:
        scores = _scores(session, engine, plan, window)
        page = sorted(window, key=lambda m: (-scores[m.id], m.id))[wanted - request.size : wanted]
    else:
        pool = window if complete else _newest_pool(engine, plan, window, wanted)
        page = _newest(pool)[wanted - request.size : wanted]
        scores = _scores(session, engine, plan, page)
    return Results(
        total=len(window),
        hits=_hits(session, engine, [(m.id, scores[m.id]) for m in page], plan.include),
        facets=_facets(engine, window) if request.facets else {},
        total_exact=complete,
    )


def _newest(pool: Sequence[Match]) -> list[Match]:
    """Published first (latest stored first on a tie), undated last."""
    by_id = sorted(pool, key=lambda m: m.id, reverse=True)
    dated = sorted((m for m in by_id if m.published is not None), key=_published, reverse=True)
    return dated + [m for m in by_id if m.published is None]


def _published(match: Match) -> Any:
    return match.published


def _newest_pool(engine: Engine, plan: Plan, window: list[Match], wanted: int) -> list[Match]:
    """The window plus every older-stored match that could still be among the `wanted` newest."""
    last = _newest(window)[wanted - 1]
    if last.published is None:  # too few dated matches in the window to bound the rest
        return engine.matches(plan, None)
    lowest = min(m.id for m in window)
    since = engine.first_id_since(last.published)
    if since is None or since >= lowest:
        return window
    return window + engine.matches(plan, None, (since, lowest))


# scores -------------------------------------------------------------------------------------------


def _scores(session: Session, engine: Engine, plan: Plan, matches: Sequence[Match]) -> dict[int, float]:
    """BM25 of each match (title weighted), from its tokens and the index's statistics."""
    if not matches:
        return {}
    corpus = engine.corpus()
    found = _DOC_FREQS.lookup(session, engine, plan.include, corpus.rows)
    phrases = [(p, corpus.idf(found[p])) for p in plan.include]
    terms = {} if matches[0].title is not None else engine.terms([m.id for m in matches])
    documents = [_document(m, terms) for m in matches]
    return bm25.scores(documents, phrases, TITLE_WEIGHT, corpus.avgdl)


def _document(match: Match, terms: dict[int, tuple[bytes, bytes]]) -> bm25.Document:
    """(id, title, body, length): the match's own tokens, or those fetched for it."""
    if match.title is not None and match.body is not None:
        return match.id, match.title, match.body, match.length
    title, body = terms.get(match.id, (b"", b""))
    return match.id, title, body, match.length


def _within_drift(counted_over: int, rows: int) -> bool:
    return abs(rows - counted_over) <= counted_over * DF_DRIFT


class DocFreqs:
    """Document frequencies per database and phrase. A common word's comes from the engine's
    statistics when it keeps them (PostgreSQL); any other phrase is counted once for every
    process: the count goes to the doc_freqs table, where the others find it, and is counted
    again when the index has changed size by more than DF_DRIFT or DF_MAX_AGE has passed. Each
    process keeps what it found for DF_TTL seconds, within the same drift."""

    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._known: dict[tuple[str, Phrase], tuple[int, int, float]] = {}

    def lookup(
        self, session: Session, engine: Engine, phrases: Sequence[Phrase], rows: int
    ) -> dict[Phrase, int]:
        """The document frequency of each phrase in an index of `rows` rows."""
        now = time.monotonic()
        database = database_key(session)
        out: dict[Phrase, int] = {}
        for phrase in phrases:
            known = self._known.get((database, phrase))
            if known is not None and now - known[2] < DF_TTL and _within_drift(known[1], rows):
                out[phrase] = known[0]
        missing = [p for p in phrases if p not in out]
        if missing:
            found = self._find(session, engine, missing, rows)
            out.update(found)
            with self._lock:
                if len(self._known) >= self.limit:
                    self._known.clear()
                self._known.update(((database, p), (n, rows, now)) for p, n in found.items())
        return out

    def kept(self, session: Session, phrases: Sequence[Phrase]) -> dict[Phrase, int]:
        """The frequencies of these phrases this process has kept (within DF_TTL; no drift
        check, no lookup): a hint of how common they are, not what BM25 may use."""
        now, database = time.monotonic(), database_key(session)
        out = {}
        for phrase in phrases:
            known = self._known.get((database, phrase))
            if known is not None and now - known[2] < DF_TTL:
                out[phrase] = known[0]
        return out

    def _find(
        self, session: Session, engine: Engine, phrases: Sequence[Phrase], rows: int
    ) -> dict[Phrase, int]:
        """The engine's estimates of the common words, then the shared counts, then counting."""
        found = engine.common_doc_freqs(phrases, rows)
        rest = {" ".join(p): p for p in phrases if p not in found}
        if not rest:
            return found
        oldest = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=DF_MAX_AGE)
        for key, counted in doc_freqs.read(session, rest).items():
            if _within_drift(counted.docs, rows) and counted.counted_at >= oldest:
                found[rest.pop(key)] = counted.df
        counts = {key: engine.doc_freq(phrase) for key, phrase in rest.items()}
        if counts:
            doc_freqs.write(session.get_bind().engine, counts, rows)
            found.update((rest[key], n) for key, n in counts.items())
        return found


_DOC_FREQS = DocFreqs()


# results ------------------------------------------------------------------------------------------


_HITS = (
    select(
        Article.id,
        Article.title,
        Article.url,
        Source.name,
        Article.site_name,
        Article.category,
        Article.published,
        Article.excerpt,
        Article.body,
        Article.story_id,
        Article.published_date_only,
        cast(SearchSpans.spans, Text),
    )
    .outerjoin(Source, Source.id == Article.source_id)
    .outerjoin(SearchSpans, SearchSpans.article_id == Article.id)
    .where(Article.id.in_(bindparam("ids", expanding=True)))
)


def _hits(
    session: Session, engine: Engine, page: Sequence[tuple[int, float]], phrases: Sequence[Phrase]
) -> list[Hit]:
    """The page's articles and spans in one query, in ranked order: on PostgreSQL the engine's
    prepared statement (the same columns and values, without SQLAlchemy's statement and row
    handling: 0.6–0.8 ms less CPU a page under load), on SQLite through SQLAlchemy (its stored
    times are text)."""
    if not page:
        return []
    ids = [article_id for article_id, _ in page]
    found: Sequence[Any]
    if isinstance(engine, PostgresEngine):
        found = engine.hit_rows(ids)
    else:
        found = list(session.connection().execute(_HITS, {"ids": ids}))
    rows = {row[0]: row for row in found}
    return [_hit(rows[i], score, phrases) for i, score in page if i in rows]


def _hit(row: Any, score: float, phrases: Sequence[Phrase]) -> Hit:
    article_id, title, url, source, site, category, published, excerpt, body, story_id, date_only, spans = row
    return Hit(
        article_id=article_id,
        title=title,
        url=url,
        source=source or site,
        category=category,
        published=published,
        excerpt=excerpt,
        score=round(score, 4),
        highlights=highlights_from_json(body, spans or "[]", phrases),
        story_id=story_id,
        published_date_only=bool(date_only),
    )


def _facets(engine: Engine, window: Sequence[Match]) -> dict[str, dict[str, int]]:
    """Counts by source, category and month (KST) over the ranked matches, largest first."""
    sources, categories, months = facet_values(window)
    names = engine.source_names(list(sources)) if sources else {}
    return {
        "source": _largest_first(Counter({names[i]: n for i, n in sources.items() if i in names})),
        "category": _largest_first(categories),
        "month": _largest_first(months),
    }


def _largest_first(counts: Counter[str]) -> dict[str, int]:
    return {k: n for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}
