"""Progress on long work: a bar or a status line on a terminal's stderr, nothing anywhere else.

The commands run with stderr on a real pseudo-terminal (tests.support.terminal), and again with
plain pipes; the live lines are drawn with a carriage return, so "\\r" tells whether any was.
"""

from __future__ import annotations

import io
import os
import pty
import select
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import pytest

from newsdesk.progress import Progress, Status, loading_model
from tests.support.pages import SAMPLES, manifest
from tests.support.site import Site, listing_page, topic_article
from tests.support.terminal import newsdesk_in_terminal

TOPICS = ("care", "bus", "meals")


@contextmanager
def terminal() -> Iterator[tuple[TextIO, int]]:
    """A text stream on a pseudo-terminal (isatty() is true) and the fd that reads what it shows."""
    master, slave = pty.openpty()
    stream = open(slave, "w", encoding="utf-8")  # noqa: SIM115 - closed below, after the reads
    try:
        yield stream, master
    finally:
        stream.close()
        os.close(master)


def shown(master: int) -> str:
    """Everything written to the terminal so far (the test wrote it; it is already there)."""
    data = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.05)
        if not ready:
            return data.decode()
        data += os.read(master, 65536)


def env_for(data_dir: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    return {**clean, "NEWSDESK_DATA_DIR": str(data_dir)}


# the two kinds of line ------------------------------------------------------------------------


def test_a_progress_bar_counts_by_status_with_a_rate_on_a_terminal() -> None:
    with terminal() as (stream, master):
        out = io.StringIO()
        with Progress("ingest", 3, stream=stream) as progress:
            for status in ("new", "new", "unchanged"):
                progress.echo(f"page: {status}", out)
                progress.add(status)
        stream.flush()
        text = shown(master)
    assert out.getvalue().splitlines() == ["page: new", "page: new", "page: unchanged"]
    last = text.rsplit("\r\x1b[K", 1)[1]
    assert last.startswith("ingest [" + "#" * 24 + "] 3/3 · new 2, unchanged 1 · ")
    assert "pages/s" in last and last.endswith("\n")
    assert "ingest [" + "-" * 24 + "] 0/3" in text  # drawn before the first page was done


def test_a_status_line_shows_while_waiting_and_a_short_wait_leaves_nothing() -> None:
    with terminal() as (stream, master):
        with Status("checking x: fetching its start pages…", stream=stream):
            pass
        stream.flush()
        text = shown(master)
    assert text.startswith("\r\x1b[Kchecking x: fetching its start pages… 0 s")
    assert text.endswith("\r\x1b[K")  # erased: a wait under a second is not worth a line


def test_a_status_line_ends_with_how_long_a_long_wait_took(monkeypatch: pytest.MonkeyPatch) -> None:
    with terminal() as (stream, master):
        with loading_model(stream) as status:
            monkeypatch.setattr(status, "started", status.started - 5.0)  # as if it began 5 s ago
        stream.flush()
        text = shown(master)
    assert text.startswith("\r\x1b[Kloading the Korean model… 0 s")
    assert text.endswith("\r\x1b[Kloading the Korean model… done (5.0 s)\r\n")  # the tty adds \r


def test_nothing_is_drawn_off_a_terminal_or_when_switched_off() -> None:
    for stream, enabled in ((io.StringIO(), True), (sys.stderr, False)):
        out = io.StringIO()
        with Progress("ingest", 2, stream=stream, enabled=enabled) as progress:
            progress.echo("a line", out)
            progress.add("new")
        with Status("waiting…", stream=stream, enabled=enabled):
            pass
        assert out.getvalue() == "a line\n"
        assert not progress.live and not progress.drawn
    with terminal() as (stream, master):
        with Progress("ingest", 2, stream=stream, enabled=False) as progress:
            progress.add("new")
        assert shown(master) == ""


# the commands ---------------------------------------------------------------------------------


def sample_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for item in manifest()[:3]:
        shutil.copy(SAMPLES / item["file"], folder / item["file"])
    return folder


def test_ingest_shows_a_bar_on_a_terminal_and_nothing_through_a_pipe(tmp_path: Path) -> None:
    pages = sample_folder(tmp_path)
    first = newsdesk_in_terminal(["ingest", str(pages)], env_for(tmp_path / "a"))
    assert first.returncode == 0, first.terminal
    assert first.terminal.startswith("\r\x1b[Kloading the Korean model… 0 s")
    assert "ingest [" + "#" * 24 + "] 3/3 · new 3 · " in first.terminal
    assert "\r\x1b[K" in first.terminal and "pages/s" in first.terminal
    assert first.stdout.count(": new (article ") == 3  # stdout as it always was: no bar in it
    assert "\r" not in first.stdout and first.stdout.strip().endswith("ingested: 3 new")

    piped = subprocess.run(
        [sys.executable, "-m", "newsdesk", "ingest", str(pages)],
        env=env_for(tmp_path / "b"), capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert piped.returncode == 0 and piped.stderr == ""
    assert piped.stdout == first.stdout.replace(str(tmp_path / "a"), str(tmp_path / "b"))


def crawl_site(tmp_path: Path) -> tuple[Site, Path]:
    """A listing of three articles on a loopback server, and a sources file naming it `local`."""
    site = Site()
    base = site.start()
    links = [(f"/news/{topic}.html", topic) for topic in TOPICS]
    site.add("/list.html", listing_page("보도자료", links))
    for topic in TOPICS:
        site.add(f"/news/{topic}.html", topic_article(topic))
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[crawler]\ncontact = "crawl-tests@example.org"\ndownload_timeout = 5.0\n'
        f'[[source]]\nname = "local"\nkind = "listing"\nstart_urls = ["{base}/list.html"]\n'
        'allowed_domains = ["127.0.0.1"]\ncategory = "행정"\nschedule = "*/30 * * * *"\ndelay = 0\n'
        'article_links = "ul.board_list a"\n'
        f'[[source]]\nname = "gone"\nkind = "listing"\nstart_urls = ["{base}/missing.html"]\n'
        'allowed_domains = ["127.0.0.1"]\ncategory = "행정"\nschedule = "*/30 * * * *"\ndelay = 0\n'
        'article_links = "ul.board_list a"\n',
        encoding="utf-8",
    )
    return site, sources


def test_crawl_and_sources_check_show_progress_on_a_terminal_only_and_not_for_json(tmp_path: Path) -> None:
    site, sources = crawl_site(tmp_path)
    try:
        crawl = newsdesk_in_terminal(["crawl", "local", "--sources", str(sources)], env_for(tmp_path / "a"))
        assert crawl.returncode == 0, crawl.terminal
        assert "\r\x1b[Kcrawl local · 0 pages · " in crawl.terminal  # drawn before any page came
        assert "crawl local · 3 pages · new 3 · " in crawl.terminal and "pages/s" in crawl.terminal
        assert "new 3" in crawl.stdout and "\r" not in crawl.stdout

        env = env_for(tmp_path)
        check = newsdesk_in_terminal(["sources", "check", "local", "--sources", str(sources)], env)
        assert check.returncode == 0 and "local: 3 article links" in check.stdout
        assert "\r\x1b[Kchecking local: fetching its start pages… 0 s" in check.terminal

        gone = newsdesk_in_terminal(["sources", "check", "gone", "--sources", str(sources)], env)
        assert gone.returncode == 1
        # the status line is erased and the failure stands alone on its line
        assert gone.terminal.split("\r\x1b[K")[-1].startswith("newsdesk sources: gone:")

        quiet = newsdesk_in_terminal(["sources", "check", "local", "--json", "--sources", str(sources)], env)
        assert quiet.returncode == 0 and "\r" not in quiet.terminal  # --json: no status line

        piped = subprocess.run(
            [sys.executable, "-m", "newsdesk", "crawl", "local", "--sources", str(sources)],
            env=env_for(tmp_path / "b"),
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert piped.returncode == 0 and "new 3" in piped.stdout
        assert "\r" not in piped.stderr and "crawl local ·" not in piped.stderr
    finally:
        site.stop()


def test_serve_says_it_is_loading_the_model_on_a_terminal(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = newsdesk_in_terminal(
        ["serve", "--port", str(port)],
        env_for(tmp_path),
        stop_when=lambda text: "Uvicorn running on" in text,
    )
    assert run.returncode == 0, run.terminal
    loading = run.terminal.index("\r\x1b[Kloading the Korean model…")
    assert loading < run.terminal.index(f"Uvicorn running on http://127.0.0.1:{port}")
