"""Quality against peers on real Korean data: summaries (ROUGE) and extraction, side by side.

Runs the shared harnesses from the project root when ``../shared/eval`` exists:

    python ../shared/eval/tools/eval_summary.py ../shared/eval/summaries/articles.jsonl \
        --methods lead3,textrankr,lexrankr,project
    python ../shared/eval/tools/eval_extract.py ../shared/eval/pages --methods trafilatura,project --by-site

The project columns use the harnesses' default commands (``newsdesk summarize --jsonl --sentences {k}``
and ``newsdesk extract --json``). textrankr and lexrankr are bench-only peers: when they are not
importable their columns are dropped with a note. Usage: ``python bench/quality.py``.

Then, on the same articles (in this process): key-fact coverage, the share of the numbers with
units in the human abstractive summary (2026년, 41만 명, 2,500원, 12%) that the summary keeps, for
lead3, the peers and the project (k=3); and for the project's top-10 keywords, the recall of the
headline's content nouns (a noun counts when a keyword contains it) and the share of keywords that
are fragments. A fragment is a piece of a longer written word, not a term: 봄학교 of 늘봄학교. The
figure that counts (``fragments``) reads the text itself, not Kiwi's nouns: a keyword is a fragment
when most of its occurrences begin inside a written word (a number before it aside: 3학년, 21세기).
Two figures on Kiwi's noun runs are printed beside it: inside longer runs more often than standing
alone (``nlp.keywords.is_fragment``, the rule keywords follow, so 0 by construction), and the
literal one, strictly inside any longer noun run of the article once (``strict``), which also
counts terms that head longer ones (드론 beside 드론업체, 늘봄학교 beside 늘봄학교지원국장).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `tests.support` is a package there
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


# a number and its unit, as the human summaries write them: 2026년, 41만 명, 2,500원, 38.6km, 12%
FACT = re.compile(
    r"(\d[\d,.]*)\s*((?:만|억|조|천)*)\s*"
    r"(개월|시간|학년|가구|퍼센트|원|달러|명|개|곳|%|km|세|살|년|월|일|시|분|초|회|건|배|톤|대|층|kg|위|차|주|점)"
)


def facts(text: str) -> set[tuple[str, str, str]]:
    """The numbers with units in a text, normalised (2,500원 and 2500 원 are one fact)."""
    return {(m[1].replace(",", "").rstrip("."), m[2], m[3]) for m in FACT.finditer(text)}


def fact_coverage(docs: list[dict[str, Any]], summaries: dict[str, list[str]]) -> tuple[float, int]:
    """Share of the abstractive summaries' facts found in the method's summaries, and how many there are."""
    hit = total = 0
    for doc in docs:
        if doc.get("abstractive"):
            wanted = facts(doc["abstractive"])
            total += len(wanted)
            hit += len(wanted & facts(" ".join(summaries.get(doc["id"], []))))
    return (hit / total if total else 0.0), total


def harness() -> ModuleType:
    """The shared summary harness as a module, for its lead3 and peer methods."""
    spec = importlib.util.spec_from_file_location("eval_summary", ROOT / EVAL / "tools" / "eval_summary.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def key_facts_and_keywords(methods: list[str]) -> None:
    """Print key-fact coverage per method, and the project's keyword recall and fragment shares."""
    from nlp.analyse import analyse
    from nlp.digest import title_terms_of
    from nlp.keywords import is_fragment, keywords, noun_runs
    from nlp.summarize import summarise
    from tests.support.terms import written_fragment

    print("\n== key facts and keywords (k=3, top-10 keywords)", flush=True)
    docs = [
        json.loads(line) for line in (ROOT / EVAL / "summaries" / "articles.jsonl").open(encoding="utf-8")
    ]
    module = harness()
    peers: dict[str, Callable[[dict[str, Any], int], list[str]]] = {
        "lead3": module.lead, "textrankr": module.textrankr_method, "lexrankr": module.lexrankr_method,
    }  # fmt: skip
    analyses = {d["id"]: analyse("\n".join(d["sentences"])) for d in docs}
    for method in methods:
        if method == "project":
            got = {i: [s.text for s in summarise(a, 3)] for i, a in analyses.items()}
        else:
            got = {}
            for doc in docs:
                try:
                    got[doc["id"]] = peers[method](doc, 3)
                except Exception:  # a peer that fails on an article keeps nothing there
                    got[doc["id"]] = []
        share, total = fact_coverage(docs, got)
        print(f"key-fact coverage  {method:<10} {100 * share:5.1f}%  ({total} facts in the human summaries)")
    found = wanted = shown = strict = loose = written = 0
    for doc in docs:
        analysis = analyses[doc["id"]]
        title = title_terms_of(doc.get("title"))
        top = keywords(analysis, 10, [t.term for t in title])
        runs: Counter[str] = Counter(
            r.text for s in analysis.sentences for r in noun_runs(s.morphemes, analysis.text)
        )
        heads = (
            {r.text for r in noun_runs(tuple(analyse(doc["title"]).morphemes()), doc["title"])}
            if doc.get("title")
            else set()
        )
        nouns = {n for n in heads if len(n) >= 2}
        wanted += len(nouns)
        found += sum(1 for n in nouns if any(n in k or k in n for k in top))
        shown += len(top)
        strict += sum(1 for k in top if any(k != r and k in r for r in runs))
        loose += sum(1 for k in top if is_fragment(k, runs))
        written += sum(1 for k in top if written_fragment(k, analysis.text))
    print(f"keywords: headline nouns recalled {100 * found / max(wanted, 1):5.1f}% ({wanted} nouns); "
          f"fragments {100 * written / max(shown, 1):4.1f}% (begin inside a written word); on Kiwi's "
          f"noun runs: more often inside than alone {100 * loose / max(shown, 1):4.1f}%, "
          f"inside one at least once {100 * strict / max(shown, 1):4.1f}% ({shown} keywords)")  # fmt: skip


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
    key_facts_and_keywords(summary_methods())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
