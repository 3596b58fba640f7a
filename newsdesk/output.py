"""What several commands print the same way: JSON lines, search hits, and their digest options."""

from __future__ import annotations

import html
import json
import sys
from typing import Any, TextIO

from newsdesk.settings import Settings
from nlp.digest import DigestOptions
from search.articles import Hit


def digest_options(
    settings: Settings, sentences: int | None = None, max_chars: int | None = None
) -> DigestOptions:
    """The settings' digest options, with a command's --sentences / --max-chars applied."""
    return DigestOptions(
        sentences=sentences or settings.summary_sentences,
        max_chars=max_chars,
        excerpt_chars=settings.excerpt_chars,
    )


def emit(obj: dict[str, Any], out: TextIO | None = None) -> None:
    """One JSON object per line, flushed, on `out` (default: the current stdout)."""
    stream = out or sys.stdout
    stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stream.flush()


def format_hit(hit: Hit) -> str:
    when = hit.published.strftime("%Y-%m-%d") if hit.published else "날짜 없음"
    snippet = html.unescape(hit.snippet.replace("<mark>", "[").replace("</mark>", "]"))
    return f"[{hit.article_id}] {hit.title} — {hit.source} · {when}\n    {snippet}\n    {hit.url}"
