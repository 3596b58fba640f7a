"""Who the rate limit counts: the connection's peer, and X-Forwarded-For only from a trusted proxy
(NEWSDESK_TRUSTED_PROXIES). Pinned on the address rule itself and on a real `newsdesk serve`,
where uvicorn must not take the header from 127.0.0.1 on its own."""

from __future__ import annotations

import http.client
import ipaddress
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
import redis

from api.ratelimit import client_key
from newsdesk.settings import Settings, SettingsError
from tests.support.postgres import run_id
from tests.support.queue import redis_target, require, wait_until, worker_env

LIMIT = 3


def _scope(peer: str, *forwarded: str) -> dict[str, Any]:
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    return {"type": "http", "client": (peer, 50000), "headers": headers}


def _nets(*items: str) -> tuple[Any, ...]:
    return tuple(ipaddress.ip_network(item) for item in items)


# the address rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "key"),
    [
        ("127.0.0.1", ["203.0.113.7"], (), "127.0.0.1"),  # nothing trusted: the header is a claim
        ("198.51.100.2", ["203.0.113.7"], ("10.0.0.0/8",), "198.51.100.2"),  # not from our proxy
        ("10.1.2.3", ["203.0.113.7"], ("10.0.0.0/8",), "203.0.113.7"),
        # the client's own claim sits left of what our proxy appended: the rightmost untrusted wins
        ("10.1.2.3", ["1.1.1.1, 203.0.113.7"], ("10.0.0.0/8",), "203.0.113.7"),
        # a chain of our proxies: skip them all, right to left
        ("10.1.2.3", ["8.8.8.8, 203.0.113.7, 10.9.9.9"], ("10.0.0.0/8",), "203.0.113.7"),
        ("10.1.2.3", ["8.8.8.8", "203.0.113.7, 10.9.9.9"], ("10.0.0.0/8",), "203.0.113.7"),  # two headers
        ("10.1.2.3", [], ("10.0.0.0/8",), "10.1.2.3"),  # a trusted proxy sending no header: itself
        ("10.1.2.3", ["not-an-ip"], ("10.0.0.0/8",), "10.1.2.3"),  # garbage: the hop that passed it
        ("10.1.2.3", ["junk, 10.9.9.9"], ("10.0.0.0/8",), "10.9.9.9"),
        ("10.1.2.3", ["10.9.9.9"], ("10.0.0.0/8",), "10.9.9.9"),  # all trusted: the farthest one
        ("::1", ["2001:db8::5"], ("::1",), "2001:db8::5"),
        ("10.1.2.3", ["203.0.113.7:51234"], ("10.0.0.0/8",), "203.0.113.7"),  # a proxy that adds ports
        ("10.1.2.3", ["[2001:db8::5]:443, 10.9.9.9:80"], ("10.0.0.0/8",), "2001:db8::5"),
        ("testclient", ["203.0.113.7"], ("0.0.0.0/0",), "testclient"),  # not an IP peer
    ],
)
def test_the_client_is_the_peer_unless_the_peer_is_a_trusted_proxy(
    peer: str, forwarded: list[str], trusted: tuple[str, ...], key: str
) -> None:
    assert client_key(_scope(peer, *forwarded), _nets(*trusted)) == key


def test_trusted_proxies_setting() -> None:
    assert Settings.from_env({}).trusted_proxies == ()
    settings = Settings.from_env({"NEWSDESK_TRUSTED_PROXIES": " 10.0.0.0/8, 127.0.0.1 ,::1,"})
    assert [str(n) for n in settings.trusted_proxies] == ["10.0.0.0/8", "127.0.0.1/32", "::1/128"]
    with pytest.raises(SettingsError, match=r"NEWSDESK_TRUSTED_PROXIES: 'proxy\.local'"):
        Settings.from_env({"NEWSDESK_TRUSTED_PROXIES": "10.0.0.1,proxy.local"})


# a real serve -------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str, forwarded: str | None = None) -> int:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        client.request("GET", path, headers={"X-Forwarded-For": forwarded} if forwarded else {})
        answer = client.getresponse()
        answer.read()
        return answer.status
    except OSError:
        return 0
    finally:
        client.close()


@contextmanager
def _serving(tmp_path: Path, workers: int, **env: str) -> Iterator[int]:
    """`newsdesk serve --workers N` on a free loopback port with the rate limit on; its port."""
    port = _free_port()
    environ = {**worker_env(tmp_path / "data"), "NEWSDESK_RATE_LIMIT": str(LIMIT), **env}
    environ["NEWSDESK_API_PORT"] = str(port)
    with (tmp_path / "serve.log").open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "serve", "--workers", str(workers)],
            env=environ, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        # /health is not limited; with several workers, each must be up before counting starts
        wait_until(lambda: all(_get(port, "/health") == 200 for _ in range(4 * workers)), 90, "serve")
        yield port
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=40)
    finally:
        with suppress(ProcessLookupError):
            process.kill()
        process.wait(timeout=10)


@pytest.fixture(params=[1, 2], ids=["one-process", "two-workers-redis"])
def served_env(request: pytest.FixtureRequest) -> Iterator[tuple[int, dict[str, str]]]:
    """One process limiting in memory, or `--workers 2` sharing the limit through Redis (the
    supervisor's own uvicorn configuration)."""
    if request.param == 1:
        yield 1, {}
        return
    require("redis")
    url, prefix = redis_target().url, f"newsdesk-test-{run_id()}:"
    yield 2, {"NEWSDESK_REDIS_URL": url, "NEWSDESK_REDIS_PREFIX": prefix}
    client = redis.Redis.from_url(url, socket_connect_timeout=5)
    try:
        for key in client.scan_iter(prefix + "*"):
            client.delete(key)
    finally:
        client.close()


def test_forwarded_for_from_loopback_does_not_reset_the_limit(
    tmp_path: Path, served_env: tuple[int, dict[str, str]]
) -> None:
    workers, env = served_env
    with _serving(tmp_path, workers, **env) as port:
        answers = [_get(port, "/sources", f"203.0.113.{i}") for i in range(LIMIT + 2)]
    assert answers == [200] * LIMIT + [429, 429], answers


def test_forwarded_for_from_a_trusted_proxy_names_the_client(
    tmp_path: Path, served_env: tuple[int, dict[str, str]]
) -> None:
    workers, env = served_env
    with _serving(tmp_path, workers, NEWSDESK_TRUSTED_PROXIES="127.0.0.0/8", **env) as port:
        first = [_get(port, "/sources", "1.2.3.4, 203.0.113.1") for _ in range(LIMIT + 1)]
        other = [_get(port, "/sources", "203.0.113.2") for _ in range(LIMIT)]
        bare = _get(port, "/sources")  # the proxy itself, with no header: its own bucket
    assert first == [200] * LIMIT + [429], first
    assert other == [200] * LIMIT, "another forwarded client has its own limit"
    assert bare == 200
