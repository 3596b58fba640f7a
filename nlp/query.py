"""Reader queries: words, "quoted phrases" and -exclusions, tokenised like the documents."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from nlp import EmptyTextError, NlpError
from nlp.analyse import analyse
from nlp.terms import terms

MAX_QUERY_CHARS = 500  # what a query may hold and the parser reads: /search and alerts take this many
_CLAUSE = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')


class QueryError(NlpError, ValueError):
    """The query has nothing searchable in it."""


@dataclass(frozen=True, slots=True)
class Query:
    """Phrases that must match (each a run of terms) and phrases that must not."""

    include: tuple[tuple[str, ...], ...]
    exclude: tuple[tuple[str, ...], ...]

    def words(self) -> set[str]:
        return {t for phrase in self.include for t in phrase}


def parse_query(text: str, max_chars: int = MAX_QUERY_CHARS) -> Query:
    """Split a reader's query into term phrases; raises QueryError when nothing is searchable."""
    cleaned = _clean(text)[:max_chars]
    include: list[tuple[str, ...]] = []
    exclude: list[tuple[str, ...]] = []
    for match in _CLAUSE.finditer(cleaned):
        negative = bool(match.group(1) or match.group(3))
        words = match.group(2) if match.group(2) is not None else match.group(4)
        phrase = _phrase(words)
        if phrase:
            (exclude if negative and len(words) > 0 else include).append(phrase)
    if not include:
        raise QueryError("the query has no searchable words" + (" besides exclusions" if exclude else ""))
    return Query(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)))


def _clean(text: str) -> str:
    """NFC (joins stray Hangul jamo), control characters to spaces."""
    text = unicodedata.normalize("NFC", text)
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)


def _phrase(words: str) -> tuple[str, ...]:
    if not words.strip():
        return ()
    try:
        found = terms(analyse(words).morphemes())
    except EmptyTextError:
        return ()
    return tuple(t.term for t in found)
