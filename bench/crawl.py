"""Crawl throughput: the whole path against Scrapy's own fetch-only rate, same loopback site.

usage: python bench/crawl.py [--pages N] [--sample N] [--profile single|up] [--clock wall|cpu]

Serves a site of N article pages (default 2,000; Korean sentences from newsdesk/samples
recombined) behind a news sitemap on 127.0.0.1, politeness off (no delay, no AutoThrottle,
16 requests per host), and runs the same sitemap spider twice in its own process:

- fetch-only: Scrapy fetches every article and drops it (no pipeline, no database);
- whole path: fetch → extract → analyse → store → index (and draft) into a fresh SQLite file.

Both rates use Scrapy's elapsed time (spider open to close), so process start-up is left out.
With `--profile up` the site is also crawled through `newsdesk up` (bench/crawl_up.py), its
articles/s printed beside the single-process figure, with the CPU each process used.
Then, in this process, a sample of the pages goes through each stage alone to show where the
time goes.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `tests.support` is a package there

from crawler.job import Job, Mode, run_child  # noqa: E402
from ingest import pipeline  # noqa: E402
from ingest.batch import Batch  # noqa: E402
from ingest.pipeline import Origin, Outcome, ingest, ingest_within  # noqa: E402
from nlp.analyse import kiwi, warm  # noqa: E402
from store.db import Database  # noqa: E402
from tests.support.pages import article_html  # noqa: E402
from tests.support.site import Site, chunks, news_sitemap, sitemap_index  # noqa: E402

SAMPLES = ROOT / "newsdesk" / "samples"
PER_SITEMAP = 500
NOUNS = ("NNG", "NNP")
NOUN_SWAP = 0.9
TARGET_RATIO = 0.5
FLOOR = ("extract", "analyse")  # the stages every page needs whatever is stored: the floor
TARGET_OVERHEAD_MS = 5.0
TARGET_FLOOR_RATIO = 1.3
UP_TARGET = 0.35  # issue 17: `newsdesk up`, a worker with 2 children
CLOCKS = {"wall": time.perf_counter, "cpu": time.thread_time}  # the stage table's clock (--clock)
stage_clock = time.perf_counter
SOURCES = """
[crawler]
contact = "bench@example.org"
download_timeout = 30
max_bytes = 10485760
retry_times = 0
backoff = 0
revisit_hours = 0
concurrency_per_host = 16
autothrottle = false

[[source]]
name = "bench"
kind = "sitemap"
start_urls = ["{base}/sitemaps/index.xml"]
allowed_domains = ["127.0.0.1"]
category = "행정"
schedule = "0 * * * *"
max_pages = 100
delay = 0
"""


@dataclass(frozen=True, slots=True)
class Run:
    """One crawl: pages handled, Scrapy's elapsed seconds, wall seconds with process start-up."""

    pages: int
    elapsed: float
    wall: float

    @property
    def rate(self) -> float:
        return self.pages / self.elapsed if self.elapsed else 0.0


def sample_sentences() -> list[str]:
    """Sentences of the shipped sample articles (each ends in 다.)."""
    found: list[str] = []
    for path in sorted(SAMPLES.glob("*.html")):
        for element in html.fromstring(path.read_bytes()).iter("p", "li"):
            text = " ".join(element.text_content().split())
            found += [s for s in re.split(r"(?<=다\.)\s+", text) if s.endswith("다.") and 20 <= len(s) <= 160]
    return list(dict.fromkeys(found))


