"""Metrics and the rate limit across `serve --workers 2`: real processes, a real Redis.

`/metrics` sums every worker's requests (prometheus_client's multiprocess mode), a worker that
serve restarts keeps its counts in the sums, and with Redis configured the rate limit counts
one window for all workers. Redis 127.0.0.1:6379 (`NEWSDESK_TEST_REDIS`): unreachable, the
tests that need it skip in one line, or fail with CI=true. Each run uses a random database
(1–15) and its own key prefix, and deletes its keys after.
"""

from __future__ import annotations

import http.client
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from api.app import create_app
from api.ratelimit import RateLimiter, RedisRateLimiter, make_limiter
from newsdesk.settings import Settings
from tests.support.postgres import run_id
from tests.support.queue import descendants, redis_target, require, wait_until, worker_env

REQUEST_SAMPLE = re.compile(
    r'newsdesk_http_requests_total\{method="([^"]+)",route="([^"]+)",status="(\d+)"\} ([0-9.e+]+)'
)


@pytest.fixture
def redis_space() -> Iterator[tuple[str, str]]:
    """A Redis URL (random database) and a key prefix no other run uses; its keys deleted after."""
    require("redis")
    url, prefix = redis_target().url, f"newsdesk-test-{run_id()}:"
    yield url, prefix
    client = redis.Redis.from_url(url, socket_connect_timeout=5)
    try:
        for key in client.scan_iter(prefix + "*"):
            client.delete(key)
    finally:
        client.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# the limiters, one process ---------------------------------------------------------------------


def test_in_memory_limiter_counts_per_client_and_per_instance() -> None:
    now = [0.0]
    first, second = RateLimiter(3, clock=lambda: now[0]), RateLimiter(3, clock=lambda: now[0])
    assert [first.check("a") for _ in range(4)] == [0, 0, 0, 20]  # one token every 20 s
    assert first.check("b") == 0, "per client"
    assert second.check("a") == 0, "each instance (each process) counts on its own"
    assert isinstance(make_limiter(3, None), RateLimiter) and make_limiter(0, None) is None


def test_redis_limiter_counts_once_for_every_instance(redis_space: tuple[str, str]) -> None:
    url, prefix = redis_space
    limiters = [RedisRateLimiter(url, 3, prefix) for _ in range(2)]  # as two processes would
    try:
        answers = [limiters[i % 2].check("203.0.113.5") for i in range(5)]
        assert answers[:3] == [0, 0, 0]
        assert all(1 <= wait <= 60 for wait in answers[3:]), answers
        assert limiters[1].check("203.0.113.6") == 0, "per client"
        assert isinstance(make_limiter(3, url, prefix), RedisRateLimiter)
    finally:
        for limiter in limiters:
            limiter.close()


def test_redis_limiter_window_slides(redis_space: tuple[str, str]) -> None:
    url, prefix = redis_space
    limiter = RedisRateLimiter(url, 2, prefix, window_ms=1000)
    try:
        assert [limiter.check("a") for _ in range(3)] == [0, 0, 1]
        time.sleep(1.1)  # the two admitted requests leave the window
        assert [limiter.check("a") for _ in range(3)] == [0, 0, 1]
    finally:
        limiter.close()


def test_redis_limiter_fails_open_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    limiter = RedisRateLimiter(f"redis://127.0.0.1:{_free_port()}/0", 1)  # nothing listens there
    try:
        with caplog.at_level(logging.WARNING, logger="newsdesk.ratelimit"):
            assert [limiter.check("a") for _ in range(5)] == [0] * 5
    finally:
        limiter.close()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "Redis" in warnings[0].getMessage(), "one warning per outage"


def test_api_with_an_unreachable_redis_answers_never_a_500(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "NEWSDESK_DATA_DIR": str(tmp_path / "data"),
            "NEWSDESK_RATE_LIMIT": "1",
            "NEWSDESK_REDIS_URL": f"redis://127.0.0.1:{_free_port()}/0",
        }
    )
    app = create_app(settings)
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            assert [client.get("/sources").status_code for _ in range(3)] == [200] * 3
    finally:
        app.state.db.dispose()


def test_redis_url_setting_and_its_fallback_to_a_redis_broker() -> None:
    assert Settings.from_env({"NEWSDESK_REDIS_URL": "redis://r:6379/2"}).redis_url == "redis://r:6379/2"
    broker = Settings.from_env({"NEWSDESK_BROKER_URL": "redis://q:6379/0"})
    assert broker.redis_url == "redis://q:6379/0" and broker.redis_prefix == "newsdesk:"
    assert Settings.from_env({"NEWSDESK_BROKER_URL": "amqp://guest@q//"}).redis_url is None
    assert Settings.from_env({}).redis_url is None, "the embedded profile: limits per process"
    assert Settings.from_env({"NEWSDESK_REDIS_PREFIX": "x:"}).redis_prefix == "x:"


# serve --workers 2 -----------------------------------------------------------------------------


