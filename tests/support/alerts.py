"""Helpers for the alert tests: a webhook receiver on 127.0.0.1 and a worker allowed to reach it.

The receiver is a real ``ThreadingHTTPServer``; it answers each POST with the next status of its
script (then `default`), or holds it open when told to, and records every request it got.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.support.pages import article_html
from tests.support.queue import ROOT, WorkerProcess

# Korean article texts for matching: 청년들에게 … 지원한다 has neither word as a query types it
YOUTH = [
    "고용노동부는 올해 청년들에게 일자리 경험 기회를 넓혀 주기로 했다.",
    "정부는 참여 기업에 운영비를 지원한다고 밝혔다.",
    "신청은 이달 말까지 고용24 누리집에서 받는다.",
]
PHRASE = [  # 청년 지원, in a row
    "정부는 청년 지원 사업을 올해 두 배로 늘린다고 밝혔다.",
    "참여를 원하는 청년은 고용24 누리집에서 신청하면 된다.",
]
UNIVERSITY = [*YOUTH, "대학 졸업 예정자도 참여할 수 있다."]
FILLER = [  # none of the queried words: makes each test page a full-length article
    "이번 계획은 관계 부처 협의를 거쳐 최종 확정됐다.",
    "담당 부서는 세부 일정을 다음 달 초 누리집에 공개할 예정이다.",
    "관계자는 현장의 의견을 꾸준히 듣겠다고 말했다.",
]

PUBLIC_HOOK = "http://93.184.216.34/hook"  # a public address literal: no DNS, never contacted here


def youth_page(n: int, paragraphs: Sequence[str] = YOUTH, site: str = "고용신문") -> bytes:
    """Article page number `n`: the paragraphs given, then FILLER."""
    return article_html(f"고용부, 일경험 사업 참여자 모집 ({n})", [*paragraphs, *FILLER], site=site)


def feed_sources(name: str, feed_url: str) -> str:
    """A sources file with one feed source on 127.0.0.1, quick to give up on a slow answer."""
    return f"""[crawler]
contact = "alert-tests@example.org"
download_timeout = 3.0
retry_times = 2
backoff = 0.05
backoff_max = 0.2

[[source]]
name = "{name}"
kind = "feed"
start_urls = ["{feed_url}"]
allowed_domains = ["127.0.0.1"]
category = "고용·노동"
schedule = "*/30 * * * *"
delay = 0
"""


# `newsdesk worker` with the tests-only loopback switch on: settings never read it from the
# environment, so the process sets it itself before starting the same worker
LOOPBACK_WORKER = (
    "import sys, dataclasses\n"
    "from newsdesk.settings import Settings\n"
    "from newsdesk.services import run_worker\n"
    "settings = dataclasses.replace(Settings.from_env(), allow_loopback_fetch=True)\n"
    "sys.exit(run_worker(settings, sys.argv[1], int(sys.argv[2])))\n"
)


@dataclass(frozen=True, slots=True)
class Received:
    """One request the receiver got, and what it answered (None: held, never answered)."""

    path: str
    headers: dict[str, str]
    body: bytes
    status: int | None

    @property
    def delivery_id(self) -> str:
        return self.headers.get("x-newsdesk-delivery", "")

    def json(self) -> Any:
        return json.loads(self.body)

    def signed_by(self, secret: str) -> bool:
        """Whether X-Newsdesk-Signature is the HMAC-SHA256 of the exact body under `secret`."""
        expected = "sha256=" + hmac.new(secret.encode(), self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(self.headers.get("x-newsdesk-signature", ""), expected)


class Receiver:
    """A webhook endpoint: scripted statuses, an optional hold on the first `hold` requests."""

    def __init__(self, script: Sequence[int] = (), default: int = 200, hold: int = 0) -> None:
        self.script = list(script)
        self.default = default
        self.hold = hold
        self.released = threading.Event()
        self.received: list[Received] = []
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.base = ""

    def url(self, path: str = "/hook") -> str:
        return self.base + path

    def accepted(self) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.status is not None and 200 <= r.status < 300]

    def all(self) -> list[Received]:
        with self.lock:
            return list(self.received)

    def _answer(self) -> int | None:
        with self.lock:
            if self.hold > 0:
                self.hold -= 1
                return None
            return self.script.pop(0) if self.script else self.default

    def start(self) -> str:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                status = receiver._answer()
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver.lock:
                    receiver.received.append(Received(self.path, headers, body, status))
                if status is None:  # held: the sender is killed meanwhile, or times out
                    receiver.released.wait(60)
                    return
                with suppress(OSError):
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, name="webhook-receiver", daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        return self.base

    def stop(self) -> None:
        self.released.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A sender killed mid-request is expected here: no tracebacks."""


@contextmanager
def receiver(script: Sequence[int] = (), default: int = 200, hold: int = 0) -> Iterator[Receiver]:
    found = Receiver(script, default, hold)
    found.start()
    try:
        yield found
    finally:
        found.stop()


class LoopbackWorker(WorkerProcess):
    """A real worker like `newsdesk worker`, allowed to post to loopback receivers."""

    def __init__(self, env: dict[str, str], log: Path, concurrency: int = 1, queues: str = "process") -> None:
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = log
        self.terminated = False
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-c", LOOPBACK_WORKER, queues, str(concurrency)], env=env, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT,
            )  # fmt: skip
