"""Helpers for the queue tests and bench/queues.py: Korean pages, worker processes, servers.

Nothing here imports pytest, so the benchmark can use it too. Servers are reached at the
addresses this project's machines run them on; `NEWSDESK_TEST_POSTGRES`, `NEWSDESK_TEST_REDIS`
and `NEWSDESK_TEST_AMQP` override them.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select

from ingest.pipeline import Origin, store
from newsdesk.settings import Settings
from nlp.dates import KST
from nlp.extract import extract_page
from store.db import Database
from store.models import Article, DeadLetter, Page
from tests.support.pages import SAMPLES, article_html, manifest
from tests.support.postgres import ADMIN_URL, is_stale, run_id

ROOT = Path(__file__).resolve().parents[2]  # the repository
REDIS = os.environ.get("NEWSDESK_TEST_REDIS", "redis://127.0.0.1:6379")
AMQP = os.environ.get("NEWSDESK_TEST_AMQP", "amqp://guest:guest@127.0.0.1:5672//")
_SENTENCE_END = re.compile(r"(?<=[다요]\.)\s+")


# pages -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawPage:
    """Page bytes and where they came from, ready for `ingest.pipeline.store`."""

    raw: bytes
    origin: Origin


def sample_pages() -> list[RawPage]:
    """The shipped sample pages, as the crawler would store them."""
    return [
        RawPage((SAMPLES / i["file"]).read_bytes(), Origin(i["url"], i["source"], i["category"]))
        for i in manifest()
    ]


def sample_article_pages() -> list[RawPage]:
    """The shipped samples that are articles (the briefing list, 06, is a listing)."""
    return [page for page, item in zip(sample_pages(), manifest(), strict=True) if "list" not in item["file"]]


@cache
def sentence_pool() -> tuple[str, ...]:
    """Every sentence of the sample articles' bodies, in order."""
    pool: list[str] = []
    for page in sample_pages()[:5]:  # the five articles; the sixth is a listing page
        body = extract_page(page.raw, url=page.origin.url).body
        for paragraph in body.splitlines():
            pool += [s.strip() for s in _SENTENCE_END.split(paragraph) if len(s.strip()) > 20]
    return tuple(pool)


def generated_pages(count: int, seed: int = 4) -> list[RawPage]:
    """`count` distinct Korean article pages, each a new mix of the samples' sentences."""
    rng = random.Random(seed)
    pool = sentence_pool()
    sources = [(i["source"], i["category"]) for i in manifest()[:5]]
    pages: list[RawPage] = []
    seen: set[tuple[str, ...]] = set()
    while len(pages) < count:
        chosen = tuple(rng.sample(pool, rng.randint(6, 9)))
        if chosen in seen:
            continue
        seen.add(chosen)
        number = len(pages)
        source, category = sources[number % len(sources)]
        published = dt.datetime(2025, 11, 1, 9, tzinfo=KST) + dt.timedelta(hours=7 * number)
        raw = article_html(_title(chosen[0]), _paragraphs(chosen), published.isoformat(), None, source)
        url = f"https://news.example.com/policy/{number:05d}"
        pages.append(RawPage(raw, Origin(url, source, category)))
    return pages


def _title(sentence: str) -> str:
    head = re.split(r"[,，]", sentence)[0]
    return head if len(head) <= 40 else head[:40].rsplit(" ", 1)[0] + "…"


def _paragraphs(sentences: Sequence[str]) -> list[str]:
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def store_all(db: Database, pages: Sequence[RawPage]) -> list[int]:
    """Store the raw pages (state `fetched`); their page ids in order."""
    return [store(db, page.raw, page.origin)[0] for page in pages]


# what the database holds -------------------------------------------------------------------------


def state_counts(db: Database) -> dict[str, int]:
    with db.transaction() as session:
        rows = session.execute(select(Page.state, func.count()).group_by(Page.state)).all()
    return {str(state): int(n) for state, n in rows}


def articles_by_url(db: Database) -> dict[str, tuple[Any, ...]]:
    """What processing made of each page, in a form two databases can be compared by."""
    with db.transaction() as session:
        return {a.url: _article_key(a) for a in session.scalars(select(Article))}


def _article_key(a: Article) -> tuple[Any, ...]:
    when = (a.published.isoformat() if a.published else None, a.modified.isoformat() if a.modified else None)
    summary = tuple(s["text"] for s in a.summary)
    return (a.title, a.body, *when, a.category, tuple(a.keywords), a.excerpt, summary, a.content_hash)


