"""The task queue on the embedded profile: real `newsdesk worker` processes, the filesystem broker,
SQLite; faults (a SIGKILLed worker, a locked database) and bad messages cost time, never an article."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import func, select, text, update

from crawler.sources import load_sources
from newsdesk.settings import Settings
from nlp.urls import canonical_url
from search.articles import search
from store.db import Database, current_revision, head_revision, make_engine
from store.models import Article, DeadLetter, Draft, Page, Revision, SearchDoc, Source
from tests.support.queue import (
    CORPUS_EXTRA,
    ProfileRun,
    WorkerProcess,
    descendants,
    embedded_run,
    generated_pages,
    sample_article_pages,
    sample_pages,
    start_together,
    state_counts,
    store_all,
    wait_until,
    worker_env,
)
from worker import tasks
from worker.celery_app import app, configure

FAULT_PAGES = 200


# the embedded run, shared with test_scaleout -----------------------------------------------------


@pytest.fixture(scope="session")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProfileRun, str]:
    return embedded_run(tmp_path_factory.mktemp("embedded"))


def test_a_worker_process_on_the_filesystem_broker_stores_articles_in_sqlite(
    embedded: tuple[ProfileRun, str],
) -> None:
    run, url = embedded
    assert run.states == {"processed": len(sample_pages()) + CORPUS_EXTRA}
    articles = [p.origin.url for p in sample_article_pages() + generated_pages(CORPUS_EXTRA)]
    assert sorted(run.articles) == sorted(canonical_url(url) for url in articles)  # 06 is a listing
    db = Database(url)
    with db.transaction() as session:
        assert search(session, "협력했다").total >= 2
        letters = sorted(session.scalars(select(DeadLetter.error)))
    db.dispose()
    assert len(letters) == 3
    assert any("malformed payload" in e for e in letters)
    assert any("no page with id 1000000000" in e for e in letters)
    assert any(e.startswith("TypeError") for e in letters)  # the wrong arity, caught by task_failure


def test_kiwi_loaded_before_the_fork_is_shared_by_the_pool(embedded: tuple[ProfileRun, str]) -> None:
    run, _ = embedded
    (memory,) = run.memory
    print(f"\nworker with 2 children after {len(run.articles)} articles: {memory.line()}")
    assert memory.processes == 3
    # each process maps Kiwi's ~500 MB; shared copy-on-write pages count once in PSS
    assert memory.pss < 0.6 * memory.rss


def test_processes_starting_together_on_a_new_sqlite_database_all_come_up(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert start_together(url) == [(0, "")] * 4
    engine = make_engine(url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _queues_of(pid: int) -> str | None:
    """The queues a `newsdesk worker` process consumes (--queues), from its command line."""
    with suppress(OSError):
        words = [w.decode() for w in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")]
        if "worker" in words and "--queues" in words:
            return words[words.index("--queues") + 1]
    return None


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_up_runs_api_workers_and_beat_and_ctrl_c_stops_them_all(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "up.log"
    with log.open("wb") as out:
        up = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "up", "--port", str(port), "--concurrency", "1"],
            env=worker_env(tmp_path / "data"), stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        running = f"newsdesk up: API on http://127.0.0.1:{port}, worker and beat running"
        wait_until(lambda: running in log.read_text(errors="replace"), 120, "up to say the API runs")
        assert _answers(f"http://127.0.0.1:{port}/health"), "said only once the API answers"
        wait_until(lambda: " ready." in log.read_text(errors="replace"), 60, "the worker to start")
        wait_until(lambda: "beat: Starting" in log.read_text(errors="replace"), 60, "beat to start")
        processes = descendants(up.pid)
        assert len(processes) >= 6  # API, two workers and their children, beat
        # the crawl task, which waits on its crawl child for a whole crawl, has a worker of its own:
        # it never holds one of the children that process what it stores
        queues = {_queues_of(pid) for pid in processes} - {None}
        assert queues == {"process", "crawl"}, queues
        os.killpg(up.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's foreground group
        assert up.wait(timeout=40) == 0
    finally:
        with suppress(ProcessLookupError):
            os.killpg(up.pid, signal.SIGKILL)
        up.wait(timeout=10)
    assert all(_gone(pid) for pid in processes), log.read_text(errors="replace")[-2000:]


def test_serve_with_two_workers_answers_from_both_and_stops(tmp_path: Path) -> None:
    """`serve --workers 2`: two API processes from the same environment, one port, stopped together."""
    port = _free_port()
    env = {**worker_env(tmp_path / "data"), "NEWSDESK_API_PORT": str(port)}
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        serve = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "serve", "--workers", "2"],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_until(lambda: _answers(f"http://127.0.0.1:{port}/health"), 60, "the API to answer")
        wait_until(lambda: len(_sockets(port, "0A")) == 2, 60, "both workers to listen")
        processes = descendants(serve.pid)
        # keep-alive clients that connect together, as a proxy's pool does: spread, not piled up
        clients = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _ in range(16)]
        for client in clients:
            client.connect()
        for client in clients:
            client.request("GET", f"/search?q={quote('협력')}")
            answer = client.getresponse()
            assert answer.status == 200 and answer.read()
        holders = _connection_holders(port, processes)
        for client in clients:
            client.close()
        assert len(holders) == 2 and sum(holders.values()) == 16, holders
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=40) == 0
    finally:
        with suppress(ProcessLookupError):
            serve.kill()
        serve.wait(timeout=10)
    # workers are joined before serve exits; multiprocessing's resource tracker follows it
    wait_until(lambda: all(_gone(pid) for pid in processes), 10, "every serve process to end")


def test_serve_workers_that_cannot_start_end_serve_with_status_1(tmp_path: Path) -> None:
    """A worker that fails at start (here: a database path that cannot exist) is not restarted
    in a loop: serve stops the others and exits 1 with the reason in its log."""
    env = {
        **worker_env(tmp_path / "data"),
        "NEWSDESK_API_PORT": str(_free_port()),
        "NEWSDESK_DATABASE_URL": "sqlite:////proc/no-such-dir/newsdesk.db",
    }
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "serve", "--workers", "2"],
        env=env, capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    assert done.returncode == 1
    assert "failed to start" in done.stderr and "no-such-dir" in done.stderr


def _sockets(port: int, state: str) -> set[str]:
    """Inodes of the TCP sockets on local `port` in `state` (01 established, 0A listening)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == state:
            found.add(fields[9])
    return found


