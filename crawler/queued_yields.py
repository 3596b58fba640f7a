"""The queue profile's yields: the crawl only stores pages, `process` tasks make the articles
later, each counting its article into the run that fetched the page and judging the source again
(so a template change is still noticed, and announced, within one crawl)."""

from __future__ import annotations

from crawler.yields import Yields
from ingest.pipeline import Outcome
from store.db import Database
from store.health import Health, record_health
from store.models import CrawlRun
from store.runs import update_run

# the running count is rewritten whole for each article: past this many a run's shares are known
# well enough, and a huge run does not rewrite a growing row thousands of times
MAX_COUNTED = 500


def count_processed(db: Database, run_id: int, outcome: Outcome) -> Health | None:
    """Add a processed page's article to its run's yields; the source's health after it (None
    when there was nothing to count: no article, an unchanged one, or no such run)."""
    facts = outcome.facts
    if facts is None or outcome.status not in ("new", "changed"):
        return None

    def add(run: CrawlRun) -> None:
        counted = Yields.from_state(run.yield_state)
        if counted.articles >= MAX_COUNTED:
            return
        counted.add(facts.as_dict())
        run.yield_state = counted.state()
        run.yields = counted.as_dict()

    name = update_run(db, run_id, add)
    return record_health(db, name) if name is not None else None
