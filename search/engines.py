"""The two full-text engines behind search: SQLite FTS5 and PostgreSQL GIN, one interface.

An engine only matches: for a `Plan` (query phrases plus filters) it lists the matches with the
highest ids (the most recently stored) with their facet values, and hands over what BM25
needs (index statistics, document frequencies, the rows' tokens).
Scoring is search.bm25's, the same for both.

Both filter through tags (source, category, KST day, month and year), so a filter is a posting
list intersection, not a row lookup per match: in SQLite's FTS table they are the `tags` column,
in PostgreSQL the second column of the search index, beside each document's id blocks
(migration 0018; the tsvector also holds them with weight C, 0016).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import sqlite3
import time
import weakref
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Engine as SqlEngine
from sqlalchemy.orm import Session

from nlp.dates import KST
from search.bm25 import Corpus, Phrase
from store.models import UTC

# SQLite hands `published` back as its stored UTC text, PostgreSQL as a datetime; each engine
# only ever compares its own keys.
PublishedKey = str | dt.datetime


class Plan(NamedTuple):
    """A parsed query (phrases of index tokens) and the reader's filters."""

    include: tuple[Phrase, ...]
    exclude: tuple[Phrase, ...] = ()
    source_id: int | None = None
    category: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class Match(NamedTuple):
    """A matching article: its filter tokens (facets are read from them), its length in tokens
    (all columns), and as the query asked, its publication time or its title and body index
    tokens (UTF-8 bytes, single spaces between them)."""

    id: int
    tags: str
    length: int
    published: PublishedKey | None = None
    title: bytes | None = None
    body: bytes | None = None


class Engine(Protocol):
    def matches(
        self,
        plan: Plan,
        limit: int | None,
        ids: tuple[int, int] | None = None,
        terms: bool = False,
        doc_freqs: Mapping[Phrase, int] | None = None,
    ) -> list[Match]:
        """Matches by id, highest first, at most `limit`; only ids in [lo, hi) when given; with
        their index tokens when `terms`, else with their publication times. `doc_freqs`, the
        document frequencies of the plan's phrases known so far, may guide how the engine looks
        (never what it finds)."""

    def first_id_since(self, published: PublishedKey) -> int | None:
        """The lowest article id published at or after `published`."""

    def terms(self, ids: Sequence[int]) -> dict[int, tuple[bytes, bytes]]:
        """Title and body index tokens of these articles: UTF-8, separated by single spaces."""

    def corpus(self) -> Corpus:
        """Rows in the index and tokens in all their columns."""

    def doc_freq(self, phrase: Phrase) -> int:
        """How many rows contain `phrase` in the title or the body."""

    def common_doc_freqs(self, phrases: Sequence[Phrase], rows: int) -> dict[Phrase, int]:
        """Estimated doc_freq of those phrases the engine's own statistics know as common (of
        `rows` in the index); the others are left out, to be counted."""

    def source_names(self, ids: Sequence[int]) -> dict[int, str]:
        """The names of these sources (ids of none are left out)."""


_DATABASE_KEYS: weakref.WeakKeyDictionary[SqlEngine, str] = weakref.WeakKeyDictionary()


def database_key(session: Session) -> str:
    """The session's database URL as text: what the per-process caches are kept by. Kept per
    SQLAlchemy engine, as rendering the URL (or hashing it) costs ~8 µs, several times a search."""
    engine = session.get_bind().engine
    key = _DATABASE_KEYS.get(engine)
    if key is None:
        key = _DATABASE_KEYS[engine] = str(engine.url)
    return key


def engine_for(session: Session) -> Engine:
    if session.get_bind().dialect.name == "postgresql":
        return PostgresEngine(session)
    return Fts5Engine(session)


# tags ---------------------------------------------------------------------------------------------