class Varier:
    """Swaps nouns and numbers in sample sentences, so recombined articles are distinct texts.

    Sentences recombined as they are would make every article a near-duplicate of every
    other, which no real site looks like (and which the story clustering would rightly merge).
    """

    def __init__(self, sentences: list[str]) -> None:
        analyser = kiwi()
        self.sentences = [(s, [(t.start, t.len, t.tag) for t in analyser.tokenize(s)]) for s in sentences]
        self.nouns = sorted(
            {
                s[t0 : t0 + n]
                for s, tokens in self.sentences
                for t0, n, tag in tokens
                if tag in NOUNS and n >= 2
            }
        )

    def article(self, rng: random.Random) -> list[str]:
        """6–10 sample sentences with most nouns and every number swapped."""
        return [self._vary(s, tokens, rng) for s, tokens in rng.sample(self.sentences, rng.randint(6, 10))]

    def _vary(self, sentence: str, tokens: list[tuple[int, int, str]], rng: random.Random) -> str:
        parts, last = [], 0
        for start, length, tag in tokens:
            if tag in NOUNS and length >= 2 and rng.random() < NOUN_SWAP:
                word = rng.choice(self.nouns)
            elif tag == "SN":
                word = str(rng.randint(2, 99))
            else:
                continue
            parts += [sentence[last:start], word]
            last = start + length
        return "".join([*parts, sentence[last:]])


def articles(count: int, sentences: list[str], rng: random.Random, first: int = 0) -> list[bytes]:
    """`count` article pages of 6–10 recombined sentences, numbered from `first`."""
    varier = Varier(sentences)
    pages = []
    for n in range(first, first + count):
        body = varier.article(rng)
        title = re.sub(r"(?:고|다고|라고)?\s*\S*\s*밝혔다\.$|\.$", "", body[0])[:40]
        published = f"2025.{1 + n % 12:02d}.{1 + n % 28:02d}. 오후 {1 + n % 11}:{n % 60:02d}"
        pages.append(
            article_html(f"{title} ({n})", body, published, layout="government", department="정책과")
        )
    return pages