def wait_until(check: Callable[[], bool], timeout: float, what: str, every: float = 0.2) -> None:
    """Poll `check` until it holds; TimeoutError naming `what` when it never does."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


# worker processes --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Memory:
    """Memory of a process tree: PSS counts shared pages once, RSS once per process."""

    processes: int
    pss: int
    rss: int

    def line(self) -> str:
        mib = 1024 * 1024
        return f"{self.processes} processes, PSS {self.pss / mib:.0f} MiB (RSS sum {self.rss / mib:.0f} MiB)"


class WorkerProcess:
    """A real `newsdesk worker` in its own process group, its output in a log file."""

    def __init__(self, env: dict[str, str], log: Path, concurrency: int = 2, queues: str = "process") -> None:
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = log
        self.terminated = False
        command = [sys.executable, "-m", "newsdesk", "worker", "--concurrency", str(concurrency)]
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [*command, "--queues", queues], env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True, cwd=ROOT,
            )  # fmt: skip

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole group: the parent and its pool children die mid-task."""
        with suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def terminate(self) -> None:
        """Ask for a warm shutdown (running tasks finish, unacked messages go back), once."""
        if self.alive() and not self.terminated:
            self.process.send_signal(signal.SIGTERM)
            self.terminated = True

    def stop(self, timeout: float = 30) -> None:
        """Warm shutdown (SIGTERM), then SIGKILL to the group if it lingers."""
        if self.alive():
            self.terminate()
            with suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout)
        with suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def children(self) -> list[int]:
        return descendants(self.pid)

    def memory(self) -> Memory:
        return memory_of([self.pid, *self.children()])

    def ready(self) -> bool:
        """Whether the worker logged that it consumes (Celery's "… ready." line)."""
        return self.log.exists() and " ready." in self.log.read_text(encoding="utf-8", errors="replace")

    def tail(self, lines: int = 30) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


@contextmanager
def running_workers(
    env: dict[str, str], logs: Path, count: int = 1, **options: Any
) -> Iterator[list[WorkerProcess]]:
    """`count` worker processes, stopped (and their groups killed) however the block ends."""
    workers = [WorkerProcess(env, logs / f"worker-{n}.log", **options) for n in range(count)]
    try:
        yield workers
    finally:
        for worker in workers:  # all warm shutdowns at once, then wait for each
            worker.terminate()
        for worker in workers:
            worker.stop()


def worker_env(
    data_dir: Path, database_url: str | None = None, broker_url: str | None = None
) -> dict[str, str]:
    """The environment a worker of one profile runs with; unset URLs mean the embedded profile."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["NEWSDESK_DATA_DIR"] = str(data_dir)
    if database_url:
        env["NEWSDESK_DATABASE_URL"] = database_url
    if broker_url:
        env["NEWSDESK_BROKER_URL"] = broker_url
    return env


def descendants(root: int) -> list[int]:
    """Every process below `root`, from /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def memory_of(pids: Sequence[int]) -> Memory:
    """Sum of PSS and RSS (from /proc/PID/smaps_rollup) over `pids`."""
    pss = rss = counted = 0
    for pid in pids:
        with suppress(OSError):
            fields = _rollup(Path(f"/proc/{pid}/smaps_rollup").read_text())
            pss, rss, counted = pss + fields["Pss"], rss + fields["Rss"], counted + 1
    return Memory(counted, pss, rss)


def _rollup(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB":
            out[name] = int(parts[0]) * 1024
    return out


def start_together(database_url: str, count: int = 4) -> list[tuple[int, str]]:
    """`count` processes opening one new database at once (as `newsdesk up` starts API, worker
    and beat): each one's exit status and last error line."""
    code = f"from store.db import Database; Database({database_url!r}).dispose()"
    processes = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for _ in range(count)
    ]
    results = []
    for process in processes:
        _, err = process.communicate(timeout=120)
        results.append((process.returncode, (err.strip().splitlines() or [""])[-1]))
    return results


# one profile end to end ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProfileRun:
    """What a profile's workers made of the pages, how fast, and what the workers weighed."""

    articles: dict[str, tuple[Any, ...]]
    states: dict[str, int]
    seconds: float
    memory: list[Memory]


def enqueue(settings: Settings, queue: str, payloads: Sequence[Sequence[Any]]) -> None:
    """Publish `newsdesk.process` messages (args lists) on `queue` from this process."""
    from celery import Celery

    from worker.celery_app import configure

    sender = configure(Celery("newsdesk-sender", set_as_current=False), settings)
    with sender.connection_for_write() as connection:  # closed here, not left in a global pool
        for args in payloads:
            sender.send_task("newsdesk.process", args=list(args), queue=queue, connection=connection)


