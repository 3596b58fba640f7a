"""`serve` and `up` from the shell: the port checked before anything starts, in one line.

A port is made busy by a socket this test binds and listens on itself, on 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsdesk.cli import main
from tests.support.cli import one_line, run
from tests.support.terminal import newsdesk_in_terminal


@contextmanager
def busy_port() -> Iterator[int]:
    """A loopback port something listens on for the block."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


@pytest.mark.parametrize("argv", [["serve"], ["serve", "--workers", "2"], ["up"]])
def test_a_busy_port_is_one_line_and_exit_1_before_anything_starts(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with busy_port() as port:
        code, out, err = run(capsys, *argv, "--port", str(port))
    assert code == 1 and out == ""
    line = one_line(err)
    assert line == (
        f"newsdesk {argv[0]}: 127.0.0.1:{port} is already in use: stop what listens there, "
        "or choose another --port"
    )


def test_the_installed_command_on_a_busy_port_prints_no_server_log() -> None:
    """Not uvicorn's six lines after the model load: the one line, from the real process."""
    with busy_port() as port:
        done = subprocess.run(
            [sys.executable, "-m", "newsdesk", "serve", "--port", str(port)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode == 1 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"newsdesk serve: 127.0.0.1:{port} is already in use")


def test_serve_and_up_take_a_host_they_can_listen_on(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["serve", "--host", "192.0.2.1"], ["up", "--host", "192.0.2.1", "--port", "8123"]):
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert "cannot listen on 192.0.2.1:" in one_line(err) and "not an address of this machine" in err


@pytest.mark.parametrize("command", ["serve", "up"])
@pytest.mark.parametrize("port", ["99999", "65536", "0", "-1", "http"])
def test_a_port_outside_1_to_65535_is_bad_usage(
    capsys: pytest.CaptureFixture[str], command: str, port: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--port", port])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: newsdesk {command} ")
    assert "argument --port" in err and "Traceback" not in err


def test_up_names_a_process_that_stops_while_starting_and_never_says_running(tmp_path: Path) -> None:
    """Beat refuses a broken sources file at once: `up` says so and stops the API and the worker,
    where it used to say the API was running before any of them had started."""
    broken = tmp_path / "sources.toml"
    broken.write_text("[[source]\nname = ", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env |= {"NEWSDESK_DATA_DIR": str(tmp_path / "data"), "NEWSDESK_SOURCES": str(broken)}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = newsdesk_in_terminal(["up", "--port", str(port), "--concurrency", "1"], env)
    assert run.returncode == 1, run.terminal
    assert run.terminal.startswith(
        f"newsdesk up: starting the API on http://127.0.0.1:{port}, a worker and beat…"
    )
    assert re.search(
        r"newsdesk up: the (API|worker|beat) stopped \(exit \d+\); stopping the rest", run.terminal
    )
    assert "running" not in run.stdout
