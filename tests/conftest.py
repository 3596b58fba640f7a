"""Shared fixtures: an isolated data folder for every test, a real SQLite file; helpers live in
``tests.support``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.pages import sqlite_url


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; nothing reads or writes a real ./var."""
    data_dir = tmp_path / "data"
    for name in [n for n in os.environ if n.startswith("NEWSDESK_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Any]:
    """A fresh, migrated SQLite database file under tmp_path."""
    from store.db import Database

    database = Database(sqlite_url(tmp_path / "test.db"))
    yield database
    database.dispose()
