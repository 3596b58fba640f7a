"""A release and three outlets' versions, crawled from a loopback site: the story's coverage,
timeline and draft lines, through the real crawl, pipeline, API and CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from ingest.coverage import story_view
from ingest.export import render_jekyll, render_markdown
from ingest.pipeline import Origin, ingest
from newsdesk.cli import main
from store.db import Database
from store.models import Article, ArticleUnits, Coverage, Draft, Story
from tests.support.api import alembic_to
from tests.support.coverage import (
    EXPECTED,
    OUTLETS,
    RELEASE,
    RELEASE_SOURCE,
    REVISED,
    StoryWorld,
    crawled_story,
    outlet_page,
)
from tests.support.pages import article_html
from tests.support.postgres import require_postgres, temporary_postgres


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoryWorld]:
    with crawled_story(tmp_path_factory.mktemp("coverage")) as crawled:
        yield crawled


@pytest.fixture(scope="module")
def client(world: StoryWorld) -> Iterator[TestClient]:
    with TestClient(create_app(world.settings, world.db), raise_server_exceptions=False) as c:
        yield c


def story_id(world: StoryWorld) -> int:
    with world.db.sessions() as session:
        ids = set(session.scalars(select(Article.story_id)))
    assert len(ids) == 1 and None not in ids, "the release and its three retellings are one story"
    return ids.pop()  # type: ignore[return-value]


def story(client: TestClient, world: StoryWorld) -> dict[str, Any]:
    response = client.get(f"/stories/{story_id(world)}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def release_numbers(body: dict[str, Any]) -> dict[int, int]:
    """Stored sentence index → the release's sentence number (the extracted body may hold other lines)."""
    by_text = {s["text"]: s["index"] for s in body["canonical"]["sentences"]}
    return {by_text[text]: n for n, text in enumerate(RELEASE)}


def test_the_release_is_canonical_and_each_outlet_shows_what_it_copied_added_and_changed(
    client: TestClient, world: StoryWorld
) -> None:
    body = story(client, world)
    assert body["canonical"]["outlet"] == RELEASE_SOURCE and body["canonical"]["is_release"]
    number = release_numbers(body)
    summary = {number[s["index"]] for s in body["canonical"]["sentences"] if s["summary"]}
    assert summary, "the release has summary sentences to keep or drop"
    by_outlet = {c["outlet"]: c for c in body["coverage"]}
    assert list(by_outlet) == [o.name for o in OUTLETS], "coverage in publish order"
    for name, want in EXPECTED.items():
        got = by_outlet[name]
        assert {number[i] for i in got["kept"]} == want["kept"], name
        assert (got["counts"]["copied"], got["counts"]["edited"]) == (want["copied"], want["edited"]), name
        assert [a["text"] for a in got["added"]] == want["added"], name
        assert [(f["release"], f["outlet"]) for f in got["figure_differs"]] == want["figures"], name
        assert got["names_source"] == want["names_source"], name
        assert got["lag_minutes"] == want["lag"], name
        sentences = want["copied"] + want["edited"] + len(want["added"])
        assert got["copied_share"] == pytest.approx((want["copied"] + want["edited"]) / sentences, abs=1e-4)
        assert {number[d["index"]] for d in got["dropped"]} == summary - want["kept"], name
        assert got["release_kept_share"] == pytest.approx(
            len(summary & want["kept"]) / len(summary), abs=1e-4
        )
    marks = {number[s["index"]]: s["kept_by"] for s in body["canonical"]["sentences"] if s["index"] in number}
    assert marks == {n: sum(n in w["kept"] for w in EXPECTED.values()) for n in range(len(RELEASE))}


def test_the_timeline_has_the_first_report_and_the_late_joiner(client: TestClient, world: StoryWorld) -> None:
    timeline = story(client, world)["timeline"]
    assert [t["outlet"] for t in timeline] == [RELEASE_SOURCE, *(o.name for o in OUTLETS)]
    assert [t["first_report"] for t in timeline] == [True, False, False, False]
    assert [t["late_joiner"] for t in timeline] == [False, False, False, True]
    assert timeline[0]["canonical"] and all(len(t["revisions"]) >= 1 for t in timeline)


