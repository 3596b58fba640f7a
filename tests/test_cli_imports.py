"""A command imports only what it runs: `--help` and `extract` start without the store, Scrapy,
Celery or the API (each costs start-up time on every call). Checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.pages import SAMPLES

# run the CLI as the script does, then report every module that was imported
PROBE = """
import json, sys
from newsdesk.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exit:
    code = exit.code
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""
# third-party packages, and our modules that open the database, the index, the crawler, the queue
SERVICES = {"celery", "kombu", "sqlalchemy", "alembic", "scrapy", "twisted", "fastapi", "starlette",
            "uvicorn", "pydantic", "store.db", "store.models", "search.articles", "ingest.pipeline",
            "crawler", "worker", "api"}  # fmt: skip
MODEL = {"kiwipiepy", "numpy", "nlp.analyse"}
EXTRACTOR = {"trafilatura", "lxml", "nlp.extract"}


def probe(tmp_path: Path, *argv: str) -> tuple[int, set[str], str]:
    """The CLI run in a fresh interpreter: its exit code, the modules it imported (and each
    package of them), its stdout."""
    report = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), *argv], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in done.stderr, done.stderr
    found = json.loads(report.read_text(encoding="utf-8"))
    modules = set(found["modules"])
    packages = {name.split(".")[0] for name in modules}
    return found["code"], modules | packages, done.stdout


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"], ["drafts", "export", "--help"]])
def test_help_imports_no_service_no_model_no_extractor(tmp_path: Path, argv: list[str]) -> None:
    code, packages, out = probe(tmp_path, *argv)
    assert code == 0 and out.startswith("usage: newsdesk")
    assert packages.isdisjoint(SERVICES | MODEL | EXTRACTOR), packages & (SERVICES | MODEL | EXTRACTOR)


def test_extract_imports_the_extractor_and_nothing_of_the_services(tmp_path: Path) -> None:
    page = SAMPLES / "01-mohw-child-allowance.html"
    code, packages, out = probe(tmp_path, "extract", "--json", str(page))
    assert code == 0
    record = json.loads(out)
    assert record["kind"] == "article" and record["title"].startswith("아동수당 지급 대상")
    assert packages >= EXTRACTOR
    assert packages.isdisjoint(SERVICES | MODEL), packages & (SERVICES | MODEL)


def test_a_command_that_needs_the_store_still_loads_it(tmp_path: Path) -> None:
    """The probe sees what a command imports: `db current` opens the store (SQLAlchemy)."""
    code, packages, out = probe(tmp_path, "db", "current")
    assert code == 1 and out.startswith("no database yet")
    assert "sqlalchemy" in packages
