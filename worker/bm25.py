"""Index tokens and BM25, the formula of SQLite FTS5's bm25(), computed here for both engines.

The index stores each morpheme as FTS5's unicode61 tokenizer splits it (letters and numbers:
`3,000` becomes `3` and `000`), so SQLite and PostgreSQL see the same tokens and the same
statistics, and one function scores for both. (FTS5's own bm25() recounts every phrase's
document frequency on each query, which at a million articles costs more than the search.)
"""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class Needle:
    """A phrase prepared for counting in padded UTF-8 token strings: ` a b c ` (one space
    between tokens, one at each end)."""

    phrase: Phrase
    inner: bytes  # ` a b `
    twice: bytes  # ` a b a b `: back to back, where bytes.count would skip the second
    overlapping: bool  # `a a`, `a b a`: occurrences can share tokens

    @classmethod
    def of(cls, phrase: Phrase) -> Needle:
        inner = b" " + " ".join(phrase).encode() + b" "
        overlapping = any(phrase[:k] == phrase[-k:] for k in range(1, len(phrase)))
        return cls(phrase, inner, inner + inner[1:], overlapping)

    def count(self, padded: bytes) -> int:
        """Occurrences in a padded token string, overlapping ones included (as FTS5 counts)."""
        found = padded.count(self.inner)
        if found and (self.overlapping or self.twice in padded):
            return occurrences(self.phrase, padded.decode().split())
        return found


def occurrences(phrase: Phrase, column: Sequence[str]) -> int:
    """How many times `phrase` appears as consecutive tokens of `column` (overlaps count)."""
    n = len(phrase)
    if n == 0 or n > len(column):
        return 0
    return sum(1 for i in range(len(column) - n + 1) if tuple(column[i : i + n]) == phrase)


Document = tuple[int, bytes, bytes, int]  # id, title tokens, body tokens, tokens in other columns


def scores(
    documents: Iterable[Document], needles: Sequence[tuple[Needle, float]], title_weight: float, avgdl: float
) -> dict[int, float]:
    """BM25 of each document, higher is better: FTS5's bm25() with weights (title_weight, 1, 0…)
    and the given IDF per phrase, computed in the same order so the doubles agree."""
    out = {}
    for doc_id, title, body, other in documents:
        title, body = b" " + title + b" ", b" " + body + b" "
        length = _tokens(title) + _tokens(body) + other
        norm = K1 * (1 - B + B * length / avgdl)
        total = 0.0
        for needle, idf in needles:
            freq = title_weight * needle.count(title) + needle.count(body)
            total += idf * ((freq * (K1 + 1.0)) / (freq + norm))
        out[doc_id] = total
    return out


def _tokens(padded: bytes) -> int:
    """Tokens in a padded token string (` a b `), 0 for an empty one."""
    return padded.count(b" ") - 1 if len(padded) > 2 else 0
