"""Index tokens and BM25, the formula of SQLite FTS5's bm25(), computed here for both engines.

The index stores each morpheme as FTS5's unicode61 tokenizer splits it (letters and numbers:
`3,000` becomes `3` and `000`), so SQLite and PostgreSQL see the same tokens and the same
statistics, and one function scores for both. (FTS5's own bm25() recounts every phrase's
document frequency on each query, which at a million articles costs more than the search.)
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

K1 = 1.2
B = 0.75
MIN_IDF = 1e-6  # FTS5 floors non-positive IDFs (phrases in more than half the rows) at this
_TOKEN = re.compile(r"[^\W_]+")

Phrase = tuple[str, ...]


def tokens(text: str) -> list[str]:
    """Letters-and-numbers runs, case-folded: how unicode61 splits `text`."""
    return [t.lower() for t in _TOKEN.findall(text)]


def flat_tokens(terms: Iterable[str]) -> list[str]:
    return [t for term in terms for t in tokens(term)]


@dataclass(frozen=True, slots=True)
class Corpus:
    """What BM25 needs to know about the whole index: rows, and tokens in all columns."""

    rows: int
    tokens: int

    @property
    def avgdl(self) -> float:
        return self.tokens / self.rows if self.rows else 0.0

    def idf(self, hits: int) -> float:
        value = math.log((self.rows - hits + 0.5) / (hits + 0.5)) if self.rows else 0.0
        return value if value > 0.0 else MIN_IDF


def occurrences(phrase: Phrase, column: Sequence[str]) -> int:
    """How many times `phrase` appears as consecutive tokens of `column` (overlaps count)."""
    n = len(phrase)
    if n == 0 or n > len(column):
        return 0
    return sum(1 for i in range(len(column) - n + 1) if tuple(column[i : i + n]) == phrase)


class Columns:
    """Many token strings (UTF-8, single spaces) joined once, to count phrases in all of them
    with one search each: the cost follows the occurrences, not the number of columns."""

    def __init__(self, columns: Sequence[bytes]) -> None:
        self.size = len(columns)
        # ` c0 \n c1 \n … `: a space-bounded needle cannot run from one column into the next
        self.joined = b" " + b" \n ".join(columns) + b" "
        self.starts = list(itertools.accumulate((len(c) + 3 for c in columns[:-1]), initial=0))

    def counts(self, phrase: Phrase) -> list[int]:
        """occurrences() of `phrase` in each column, overlaps included as FTS5 counts them."""
        counts = [0] * self.size
        if not phrase or not self.size:
            return counts
        needle = b" " + " ".join(phrase).encode() + b" "
        find, column, starts = self.joined.find, bisect.bisect_right, self.starts
        at = find(needle)
        while at != -1:
            counts[column(starts, at) - 1] += 1
            at = find(needle, at + 1)  # + 1, not + len: occurrences may share tokens
        return counts


def phrase_counts(phrase: Phrase, columns: Sequence[bytes]) -> list[int]:
    return Columns(columns).counts(phrase)


Document = tuple[int, bytes, bytes, int]  # id, title tokens, body tokens, tokens in all columns


def scores(
    documents: Sequence[Document], phrases: Sequence[tuple[Phrase, float]], title_weight: float, avgdl: float
) -> dict[int, float]:
    """BM25 of each document, higher is better: FTS5's bm25() with weights (title_weight, 1, 0…)
    and the given IDF per phrase, computed in the same order so the doubles agree."""
    titles = Columns([d[1] for d in documents])
    bodies = Columns([d[2] for d in documents])
    freqs = [(idf, titles.counts(phrase), bodies.counts(phrase)) for phrase, idf in phrases]
    out = {}
    for i, (doc_id, _, _, length) in enumerate(documents):
        norm = K1 * (1 - B + B * length / avgdl)
        total = 0.0
        for idf, in_title, in_body in freqs:
            freq = title_weight * in_title[i] + in_body[i]
            total += idf * ((freq * (K1 + 1.0)) / (freq + norm))
        out[doc_id] = total
    return out
