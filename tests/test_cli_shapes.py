"""One shape and one order: the CLI's JSON is the API's, and `drafts list` is newest change first."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ingest.drafts import apply_edits, change_status
from newsdesk.cli import main
from newsdesk.settings import Settings
from nlp.dates import KST
from store.db import Database
from store.models import Draft
from tests.support.cli import json_lines, run
from tests.support.drafts import EDITOR, EDITOR_HEADERS, make_app, seed
from tests.support.pages import COOPERATION, HIKING, article_html


def test_search_json_lines_are_the_items_of_the_apis_search(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name, title, body in (("a", "지자체와 협력해 겨울철 재난 대응 점검", COOPERATION),
                              ("b", "등산로 안전시설 새로 정비", HIKING)):  # fmt: skip
        (tmp_path / f"{name}.html").write_bytes(article_html(title, body))
        url = f"https://news.example.com/{name}"
        assert run(capsys, "ingest", str(tmp_path / f"{name}.html"), "--url", url)[0] == 0
    code, out, _ = run(capsys, "search", "밝혔다", "--json")
    assert code == 0
    lines = json_lines(out)
    with TestClient(make_app(Settings.from_env())) as client:
        api = client.get("/search", params={"q": "밝혔다"}).json()["results"]
    assert len(lines) == 2 and lines == api  # the same items, named alike, in the same order
    assert all("<mark>" in hit["highlights"][0] and "snippet" not in hit for hit in lines)


def test_drafts_list_is_newest_change_first_shows_that_change_and_matches_the_api(
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = Settings.from_env()
    db = Database(settings.database_url)
    seeded = seed(db)
    # changed in an order that is neither the ids' nor the publication dates'
    for draft_id, change in ((seeded.hiking, "approve"), (seeded.story, "edit"), (seeded.paper, "edit")):
        with db.transaction() as session:
            draft = session.get(Draft, draft_id)
            assert draft is not None
            if change == "approve":
                change_status(draft, "approved", "token:test")
            else:
                apply_edits(draft, {"headline": f"{draft.headline} (고침)"})
    with db.sessions() as session:
        changed = {d.id: d.updated_at for d in session.query(Draft)}
    db.dispose()
    newest_first = [seeded.paper, seeded.story, seeded.hiking]

    code, out, _ = run(capsys, "drafts", "list", "--json")
    assert code == 0
    rows = json_lines(out)
    assert [row["id"] for row in rows] == newest_first

    editor = dataclasses.replace(settings, editor_tokens=(EDITOR,))
    with TestClient(make_app(editor)) as client:
        assert client.get("/drafts", headers=EDITOR_HEADERS).json()["results"] == rows

    code, out, _ = run(capsys, "drafts", "list")
    lines = out.strip().splitlines()
    assert [int(line.split()[0]) for line in lines] == newest_first
    for line, draft_id in zip(lines, newest_first, strict=True):
        assert changed[draft_id].astimezone(KST).strftime("%Y-%m-%d %H:%M") in line, line
    shown = [dt.datetime.strptime(" ".join(line.split()[2:4]), "%Y-%m-%d %H:%M") for line in lines]
    assert shown == sorted(shown, reverse=True)  # the dates shown are the order's own


@pytest.mark.parametrize(
    "argv", [["search", "--help"], ["sources", "--help"], ["drafts", "list", "--help"], ["extract", "--help"]]
)
def test_each_list_commands_help_says_its_json_is_json_lines(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0
    assert "JSON Lines: one JSON object per line" in " ".join(capsys.readouterr().out.split())