def build_site(site: Site, base: str, count: int, sentences: list[str]) -> list[str]:
    """`count` articles of 6–10 recombined sentences, listed by a sitemap index; their paths."""
    paths = [f"/news/{n:05d}.html" for n in range(count)]
    for path, page in zip(paths, articles(count, sentences, random.Random(20251205)), strict=True):
        site.add(path, page)
    maps = []
    for i, group in enumerate(chunks(paths, PER_SITEMAP)):
        site.add(
            f"/sitemaps/news-{i}.xml", news_sitemap([(base + p, "2025-05-03T15:12:00+09:00") for p in group])
        )
        maps.append(f"{base}/sitemaps/news-{i}.xml")
    site.add("/sitemaps/index.xml", sitemap_index(maps))
    site.add("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    return paths


def crawl(mode: Mode, sources: Path, database: str, logs: Path) -> Run:
    """One run of the bench source in a child process."""
    pages = 0

    def count(event: dict[str, Any]) -> None:
        nonlocal pages
        pages += event.get("event") == "page" and event.get("status") in ("new", "changed", "unchanged")

    start = time.perf_counter()
    done = run_child(Job(mode, str(sources), "bench", database), count, logs / f"{mode}.log")
    wall = time.perf_counter() - start
    return Run(pages if mode == "crawl" else int(done["articles"]), float(done["elapsed"] or wall), wall)


STAGES = (  # (label, function ingest.pipeline calls): parts of ingest timed on their own
    ("extract (decode, trafilatura, Korean clean-up)", "extract_page"),
    ("analyse: Kiwi pass, summary, keywords, signature", "digest"),
    ("search index (FTS rows)", "index_document"),
    ("stories (near-duplicate lookup)", "assign_story"),
    ("draft", "upsert_draft"),
)


@dataclass(frozen=True, slots=True)
class Sample:
    """ms/page per stage of one sample of pages, batched; and the same pages a transaction each."""

    stages: list[tuple[str, float]]
    alone: float

    @property
    def floor(self) -> float:
        return sum(ms for name, ms in self.stages if name.startswith(FLOOR))

    @property
    def overhead(self) -> float:
        return sum(ms for name, ms in self.stages if not name.startswith(FLOOR))


def stage_times(pages: list[tuple[str, bytes]], folder: Path, whole_db: Path) -> Sample:
    """ms/page per stage of ingest for `pages` (url, body), stored batched into a copy of the crawled
    database; and, the peer, ms/page for the same pages stored a transaction each into another copy,
    in turns.

    The copy holds the whole site already, so costs that grow with the database show as they
    do at the end of the crawl. Each stage is timed by a clock around its call (cProfile, used
    before, inflated the ORM's thousands of small calls several times more than Kiwi's one call
    into C, so it overstated the overhead beyond the floor); a stage's autoflush counts to it.
    With ``--clock cpu`` the clock is this thread's CPU time (the ingest runs in this thread, SQLite
    too), which the other processes of a shared machine move far less than wall time.
    """
    warm()
    alone = _copy(whole_db, folder / "alone.db")
    db = _copy(whole_db, folder / "stages.db")
    outcomes: list[Outcome] = []
    batch: Batch[tuple[bytes, Origin]] = Batch(
        db, lambda session, page: ingest_within(session, *page), lambda page: ingest(db, *page)
    )
    spent: dict[str, float] = dict.fromkeys((name for _, name in STAGES), 0.0)
    seconds = {"alone": 0.0, "batched": 0.0}
    # page by page in turns, so the shared machine's changing load weighs on both paths alike
    with timed(spent) as clock:
        for url, raw in pages:
            clock.on = False
            start = stage_clock()
            ingest(alone, raw, Origin(url, "bench", "행정"))
            seconds["alone"] += stage_clock() - start
            clock.on = True
            start = stage_clock()
            batch.add((raw, Origin(url, "bench", "행정")), outcomes.append)  # as the crawl batches
            seconds["batched"] += stage_clock() - start
        start = stage_clock()
        batch.commit()
        seconds["batched"] += stage_clock() - start
    alone.dispose()
    db.dispose()
    if {o.status for o in outcomes} != {"new"}:
        raise SystemExit(
            f"the stage sample was not stored as new articles: {[o.error for o in outcomes][:3]}"
        )
    total, per_page = (seconds[k] * 1000 / len(pages) for k in ("batched", "alone"))
    rows = [(label, spent[name] * 1000 / len(pages)) for label, name in STAGES]
    rows.append(
        ("rest of the transaction (pages, articles, commit)", max(total - sum(ms for _, ms in rows), 0.0))
    )
    return Sample(rows, per_page)


def _copy(whole_db: Path, copy: Path) -> Database:
    """A copy of the crawled database, opened."""
    for suffix in ("", "-wal"):
        if Path(f"{whole_db}{suffix}").exists():
            shutil.copyfile(f"{whole_db}{suffix}", f"{copy}{suffix}")
    return Database(f"sqlite:///{copy}")


class _Clock:
    """Whether `_timed` counts now."""

    on = True


@contextmanager
def timed(spent: dict[str, float]) -> Iterator[_Clock]:
    """Add the seconds each of `spent`'s functions takes, as ingest.pipeline calls it, into `spent`
    (while the clock is on)."""
    originals = {name: getattr(pipeline, name) for name in spent}
    clock = _Clock()

    def clocked(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = stage_clock()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += (stage_clock() - start) if clock.on else 0.0

        return run

    for name, function in originals.items():
        setattr(pipeline, name, clocked(name, function))
    try:
        yield clock
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)


def report(
    count: int, fetch: Run, whole: Run, new: Sample, copies: Sample, sample: int, clock: str = "wall"
) -> None:
    ratio = whole.rate / fetch.rate if fetch.rate else 0.0
    print(
        f"crawl benchmark: {count} article pages on 127.0.0.1, politeness off (no delay, no AutoThrottle)\n"
    )
    print("| run                                             | pages | seconds | pages/s | wall s |")
    print("|-------------------------------------------------|------:|--------:|--------:|-------:|")
    for name, run in (("Scrapy fetch-only (same spider, nothing stored)", fetch),
                      ("whole path: fetch→extract→analyse→store→index", whole)):  # fmt: skip
        print(f"| {name:<47} | {run.pages:5d} | {run.elapsed:7.1f} | {run.rate:7.1f} | {run.wall:6.1f} |")
    verdict = "met" if ratio >= TARGET_RATIO else "not met; where the time goes is below"
    print(f"\nratio whole / fetch-only: {ratio:.3f} (target ≥ {TARGET_RATIO}: {verdict})\n")
    fetch_ms = 1000 / fetch.rate if fetch.rate else 0.0
    print(
        f"where the time goes ({clock} time): ms per page, {sample} more pages ingested into the crawled"
        " database: new articles (as the crawl's pages are), and copies of crawled ones under new URLs (each"
        " joins a story: the near-duplicate match, the story, its coverage and draft)\n"
    )
    print(
        "| stage                                              | new article | share | joins a story | share |"
    )
    print(
        "|----------------------------------------------------|------------:|------:|--------------:|------:|"
    )
    new_total, copy_total = fetch_ms + new.floor + new.overhead, fetch_ms + copies.floor + copies.overhead
    fetching = ("fetch + parse (Scrapy, from the fetch-only rate)", fetch_ms)
    for (name, ms), (_, joined) in zip([fetching, *new.stages], [fetching, *copies.stages], strict=True):
        shares = f"{ms / new_total:5.0%} | {joined:13.1f} | {joined / copy_total:5.0%}"
        print(f"| {name:<50} | {ms:11.1f} | {shares} |")
    for label, part in (("new articles", new), ("copies joining a story", copies)):
        ratio = (part.floor + part.overhead) / part.floor if part.floor else 0.0
        print(
            f"\n{label}: overhead beyond the floor (index, stories, draft, rest) {part.overhead:.1f} ms/page"
            f" (target ≤ {TARGET_OVERHEAD_MS:.0f}: {_met(part.overhead <= TARGET_OVERHEAD_MS)});"
            f" ingest / floor (extract + analyse, {part.floor:.1f} ms): {ratio:.2f}×"
            f" (target ≤ {TARGET_FLOOR_RATIO}: {_met(ratio <= TARGET_FLOOR_RATIO)})"
        )
        batched = part.floor + part.overhead
        print(
            f"  the same pages a transaction each: {part.alone:.1f} ms/page;"
            f" batched: {batched:.1f} ms/page ({batched / part.alone if part.alone else 0.0:.2f}×)"
        )
    average = 1000 / whole.rate if whole.rate else 0.0
    print(f"\nwhole path as crawled: {average:.1f} ms/page on average; fetching overlaps one ingest thread,")
    print("so the ingest stages' ms/page bound the whole path's rate.")


def _met(met: bool) -> str:
    return "met" if met else "not met"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=2000, help="article pages on the site (default 2000)")
    parser.add_argument("--sample", type=int, default=100, help="pages timed stage by stage (default 100)")
    parser.add_argument("--profile", choices=("single", "up"), default="single",
                        help="up: also crawl through `newsdesk up` (bench/crawl_up.py)")  # fmt: skip
    parser.add_argument("--clock", choices=tuple(CLOCKS), default="wall",
                        help="the stage table's clock: wall time, or this thread's CPU time")  # fmt: skip
    args = parser.parse_args(argv)
    global stage_clock
    stage_clock = CLOCKS[args.clock]
    up = None
    site = Site()
    base = site.start()
    try:
        paths = build_site(site, base, args.pages, sample_sentences())
        with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
            folder = Path(tmp)
            sources = folder / "sources.toml"
            sources.write_text(SOURCES.format(base=base), encoding="utf-8")
            fetch = crawl("fetch", sources, f"sqlite:///{folder / 'fetch.db'}", folder)
            whole = crawl("crawl", sources, f"sqlite:///{folder / 'whole.db'}", folder)
            sentences = sample_sentences()
            unseen = articles(args.sample, sentences, random.Random(20261202), first=args.pages)
            new = stage_times(
                [(f"{base}/news/new-{n}.html", page) for n, page in enumerate(unseen)],
                folder, folder / "whole.db",
            )  # fmt: skip
            copies = stage_times(
                [(site.url(p) + "?copy=1", site.pages[p].body) for p in paths[: args.sample]],
                folder, folder / "whole.db",
            )  # fmt: skip
            if args.profile == "up":
                from crawl_up import run_up  # bench/crawl_up.py, beside this file

                up = run_up(sources, folder, args.pages)
    finally:
        site.stop()
    report(args.pages, fetch, whole, new, copies, min(args.sample, args.pages), args.clock)
    if up is not None:
        from crawl_up import report_up

        report_up(up, fetch.rate, whole.rate, UP_TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