@dataclass
class Served:
    """A running `serve --workers 2`: its process, port, and what each request got."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def workers(self) -> list[int]:
        return descendants(self.process.pid)

    def get(self, path: str) -> tuple[http.client.HTTPResponse, bytes, int]:
        """GET over a new connection: the answer, its body, and the pid of the worker that answered."""
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            client.request("GET", path)
            answer = client.getresponse()
            body = answer.read()
            assert client.sock is not None
            return answer, body, _holder(self.port, client.sock.getsockname()[1], self.workers())
        finally:
            client.close()

    def listening(self) -> int:
        return len(_sockets(self.port, "0A"))


@contextmanager
def serving(env: dict[str, str], log: Path) -> Iterator[Served]:
    """`newsdesk serve --workers 2` on a free loopback port, stopped (SIGTERM, status 0) after."""
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "serve", "--workers", "2"],
            env={**env, "NEWSDESK_API_PORT": str(port)}, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    served = Served(process, port, log)
    try:
        wait_until(lambda: served.listening() == 2, 90, "both workers to listen")
        yield served
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=40) == 0, log.read_text(errors="replace")[-2000:]
    finally:
        with suppress(ProcessLookupError):
            process.kill()
        process.wait(timeout=10)


def _sockets(port: int, state: str, peer: int | None = None) -> set[str]:
    """Inodes of the TCP sockets on local `port` in `state` (01 established, 0A listening),
    those whose remote end is on port `peer` when given."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) != port or fields[3] != state:
            continue
        if peer is None or int(fields[2].split(":")[1], 16) == peer:
            found.add(fields[9])
    return found


def _holder(port: int, client_port: int, pids: list[int]) -> int:
    """The pid among `pids` holding the server end of the connection from `client_port` (0: none)."""
    inodes = _sockets(port, "01", peer=client_port)
    for pid in pids:
        with suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with suppress(OSError):
                    if os.readlink(fd).removeprefix("socket:[").rstrip("]") in inodes:
                        return pid
    return 0


def _requests_counted(text: str) -> Counter[tuple[str, str]]:
    """`newsdesk_http_requests_total` by (route, status), summed over methods."""
    counted: Counter[tuple[str, str]] = Counter()
    for _method, route, status, value in REQUEST_SAMPLE.findall(text):
        assert float(value).is_integer(), value
        counted[(route, status)] += int(float(value))
    return counted


def _traffic(served: Served, made: Counter[tuple[str, str]], answered: Counter[int], least: int) -> None:
    """At least `least` requests (a found article list and a missing article, in turn) over new
    connections, and on until both workers have answered some; each counted in `made`."""
    routes = [("/sources", "/sources"), ("/articles/999999999", "/articles/{article_id}")]
    n = 0
    while n < least or len(answered) < 2:
        assert n < 400, f"one worker answered every request: {answered}"
        path, route = routes[n % 2]
        answer, _, pid = served.get(path)
        made[(route, str(answer.status))] += 1
        answered[pid] += 1
        n += 1
    assert 0 not in answered, "every answer came from a serve worker"


def test_metrics_count_every_workers_requests_also_after_a_restart(tmp_path: Path) -> None:
    env = worker_env(tmp_path / "data")
    with serving(env, tmp_path / "serve.log") as served:
        started = time.monotonic()
        made: Counter[tuple[str, str]] = Counter()
        answered: Counter[int] = Counter()
        _traffic(served, made, answered, 40)
        answer, body, _ = served.get("/metrics")  # not counted in its own answer: recorded after
        assert answer.status == 200
        assert _requests_counted(body.decode()) == made, (answered, made)
        made[("/metrics", "200")] += 1

        # a worker killed after the start-up grace: serve starts another; its counts stay summed
        time.sleep(max(0.0, 31 - (time.monotonic() - started)))
        victim = next(iter(answered))
        os.kill(victim, signal.SIGKILL)
        wait_until(lambda: victim not in served.workers() and served.listening() == 2, 90, "a new worker")
        answered.clear()
        _traffic(served, made, answered, 20)
        assert victim not in answered
        answer, body, _ = served.get("/metrics")
        assert _requests_counted(body.decode()) == made, (answered, made)
    assert "starting another" in served.log.read_text(errors="replace")


def test_rate_limit_in_redis_is_one_limit_for_every_worker(
    tmp_path: Path, redis_space: tuple[str, str]
) -> None:
    url, prefix = redis_space
    limit = 5
    env = {
        **worker_env(tmp_path / "data"),
        "NEWSDESK_RATE_LIMIT": str(limit),
        "NEWSDESK_REDIS_URL": url,
        "NEWSDESK_REDIS_PREFIX": prefix,
    }
    with serving(env, tmp_path / "serve.log") as served:
        statuses: list[int] = []
        answered: Counter[int] = Counter()
        while len(statuses) < 4 * limit or min(answered.values(), default=0) < 2 or len(answered) < 2:
            assert len(statuses) < 400, f"one worker answered every request: {answered}"
            answer, body, pid = served.get("/sources")
            statuses.append(answer.status)
            answered[pid] += 1
            if answer.status == 429:
                assert 1 <= int(answer.headers["Retry-After"]) <= 60
                assert b'"status":429' in body.replace(b" ", b"")
        health, _, _ = served.get("/health")
    assert statuses[:limit] == [200] * limit, statuses
    assert statuses[limit:] == [429] * (len(statuses) - limit), statuses
    assert len(answered) == 2 and 0 not in answered, answered
    assert health.status == 200, "health checks are never limited"