def _connection_holders(port: int, pids: list[int]) -> dict[int, int]:
    """How many established connections to `port` each of `pids` holds (Linux /proc)."""
    inodes = _sockets(port, "01")
    held: dict[int, int] = {}
    for pid in pids:
        with suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with suppress(OSError):
                    if os.readlink(fd).removeprefix("socket:[").rstrip("]") in inodes:
                        held[pid] = held.get(pid, 0) + 1
    return held


# faults ------------------------------------------------------------------------------------------


@pytest.fixture
def embedded_app(isolated_env: Path) -> Iterator[Settings]:
    """The tasks' Celery app pointed at this test's data folder (filesystem broker, SQLite)."""
    settings = Settings.from_env()
    configure(app, settings)
    yield settings
    tasks.database().dispose()


def _queued(settings: Settings) -> int:
    return len(list((settings.data_dir / "broker" / "queue").glob("*.msg")))


def _drained(db: Database, settings: Settings) -> bool:
    return _queued(settings) == 0 and state_counts(db).get("fetched", 0) == 0


def _assert_each_page_processed_once(db: Database, pages: int) -> None:
    assert state_counts(db) == {"processed": pages}
    with db.transaction() as session:

        def count(model: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        assert [count(m) for m in (Article, Revision, SearchDoc, Draft)] == [pages] * 4
        assert session.scalar(select(func.count(func.distinct(Article.page_id)))) == pages
        assert set(session.scalars(select(Article.revision))) == {1}
        # a killed or rolled-back attempt leaves no trace: one committed attempt per page
        assert set(session.scalars(select(Page.attempts))) == {1}
        assert count(DeadLetter) == 0


def _enqueue_fault_pages(settings: Settings) -> Database:
    db = Database(settings.database_url)
    for page_id in store_all(db, generated_pages(FAULT_PAGES, seed=200)):
        tasks.process.delay(page_id)
    return db


def test_a_sigkilled_worker_loses_no_page_and_duplicates_none(embedded_app: Settings, tmp_path: Path) -> None:
    db = _enqueue_fault_pages(embedded_app)
    env = worker_env(embedded_app.data_dir)
    first = WorkerProcess(env, tmp_path / "first.log")
    try:
        wait_until(lambda: state_counts(db).get("processed", 0) >= 50, 90, "50 pages processed")
        first.kill()  # parent and children, mid-task: their messages are gone with them
    finally:
        first.stop()
    at_kill = state_counts(db)
    assert 0 < at_kill.get("fetched", 0) < FAULT_PAGES
    second = WorkerProcess(env, tmp_path / "second.log")
    try:
        requeued = tasks.reconcile(stuck_after_seconds=0)["requeued"]
        assert 0 < requeued <= at_kill["fetched"]  # lost and still-queued pages alike
        wait_until(lambda: _drained(db, embedded_app), 120, "the queue drained: " + second.tail(5))
    finally:
        second.stop()
    _assert_each_page_processed_once(db, FAULT_PAGES)
    db.dispose()


def test_a_folder_message_is_never_seen_half_written(embedded_app: Settings) -> None:
    """A poller reading the queue folder while messages are published finds each one whole (kombu
    wrote into the file in place, and a worker that read it empty stopped)."""
    folder = embedded_app.data_dir / "broker" / "queue"
    sent = threading.Event()
    seen: list[bytes] = []

    def poll() -> None:
        while not sent.is_set():
            for path in folder.glob("*.msg"):
                with suppress(FileNotFoundError):
                    seen.append(path.read_bytes())

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        for n in range(300):
            tasks.process.delay(n + 1)
    finally:
        sent.set()
        poller.join()
    assert seen
    assert all(json.loads(raw)["headers"]["task"] == "newsdesk.process" for raw in seen)


RECYCLE_AFTER = 5


def test_children_recycled_after_their_tasks_lose_no_page(embedded_app: Settings, tmp_path: Path) -> None:
    """A child replaced after NEWSDESK_WORKER_MAX_TASKS tasks is forked again from the same warmed
    parent; every page is still processed exactly once."""
    pages = 6 * RECYCLE_AFTER
    db = Database(embedded_app.database_url)
    for page_id in store_all(db, generated_pages(pages, seed=300)):
        tasks.process.delay(page_id)
    env = worker_env(embedded_app.data_dir) | {"NEWSDESK_WORKER_MAX_TASKS": str(RECYCLE_AFTER)}
    worker = WorkerProcess(env, tmp_path / "worker.log")
    try:
        wait_until(lambda: _drained(db, embedded_app), 180, "the queue drained: " + worker.tail(5))
        assert worker.alive()  # the parent stayed; only its children were replaced
    finally:
        worker.stop()
    log = (tmp_path / "worker.log").read_text(errors="replace")
    children = set(re.findall(r"ForkPoolWorker-(\d+)\]", log))
    assert len(children) >= pages // RECYCLE_AFTER  # 2 at the start, then one per 5 tasks
    _assert_each_page_processed_once(db, pages)
    db.dispose()


def _hold_exclusive_lock(path: Path, seconds: float, held: threading.Event) -> None:
    """Another connection holding the SQLite write lock, the way a backup or a migration would."""
    con = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        con.execute("BEGIN EXCLUSIVE")
        held.set()
        time.sleep(seconds)
        con.execute("COMMIT")
    finally:
        con.close()


def test_a_briefly_locked_database_delays_pages_but_loses_none(
    embedded_app: Settings, tmp_path: Path
) -> None:
    db = _enqueue_fault_pages(embedded_app)
    worker = WorkerProcess(worker_env(embedded_app.data_dir), tmp_path / "worker.log")
    try:
        wait_until(lambda: state_counts(db).get("processed", 0) >= 40, 90, "40 pages processed")
        held = threading.Event()
        path = Path(db.engine.url.database or "")
        locker = threading.Thread(target=_hold_exclusive_lock, args=(path, 4.0, held))
        locker.start()
        assert held.wait(30)
        before = state_counts(db).get("processed", 0)
        time.sleep(3)
        assert state_counts(db).get("processed", 0) == before  # the lock really stops the writers
        locker.join()
        wait_until(lambda: _drained(db, embedded_app), 120, "the queue drained: " + worker.tail(5))
        assert tasks.reconcile(stuck_after_seconds=0) == {"requeued": 0}
    finally:
        worker.stop()
    assert "database is locked" not in worker.log.read_text(encoding="utf-8")
    _assert_each_page_processed_once(db, FAULT_PAGES)
    db.dispose()


# bad input, tasks called in-process on a real database --------------------------------------------


@pytest.fixture
def task_db(embedded_app: Settings) -> Database:
    return tasks.database()


def _stored(db: Database, index: int = 0) -> int:
    return store_all(db, [sample_pages()[index]])[0]


def _letters(db: Database) -> list[tuple[str, str, str]]:
    with db.transaction() as session:
        return [
            (d.task, d.payload, d.error) for d in session.scalars(select(DeadLetter).order_by(DeadLetter.id))
        ]


def test_an_unknown_page_id_is_dead_lettered_and_the_task_ends(task_db: Database) -> None:
    assert tasks.process(424242) == {"status": "rejected", "error": "no page with id 424242"}
    assert _letters(task_db) == [("process", "424242", "no page with id 424242")]


@pytest.mark.parametrize("payload", ["17", None, 3.5, True, {"page_id": 1}, ["1"]])
def test_a_malformed_payload_is_dead_lettered_and_the_task_ends(task_db: Database, payload: Any) -> None:
    result = tasks.process(payload)
    assert result["status"] == "rejected" and "malformed payload" in result["error"]
    ((task, _, error),) = _letters(task_db)
    assert task == "process" and "page_id must be an integer" in error


def test_a_message_with_the_wrong_arguments_is_dead_lettered_by_the_tracer(task_db: Database) -> None:
    outcome = tasks.process.apply(args=[1, 2])  # the same tracer a worker runs a message through
    assert outcome.failed()
    ((task, payload, error),) = _letters(task_db)
    assert task == "process" and '"args": [1, 2]' in payload and error.startswith("TypeError")


def test_a_page_without_a_body_is_recorded_failed_with_the_reason(task_db: Database) -> None:
    from ingest.pipeline import Origin, store
    from tests.support.pages import FIXTURES

    page_id, _ = store(
        task_db, (FIXTURES / "no_body.html").read_bytes(), Origin("https://city.example/notice")
    )
    result = tasks.process(page_id)
    assert result["status"] == "failed" and result["error"]
    again = tasks.process(page_id)  # a redelivery fails the same way, quietly: no crash loop
    assert again["status"] == "failed"
    with task_db.transaction() as session:
        page = session.get_one(Page, page_id)
        assert (page.state, page.error, page.attempts) == ("failed", result["error"], 2)


def test_a_page_whose_extraction_raises_is_recorded_failed_with_the_reason(task_db: Database) -> None:
    page_id = _stored(task_db)
    with task_db.transaction() as session:  # bytes that no longer decompress: zlib raises inside
        session.execute(update(Page).where(Page.id == page_id).values(raw_z=b"not zlib"))
    result = tasks.process(page_id)
    assert result["status"] == "failed" and result["error"].startswith("error: ")
    with task_db.transaction() as session:
        page = session.get_one(Page, page_id)
        assert page.state == "failed" and page.error == result["error"]
    assert _letters(task_db) == []


def test_a_redelivered_message_on_a_processed_page_does_nothing(task_db: Database) -> None:
    page_id = _stored(task_db, 2)
    first = tasks.process(page_id)
    assert first["status"] == "new"
    with task_db.transaction() as session:
        before = session.execute(text("SELECT updated_at FROM articles")).scalar_one()
    second = tasks.process(page_id)
    assert second == {**first, "status": "unchanged"}
    with task_db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Revision)) == 1
        assert session.execute(text("SELECT updated_at FROM articles")).scalar_one() == before
        assert session.get_one(Page, page_id).attempts == 1


