"""A page that names only the day of publication: kept as a day, never shown with an invented time.

Two page templates written here, one giving `등록일 2025.11.20` and one `입력 2025.11.20 14:05`,
go through extraction, ingest, the API, the CLI and the JSON export.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from ingest.export import render_json
from ingest.pipeline import Origin, ingest
from newsdesk.cli import build_parser
from newsdesk.commands import cmd_search
from nlp.dates import KST, date_from_url, is_date_only, parse_date
from nlp.extract import extract_page
from store.db import Database
from store.models import Article, Draft
from tests.support.api import OLD_ROWS, alembic_to
from tests.support.drafts import EDITOR_HEADERS, editor_settings, make_app

PARAGRAPHS = (
    "농림축산식품부는 겨울철 가축 전염병 특별 방역 대책을 내년 2월까지 시행한다고 밝혔다.",
    "방역 당국은 철새 도래지 주변 농장을 매일 소독하고 출입 차량을 통제한다.",
    "농가에는 소독 장비와 생석회를 지원하고 의심 증상이 보이면 즉시 신고하도록 안내했다.",
    "정부는 지자체와 함께 방역 상황을 매주 점검해 추가 대책을 마련할 계획이다.",
)
DAY_URL = "https://www.mafra.example.go.kr/board/view.do?no=301"
TIMED_URL = "https://www.farmnews.example.com/news/articleView.html?idxno=88"


def day_page() -> bytes:
    """A ministry board: the day in a 등록일 field and in a date-only meta value, no time anywhere."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>겨울철 가축 방역 특별 대책 시행 | 농림축산식품부</title>
<meta name="date" content="2025-11-20">
</head><body><div id="content">
<h3 class="view-title">겨울철 가축 방역 특별 대책 시행</h3>
<ul class="view-info"><li>등록일 2025.11.20</li><li>담당부서 방역정책과</li></ul>
<div class="view-body">{body}</div></div></body></html>""".encode()


def timed_page() -> bytes:
    """A newspaper: 입력 with the day and the time under the headline."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>가축 방역 특별 대책 내년 2월까지 - 농업신문</title></head><body><article>
