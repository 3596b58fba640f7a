"""MinHash minima on 64-bit words agree with Python's exact integers, bit for bit: stored signatures
and story bands depend on it (a database written before must keep matching new articles)."""

from __future__ import annotations

import random

import pytest

from nlp.dedupe import _PERMS, _PRIME, NUM_PERM, minima, shingles, signature

_EDGES = (0, 1, _PRIME - 1, _PRIME, _PRIME + 1, 1 << 61, 1 << 63, (1 << 64) - 1)


def _exact(hashed: set[int]) -> tuple[int, ...]:
    """The definition: each permutation's minimum of (a·h + b) mod 2⁶¹−1, in Python's integers."""
    return tuple(min((a * h + b) % _PRIME for h in hashed) for a, b in _PERMS)


@pytest.mark.parametrize("size", [1, 2, 7, 400, 4096, 4097, 9000])
def test_minima_equal_the_exact_integers(size: int) -> None:
    rng = random.Random(size)
    hashed = {rng.getrandbits(64) for _ in range(size)}
    assert minima(hashed) == _exact(hashed)


def test_words_at_the_edges_of_64_bits_and_of_the_prime() -> None:
    """Where a fold or a carry would go wrong: 0, the prime and its neighbours, the top bits."""
    for edge in _EDGES:
        assert minima({edge}) == _exact({edge}), edge
    assert minima(set(_EDGES)) == _exact(set(_EDGES))


def test_a_text_signature_is_its_shingles_minima() -> None:
    forms = ["정부", "는", "청년", "월세", "지원", "을", "확대", "하", "ㄴ다", "고", "밝히", "었", "다"]
    sig = signature(forms)
    assert len(sig.mins) == NUM_PERM and sig.size == len(shingles(forms))
    assert sig.mins == _exact(shingles(forms))
