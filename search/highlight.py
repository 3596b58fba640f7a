"""Highlights: windows of an article's original text with the matched phrases in <mark>.

The matches come from the token spans stored at indexing time, never from the morpheme
strings, so 협력했다 marks the 협력 of 협력을 exactly where the body says it. A phrase is
marked only where its tokens follow one another, from its first token's start to its last
token's end ("아동수당" marks 아동수당, never a lone 아동). Windows start and end between
words, and windows that would overlap become one.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

SNIPPET_CHARS = 120
MAX_HIGHLIGHTS = 3

Phrase = tuple[str, ...]
Span = tuple[int, int]


def highlights(
    body: str,
    spans: Sequence[Sequence[Any]],
    phrases: Iterable[str | Sequence[str]],
    width: int = SNIPPET_CHARS,
) -> list[str]:
    """Windows of the original text around matches, matched phrases wrapped in <mark>.

    `spans` are the document's [token, start, end] entries in order; `phrases` are runs of index
    tokens (a bare string is a phrase of one token).
    """
    terms = [str(term).lower() for term, _, _ in spans]
    found: list[Span] = []
    for phrase in _as_phrases(phrases):
        n = len(phrase)
        found += [
            (int(spans[i][1]), int(spans[i + n - 1][2]))
            for i in range(len(terms) - n + 1)
            if tuple(terms[i : i + n]) == phrase
        ]
    return _windows(body, found, width)


def highlights_from_json(
    body: str, spans_json: str, phrases: Iterable[str | Sequence[str]], width: int = SNIPPET_CHARS
) -> list[str]:
    """highlights() from the stored JSON text, reading only the entries of the phrases' tokens
    (a document has hundreds of spans; decoding them all costs more than the rest of a search)."""
    found = [
        (int(start), int(end))
        for phrase in _as_phrases(phrases)
        for start, end in _phrase_pattern(phrase).findall(spans_json)
    ]
    return _windows(body, found, width)


def _as_phrases(phrases: Iterable[str | Sequence[str]]) -> set[Phrase]:
    out: set[Phrase] = set()
    for p in phrases:
        phrase = (p,) if isinstance(p, str) else tuple(p)
        if phrase:
            out.add(tuple(t.lower() for t in phrase))
    return out


@functools.lru_cache(maxsize=1024)
def _phrase_pattern(phrase: Phrase) -> re.Pattern[str]:
    """The phrase's tokens as consecutive [term, start, end] entries of the stored JSON, however
    its writer escaped them; the groups are the first entry's start and the last entry's end."""
    entries = []
    for i, token in enumerate(phrase):
        literals = sorted({json.dumps(token, ensure_ascii=ascii_) for ascii_ in (True, False)})
        start = r"(\d+)" if i == 0 else r"\d+"
        end = r"(\d+)" if i == len(phrase) - 1 else r"\d+"
        term = "|".join(re.escape(x) for x in literals)
        entries.append(r"\[\s*(?:" + term + r")\s*,\s*" + start + r"\s*,\s*" + end + r"\s*\]")
    if len(phrase) == 1:  # one token: both groups sit in the one entry
        return re.compile(entries[0], re.IGNORECASE)
    return re.compile(r"\s*,\s*".join(entries), re.IGNORECASE)


def _windows(body: str, spans: list[Span], width: int) -> list[str]:
    matched = _merged(sorted(spans))
    windows: list[Span] = []
    made = 0
    for first, last in matched:
        if made >= MAX_HIGHLIGHTS:
            break
        if windows and last <= windows[-1][1]:
            continue  # already inside the previous window
        start, end = _window(body, first, last, width)
        made += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))  # overlapping: one window
        else:
            windows.append((start, end))
    return [_marked(body, start, end, matched) for start, end in windows]


def _window(body: str, first: int, last: int, width: int) -> Span:
    """About `width` characters of the match's line around it, cut between words."""
    line_start = body.rfind("\n", 0, first) + 1
    line_end = body.find("\n", last)
    line_end = len(body) if line_end == -1 else line_end
    start = _word_start(body, max(line_start, first - width // 3), line_start, first)
    end = _word_end(body, max(last, min(line_end, start + width)), last, line_end)
    return start, end


def _word_start(body: str, start: int, line_start: int, first: int) -> int:
    """`start` moved to the beginning of a word: forward past a cut word, else back to its start."""
    if start <= line_start or body[start - 1].isspace():
        return start
    space = next((i for i in range(start, first) if body[i].isspace()), -1)
    if space != -1:
        return space + 1
    while start > line_start and not body[start - 1].isspace():
        start -= 1
    return start


def _word_end(body: str, end: int, last: int, line_end: int) -> int:
    """`end` moved to the end of a word: back before a cut word, else forward to its end."""
    if end >= line_end or body[end].isspace():
        return end
    space = next((i for i in range(end - 1, last - 1, -1) if body[i].isspace()), -1)
    if space != -1:
        return space
    while end < line_end and not body[end].isspace():
        end += 1
    return end


def _merged(spans: list[Span]) -> list[Span]:
    """Touching spans become one, so 아동수당 is marked once, not as 아동 + 수당."""
    out: list[Span] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _marked(body: str, start: int, end: int, matched: Sequence[Span]) -> str:
    parts, pos = [], start
    for s, e in matched:
        if s >= pos and s >= start and e <= end:
            parts.append(html.escape(body[pos:s]) + "<mark>" + html.escape(body[s:e]) + "</mark>")
            pos = e
    parts.append(html.escape(body[pos:end]))
    prefix = "…" if start > 0 and body[start - 1] != "\n" else ""
    suffix = "…" if end < len(body) and body[end] != "\n" else ""
    return prefix + "".join(parts).strip() + suffix
