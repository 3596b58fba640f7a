"""The task queue's cost: the same stored pages through Celery on each profile, against a loop.

    python bench/queues.py [--pages 2000] [--concurrency 2] [--profiles filesystem,redis,rabbitmq]

Each profile gets the same generated Korean pages (the samples' sentences recombined), stored
fresh, then processed by one `newsdesk worker` with `--concurrency` children; the baseline is
`process_stored` in a loop in this process on the same kind of database. Prints articles per
second, the ratio to the loop, and the worker's memory (PSS summed over parent and children,
so Kiwi's pages shared across the fork count once). Profiles whose servers are unreachable are
skipped with a line. PostgreSQL databases and broker queues made here are removed at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# the generated pages, worker processes and broker targets are shared with the tests
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `tests.support` is a package there

from ingest.pipeline import process_stored
from newsdesk.settings import Settings
from nlp.analyse import warm
from store.db import Database
from tests.support.postgres import create_postgres_database, drop_postgres_database
from tests.support.queue import (
    BrokerTarget,
    Memory,
    RawPage,
    amqp_target,
    delete_queue,
    generated_pages,
    missing,
    redis_target,
    run_profile,
    store_all,
    worker_env,
)

# profile → (database kind, server the broker needs)
PROFILES = {
    "filesystem": ("SQLite", None),
    "redis": ("PostgreSQL", "redis"),
    "rabbitmq": ("PostgreSQL", "rabbitmq"),
}


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    rate: float
    baseline: float | None = None
    memory: Memory | None = None

    def line(self) -> str:
        ratio = f"{self.rate / self.baseline:6.2f}x" if self.baseline else "   1.00x"
        memory = self.memory
        mib = f"{memory.pss / 2**20:7.0f} MiB in {memory.processes}" if memory else f"{'—':>11}"
        return f"{self.label:<34}{self.rate:10.1f}   {ratio}   {mib}"


@contextmanager
def database_url(kind: str, root: Path) -> Iterator[str]:
    """A fresh, empty database of the kind: a SQLite file under root, or a new PostgreSQL database."""
    if kind == "SQLite":
        yield f"sqlite:///{root / 'newsdesk.db'}"
        return
    name, url = create_postgres_database()
    try:
        yield url
    finally:
        drop_postgres_database(name)


@contextmanager
def broker(profile: str, root: Path) -> Iterator[BrokerTarget]:
    if profile == "filesystem":
        yield BrokerTarget(Settings.from_env(worker_env(root)).broker_url, "process")
        return
    target = redis_target() if profile == "redis" else amqp_target()
    try:
        yield target
    finally:
        delete_queue(target)


def in_process(kind: str, pages: Sequence[RawPage], root: Path) -> float:
    """Articles per second of `process_stored` in a loop, on a fresh database of the kind."""
    warm()
    with database_url(kind, root) as url:
        db = Database(url)
        ids = store_all(db, pages)
        started = time.perf_counter()
        for page_id in ids:
            process_stored(db, page_id)
        rate = len(ids) / (time.perf_counter() - started)
        db.dispose()
    return rate


def through_celery(profile: str, pages: Sequence[RawPage], root: Path, concurrency: int) -> Row:
    kind = PROFILES[profile][0]
    with database_url(kind, root) as url, broker(profile, root) as target:
        env = worker_env(root, url if kind != "SQLite" else None, target.url)
        db = Database(url)
        ids = store_all(db, pages)
        db.dispose()
        run = run_profile(env, target.queue, ids, root / "logs", concurrency=concurrency, timeout=3600)
    if run.states != {"processed": len(pages)}:
        raise SystemExit(f"{profile}: not every page was processed: {run.states}")
    return Row(f"{profile} + {kind} (Celery)", len(pages) / run.seconds, memory=run.memory[0])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--profiles", default="filesystem,redis,rabbitmq")
    args = parser.parse_args(argv)
    pages = generated_pages(args.pages)
    print(f"{args.pages} pages, {os.cpu_count()} CPUs; Celery: 1 worker × {args.concurrency} children, ")
    print("baseline: process_stored in a loop (one process) on the same database kind\n")
    print(f"{'':<34}{'articles/s':>10}   {'vs loop':>7}   worker memory (PSS, processes)")
    baselines: dict[str, float] = {}
    for profile in args.profiles.split(","):
        kind, server = PROFILES[profile]
        gone = missing("postgres", server) if server else []
        if gone:
            print(f"{profile}: skipped, not reachable: {', '.join(gone)}")
            continue
        with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
            if kind not in baselines:
                baselines[kind] = in_process(kind, pages, Path(tmp) / "loop")
                print(Row(f"in-process loop on {kind}", baselines[kind]).line())
            row = through_celery(profile, pages, Path(tmp) / profile, args.concurrency)
        print(Row(row.label, row.rate, baselines[kind], row.memory).line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
