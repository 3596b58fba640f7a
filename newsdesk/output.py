"""What several commands print the same way: JSON lines and search hits."""

from __future__ import annotations

import html
import json
import sys
from typing import Any, TextIO

from search.articles import Hit

JSON_LINES = "JSON Lines: one JSON object per line"


def emit(obj: dict[str, Any], out: TextIO | None = None) -> None:
    """One JSON object per line, flushed, on `out` (default: the current stdout)."""
    stream = out or sys.stdout
    stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stream.flush()


def format_hit(hit: Hit) -> str:
    when = hit.published.strftime("%Y-%m-%d") if hit.published else "날짜 없음"
    snippet = html.unescape(hit.snippet.replace("<mark>", "[").replace("</mark>", "]"))
    return f"[{hit.article_id}] {hit.title} — {hit.source} · {when}\n    {snippet}\n    {hit.url}"
