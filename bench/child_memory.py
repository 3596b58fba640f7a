"""What a worker's pool child grows by: one forked child runs the `process` task N times in-process.

    python bench/child_memory.py [--pages 2000] [--every 40] [--snapshots 100,500,1500] [--frames 12]

The parent does what `newsdesk worker` does before its pool forks (configure the Celery app, warm
Kiwi, `worker.memory.freeze_heap` at the fork); the child does what a pool child does (the
`worker_process_init` handlers, the task body, a trim every `TRIM_EVERY` tasks) on generated
pages stored fresh in SQLite, and prints, every `--every` tasks, its own memory: PSS and private
pages (/proc/self/smaps_rollup), glibc's heap (mallinfo2: in use, free), CPython's small-object
arenas and allocated blocks, and, with `--snapshots`, tracemalloc's total. At each snapshot after
the first it prints the allocations that grew since the previous one, grouped by traceback.
tracemalloc slows each task ~3× and starts at the first snapshot (`--snapshots ''` leaves it off),
so what it reports is what the tasks after that one allocated and kept.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import io
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `tests.support` is a package there

from nlp.analyse import warm
from store.db import Database
from tests.support.queue import generated_pages, store_all, worker_env


class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                 "fordblks", "keepcost")]  # fmt: skip


_LIBC = ctypes.CDLL("libc.so.6")
_LIBC.mallinfo2.restype = MallInfo2
MIB = 2**20


def rollup() -> dict[str, int]:
    out: dict[str, int] = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB":
            out[name] = int(parts[0]) * 1024
    return out


def pymalloc_arenas() -> int:
    """CPython's small-object arenas in use (sys._debugmallocstats, which writes to fd 2)."""
    with tempfile.TemporaryFile() as tmp:
        saved = os.dup(2)
        os.dup2(tmp.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read().decode()
    for line in text.splitlines():
        if line.startswith("# arenas allocated current"):
            return int(line.split()[-1].replace(",", ""))
    return -1


def private_by_mapping() -> str:
    """Private dirty MiB by kind of mapping: the malloc heap, 1 MiB anonymous maps (CPython's arenas),
    other anonymous maps (malloc's large chunks, thread stacks, Kiwi), files (by name)."""
    totals: dict[str, int] = {}
    kind = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if "-" in head[0] and not head[0].endswith(":"):
            low, high = (int(x, 16) for x in head[0].split("-"))
            name = head[5] if len(head) > 5 else ""
            size = high - low
            anon = "anon 1 MiB" if size == MIB else "anon large" if size > MIB else "anon small"
            kind = name if name.startswith("[") else Path(name).name if name else anon
        elif head[0] == "Private_Dirty:":
            totals[kind] = totals.get(kind, 0) + int(head[1]) * 1024
    top = sorted(totals.items(), key=lambda kv: -kv[1])[:8]
    return "  ".join(f"{k}={v / MIB:.1f}" for k, v in top if v >= MIB // 2)


def compiled_entries() -> int:
    from worker import tasks

    cache = tasks._db.engine._compiled_cache if tasks._db is not None else None
    return len(cache) if cache is not None else 0


def sample(done: int, started: float) -> str:
    r, m = rollup(), _LIBC.mallinfo2()
    traced = f"{tracemalloc.get_traced_memory()[0] / MIB:8.1f}" if tracemalloc.is_tracing() else f"{'—':>8}"
    return (f"{done:6d} {time.perf_counter() - started:7.0f} {r['Pss'] / MIB:7.1f} "
            f"{(r['Private_Dirty']) / MIB:8.1f} {m.uordblks / MIB:8.1f} {m.fordblks / MIB:8.1f} "
            f"{m.hblkhd / MIB:7.1f} {pymalloc_arenas():7d} {sys.getallocatedblocks():9d} {traced} "
            f"{compiled_entries():6d}")  # fmt: skip


HEADER = (f"{'task':>6} {'s':>7} {'PSS':>7} {'private':>8} {'malloc':>8} {'free':>8} {'mmap':>7} "
          f"{'arenas':>7} {'blocks':>9} {'traced':>8} {'sqlc':>6}"
          "   (MiB; arenas of 1 MiB, CPython's; sqlc: SQLAlchemy's compiled statements)")  # fmt: skip


def child(ids: Sequence[int], every: int, snapshots: set[int], frames: int, top: int) -> None:
    from worker import memory, tasks

    tasks._after_fork()
    if snapshots and min(snapshots) <= 1:
        tracemalloc.start(frames)
    print(HEADER, flush=True)
    started = time.perf_counter()
    print(sample(0, started), flush=True)
    print("        private by mapping:", private_by_mapping(), flush=True)
    previous: tracemalloc.Snapshot | None = None
    for done, page_id in enumerate(ids, 1):
        tasks.process(page_id)
        memory._after_task()
        if done % every == 0:
            print(sample(done, started), flush=True)
        if done % (every * 5) == 0 or done in (1, 2, 5, 10):
            print("        private by mapping:", private_by_mapping(), flush=True)
        # traced from the first snapshot on: untraced tasks run ~3× faster
        if done in snapshots and not tracemalloc.is_tracing():
            tracemalloc.start(frames)
            previous = tracemalloc.take_snapshot()
        elif done in snapshots:
            gc.collect()
            snap = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen *>")]
            )
            if previous is not None:
                print(f"--- grown since the previous snapshot, at task {done} (by traceback) ---")
                stats = snap.compare_to(previous, "traceback")
                for stat in [s for s in stats if s.size_diff > 0][:top]:
                    print(f"+{stat.size_diff / 1024:9.1f} KiB  +{stat.count_diff:6d} blocks")
                    for line in stat.traceback.format(limit=frames)[-2 * frames :]:
                        print("      " + line)
                print(f"--- by file:line, top {top} ---")
                for stat in [s for s in snap.compare_to(previous, "lineno") if s.size_diff > 0][:top]:
                    print(f"+{stat.size_diff / 1024:9.1f} KiB +{stat.count_diff:6d}  {stat.traceback[0]}")
                print(flush=True)
            previous = snap
    os._exit(0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--every", type=int, default=40)
    parser.add_argument("--snapshots", default="100,500,1500")
    parser.add_argument("--frames", type=int, default=12)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    snapshots = {int(x) for x in args.snapshots.split(",") if x}
    with tempfile.TemporaryDirectory(prefix="newsdesk-child-") as tmp:
        env = worker_env(Path(tmp))
        os.environ.update({k: v for k, v in env.items() if k.startswith("NEWSDESK_")})
        from newsdesk.services import celery_app
        from newsdesk.settings import Settings

        settings = Settings.from_env(env)
        celery_app(settings)
        db = Database(settings.database_url)
        ids = store_all(db, generated_pages(args.pages))
        db.dispose()
        warm()
        from worker import memory, tasks  # noqa: F401  (the worker imports its tasks before it forks)

        memory.freeze_heap()
        print(f"{args.pages} pages; parent before the fork: {rollup()['Pss'] / MIB:.0f} MiB PSS", flush=True)
        pid = os.fork()
        if pid == 0:
            try:
                child(ids, args.every, snapshots, args.frames, args.top)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    sys.exit(main())
