"""The editor API on real SQLite through the in-process client: auth, workflow, edits, rights, export."""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import select

from ingest.drafts import TRANSITIONS, upsert_draft
from store.db import Database
from store.models import Article, Draft, Source
from store.states import DRAFT_STATES
from tests.support.drafts import EDITOR_HEADERS, READER, READER_HEADERS, Seeded, api_client

Client = tuple[TestClient, Database, Seeded]


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Client]:
    with api_client(tmp_path) as made:
        yield made


def assert_error(response: Any, status: int, *words: str) -> dict[str, Any]:
    """Every failure has the one shape: {"ok": false, "error": "...", "status": N}."""
    body: dict[str, Any] = response.json()
    assert response.status_code == status, body
    assert body == {"ok": False, "error": body["error"], "status": status}
    for word in words:
        assert word in body["error"]
    return body


def set_status(db: Database, draft_id: int, status: str) -> None:
    with db.transaction() as session:
        draft = session.get(Draft, draft_id)
        assert draft is not None
        draft.status = status


# ── auth ─────────────────────────────────────────────────────────────────────


WRITES = [
    ("patch", "/drafts/{id}", {"headline": "새 제목"}),
    ("post", "/drafts/{id}/status", {"status": "approved"}),
    ("post", "/drafts/{id}/regenerate", {"sentences": 2}),
    ("post", "/drafts/submit", {"url": "https://example.com/"}),
]
READS = ["/drafts", "/drafts/{id}", "/drafts/{id}/export?format=jekyll"]


def test_without_a_token_everything_is_401(env: Client) -> None:
    client, _, seeded = env
    for path in READS:
        response = client.get(path.format(id=seeded.story))
        assert_error(response, 401, "token")
        assert response.headers["www-authenticate"] == "Bearer"
    for method, path, body in WRITES:
        assert_error(client.request(method, path.format(id=seeded.story), json=body), 401)


@pytest.mark.parametrize("header", ["Bearer wrong", "Bearer ", "Basic abc", "editor-secret", "Bearer  x y"])
def test_unknown_or_malformed_tokens_are_401(env: Client, header: str) -> None:
    client, _, seeded = env
    assert_error(client.get(f"/drafts/{seeded.story}", headers={"Authorization": header}), 401)


def test_a_read_only_token_reads_but_gets_403_on_every_write(env: Client) -> None:
    client, db, seeded = env
    for path in READS:
        assert client.get(path.format(id=seeded.story), headers=READER_HEADERS).status_code == 200
    for method, path, body in WRITES:
        response = client.request(method, path.format(id=seeded.story), json=body, headers=READER_HEADERS)
        assert_error(response, 403, "read-only")
    with db.sessions() as session:
        draft = session.get(Draft, seeded.story)
        assert draft is not None and draft.status == "draft" and draft.edits == {}


def test_with_no_tokens_configured_nothing_is_open_and_it_says_why(tmp_path: Path) -> None:
    """Not "unknown token": no token could be right, and the editor is told what is missing."""
    missing = "no editor tokens are configured (NEWSDESK_EDITOR_TOKENS)"
    with api_client(tmp_path, editor_tokens=(), reader_tokens=()) as (client, _, seeded):
        for headers in (EDITOR_HEADERS, {}):
            assert_error(client.get("/drafts", headers=headers), 401, missing)
        assert_error(client.post(f"/drafts/{seeded.story}/status", json={"status": "approved"}), 401, missing)
    (tmp_path / "readers").mkdir()
    with api_client(tmp_path / "readers", editor_tokens=(), reader_tokens=(READER,)) as (client, _, _seeded):
        assert client.get("/drafts", headers=READER_HEADERS).status_code == 200
        assert_error(client.get("/drafts", headers=EDITOR_HEADERS), 401, missing)


# ── workflow ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("start", "target"), list(itertools.product(DRAFT_STATES, DRAFT_STATES)))
def test_every_transition(env: Client, start: str, target: str) -> None:
    """Allowed: draft→approved→published, draft/approved→rejected, rejected→draft. Else 409 and why."""
    client, db, seeded = env
    set_status(db, seeded.hiking, start)
    response = client.post(f"/drafts/{seeded.hiking}/status", json={"status": target}, headers=EDITOR_HEADERS)
    allowed = {
        ("draft", "approved"),
        ("approved", "published"),
        ("draft", "rejected"),
        ("approved", "rejected"),
        ("rejected", "draft"),
    }
    assert ((start, target) in allowed) == (target in TRANSITIONS[start])
    if (start, target) in allowed:
        body = response.json()
        assert response.status_code == 200 and body["status"] == target
        assert body["editor"].startswith("token:") and body["status_changed_at"]
    else:
        assert_error(response, 409, start)
    with db.sessions() as session:
        draft = session.get(Draft, seeded.hiking)
        assert draft is not None and draft.status == (target if (start, target) in allowed else start)


