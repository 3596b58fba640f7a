"""The field yields of the articles one crawl produced, added up as their pages are stored."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ingest.facts import LONG_BODY


class Yields:
    """Counts over a run's new and changed articles (``ingest.facts.ArticleFacts`` as dicts).

    Only counts and the body lengths are kept: a run never reads its articles back.
    """

    def __init__(self) -> None:
        self.articles = 0
        self.titled = 0
        self.dated = 0
        self.long_bodies = 0
        self.bodies: list[int] = []
        self.titles: Counter[str] = Counter()
        self.template_titles: Counter[str] = Counter()

    def add(self, facts: Mapping[str, Any]) -> None:
        """Count one stored article."""
        chars = int(facts.get("body_chars") or 0)
        title = str(facts.get("title") or "")
        self.articles += 1
        self.titled += bool(facts.get("titled"))
        self.dated += bool(facts.get("dated"))
        self.long_bodies += chars > LONG_BODY
        self.bodies.append(chars)
        self.titles[title] += 1
        if facts.get("template_title"):
            self.template_titles[title] += 1

    def state(self) -> dict[str, Any]:
        """Everything counted, as JSON (the queue profile keeps it on the run between tasks)."""
        return {
            "articles": self.articles, "titled": self.titled, "dated": self.dated,
            "long_bodies": self.long_bodies, "bodies": list(self.bodies), "titles": dict(self.titles),
            "template_titles": dict(self.template_titles),
        }  # fmt: skip

    @classmethod
    def from_state(cls, state: Mapping[str, Any] | None) -> Yields:
        """The counts `state` holds (an empty count for None)."""
        found = cls()
        if state:
            found.articles, found.titled = int(state["articles"]), int(state["titled"])
            found.dated, found.long_bodies = int(state["dated"]), int(state["long_bodies"])
            found.bodies = [int(n) for n in state["bodies"]]
            found.titles = Counter({str(k): int(v) for k, v in state["titles"].items()})
            found.template_titles = Counter({str(k): int(v) for k, v in state["template_titles"].items()})
        return found

    def same_titles(self) -> int:
        """Articles whose title another article of the run has too, or that is a template line."""
        repeated = {title for title, n in self.titles.items() if n > 1 and title}
        return sum(self.titles[t] for t in repeated) + sum(
            n for t, n in self.template_titles.items() if t not in repeated
        )

    def as_dict(self) -> dict[str, int]:
        """What the run stores (``crawl_runs.yields``)."""
        return {
            "articles": self.articles,
            "titled": self.titled,
            "dated": self.dated,
            "long_bodies": self.long_bodies,
            "median_body": int(statistics.median(self.bodies)) if self.bodies else 0,
            "same_titles": self.same_titles(),
        }
