"""Search at 100,000 and 1,000,000 articles: index build rate, latency in-process and over HTTP,
and the same queries as a naive LIKE '%…%' scan beside them.

usage: python bench/search_speed.py [--sizes 100000,1000000] [--queries 200] [--clients 1,2,4,8,16]
                              [--seconds 8] [--like-sample 20] [--reuse]

Corpus: real Korean sentences (the shipped samples, plus ../shared/eval/summaries/articles.jsonl
when present) are analysed ONCE with the real tokenizer path (nlp.analyse + nlp.terms, then the
index tokens of search.bm25), and the tokenised sentences are recombined into articles of 6–16
sentences under real or sentence-cut headlines, 12 sources, 12 categories and two years of KST
dates. Rows go straight into pages / articles / search_docs (extraction and summaries are
bypassed); the FTS index is filled by the schema's own triggers, so the build rate is the real
index cost. Databases live in bench/out/ (gitignored); --reuse skips the build when one exists.

Queries: 1–3 words picked from the sentences (nouns, some inflected 하다-verbs such as
협력했다), a quarter with a filter (category, source, month, open date range) or sort=newest.
In-process: `search.articles.search` for top-10 with facets, one session per query; a first pass
(document frequencies being found: on a new database every phrase not estimated from PostgreSQL's
statistics is counted once and shared in doc_freqs, which a --database run may already hold),
then the measured pass. HTTP:
`newsdesk serve --workers <cores>` in a subprocess, keep-alive clients on loopback driven by
wrk when it is installed (bench/wrk_paths.lua; `apt-get install wrk`), else by asyncio clients
in this process, which take a share of the same cores; reported is the best rate whose p99
stays under 100 ms, and the server's CPU per request. LIKE: count(*) plus the ten newest over
title and body with the same words and filters, on a sample of the queries.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# run as a script from anywhere: the project root first, and nothing from bench/ itself
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != HERE)]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import contextlib  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402
import zlib  # noqa: E402
from collections.abc import Callable, Iterator, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from importlib import resources  # noqa: E402
from typing import Any  # noqa: E402

from sqlalchemy import make_url  # noqa: E402

from nlp.analyse import Sentence as Analysed  # noqa: E402
from nlp.analyse import analyse  # noqa: E402
from nlp.dates import KST  # noqa: E402
from nlp.extract import extract_page  # noqa: E402
from nlp.terms import terms  # noqa: E402
from search import bm25  # noqa: E402
from search.articles import SearchRequest, document_values, reading, search  # noqa: E402
from search.engines import filter_tags  # noqa: E402
from store.db import Database  # noqa: E402
from store.models import UTC  # noqa: E402
from tests.support.postgres import create_postgres_database, drop_postgres_database  # noqa: E402

OUT = ROOT / "bench" / "out"
EVAL_SUMMARIES = ROOT.parent / "shared" / "eval" / "summaries" / "articles.jsonl"
SOURCES = (
    ("보건복지부", "복지"),
    ("교육부", "교육"),
    ("고용노동부", "고용·노동"),
    ("국토교통부", "교통"),
    ("환경부", "환경"),
    ("행정안전부", "안전"),
    ("문화체육관광부", "문화"),
    ("기획재정부", "경제·금융"),
    ("질병관리청", "보건·의료"),
    ("서울특별시", "행정"),
    ("정책브리핑", "행정"),
    ("한빛일보", "육아"),
)
CATEGORIES = sorted({c for _, c in SOURCES} | {"부동산·주거"})
FIRST_DAY = dt.datetime(2024, 1, 1, tzinfo=KST)
DAYS = 731
BATCH = 5000
NOUNS = frozenset({"NNG", "NNP"})
WRK = shutil.which("wrk")  # the HTTP load generator when installed (Debian: apt-get install wrk)


# sentence pool -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """A tokenised sentence: its text, index-token spans within it, and words a reader might type."""

    text: str
    spans: tuple[tuple[str, int, int], ...]
    nouns: tuple[str, ...]
    verbs: tuple[str, ...]


@dataclass
class Pool:
    sentences: list[Piece] = field(default_factory=list)
    titles: list[Piece] = field(default_factory=list)


def _piece(sentence: Analysed) -> Piece:
    base = sentence.start
    spans = tuple(
        (token, t.start - base, t.end - base)
        for t in terms(sentence.morphemes)
        for token in bm25.tokens(t.term)
    )
    nouns = tuple(m.form for m in sentence.morphemes if m.tag in NOUNS and len(m.form) >= 2)
    return Piece(sentence.text, spans, nouns, _inflected(sentence))


def _inflected(sentence: Analysed) -> tuple[str, ...]:
    """Surface words like 협력했다 / 확대한다: a noun, then 하다's suffix, in one word."""
    out = []
    for word in re.finditer(r"[가-힣]+", sentence.text):
        inside = [m for m in sentence.morphemes if word.start() <= m.start - sentence.start < word.end()]
        if len(inside) >= 3 and inside[0].tag == "NNG" and inside[1].tag == "XSV" and len(word.group()) <= 6:
            out.append(word.group())
    return tuple(out)