<h1>가축 방역 특별 대책 내년 2월까지</h1>
<div class="byline">김농업 기자 <span>입력 2025.11.20 14:05</span></div>
<section class="article-body">{body}</section></article></body></html>""".encode()


# dates.py -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["2025.11.20", "2025-11-20", "2025년 11월 20일", "20251120", "2025.11.20.(목)"]
)
def test_a_day_without_a_time_is_date_only(text: str) -> None:
    value = parse_date(text)
    assert value == dt.datetime(2025, 11, 20, tzinfo=KST) and is_date_only(value)


@pytest.mark.parametrize(
    "text", ["2025.11.20 14:05", "2025-11-20T00:00:00+09:00", "2025년 11월 20일 오후 2시", "202511201405"]
)
def test_a_day_with_a_time_is_not(text: str) -> None:
    value = parse_date(text)
    assert value is not None and not is_date_only(value)


def test_a_url_day_is_date_only() -> None:
    assert is_date_only(date_from_url("https://news.example.com/2025/11/20/farm"))


# extraction ---------------------------------------------------------------------------------------


def test_extraction_keeps_the_day_without_inventing_a_time() -> None:
    day = extract_page(day_page(), DAY_URL)
    assert day.published == dt.datetime(2025, 11, 20, tzinfo=KST) and day.published_date_only
    timed = extract_page(timed_page(), TIMED_URL)
    assert timed.published == dt.datetime(2025, 11, 20, 14, 5, tzinfo=KST)
    assert not timed.published_date_only


def test_a_date_only_meta_value_takes_the_time_the_page_shows_for_that_day() -> None:
    raw = timed_page().replace(
        b"</head>", b'<meta property="article:published_time" content="2025-11-20"></head>'
    )
    page = extract_page(raw, TIMED_URL)
    assert page.published == dt.datetime(2025, 11, 20, 14, 5, tzinfo=KST)
    assert not page.published_date_only


# ingest, API, CLI, export -------------------------------------------------------------------------


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[TestClient, Database, dict[str, int]]]:
    settings = editor_settings(tmp_path)
    db = Database(settings.database_url)
    ids = {}
    for key, raw, url in (("day", day_page(), DAY_URL), ("timed", timed_page(), TIMED_URL)):
        outcome = ingest(db, raw, Origin(url, source="농림축산식품부" if key == "day" else "농업신문"))
        assert outcome.article_id is not None, outcome
        ids[key] = outcome.article_id
    with TestClient(make_app(settings), raise_server_exceptions=False) as client:
        yield client, db, ids
    db.dispose()


def test_ingest_stores_the_flag(stored: tuple[TestClient, Database, dict[str, int]]) -> None:
    _, db, ids = stored
    with db.sessions() as session:
        flags = {i: flag for i, flag in session.execute(select(Article.id, Article.published_date_only))}
    assert flags == {ids["day"]: True, ids["timed"]: False}


def test_the_api_says_which_dates_have_no_time(stored: tuple[TestClient, Database, dict[str, int]]) -> None:
    client, db, ids = stored
    day = client.get(f"/articles/{ids['day']}").json()
    assert day["published"] == "2025-11-20T00:00:00+09:00" and day["published_date_only"] is True
    timed = client.get(f"/articles/{ids['timed']}").json()
    assert timed["published"] == "2025-11-20T14:05:00+09:00" and timed["published_date_only"] is False
    hits = {h["id"]: h for h in client.get("/search", params={"q": "방역"}).json()["results"]}
    assert hits[ids["day"]]["published_date_only"] is True
    assert hits[ids["timed"]]["published_date_only"] is False
    related = client.get(f"/articles/{ids['timed']}/related").json()["results"]
    assert {r["id"]: r["published_date_only"] for r in related}.get(ids["day"]) is True
    with db.sessions() as session:
        draft_id = session.scalars(select(Draft.id).where(Draft.article_id == ids["day"])).one()
    draft = client.get(f"/drafts/{draft_id}", headers=EDITOR_HEADERS).json()
    assert draft["published_date_only"] is True
    rows = client.get("/drafts", headers=EDITOR_HEADERS).json()["results"]
    assert {r["id"]: r["published_date_only"] for r in rows}[draft_id] is True


def test_the_cli_and_the_export_show_the_day_alone(
    stored: tuple[TestClient, Database, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, db, ids = stored
    settings = editor_settings(tmp_path)
    assert cmd_search(build_parser().parse_args(["search", "방역"]), settings) == 0
    out = capsys.readouterr().out
    assert "· 2025-11-20\n" in out and "· 2025-11-20 14:05\n" in out
    assert "00:00" not in out
    with db.sessions() as session:
        exported = {
            d.article_id: render_json(d)
            for d in session.scalars(select(Draft))
            if d.article_id in ids.values()
        }
    assert exported[ids["day"]]["published"] == "2025-11-20"
    assert exported[ids["timed"]]["published"] == "2025-11-20T14:05:00+09:00"
    assert json.loads(json.dumps(exported[ids["day"]]))["published_date_only"] is True


# migration ----------------------------------------------------------------------------------------


def test_migration_0012_adds_the_flag_false_for_stored_articles(tmp_path: Path) -> None:
    """Articles stored before 0012 read as timed (as they were shown); 0008 again drops the column."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    alembic_to(url, "0008")
    db = Database(url, migrate=False)
    with db.engine.begin() as c:
        for statement in OLD_ROWS[:3]:  # a source, a page, an article (search rows moved since 0005)
            c.execute(text(statement), {"t": "2025-11-30 15:30:00.000000"})
    db.dispose()
    alembic_to(url, "0012")
    db = Database(url, migrate=False)
    with db.engine.connect() as c:
        assert c.execute(text("SELECT published_date_only FROM articles")).scalar() in (0, False)
    db.dispose()
    alembic_to(url, "0008", down=True)
    db = Database(url, migrate=False)
    with db.engine.connect() as c:
        columns = {row[1] for row in c.execute(text("PRAGMA table_info(articles)"))}
    db.dispose()
    assert "published_date_only" not in columns and "published" in columns
