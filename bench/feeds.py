"""What an Atom feed costs beside the search it wraps, and what a reader's revalidation costs.

usage: python bench/feeds.py [--articles 200] [--rounds 200] [--quick]

Corpus: the tests' written pages (tests.support.api.WRITTEN), each ingested again under many
URLs with a numbered sentence added (the real pipeline: extraction, Kiwi, summary, index), into
a SQLite file under a temporary folder. In-process through the ASGI app (no network): for the
same queries, `/search?sort=newest&size=50` (JSON), `/search.atom` (a 200 with the document)
and `/search.atom` with the ETag of the last answer (304, no body). Printed: the median time of
each, the ratio of the feed to the JSON search measured in this same run, and the bytes a
revalidating reader saves.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != HERE)]

import argparse  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from ingest.pipeline import Origin, ingest  # noqa: E402
from store.db import Database  # noqa: E402
from tests.support.api import WRITTEN, settings_for  # noqa: E402
from tests.support.pages import article_html  # noqa: E402

QUERIES = ("협력", "청년 일자리", "심야 버스", "재난 대응 점검", "등산로")


def build(folder: Path, articles: int) -> str:
    url = f"sqlite:///{folder / 'feeds.db'}"
    db = Database(url)
    try:
        for n in range(articles):
            page = WRITTEN[n % len(WRITTEN)]
            day = 1 + n % 28
            text = [*page.paragraphs, f"이번 발표는 {n + 1}번째 후속 안내로, 세부 일정은 추후 공지한다."]
            raw = article_html(page.title, text, published=f"2025-11-{day:02d}T{n % 24:02d}:00:00+09:00")
            key = f"{page.url}{'&' if '?' in page.url else '?'}n={n}"
            ingest(db, raw, Origin(key, page.source))
    finally:
        db.dispose()
    return url


def median_ms(call: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="60 articles, 30 rounds")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.rounds = 60, 30
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-feeds-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        url = build(folder, args.articles)
        print(f"corpus: {args.articles} articles ingested in {time.perf_counter() - started:.1f} s")
        db = Database(url)
        app = create_app(settings_for(folder, url), db)
        with TestClient(app) as client:
            print(f"{'query':<14} {'search ms':>9} {'feed ms':>8} {'304 ms':>7} {'feed/search':>11} "
                  f"{'entries':>7} {'feed bytes':>10}")  # fmt: skip
            ratios = []
            for q in QUERIES:
                params = {"q": q, "sort": "newest", "size": 50}
                feed = client.get("/search.atom", params={"q": q})
                assert feed.status_code == 200, feed.text
                etag = {"If-None-Match": feed.headers["etag"]}
                search_ms = median_ms(lambda p=params: client.get("/search", params=p), args.rounds)
                feed_ms = median_ms(lambda q=q: client.get("/search.atom", params={"q": q}), args.rounds)
                again = client.get("/search.atom", params={"q": q}, headers=etag)
                assert again.status_code == 304 and not again.content
                not_modified_ms = median_ms(
                    lambda q=q, h=etag: client.get("/search.atom", params={"q": q}, headers=h), args.rounds
                )
                ratios.append(feed_ms / search_ms)
                entries = feed.text.count("<entry>")
                print(f"{q:<14} {search_ms:>9.2f} {feed_ms:>8.2f} {not_modified_ms:>7.2f} "
                      f"{feed_ms / search_ms:>11.2f} {entries:>7} {len(feed.content):>10}")  # fmt: skip
            print(f"median feed/search time: {statistics.median(ratios):.2f} "
                  "(the feed runs the same search, then loads and serialises up to 50 articles)")  # fmt: skip
        db.dispose()


if __name__ == "__main__":
    main()
