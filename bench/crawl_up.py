"""`bench/crawl.py --profile up`: the same loopback site crawled through `newsdesk up`.

`newsdesk up` starts the API, a processing worker with 2 children, a crawl worker and beat on a
fresh data folder; the bench then sends the source's `newsdesk.crawl` message, as beat does when
the schedule fires, and times until every page is processed (polling the database). The crawl
worker's child runs the crawl task, whose crawl child process stores raw pages and hands each to
the `process` queue; the processing worker's children process them. While it runs, the bench
samples each process's CPU time from /proc, so the table shows where the two cores went: the
crawl child, the worker's children, the crawl worker, the API, beat.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from celery import Celery
from sqlalchemy import func, select

from newsdesk.settings import Settings
from store.db import Database
from store.models import Page
from tests.support.queue import ROOT, descendants, memory_of, state_counts, wait_until, worker_env
from worker.celery_app import configure

CONCURRENCY = 2
TICK = os.sysconf("SC_CLK_TCK")
POLL_SECONDS = 0.25
ROLES = ("crawl child (Scrapy, stores raw pages)", "worker children (process)",
         "worker parent (Celery consumer)", "API (newsdesk serve)", "beat", "newsdesk up",
         "crawl worker (consumer, and the child waiting on the crawl)")  # fmt: skip


@dataclass(slots=True)
class UpRun:
    """What `newsdesk up` made of the site: articles, seconds to the last, CPU seconds per role."""

    articles: int
    seconds: float
    crawl_seconds: float  # until the crawl child exited: the fetching, with processing beside it
    waits: tuple[float, float]  # a page's seconds from stored to processed: mean, max
    cpu: dict[str, float] = field(default_factory=dict)
    memory_mib: float = 0.0  # the worker: PSS of parent and children at the end

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _up(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`newsdesk up` in its own process group, stopped as Ctrl-C stops it, then killed if it lingers."""
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "up", "--concurrency", str(CONCURRENCY)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT,
        )  # fmt: skip
    try:
        yield process
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _words(pid: int) -> list[str]:
    return [w.decode(errors="replace") for w in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")]


def _role(pid: int, up: int, worker: int | None, crawl_worker: int | None) -> str:
    """Which part of `up` a process is, from its command line and parent."""
    try:
        words = _words(pid)
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return ""
    if "crawler.child" in words:
        return ROLES[0]
    if pid == worker:
        return ROLES[2]
    if parent == worker:
        return ROLES[1]
    if crawl_worker in (pid, parent):
        return ROLES[6]
    if "serve" in words:
        return ROLES[3]
    if "beat" in words:
        return ROLES[4]
    return ROLES[5] if pid == up else ""


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


class CpuSampler:
    """The last CPU time seen of every process under `up`, summed by role (exited ones keep theirs)."""

    def __init__(self, up: int) -> None:
        self.up = up
        self.seen: dict[int, tuple[str, float]] = {}
        self.worker: int | None = None
        self.crawl_worker: int | None = None

    def sample(self) -> None:
        for pid in [self.up, *descendants(self.up)]:
            with suppress(OSError, ValueError, IndexError):
                words = _words(pid)
                if "worker" in words and "process" in words and self.worker is None:
                    self.worker = pid  # `up`'s processing worker (--queues process)
                elif "worker" in words and "crawl" in words and self.crawl_worker is None:
                    self.crawl_worker = pid
                known = self.seen[pid][0] if pid in self.seen else ""
                role = known or _role(pid, self.up, self.worker, self.crawl_worker)
                if role:
                    self.seen[pid] = (role, _cpu_seconds(pid))

    def live(self, *roles: str) -> list[int]:
        return [pid for pid, (r, _) in self.seen.items() if r in roles and Path(f"/proc/{pid}").exists()]

    def alive(self, role: str) -> bool:
        return bool(self.live(role))

    def totals(self) -> dict[str, float]:
        out = dict.fromkeys(ROLES, 0.0)
        for role, seconds in self.seen.values():
            out[role] += seconds
        return out


def run_up(sources: Path, folder: Path, pages: int, timeout: float = 3600) -> UpRun:
    """Crawl the bench source through `newsdesk up` on a fresh data folder; time to the last article."""
    env = worker_env(folder / "up")
    env |= {"NEWSDESK_SOURCES": str(sources), "NEWSDESK_API_PORT": str(_free_port())}
    settings = Settings.from_env(env)
    log = folder / "up.log"
    with _up(env, log) as up:
        wait_until(lambda: _started(log) or up.poll() is not None, 180, "newsdesk up to start")
        if up.poll() is not None:
            raise SystemExit(f"newsdesk up stopped: {log.read_text(errors='replace')[-2000:]}")
        db = Database(settings.database_url)
        sampler = CpuSampler(up.pid)
        sampler.sample()
        before = sampler.totals()
        sender = configure(Celery("newsdesk-bench", set_as_current=False), settings)
        with sender.connection_for_write() as connection:  # what beat sends when the schedule fires
            sender.send_task("newsdesk.crawl", args=["bench"], queue="crawl", connection=connection)
        started = time.perf_counter()
        crawl_done = 0.0
        deadline = started + timeout
        while True:
            sampler.sample()
            if not crawl_done and sampler.worker and not sampler.alive(ROLES[0]) and _stored(db) >= pages:
                crawl_done = time.perf_counter() - started
            counts = state_counts(db)
            if counts.get("processed", 0) + counts.get("failed", 0) >= pages and not counts.get("fetched"):
                break
            if time.perf_counter() > deadline or up.poll() is not None:
                raise SystemExit(f"up: gave up with {counts}; log {log}")
            time.sleep(POLL_SECONDS)
        seconds = time.perf_counter() - started
        sampler.sample()
        memory = memory_of(sampler.live(ROLES[1], ROLES[2]))  # not the crawl child, a worker child's child
        after = sampler.totals()
        waits = _waits(db)
        db.dispose()
    return UpRun(counts.get("processed", 0), seconds, crawl_done or seconds, waits,
                 {role: after[role] - before[role] for role in ROLES},
                 memory.pss / 2**20)  # fmt: skip


def _started(log: Path) -> bool:
    """Whether up said its API runs and the worker said it consumes."""
    text = log.read_bytes()
    return b"API on" in text and b" ready." in text


def _stored(db: Database) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Page)) or 0)


