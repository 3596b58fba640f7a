"""Running the CLI in-process for the tests, and reading what it printed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main(argv) in-process; its stdout and stderr as capsys saw them."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def json_lines(out: str) -> list[dict[str, Any]]:
    """Each non-empty line of `out` as JSON (the --json outputs are JSON Lines)."""
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def one_line(err: str) -> str:
    """The one line a refusal prints (asserted: exactly one, no traceback)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]