def filter_tags(source_id: int | None, category: str | None, published: dt.datetime | None) -> str:
    """The FTS tokens an article is filtered by: s<source id>, c<category hex>, y/m/d in KST."""
    tags = []
    if source_id is not None:
        tags.append(f"s{source_id}")
    if category:
        tags.append(_category_tag(category))
    if published is not None:
        day = published.astimezone(KST)
        tags += [f"y{day:%Y}", f"m{day:%Y%m}", f"d{day:%Y%m%d}"]
    return " ".join(tags)


def facet_values(matches: Sequence[Match]) -> tuple[Counter[int], Counter[str], Counter[str]]:
    """Matches by source id, category and KST month ("2025-06"), read from their filter tokens."""
    tokens = Counter(" ".join(m.tags for m in matches).split())
    sources: Counter[int] = Counter()
    categories: Counter[str] = Counter()
    months: Counter[str] = Counter()
    for token, n in tokens.items():
        if token[0] == "s":
            sources[int(token[1:])] += n
        elif token[0] == "c":
            categories[bytes.fromhex(token[1:]).decode("utf-8")] += n
        elif token[0] == "m":
            months[f"{token[1:5]}-{token[5:7]}"] += n
    return sources, categories, months


def tag_groups(
    plan: Plan, published_range: Callable[[], tuple[PublishedKey | None, PublishedKey | None]]
) -> list[list[str]] | None:
    """The plan's filters as groups of tags (a match holds one tag of every group); None when the
    dates exclude everything. Open date ends are clamped to the years `published_range` spans,
    so `from` alone is a few year tokens."""
    groups = []
    if plan.source_id is not None:
        groups.append([f"s{plan.source_id}"])
    if plan.category:
        groups.append([_category_tag(plan.category)])
    if plan.date_from or plan.date_to:
        low, high = published_range()
        if low is None or high is None:
            return None
        start = max(plan.date_from or dt.date.min, dt.date(_kst_year(low), 1, 1))
        end = min(plan.date_to or dt.date.max, dt.date(_kst_year(high), 12, 31))
        if start > end:
            return None
        groups.append(date_tags(start, end))
    return groups


def _category_tag(category: str) -> str:
    return "c" + category.encode("utf-8").hex()


def date_tags(first: dt.date, last: dt.date) -> list[str]:
    """The fewest y/m/d tokens covering the KST days first..last (whole years and months first)."""
    out: list[str] = []
    day: dt.date | None = first
    while day is not None and day <= last:
        year_end, month_end = dt.date(day.year, 12, 31), _month_end(day)
        if day.month == 1 and day.day == 1 and year_end <= last:
            out.append(f"y{day:%Y}")
            day = _day_after(year_end)
        elif day.day == 1 and month_end <= last:
            out.append(f"m{day:%Y%m}")
            day = _day_after(month_end)
        else:
            out.append(f"d{day:%Y%m%d}")
            day = _day_after(day)
    return out


def _month_end(day: dt.date) -> dt.date:
    if day.month == 12:
        return dt.date(day.year, 12, 31)
    return dt.date(day.year, day.month + 1, 1) - dt.timedelta(days=1)


def _day_after(day: dt.date) -> dt.date | None:
    return None if day == dt.date.max else day + dt.timedelta(days=1)


# expressions --------------------------------------------------------------------------------------


def match_expression(include: Sequence[Phrase], exclude: Sequence[Phrase] = ()) -> str:
    """An FTS5 MATCH expression built only from quoted phrases, AND and NOT."""
    expression = " AND ".join(_fts_phrase(p) for p in include)
    return expression + "".join(f" NOT {_fts_phrase(p)}" for p in exclude)


def tsquery_expression(include: Sequence[Phrase], exclude: Sequence[Phrase] = ()) -> str:
    """The same query for PostgreSQL's to_tsquery('simple', …)."""
    expression = " & ".join(_ts_phrase(p) for p in include)
    return expression + "".join(f" & !{_ts_phrase(p)}" for p in exclude)


_TAG_LIKE = re.compile(r"[scymd][0-9a-f]+")


