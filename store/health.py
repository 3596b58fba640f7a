"""Source health: the one rule judging a source's last crawl run against its own recent runs.

`assess` gives ``ok``, ``warning`` or ``failing`` with reasons in plain words; the CLI (crawl,
sources list), the API (/sources, /health, /metrics) and the editor page all read it.
`record_health` runs after each crawl and announces a change into or out of ``failing`` once
(`notify_transition`), whichever process notices it first.

What is judged, on the newest finished run:
- the crawl itself: a crashed crawl process, every request failing (no response at all), no
  article link found, most article pages failing;
- the field yields of the articles it produced (new or changed ones): the share with a title,
  with a date, with a body over 200 characters, the median body length, the share whose title
  repeats. With history (an earlier run that produced articles) a drop against that run is
  judged; a new source meets absolute floors instead. A run that produced nothing new (all
  unchanged, 304s) is judged on the yields of the last run that did: a quiet source stays as
  it was, ``ok`` or not.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from store.db import Database
from store.health_notices import add_health_deliveries
from store.models import CrawlRun, Source
from store.runs import RECENT_RUNS, recent_runs

log = logging.getLogger("newsdesk.health")

STATUSES = ("ok", "warning", "failing")
MIN_ARTICLES = 3  # fewer produced articles say too little for a share to be judged
FAILING_DROP, WARNING_DROP = 0.5, 0.2  # a share that fell this much (absolute) since the last run
FLOOR_FAILING, FLOOR_WARNING = 0.5, 0.8  # a new source: shares below these
BODY_FALL_FAILING, BODY_FALL_WARNING = 0.3, 0.6  # median body as a fraction of the last run's
SHORT_MEDIAN = 200  # characters: a new source whose median body is shorter needs a look
SAME_TITLES_FAILING, SAME_TITLES_WARNING = 0.5, 0.2


@dataclass(frozen=True, slots=True)
class Health:
    """A source's status, the reasons for it, and the run it was judged on."""

    status: str = "ok"
    reasons: tuple[str, ...] = ()
    last_run: dict[str, Any] | None = None
    yields: dict[str, Any] | None = None  # what was judged: the newest run's that produced articles
    issues: tuple[dict[str, Any], ...] = ()  # the reasons as codes and numbers (``_Verdict.add``)
    # alert deliveries of the transition this judgement announced (committed; the caller enqueues)
    notices: tuple[str, ...] = ()

    @property
    def failing(self) -> bool:
        return self.status == "failing"

    def line(self) -> str:
        """``health: failing — reason; reason``."""
        return f"health: {self.status}" + (" — " + "; ".join(self.reasons) if self.reasons else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "reasons": list(self.reasons),
            "last_run": self.last_run,
            "yields": self.yields,
            "issues": list(self.issues),
        }


@dataclass
class _Verdict:
    found: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)

    def add(self, status: str, reason: str, code: str, **params: Any) -> None:
        """One finding: its plain-words reason and, for other wordings (the editor page's
        Korean), a code with the numbers and texts the reason was made from."""
        self.found.append((status, reason, {"code": code, "status": status, **params}))

    def health(self, run: CrawlRun, judged: CrawlRun | None) -> Health:
        worst = max((STATUSES.index(s) for s, _, _ in self.found), default=0)
        ordered = [f for f in self.found if f[0] == "failing"] + [f for f in self.found if f[0] == "warning"]
        yields = dict(judged.yields or {}, run_id=judged.id) if judged is not None else None
        reasons = tuple(r for _, r, _ in ordered)
        return Health(STATUSES[worst], reasons, run_dict(run), yields, tuple(i for _, _, i in ordered))


def assess(runs: Sequence[CrawlRun]) -> Health:
    """The health of a source from its runs, newest first (an unfinished newest run is skipped)."""
    finished = [r for r in runs if r.finished_at is not None]
    if not finished:
        return Health()
    last, history = finished[0], finished[1:]
    verdict = _Verdict()
    judged = None
    if not _crawl(last, history, verdict):
        # yields are judged on the newest run that produced articles: a quiet re-crawl (all
        # unchanged) neither breaks a healthy source nor mends a broken one
        produced = [i for i, r in enumerate(finished) if _articles(r.yields) >= MIN_ARTICLES]
        if produced:
            judged = finished[produced[0]]
            _yields(judged, finished[produced[0] + 1 :], verdict)
    return verdict.health(last, judged)