def _analysed(text: str) -> list[Piece]:
    return [_piece(s) for s in analyse(text).sentences]


def sentence_pool() -> Pool:
    """The samples' articles and the eval summaries' articles, each analysed once."""
    pool = Pool()
    samples = resources.files("newsdesk").joinpath("samples")
    for item in json.loads(samples.joinpath("manifest.json").read_text(encoding="utf-8")):
        page = extract_page(samples.joinpath(item["file"]).read_bytes(), url=item["url"])
        if page.kind == "article":
            pool.sentences += _analysed(page.body)
            pool.titles += _analysed(page.title or "")[:1]
    if EVAL_SUMMARIES.is_file():
        for line in EVAL_SUMMARIES.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            pool.sentences += _analysed("\n".join(record["sentences"]))
            pool.titles += _analysed(record["title"])[:1] if record.get("title") else []
    else:
        print(f"note: {EVAL_SUMMARIES} absent: sentences from the shipped samples only")
    pool.sentences = [p for p in pool.sentences if p.spans]
    return pool


# corpus -------------------------------------------------------------------------------------------


def _stamp(moment: dt.datetime) -> str:
    """How SQLAlchemy stores an aware datetime in SQLite: naive UTC text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _headline(rng: random.Random, pool: Pool) -> Piece:
    """A real headline, or the first words of a sentence cut like one."""
    if rng.random() < 0.3 and pool.titles:
        return rng.choice(pool.titles)
    piece = rng.choice(pool.sentences)
    cut = next((e for _, _, e in piece.spans[rng.randint(5, 9) :] if e >= 18), len(piece.text))
    return Piece(piece.text[:cut], tuple(s for s in piece.spans if s[2] <= cut), piece.nouns, ())


def _article(i: int, size: int, rng: random.Random, pool: Pool) -> tuple[tuple[Any, ...], ...]:
    """One page, article, search_docs and search_spans row; `i` runs in arrival order, dates roughly
    follow."""
    source_id = rng.randrange(len(SOURCES)) + 1
    category = SOURCES[source_id - 1][1] if rng.random() < 0.6 else rng.choice(CATEGORIES)
    when = FIRST_DAY + dt.timedelta(days=DAYS * i / size, hours=rng.uniform(-36, 36))
    title = _headline(rng, pool)
    body, spans, offset = [], [], 0
    for piece in rng.choices(pool.sentences, k=rng.randint(6, 16)):
        body.append(piece.text)
        spans += [[t, s + offset, e + offset] for t, s, e in piece.spans]
        offset += len(piece.text) + 1
    text, stamp, url = "\n".join(body), _stamp(when), f"https://bench.example.com/{source_id}/{i}"
    keywords = json.dumps(list(dict.fromkeys(title.nouns))[:5], ensure_ascii=False)
    tags = filter_tags(source_id, category, when)
    doc = document_values([s[0] for s in title.spans], [str(s[0]) for s in spans], tags)
    page = (i, url, source_id, "processed", zlib.compress(b""), "bench", 1, stamp, stamp)
    article = (
        i,
        i,
        source_id,
        url,
        title.text,
        stamp,
        text,
        category,
        keywords,
        text[:160],
        "bench",
        stamp,
        stamp,
    )
    spans_json = json.dumps(spans, ensure_ascii=False)
    return (
        page,
        article,
        (i, doc["title_terms"], doc["body_terms"], doc["tags"], doc["length"]),
        (i, spans_json),
    )


Built = tuple[tuple[Any, ...], ...]  # one article's page, article, search_docs and search_spans rows


Signed = tuple[int, str, list[int]]  # an article's id, MinHash signature (JSON) and story band keys
Signer = Callable[[list[Built]], list[Signed]]  # picklable: it runs in the process making the rows
Batch = tuple[list[Built], list[Signed]]


def _rows(task: tuple[int, int, Pool, Signer | None]) -> Batch:
    first, size, pool, signer = task
    rng = random.Random(first)
    rows = [_article(i, size, rng, pool) for i in range(first, min(first + BATCH, size + 1))]
    return rows, signer(rows) if signer else []


def _batches(size: int, pool: Pool, signer: Signer | None = None) -> Iterator[Batch]:
    """Rows in batches (and their signatures when `signer` is given), made in a second process
    while this one writes (one per core)."""
    tasks = ((first, size, pool, signer) for first in range(1, size + 1, BATCH))
    with multiprocessing.get_context("fork").Pool(1) as workers:
        yield from workers.imap(_rows, tasks)


# secondary indexes of the tables a build fills: fed row by row they are most of a load's cost
# (random keys), so they are dropped before it and built once after
_LOADED = ("search_docs", "story_bands")


_INSERTS = (
    "INSERT INTO pages (id, url, source_id, state, raw_z, raw_hash, attempts, fetched_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO articles (id, page_id, source_id, url, title, published, body, category, keywords, excerpt, "
    "content_hash, created_at, updated_at, authors, category_reason, summary, revision) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', '[]', '[]', 1)",
    "INSERT INTO search_docs (article_id, title_terms, body_terms, tags, length) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO search_spans (article_id, spans) VALUES (?, ?)",
)


def build(path: Path, size: int, pool: Pool, signer: Signer | None = None) -> float:
    """A fresh database of `size` articles; returns the seconds the inserts and index took.
    `signer` adds each article's signature and story bands (bench/growth.py's lookups)."""
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    Database(f"sqlite:///{path}").dispose()  # the real schema, migrations included
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    stamp = _stamp(FIRST_DAY)
    con.executemany(
        "INSERT INTO sources (id, name, kind, category, created_at) VALUES (?, ?, 'web', ?, ?)",
        [(i + 1, name, category, stamp) for i, (name, category) in enumerate(SOURCES)],
    )
    started = time.perf_counter()
    # the FTS index stays: its triggers are the real index cost this build measures
    marks = ",".join("?" * len(_LOADED))
    secondary = con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        _LOADED,
    ).fetchall()
    for name, _ in secondary:
        con.execute(f"DROP INDEX {name}")
    done = 0
    for rows, signed in _batches(size, pool, signer):
        with con:
            for sql, column in zip(_INSERTS, zip(*rows, strict=True), strict=True):
                con.executemany(sql, column)
            con.executemany("UPDATE articles SET signature = ? WHERE id = ?", [(s, i) for i, s, _ in signed])
            con.executemany(
                "INSERT INTO story_bands (band, article_id) VALUES (?, ?)",
                [(band, i) for i, _, keys in signed for band in keys],
            )
        done += len(rows)
        print(f"\r  built {done:>9,} articles", end="", file=sys.stderr, flush=True)
    for _, definition in secondary:
        con.execute(definition)
    elapsed = time.perf_counter() - started
    print(file=sys.stderr)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("ANALYZE")
    con.close()
    return elapsed


_INSERT = re.compile(r"INSERT INTO (\w+) \(([^)]*)\) VALUES \((.*)\)$", re.S)


def build_postgres(url: str, size: int, pool: Pool, signer: Signer | None = None) -> float:
    """The same rows as `build` (and `signer`'s), written with COPY, the secondary indexes built
    after the load; returns the seconds for all of it."""
    import psycopg

    Database(url).dispose()  # the real schema, migrations included
    # the SQLite statements name the columns; the literal values they add are appended here
    shapes = []
    for sql in _INSERTS:
        table, columns, values = _INSERT.match(sql).groups()  # type: ignore[union-attr]
        names = [c.strip() for c in columns.split(",")]
        constants = [v.strip().strip("'") for v in values.split(",") if v.strip() != "?"]
        shapes.append((table, names, constants))
    started = time.perf_counter()
    with psycopg.connect(url.replace("+psycopg", "")) as con:
        con.execute("SET TIME ZONE 'UTC'")  # the builder's stamps are naive UTC
        # this session only: a crash costs a rebuild anyway, and the GIN and B-tree builds
        # sort in memory instead of spilling in 64 MB runs
        con.execute("SET synchronous_commit = off")
        con.execute("SET maintenance_work_mem = '1GB'")
        secondary = con.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexname LIKE 'ix_%%'",
            [list(_LOADED)],
        ).fetchall()
        for name, _ in secondary:
            con.execute(f"DROP INDEX {name}")
        stamp = _stamp(FIRST_DAY)
        with con.cursor() as cur:
            cur.executemany(
                "INSERT INTO sources (id, name, kind, category, created_at) VALUES (%s, %s, 'web', %s, %s)",
                [(i + 1, n, c, stamp) for i, (n, c) in enumerate(SOURCES)],
            )
        done = 0
        for rows, signed in _batches(size, pool, signer):
            extra = {i: (s, keys) for i, s, keys in signed}
            with con.cursor() as cur:
                for (table, names, constants), column in zip(shapes, zip(*rows, strict=True), strict=True):
                    more = ["signature"] if extra and table == "articles" else []
                    with cur.copy(f"COPY {table} ({', '.join(names + more)}) FROM STDIN") as copy:
                        for values in column:
                            tail = [extra[values[0]][0]] if more else []
                            copy.write_row([*values, *constants, *tail])
                if extra:
                    with cur.copy("COPY story_bands (band, article_id) FROM STDIN") as copy:
                        for i, (_, keys) in extra.items():
                            for band in keys:
                                copy.write_row((band, i))
            con.commit()
            done += len(rows)
            print(f"\r  postgresql: built {done:>9,} articles", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        for _, definition in secondary:
            con.execute(definition)
        for table in ("sources", "pages", "articles"):
            top = f"(SELECT max(id) FROM {table})"
            con.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {top})")
        con.commit()
        con.autocommit = True
        con.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


# queries ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BenchQuery:
    q: str
    params: tuple[tuple[str, str], ...] = ()

    def request(self) -> SearchRequest:
        p = dict(self.params)
        day = dt.date.fromisoformat
        return SearchRequest(
            q=self.q,
            source=p.get("source"),
            category=p.get("category"),
            date_from=day(p["from"]) if "from" in p else None,
            date_to=day(p["to"]) if "to" in p else None,
            sort="newest" if p.get("sort") == "newest" else "relevance",
        )

    def path(self) -> str:
        return "/search?" + urllib.parse.urlencode([("q", self.q), *self.params])


def queries(pool: Pool, n: int, seed: int = 20251205) -> list[BenchQuery]:
    """Reader-like queries: 1–3 words from one sentence, some inflected, a quarter filtered."""
    rng = random.Random(seed)
    out: list[BenchQuery] = []
    while len(out) < n:
        piece = rng.choice(pool.sentences)
        words = _words(rng, piece)
        if words:
            out.append(BenchQuery(" ".join(words), _filters(rng)))
    return out


def _words(rng: random.Random, piece: Piece) -> list[str]:
    nouns = list(dict.fromkeys(piece.nouns))
    if piece.verbs and rng.random() < 0.2:
        return [rng.choice(piece.verbs), *rng.sample(nouns, min(len(nouns), rng.randint(0, 1)))]
    return rng.sample(nouns, min(len(nouns), rng.choice((1, 1, 1, 2, 2, 3))))


def _filters(rng: random.Random) -> tuple[tuple[str, str], ...]:
    roll = rng.random()
    month = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(DAYS - 31))
    if roll < 0.07:
        return (("category", rng.choice(CATEGORIES)),)
    if roll < 0.12:
        return (("source", rng.choice(SOURCES)[0]),)
    if roll < 0.17:
        start = month.replace(day=1)
        return (
            ("from", start.isoformat()),
            ("to", (start + dt.timedelta(days=40)).replace(day=1).isoformat()),
        )
    if roll < 0.20:
        return (("from", month.isoformat()),)
    if roll < 0.25:
        return (("sort", "newest"),)
    return ()


# measurements -------------------------------------------------------------------------------------


def percentiles(seconds: Sequence[float]) -> tuple[float, float, float]:
    """p50, p95, p99 in milliseconds."""
    cuts = statistics.quantiles([s * 1000 for s in seconds], n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


@dataclass
class Passes:
    """Seconds per query of a first pass (document frequencies not yet known to this process)
    and of a second pass, and each query's top ten article ids."""

    first: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    tops: list[list[int]] = field(default_factory=list)


def in_process(db: Database, batch: Sequence[BenchQuery]) -> Passes:
    """Top-10 with facets for every query, one session each, twice."""
    out = Passes()
    for timings in (out.first, out.warm):
        out.tops = []
        for query in batch:
            started = time.perf_counter()
            with reading(db) as session:
                found = search(session, query.request())
            timings.append(time.perf_counter() - started)
            out.tops.append([hit.article_id for hit in found.hits])
    return out


def overlap(ours: Sequence[Sequence[int]], theirs: Sequence[Sequence[int]]) -> float:
    """Mean share of one engine's top ten the other also returns (two empty lists agree)."""
    shares = [
        len(set(a) & set(b)) / max(len(a), len(b)) if a or b else 1.0
        for a, b in zip(ours, theirs, strict=True)
    ]
    return statistics.fmean(shares)


def like_scan(path: Path, batch: Sequence[BenchQuery]) -> list[float]:
    """The naive way: LIKE '%word%' over title and body, count(*) and the ten newest."""
    con = sqlite3.connect(path)
    out = []
    for query in batch:
        where, params = _like_where(con, query)
        started = time.perf_counter()
        con.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()
        con.execute(
            f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published DESC LIMIT 10", params
        ).fetchall()
        out.append(time.perf_counter() - started)
    con.close()
    return out


def _like_where(con: sqlite3.Connection, query: BenchQuery) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for word in query.q.split():
        clauses.append("(a.title LIKE ? OR a.body LIKE ?)")
        params += [f"%{word}%"] * 2
    p = query.request()
    if p.category:
        clauses.append("a.category = ?")
        params.append(p.category)
    if p.source:
        clauses.append("a.source_id = (SELECT id FROM sources WHERE name = ?)")
        params.append(p.source)
    for day, op in ((p.date_from, ">="), (p.date_to and p.date_to + dt.timedelta(days=1), "<")):
        if day:
            clauses.append(f"a.published {op} ?")
            params.append(_stamp(dt.datetime.combine(day, dt.time(), tzinfo=KST)))
    return " AND ".join(clauses), params


# HTTP ---------------------------------------------------------------------------------------------


def serve(url: str, port: int) -> subprocess.Popen[bytes]:
    """`newsdesk serve` with one worker per core over the database; returns once all listen."""
    env = {**os.environ, "NEWSDESK_DATABASE_URL": url, "NEWSDESK_RATE_LIMIT": "0"}
    workers = os.cpu_count() or 2
    argv = [sys.executable, "-m", "newsdesk", "serve", "--port", str(port), "--workers", str(workers)]
    with (OUT / "serve.log").open("ab") as log:
        server = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(port, workers)
    except BaseException:
        server.terminate()
        server.wait(30)
        raise
    return server


def _wait_until_up(port: int, workers: int, seconds: float = 120) -> None:
    """Until every worker listens (each has its own socket) and the API answers."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as answer:
                if answer.status == 200 and _listening(port) >= workers:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the API did not come up")


def _listening(port: int) -> int:
    """Listening TCP sockets on `port` (Linux /proc/net/tcp: local address, state 0A)."""
    rows = (line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:])
    return sum(1 for f in rows if int(f[1].split(":")[1], 16) == port and f[3] == "0A")


@dataclass
class Load:
    """What a load run measured: requests answered, over how long, latency quantiles (s)."""

    requests: int
    seconds: float
    p50: float
    p99: float
    errors: int


@dataclass
class _Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0


async def _client(port: int, paths: Sequence[str], start: int, until: float, load: _Tally) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = start
    while time.perf_counter() < until:
        request = f"GET {paths[i % len(paths)]} HTTP/1.1\r\nHost: bench\r\n\r\n".encode()
        i += 1
        started = time.perf_counter()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))  # type: ignore[union-attr]
        await reader.readexactly(length)
        load.latencies.append(time.perf_counter() - started)
        load.errors += head[9:12] != b"200"
    writer.close()


async def _run(port: int, paths: Sequence[str], clients: int, seconds: float) -> Load:
    """Keep-alive clients in this process (when wrk is not installed)."""
    tally = _Tally()
    until = time.perf_counter() + seconds
    starts = (k * len(paths) // clients for k in range(clients))
    await asyncio.gather(*(_client(port, paths, s, until, tally) for s in starts))
    p50, _, p99 = percentiles(tally.latencies)
    return Load(len(tally.latencies), seconds, p50 / 1000, p99 / 1000, tally.errors)


@dataclass(frozen=True)
class Level:
    """One client count's run: throughput, latency, and the server's CPU per request."""

    clients: int
    rate: float
    p50: float
    p99: float
    errors: int
    cpu_ms: float
    db_cpu_ms: float = math.nan  # PostgreSQL's processes serving the database, when on this machine

    def __str__(self) -> str:
        database = "" if math.isnan(self.db_cpu_ms) else f" + PostgreSQL {self.db_cpu_ms:4.1f}"
        return (
            f"{self.clients:>2} clients: {self.rate:6.1f} req/s  p50 {self.p50:6.1f} ms  "
            f"p99 {self.p99:6.1f} ms  server CPU {self.cpu_ms:4.1f}{database} ms/req  errors {self.errors}"
        )


def http(
    url: str, batch: Sequence[BenchQuery], levels: Sequence[int], seconds: float, warmup: float = 3.0
) -> list[Level]:
    """One run per client count against `newsdesk serve` on loopback, after `warmup` seconds of
    load (each worker counts the document frequencies it has not seen yet)."""
    port = 18000 + os.getpid() % 1000
    server = serve(url, port)
    paths = [q.path() for q in batch]
    load = _wrk if WRK else _asyncio_load
    backends = Backends.of(url)
    try:
        load(port, paths, 4, warmup)  # warm-up: caches, every worker
        return [_level(server.pid, port, paths, n, seconds, load, backends) for n in levels]
    finally:
        server.terminate()
        server.wait(30)
        if backends:
            backends.close()


class Backends:
    """The CPU time of the PostgreSQL processes serving one database (Linux /proc, so only for a
    server on this machine): PostgreSQL's share of a request, beside the `serve` workers'."""

    def __init__(self, url: str) -> None:
        import psycopg

        parts = make_url(url)
        self.database = parts.database
        plain = parts.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
        self.admin = psycopg.connect(plain, autocommit=True)

    @classmethod
    def of(cls, url: str) -> Backends | None:
        parts = make_url(url)
        local = parts.host in ("127.0.0.1", "localhost", "::1", None) and Path("/proc").is_dir()
        return cls(url) if parts.get_backend_name() == "postgresql" and local else None

    def seconds(self) -> dict[int, float]:
        """CPU seconds so far of each process connected to the database (this one's excepted)."""
        sql = "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
        out = {}
        for (pid,) in self.admin.execute(sql, [self.database]).fetchall():
            with contextlib.suppress(OSError):  # gone since
                out[pid] = _process_seconds(pid)
        return out

    def close(self) -> None:
        self.admin.close()


LoadRun = Callable[[int, Sequence[str], int, float], Load]


def _asyncio_load(port: int, paths: Sequence[str], clients: int, seconds: float) -> Load:
    return asyncio.run(_run(port, paths, clients, seconds))


def _wrk(port: int, paths: Sequence[str], clients: int, seconds: float) -> Load:
    """wrk (C, one thread): the load costs the shared cores far less than a Python client."""
    assert WRK is not None
    listing = OUT / "paths.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    argv = [WRK, "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "10s",
            "-s", str(HERE / "wrk_paths.lua"), f"http://127.0.0.1:{port}"]  # fmt: skip
    out = subprocess.run(argv, env={**os.environ, "PATHS": str(listing)}, capture_output=True, text=True)
    found = re.search(r"^RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) (\d+)$", out.stdout, re.M)
    if out.returncode or not found:
        raise RuntimeError(f"wrk failed: {out.stderr or out.stdout}")
    n, micros, p50, p99, errors = found.groups()
    return Load(int(n), float(micros) / 1e6, float(p50) / 1000, float(p99) / 1000, int(errors))


def _level(
    pid: int,
    port: int,
    paths: Sequence[str],
    clients: int,
    seconds: float,
    run: LoadRun,
    backends: Backends | None = None,
) -> Level:
    cpu = _cpu_seconds(pid)
    before = backends.seconds() if backends else {}
    load = run(port, paths, clients, seconds)
    cpu = _cpu_seconds(pid) - cpu
    # a process that started during the run counts whole; one that ended is lost (the workers'
    # pools keep theirs)
    after = backends.seconds() if backends else {}
    database = sum(t - before.get(p, 0.0) for p, t in after.items()) if backends else math.nan
    requests = max(load.requests, 1)
    return Level(clients, load.requests / load.seconds, load.p50 * 1000, load.p99 * 1000, load.errors,
                 1000 * cpu / requests, 1000 * database / requests)  # fmt: skip


def _cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children so far (Linux /proc): what the server used,
    whatever else the machine was running."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return sum(_process_seconds(process) for process in (pid, *map(int, children)))


def _process_seconds(pid: int) -> float:
    """CPU time of one process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def best_rate(levels: Sequence[Level]) -> str:
    """The highest requests/s among the client counts whose p99 stays under 100 ms."""
    fits = [x for x in levels if x.p99 < 100 and not x.errors]
    if not fits:
        return "none under 100 ms"
    best = max(fits, key=lambda x: x.rate)
    return f"{best.rate:.0f} ({best.clients} clients, p99 {best.p99:.0f} ms)"


# report -------------------------------------------------------------------------------------------


@dataclass
class Row:
    size: int
    build: str
    first: tuple[float, float, float]
    warm: tuple[float, float, float]
    rate: str
    cpu_ms: float
    like: float
    indexed: float
    overlap: float = math.nan
    peer: tuple[float, float, float] | None = None  # SQLite's in-process p50/p95/p99, same run
    db_cpu_ms: float = math.nan  # PostgreSQL's CPU per request over HTTP (a local server)


def sqlite_corpus(size: int, pool: Pool, reuse: bool) -> tuple[Path, str]:
    """bench/out/search-<size>.db, built unless `reuse` finds it; its path and build rate."""
    path = OUT / f"search-{size}.db"
    if reuse and path.exists():
        return path, "reused"
    return path, f"{size / build(path, size, pool):,.0f}"


def postgres_corpus(size: int, pool: Pool) -> tuple[str, str, str]:
    """A throwaway PostgreSQL database built with `build_postgres`: its name, URL and build rate."""
    name, url = create_postgres_database()
    try:
        seconds = build_postgres(url, size, pool)
    except BaseException:
        drop_postgres_database(name)
        raise
    return name, url, f"{size / seconds:,.0f}"


# what docs/scale.md tells a deployment to set for the API's PostgreSQL sessions (in the URL,
# so `serve` gets them too): an exact bitmap for a common word's matches, no JIT compile of a
# count over them, and index reads priced as the cached reads they are (a common word's count is
# then a bitmap scan, 0.8 s at a million, not a parallel scan of the table, 3.7 s).
# `plan_cache_mode` stays `auto`: the windows are prepared statements, and their generic plan
# (the GIN index, whatever the width) saves their planning
PG_SESSION = {
    "work_mem": "32MB",
    "jit": "off",
    "random_page_cost": "1.1",
}


def with_session_settings(url: str) -> str:
    """A PostgreSQL URL whose connections start with PG_SESSION's settings."""
    options = " ".join(f"-c {name}={value}" for name, value in PG_SESSION.items())
    return make_url(url).update_query_dict({"options": options}).render_as_string(hide_password=False)


def bench_size(size: int, pool: Pool, batch: list[BenchQuery], args: argparse.Namespace) -> Row:
    dropped: str | None = None
    path: Path | None = None
    if args.database:
        url, build_rate = args.database, "reused"
    elif args.engine == "postgresql":
        dropped, url, build_rate = postgres_corpus(size, pool)
    else:
        path, build_rate = sqlite_corpus(size, pool, args.reuse)
        url = f"sqlite:///{path}"
    try:
        print(f"{size:,} articles: {build_rate} articles/s ({url})", flush=True)
        if make_url(url).get_backend_name() == "postgresql":
            url = with_session_settings(url)
        return _measure(size, url, build_rate, pool, batch, args)
    finally:
        if dropped and not args.keep:
            drop_postgres_database(dropped)
        elif dropped:
            print(f"  kept: {url}", flush=True)


def _measure(
    size: int, url: str, build_rate: str, pool: Pool, batch: list[BenchQuery], args: argparse.Namespace
) -> Row:
    db = Database(url)
    passes = in_process(db, batch)
    db.dispose()
    agreement, peer_cuts = math.nan, None
    if db.engine.dialect.name == "postgresql":
        # the same queries on SQLite's FTS5 over the same rows: both rank with search.bm25
        peer = Path(args.peer) if args.peer else sqlite_corpus(size, pool, reuse=True)[0]
        peer_db = Database(f"sqlite:///{peer}")
        theirs = in_process(peer_db, batch)
        peer_db.dispose()
        agreement, peer_cuts = overlap(passes.tops, theirs.tops), percentiles(theirs.warm)
        print(f"  top-10 overlap with SQLite ({peer}): {agreement:.3f}", flush=True)
    sample = batch[:: max(1, len(batch) // max(args.like_sample, 1))][: args.like_sample]
    path = make_url(url).database if db.engine.dialect.name == "sqlite" else None
    like = statistics.median(like_scan(Path(path), sample)) if sample and path else math.nan
    indexed = statistics.median(passes.warm[batch.index(q)] for q in sample) if sample else math.nan
    clients = [int(c) for c in args.clients.split(",")]
    levels = http(url, batch, clients, args.seconds, args.warmup) if args.seconds else []
    for level in levels:
        print(f"  {level}", flush=True)
    rate = best_rate(levels) if levels else "skipped"
    cpu_ms = statistics.median(x.cpu_ms for x in levels) if levels else math.nan
    db_cpu_ms = statistics.median(x.db_cpu_ms for x in levels) if levels else math.nan
    first, warm = percentiles(passes.first), percentiles(passes.warm)
    return Row(size, build_rate, first, warm, rate, cpu_ms, like, indexed, agreement, peer_cuts, db_cpu_ms)


def table(rows: Sequence[Row], n: int, sample: int) -> Iterator[str]:
    yield (
        f"| articles | index build (articles/s) | in-process p50 / p95 / p99 (ms), {n} queries "
        "| first pass p50 / p99 (ms) | HTTP req/s at p99 < 100 ms | server CPU per request "
        f"| LIKE scan p50 (ms), {sample} queries | LIKE / index | top-10 overlap with SQLite |"
    )
    yield "|---:|---:|---|---|---|---|---:|---:|---:|"
    cores = os.cpu_count() or 1
    for r in rows:
        like = "— | —" if math.isnan(r.like) else f"{r.like * 1000:,.0f} | {r.like / r.indexed:,.0f}×"
        agreement = "—" if math.isnan(r.overlap) else f"{r.overlap:.3f}"
        if r.peer:
            # the peer of the same run: its rates moved with the same load
            peer = " / ".join(f"{x:.1f}" for x in r.peer)
            agreement += f" (SQLite in-process {peer}; p99 ratio {r.warm[2] / r.peer[2]:.2f}×)"
        yield (
            f"| {r.size:,} | {r.build} | {' / '.join(f'{x:.1f}' for x in r.warm)} "
            f"| {r.first[0]:.1f} / {r.first[2]:.1f} | {r.rate} "
            f"| {_cpu_cell(r, cores)} | {like} | {agreement} |"
        )


def _cpu_cell(r: Row, cores: int) -> str:
    """The workers' CPU per request, and PostgreSQL's beside it when measured; the rate the
    cores would allow if the server had them to itself."""
    if math.isnan(r.db_cpu_ms):
        return f"{r.cpu_ms:.1f} ms ({cores} cores: {1000 * cores / r.cpu_ms:.0f}/s)"
    total = r.cpu_ms + r.db_cpu_ms
    return f"{r.cpu_ms:.1f} + PostgreSQL {r.db_cpu_ms:.1f} ms ({cores} cores: {1000 * cores / total:.0f}/s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--clients", default="1,2,4,8,16")
    parser.add_argument("--seconds", type=float, default=8.0, help="per client count; 0 skips HTTP")
    parser.add_argument("--like-sample", type=int, default=20)
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of HTTP load first "
                        "(before 0019, at a million: ~120, while each worker counted words)")  # fmt: skip
    parser.add_argument("--reuse", action="store_true", help="keep an existing database (no build rate)")
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--database", help="search this database as it is (e.g. one growth.py --keep left)")
    parser.add_argument("--keep", action="store_true", help="postgresql: keep the built database")
    parser.add_argument("--peer", help="postgresql: the same corpus in SQLite, for the top-10 overlap "
                        "(default bench/out/search-<size>.db, built when absent)")  # fmt: skip
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    pool = sentence_pool()
    print(f"pool: {len(pool.sentences):,} sentences, {len(pool.titles)} headlines, "
          f"tokenised in {time.perf_counter() - started:.1f} s")  # fmt: skip
    batch = queries(pool, args.queries)
    rows = [bench_size(int(s), pool, batch, args) for s in args.sizes.split(",")]
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"HTTP load: {WRK or 'asyncio clients in this process (install wrk for a lighter load)'}")
    print(f"\nmachine: {os.cpu_count()} cores, load {load} (1/5/15 min) at the end, "
          f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}")  # fmt: skip
    for line in table(rows, len(batch), args.like_sample):
        print(line)


if __name__ == "__main__":
    main()
