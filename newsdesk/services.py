"""Long-running processes: the worker, beat, the API, and `up` which runs all three together."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from api.listen import check_free
from crawler.schedule import parse_schedule
from newsdesk.progress import is_terminal
from newsdesk.settings import Settings

RECONCILE_EVERY = 300.0
UP_POLL_SECONDS = 0.2  # how often `up` tries the API's port while it starts
GENERIC_TERMS_EVERY = 6 * 3600.0  # the generic-word table changes slowly


def celery_app(settings: Settings) -> Any:
    from worker.celery_app import app, configure

    return configure(app, settings)


def run_worker(settings: Settings, queues: str = "crawl,process", concurrency: int = 2) -> int:
    """A Celery worker; when it processes pages, Kiwi is loaded in the parent before the pool forks,
    so children share it (a crawl-only worker never analyses: it stores raw pages and enqueues them)."""
    from nlp.analyse import warm

    app = celery_app(settings)
    if "process" in {q.strip() for q in queues.split(",")}:
        warm()
    argv = ["worker", "--loglevel=INFO", f"--concurrency={concurrency}", "-Q", queues, "--pool=prefork",
            f"--hostname={node_name()}"]  # fmt: skip
    if settings.broker_url.startswith("filesystem://"):
        argv += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    app.worker_main(argv)
    return 0


def node_name() -> str:
    """A node name unique per worker process: two workers on one machine called celery@host
    fight over RabbitMQ's exclusive remote-control queue and the second one dies."""
    return f"newsdesk-{os.getpid()}@%h"


def beat_schedule(sources: Sequence[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """One entry per (source name, cron expression), plus the periodic reconcile and the recount of
    the words generic in the stored news (keywords rank them down)."""
    schedule: dict[str, dict[str, Any]] = {
        "reconcile": {"task": "newsdesk.reconcile", "schedule": RECONCILE_EVERY},
        "generic-terms": {"task": "newsdesk.generic_terms", "schedule": GENERIC_TERMS_EVERY},
    }
    for name, cron in sources:
        schedule[f"crawl:{name}"] = {
            "task": "newsdesk.crawl",
            "schedule": parse_schedule(cron),
            "args": [name],
            "kwargs": {"schedule": cron},
        }
    return schedule


def run_beat(settings: Settings, sources: Sequence[tuple[str, str]]) -> int:
    """Celery beat firing each source's crawl on its schedule; state kept under the data folder."""
    app = celery_app(settings)
    app.conf.beat_schedule = beat_schedule(sources)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app.Beat(schedule=str(settings.data_dir / "celerybeat-schedule"), loglevel="INFO").run()
    return 0


def run_up(settings: Settings, host: str, port: int, concurrency: int = 2) -> int:
    """API, a worker processing pages with `concurrency` children, a crawl worker and beat, as child
    processes; Ctrl-C (or SIGTERM) stops them all.

    The API's address is checked before anything starts (a taken port is one line, exit 1),
    and the API is said to be running only once it answers there."""
    check_free(host, port)
    base = [sys.executable, "-m", "newsdesk"]
    # the crawl task waits on its crawl child for the whole crawl: in a worker of its own it holds
    # none of the `concurrency` children that process what the crawl stores (bench/crawl.py --profile up)
    worker = [*base, "worker", "--queues"]
    children = {
        "API": subprocess.Popen([*base, "serve", "--host", host, "--port", str(port)]),
        "worker": subprocess.Popen([*worker, "process", "--concurrency", str(concurrency)]),
        "crawl worker": subprocess.Popen([*worker, "crawl", "--concurrency", "1"]),
        "beat": subprocess.Popen([*base, "beat"]),
    }
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    api = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    if is_terminal(sys.stderr):  # the start takes a while (each process loads what it needs)
        print(f"newsdesk up: starting the API on {api}, a worker and beat…", file=sys.stderr, flush=True)
    if _wait_for_api(host, port, children, lambda: stopping):
        print(f"newsdesk up: API on {api}, worker and beat running; Ctrl-C stops them", flush=True)
        while not stopping and all(c.poll() is None for c in children.values()):
            time.sleep(0.5)
    if not stopping:
        name, child = next((n, c) for n, c in children.items() if c.poll() is not None)
        print(
            f"newsdesk up: the {name} stopped (exit {child.returncode}); stopping the rest", file=sys.stderr
        )
    _stop_children(list(children.values()))
    return 0 if stopping else 1


def _wait_for_api(
    host: str, port: int, children: dict[str, subprocess.Popen[bytes]], stopping: Callable[[], bool]
) -> bool:
    """True once the API accepts a connection; False when a child exits first or we are stopped."""
    while not stopping() and all(c.poll() is None for c in children.values()):
        try:
            socket.create_connection((host, port), timeout=1).close()
            return True
        except OSError:
            time.sleep(UP_POLL_SECONDS)
    return False


def _stop_children(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 20
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