def _crawl(last: CrawlRun, history: Sequence[CrawlRun], verdict: _Verdict) -> bool:
    """Judge what the crawl fetched; True when it failed so wholly that yields mean nothing."""
    errors = [e for e in last.errors or [] if isinstance(e, dict)]
    crashed = [e for e in errors if e.get("stage") == "process"]
    if crashed:
        detail = str(crashed[0].get("reason"))
        verdict.add("failing", f"the crawl process failed: {detail}", "crashed", detail=detail)
        return True
    if last.responses == 0 and errors:
        why = _commonest(errors)
        verdict.add("failing", f"every request failed: {why['detail']}", "unreachable", **why)
        return True
    fine = last.new + last.changed + last.unchanged
    if last.seen == 0:
        before = next((r.seen for r in history if r.seen), 0)
        was = f" (was {before:,})" if before else ""
        if errors:
            why = _commonest(errors)
            reason = f"no article links found: {why['detail']}{was}"
            verdict.add("failing", reason, "no_links", was=before or None, **why)
        else:
            verdict.add(
                "failing", f"no article links found on the start pages{was}", "no_links", was=before or None
            )
        return True
    why = _commonest([e for e in errors if e.get("stage") == "fetch"])
    counts = {"failed": last.failed, "seen": last.seen}
    if fine == 0:
        reason = f"every article page failed ({last.failed} of {last.seen}): {why['detail']}"
        verdict.add("failing", reason, "pages_failed", **counts, **why)
        return True
    reason = f"{last.failed} of {last.seen} article pages failed: {why['detail']}"
    if last.failed * 2 > last.seen:
        verdict.add("failing", reason, "pages_failed", **counts, **why)
    elif last.failed and last.failed * 5 > last.seen:
        verdict.add("warning", reason, "pages_failed", **counts, **why)
    return False


def _yields(last: CrawlRun, history: Sequence[CrawlRun], verdict: _Verdict) -> None:
    now = last.yields or {}
    n = _articles(now)
    before = next((r.yields for r in history if _articles(r.yields) >= MIN_ARTICLES), None)
    b = _articles(before)
    titled, was_titled = int(now.get("titled") or 0), int((before or {}).get("titled") or 0)
    was = f" (was {was_titled:,} of {b:,})" if before else ""
    reason = f"titles: {titled:,} of {n:,} articles have a title{was}"
    params = {"count": titled, "of": n, "was": was_titled if before else None, "was_of": b or None}
    _share(verdict, titled / n, was_titled / b if before else None, (reason, "titles", params))
    missing = n - int(now.get("dated") or 0)
    was_missing = b - int((before or {}).get("dated") or 0)
    was = f" (was {was_missing:,}" + (f" of {b:,})" if was_missing else ")") if before else ""
    reason = f"dates missing on {missing:,} of {n:,}{was}"
    params = {"count": missing, "of": n, "was": was_missing if before else None, "was_of": b or None}
    # some sources print no date at all: without history that is only a warning
    _share(
        verdict,
        1 - missing / n,
        1 - was_missing / b if before else None,
        (reason, "dates", params),
        "warning",
    )
    _body(verdict, now, before, n)
    same = int(now.get("same_titles") or 0)
    was_same = int((before or {}).get("same_titles") or 0) / b if before else 0.0
    reason = f"{same:,} of {n:,} titles are the same text"
    if same > SAME_TITLES_FAILING * n:
        verdict.add("failing", reason, "same_titles", count=same, of=n)
    elif same > SAME_TITLES_WARNING * n and same / n > was_same:
        verdict.add("warning", reason, "same_titles", count=same, of=n)


def _articles(yields: dict[str, Any] | None) -> int:
    return int((yields or {}).get("articles") or 0)