def _waits(db: Database) -> tuple[float, float]:
    """Seconds from a page's storing to its processing, mean and max: the queue's backlog."""
    with db.transaction() as session:
        spans = [(done - fetched).total_seconds()
                 for fetched, done in session.execute(select(Page.fetched_at, Page.updated_at))]  # fmt: skip
    return (sum(spans) / len(spans), max(spans)) if spans else (0.0, 0.0)


def report_up(run: UpRun, fetch_rate: float, single_rate: float, target: float) -> None:
    """The `up` row beside the single-process one, then where the CPU went."""
    ratio = run.rate / fetch_rate if fetch_rate else 0.0
    head = "run (ratios to Scrapy fetch-only, same run)"
    print(f"\n| {head:<50} | articles | seconds | articles/s | vs fetch |")
    print(
        "|----------------------------------------------------|---------:|--------:|-----------:|---------:|"
    )
    print(f"| {'whole path, one process (above)':<50} |          |         | {single_rate:10.1f} "
          f"| {single_rate / fetch_rate if fetch_rate else 0:7.3f}x |")  # fmt: skip
    print(f"| {'newsdesk up: worker × 2 children, filesystem+SQLite':<50} | {run.articles:8d} "
          f"| {run.seconds:7.1f} | {run.rate:10.1f} | {ratio:7.3f}x |")  # fmt: skip
    verdict = "met" if ratio >= target else "not met; where the CPU went is below"
    print(f"\nup / fetch-only: {ratio:.3f} (target ≥ {target}: {verdict}); processing worker PSS at the end "
          f"{run.memory_mib:.0f} MiB")  # fmt: skip
    print(
        f"the crawl child was done after {run.crawl_seconds:.1f} s; a page waited "
        f"{run.waits[0]:.1f} s on average (max {run.waits[1]:.1f} s) from stored to processed\n"
    )
    cores = os.cpu_count() or 1
    budget = f"{cores} cores × {run.seconds:.0f} s = {cores * run.seconds:.0f} s"
    print(f"| process (CPU over the run; {budget}) | CPU s | ms/article | share of the cores |")
    print("|---|--:|--:|--:|")
    for role, seconds in run.cpu.items():
        per = seconds * 1000 / run.articles if run.articles else 0.0
        print(f"| {role} | {seconds:.1f} | {per:.1f} | {seconds / (cores * run.seconds):.0%} |")
    used = sum(run.cpu.values())
    print(f"| all of up | {used:.1f} | {used * 1000 / max(run.articles, 1):.1f} | "
          f"{used / (cores * run.seconds):.0%} |")  # fmt: skip
