"""Helpers for the drafts tests: an app on real SQLite, seeded articles, a Korean page to submit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from ingest.fetch_url import FetchLimits
from ingest.pipeline import Origin, ingest
from newsdesk.settings import Settings
from nlp.digest import DigestOptions
from store.db import Database
from store.models import Draft
from tests.support.api import settings_for
from tests.support.pages import COOPERATION, HIKING, article_html, sqlite_url

EDITOR = "editor-secret-토큰".encode().hex()  # any string; hex keeps the header ASCII
READER = "reader-only-token"
EDITOR_HEADERS = {"Authorization": f"Bearer {EDITOR}"}
READER_HEADERS = {"Authorization": f"Bearer {READER}"}

GOV_URL = "https://www.mois.go.kr/frt/bbs/type010/view.do?nttId=9001"
PAPER_URL = "https://www.hanbit-ilbo.example.com/news/articleView.html?idxno=7001"
HIKING_URL = "https://www.forest.example.org/news/42"


def editor_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """settings_for on a SQLite file under tmp_path, with one editor and one read-only token."""
    values: dict[str, Any] = {"editor_tokens": (EDITOR,), "reader_tokens": (READER,), **overrides}
    return settings_for(tmp_path, sqlite_url(tmp_path / "drafts.db"), **values)


def make_app(settings: Settings) -> FastAPI:
    """The API over the settings' database, with no politeness delay between test fetches."""
    app = create_app(settings, Database(settings.database_url))
    app.state.fetch_limits = FetchLimits(host_delay=0.0, timeout=10.0)
    return app


@dataclass
class Seeded:
    """Ids of the seeded articles' drafts."""

    story: int  # the government release's draft: the story's draft
    paper: int  # the newspaper's retelling
    hiking: int  # an article of its own


def seed(db: Database) -> Seeded:
    """Three articles: a government release, a paper retelling it (one story), and another."""
    opts = DigestOptions(sentences=3)
    gov = ingest(
        db,
        article_html("지자체와 협력해 겨울철 재난 대응 점검", COOPERATION, site="행정안전부"),
        Origin(GOV_URL, source="행정안전부", category="안전"),
        opts,
    )
    paper_text = [*COOPERATION, "한편 일부 지자체는 자체 예산으로 제설 장비를 추가 구입하기로 했다."]
    paper = ingest(
        db,
        article_html("행안부, 지자체 협력 겨울 재난 대응 점검", paper_text),
        Origin(PAPER_URL, source="한빛일보"),
        opts,
    )
    hiking = ingest(
        db,
        article_html(
            "등산로 안전시설 새로 정비", HIKING, published="2025-10-02T10:00:00+09:00", site="산림청"
        ),
        Origin(HIKING_URL, source="산림청", category="생활"),
        opts,
    )
    with db.sessions() as session:
        ids = []
        for outcome in (gov, paper, hiking):
            assert outcome.article_id is not None, outcome
            ids.append(session.scalars(select(Draft.id).where(Draft.article_id == outcome.article_id)).one())
    return Seeded(*ids)


@contextmanager
def api_client(tmp_path: Path, **overrides: Any) -> Iterator[tuple[TestClient, Database, Seeded]]:
    """A TestClient over a seeded database."""
    settings = editor_settings(tmp_path, **overrides)
    app = make_app(settings)
    db: Database = app.state.db
    seeded = seed(db)
    with TestClient(app) as client:
        yield client, db, seeded
    db.dispose()


def korean_page() -> bytes:
    """A Korean article page the submit tests serve (EUC-KR, as many Korean sites still are)."""
    paragraphs = [
        "보건복지부는 내년부터 어린이집 급식비 지원 단가를 1인당 하루 3천 원으로 올린다고 10일 밝혔다.",
        "이번 인상은 식재료 가격 상승으로 급식의 질이 떨어질 수 있다는 현장의 우려를 반영한 것이다.",
        "정부는 지방자치단체와 협력해 인상분을 나눠 부담하고, 급식 위생 점검도 함께 강화할 계획이다.",
        "복지부 관계자는 아이들이 건강한 식사를 할 수 있도록 지원을 계속 늘려 가겠다고 말했다.",
    ]
    return article_html(
        "어린이집 급식비 지원 단가 하루 3천 원으로 인상", paragraphs, site="복지신문", charset="euc-kr"
    )
