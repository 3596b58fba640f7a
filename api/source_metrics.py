"""Per-source gauges for /metrics: each source's health and what its last crawl run saw, read from
the database for each scrape (database facts, so no multiprocess files are needed).

Alerting rules can be written on them, e.g. ``newsdesk_source_health == 2`` (failing) or
``newsdesk_source_yield_ratio{field="title"} < 0.5``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from store.health import STATUSES

YIELD_FIELDS = (
    ("title", "titled"),
    ("date", "dated"),
    ("long_body", "long_bodies"),
    ("same_title", "same_titles"),
)
OUTCOMES = ("new", "changed", "unchanged", "failed")


def source_gauges(sources: Sequence[Mapping[str, Any]]) -> str:
    """Prometheus text for the sources as ``/sources`` lists them (each with its ``health``)."""
    registry = CollectorRegistry(auto_describe=True)
    registry.register(_Sources(sources))
    return generate_latest(registry).decode()


class _Sources(Collector):
    def __init__(self, sources: Sequence[Mapping[str, Any]]) -> None:
        self.sources = list(sources)

    def collect(self) -> Iterable[Metric]:
        status = GaugeMetricFamily(
            "newsdesk_source_health", "Source health: 0 ok, 1 warning, 2 failing.", labels=["source"]
        )
        articles = GaugeMetricFamily(
            "newsdesk_source_run_articles",
            "Articles the last crawl run produced (new or changed).",
            labels=["source"],
        )
        pages = GaugeMetricFamily(
            "newsdesk_source_run_pages",
            "Article pages of the last run by outcome.",
            labels=["source", "outcome"],
        )
        failures = GaugeMetricFamily(
            "newsdesk_source_run_failures",
            "Failures of the last run by reason class.",
            labels=["source", "reason"],
        )
        ratios = GaugeMetricFamily(
            "newsdesk_source_yield_ratio",
            "Share of the articles of the newest run that produced some with a title, a date, "
            "a body over 200 characters, or a title shared with another page.",
            labels=["source", "field"],
        )
        median = GaugeMetricFamily(
            "newsdesk_source_median_body_chars",
            "Median body length of the articles of the newest run that produced some.",
            labels=["source"],
        )
        for source in self.sources:
            name = str(source["name"])
            health = source["health"]
            status.add_metric([name], STATUSES.index(health["status"]))
            run = health.get("last_run")
            if not run:
                continue
            articles.add_metric([name], run["new"] + run["changed"])
            for outcome in OUTCOMES:
                pages.add_metric([name, outcome], run[outcome])
            for reason, n in sorted((run.get("failures") or {}).items()):
                failures.add_metric([name, reason], n)
            yields = health.get("yields") or {}  # the newest run's that produced articles
            if yields.get("articles"):
                for field, key in YIELD_FIELDS:
                    ratios.add_metric([name, field], yields[key] / yields["articles"])
                median.add_metric([name], yields["median_body"])
        yield from (status, articles, pages, failures, ratios, median)