def test_reconcile_requeues_only_pages_stuck_longer_than_the_timeout(
    task_db: Database, embedded_app: Settings
) -> None:
    ids = store_all(task_db, sample_pages()[:3])
    assert tasks.reconcile(stuck_after_seconds=3600) == {"requeued": 0}
    assert _queued(embedded_app) == 0
    assert tasks.reconcile(stuck_after_seconds=0) == {"requeued": 3}
    assert _queued(embedded_app) == 3
    with task_db.transaction() as session:  # touched: the next reconcile waits a full timeout again
        assert all(p.updated_at > p.fetched_at for p in session.scalars(select(Page).where(Page.id.in_(ids))))
    assert tasks.reconcile() == {"requeued": 0}


# schedules ---------------------------------------------------------------------------------------


def test_fires_within_one_cron_period_share_a_slot() -> None:
    kst = dt.timezone(dt.timedelta(hours=9))
    nine = dt.datetime(2025, 12, 11, 9, 0, 0, tzinfo=kst)
    assert tasks.slot_of("0 9 * * *", nine) == "2025-12-11T09:00"
    assert tasks.slot_of("0 9 * * *", nine + dt.timedelta(seconds=40)) == "2025-12-11T09:00"
    assert tasks.slot_of("0 9 * * *", nine - dt.timedelta(seconds=1)) == "2025-12-10T09:00"
    assert tasks.slot_of("*/15 * * * *", nine.astimezone(dt.UTC) + dt.timedelta(minutes=20)) == (
        "2025-12-11T09:15"
    )
    assert tasks.slot_of(None, nine + dt.timedelta(seconds=59)) == "2025-12-11T09:00"


