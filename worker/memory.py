"""What keeps a prefork worker's children small: a frozen heap at the fork, a trimmed heap after tasks.

The parent loads Kiwi and every module before it forks, and the children share those pages
copy-on-write. What turned shared pages into private copies (bench/queues.py, docs/scale.md):

- the cyclic garbage collector: a collection in a child writes the header of every object it
  walks, so at its first collection each child made its own copy of ~40 MiB of the parent's
  Python heap. Objects that exist at the fork are moved to the permanent generation
  (`gc.freeze()`), which no collection walks.
- glibc's malloc keeps freed memory resident: the parent's freed chunks were inherited, and a
  child's tasks (lxml trees, Kiwi's results, SQLAlchemy rows) leave holes in its heap. The parent
  trims before each fork and a child every `TRIM_EVERY` tasks, giving free pages to the kernel,
  after a collection: ORM rows are cycles, which only a collection frees.

What is left, a child's growth (~0.05 MiB a task early, ~0.25 after 1,000 articles: docs/scale.md),
is bounded by recycling it after `NEWSDESK_WORKER_MAX_TASKS` tasks (worker.celery_app): the new
child is forked from the warmed parent, which costs a fork, not a Kiwi load.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
from collections.abc import Callable
from typing import Any

from celery.signals import task_postrun, worker_init

TRIM_EVERY = 8  # tasks between two trims of a child's heap


def _load_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None
    if trim is not None:
        trim.argtypes = [ctypes.c_size_t]
        trim.restype = ctypes.c_int
    return trim


_TRIM = _load_trim()
_tasks_since_trim = 0


def freeze_heap() -> None:
    """Before a fork: collect, give the freed pages back (else each child inherits them resident),
    and move every survivor out of the collector's reach."""
    gc.collect()
    trim_heap()
    gc.freeze()


def trim_heap() -> bool:
    """Give the heap's free pages back to the kernel; whether any were released."""
    return bool(_TRIM(0)) if _TRIM is not None else False


@worker_init.connect  # type: ignore[untyped-decorator]
def _prepare_parent(**_: Any) -> None:
    # a hook on fork itself: the folder broker runs billiard's plain pool, which never sends Celery's
    # worker_before_create_process signal; each (re)fork freezes what was made since the last
    os.register_at_fork(before=freeze_heap)


@task_postrun.connect  # type: ignore[untyped-decorator]
def _after_task(**_: Any) -> None:
    global _tasks_since_trim
    _tasks_since_trim += 1
    if _tasks_since_trim >= TRIM_EVERY:
        _tasks_since_trim = 0
        collect_and_trim()


def collect_and_trim() -> bool:
    """A child between tasks: free the cycles its tasks left (ORM objects and their states refer
    to each other), then give the freed pages back. Trimming alone left them to the next full
    collection, so the heap's high-water mark grew with the size of what tasks loaded. Only the
    child's own objects are walked: what it inherited is frozen."""
    gc.collect()
    return trim_heap()
