"""Source health end to end: a loopback site changes its template between two real crawls, hosts
that cannot be reached, a quiet re-crawl; seen through the CLI, the API and /metrics."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from crawler.runner import CrawlSummary, crawl_source, list_sources
from newsdesk import commands
from newsdesk.cli import main
from newsdesk.settings import Settings
from store.db import Database
from tests.support.boards import DRIFTS, FIRST, SECOND, closed_port, publish
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, live_server, require_browser
from tests.support.site import Site
from tests.support.sources_file import SOURCES, source


@dataclass
class World:
    site: Site
    settings: Settings
    first: dict[str, CrawlSummary]
    second: dict[str, CrawlSummary]
    notices: list[str]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Four boards crawled twice (three changed their template in between, one published nothing)
    and a host that does not resolve crawled once."""
    site = Site()
    base = site.start()
    folder = tmp_path_factory.mktemp("health")
    boards = (*DRIFTS, "steady")
    text = SOURCES + "".join(
        source(name, "listing", f"{base}/{name}/list.html", article_links="ul.board_list a")
        for name in boards
    )
    nowhere = source("nowhere", "listing", "http://nonexistent.invalid/list.html", article_links="ul a")
    text += nowhere.replace('["127.0.0.1"]', '["nonexistent.invalid"]')  # a name that never resolves
    text += source("queued", "listing", f"{base}/queued/list.html", article_links="ul.board_list a")
    text += source("refused", "listing", f"http://127.0.0.1:{closed_port()}/list.html", article_links="ul a")
    (folder / "sources.toml").write_text(text, encoding="utf-8")
    settings = Settings(
        data_dir=folder,
        database_url=f"sqlite:///{folder / 'health.db'}",
        broker_url="memory://",
        sources=folder / "sources.toml",
    )
    notices = _Collect()
    logging.getLogger("newsdesk.health").addHandler(notices)
    try:
        for name in boards:
            publish(site, name, "v1", FIRST)
        first = {name: crawl_source(settings, name) for name in boards}
        for name in DRIFTS:
            publish(site, name, name, SECOND)
        second = {name: crawl_source(settings, name) for name in boards}
        crawl_source(settings, "nowhere")  # a host that never resolves, for the views of all sources
        yield World(site, settings, first, second, notices.lines)
    finally:
        logging.getLogger("newsdesk.health").removeHandler(notices)
        site.stop()


def test_the_first_crawl_of_every_board_is_ok_with_full_yields(world: World) -> None:
    for name, summary in world.first.items():
        assert summary.health is not None and summary.health.status == "ok", (name, summary.health)
        assert summary.yields == {
            "articles": 6, "titled": 6, "dated": 6, "long_bodies": 6,
            "median_body": summary.yields["median_body"], "same_titles": 0,
        }, name  # fmt: skip
        assert summary.yields["median_body"] > 400
        assert summary.requests and summary.responses and summary.failures == {}


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("titles", "titles: 0 of 6 articles have a title (was 6 of 6)"),
        ("dates", "dates missing on 6 of 6 (was 0)"),
        ("body", "median body "),
    ],
)
def test_a_template_change_fails_the_source_in_one_crawl(world: World, name: str, reason: str) -> None:
    health = world.second[name].health
    assert health is not None and health.status == "failing", health
    assert any(r.startswith(reason) for r in health.reasons), health.reasons
    if name == "body":
        was = world.first[name].yields or {}
        line = next(r for r in health.reasons if r.startswith(reason))
        assert line.endswith(f"characters (was {was['median_body']:,})"), line
    else:  # the other fields came out as before: only the one that broke is named
        assert len(health.reasons) == 1, health.reasons


def test_a_healthy_recrawl_with_nothing_new_stays_ok(world: World) -> None:
    summary = world.second["steady"]
    assert (summary.seen, summary.new, summary.changed, summary.unchanged, summary.failed) == (6, 0, 0, 6, 0)
    assert {h.status for h in world.site.hits if h.path.startswith("/steady/a")} == {200, 304}
    assert summary.health is not None and summary.health.status == "ok" and not summary.health.reasons


