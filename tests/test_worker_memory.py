"""A worker child between tasks: the cycles its tasks left are freed before the heap is trimmed."""

from __future__ import annotations

import gc
import weakref

from worker.memory import collect_and_trim


class _Row:
    """Stands for an ORM row and its state, which refer to each other."""

    def __init__(self) -> None:
        self.state: object = self


def test_the_cycles_a_task_left_are_freed_before_the_trim() -> None:
    gc.disable()  # else an automatic collection could free it first, and the test prove nothing
    try:
        row = _Row()
        alive = weakref.ref(row)
        del row
        assert alive() is not None  # a cycle: reference counting alone does not free it
        collect_and_trim()
        assert alive() is None
    finally:
        gc.enable()