def _fts_phrase(phrase: Sequence[str]) -> str:
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def _ts_phrase(phrase: Sequence[str]) -> str:
    """A lexeme, or a phrase held inside the title (weight A) or inside the body (weight B):
    the tsvector joins the two, and FTS5 never matches a phrase across columns."""
    lexemes = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in phrase]
    if len(lexemes) == 1:
        # the filter tags share the tsvector (weight C): a word spelt like one must not meet them
        return lexemes[0] + (":AB" if _TAG_LIKE.fullmatch(phrase[0]) else "")
    within = (" <-> ".join(f"{x}:{weight}" for x in lexemes) for weight in "AB")
    return "(" + " | ".join(f"({w})" for w in within) + ")"


# SQLite -------------------------------------------------------------------------------------------

_FTS_WINDOW = "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH :q {range} ORDER BY rowid DESC {n}"
# ranking reads only search_docs; ordering by date reads the articles' publication times
_FTS_MATCHES = {
    True: "SELECT d.article_id, d.tags, d.length, NULL, "
    "CAST(d.title_terms AS BLOB), CAST(d.body_terms AS BLOB) "
    "FROM ({window}) AS w JOIN search_docs AS d ON d.article_id = w.id",
    False: "SELECT d.article_id, d.tags, d.length, a.published FROM ({window}) AS w "
    "JOIN search_docs AS d ON d.article_id = w.id JOIN articles AS a ON a.id = w.id",
}
_AVERAGES_ROWID = 1  # FTS5's record of the row count and the token total of each column


class Fts5Engine:
    """SQLite: FTS5 over the morpheme columns, filters as tag tokens in the same index.

    Its statements go straight to the session's sqlite3 connection: they are fixed SQL whose
    rows are already what callers hold, and SQLAlchemy's statement and result handling would
    cost more than SQLite's own work for the small ones."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _rows(self, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
        driver = self.session.connection().connection.driver_connection
        if not isinstance(driver, sqlite3.Connection):
            raise TypeError("Fts5Engine needs a sqlite3 connection")
        return driver.execute(sql, params or {}).fetchall()

    def _value(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        rows = self._rows(sql, params)
        return rows[0][0] if rows else None

    def expression(self, plan: Plan) -> str | None:
        """The full MATCH expression, or None when the filters exclude everything."""
        groups = self._tag_groups(plan)
        if groups is None:
            return None
        query = "{title_terms body_terms}: (" + match_expression(plan.include, plan.exclude) + ")"
        return query + "".join(
            " AND tags: (" + " OR ".join(_fts_phrase((t,)) for t in g) + ")" for g in groups
        )

    def _tag_groups(self, plan: Plan) -> list[list[str]] | None:
        return tag_groups(plan, self._published_range)

    def _published_range(self) -> tuple[PublishedKey | None, PublishedKey | None]:
        # two statements: SQLite answers a lone min() or max() from the index, not both at once
        low = self._value("SELECT min(published) FROM articles")
        return low, self._value("SELECT max(published) FROM articles")

    def matches(
        self,
        plan: Plan,
        limit: int | None,
        ids: tuple[int, int] | None = None,
        terms: bool = False,
        doc_freqs: Mapping[Phrase, int] | None = None,
    ) -> list[Match]:
        expression = self.expression(plan)
        if expression is None:
            return []
        bounds = "AND rowid >= :lo AND rowid < :hi" if ids else ""
        window = _FTS_WINDOW.format(range=bounds, n="LIMIT :n" if limit is not None else "")
        sql = _FTS_MATCHES[terms].format(window=window)
        params: dict[str, Any] = {"q": expression, "n": limit}
        if ids:
            params.update(lo=ids[0], hi=ids[1])
        return list(itertools.starmap(Match, self._rows(sql, params)))

    def first_id_since(self, published: PublishedKey) -> int | None:
        # by the published index: the planner would otherwise walk every id checking dates
        sql = "SELECT min(id) FROM articles INDEXED BY ix_articles_published WHERE published >= :p"
        value = self._value(sql, {"p": published})
        return None if value is None else int(value)

    def terms(self, ids: Sequence[int]) -> dict[int, tuple[bytes, bytes]]:
        if not ids:
            return {}
        sql = "SELECT article_id, CAST(title_terms AS BLOB), CAST(body_terms AS BLOB) FROM search_docs "
        return {
            int(i): (title, body)
            for i, title, body in self._rows(sql + f"WHERE article_id IN ({_ints(ids)})")
        }

    def corpus(self) -> Corpus:
        """From FTS5's own averages record: exact, and no scan."""
        block = self._value("SELECT block FROM search_fts_data WHERE id = :id", {"id": _AVERAGES_ROWID})
        if not block:
            return Corpus(0, 0)
        rows, *columns = _varints(bytes(block))
        return Corpus(rows, sum(columns))

    def doc_freq(self, phrase: Phrase) -> int:
        sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH :q"
        return int(self._value(sql, {"q": "{title_terms body_terms}: " + _fts_phrase(phrase)}))

    def common_doc_freqs(self, phrases: Sequence[Phrase], rows: int) -> dict[Phrase, int]:
        return {}  # FTS5 keeps no per-term statistics short of reading the term's postings

    def source_names(self, ids: Sequence[int]) -> dict[int, str]:
        return {
            int(i): str(n) for i, n in self._rows(f"SELECT id, name FROM sources WHERE id IN ({_ints(ids)})")
        }


