"""The story view of the review page in real Chromium: a crawled release and three outlets."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import httpx
from sqlalchemy import select

from api.app import create_app
from store.models import Draft
from tests.support.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, live_server, require_browser
from tests.support.coverage import EXPECTED, OUTLETS, RELEASE, crawled_story
from tests.support.drafts import EDITOR


def test_the_story_view_marks_each_release_sentence_and_lists_what_outlets_added(tmp_path: Path) -> None:
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    with crawled_story(tmp_path) as world:
        settings = dataclasses.replace(world.settings, editor_tokens=(EDITOR,))
        app = create_app(settings, world.db)
        with world.db.sessions() as session:
            draft_id, story_id = session.execute(
                select(Draft.id, Draft.story_id).where(Draft.story_id.is_not(None))
            ).one()
        ARTIFACTS.mkdir(exist_ok=True)
        with live_server(app) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="ko-KR")
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base}/editor")
            page.fill("#token", EDITOR)
            page.click("#token-form button[type=submit]")
            page.locator(f'#queue li[data-id="{draft_id}"]').click()
            view = page.locator("#story-view")
            expect(view).to_be_visible()
            expect(view.locator("h2")).to_have_text("여러 매체 보도 (3곳)")
            sentences = view.locator(".story-sentences li")
            expect(sentences).to_have_count(len(RELEASE))
            for n, text in enumerate(RELEASE):
                kept = sum(n in want["kept"] for want in EXPECTED.values())
                row = sentences.filter(has_text=text)
                expect(row).to_have_attribute("data-kept", str(kept))
                expect(row.locator(".kept")).to_have_text(f"{kept}곳")
            story = httpx.get(f"{base}/stories/{story_id}").json()
            dropped = {c["outlet"]: [d["text"] for d in c["dropped"]] for c in story["coverage"]}
            cards = view.locator(".outlet")
            expect(cards.locator("h3")).to_have_text([o.name for o in OUTLETS])
            for outlet in OUTLETS:
                want = EXPECTED[outlet.name]
                card = cards.filter(has=page.locator("h3", has_text=outlet.name))
                expect(card.locator(".added li")).to_have_text([str(a) for a in want["added"]])
                expect(card.locator(".dropped li")).to_have_text(dropped[outlet.name])
                figures = [f"{was} → {became}" for was, became in want["figures"]]
                expect(card.locator(".figures li")).to_have_count(len(figures))
                for figure in figures:
                    expect(card.locator(".figures")).to_contain_text(figure)
                credit = f"출처 밝힘: {want['names_source']}" if want["names_source"] else "출처 밝히지 않음"
                expect(card.locator(".meta")).to_contain_text(credit)
            timeline = view.locator(".story-timeline li")
            expect(timeline.first).to_contain_text("첫 보도")
            expect(timeline.last).to_contain_text("뒤늦게 보도")
            view.screenshot(path=str(ARTIFACTS / "editor-story.png"))
            browser.close()
    assert errors == []
