"""Property test over the OpenAPI spec: schemathesis generates every GET endpoint's parameters
(valid and invalid) against the ASGI app on a real SQLite corpus; no input may give a 5xx, and
every failure comes in the one error shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from api.app import create_app
from store.db import Database
from tests.support.api import build_corpus, error_shape, settings_for

EXAMPLES = 40
READER_PATHS = ("/search", "/articles/", "/stories/", "/sources", "/health", "/metrics")


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder: Path = tmp_path_factory.mktemp("api-fuzz")
    corpus = build_corpus(folder)
    db = Database(corpus.url)
    yield create_app(settings_for(folder, corpus.url), db)
    db.dispose()


@pytest.fixture(scope="module")
def api_schema(fuzz_app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app).include(method="GET")


def _operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_the_spec_has_the_reader_endpoints(api_schema: Any) -> None:
    paths = {op.path for op in _operations(api_schema)}
    assert {
        "/search",
        "/articles/{article_id}",
        "/articles/{article_id}/related",
        "/stories/{story_id}",
    } <= paths
    assert {"/sources", "/health", "/metrics"} <= paths


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_no_input_gives_a_server_error(api_schema: Any, mode: GenerationMode) -> None:
    fuzzed = []
    for operation in _operations(api_schema):
        try:
            _fuzz(operation, mode)
        except Unsatisfiable:  # nothing to get wrong: no parameters, so no invalid input
            assert mode is GenerationMode.NEGATIVE, operation.label
            continue
        fuzzed.append(operation.label)
    assert "GET /search" in fuzzed and "GET /articles/{article_id}" in fuzzed


def _fuzz(operation: Any, mode: GenerationMode) -> None:
    reader = operation.path.startswith(READER_PATHS)
    checks = [not_a_server_error, *((status_code_conformance, response_schema_conformance) if reader else ())]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def run(case: Any) -> None:
        response = case.call_and_validate(checks=checks)
        if response.status_code >= 400:
            assert error_shape(response.json(), response.status_code), (operation.label, response.text)

    run()


PIECES = st.one_of(
    st.sampled_from(list("\"'()*:^-+{}[]<>~|&!?.,;/\\ \t\n\x00\x1f\x7f\u200b\ufeff")),
    st.sampled_from(["AND", "OR", "NOT", "NEAR", "협력", "아동", "수당", "했다", "title_terms", "tags"]),
    st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),  # Hangul Jamo, composable or not
    st.characters(min_codepoint=0x3131, max_codepoint=0x318E),  # compatibility Jamo
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # syllables
    st.characters(codec="utf-8"),
)
QUERY_TEXT = st.lists(PIECES, max_size=20).map("".join)


@given(q=QUERY_TEXT, sort=st.sampled_from(["relevance", "newest"]))
@settings(max_examples=150, deadline=None, database=None)
def test_any_query_text_answers_or_refuses(fuzz_app: FastAPI, q: str, sort: str) -> None:
    with TestClient(fuzz_app, raise_server_exceptions=False) as client:
        response = client.get("/search", params={"q": q, "sort": sort})
    assert response.status_code in (200, 400), (q, response.text)
    body = response.json()
    assert body["ok"] is True if response.status_code == 200 else error_shape(body, 400)
