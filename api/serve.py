"""`newsdesk serve`: the API in one process, or in several that share the port fairly.

uvicorn's own `--workers` hands every process one listening socket, and the first to wake
accepts every connection waiting: keep-alive clients that connect together (a proxy's pool,
a load test) all land on one process while the others idle. Here each worker listens on its
own SO_REUSEPORT socket, so the kernel spreads new connections across them; the parent only
holds the address (bound, never listening), restarts a worker that dies, and stops them all.

The workers share their metrics through prometheus_client's multiprocess mode: serve makes a
fresh folder for it, names it in `PROMETHEUS_MULTIPROC_DIR` before any worker starts (and so
before any imports prometheus_client), and removes it when they have all stopped.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import signal
import socket
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing.process import BaseProcess
from types import FrameType

import uvicorn
from prometheus_client import multiprocess

from api.app import create_app
from api.listen import bind, check_free
from newsdesk.settings import Settings

log = logging.getLogger("newsdesk.serve")
STOP_SECONDS = 20.0  # a worker still finishing requests after this is killed
FAILED_START_SECONDS = 30.0  # a worker gone this soon failed to start: restarting would only loop
# uvicorn would otherwise take X-Forwarded-For from 127.0.0.1 as the client's address, so any
# local caller could pick its own; the API reads the header itself, from trusted proxies only
# (NEWSDESK_TRUSTED_PROXIES, api.ratelimit.client_key)
PROXY_HEADERS = False


def serve(
    settings: Settings, host: str, port: int, workers: int = 1, before_start: Callable[[], None] | None = None
) -> int:
    """Serve until SIGINT or SIGTERM (exit status 0), or until a worker cannot start (1);
    each worker builds its app from the environment. The address is bound first, so a taken
    port is an AddressError before anything starts; `before_start` runs once it is held."""
    if workers == 1 or not hasattr(socket, "SO_REUSEPORT"):
        sock = bind(host, port)
        app = create_app(settings)  # a database it cannot open fails here, before a slow model load
        if before_start is not None:
            before_start()
        server = _BoundServer(uvicorn.Config(app, host=host, port=port, proxy_headers=PROXY_HEADERS))
        with suppress(KeyboardInterrupt):  # uvicorn re-raises the Ctrl-C it handled: a clean stop
            server.run(sockets=[sock])
        return 0 if server.started else 1
    # each worker binds with SO_REUSEPORT, which would share the port with another server of
    # ours already running there: check it is free first
    check_free(host, port)
    with bind(host, port, reuse_port=True), _metrics_dir() as metrics:  # held while workers start
        if before_start is not None:
            before_start()
        return Supervisor(host, port, workers, metrics).run()


class _BoundServer(uvicorn.Server):
    """uvicorn on a socket bound beforehand; it says where it runs, as it does on its own socket."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            host, port = self.config.host, self.config.port
            where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            said = "Uvicorn running on http://%s (Press CTRL+C to quit)"
            logging.getLogger("uvicorn.error").info(said, where)


MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


@contextmanager
def _metrics_dir() -> Iterator[str]:
    """A new empty folder for the workers' metric files, in the environment they inherit: never
    one a previous serve left (its counts would be added in). Local temp rather than the data
    folder, which may be on a network filesystem, where the files' mmap is slow or unsafe."""
    path = tempfile.mkdtemp(prefix="newsdesk-metrics-")
    previous = os.environ.get(MULTIPROC_ENV)
    os.environ[MULTIPROC_ENV] = path
    try:
        yield path
    finally:
        if previous is None:
            os.environ.pop(MULTIPROC_ENV, None)
        else:
            os.environ[MULTIPROC_ENV] = previous
        shutil.rmtree(path, ignore_errors=True)


def _worker(host: str, port: int) -> None:
    """One API process on its own listening socket (uvicorn listens when it starts serving)."""
    sock = bind(host, port, reuse_port=True)
    config = uvicorn.Config(
        "api.app:from_env", factory=True, host=host, port=port, proxy_headers=PROXY_HEADERS
    )
    uvicorn.Server(config).run(sockets=[sock])


class Supervisor:
    """Starts `workers` processes, restarts any that exits on its own, stops all on a signal."""

    def __init__(self, host: str, port: int, workers: int, metrics_dir: str | None = None) -> None:
        self.host, self.port, self.workers = host, port, workers
        self.metrics_dir = metrics_dir
        self.context = multiprocessing.get_context("spawn")  # no inherited locks or threads
        self.processes: list[BaseProcess] = []
        self.started: dict[int, float] = {}  # pid → when it started
        self.stopping = False

    def run(self) -> int:
        previous = {s: signal.signal(s, self._stop) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            self.processes = [self._start() for _ in range(self.workers)]
            while not self.stopping:
                for i, process in enumerate(self.processes):
                    if process.is_alive() or self.stopping:
                        continue
                    if time.monotonic() - self.started.get(process.pid or 0, 0.0) < FAILED_START_SECONDS:
                        log.error("API worker %s failed to start (exit %s)", process.pid, process.exitcode)
                        return 1
                    log.warning(
                        "API worker %s exited with %s; starting another", process.pid, process.exitcode
                    )
                    self._mark_dead(process)
                    self.processes[i] = self._start()
                time.sleep(0.5)
            return 0
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _start(self) -> BaseProcess:
        process = self.context.Process(target=_worker, args=(self.host, self.port), daemon=False)
        process.start()
        self.started[process.pid or 0] = time.monotonic()
        return process

    def _mark_dead(self, process: BaseProcess) -> None:
        """Its live gauges leave the metrics; its counters stay in the sums (they happened)."""
        if self.metrics_dir and process.pid is not None:
            multiprocess.mark_process_dead(process.pid, self.metrics_dir)  # type: ignore[no-untyped-call]

    def _stop(self, _signum: int, _frame: FrameType | None) -> None:
        self.stopping = True

    def _stop_all(self) -> None:
        for process in self.processes:
            if process.is_alive() and process.pid is not None:
                process.terminate()  # SIGTERM: uvicorn finishes open requests, then exits
        deadline = time.monotonic() + STOP_SECONDS
        for process in self.processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
