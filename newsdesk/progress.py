"""Live lines on a terminal for long work: a progress bar with counts and rate, or a status line.

Both draw on stderr with a carriage return and only when stderr is a terminal (and the command
was not asked for `--json`); anywhere else they print nothing at all, so pipes, logs and tests
that capture output see exactly what they saw before.
"""

from __future__ import annotations

import sys
import threading
import time
from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self, TextIO

CLEAR = "\r\x1b[K"  # back to the line's start and erase it: the next draw replaces the last
BAR_WIDTH = 24
REDRAW_SECONDS = 0.1  # events faster than this redraw once: a terminal is slower than a loop
TICK_SECONDS = 1.0  # redraw this often with no events, so the elapsed time keeps moving
KEEP_SECONDS = 1.0  # a wait shorter than this leaves no line behind


def is_terminal(stream: TextIO) -> bool:
    """True when the stream is a terminal (a closed or odd stream is not)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Live(ABC):
    """A line redrawn in place on `stream` by the caller and by a ticking thread, under one lock."""

    def __init__(self, stream: TextIO | None, enabled: bool) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = enabled and is_terminal(self.stream)
        self.started = time.monotonic()
        self.drawn = False
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._ticker: threading.Thread | None = None

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def start(self) -> None:
        """Draw the line now and start the ticking thread."""
        self.started = time.monotonic()
        if self.live:
            self.draw()
            self._ticker = threading.Thread(target=self._tick, name="newsdesk-progress", daemon=True)
            self._ticker.start()

    def stop(self) -> None:
        self._done.set()
        if self._ticker is not None:
            self._ticker.join()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        if self.live and self.drawn:
            self._finish(error)

    @abstractmethod
    def _finish(self, error: BaseException | None) -> None:
        """What the line becomes when the work ends (the line was drawn and the stream is live)."""

    @abstractmethod
    def line(self) -> str:
        """The line's text now."""

    def draw(self) -> None:
        """Replace the line with its current text."""
        with self._lock:
            self._write(CLEAR + self.line())
            self.drawn = True

    def _tick(self) -> None:
        while not self._done.wait(TICK_SECONDS):
            self.draw()

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the work itself goes on
            self.live = False


class Progress(_Live):
    """Counts of finished items by status, a bar when the total is known, and the rate.

    Use as a context manager; `add(status)` after each item, `echo(line)` for a stdout line
    that must not be torn by the bar.
    """

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        unit: str = "pages",
        stream: TextIO | None = None,
        enabled: bool = True,
    ) -> None:
        super().__init__(stream, enabled)
        self.label, self.total, self.unit = label, total, unit
        self.counts: dict[str, int] = {}
        self._last_draw = 0.0

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def _finish(self, error: BaseException | None) -> None:
        self.draw()
        self._write("\n")

    def add(self, status: str) -> None:
        """One more item finished with this status; redrawn at most every REDRAW_SECONDS."""
        with self._lock:  # the ticking thread reads the counts while drawing
            self.counts[status] = self.counts.get(status, 0) + 1
        now = time.monotonic()
        if self.live and (now - self._last_draw >= REDRAW_SECONDS or self.done == self.total):
            self._last_draw = now
            self.draw()

    def echo(self, text: str, out: TextIO | None = None) -> None:
        """Print a line on stdout; on a terminal the bar is lifted first and drawn again below it."""
        out = out if out is not None else sys.stdout
        if not (self.live and self.drawn):
            print(text, file=out, flush=True)
            return
        with self._lock:
            self._write(CLEAR)
            print(text, file=out, flush=True)
            self._write(self.line())

    def line(self) -> str:
        done, seconds = self.done, self.elapsed()
        if self.total:
            filled = round(BAR_WIDTH * min(done, self.total) / self.total)
            parts = [f"{self.label} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{self.total}"]
        else:
            parts = [self.label, f"{done} {self.unit}"]
        if self.counts:
            parts.append(", ".join(f"{status} {n}" for status, n in sorted(self.counts.items())))
        rate = done / seconds if seconds > 0 else 0.0
        parts.append(f"{rate:.1f} {self.unit}/s · {seconds:.0f} s")
        return " · ".join(parts)


class Status(_Live):
    """One line saying what is being waited for, counting the seconds. A wait of KEEP_SECONDS
    or more ends the line with how long it took; a shorter one (or an error) erases it.

    Drawn at once rather than after a second: a thread cannot draw while an extension such
    as Kiwi's model load holds the GIL, so a delayed line would appear only when it is over."""

    def __init__(self, message: str, *, stream: TextIO | None = None, enabled: bool = True) -> None:
        super().__init__(stream, enabled)
        self.message = message

    def _finish(self, error: BaseException | None) -> None:
        seconds = self.elapsed()
        kept = error is None and seconds >= KEEP_SECONDS
        with self._lock:
            self._write(f"{CLEAR}{self.message} done ({seconds:.1f} s)\n" if kept else CLEAR)

    def line(self) -> str:
        return f"{self.message} {self.elapsed():.0f} s"


def loading_model(stream: TextIO | None = None, *, enabled: bool = True) -> Status:
    """The line shown while Kiwi loads (left on screen when that took over a second)."""
    return Status("loading the Korean model…", stream=stream, enabled=enabled)