def test_refusals_say_why(env: Client) -> None:
    client, db, seeded = env
    url = f"/drafts/{seeded.hiking}/status"
    assert_error(
        client.post(url, json={"status": "published"}, headers=EDITOR_HEADERS), 409, "approved before"
    )
    set_status(db, seeded.hiking, "published")
    assert_error(client.post(url, json={"status": "draft"}, headers=EDITOR_HEADERS), 409, "final")
    assert_error(client.post(url, json={"status": "gone"}, headers=EDITOR_HEADERS), 422, "status")


def test_a_missing_draft_is_404_in_the_one_shape(env: Client) -> None:
    client, _, _ = env
    assert_error(client.get("/drafts/99999", headers=EDITOR_HEADERS), 404, "99999")
    assert_error(
        client.post("/drafts/99999/status", json={"status": "approved"}, headers=EDITOR_HEADERS), 404
    )


# ── edits and regeneration ───────────────────────────────────────────────────


def test_edits_are_kept_apart_and_survive_regeneration(env: Client) -> None:
    client, db, seeded = env
    url = f"/drafts/{seeded.hiking}"
    before = client.get(url, headers=EDITOR_HEADERS).json()
    edit = {
        "headline": "등산로 새 단장: 편집자의 제목",
        "excerpt": "편집자가 쓴 발췌",
        "keywords": ["등산", "안전"],
    }
    edited = client.patch(url, json=edit, headers=EDITOR_HEADERS).json()
    assert edited["headline"] == edit["headline"] and edited["edits"] == edit
    assert edited["generated"]["headline"] == before["headline"]

    one = client.post(f"{url}/regenerate", json={"sentences": 1}, headers=EDITOR_HEADERS).json()
    assert len(one["key_sentences"]) == 1 and one["summary_sentences"] == 1
    assert one["headline"] == edit["headline"] and one["excerpt"] == edit["excerpt"]
    assert one["keywords"] == edit["keywords"] and one["edits"] == edit
    three = client.post(f"{url}/regenerate", json={"sentences": 3}, headers=EDITOR_HEADERS).json()
    assert 1 <= len(three["key_sentences"]) <= 3 and three["edits"] == edit
    short = client.post(f"{url}/regenerate", json={"sentences": 3, "max_chars": 60}, headers=EDITOR_HEADERS)
    assert (
        sum(len(s["text"]) for s in short.json()["key_sentences"]) <= 60
        or len(short.json()["key_sentences"]) == 1
    )
    for sentence in three["key_sentences"]:
        assert three["body"][sentence["start"] : sentence["end"]] == sentence["text"]

    with db.transaction() as session:  # the pipeline regenerating (a changed page) keeps both
        draft = session.get(Draft, seeded.hiking)
        assert draft is not None
        draft.article.title = "산림청 등산로 정비 (수정된 원문)"
        upsert_draft(session, draft.article)
    after = client.get(url, headers=EDITOR_HEADERS).json()
    assert (
        after["headline"] == edit["headline"]
        and after["generated"]["headline"] == "산림청 등산로 정비 (수정된 원문)"
    )
    assert after["summary_sentences"] == 3 and after["summary_max_chars"] == 60
    assert [s["text"] for s in after["key_sentences"]] == [s["text"] for s in short.json()["key_sentences"]]


def test_null_restores_the_generated_text(env: Client) -> None:
    client, _, seeded = env
    url = f"/drafts/{seeded.hiking}"
    generated = client.get(url, headers=EDITOR_HEADERS).json()["headline"]
    client.patch(url, json={"headline": "바뀐 제목", "category": "환경"}, headers=EDITOR_HEADERS)
    restored = client.patch(url, json={"headline": None}, headers=EDITOR_HEADERS).json()
    assert restored["headline"] == generated and restored["edits"] == {"category": "환경"}


def test_edited_key_sentences_must_quote_the_source(env: Client) -> None:
    client, _, seeded = env
    url = f"/drafts/{seeded.hiking}"
    draft = client.get(url, headers=EDITOR_HEADERS).json()
    first = draft["key_sentences"][0]
    ok = client.patch(url, json={"key_sentences": [first]}, headers=EDITOR_HEADERS)
    assert ok.status_code == 200 and [s["text"] for s in ok.json()["key_sentences"]] == [first["text"]]
    forged = {**first, "text": "원문에 없는 문장입니다."}
    assert_error(client.patch(url, json={"key_sentences": [forged]}, headers=EDITOR_HEADERS), 422, "quote")
    assert_error(client.patch(url, json={"status": "published"}, headers=EDITOR_HEADERS), 422)


