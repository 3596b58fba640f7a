"""Near-duplicate signatures: MinHash over morpheme shingles, banded for LSH lookup."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

NUM_PERM = 64
ROWS = 2  # 32 bands of 2 rows: pairs with Jaccard ≳ 0.2 share a band
SHINGLE = 3
_PRIME = (1 << 61) - 1
_rng = random.Random(20251205)  # fixed seed: signatures must agree across processes and runs
_PERMS = tuple((_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(NUM_PERM))


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def shingles(forms: Sequence[str], size: int = SHINGLE) -> set[int]:
    """Hashes of each run of `size` consecutive morpheme forms."""
    if len(forms) < size:
        return {_hash(" ".join(forms))} if forms else set()
    return {_hash(" ".join(forms[i : i + size])) for i in range(len(forms) - size + 1)}


def signature(forms: Sequence[str]) -> list[int]:
    """The MinHash signature of a text's content morphemes (empty for an empty text)."""
    hashed = shingles(forms)
    if not hashed:
        return []
    return [min((a * h + b) % _PRIME for h in hashed) for a, b in _PERMS]


def bands(sig: Sequence[int]) -> list[str]:
    """LSH band keys: two signatures sharing one are candidate near-duplicates."""
    out = []
    for i in range(0, len(sig) - ROWS + 1, ROWS):
        rows = ",".join(str(x) for x in sig[i : i + ROWS])
        out.append(f"{i // ROWS}:{hashlib.blake2b(rows.encode(), digest_size=12).hexdigest()}")
    return out


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
