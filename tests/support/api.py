"""Helpers for the API tests: the shipped samples plus pages written here, a client over them.

The pages written here pin what the samples cannot: KST day boundaries (a page published at
00:30 KST on 1 December is 30 November in UTC), two outlets carrying one story, a phrase in
one order only, and a word that appears beside 협력 in one page and not in another.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.pipeline import Origin, ingest
from newsdesk.settings import Settings
from store.db import MIGRATIONS, Database, make_engine
from tests.support.pages import COOPERATION, HIKING, SAMPLES, article_html, manifest, sqlite_url
from tests.support.postgres import require_postgres, temporary_postgres

JOBS = [
    "고용노동부는 지역 기업과 협력을 강화해 청년 일자리 박람회를 연다고 15일 밝혔다.",
    "박람회에는 중소기업 120곳이 참여해 현장 면접과 채용 상담을 진행한다.",
    "참가 청년에게는 이력서 사진 촬영과 직무 컨설팅을 무료로 제공한다.",
    "고용노동부는 박람회에서 채용된 청년에게 일자리 적응 지원금도 지급할 계획이다.",
]
NIGHT_BUS = [
    "서울시는 심야 버스 노선을 새로 만들어 다음 달부터 운행한다고 2일 밝혔다.",
    "새 노선은 강서구와 송파구를 잇고, 배차 간격은 30분이다.",
    "시는 심야 버스 이용객이 늘어남에 따라 노선을 단계적으로 확대할 예정이다.",
    "요금은 카드 기준 2,500원이며 환승 할인도 적용된다.",
]


@dataclass(frozen=True, slots=True)
class Written:
    """A page the tests write: where it lives, who published it, when (KST), and its text."""

    key: str
    url: str
    source: str
    title: str
    paragraphs: tuple[str, ...]
    published: str

    def raw(self) -> bytes:
        return article_html(self.title, list(self.paragraphs), published=self.published, modified=None)


WRITTEN = (
    Written(
        "gov",
        "https://www.mois.example.go.kr/news/view.do?id=9001",
        "행정안전부",
        "지자체와 협력해 겨울철 재난 대응 점검",
        tuple(COOPERATION),
        "2025-12-01T00:30:00+09:00",
    ),
    Written(
        "paper",
        "https://www.hanbit-ilbo.example.com/news/articleView.html?idxno=7001",
        "한빛일보",
        "행안부, 지자체 협력 겨울 재난 대응 점검",
        (*COOPERATION, "한편 일부 지자체는 자체 예산으로 제설 장비를 추가 구입하기로 했다."),
        "2025-12-01T09:00:00+09:00",
    ),
    Written(
        "hiking",
        "https://www.forest.example.org/news/42",
        "산림청",
        "가을철 등산로 안전시설 정비",
        tuple(HIKING),
        "2025-11-30T23:30:00+09:00",
    ),
    Written(
        "jobs",
        "https://www.moel.example.go.kr/news/view.do?id=15",
        "고용노동부",
        "지역 기업과 청년 일자리 박람회",
        tuple(JOBS),
        "2025-10-15T10:00:00+09:00",
    ),
    Written(
        "bus",
        "https://news.seoul.example.kr/traffic/archives/5150",
        "서울특별시",
        "심야 버스 노선 새로 운행",
        tuple(NIGHT_BUS),
        "2025-09-02T06:00:00+09:00",
    ),
)


def ingest_corpus(db: Database) -> dict[str, int]:
    """The shipped samples (keys "01"…) and the written pages (keys as above) → article ids."""
    ids: dict[str, int] = {}
    for item in manifest():
        raw = (SAMPLES / item["file"]).read_bytes()
        outcome = ingest(db, raw, Origin(item["url"], item["source"], item["category"]))
        if outcome.article_id is not None:
            ids[item["file"][:2]] = outcome.article_id
    for page in WRITTEN:
        outcome = ingest(db, page.raw(), Origin(page.url, page.source))
        assert outcome.article_id is not None, outcome
        ids[page.key] = outcome.article_id
    return ids


def settings_for(tmp_path: Path, database_url: str | None = None, **overrides: Any) -> Settings:
    """Settings with their data folder under tmp_path, on `database_url` (default: a SQLite file there)."""
    base = Settings.from_env({"NEWSDESK_DATA_DIR": str(tmp_path / "data")})
    url = database_url or sqlite_url(tmp_path / "newsdesk.db")
    return dataclasses.replace(base, database_url=url, **overrides)


@dataclass
class Api:
    """A client over a database holding the corpus, and the corpus's article ids."""

    client: TestClient
    db: Database
    ids: dict[str, int]

    def get(self, path: str, **params: Any) -> Any:
        """GET `path`; the JSON body of a 200, or an AssertionError naming what came back."""
        response = self.client.get(path, params=params)
        assert response.status_code == 200, (path, params, response.status_code, response.text)
        return response.json()

    def search_ids(self, q: str, **params: Any) -> list[int]:
        return [hit["id"] for hit in self.get("/search", q=q, size=100, **params)["results"]]


