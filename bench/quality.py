"""Quality against peers on real Korean data: summaries (ROUGE) and extraction, side by side.

Runs the shared harnesses from the project root when ``../shared/eval`` exists:

    python ../shared/eval/tools/eval_summary.py ../shared/eval/summaries/articles.jsonl \
        --methods lead3,textrankr,lexrankr,project
    python ../shared/eval/tools/eval_extract.py ../shared/eval/pages --methods trafilatura,project --by-site

The project columns use the harnesses' default commands (``newsdesk summarize --jsonl --sentences {k}``
and ``newsdesk extract --json``). textrankr and lexrankr are bench-only peers: when they are not
importable their columns are dropped with a note. Usage: ``python bench/quality.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path("..") / "shared" / "eval"
PEERS = ("textrankr", "lexrankr")


def importable(module: str) -> bool:
    """Whether `module` imports in this interpreter (checked in a child, so its warnings stay there)."""
    probe = subprocess.run(
        [sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return probe.returncode == 0


def summary_methods() -> list[str]:
    methods = ["lead3"]
    for peer in PEERS:
        if importable(peer):
            methods.append(peer)
        else:
            print(f"note: {peer} is not importable here; its column is left out (pip install {peer})")
    return [*methods, "project"]


def run(title: str, args: list[str]) -> int:
    """Run one harness from the project root with this interpreter; its table goes to stdout."""
    print(f"\n== {title}", flush=True)
    env = dict(os.environ)
    # the harnesses call `newsdesk …`: make this interpreter's console scripts reachable
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        print(f"{title}: harness exited with {done.returncode}")
    return done.returncode


def main() -> int:
    if not (ROOT / EVAL).is_dir():
        print(f"skipped: no evaluation data at {ROOT / EVAL} (../shared/eval is absent from a fresh clone)")
        return 0
    summaries = [
        str(EVAL / "tools" / "eval_summary.py"),
        str(EVAL / "summaries" / "articles.jsonl"),
        "--methods",
        ",".join(summary_methods()),
    ]
    extraction = [
        str(EVAL / "tools" / "eval_extract.py"),
        str(EVAL / "pages"),
        "--methods",
        "trafilatura,project",
        "--by-site",  # each site once: the figure for sites the extractor has not been shown
    ]
    failures = run("summaries: ROUGE F1 on kiwi morphemes, k=3", summaries)
    failures += run("extraction: title / date / body F1 / snippets / boilerplate / links", extraction)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
