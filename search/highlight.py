"""Highlights: windows of an article's original text with the matched words in <mark>.

The matches come from the token spans stored at indexing time, never from the morpheme
strings, so 협력했다 marks the 협력 of 협력을 exactly where the body says it.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Sequence
from typing import Any

SNIPPET_CHARS = 120
MAX_HIGHLIGHTS = 3


def highlights(
    body: str, spans: Sequence[Sequence[Any]], words: set[str], width: int = SNIPPET_CHARS
) -> list[str]:
    """Windows of the original text around matches, matched surfaces wrapped in <mark>."""
    return _windows(body, [(int(s), int(e)) for term, s, e in spans if term in words], width)


def highlights_from_json(
    body: str, spans_json: str, words: set[str], width: int = SNIPPET_CHARS
) -> list[str]:
    """highlights() from the stored JSON text, reading only the entries of `words` (a document
    has hundreds of spans; decoding them all costs more than the rest of a search)."""
    if not words:
        return []
    found = _span_pattern(frozenset(words)).findall(spans_json)
    return _windows(body, [(int(s), int(e)) for s, e in found], width)


@functools.lru_cache(maxsize=1024)
def _span_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """[term, start, end] entries for these terms, however the JSON writer escaped them."""
    literals = {json.dumps(w, ensure_ascii=ascii_) for w in words for ascii_ in (True, False)}
    alternatives = "|".join(re.escape(x) for x in sorted(literals))
    return re.compile(r"\[\s*(?:" + alternatives + r")\s*,\s*(\d+)\s*,\s*(\d+)\s*\]", re.IGNORECASE)


def _windows(body: str, spans: list[tuple[int, int]], width: int) -> list[str]:
    matched = _merged(sorted(spans))
    out: list[str] = []
    covered_to = -1
    for first, _ in matched:
        if len(out) >= MAX_HIGHLIGHTS:
            break
        if first < covered_to:
            continue
        start = max(body.rfind("\n", 0, first) + 1, first - width // 3)
        nl = body.find("\n", first)
        end = min(len(body), start + width, nl if nl != -1 else len(body))
        out.append(_marked(body, start, end, matched))
        covered_to = end
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching spans become one, so 아동수당 is marked once, not as 아동 + 수당."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _marked(body: str, start: int, end: int, matched: Sequence[tuple[int, int]]) -> str:
    parts, pos = [], start
    for s, e in matched:
        if s >= pos and s >= start and e <= end:
            parts.append(html.escape(body[pos:s]) + "<mark>" + html.escape(body[s:e]) + "</mark>")
            pos = e
    parts.append(html.escape(body[pos:end]))
    prefix = "…" if start > 0 and body[start - 1] != "\n" else ""
    suffix = "…" if end < len(body) and body[end] != "\n" else ""
    return prefix + "".join(parts).strip() + suffix
