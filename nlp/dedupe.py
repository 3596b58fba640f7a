"""Near-duplicate signatures: MinHash over morpheme shingles, banded for LSH lookup.

A paper's rewrite of a press release shares whole clauses but adds and drops paragraphs, so
the test is containment (shared shingles over the smaller text), estimated from the MinHash
Jaccard and the two shingle-set sizes.
"""

from __future__ import annotations

import hashlib
import math
import operator
import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy

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
        return cls(int(data.get("size", 0)), tuple(map(int, data.get("mins", ()))))


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
    return Signature(len(hashed), minima(hashed))


def minima(hashed: Collection[int]) -> tuple[int, ...]:
    """Each permutation's minimum of (a·h + b) mod 2⁶¹−1 over the 64-bit hashes: the same numbers
    as Python's exact integers give, computed on 64-bit words (a 400-shingle article in a tenth
    of the time; stored signatures and bands depend on every bit agreeing)."""
    values = numpy.fromiter(hashed, dtype=numpy.uint64, count=len(hashed))
    best = numpy.full(NUM_PERM, _PRIME, dtype=numpy.uint64)
    for start in range(0, len(values), _CHUNK):  # bounded memory for a huge page
        h = _mod_p(values[start : start + _CHUNK])[None, :]
        permuted = _mod_p(_mul_mod_p(_A, h) + _B)
        best = numpy.minimum(best, permuted.min(axis=1))
    return tuple(int(x) for x in best)


def _mod_p(x: numpy.ndarray[Any, Any]) -> numpy.ndarray[Any, Any]:
    """x mod 2⁶¹−1 for any 64-bit x: 2⁶¹ ≡ 1, so the top three bits fold onto the rest."""
    folded = (x & _P) + (x >> _61)
    return numpy.where(folded >= _P, folded - _P, folded)


def _mul_mod_p(a: numpy.ndarray[Any, Any], h: numpy.ndarray[Any, Any]) -> numpy.ndarray[Any, Any]:
    """a·h mod 2⁶¹−1 (both below 2⁶¹) without a 128-bit product: 31-bit halves, 2⁶² ≡ 2 and
    2⁶¹ ≡ 1, every partial sum below 2⁶⁴."""
    a_hi, a_lo = a >> _31, a & _LOW31
    h_hi, h_lo = h >> _31, h & _LOW31
    middle = a_hi * h_lo + a_lo * h_hi  # weight 2³¹: split again at 2³⁰ so its 2⁶¹ part folds
    total = (a_hi * h_hi << _1) + (middle >> _30) + ((middle & _LOW30) << _31) + a_lo * h_lo
    return _mod_p(total)


_CHUNK = 4096
_P = numpy.uint64(_PRIME)
_1, _30, _31, _61 = (numpy.uint64(n) for n in (1, 30, 31, 61))
_LOW30, _LOW31 = numpy.uint64((1 << 30) - 1), numpy.uint64((1 << 31) - 1)
_A = numpy.array([a for a, _ in _PERMS], dtype=numpy.uint64)[:, None]
_B = numpy.array([b for _, b in _PERMS], dtype=numpy.uint64)[:, None]


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
    shared: int = sum(map(operator.eq, a.mins, b.mins))
    return shared / len(a.mins)


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller text's shingles that the other text also has."""
    return _containment(a, b, jaccard(a, b))


def _containment(a: Signature, b: Signature, j: float) -> float:
    smaller = min(a.size, b.size)
    if not smaller:
        return 0.0
    return min(1.0, j * (a.size + b.size) / ((1 + j) * smaller))


def near_duplicate(a: Signature, b: Signature) -> float:
    """The containment when the pair counts as one story, else 0."""
    j = jaccard(a, b)
    if j < MIN_JACCARD:
        return 0.0
    c = _containment(a, b, j)
    return c if c >= MIN_CONTAINMENT else 0.0
