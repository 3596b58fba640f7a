"""Undo for what a session keeps beside the database, when a savepoint or the transaction is rolled back.

A batch of pages shares one session (``ingest.batch``), a savepoint for each page. Rolling a
savepoint back undoes its rows and expires the ORM objects it changed; what a page's work keeps
elsewhere (a counter in ``session.info``, an object written by Core and attached to the session)
would stay as the failed page left it. ``on_rollback`` records how to undo such a change: should
the savepoint open at the time (or the transaction, or a savepoint around it) be rolled back,
the undo runs, the latest first. A released savepoint's undos become its parent's; the
transaction's end, committed or rolled back, forgets them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

Undo = Callable[[], None]

_JOURNAL = "savepoint_undo"  # session.info key: the undos, in the order they were recorded
_MARKS = "savepoint_marks"  # session.info key: each open transaction's length of the journal at its start


def on_rollback(session: Session, undo: Undo) -> None:
    """Run `undo` if what is open now (the innermost savepoint, else the transaction) is rolled back."""
    session.info.setdefault(_JOURNAL, []).append(undo)


def _innermost(session: Session) -> SessionTransaction | None:
    return session.get_nested_transaction() or session.get_transaction()


@event.listens_for(Session, "after_transaction_create")
def _opened(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested or transaction.parent is None:
        session.info.setdefault(_MARKS, {})[transaction] = len(session.info.get(_JOURNAL, ()))


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    """The transaction rolled back is the innermost still open (its savepoints are closed first)."""
    journal: list[Undo] = session.info.get(_JOURNAL, [])
    marks: dict[Any, int] = session.info.get(_MARKS, {})
    start = marks.get(_innermost(session), 0)
    while len(journal) > start:
        journal.pop()()


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    marks: dict[Any, int] | None = session.info.get(_MARKS)
    if marks is not None:
        marks.pop(transaction, None)
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_JOURNAL, None)
