"""Per-article cost: the whole path against a floor of trafilatura + one Kiwi pass, same pages.

usage: python bench/pipeline.py [--rounds N]

Floor: decode + trafilatura.extract + kiwi.tokenize over the extracted text.
Whole: newsdesk's ingest (extract + Korean clean-up → one analysis → summary, excerpt,
keywords, category, signature → store → index → draft) into a fresh SQLite file.
Pages: the shipped samples, plus ../shared/eval/pages when present.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import trafilatura

from ingest.pipeline import Origin, ingest
from nlp.analyse import kiwi
from nlp.decode import decode_html
from store.db import Database

EVAL_PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "pages"


def pages() -> list[bytes]:
    out = [
        resources.files("newsdesk").joinpath("samples", p.name).read_bytes()
        for p in resources.files("newsdesk").joinpath("samples").iterdir()
        if p.name.endswith(".html")
    ]
    if EVAL_PAGES.is_dir():
        out += [p.read_bytes() for p in sorted(EVAL_PAGES.glob("*.html"))]
    else:
        print(f"note: {EVAL_PAGES} absent, samples only")
    return out


def floor(raw: bytes) -> None:
    text, _ = decode_html(raw)
    body = trafilatura.extract(text) or ""
    kiwi().tokenize(body)


def timed(fn: Callable[[], None], rounds: int) -> float:
    """Median seconds of `rounds` runs."""
    runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    corpus = pages()
    kiwi().tokenize("준비 운동")
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{folder}/bench.db")
        counter = iter(range(10**9))

        def whole() -> None:
            for raw in corpus:
                ingest(db, raw, Origin(url=f"https://bench.example.com/a/{next(counter)}"))

        base = timed(lambda: [floor(raw) for raw in corpus] and None, args.rounds)
        full = timed(whole, args.rounds)
    n = len(corpus)
    print(f"{n} pages, median of {args.rounds} rounds, single process")
    print(f"{'path':<44} {'ms/page':>8} {'pages/s':>8}")
    print(f"{'floor: trafilatura + one Kiwi pass':<44} {1000 * base / n:8.1f} {n / base:8.1f}")
    print(f"{'whole: extract → analyse → store → index':<44} {1000 * full / n:8.1f} {n / full:8.1f}")
    print(f"ratio whole / floor: {full / base:.2f}x (target ≤ 1.5x)")


if __name__ == "__main__":
    main()