def _varints(data: bytes) -> list[int]:
    """SQLite's varints (big-endian 7-bit groups, a 9th byte of 8 bits), one after another."""
    out, i = [], 0
    while i < len(data):
        value = 0
        for k in range(9):
            byte = data[i]
            i += 1
            if k == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        out.append(value)
    return out


def _kst_year(stored: str | dt.datetime) -> int:
    return _kst_date(stored).year


def _kst_date(stored: str | dt.datetime) -> dt.date:
    moment = stored if isinstance(stored, dt.datetime) else dt.datetime.fromisoformat(stored)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(KST).date()


def _ints(ids: Sequence[int]) -> str:
    """Ids inlined as SQL literals: they are ints from our own queries, never user text."""
    return ",".join(str(int(i)) for i in ids)


# PostgreSQL ---------------------------------------------------------------------------------------

# The search index (migration 0018) has two columns: the stored tsvector (title A, body B, and the
# filter tags C of 0016), and the filters alone: the tags, and the document's id blocks (blocks
# of 2**shift ids, named `#<shift>.<id >> shift>`). A window names its blocks, so GIN reads only
# the postings inside it; and a filter there carries no weight, so no row is rechecked for it.
SHIFTS = (10, 14, 18, 22)


def _filters(alias: str) -> str:
    """The index's second column. Every statement matches on exactly this expression, or the
    planner cannot use the index."""
    blocks = ", ".join(f"'#{s}.' || ({alias}article_id >> {s})::text" for s in SHIFTS)
    return f"(strip(to_tsvector('simple', {alias}tags)) || array_to_tsvector(ARRAY[{blocks}]))"