def _share(
    verdict: _Verdict,
    share: float,
    was: float | None,
    finding: tuple[str, str, dict[str, Any]],
    floor: str = "failing",
) -> None:
    """Judge a share against the last run's (`was`), or against the floors for a new source."""
    reason, code, params = finding
    status = None
    if was is not None:
        status = (
            "failing" if was - share >= FAILING_DROP else "warning" if was - share >= WARNING_DROP else None
        )
    elif share < FLOOR_FAILING:
        status = floor
    elif share < FLOOR_WARNING:
        status = "warning"
    if status is not None:
        verdict.add(status, reason, code, **params)


def _body(verdict: _Verdict, now: dict[str, Any], before: dict[str, Any] | None, n: int) -> None:
    median = int(now.get("median_body") or 0)
    long_bodies = int(now.get("long_bodies") or 0)
    if before:
        was = int(before.get("median_body") or 0)
        reason = f"median body {median:,} characters (was {was:,})"
        status = (
            "failing"
            if median < BODY_FALL_FAILING * was
            else "warning"
            if median < BODY_FALL_WARNING * was
            else None
        )
        if status:
            verdict.add(status, reason, "median_body", median=median, was=was)
        return
    reason = f"bodies: {long_bodies:,} of {n:,} articles have over 200 characters (median {median:,})"
    if long_bodies < FLOOR_FAILING * n:
        verdict.add("failing", reason, "bodies", count=long_bodies, of=n, median=median)
    elif median < SHORT_MEDIAN or long_bodies < FLOOR_WARNING * n:
        verdict.add("warning", reason, "bodies", count=long_bodies, of=n, median=median)


def _commonest(errors: Sequence[dict[str, Any]]) -> dict[str, str]:
    """The commonest failure reason and its class (``crawler.failures.reason_class``)."""
    found = Counter((str(e.get("reason") or "unknown"), str(e.get("class") or "other")) for e in errors)
    detail, kind = found.most_common(1)[0][0] if found else ("unknown", "other")
    return {"detail": detail, "class": kind}


def run_dict(run: CrawlRun) -> dict[str, Any]:
    """The run as people and Prometheus read it."""
    return {
        "id": run.id,
        "started_at": run.started_at.isoformat() if run.started_at else None,
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "seen": run.seen, "new": run.new, "changed": run.changed, "unchanged": run.unchanged,
        "failed": run.failed, "requests": run.requests, "responses": run.responses,
        "failures": dict(run.failures or {}), "yields": dict(run.yields) if run.yields else None,
    }  # fmt: skip


def source_health(session: Session, names: Sequence[str]) -> dict[str, Health]:
    """Each named source's health from its recent runs (read in one query)."""
    runs = recent_runs(session, names, RECENT_RUNS)
    return {name: assess(runs[name]) for name in names}


Notifier = Callable[[str, Health, bool], None]


def notify_transition(source: str, health: Health, recovered: bool) -> None:
    """Announce that `source` went failing, or recovered from it, in the log at ERROR (logger
    ``newsdesk.health``); the alert channels get it as deliveries (`record_health`)."""
    if recovered:
        log.error("source %s recovered: now %s", source, health.status)
    else:
        log.error("source %s is failing: %s", source, "; ".join(health.reasons))


def record_health(db: Database, name: str, notify: Notifier = notify_transition) -> Health:
    """Judge the source after a run; announce it once if it went into or out of ``failing``.

    The status last announced is kept on the source row and changed by a conditional update,
    so of two processes that notice the same change only one announces it; the same transaction
    makes the deliveries to alerts subscribed to source health, their ids in `Health.notices`.
    """
    with db.sessions() as session:  # read apart from the write: no lock held while judging
        health = source_health(session, [name])[name]
        row = session.execute(select(Source.id, Source.health_notified).where(Source.name == name)).first()
    if row is None or (row.health_notified == "failing") == health.failing:
        return health
    before = row.health_notified
    unchanged = Source.health_notified.is_(None) if before is None else Source.health_notified == before
    with db.transaction() as session:
        claimed = session.execute(
            update(Source)
            .where(Source.id == row.id, unchanged)
            .values(health_notified="failing" if health.failing else "ok")
        )
        won = bool(getattr(claimed, "rowcount", 0))
        notices = add_health_deliveries(session, name, not health.failing, health.as_dict()) if won else []
    if won:
        notify(name, health, not health.failing)
    return replace(health, notices=tuple(notices)) if notices else health
