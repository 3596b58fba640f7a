"""The review page in a real browser: Debian's Chromium driven by Playwright, against a real server.

Skips with one line outside CI when Playwright or /usr/bin/chromium is missing; fails in CI (CI=true).
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from tests.support.drafts import EDITOR, EDITOR_HEADERS, editor_settings, make_app, seed

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).parent / "artifacts"


def require_browser() -> None:
    """Skip (outside CI) or fail (in CI) when the browser or its driver is missing."""
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright package (pip install playwright)")
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if not missing:
        return
    message = f"editor browser test needs {' and '.join(missing)}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI must install them (.ci/run)", pytrace=False)
    pytest.skip(f"{message}; skipped outside CI")


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn on an ephemeral loopback port in a thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, lifespan="off", ws="none", http="h11", loop="asyncio"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


def test_an_editor_approves_a_draft_in_the_browser(tmp_path: Path) -> None:
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    app = make_app(editor_settings(tmp_path))
    draft_id = seed(app.state.db).hiking
    ARTIFACTS.mkdir(exist_ok=True)
    with live_server(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="ko-KR")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        page.goto(f"{base}/editor")
        page.fill("#token", EDITOR)
        page.click("#token-form button[type=submit]")
        item = page.locator(f'#queue li[data-id="{draft_id}"]')
        expect(item).to_contain_text("등산로 안전시설 새로 정비")
        item.click()
        expect(page.locator("#d-status")).to_have_attribute("data-status", "draft")
        draft = httpx.get(f"{base}/drafts/{draft_id}", headers=EDITOR_HEADERS).json()
        expect(page.locator("#d-body mark")).to_have_count(len(draft["key_sentences"]))
        expect(page.locator("#d-body mark").first).to_have_text(draft["key_sentences"][0]["text"])

        page.fill("#e-headline", "등산로 정비: 편집자 제목")
        page.click("#draft-form button[type=submit]")
        expect(page.locator("#d-edited")).to_have_text("수정한 항목: 제목")
        expect(page.locator("#export")).to_have_value(re.compile(r"^---\ntitle: '?등산로 정비: 편집자 제목"))
        page.click("#copy")
        expect(page.locator("#message")).to_contain_text("복사")
        copied = page.evaluate("navigator.clipboard.readText()")

        page.click('#actions button[data-to="approved"]')
        expect(page.locator("#d-status")).to_have_attribute("data-status", "approved")
        expect(page.locator('#actions button[data-to="approved"]')).to_be_disabled()
        expect(page.locator("#message")).to_contain_text("승인")
        expect(item).to_have_count(0)  # the queue shows drafts still to review
        page.screenshot(path=str(ARTIFACTS / "editor-approved.png"), full_page=True)
        browser.close()

        after = httpx.get(f"{base}/drafts/{draft_id}", headers=EDITOR_HEADERS).json()
        exported = httpx.get(f"{base}/drafts/{draft_id}/export", headers=EDITOR_HEADERS).text
    assert after["status"] == "approved" and after["headline"] == "등산로 정비: 편집자 제목"
    assert copied == exported
    assert errors == []
    assert (ARTIFACTS / "editor-approved.png").stat().st_size > 10_000


def test_the_review_page_links_only_to_http_urls(tmp_path: Path) -> None:
    """A stored article URL that is no http(s) URL (stored before --url was checked) is never a link."""
    require_browser()
    from playwright.sync_api import expect, sync_playwright
    from sqlalchemy import select

    from store.models import Article, Draft

    app = make_app(editor_settings(tmp_path))
    draft_id = seed(app.state.db).hiking
    with app.state.db.transaction() as session:
        draft = session.scalars(select(Draft).where(Draft.id == draft_id)).one()
        article = session.get(Article, draft.article_id)
        assert article is not None
        article.url = "javascript:alert(document.domain)//x"
    with live_server(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.goto(f"{base}/editor")
        page.fill("#token", EDITOR)
        page.click("#token-form button[type=submit]")
        page.locator(f'#queue li[data-id="{draft_id}"]').click()
        expect(page.locator("#d-status")).to_have_attribute("data-status", "draft")
        assert page.locator("#d-url").get_attribute("href") is None
        browser.close()


# Korean only ---------------------------------------------------------------------------------------

# What an editor sees: the visible text, placeholders, labels of frames, and the tab's title.
VISIBLE_TEXT = """() => {
  const shown = (el) => el.offsetParent !== null || el.getClientRects().length > 0;
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll("[placeholder], [title], [aria-label]")) {
    if (!shown(el)) continue;
    for (const name of ["placeholder", "title", "aria-label"]) parts.push(el.getAttribute(name) || "");
  }
  return parts.join("\\n");
}"""
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
NAME = re.compile(r"https?://\S+|[\w.+-]+@[\w.-]+")  # URLs and addresses are names, not UI words


def latin_words(page: Page) -> list[str]:
    """Latin words in what the page shows, URLs aside."""
    text = str(page.evaluate(VISIBLE_TEXT))
    return LATIN_WORD.findall(NAME.sub(" ", text))


def overflows(page: Page, selector: str) -> bool:
    """True when the element is wider than its box (it would scroll sideways)."""
    script = "(sel) => { const el = document.querySelector(sel); return el.scrollWidth > el.clientWidth; }"
    return bool(page.evaluate(script, selector))


# (status, the API's reason) → a Korean sentence naming what went wrong; 0 is "no answer at all"
API_FAILURES = [
    (401, "unknown token", "토큰이 맞지 않습니다"),
    (401, "no editor tokens are configured (NEWSDESK_EDITOR_TOKENS)", "설정되어 있지 않습니다"),
    (403, "this token is read-only; changing drafts needs an editor token", "읽기 전용"),
    (400, "refused: the URL points at 127.0.0.1 (localhost), a loopback address", "가져올 수 없습니다"),
    (409, "a draft must be approved before it is published", "먼저 승인해야"),
    (422, "not a web page: https://x.example/a.json is application/json", "웹 문서가 아닙니다"),
    (502, "timed out after 10 s fetching https://x.example/", "응답하지 않았습니다"),
    (500, "Internal Server Error", "서버에서 오류"),
    (418, "I'm a teapot", "처리하지 못했습니다"),
    (0, "", "연결하지 못했습니다"),
]


def assert_korean_helpers(page: Page) -> None:
    """korean.js: every API failure reads as Korean; dates in KST, Korean form; typed days read."""
    for status, reason, words in API_FAILURES:
        sentence = str(page.evaluate("([s, r]) => koreanError(s, r)", [status, reason]))
        assert words in sentence and not LATIN_WORD.search(sentence), (status, reason, sentence)
    date = "([iso, dayOnly]) => koreanDate(iso, dayOnly)"
    assert page.evaluate(date, ["2026-12-02T05:05:00Z", False]) == "2026년 12월 2일 14:05"
    assert page.evaluate(date, ["2026-12-01T15:30:00Z", False]) == "2026년 12월 2일 00:30"  # KST, not UTC
    assert page.evaluate(date, ["2026-12-02T00:00:00+09:00", True]) == "2026년 12월 2일"
    assert page.evaluate(date, [None, False]) == "날짜 없음"
    typed_days = {"2026-12-01": "2026-12-01", "2026.12.1": "2026-12-01", "2026년 12월 1일": "2026-12-01"}
    typed_days |= {"": "", "12/01/2026": None, "2026-02-30": None}
    for typed, day in typed_days.items():
        assert page.evaluate("(t) => isoDay(t)", typed) == day, typed


def test_the_review_page_speaks_only_korean(tmp_path: Path) -> None:
    """An English-language browser still sees only Korean: labels, messages, errors, dates, preview."""
    require_browser()
    from playwright.sync_api import expect, sync_playwright
    from sqlalchemy import update

    from store.models import Article, Draft

    app = make_app(editor_settings(tmp_path))
    seeded = seed(app.state.db)
    draft_id = seeded.hiking
    with app.state.db.transaction() as session:  # the page gave only the day: no time is shown
        day_only = session.get(Draft, seeded.paper)
        assert day_only is not None
        flagged = update(Article).where(Article.id == day_only.article_id).values(published_date_only=True)
        session.execute(flagged)
    with live_server(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        page.goto(f"{base}/editor")
        expect(page.locator("#empty-text")).to_contain_text("토큰")
        assert latin_words(page) == []
        assert_korean_helpers(page)

        page.fill("#token", "not-the-token")
        page.click("#token-form button[type=submit]")
        expect(page.locator("#message")).to_have_class(re.compile(r"\berror\b"))
        expect(page.locator("#message")).to_contain_text("토큰이 맞지 않습니다")
        assert latin_words(page) == [] and "401" not in page.inner_text("#message")
        expect(page.locator("#empty-text")).to_contain_text("토큰이 맞지 않습니다")

        page.fill("#token", EDITOR)
        page.click("#token-form button[type=submit]")
        item = page.locator(f'#queue li[data-id="{draft_id}"]')
        expect(item).to_contain_text("2025년 10월 2일 10:00")
        day_item = page.locator(f'#queue li[data-id="{seeded.paper}"] .sub')
        expect(day_item).to_contain_text(re.compile(r"· 2025년 12월 5일 ·"))
        expect(day_item).not_to_contain_text(":")
        expect(page.locator("#empty-text")).not_to_contain_text("토큰")
        assert latin_words(page) == []

        item.click()
        expect(page.locator("#d-published")).to_have_text("2025년 10월 2일 10:00")  # 10:00 KST, as stored
        page.fill("#e-headline", "등산로 정비 편집자 제목")
        page.click("#draft-form button[type=submit]")
        expect(page.locator("#d-edited")).to_have_text("수정한 항목: 제목")
        expect(page.locator("#message")).to_have_text("수정을 저장했습니다")
        assert latin_words(page) == []

        preview = page.frame_locator("#preview")
        expect(preview.locator("h1")).to_have_text("등산로 정비 편집자 제목")
        expect(preview.locator("h2").first).to_be_visible()
        raw = page.input_value("#export")
        spacers = raw.count('<p data-ke-size="size16"></p>')
        expect(preview.locator('p[data-ke-size="size16"]')).to_have_count(spacers)
        kinds = preview.locator("body").evaluate(
            """body => [...body.children].map(el => el.tagName === "H1" ? "T" : el.tagName === "H2" ? "H"
                : el.matches("p[data-ke-size]") ? "S" : el.tagName === "P" ? "P" : "C").join("")"""
        )
        # the newsroom's shape: each heading, a spacer, its paragraphs, a spacer; then the credit
        assert re.fullmatch(r"T(HSP+S)+C*", kinds), kinds
        assert page.get_attribute("#preview", "sandbox") == ""

        page.fill("#submit-url", "http://127.0.0.1:9/private")
        page.click("#submit-form button[type=submit]")
        expect(page.locator("#message")).to_contain_text("가져올 수 없습니다")
        assert latin_words(page) == [] and "127.0.0.1" not in page.inner_text("#message")

        page.fill("#f-since", "10/01/2025")
        page.click("#filters button[type=submit]")
        expect(page.locator("#message")).to_contain_text("연-월-일")
        page.fill("#f-since", "2025.10.1")
        page.click("#filters button[type=submit]")
        expect(page.locator("#message")).not_to_have_class(re.compile(r"\berror\b"))

        page.click('#actions button[data-to="approved"]')
        expect(page.locator("#message")).to_have_text("승인했습니다")
        assert latin_words(page) == []

        page.set_viewport_size({"width": 420, "height": 800})
        expect(page.locator("header.bar")).to_be_visible()
        assert not overflows(page, "header.bar") and not overflows(page, "html")
        assert latin_words(page) == []
        page.screenshot(path=str(ARTIFACTS / "editor-narrow.png"), full_page=True)
        browser.close()
    assert errors == []
