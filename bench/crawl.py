"""Crawl throughput: the whole path against Scrapy's own fetch-only rate, same loopback site.

usage: python bench/crawl.py [--pages N] [--sample N] [--profile single|up]

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
import cProfile
import pstats
import random
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `tests.support` is a package there

from crawler.job import Job, Mode, run_child  # noqa: E402
from ingest.pipeline import Origin, ingest  # noqa: E402
from nlp.analyse import kiwi, warm  # noqa: E402
from store.db import Database  # noqa: E402
from tests.support.pages import article_html  # noqa: E402
from tests.support.site import Site, chunks, news_sitemap, sitemap_index  # noqa: E402

SAMPLES = ROOT / "newsdesk" / "samples"
PER_SITEMAP = 500
NOUNS = ("NNG", "NNP")
NOUN_SWAP = 0.9
TARGET_RATIO = 0.5
UP_TARGET = 0.35  # issue 17: `newsdesk up`, a worker with 2 children
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


def build_site(site: Site, base: str, count: int, sentences: list[str]) -> list[str]:
    """`count` articles of 6–10 recombined sentences, listed by a sitemap index; their paths."""
    rng = random.Random(20251205)
    varier = Varier(sentences)
    paths = [f"/news/{n:05d}.html" for n in range(count)]
    for n, path in enumerate(paths):
        body = varier.article(rng)
        title = re.sub(r"(?:고|다고|라고)?\s*\S*\s*밝혔다\.$|\.$", "", body[0])[:40]
        published = f"2025.{1 + n % 12:02d}.{1 + n % 28:02d}. 오후 {1 + n % 11}:{n % 60:02d}"
        site.add(
            path,
            article_html(f"{title} ({n})", body, published, layout="government", department="정책과"),
        )
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


STAGES = (  # (label, module file, function): parts of ingest timed by the profiler
    ("extract (decode, trafilatura, Korean clean-up)", "nlp/extract.py", "extract_page"),
    ("analyse: Kiwi pass, summary, keywords, signature", "nlp/digest.py", "digest"),
    ("search index (FTS rows)", "search/articles.py", "index_document"),
    ("stories (near-duplicate lookup)", "ingest/stories.py", "assign_story"),
    ("draft", "ingest/drafts.py", "upsert_draft"),
)


def stage_times(site: Site, paths: list[str], folder: Path, whole_db: Path) -> list[tuple[str, float]]:
    """ms/page per stage of ingest for `paths`, stored into a copy of the crawled database.

    The copy holds the whole site already, so costs that grow with the database show as they
    do at the end of the crawl. cProfile splits the time; its overhead inflates all rows alike.
    """
    warm()
    copy = folder / "stages.db"
    for suffix in ("", "-wal"):
        if Path(f"{whole_db}{suffix}").exists():
            shutil.copyfile(f"{whole_db}{suffix}", f"{copy}{suffix}")
    db = Database(f"sqlite:///{copy}")
    pages = [(site.url(p) + "?copy=1", site.pages[p].body) for p in paths]
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for url, raw in pages:
        ingest(db, raw, Origin(url, "bench", "행정"))
    profiler.disable()
    total = (time.perf_counter() - start) * 1000 / len(pages)
    db.dispose()
    timings = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = [(label, _cumulative(timings, file, func) * 1000 / len(pages)) for label, file, func in STAGES]
    rows.append(
        ("rest of the transaction (pages, articles, commit)", max(total - sum(ms for _, ms in rows), 0.0))
    )
    return rows


def _cumulative(timings: dict[Any, Any], file: str, func: str) -> float:
    """Cumulative seconds of `func` defined in a file ending with `file`."""
    return float(
        sum(v[3] for (path, _line, name), v in timings.items() if name == func and path.endswith(file))
    )


def report(count: int, fetch: Run, whole: Run, stages: list[tuple[str, float]], sample: int) -> None:
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
    rows = [
        ("fetch + parse (Scrapy, from the fetch-only rate)", 1000 / fetch.rate if fetch.rate else 0.0),
        *stages,
    ]
    total = sum(ms for _, ms in rows)
    print(
        f"where the time goes: ms per page, {sample} more pages ingested into the crawled database"
        " (cProfile)\n"
    )
    print("| stage                                              | ms/page | share |")
    print("|----------------------------------------------------|--------:|------:|")
    for name, ms in rows:
        print(f"| {name:<50} | {ms:7.1f} | {ms / total:5.0%} |")
    average = 1000 / whole.rate if whole.rate else 0.0
    print(f"\nwhole path as crawled: {average:.1f} ms/page on average; fetching overlaps one ingest thread,")
    print("so the ingest stages' ms/page bound the whole path's rate.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=2000, help="article pages on the site (default 2000)")
    parser.add_argument("--sample", type=int, default=100, help="pages timed stage by stage (default 100)")
    parser.add_argument("--profile", choices=("single", "up"), default="single",
                        help="up: also crawl through `newsdesk up` (bench/crawl_up.py)")  # fmt: skip
    args = parser.parse_args(argv)
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
            stages = stage_times(site, paths[: args.sample], folder, folder / "whole.db")
            if args.profile == "up":
                from crawl_up import run_up  # bench/crawl_up.py, beside this file

                up = run_up(sources, folder, args.pages)
    finally:
        site.stop()
    report(args.pages, fetch, whole, stages, min(args.sample, args.pages))
    if up is not None:
        from crawl_up import report_up

        report_up(up, fetch.rate, whole.rate, UP_TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