def test_going_failing_is_announced_once(world: World) -> None:
    announced = [line for line in world.notices if "is failing" in line]
    assert sorted(line.split()[1] for line in announced) == sorted((*DRIFTS, "nowhere"))
    assert any("titles: 0 of 6" in line for line in announced)
    summary = crawl_source(world.settings, "titles")  # still failing: no second notice
    assert summary.health is not None and summary.health.failing
    assert len([line for line in world.notices if line.startswith("source titles is failing")]) == 1


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    shipped = commands.emit.__defaults__
    commands.emit.__defaults__ = (sys.stdout,)
    try:
        code = main(list(argv))
    finally:
        commands.emit.__defaults__ = shipped
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("nowhere", "every request failed: host name not found"),
        ("refused", "every request failed: connection refused"),
    ],
)
def test_an_unreachable_host_fails_and_crawl_exits_1(
    world: World, name: str, reason: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_DATABASE_URL", world.settings.database_url)
    code, out, _ = run_cli(capsys, "crawl", name, "--sources", str(world.settings.sources))
    assert code == 1
    assert f"{name}: pages seen 0" in out and f"health: failing — {reason}" in out
    assert ("dns" if name == "nowhere" else "connect") in out.split("failed by class:", 1)[1]
    health = {h.name: h.health for h in list_sources(world.settings)}[name]
    assert health.status == "failing" and health.reasons[0].startswith(reason)


def test_cli_api_and_metrics_show_the_same_health(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_DATABASE_URL", world.settings.database_url)
    code, out, _ = run_cli(capsys, "sources", "list", "--json", "--sources", str(world.settings.sources))
    assert code == 0
    listed = {row["name"]: row["health"] for row in map(json.loads, out.splitlines())}
    expected = {
        "titles": "failing",
        "dates": "failing",
        "body": "failing",
        "steady": "ok",
        "nowhere": "failing",
    }
    assert {k: listed[k]["status"] for k in expected} == expected
    assert listed["dates"]["reasons"] == ["dates missing on 6 of 6 (was 0)"]
    assert listed["steady"]["last_run"]["unchanged"] == 6

    db = Database(world.settings.database_url)
    try:
        with TestClient(create_app(world.settings, db)) as client:
            sources = {s["name"]: s["health"] for s in client.get("/sources").json()["sources"]}
            metrics = client.get("/metrics").text
    finally:
        db.dispose()
    for name in expected:
        assert sources[name]["status"] == listed[name]["status"]
        assert sources[name]["reasons"] == listed[name]["reasons"]
    assert gauge(metrics, 'newsdesk_source_health{source="titles"}') == 2
    assert gauge(metrics, 'newsdesk_source_health{source="steady"}') == 0
    assert gauge(metrics, 'newsdesk_source_yield_ratio{field="title",source="titles"}') == 0
    assert gauge(metrics, 'newsdesk_source_yield_ratio{field="date",source="titles"}') == 1
    assert gauge(metrics, 'newsdesk_source_run_articles{source="dates"}') == 6
    assert gauge(metrics, 'newsdesk_source_run_failures{reason="dns",source="nowhere"}') >= 1


def gauge(text: str, series: str) -> float:
    """The value of one series in Prometheus text."""
    values: dict[str, Any] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.rpartition(" ")
            values[key] = float(value)
    assert series in values, f"{series} not in /metrics"
    return float(values[series])


def test_the_editor_page_lists_failing_sources_first_in_korean(world: World) -> None:
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    db = Database(world.settings.database_url)
    try:
        with live_server(create_app(world.settings, db)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            page = browser.new_page(locale="ko-KR")
            page.goto(f"{base}/editor")
            panel = page.locator("#source-health")
            expect(panel).to_be_visible()
            expect(panel.locator("h2")).to_have_text(re.compile(r"수집이 멈춘 출처 \d+곳"))
            expect(panel).to_contain_text("제목: 기사 6건 중 0건만 제목을 찾음 (이전 6건 중 6건)")
            expect(panel).to_contain_text("날짜: 기사 6건 중 6건에 날짜 없음 (이전 0건)")
            expect(panel).to_contain_text("모든 요청 실패: 호스트 이름을 찾을 수 없음")
            assert "steady" not in panel.inner_text()
            box = panel.bounding_box()
            queue = page.locator("#queue-count").bounding_box()
            assert box is not None and queue is not None and box["y"] < queue["y"], "above the queue"
            browser.close()
    finally:
        db.dispose()


def test_a_mended_template_is_announced_once_as_recovered(world: World) -> None:
    """Last in the file: the other tests read the titles board while it is failing."""
    publish(world.site, "titles", "v1", range(12, 18))
    mended = crawl_source(world.settings, "titles")
    assert mended.health is not None and mended.health.status == "ok", mended.health
    crawl_source(world.settings, "titles")  # quiet, still ok: nothing more to say
    assert [line for line in world.notices if line.startswith("source titles recovered")] == [
        "source titles recovered: now ok"
    ]


def test_in_the_queue_profile_the_process_tasks_count_the_yields(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The crawl task only stores pages; each `process` task (run here as the worker runs it,
    without a broker) counts its article into the run, and the source is judged again."""
    from worker import tasks
    from worker.celery_app import app, configure

    settings = replace(world.settings, database_url=f"sqlite:///{tmp_path / 'queued.db'}")
    monkeypatch.setenv("NEWSDESK_DATABASE_URL", settings.database_url)
    configure(app, settings)
    notices = _Collect()
    logging.getLogger("newsdesk.health").addHandler(notices)
    try:
        publish(world.site, "queued", "v1", range(20, 26))
        runs = []
        for layout, ks in (("v1", range(20, 26)), ("titles", range(26, 32))):
            publish(world.site, "queued", layout, ks)
            handed: list[int] = []
            summary = crawl_source(settings, "queued", handoff=handed.append)
            assert summary.yields is None and len(handed) == 6  # not measured by the crawl itself
            for page_id in handed:
                assert tasks.process(page_id, run_id=summary.run_id)["status"] == "new"
            runs.append({h.name: h.health for h in list_sources(settings)}["queued"])
    finally:
        logging.getLogger("newsdesk.health").removeHandler(notices)
        tasks.database().dispose()
    assert runs[0].status == "ok" and (runs[0].yields or {})["titled"] == 6
    assert runs[1].status == "failing"
    assert runs[1].reasons == ("titles: 0 of 6 articles have a title (was 6 of 6)",)
    # announced once, as soon as enough of the run's articles were counted to judge
    (notice,) = [line for line in notices.lines if "queued" in line]
    assert notice.startswith("source queued is failing: titles: 0 of ")