def test_regenerate_validates_lengths(env: Client) -> None:
    client, _, seeded = env
    url = f"/drafts/{seeded.hiking}/regenerate"
    assert_error(client.post(url, json={"sentences": 0}, headers=EDITOR_HEADERS), 422, "sentences")
    assert_error(client.post(url, json={"max_chars": 5}, headers=EDITOR_HEADERS), 422, "max_chars")


# ── list and filters ─────────────────────────────────────────────────────────


def ids(client: TestClient, query: str = "") -> set[int]:
    response = client.get(f"/drafts{query}", headers=READER_HEADERS)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["ok"] is True and body["total"] == len(body["results"])
    return {row["id"] for row in body["results"]}


def test_list_filters_by_status_category_source_date_and_kind(env: Client) -> None:
    client, db, seeded = env
    everything = {seeded.story, seeded.paper, seeded.hiking}
    assert ids(client) == everything
    set_status(db, seeded.paper, "approved")
    assert ids(client, "?status=approved") == {seeded.paper}
    assert ids(client, "?status=draft") == {seeded.story, seeded.hiking}
    assert ids(client, "?source=산림청") == {seeded.hiking}
    assert ids(client, "?since=2025-12-01") == {seeded.story, seeded.paper}
    assert ids(client, "?until=2025-10-02") == {seeded.hiking}
    assert ids(client, "?since=2025-10-03&until=2025-12-04") == set()
    assert ids(client, "?since=0001-01-01&until=9999-12-31") == everything  # the calendar's ends
    assert ids(client, "?kind=story") == {seeded.story}
    assert ids(client, "?kind=article") == {seeded.paper, seeded.hiking}
    client.patch(f"/drafts/{seeded.hiking}", json={"category": "산림"}, headers=EDITOR_HEADERS)
    assert ids(client, "?category=산림") == {seeded.hiking}
    assert_error(client.get("/drafts?status=nope", headers=READER_HEADERS), 422, "status")
    assert_error(client.get("/drafts?since=yesterday", headers=READER_HEADERS), 422, "since")


# ── stories ──────────────────────────────────────────────────────────────────


def test_a_story_draft_is_the_canonical_release_with_the_other_outlets(env: Client) -> None:
    client, _, seeded = env
    story = client.get(f"/drafts/{seeded.story}", headers=EDITOR_HEADERS).json()
    assert story["story_id"] is not None and story["source"] == "행정안전부"
    assert [o["name"] for o in story["outlets"]] == ["한빛일보"]
    paper = client.get(f"/drafts/{seeded.paper}", headers=EDITOR_HEADERS).json()
    assert paper["story_id"] is None and paper["outlets"] == []
    post = client.get(f"/drafts/{seeded.story}/export?format=jekyll", headers=EDITOR_HEADERS).text
    assert '<h2 data-ke-size="size26">함께 보도한 곳</h2>' in post and "한빛일보</a>" in post


# ── export ───────────────────────────────────────────────────────────────────


def front_matter(post: str) -> dict[str, Any]:
    assert post.startswith("---\n")
    loaded: dict[str, Any] = yaml.safe_load(post.split("---\n")[1])
    return loaded


def test_export_in_every_format_carries_the_attribution(env: Client) -> None:
    client, _, seeded = env
    url = f"/drafts/{seeded.hiking}/export"
    post = client.get(f"{url}?format=jekyll", headers=READER_HEADERS)
    assert post.headers["content-type"].startswith("text/markdown")
    assert "2025-10-02-" in post.headers["content-disposition"]
    meta = front_matter(post.text)
    assert list(meta) == ["title", "categories", "excerpt", "feature_text"]
    assert meta["title"] == "등산로 안전시설 새로 정비" and isinstance(meta["categories"], list)
    assert (
        post.text.rstrip("\n").splitlines()[-1]
        == '원문: <a href="https://www.forest.example.org/news/42">산림청</a>'
    )
    key = client.get(f"/drafts/{seeded.hiking}", headers=READER_HEADERS).json()["key_sentences"]
    assert post.text.count("<b>") == len(key) > 0 and '<h2 data-ke-size="size26">' in post.text
    markdown = client.get(f"{url}?format=markdown", headers=READER_HEADERS).text
    assert markdown.startswith("# ") and markdown.rstrip().endswith(
        "(<https://www.forest.example.org/news/42>)"
    )
    data = client.get(f"{url}?format=json", headers=READER_HEADERS).json()
    assert data["ok"] is True and data["attribution"].startswith(
        "원문: 산림청 https://www.forest.example.org/news/42"
    )
    assert_error(client.get(f"{url}?format=docx", headers=READER_HEADERS), 422, "format")