def run_profile(env: dict[str, str], queue: str, page_ids: Sequence[int], logs: Path,
                workers: int = 1, concurrency: int = 2, extra: Sequence[Sequence[Any]] = (),
                timeout: float = 120) -> ProfileRun:  # fmt: skip
    """Start the workers, enqueue the stored pages once they are ready, wait until all are done."""
    settings = Settings.from_env(env)
    db = Database(settings.database_url)
    try:
        with running_workers(env, logs, workers, concurrency=concurrency, queues=queue) as running:
            wait_until(lambda: all(w.ready() for w in running), 60, "the workers to start")
            started = time.perf_counter()
            enqueue(settings, queue, [[i] for i in page_ids] + [list(x) for x in extra])
            wait_until(lambda: state_counts(db).get("fetched", 0) == 0, timeout, "every page processed")
            seconds = time.perf_counter() - started
            memory = [w.memory() for w in running]
        return ProfileRun(articles_by_url(db), state_counts(db), seconds, memory)
    finally:
        db.dispose()


# the embedded reference run ---------------------------------------------------------------------

CORPUS_EXTRA = 30  # generated pages beside the six samples, for comparing profiles
BAD_MESSAGES: tuple[tuple[Any, ...], ...] = (
    ("not-a-page-id",),
    (10**9,),
    (1, "extra"),
)  # malformed, unknown, arity
_EMBEDDED: dict[str, tuple[ProfileRun, str]] = {}


def embedded_run(root: Path) -> tuple[ProfileRun, str]:
    """The samples and generated pages through a real worker on filesystem + SQLite, once a session.

    Returns the run and the SQLite URL; the bad messages leave dead letters there.
    """
    if "run" not in _EMBEDDED:
        env = worker_env(root / "data")
        url = Settings.from_env(env).database_url
        db = Database(url)
        ids = store_all(db, sample_pages() + generated_pages(CORPUS_EXTRA))
        run = run_profile(env, "process", ids, root / "logs", extra=BAD_MESSAGES)
        wait_until(lambda: dead_letter_count(db) >= len(BAD_MESSAGES), 30, "the bad messages' dead letters")
        db.dispose()
        _EMBEDDED["run"] = (run, url)
    return _EMBEDDED["run"]


def dead_letter_count(db: Database) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(DeadLetter)) or 0)


# servers -----------------------------------------------------------------------------------------


def reachable(url: str, timeout: float = 1.0) -> bool:
    """Whether something accepts TCP connections at the URL's host and port."""
    parts = urlsplit(url)
    default = {"postgresql": 5432, "redis": 6379, "amqp": 5672}.get(parts.scheme, 0)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default), timeout):
            return True
    except OSError:
        return False


def missing(*names: str) -> list[str]:
    """Which of the named servers ("postgres", "redis", "rabbitmq") cannot be reached."""
    urls = {"postgres": ADMIN_URL, "redis": REDIS, "rabbitmq": AMQP}
    return [f"{name} at {_where(urls[name])}" for name in names if not reachable(urls[name])]


def require(*servers: str) -> None:
    """Skip (or, with CI=true, fail) in one line when a server the test needs is unreachable."""
    import pytest  # here, not at the top: the benchmark imports this module too

    gone = missing(*servers)
    if not gone:
        return
    line = "not reachable: " + ", ".join(gone)
    if os.environ.get("CI") == "true":
        pytest.fail(line + " (CI=true: the scale-out servers must run)", pytrace=False)
    pytest.skip(line)


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


@dataclass(frozen=True, slots=True)
class BrokerTarget:
    """A broker URL and a queue name no other run uses, so leftovers never meet this run."""

    url: str
    queue: str


def redis_target() -> BrokerTarget:
    """A random Redis database (1–15) and a run-unique queue: apart from other runs' traffic."""
    index = random.SystemRandom().randint(1, 15)
    return BrokerTarget(f"{REDIS.rstrip('/')}/{index}", f"newsdesk-test-{run_id()}.process")


def amqp_target() -> BrokerTarget:
    return BrokerTarget(AMQP, f"newsdesk-test-{run_id()}.process")


def delete_queue(target: BrokerTarget) -> None:
    """Remove the run's queue (and its exchange and bindings) from the broker."""
    if target.url.startswith("redis"):
        _delete_redis_queue(target)
        return
    from kombu import Connection, Exchange, Queue

    with Connection(target.url, connect_timeout=5) as connection:
        channel = connection.channel()
        queue = Queue(target.queue, Exchange(target.queue), target.queue, channel=channel)
        queue.delete()
        queue.exchange.delete()


def _delete_redis_queue(target: BrokerTarget) -> None:
    """The queue's list and kombu's binding sets; and those of runs killed long ago (is_stale)."""
    import redis

    client = redis.Redis.from_url(target.url, socket_connect_timeout=5)
    try:
        names = [target.queue] + [
            key.decode().rsplit(".binding.", 1)[1]
            for key in client.scan_iter("_kombu.binding.newsdesk-test-*")
            if is_stale(key.decode().rsplit("newsdesk-test-", 1)[1])
        ]
        for name in names:
            client.delete(name, f"_kombu.binding.{name}", f"_kombu.binding_permanent.{name}")
    finally:
        client.close()