@dataclass
class Corpus:
    """A database file with the corpus in it, built once and shared by the tests that read it."""

    url: str
    ids: dict[str, int]


def build_corpus(folder: Path, url: str | None = None) -> Corpus:
    database_url = url or f"sqlite:///{folder / 'api.db'}"
    db = Database(database_url)
    try:
        return Corpus(database_url, ingest_corpus(db))
    finally:
        db.dispose()


def corpus_on(engine: str, folder: Path) -> Iterator[Corpus]:
    """The corpus on SQLite, or on a fresh PostgreSQL database dropped afterwards (`engine`
    "postgresql": skips outside CI, fails in it, when there is none)."""
    if engine == "sqlite":
        yield build_corpus(folder)
        return
    require_postgres()
    with temporary_postgres() as url:
        yield build_corpus(folder, url)


def open_api(tmp_path: Path, corpus: Corpus, **overrides: Any) -> Iterator[Api]:
    """An app (settings overridden as given) over the corpus's database, and its client."""
    db = Database(corpus.url)
    app = create_app(settings_for(tmp_path, corpus.url, **overrides), db)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Api(client, db, corpus.ids)
    db.dispose()


def error_shape(body: Any, status: int) -> bool:
    """True when `body` is the API's one error shape for `status`, with a message."""
    return (
        isinstance(body, dict)
        and set(body) == {"ok", "error", "status"}
        and body["ok"] is False
        and body["status"] == status
        and isinstance(body["error"], str)
        and bool(body["error"].strip())
    )


# migrations ---------------------------------------------------------------------------------------


def alembic_to(url: str, revision: str, down: bool = False) -> None:
    """Migrate the database at `url` up (or down) to `revision`."""
    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


# one article as schema 0005 stored it; :t is its publication time (00:30 on 1 December in Seoul)
OLD_ROWS = (
    "INSERT INTO sources (id, name, kind, created_at) VALUES (7, '행정안전부', 'web', :t)",
    "INSERT INTO pages (id, url, source_id, state, raw_z, raw_hash, attempts, fetched_at, updated_at) "
    "VALUES (1, 'https://x.example/1', 7, 'processed', x'', 'h', 1, :t, :t)",
    "INSERT INTO articles (id, page_id, source_id, url, title, published, authors, body, category, "
    "category_reason, keywords, excerpt, summary, content_hash, revision, created_at, updated_at) "
    "VALUES (1, 1, 7, 'https://x.example/1', '협력 점검', :t, '[]', '지자체와 협력을 점검한다', "
    "'안전', '[]', '[]', '', '[]', 'h', 1, :t, :t)",
    "INSERT INTO search_docs (article_id, title_terms, body_terms, spans) "
    "VALUES (1, '협력 점검', '지자체 협력 점검', '[]')",
)