def test_a_double_fire_in_one_slot_crawls_once(task_db: Database) -> None:
    slot = tasks.slot_of("0 9 * * *", dt.datetime(2025, 12, 11, 9, 0, 30, tzinfo=dt.UTC))
    assert tasks.claim_slot("한빛시청 고시공고", slot) is not None  # the first fire's claim
    second = tasks.crawl("한빛시청 고시공고", schedule="0 9 * * *", slot=slot)
    assert second == {"status": "duplicate", "source": "한빛시청 고시공고"}
    assert tasks.claim_slot("한빛시청 고시공고", "2025-12-12T09:00") is not None  # the next slot runs


def test_a_scheduled_fire_makes_the_source_row_the_sources_file_describes(task_db: Database) -> None:
    """A feed source is a feed with its category, whoever makes its row first (here: beat's fire)."""
    spec = next(s for s in load_sources().sources if s.kind == "feed")
    assert tasks.claim_slot(spec.name, "2025-12-11T09:00") is not None
    with task_db.transaction() as session:
        source = session.scalars(select(Source).where(Source.name == spec.name)).one()
        assert (source.kind, source.category) == (spec.kind, spec.category)


def test_a_crawl_message_without_a_source_name_is_dead_lettered(task_db: Database) -> None:
    assert tasks.crawl(None)["status"] == "rejected"
    assert tasks.crawl("  ")["status"] == "rejected"
    assert [t for t, _, _ in _letters(task_db)] == ["crawl", "crawl"]
