"""The health rule (store.health.assess) on runs as a crawl stores them; the crawls themselves
are in test_source_health."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest

from crawler.failures import reason_class
from crawler.queued_yields import count_processed
from crawler.tally import CrawlSummary, Tally
from ingest.facts import ArticleFacts
from ingest.pipeline import Outcome
from store.db import Database
from store.health import assess
from store.models import CrawlRun
from store.runs import finish_run, start_run
from tests.support.postgres import require_postgres, temporary_postgres

T0 = dt.datetime(2025, 5, 3, 9, 0, tzinfo=dt.UTC)
FULL = {"articles": 20, "titled": 20, "dated": 20, "long_bodies": 20, "median_body": 1800, "same_titles": 0}


def run(n: int, yields: dict[str, Any] | None = None, **counts: Any) -> CrawlRun:
    """The n-th run (higher is newer) with `counts`; by default 20 new articles of full yield."""
    values = {"seen": 20, "new": 20, "changed": 0, "unchanged": 0, "failed": 0, "errors": [], "requests": 22,
              "responses": 22, "failures": {}} | counts  # fmt: skip
    started = T0 + dt.timedelta(hours=n)
    return CrawlRun(id=n, started_at=started, finished_at=started, yields=yields, **values)


def reasons(*runs: CrawlRun) -> tuple[str, tuple[str, ...]]:
    health = assess(sorted(runs, key=lambda r: -r.id))
    return health.status, health.reasons


def test_a_drop_against_the_sources_own_last_run_is_failing() -> None:
    before = run(1, FULL)
    assert reasons(before, run(2, FULL | {"titled": 3})) == (
        "failing", ("titles: 3 of 20 articles have a title (was 20 of 20)",)
    )  # fmt: skip
    assert reasons(before, run(2, FULL | {"dated": 2})) == ("failing", ("dates missing on 18 of 20 (was 0)",))
    assert reasons(before, run(2, FULL | {"median_body": 40, "long_bodies": 0})) == (
        "failing", ("median body 40 characters (was 1,800)",)
    )  # fmt: skip
    assert reasons(before, run(2, FULL | {"same_titles": 18})) == (
        "failing",
        ("18 of 20 titles are the same text",),
    )


def test_a_smaller_drop_is_a_warning_and_the_sources_own_level_is_ok() -> None:
    assert reasons(run(1, FULL), run(2, FULL | {"titled": 15}))[0] == "warning"
    undated = FULL | {"dated": 0}  # a source that never prints dates: its own normal
    assert reasons(run(1, undated), run(2, undated)) == ("ok", ())


def test_a_new_source_meets_absolute_floors() -> None:
    assert reasons(run(1, FULL)) == ("ok", ())
    status, why = reasons(run(1, FULL | {"titled": 5, "long_bodies": 4, "median_body": 90}))
    assert status == "failing"
    assert why == (
        "titles: 5 of 20 articles have a title",
        "bodies: 4 of 20 articles have over 200 characters (median 90)",
    )
    assert reasons(run(1, FULL | {"dated": 4})) == ("warning", ("dates missing on 16 of 20",))


def test_a_quiet_recrawl_keeps_the_verdict_of_the_last_run_that_produced_articles() -> None:
    quiet = {"articles": 0, "titled": 0, "dated": 0, "long_bodies": 0, "median_body": 0, "same_titles": 0}
    assert reasons(run(1, FULL), run(2, quiet, new=0, unchanged=20)) == ("ok", ())
    broken = run(2, FULL | {"titled": 0})
    assert reasons(run(1, FULL), broken, run(3, quiet, new=0, unchanged=20))[0] == "failing"
    assert reasons(run(1, FULL), broken, run(3, FULL)) == ("ok", ())  # mended: judged against run 2


def test_crawl_failures_are_named_with_their_commonest_reason() -> None:
    dns = {"url": "http://x.invalid/", "reason": "host name not found", "stage": "discovery", "class": "dns"}
    status, why = reasons(run(1, None, seen=0, new=0, responses=0, errors=[dns, dns]))
    assert (status, why) == ("failing", ("every request failed: host name not found",))
    gone = {"url": "u", "reason": "HTTP 404", "stage": "fetch", "class": "http_4xx"}
    assert reasons(run(1, None, new=8, failed=12, errors=[gone] * 12)) == (
        "failing", ("12 of 20 article pages failed: HTTP 404",)
    )  # fmt: skip
    assert reasons(run(1, None, new=15, failed=5, errors=[gone] * 5))[0] == "warning"
    assert reasons(run(1, None, seen=0, new=0)) == ("failing", ("no article links found on the start pages",))
    health = assess([run(1, None, seen=0, new=0, responses=0, errors=[dns])])
    issue = {"code": "unreachable", "status": "failing", "detail": "host name not found", "class": "dns"}
    assert health.issues == (issue,)


def test_reason_classes_and_the_tally_of_yields() -> None:
    written = {
        "host name not found": "dns",
        "connection refused after 3 attempts": "connect",
        "timeout: no answer within 3 s": "timeout",
        "HTTP 404": "http_4xx",
        "HTTP 503 after 3 attempts": "http_5xx",
        "forbidden by robots.txt": "robots",
        "response larger than the 1048576-byte cap": "too_large",
        "redirected outside allowed_domains: x": "offsite",
        "not HTML (content-type application/json)": "not_html",
        "no article text": "other",
    }
    assert {reason: reason_class(reason) for reason in written} == written
    tally = Tally()
    for k, (title, chars) in enumerate(
        [("새벽시 소식", 40), ("새벽시 소식", 60), ("청년 지원", 900), ("버스", 1200)]
    ):
        facts = {"titled": k > 1, "dated": True, "body_chars": chars, "title": title, "template_title": False}
        tally.add({"event": "page", "url": f"u{k}", "status": "new", "facts": facts})
    tally.add({"event": "page", "url": "u9", "status": "failed", "reason": "HTTP 500 after 3 attempts"})
    summary = tally.summary("s", 1, {"event": "done", "requests": 7, "responses": 7})
    assert summary.yields == {"articles": 4, "titled": 2, "dated": 4, "long_bodies": 2, "median_body": 480,
                              "same_titles": 2}  # fmt: skip
    assert summary.failures == {"http_5xx": 1} and (summary.requests, summary.responses) == (7, 7)


def test_queued_articles_count_into_their_run_and_fail_it_once_on_postgresql(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The queue profile's count and the one notice, on PostgreSQL (row lock, conditional update)."""
    require_postgres()
    with temporary_postgres() as url:
        db = Database(url)
        try:
            run_id = start_run(db, "pg-board", "listing", None)
            finish_run(db, run_id, CrawlSummary("pg-board", 4, 4, run_id=run_id, requests=5, responses=5))
            for k in range(4):  # pages whose headline the extractor no longer finds
                facts = ArticleFacts(
                    titled=False, dated=True, body_chars=900, title=f"첫 줄 {k}", template_title=False
                )
                with caplog.at_level(logging.ERROR, logger="newsdesk.health"):
                    health = count_processed(db, run_id, Outcome(f"http://x/{k}", "new", facts=facts))
            with db.sessions() as session:
                yields = session.get_one(CrawlRun, run_id).yields
        finally:
            db.dispose()
    assert yields == {
        "articles": 4,
        "titled": 0,
        "dated": 4,
        "long_bodies": 4,
        "median_body": 900,
        "same_titles": 0,
    }
    assert health is not None and health.reasons == ("titles: 0 of 4 articles have a title",)
    assert [r.getMessage() for r in caplog.records] == [
        "source pg-board is failing: titles: 0 of 3 articles have a title"
    ]
