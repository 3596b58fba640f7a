"""Near-duplicate signatures: MinHash over morpheme shingles, banded for LSH lookup.

A paper's rewrite of a press release shares whole clauses but adds and drops paragraphs, so
the test is containment (shared shingles over the smaller text), estimated from the MinHash
Jaccard and the two shingle-set sizes.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NUM_PERM = 64
ROWS = 1  # one row per band: a rewrite sharing ~10% of shingles is still a candidate
SHINGLE = 3
MIN_CONTAINMENT = 0.15
MIN_JACCARD = 0.05  # guards the containment estimate against chance agreement of a few minima
MIN_SHARED_BANDS = math.ceil(MIN_JACCARD * NUM_PERM / ROWS)
_PRIME = (1 << 61) - 1
_rng = random.Random(20251205)  # fixed seed: signatures must agree across processes and runs
_PERMS = tuple((_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(NUM_PERM))


@dataclass(frozen=True, slots=True)
class Signature:
    """MinHash minima and the number of distinct shingles they summarise."""

    size: int
    mins: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {"size": self.size, "mins": list(self.mins)}

    @classmethod
    def from_json(cls, data: Any) -> Signature:
        if not isinstance(data, dict):
            return cls(0, ())
        return cls(int(data.get("size", 0)), tuple(int(x) for x in data.get("mins", ())))


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def shingles(forms: Sequence[str], size: int = SHINGLE) -> set[int]:
    """Hashes of each run of `size` consecutive morpheme forms."""
    if len(forms) < size:
        return {_hash(" ".join(forms))} if forms else set()
    return {_hash(" ".join(forms[i : i + size])) for i in range(len(forms) - size + 1)}


def signature(forms: Sequence[str]) -> Signature:
    """The MinHash signature of a text's content morphemes (empty for an empty text)."""
    hashed = shingles(forms)
    if not hashed:
        return Signature(0, ())
    return Signature(len(hashed), tuple(min((a * h + b) % _PRIME for h in hashed) for a, b in _PERMS))


BAND_POSITION_BITS = 56  # a band key: its position above, 56 bits of the band's hash below


def bands(sig: Signature) -> list[int]:
    """LSH band keys: two signatures sharing one are candidate near-duplicates. Integers (64 bits,
    positive), so the index on them stays small at a million articles (migration 0017)."""
    out = []
    for i in range(0, len(sig.mins) - ROWS + 1, ROWS):
        rows = ",".join(str(x) for x in sig.mins[i : i + ROWS])
        digest = hashlib.blake2b(rows.encode(), digest_size=12).digest()
        out.append((i // ROWS) << BAND_POSITION_BITS | int.from_bytes(digest[:7], "big"))
    return out


def jaccard(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    if not a.mins or len(a.mins) != len(b.mins):
        return 0.0
    return sum(x == y for x, y in zip(a.mins, b.mins, strict=True)) / len(a.mins)


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller text's shingles that the other text also has."""
    j = jaccard(a, b)
    smaller = min(a.size, b.size)
    if not smaller:
        return 0.0
    return min(1.0, j * (a.size + b.size) / ((1 + j) * smaller))


def near_duplicate(a: Signature, b: Signature) -> float:
    """The containment when the pair counts as one story, else 0."""
    if jaccard(a, b) < MIN_JACCARD:
        return 0.0
    c = containment(a, b)
    return c if c >= MIN_CONTAINMENT else 0.0
