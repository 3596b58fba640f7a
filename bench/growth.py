"""Ingest cost as the database grows: the same pages into databases of 10k, 100k and 1M articles.

usage: python bench/growth.py [--pages 500] [--sizes 10000,100000,1000000]
                              [--engine sqlite|postgresql|both] [--sample 50] [--quick]
                              [--keep] [--reuse] [--seed N]

The corpus is built straight into the tables by bench/search_speed.py's builder (its sentence
pool and row batches: real Korean sentences tokenised once by the real path, recombined into
articles), plus what ingest's near-duplicate lookup reads: each article's MinHash signature and
its story bands. A corpus article's signature is the element-wise minimum of its sentences'
signatures over the real path's content forms (nlp.terms.content_forms), which is the MinHash of
the union of their shingles; so a sentence many articles share gives them a common band, as a
ministry's boilerplate does on a real site.

Then the same N article pages (ministry-style HTML of 6–10 sentences from the same pool) go
through the whole per-page path (`ingest.pipeline.ingest`: extract → analyse → store → index →
stories → draft, one transaction per page) into each database, page by page in turns (each page
into every size before the next); printed is ms/page (wall and this process's CPU) and its ratio
to the smallest size, measured in this run (target: the largest ≤ 1.2× the smallest). A stage
table (bench/crawl.py's split, a clock around each stage, on `--sample` more pages) shows where the
time goes.

PostgreSQL: a throwaway database on NEWSDESK_TEST_POSTGRES (default postgres@127.0.0.1:5432),
created and dropped by the bench. SQLite files live in bench/out/ and are deleted afterwards;
--keep keeps the largest (bench/out/growth-<size>.db) and --reuse measures that kept file as it is
instead of building it again (the smaller sizes are built afresh), so runs can alternate code or
settings on one million-article database; it then holds earlier runs' pages, so give each run its own
--seed (other pages, other URLs).
--quick: 100 pages, sizes 10k and 100k, 25 sampled pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import crawl  # noqa: E402  (bench/crawl.py: its stage split)
import numpy  # noqa: E402  (kiwipiepy's dependency)
import search_speed  # noqa: E402  (bench/search_speed.py: its corpus builder; it drops bench/ from the path)

from ingest.pipeline import Origin, ingest  # noqa: E402
from nlp.analyse import analyse, warm  # noqa: E402
from nlp.dedupe import NUM_PERM, Signature, bands, signature  # noqa: E402
from nlp.terms import content_forms  # noqa: E402
from store.db import Database  # noqa: E402
from tests.support.pages import article_html  # noqa: E402
from tests.support.postgres import create_postgres_database, drop_postgres_database  # noqa: E402

TARGET = 1.2
WARMUP = 5
VARIANTS = 6


# corpus -------------------------------------------------------------------------------------------


class Signer:
    """Signatures and band keys of corpus articles, modelled sentence by sentence.

    A pool sentence as search_speed recombines it verbatim would make every article a
    near-duplicate of many others, which no real site looks like. So each sentence has VARIANTS
    versions with most nouns and every number swapped (bench/crawl.py's Varier, as its site does),
    each analysed once by the real path; a corpus article takes one variant of each of its
    sentences, and its signature is the element-wise minimum of theirs, the MinHash of the union
    of their shingles. What survives the swaps (verbs, endings, unswapped nouns) is shared by
    every article that has the sentence: common bands whose postings grow with the corpus.
    """

    def __init__(self, varier: crawl.Varier) -> None:
        rng = random.Random(20251202)
        # each variant: its shingle count, its minima, and the band key of each minimum
        self.variants: dict[str, list[tuple[int, tuple[int, ...], list[int]]]] = {}
        for text, tokens in varier.sentences:
            signed = []
            for _ in range(VARIANTS):
                sig = signature(content_forms(analyse(varier._vary(text, tokens, rng)).morphemes()))
                if sig.mins:
                    signed.append((sig.size, sig.mins, bands(sig)))
            if signed:
                self.variants[text] = signed

    def sign(self, article_id: int, body: str) -> tuple[Signature, list[int]]:
        """The article's signature and band keys (ROWS = 1: a band is its position and one minimum)."""
        rng = random.Random(article_id)
        chosen = [rng.choice(self.variants[line]) for line in body.split("\n") if line in self.variants]
        if not chosen:
            return Signature(0, ()), []
        stacked = numpy.array([m for _, m, _ in chosen], dtype=numpy.int64)
        which = stacked.argmin(axis=0)
        mins = stacked[which, numpy.arange(NUM_PERM)]
        keys = [chosen[v][2][i] for i, v in enumerate(which.tolist())]
        return Signature(sum(size for size, _, _ in chosen), tuple(mins.tolist())), keys

    def batch(self, rows: list[search_speed.Built]) -> list[search_speed.Signed]:
        """(article id, signature JSON, band keys) for each of search_speed's built articles."""
        out = []
        for row in rows:
            article = row[1]
            sig, keys = self.sign(article[0], article[6])
            out.append((article[0], json.dumps(sig.to_json()), keys))
        return out


def build_sqlite(path: Path, size: int, pool: search_speed.Pool, signer: Signer) -> float:
    """search_speed's corpus with each article's signature and bands; seconds for all of it."""
    return search_speed.build(path, size, pool, signer.batch)


def build_postgres(url: str, size: int, pool: search_speed.Pool, signer: Signer) -> float:
    """The same in PostgreSQL (COPY, indexes after the load); seconds for all of it."""
    return search_speed.build_postgres(url, size, pool, signer.batch)


# pages --------------------------------------------------------------------------------------------


def pages(varier: crawl.Varier, count: int, prefix: str, seed: int) -> list[tuple[str, bytes]]:
    """Ministry-style article pages of 6–10 pool sentences, varied afresh (none is in the corpus)."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        body = varier.article(rng)
        title = body[0][:40].rstrip(". ")
        published = f"2026.{1 + n % 12:02d}.{1 + n % 28:02d}. 오후 {1 + n % 11}:{n % 60:02d}"
        name = f"{title} ({prefix}{n})"
        raw = article_html(name, body, published, layout="government", department="정책과")
        out.append((f"https://growth.example.org/{prefix}/{n:05d}.html", raw))
    return out


def ingest_turns(urls: Sequence[str], batch: Sequence[tuple[str, bytes]]) -> list[tuple[float, float]]:
    """ms/page for the whole per-page path over `batch` into each of `urls`, page by page in turns
    (so the shared machine's changing load weighs on every size alike): wall time, and this
    process's CPU time (ingest runs in one thread; CPU moves far less with the load than wall)."""
    dbs = [Database(url) for url in urls]
    wall, cpu = [0.0] * len(dbs), [0.0] * len(dbs)
    try:
        for page_url, raw in batch:
            for i, db in enumerate(dbs):
                started, used = time.perf_counter(), time.process_time()
                outcome = ingest(db, raw, Origin(page_url, "growth", "행정"))
                wall[i] += time.perf_counter() - started
                cpu[i] += time.process_time() - used
                if outcome.status != "new":
                    raise SystemExit(f"{page_url}: {outcome.status} {outcome.error or ''}")
        return [(w * 1000 / len(batch), c * 1000 / len(batch)) for w, c in zip(wall, cpu, strict=True)]
    finally:
        for db in dbs:
            db.dispose()


def stages(url: str, batch: Sequence[tuple[str, bytes]]) -> list[tuple[str, float]]:
    """bench/crawl.py's stage split: a clock around each stage's call, as there."""
    db = Database(url)
    spent = dict.fromkeys((name for _, name in crawl.STAGES), 0.0)
    started = time.perf_counter()
    with crawl.timed(spent):
        for page_url, raw in batch:
            ingest(db, raw, Origin(page_url, "growth", "행정"))
    total = (time.perf_counter() - started) * 1000 / len(batch)
    db.dispose()
    rows = [(label, spent[name] * 1000 / len(batch)) for label, name in crawl.STAGES]
    rest = max(total - sum(ms for _, ms in rows), 0.0)
    rows.append(("rest of the transaction (pages, articles, commit)", rest))
    return rows


# runs ---------------------------------------------------------------------------------------------


@dataclass
class Result:
    engine: str
    size: int
    build_s: float
    ms_page: float
    cpu_ms_page: float
    stages: list[tuple[str, float]]


def open_db(
    engine: str, size: int, pool: search_speed.Pool, signer: Signer, reuse: bool
) -> tuple[str, Callable[[], None]]:
    """The URL of a database holding `size` articles, and what deletes it."""
    if engine == "sqlite":
        search_speed.OUT.mkdir(parents=True, exist_ok=True)
        path = search_speed.OUT / f"growth-{size}.db"
        if reuse and path.exists():
            print(f"  sqlite {size:,}: reusing {path}", file=sys.stderr)
            return f"sqlite:///{path}", lambda: None
        build = build_sqlite(path, size, pool, signer)
        print(f"  sqlite {size:,}: signatures and bands in {build:.0f} s", file=sys.stderr)
        return f"sqlite:///{path}", lambda: [p.unlink() for p in path.parent.glob(path.name + "*")]
    name, url = create_postgres_database()
    try:
        build = build_postgres(url, size, pool, signer)
    except BaseException:
        drop_postgres_database(name)
        raise
    print(f"  postgresql {size:,}: built in {build:.0f} s", file=sys.stderr)
    return url, lambda: drop_postgres_database(name)


def measure(
    engine: str, sizes: Sequence[int], pool: search_speed.Pool, signer: Signer,
    timed: list[tuple[str, bytes]], sampled: list[tuple[str, bytes]], warmup: list[tuple[str, bytes]],
    keep: bool = False, reuse: bool = False,
) -> list[Result]:  # fmt: skip
    """Every size's database made first, then the same pages into each in turns; `keep` and
    `reuse` apply to the largest."""
    opened: list[tuple[int, str, Callable[[], None], float]] = []
    try:
        for size in sizes:
            started = time.perf_counter()
            url, cleanup = open_db(engine, size, pool, signer, reuse and size == sizes[-1])
            opened.append((size, url, cleanup, time.perf_counter() - started))
        urls = [url for _, url, _, _ in opened]
        ingest_turns(urls, warmup)
        rates = ingest_turns(urls, timed)
        splits = [stages(url, sampled) for url in urls]
    finally:
        for size, url, cleanup, _ in opened:
            if keep and size == sizes[-1]:
                # a million-article corpus takes most of an hour to build: bench/search_speed.py
                # --database can search it next (it then also holds the pages ingested here)
                print(f"  kept: {url}", file=sys.stderr, flush=True)
            else:
                cleanup()
    results = []
    for (size, _, _, build_s), (ms, cpu_ms), split in zip(opened, rates, splits, strict=True):
        print(f"  {engine} {size:,}: {ms:.1f} ms/page ({cpu_ms:.1f} of CPU)", file=sys.stderr, flush=True)
        results.append(Result(engine, size, build_s, ms, cpu_ms, split))
    return results


def report(results: list[Result], n: int, sample: int, quick: bool) -> None:
    label = " (--quick)" if quick else ""
    print(f"\ningest growth{label}: the same {n} pages into databases that already hold each size\n")
    print("| engine | articles before | ms/page | vs smallest | CPU ms/page | vs smallest | build s |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for engine in dict.fromkeys(r.engine for r in results):
        rows = [r for r in results if r.engine == engine]
        base, cpu = rows[0].ms_page, rows[0].cpu_ms_page
        for r in rows:
            print(f"| {engine} | {r.size:,} | {r.ms_page:.1f} | {r.ms_page / base:.2f}× "
                  f"| {r.cpu_ms_page:.1f} "
                  f"| {r.cpu_ms_page / cpu:.2f}× | {r.build_s:.0f} |")  # fmt: skip
        worst = rows[-1].ms_page / base
        verdict = "met" if worst <= TARGET else "not met"
        print(f"| {engine} | largest / smallest | | {worst:.2f}× | | {rows[-1].cpu_ms_page / cpu:.2f}× "
              f"| target ≤ {TARGET}× (wall): {verdict} |")  # fmt: skip
    print(f"\nwhere the time goes: ms/page over {sample} more pages (a clock around each stage)\n")
    head = [f"{r.engine} {r.size:,}" for r in results]
    print("| stage | " + " | ".join(head) + " |")
    print("|---|" + "--:|" * len(head))
    for i, (name, _) in enumerate(results[0].stages):
        print(f"| {name} | " + " | ".join(f"{r.stages[i][1]:.1f}" for r in results) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, help="pages ingested into each database (default 500)")
    parser.add_argument("--sizes", help="articles stored before (default 10000,100000,1000000)")
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--sample", type=int, help="pages timed stage by stage (default 50)")
    parser.add_argument("--quick", action="store_true", help="100 pages, 10k and 100k, 25 sampled")
    parser.add_argument("--keep", action="store_true", help="keep the largest size's databases; print where")
    parser.add_argument("--reuse", action="store_true", help="SQLite: measure the kept largest as is")
    parser.add_argument("--seed", type=int, default=0, help="other pages (and URLs) for a reused database")
    args = parser.parse_args(argv)
    n = args.pages or (100 if args.quick else 500)
    sample = args.sample or (25 if args.quick else 50)
    default_sizes = "10000,100000" if args.quick else "10000,100000,1000000"
    sizes = sorted(int(s) for s in (args.sizes or default_sizes).split(","))
    engines = ("sqlite", "postgresql") if args.engine == "both" else (args.engine,)
    warm()
    pool = search_speed.sentence_pool()
    varier = crawl.Varier([p.text for p in pool.sentences])
    signer = Signer(varier)
    run = f"r{args.seed}" if args.seed else ""  # seed 0: the pages every earlier run measured
    timed = pages(varier, n, run + "t", 1 + 3 * args.seed)
    sampled = pages(varier, sample, run + "s", 2 + 3 * args.seed)
    warmup = pages(varier, WARMUP, run + "w", 3 + 3 * args.seed)
    results = []
    for engine in engines:
        results += measure(engine, sizes, pool, signer, timed, sampled, warmup, args.keep, args.reuse)
    report(results, n, sample, args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
