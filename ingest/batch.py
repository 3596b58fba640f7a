"""Many pages in one transaction: a savepoint for each page, one commit for the lot.

A commit costs about as much as a page's other writes together, and each new transaction reads
again what the last one read (the source, its template, the generic terms, the alerts' version).
A ``Batch`` keeps one transaction open for at most ``PAGES`` pages or ``SECONDS`` seconds,
whichever comes first; on SQLite it holds the write lock that long, so another writer waits no
longer than that. Each page works in a savepoint: a page that fails leaves its failure recorded
and its batch-mates stored. What a page reports (its outcome: the crawl's event, the deliveries
to enqueue) is handed on only after the commit, so nothing outside sees a row before it is
there. Should anything go wrong with the transaction itself (a page's database error, the commit),
the batch is rolled back and every page of it goes again alone, so nothing of it is lost.

``BatchWriter`` feeds a batch from one thread of its own; it commits at once when no more work
waits, so a page never waits for batch-mates that are not coming.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from queue import SimpleQueue
from typing import Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from ingest.pipeline import Outcome
from store.db import Database

PAGES = 50
SECONDS = 1.0

Item = TypeVar("Item")
Item_contra = TypeVar("Item_contra", contravariant=True)
Done = Callable[[Outcome], None]


class Sink(Protocol[Item_contra]):
    """Where a ``BatchWriter`` puts its work: ``Batch`` or ``Alone``."""

    def add(self, item: Item_contra, done: Done) -> None: ...

    def commit(self) -> None: ...


class Batch(Generic[Item]):
    """Items worked by `within` in one transaction; `within` records an item's own failure (in a
    savepoint: ``ingest.pipeline.ingest_within``) and raises only when the transaction is at fault.
    `alone` does one item in a transaction of its own and never raises: it is how the batch's
    items go again when the batch cannot commit."""

    def __init__(
        self,
        db: Database,
        within: Callable[[Session, Item], Outcome],
        alone: Callable[[Item], Outcome],
        pages: int = PAGES,
        seconds: float = SECONDS,
    ) -> None:
        self.db = db
        self.within = within
        self.alone = alone
        self.pages = pages
        self.seconds = seconds
        self.session: Session | None = None
        self.started = 0.0
        self.pending: list[tuple[Item, Done, Outcome]] = []

    @property
    def due(self) -> bool:
        """Full, or open for long enough."""
        return len(self.pending) >= self.pages or time.monotonic() - self.started >= self.seconds

    def add(self, item: Item, done: Done) -> None:
        """Work `item` into the open batch (opening one), then commit if the batch is due;
        `done` gets its outcome once that is committed."""
        try:
            if self.session is None:
                self.session, self.started = self.db.open_transaction(), time.monotonic()
            outcome = self.within(self.session, item)
        except Exception:  # the transaction itself is in doubt: keep nothing of it unconfirmed
            self._again_alone([*self.pending, (item, done, None)])
            return
        self.pending.append((item, done, outcome))
        if self.due:
            self.commit()

    def commit(self) -> None:
        """Commit the open batch, then hand each item its outcome, in order."""
        if self.session is None:
            return
        session, pending = self.session, self.pending
        try:
            session.commit()
        except Exception:
            self._again_alone(pending)
            return
        self._close()
        for _item, done, outcome in pending:
            done(outcome)

    def _again_alone(self, pending: Sequence[tuple[Item, Done, Outcome | None]]) -> None:
        """Roll the batch back and work each of its items in a transaction of its own."""
        if self.session is not None:
            with contextlib.suppress(Exception):  # a broken connection: closing below discards it
                self.session.rollback()
        self._close()
        for item, done, _outcome in pending:
            done(self.alone(item))

    def _close(self) -> None:
        if self.session is not None:
            self.session.close()
        self.session, self.pending = None, []


class Alone(Generic[Item]):
    """Each item in a transaction of its own, for work whose effects must be committed as soon as
    it returns (the queue profile hands each stored page on at once)."""

    def __init__(self, alone: Callable[[Item], Outcome]) -> None:
        self.alone = alone

    def add(self, item: Item, done: Done) -> None:
        done(self.alone(item))

    def commit(self) -> None:
        """Nothing waits: every item was committed as it came."""


class BatchWriter(Generic[Item]):
    """One thread working submitted items into a sink; a submitted item's future resolves to its
    outcome once that is committed."""

    def __init__(self, sink: Sink[Item], name: str = "ingest") -> None:
        self.sink = sink
        self.queue: SimpleQueue[tuple[Item, Future[Outcome]] | None] = SimpleQueue()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def submit(self, item: Item) -> Future[Outcome]:
        future: Future[Outcome] = Future()
        self.queue.put((item, future))
        return future

    def close(self) -> None:
        """Commit what is open and stop; every item submitted before is done."""
        self.queue.put(None)
        self.thread.join()

    def _run(self) -> None:
        while True:
            job = self.queue.get()
            if job is None:
                self.sink.commit()
                return
            item, future = job
            try:
                self.sink.add(item, future.set_result)
                if self.queue.empty():  # nothing waiting: no reason to keep this page's news back
                    self.sink.commit()
            except Exception as error:  # never leave a caller waiting on a future for ever
                if not future.done():
                    future.set_exception(error)