def test_the_story_draft_says_what_each_outlet_added(world: StoryWorld) -> None:
    with world.db.sessions() as session:
        draft = session.scalars(select(Draft).where(Draft.story_id.is_not(None))).one()
        assert draft.article.source is not None and draft.article.source.name == RELEASE_SOURCE
        added = {o["name"]: o["added"] for o in draft.outlets}
        post, markdown = render_jekyll(draft), render_markdown(draft)
    assert added == {name: want["best"] for name, want in EXPECTED.items()}
    for name, want in EXPECTED.items():
        # loopback URLs are not public: the outlet is named without a link
        assert f"<p>{name} — 더한 내용: “{want['best']}”</p>" in post
        assert f"- {name} — 더한 내용: “{want['best']}”" in markdown


def test_the_cli_prints_the_story(
    world: StoryWorld, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_DATABASE_URL", world.settings.database_url)
    assert main(["stories", "show", str(story_id(world)), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["outlet"] for c in data["coverage"]] == [o.name for o in OUTLETS]
    assert main(["stories", "show", str(story_id(world))]) == 0
    text = capsys.readouterr().out
    assert (
        "한빛일보" in text and "120만 가구 → 130만 가구" in text and EXPECTED["바른뉴스"]["added"][0] in text
    )
    assert main(["stories", "show", "999999"]) == 1
    assert "no story with id 999999" in capsys.readouterr().err


def test_a_revision_updates_its_coverage_and_the_timeline(client: TestClient, world: StoryWorld) -> None:
    """Runs last: 한빛일보 revises its article (a paragraph of its own reporting added)."""
    outlet = OUTLETS[0]
    url = world.site.url(outlet.path)
    outcome = ingest(world.db, outlet_page(outlet, REVISED), Origin(url, source=outlet.name))
    assert outcome.status == "changed"
    with world.db.sessions() as session:
        row = session.get(Coverage, outcome.article_id)
        assert row is not None and row.revision == 2, "stored at ingest, as of the new revision"
    body = story(client, world)
    hanbit = next(c for c in body["coverage"] if c["outlet"] == outlet.name)
    assert [a["text"] for a in hanbit["added"]] == [*EXPECTED[outlet.name]["added"], REVISED]
    revisions = next(t["revisions"] for t in body["timeline"] if t["outlet"] == outlet.name)
    assert [r["revision"] for r in revisions] == [1, 2]


def test_a_missing_story_is_a_404(client: TestClient) -> None:
    response = client.get("/stories/999999")
    assert response.status_code == 404 and response.json()["ok"] is False


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database on SQLite, and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    require_postgres()
    with temporary_postgres() as url:
        yield url


def test_articles_stored_before_0011_are_aligned_once_the_story_changes(empty_url: str) -> None:
    """Stories whose articles have no stored units (ingested before migration 0011): reading shows
    no coverage for them rather than analysing again; the next ingest into the story analyses the
    old articles once, keeps their units, and the coverage is complete. The migration goes down
    and up again on a filled database."""
    url = empty_url
    db = Database(url)
    base = "https://outlets.example"
    release = article_html(
        "취약계층 겨울철 난방비 지원 확대", RELEASE, layout="government", site=RELEASE_SOURCE
    )
    ingest(db, release, Origin(f"{base}/mohw/release.html", source=RELEASE_SOURCE))
    for outlet in OUTLETS[:2]:
        ingest(db, outlet_page(outlet), Origin(f"{base}{outlet.path}", source=outlet.name))
    db.dispose()
    alembic_to(url, "0008", down=True)
    alembic_to(url, "head")
    db = Database(url)
    try:
        with db.sessions() as session:
            story = session.scalars(select(Story)).one()
            assert session.scalars(select(ArticleUnits)).all() == []
            assert story_view(session, story)["coverage"] == []
        last = OUTLETS[2]
        outcome = ingest(db, outlet_page(last), Origin(f"{base}{last.path}", source=last.name))
        with db.sessions() as session:
            story = session.scalars(select(Story)).one()
            view = story_view(session, story)
            assert len(session.scalars(select(ArticleUnits)).all()) == 4
        assert [c["outlet"] for c in view["coverage"]] == [o.name for o in OUTLETS]
        assert outcome.article_id in {c["article_id"] for c in view["coverage"]}
        hanbit = view["coverage"][0]
        assert [(f["release"], f["outlet"]) for f in hanbit["figure_differs"]] == EXPECTED["한빛일보"][
            "figures"
        ]
    finally:
        db.dispose()
