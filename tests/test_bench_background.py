"""bench/stories.py's background sentences: enough for any run, and the seeded numbers unchanged."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def alignment() -> ModuleType:
    """bench/alignment.py, loaded as bench/stories.py loads it (a script beside it, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_alignment", BENCH / "alignment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_a_small_set_is_drawn_again_in_a_new_order(alignment: ModuleType) -> None:
    sentences = [f"배경 문장 {i}." for i in range(5)]
    background = alignment.Background(sentences, random.Random(7))
    drawn = [background.pop() for _ in range(12)]  # more than the set holds: no IndexError
    assert Counter(drawn[:5]) == Counter(sentences) and Counter(drawn[5:10]) == Counter(sentences)
    assert background.rounds == 3 and background.drawn == 12


def test_the_first_pass_is_the_old_shuffled_list_popped(alignment: ModuleType) -> None:
    """Runs that had enough sentences draw exactly what they drew before (the README's numbers)."""
    sentences = [f"배경 문장 {i}." for i in range(40)]
    old = sentences[:]
    random.Random(11).shuffle(old)
    background = alignment.Background(sentences, random.Random(11))
    assert [background.pop() for _ in range(40)] == old[::-1]
    assert background.rounds == 1


def test_no_sentences_is_a_clear_error(alignment: ModuleType) -> None:
    with pytest.raises(ValueError, match="no background sentences"):
        alignment.Background([], random.Random(7))
