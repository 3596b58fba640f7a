"""Running a crawl job in its own process (a Twisted reactor cannot restart), events streamed back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from crawler import CrawlProcessError, CrawlTimeout
from crawler.report import Event
from nlp.digest import DigestOptions

ROOT = Path(__file__).resolve().parent.parent
Mode = Literal["crawl", "check", "fetch"]


@dataclass(frozen=True, slots=True)
class Job:
    """What the child process should do; plain values only, sent as JSON.

    Modes: ``crawl`` fetches and stores; ``check`` collects the start pages' article links;
    ``fetch`` fetches articles and stores nothing (the benchmark's Scrapy-only rate). With
    `queue`, a crawl stores raw pages and reports each one that needs processing (a ``queued``
    event) to the parent, which enqueues it, instead of processing it. This JSON is the only form
    the settings take on the way to the crawl: Scrapy's components read the Job itself.
    """

    mode: Mode
    sources: str
    name: str
    database_url: str
    limit: int | None = None
    options: DigestOptions = field(default_factory=DigestOptions)
    queue: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, text: str) -> Job:
        data = json.loads(text)
        return cls(**{**data, "options": DigestOptions(**data.get("options", {}))})


def run_child(
    job: Job, on_event: Callable[[Event], None], log_path: Path, timeout: float | None = None
) -> Event:
    """Run `job` in ``python -m crawler.child``; pass each event on; return the final ``done`` event.

    A fresh process per job (a Twisted reactor cannot restart); killed after `timeout` seconds.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    )
    command = [sys.executable, "-m", "crawler.child"]
    with (
        log_path.open("w", encoding="utf-8") as log,
        subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
            text=True,
            encoding="utf-8",
        ) as child,
    ):
        timer = threading.Timer(timeout, child.kill) if timeout else None
        if timer is not None:
            timer.start()
        try:
            done = _stream(child, job, on_event)
            code = child.wait()
        finally:
            _stop(child)
            if timer is not None:
                timer.cancel()
    if timer is not None and timer.finished.is_set() and done is None:
        raise CrawlTimeout(f"crawl process killed after {timeout:g} s (log: {log_path})")
    if code != 0 or done is None:
        raise CrawlProcessError(
            f"crawl process exited with code {code}: {_last_line(log_path)} (log: {log_path})"
        )
    return done


def _stream(child: subprocess.Popen[str], job: Job, on_event: Callable[[Event], None]) -> Event | None:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(json.dumps(asdict(job), ensure_ascii=False))
    child.stdin.close()
    done: Event | None = None
    for line in child.stdout:
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        if event.get("event") == "done":
            done = event
        else:
            on_event(event)
    return done


def _stop(child: subprocess.Popen[str]) -> None:
    """End the child if it is still running (the parent was interrupted)."""
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _last_line(path: Path) -> str:
    try:
        lines = [x for x in path.read_text(encoding="utf-8", errors="replace").splitlines() if x.strip()]
    except OSError:
        return "no log"
    return lines[-1][:300] if lines else "no output"