def id_blocks(ids: tuple[int, int]) -> list[str]:
    """The fewest aligned blocks covering ids lo..hi-1 (widened outwards to the smallest block)."""
    finest = 1 << SHIFTS[0]
    at, end = ids[0] - ids[0] % finest, -(-ids[1] // finest) * finest
    out = []
    while at < end:
        shift = next(s for s in reversed(SHIFTS) if at % (1 << s) == 0 and at + (1 << s) <= end)
        out.append(f"#{shift}.{at >> shift}")
        at += 1 << shift
    return out


# `+ 0`: the primary key neither orders nor bounds a window, so the GIN index is the only one
# the planner can read; the blocks in the query bound it. Given the key, whenever it misjudged a
# tag or a phrase as common, it would walk the ids backwards checking each row's tsvector (1.2 s
# for a name in one month at a million articles). The window's matches are sorted instead, and
# only the rows kept have their tokens converted: the outer SELECT runs after the LIMIT.
_PG_MATCHES = """
SELECT w.article_id, w.tags, w.length, {columns}
FROM (SELECT d.article_id, d.tags, d.length, d.title_terms, d.body_terms FROM search_docs d
      WHERE d.tsv @@ to_tsquery('simple', %(q)s){filters}
      AND d.article_id + 0 >= %(lo)s AND d.article_id + 0 < %(hi)s
      ORDER BY d.article_id + 0 DESC {limit}) AS w{join}
ORDER BY w.article_id DESC
"""
# ranking reads only search_docs; ordering by date reads the articles' publication times
_PG_COLUMNS = {
    True: ("NULL, convert_to(w.title_terms, 'UTF8'), convert_to(w.body_terms, 'UTF8')", ""),
    False: ("a.published", " JOIN articles a ON a.id = w.article_id"),
}
# the filters' lexemes go in as they are (to_tsquery would parse `#` away); one condition per
# filter and one for the blocks, since GIN leapfrogs between conditions, skipping through each
# one's postings to the other's next match, but walks the union of an OR inside a condition
# item by item (a month's tags AND'ed with a window's blocks in one condition: 124 ms, apart: ~0)
_PG_FILTER = " AND {expression} @@ CAST(%(f{n})s AS tsquery)"

# a page of hits (search.articles): the article, its source's name and its spans
_PG_HITS = (
    "SELECT a.id, a.title, a.url, s.name, a.site_name, a.category, a.published, a.excerpt, a.body, "
    "a.story_id, a.published_date_only, CAST(p.spans AS text) FROM articles a "
    "LEFT JOIN sources s ON s.id = a.source_id LEFT JOIN search_spans p ON p.article_id = a.id "
    "WHERE a.id = ANY(%(ids)s)"
)

_ALL_IDS = (0, 2**31)
FIRST_SPAN = 4  # the first window, knowing nothing of the words: this many ids per match wanted
# knowing the words' shares of the rows: this many times the ids the rarest word's share says
# hold the matches wanted (a rare word gets a wide first window, a common one a narrow one)
SPAN_MARGIN = 1.5
MAX_GROWTH = 16  # a window that found nothing is followed by one this many times wider
# A date range's lowest and highest article id bound the windows when the range holds at most
# this many articles (by the date tags' shares in the statistics): reading them is an index-only
# scan of the range in 0020's index on articles (published, id), ~0.1 µs an entry. A wider
# range is walked from the newest ids, as an unfiltered query (its matches are then dense).
RANGE_ROWS = 50_000
_PG_RANGE_IDS = (
    "SELECT count(*), min(id), max(id) FROM (SELECT id FROM articles WHERE {where} LIMIT %(cap)s) AS r"
)
# windows start on a block's first id: the next one then ends there, and no block is read twice
WINDOW_ALIGN = 1 << SHIFTS[0]


CORPUS_TTL = 300.0
STATS_TTL = 300.0  # seconds the planner's statistics of the index are kept
# A word in at least this share of the rows takes its frequency from the planner's statistics;
# rarer ones are counted, cheaply: few postings. ANALYZE samples 300 rows per unit of `tsv`'s
# statistics target (1000, migration 0016): all rows up to 300,000, a sample beyond, where a
# share of 0.001 is known to within about 6% (one standard error), its IDF to within 1%.
COMMON_SHARE = 0.001
_PG_STATS = """
SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats
WHERE schemaname = current_schema() AND tablename = 'search_docs' AND attname = 'tsv'
"""
# database → (share by lexeme, the smallest share listed, when)
_PG_COMMON: dict[str, tuple[dict[str, float], float, float]] = {}
_PG_CORPORA: dict[str, tuple[Corpus, int | None, float]] = {}  # database → (corpus, newest id, when)
# database → source names by id, kept for good: a source is never renamed nor deleted, and a
# PostgreSQL sequence never hands out an id twice (not even one a rolled-back insert took)
_PG_SOURCE_NAMES: dict[str, dict[int, str]] = {}


class PostgresEngine:
    """PostgreSQL: the GIN index over the same tokens, the filter tags and the id blocks finds the
    matches.

    The most recent `limit` matches are read in windows of ids, newest first, each window sized
    from the share of matches the ones before it held: a GIN index hands over its matches in no
    order, so one statement would read every match of a common word (a fifth of a million
    articles) to keep the newest 300. A window names its id blocks, so GIN reads only the
    postings inside it.

    Like Fts5Engine, its statements go straight to the session's driver connection (psycopg),
    with results in binary: fixed SQL, and SQLAlchemy's handling of a window's 300 rows cost
    more CPU than PostgreSQL's own work for it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        # read once per search: a round trip each
        self._newest: tuple[int | None] | None = None
        self._published: tuple[PublishedKey | None, PublishedKey | None] | None = None

    def _rows(self, sql: str, params: dict[str, Any] | None = None, prepare: bool = False) -> list[Any]:
        """The statement's rows. A `prepare`d statement is parsed once per connection and, after
        PostgreSQL's five custom plans, runs a generic plan (`plan_cache_mode = auto`): for the
        windows, whose only usable index is the GIN one, the same plan at every width, without
        the 0.35–0.45 ms of planning each (the selectivity of a tsquery reads the 10,000 most
        common lexemes). The others are never prepared: their plans depend on their values (a
        date range's width, a word's frequency), or their text on the ids they name."""
        driver = self.session.connection().connection.driver_connection
        with driver.cursor(binary=True) as cursor:  # type: ignore[union-attr]
            return list(cursor.execute(sql, params, prepare=prepare).fetchall())

    def newest(self) -> int | None:
        """The highest article id in the index."""
        if self._newest is None:
            self._newest = (self._rows("SELECT max(article_id) FROM search_docs", prepare=True)[0][0],)
        return self._newest[0]

    def _published_range(self) -> tuple[PublishedKey | None, PublishedKey | None]:
        if self._published is None:
            sql = "SELECT min(published), max(published) FROM articles"
            low, high = self._rows(sql, prepare=True)[0]
            self._published = (low, high)
        return self._published

    def matches(
        self,
        plan: Plan,
        limit: int | None,
        ids: tuple[int, int] | None = None,
        terms: bool = False,
        doc_freqs: Mapping[Phrase, int] | None = None,
    ) -> list[Match]:
        groups = tag_groups(plan, self._published_range)
        if groups is None:
            return []
        query = tsquery_expression(plan.include, plan.exclude)
        if limit is None or ids is not None:
            return self._window(query, groups, terms, limit, ids or _ALL_IDS)
        bounds = self.date_ids(plan, groups)
        if bounds is None:
            return []
        floor, top = bounds
        found: list[Match] = []
        start = high = min((self.newest() or 0) + 1, top)
        span = self.first_span(plan, limit, doc_freqs)
        while len(found) < limit and high > floor:
            low = max(high - span, floor) // WINDOW_ALIGN * WINDOW_ALIGN
            found += self._window(query, groups, terms, limit - len(found), (low, high))
            read, wanted = start - low, limit - len(found)
            # twice the ids the share seen so far says the rest needs; a share of nothing grows
            span = 2 * wanted * read // len(found) + 1 if found else span * MAX_GROWTH
            high = low
        return found

    def date_ids(self, plan: Plan, groups: list[list[str]]) -> tuple[int, int] | None:
        """The ids [lo, hi) of the articles published in the plan's date range, None when it
        holds none; all ids without one, or when the range holds more articles than are worth
        reading for its bounds: RANGE_ROWS, or a tenth of it for a range that reaches the newest
        day stored (only its lowest id can then spare a window: a rare word's last one)."""
        if not (plan.date_from or plan.date_to):
            return _ALL_IDS
        oldest, newest = self._published_range()
        if oldest is None or newest is None:
            return None
        # an end beyond the days stored bounds nothing (and may be beyond what a datetime holds)
        where, params = [], dict[str, Any]()
        if plan.date_from and plan.date_from > _kst_date(oldest):
            where.append("published >= %(a)s")
            params["a"] = dt.datetime.combine(plan.date_from, dt.time(), KST)
        if plan.date_to and plan.date_to < _kst_date(newest):
            where.append("published < %(b)s")
            params["b"] = dt.datetime.combine(plan.date_to + dt.timedelta(days=1), dt.time(), KST)
            params["cap"] = RANGE_ROWS + 1
        else:
            params["cap"] = RANGE_ROWS // 10 + 1
        if not where or self._range_rows(groups[-1]) >= params["cap"]:
            return _ALL_IDS
        count, low, high = self._rows(_PG_RANGE_IDS.format(where=" AND ".join(where)), params)[0]
        if not count:
            return None
        return _ALL_IDS if count >= params["cap"] else (int(low), int(high) + 1)

    def _range_rows(self, dates: list[str]) -> float:
        """The articles holding one of these date tags, by the statistics' shares."""
        shares, floor = self._common_shares()
        return sum(shares.get(tag, floor) for tag in dates) * self.corpus().rows

    def first_span(self, plan: Plan, limit: int, doc_freqs: Mapping[Phrase, int] | None = None) -> int:
        """The first window's width in ids: from the smallest share of the rows a phrase or a
        source or category filter holds (a phrase's document frequency when known, else its
        rarest word's share in the statistics; a word they do not list is rarer than any they
        do), or FIRST_SPAN ids per match wanted when nothing is known."""
        shares, floor = self._common_shares()
        rows = self.corpus().rows
        known = doc_freqs or {}
        found = []
        for phrase in plan.include:
            if phrase in known and rows:
                found.append(known[phrase] / rows)
            elif shares:
                found.append(min(shares.get(word, floor) for word in phrase))
        if shares:
            tags = [[f"s{plan.source_id}"]] if plan.source_id is not None else []
            tags += [[_category_tag(plan.category)]] if plan.category else []
            found += [shares.get(group[0], floor) for group in tags]
        if not found:
            return FIRST_SPAN * limit
        # a share of nothing (a phrase counted in no row): one window over every id
        smallest = max(min(found), 1 / _ALL_IDS[1])
        return max(limit, min(math.ceil(SPAN_MARGIN * limit / smallest), _ALL_IDS[1]))

    def _window(
        self, query: str, groups: list[list[str]], terms: bool, limit: int | None, ids: tuple[int, int]
    ) -> list[Match]:
        """One statement: the words on the tsvector, the filters' tags (a match holds one of each
        group) and the window's blocks on the filters column."""
        filters = [" | ".join(f"'{t}'" for t in group) for group in groups]
        if ids[0] > 0 or (ids[1] < _ALL_IDS[1] and ids[1] <= (self.newest() or 0)):
            filters.append(" | ".join(f"'{b}'" for b in id_blocks(ids)))
        columns, join = _PG_COLUMNS[terms]
        expression = _filters("d.")
        sql = _PG_MATCHES.format(
            columns=columns,
            join=join,
            filters="".join(_PG_FILTER.format(expression=expression, n=n) for n in range(len(filters))),
            limit="LIMIT %(n)s" if limit is not None else "",
        )
        params: dict[str, Any] = {"q": query, "lo": ids[0], "hi": ids[1], "n": limit}
        params.update((f"f{n}", f) for n, f in enumerate(filters))
        return list(itertools.starmap(Match, self._rows(sql, params, prepare=True)))

    def hit_rows(self, ids: Sequence[int]) -> list[tuple[Any, ...]]:
        """The columns of search.articles' page of hits for these articles, in no order, the
        publication time in KST as SQLAlchemy's AwareDateTime hands it over."""
        rows = self._rows(_PG_HITS, {"ids": list(ids)}, prepare=True)
        return [(*row[:6], row[6] and row[6].astimezone(KST), *row[7:]) for row in rows]

    def first_id_since(self, published: PublishedKey) -> int | None:
        # OFFSET 0 keeps the planner from turning min(id) into a walk of every id checking dates
        sql = "SELECT min(id) FROM (SELECT id FROM articles WHERE published >= %(p)s OFFSET 0) AS recent"
        value = self._rows(sql, {"p": published})[0][0]
        return None if value is None else int(value)

    def terms(self, ids: Sequence[int]) -> dict[int, tuple[bytes, bytes]]:
        if not ids:
            return {}
        columns = "convert_to(title_terms, 'UTF8'), convert_to(body_terms, 'UTF8')"
        sql = f"SELECT article_id, {columns} FROM search_docs WHERE article_id IN ({_ints(ids)})"
        return {int(i): (bytes(title), bytes(body)) for i, title, body in self._rows(sql)}

    def corpus(self) -> Corpus:
        """Counted over every row (PostgreSQL keeps no running totals; an index-only scan of
        0019's index on `length`), so kept until a document is added or CORPUS_TTL passes; a
        revised document only moves the averages."""
        newest = self.newest()
        key = database_key(self.session)
        kept = _PG_CORPORA.get(key)
        if kept is not None and kept[1] == newest and time.monotonic() - kept[2] < CORPUS_TTL:
            return kept[0]
        rows, tokens = self._rows("SELECT count(*), coalesce(sum(length), 0) FROM search_docs")[0]
        corpus = Corpus(int(rows), int(tokens))
        _PG_CORPORA[key] = (corpus, newest, time.monotonic())
        return corpus

    def doc_freq(self, phrase: Phrase) -> int:
        sql = "SELECT count(*) FROM search_docs WHERE tsv @@ to_tsquery('simple', %(q)s)"
        return int(self._rows(sql, {"q": tsquery_expression([phrase])})[0][0])

    def common_doc_freqs(self, phrases: Sequence[Phrase], rows: int) -> dict[Phrase, int]:
        """From ANALYZE's most common lexemes of `tsv` and the share of rows holding each: the
        words whose count would read the longest posting lists. Only single words not spelt like
        a filter tag (the tags share the tsvector); a phrase's adjacency is nowhere in them."""
        shares, _ = self._common_shares()
        out = {}
        for phrase in phrases:
            share = shares.get(phrase[0], 0.0) if len(phrase) == 1 else 0.0
            if share >= COMMON_SHARE and not _TAG_LIKE.fullmatch(phrase[0]):
                out[phrase] = round(share * rows)
        return out

    def _common_shares(self) -> tuple[dict[str, float], float]:
        """The statistics' share of rows by common lexeme, and the smallest share they list
        (a lexeme left out is rarer); kept STATS_TTL seconds."""
        key = database_key(self.session)
        kept = _PG_COMMON.get(key)
        if kept is not None and time.monotonic() - kept[2] < STATS_TTL:
            return kept[0], kept[1]
        found = self._rows(_PG_STATS)
        # the frequencies run on past the lexemes: their minimum, maximum and null share
        lexemes, shares = found[0] if found and found[0][0] is not None else ([], [])
        common = dict(zip(lexemes, map(float, shares), strict=False))
        floor = min(common.values(), default=0.0)
        _PG_COMMON[key] = (common, floor, time.monotonic())
        return common, floor

    def source_names(self, ids: Sequence[int]) -> dict[int, str]:
        known = _PG_SOURCE_NAMES.setdefault(database_key(self.session), {})
        missing = [i for i in ids if i not in known]
        if missing:
            sql = f"SELECT id, name FROM sources WHERE id IN ({_ints(missing)})"
            known.update((int(i), str(n)) for i, n in self._rows(sql))
        return {i: known[i] for i in ids if i in known}
