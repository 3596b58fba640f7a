"""Run the `newsdesk` command with its stderr on a pseudo-terminal, as a person at a shell sees it.

stdout stays a pipe, so a test sees what goes where: the live lines are on the terminal only.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Session:
    """What one run wrote: its exit status, the terminal's bytes (stderr) and stdout."""

    returncode: int
    terminal: str
    stdout: str


def newsdesk_in_terminal(
    args: list[str],
    env: Mapping[str, str],
    *,
    stop_when: Callable[[str], bool] | None = None,
    timeout: float = 180.0,
) -> Session:
    """Run `python -m newsdesk ARGS` with stderr on a pty until it exits, or until `stop_when`
    is true of the terminal's text so far (then it gets SIGINT, as Ctrl-C sends)."""
    master, slave = pty.openpty()
    stdout = tempfile.TemporaryFile()  # noqa: SIM115 - a file, not a pipe: a full pipe stalls the command
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", *args],
        stdin=subprocess.DEVNULL, stdout=stdout, stderr=slave, env=dict(env), start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    seen = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: every writer of the terminal has gone
                    break
                if not chunk:
                    break
                seen += chunk
            elif process.poll() is not None:
                break
            if stop_when is not None and process.poll() is None and stop_when(seen.decode(errors="replace")):
                process.send_signal(signal.SIGINT)
                stop_when = None
        else:
            raise AssertionError(f"newsdesk {' '.join(args)} still running: {seen.decode(errors='replace')}")
        code = process.wait(timeout=60)
        stdout.seek(0)
        return Session(code, seen.decode(errors="replace"), stdout.read().decode(errors="replace"))
    finally:
        os.close(master)
        stdout.close()
        with suppress(ProcessLookupError):  # its children too, should any outlive it
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
