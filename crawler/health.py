"""Each source of the sources file with its health (the rule is ``store.health``) and last run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from crawler.sources import SourceSpec
from crawler.tally import CrawlSummary
from store.health import Health, assess
from store.models import CrawlRun
from store.runs import RECENT_RUNS, recent_runs


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """A source, its last run and counts, and its health (status and reasons)."""

    name: str
    kind: str
    schedule: str
    category: str
    confirmed: bool
    last_run: dt.datetime | None
    last_counts: CrawlSummary | None
    health: Health

    @property
    def flagged(self) -> bool:
        """Whether the source needs a look (warning or failing)."""
        return self.health.status != "ok"

    @property
    def reason(self) -> str | None:
        return "; ".join(self.health.reasons) or None


def source_health(session: Session, specs: Sequence[SourceSpec]) -> list[SourceHealth]:
    """Health of each source from its recent runs (read in one query)."""
    runs = recent_runs(session, [spec.name for spec in specs], RECENT_RUNS)
    return [_health(spec, runs[spec.name]) for spec in specs]


def _health(spec: SourceSpec, runs: list[CrawlRun]) -> SourceHealth:
    last = runs[0] if runs else None
    return SourceHealth(
        name=spec.name,
        kind=spec.kind,
        schedule=spec.schedule,
        category=spec.category,
        confirmed=spec.confirmed,
        last_run=last.started_at if last else None,
        last_counts=_counts(spec.name, last) if last else None,
        health=assess(runs),
    )


def _counts(name: str, run: CrawlRun) -> CrawlSummary:
    return CrawlSummary(
        name, run.seen, run.new, run.changed, run.unchanged, run.failed, list(run.errors or []), run.id,
        run.requests, run.responses, dict(run.failures or {}), dict(run.yields) if run.yields else None,
    )  # fmt: skip
