"""What several commands print the same way: JSON lines and search hits."""

from __future__ import annotations

import datetime as dt
import html
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the CLI prints JSON without loading the search engines
    from search.articles import Hit

JSON_LINES = "JSON Lines: one JSON object per line"


def emit(obj: dict[str, Any], out: TextIO | None = None) -> None:
    """One JSON object per line, flushed, on `out` (default: the current stdout)."""
    stream = out or sys.stdout
    stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stream.flush()


def shown_date(value: dt.datetime | None, date_only: bool) -> str | None:
    """A publication time as a person reads it: `2024-05-03 15:12`, or `2024-05-03` when the page
    gave only the day (its stored midnight is no time)."""
    if value is None:
        return None
    return value.strftime("%Y-%m-%d" if date_only else "%Y-%m-%d %H:%M")


def format_hit(hit: Hit) -> str:
    when = shown_date(hit.published, hit.published_date_only) or "날짜 없음"
    snippet = html.unescape(hit.snippet.replace("<mark>", "[").replace("</mark>", "]"))
    return f"[{hit.article_id}] {hit.title} — {hit.source} · {when}\n    {snippet}\n    {hit.url}"
