"""Ids and offsets past what the database's INTEGER columns hold are a 422 in the one error shape,
on SQLite and on PostgreSQL, never a 500 (OverflowError, 'integer out of range')."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from store.db import Database
from tests.support.api import error_shape, settings_for
from tests.support.drafts import EDITOR, EDITOR_HEADERS
from tests.support.pages import sqlite_url
from tests.support.postgres import require_postgres, temporary_postgres

LARGEST = 2**31 - 1
TOO_LARGE = [2**31, 2**63, 2**70]
ROUTES: list[tuple[str, str, dict[str, Any] | None]] = [
    ("get", "/articles/{id}", None),
    ("get", "/articles/{id}/related", None),
    ("get", "/stories/{id}", None),
    ("get", "/drafts/{id}", None),
    ("patch", "/drafts/{id}", {"headline": "새 제목"}),
    ("post", "/drafts/{id}/status", {"status": "approved"}),
    ("post", "/drafts/{id}/regenerate", {"sentences": 2}),
    ("get", "/drafts/{id}/export?format=jekyll", None),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("ids")
    if request.param == "sqlite":
        yield from _client(folder, sqlite_url(folder / "ids.db"))
    else:
        require_postgres()
        with temporary_postgres() as url:
            yield from _client(folder, url)


def _client(folder: Path, url: str) -> Iterator[TestClient]:
    db = Database(url)
    app = create_app(settings_for(folder, url, editor_tokens=(EDITOR,)), db)
    with TestClient(app, raise_server_exceptions=False) as made:
        yield made
    db.dispose()


def _call(client: TestClient, method: str, path: str, body: dict[str, Any] | None) -> Any:
    return client.request(method, path, json=body, headers=EDITOR_HEADERS)


@pytest.mark.parametrize(("method", "path", "body"), ROUTES, ids=lambda v: v if isinstance(v, str) else "")
def test_an_id_past_the_integer_columns_is_422(
    client: TestClient, method: str, path: str, body: dict[str, Any] | None
) -> None:
    for number in TOO_LARGE:
        response = _call(client, method, path.format(id=number), body)
        assert response.status_code == 422, (path, number, response.text)
        assert error_shape(response.json(), 422)
    largest = _call(client, method, path.format(id=LARGEST), body)
    assert largest.status_code == 404 and error_shape(largest.json(), 404), largest.text


@pytest.mark.parametrize("offset", [2**31, 2**63, 2**70])
def test_a_drafts_offset_past_any_list_is_422(client: TestClient, offset: int) -> None:
    response = client.get("/drafts", params={"offset": offset}, headers=EDITOR_HEADERS)
    assert response.status_code == 422 and error_shape(response.json(), 422), response.text
    fine = client.get("/drafts", params={"offset": 1000}, headers=EDITOR_HEADERS)
    assert fine.status_code == 200, fine.text
