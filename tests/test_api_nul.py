"""A NUL character (U+0000) in a name, a filter or a JSON body is a 422 in the one error shape, on
both engines; in a query text, which is only tokenised, it is no word (a 400 when nothing else is).

PostgreSQL text cannot hold NUL: before, `/search.atom?source=%00` reached the database and came
back a 500 (schemathesis found it); SQLite stored it. Now neither engine sees one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api.nul import MESSAGE
from tests.support.api import Api, Corpus, corpus_on, error_shape, open_api
from tests.support.drafts import EDITOR, EDITOR_HEADERS


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    yield from corpus_on(request.param, tmp_path_factory.mktemp("nul"))


@pytest.fixture(scope="module")
def api(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    yield from open_api(tmp_path_factory.mktemp("nul-client"), corpus, editor_tokens=(EDITOR,))


def _refused(response: Any, status: int = 422) -> None:
    assert response.status_code == status, response.text
    assert error_shape(response.json(), status) and response.json()["error"].endswith(MESSAGE)


@pytest.mark.parametrize(
    "target",
    [
        "/search.atom?q=0&source=%00",
        "/search?q=협력&category=육%00아",
        "/sources/%00.atom",
        "/categories/%00.atom",
        "/drafts?source=%00",
    ],
)
def test_a_nul_in_the_address_is_refused(api: Api, target: str) -> None:
    _refused(api.client.get(target, headers=EDITOR_HEADERS))


def test_a_nul_in_the_query_text_is_no_word(api: Api) -> None:
    assert api.client.get("/search", params={"q": "\u0000"}).status_code == 400
    with_word = api.client.get("/search", params={"q": "협력\u0000"})
    assert with_word.status_code == 200 and with_word.json()["total"] == api.get("/search", q="협력")["total"]


def test_a_nul_in_a_json_body_is_refused_and_nothing_is_stored(api: Api) -> None:
    before = api.client.get("/alerts", headers=EDITOR_HEADERS).json()["total"]
    alert = {"name": "경보\u0000", "query": "청년", "webhook": "https://hooks.example.org/n"}
    _refused(api.client.post("/alerts", json=alert, headers=EDITOR_HEADERS), 422)
    nested = {
        "name": "경보",
        "query": "청년",
        "webhook": "https://hooks.example.org/n",
        "filters": {"source": "\u0000"},
    }
    _refused(api.client.post("/alerts", json=nested, headers=EDITOR_HEADERS), 422)
    assert api.client.get("/alerts", headers=EDITOR_HEADERS).json()["total"] == before
    draft = api.client.get("/drafts", headers=EDITOR_HEADERS).json()["results"][0]["id"]
    edit = {"headline": "제목\u0000"}
    _refused(api.client.patch(f"/drafts/{draft}", json=edit, headers=EDITOR_HEADERS), 422)


def test_the_same_requests_without_a_nul_still_work(api: Api) -> None:
    assert api.client.get("/search.atom", params={"q": "0"}).status_code == 200
    assert api.client.get("/search", params={"q": "협력", "category": "육아"}).status_code == 200
    draft = api.client.get("/drafts", headers=EDITOR_HEADERS).json()["results"][0]
    # the body read to look for NUL reaches the route whole
    edited = api.client.patch(f"/drafts/{draft['id']}", json={"headline": "새 제목"}, headers=EDITOR_HEADERS)
    assert edited.status_code == 200 and edited.json()["headline"] == "새 제목"
    # a literal backslash-u text is no NUL
    escaped = api.client.patch(
        f"/drafts/{draft['id']}", json={"headline": "\\u0000 표기"}, headers=EDITOR_HEADERS
    )
    assert escaped.status_code == 200 and escaped.json()["headline"] == "\\u0000 표기"