def test_exports_use_the_editors_text(env: Client) -> None:
    client, _, seeded = env
    hostile = '"따옴표": 콜론 # 해시 🎉 & 별표*'
    client.patch(
        f"/drafts/{seeded.hiking}",
        json={"headline": hostile, "image": "/img/a'b.jpg"},
        headers=EDITOR_HEADERS,
    )
    post = client.get(f"/drafts/{seeded.hiking}/export", headers=EDITOR_HEADERS).text
    meta = front_matter(post)
    # the front matter holds the text HTML-escaped, as the body does
    assert meta["title"] == html.escape(hostile) and meta["image"] == "/img/a&#x27;b.jpg"
    assert '<img src="/img/a&#x27;b.jpg"' in post


# ── per-source rights ────────────────────────────────────────────────────────


def set_rights(db: Database, name: str, **values: Any) -> None:
    with db.transaction() as session:
        source = session.scalars(select(Source).where(Source.name == name)).one()
        for key, value in values.items():
            setattr(source, key, value)
        for article in session.scalars(select(Article).where(Article.source_id == source.id)):
            upsert_draft(session, article)


def test_sources_can_cap_summaries(env: Client) -> None:
    client, db, seeded = env
    set_rights(db, "산림청", max_sentences=1, attribution="산림청 제공, 공공누리 제1유형")
    url = f"/drafts/{seeded.hiking}"
    assert len(client.get(url, headers=EDITOR_HEADERS).json()["key_sentences"]) == 1
    more = client.post(f"{url}/regenerate", json={"sentences": 4}, headers=EDITOR_HEADERS).json()
    assert len(more["key_sentences"]) == 1 and more["rights"]["max_sentences"] == 1
    post = client.get(f"{url}/export", headers=EDITOR_HEADERS).text
    assert post.count("<b>") == 1 and "(산림청 제공, 공공누리 제1유형)" in post.splitlines()[-1]
    assert "공공누리" in client.get(f"{url}/export?format=markdown", headers=EDITOR_HEADERS).text
    assert "공공누리" in client.get(f"{url}/export?format=json", headers=EDITOR_HEADERS).json()["attribution"]
    set_rights(db, "산림청", max_sentences=None, max_chars=70)
    capped = client.post(f"{url}/regenerate", json={"sentences": 4}, headers=EDITOR_HEADERS).json()
    assert sum(len(s["text"]) for s in capped["key_sentences"]) <= 70


def test_an_excerpt_only_source_gets_no_key_sentences(env: Client) -> None:
    client, db, seeded = env
    set_rights(db, "산림청", summary_mode="excerpt")
    url = f"/drafts/{seeded.hiking}"
    draft = client.post(f"{url}/regenerate", json={"sentences": 3}, headers=EDITOR_HEADERS).json()
    assert draft["key_sentences"] == [] and draft["excerpt"] and draft["feature_text"] == draft["excerpt"]
    post = client.get(f"{url}/export", headers=EDITOR_HEADERS).text
    assert "<b>" not in post and f"<p>{draft['excerpt']}</p>" in post and "원문: <a href=" in post


def test_an_opted_out_source_gets_nothing_but_the_link(env: Client) -> None:
    client, db, seeded = env
    set_rights(db, "산림청", summary_mode="none")
    draft = client.get(f"/drafts/{seeded.hiking}", headers=EDITOR_HEADERS).json()
    assert draft["key_sentences"] == [] and draft["excerpt"] == "" and draft["feature_text"] == ""
    post = client.get(f"/drafts/{seeded.hiking}/export", headers=EDITOR_HEADERS).text
    meta = front_matter(post)
    assert meta["excerpt"] == "" and meta["feature_text"] == ""
    assert "<h2" not in post and post.rstrip().splitlines()[-1].startswith("원문: <a href=")


# ── the review page ──────────────────────────────────────────────────────────


def test_the_review_page_is_served_with_a_korean_font_stack(env: Client) -> None:
    client, _, _ = env
    page = client.get("/editor")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<html lang="ko">' in page.text and 'id="token"' in page.text
    css = client.get("/editor/editor.css").text
    for font in ('"Pretendard"', '"Apple SD Gothic Neo"', '"Noto Sans KR"', '"Malgun Gothic"', "sans-serif"):
        assert font in css
    assert "sessionStorage" in client.get("/editor/editor.js").text
    assert_error(client.get("/editor/secrets.py"), 404)
    assert client.get("/editor/", follow_redirects=False).status_code == 308
