"""Failures through the API: one error shape, 4xx for bad input, never a 5xx; rate limit, CORS."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.api import Api, Corpus, build_corpus, error_shape, open_api

MISSING = 2**31 - 1  # the largest id the schema takes (INTEGER columns); none is stored


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("api-errors"))


@pytest.fixture(scope="module")
def api(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    yield from open_api(tmp_path_factory.mktemp("api-errors-client"), corpus)


def _fails(api: Api, status: int, path: str, **params: Any) -> str:
    """The error message of a request that must fail with `status` in the one error shape."""
    response = api.client.get(path, params=params or None)  # {} would drop the path's own query
    assert response.status_code == status, (path, params, response.status_code, response.text)
    body = response.json()
    assert error_shape(body, status), body
    message: str = body["error"]
    return message


# unknown ids and routes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [f"/articles/{MISSING}", f"/articles/{MISSING}/related", f"/stories/{MISSING}"]
)
def test_unknown_ids_are_404(api: Api, path: str) -> None:
    assert str(MISSING) in _fails(api, 404, path)


def test_unknown_route_and_method(api: Api) -> None:
    _fails(api, 404, "/nothing-here")
    response = api.client.post("/search", params={"q": "협력"})
    assert response.status_code == 405 and error_shape(response.json(), 405)


# bad parameters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "협력", "page": "0"}, "page"),
        ({"q": "협력", "page": "-3"}, "page"),
        ({"q": "협력", "page": "two"}, "page"),
        ({"q": "협력", "size": "1000"}, "size"),
        ({"q": "협력", "size": "0"}, "size"),
        ({"q": "협력", "from": "notadate"}, "from"),
        ({"q": "협력", "to": "2025-02-30"}, "to"),
        ({"q": "협력", "sort": "random"}, "sort"),
        ({"q": "협력", "source": "가" * 300}, "source"),
        ({}, "q"),
        # the schema says what a q is (1 to 500 characters, not all blank): the same answer here
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "협력 " * 200}, "q"),
        # dates are YYYY-MM-DD, as documented, not numbers read as Unix times
        ({"q": "협력", "from": "0"}, "from"),
        ({"q": "협력", "to": "1733011200"}, "to"),
        ({"q": "협력", "from": "2025-12-01T00:00:00"}, "from"),
    ],
)
def test_bad_search_parameters_are_422_naming_the_parameter(
    api: Api, params: dict[str, str], field: str
) -> None:
    assert field in _fails(api, 422, "/search", **params)


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"q": "협력", "page": "11", "size": "100"}, "page * size"),
        ({"q": "?!…·「」"}, "no searchable words"),
        ({"q": "-협력 -아동"}, "besides exclusions"),
        ({"q": "협력", "from": "2025-12-02", "to": "2025-12-01"}, "after"),
    ],
)
def test_bad_search_requests_are_400_saying_why(api: Api, params: dict[str, str], words: str) -> None:
    assert words in _fails(api, 400, "/search", **params)


@pytest.mark.parametrize(
    "path",
    ["/articles/abc", "/articles/0", f"/articles/{2**70}", "/stories/-1", "/articles/1/related?size=0"],
)
def test_bad_ids_are_422(api: Api, path: str) -> None:
    _fails(api, 422, path)


# hostile query text -------------------------------------------------------------------------------

HOSTILE = [
    '"',
    '""',
    '"협력',
    "')--",
    "'; DROP TABLE articles; --",
    "NEAR(",
    "NEAR(협력 아동, 3)",
    "*",
    "협력*",
    "OR",
    "협력 OR 아동",
    "AND NOT",
    "협력 AND NOT 아동",
    "col:x",
    "title_terms:협력",
    "tags:s1",
    "{title_terms body_terms}: 협력",
    "^",
    "^협력",
    "-",
    "((협력))",
    "협력" * 250,
    "x" * 10_000,
    "\x00협력\x1f\x7f",
    "협력\u200b\u200e아동",
    "\ufeff협력",
    "🙂 협력",
    "ㅎㅕㅂㄹㅕㄱ",
    unicodedata.normalize("NFD", "협력했다"),
    "\u1112\u1167\u11b8 협력",
    "3,000억 원",
    "s1 c6ec95 y2025 d20251201",
]


@pytest.mark.parametrize("q", HOSTILE, ids=lambda q: repr(q[:24]))
def test_hostile_queries_answer_or_refuse_clearly(api: Api, q: str) -> None:
    response = api.client.get("/search", params={"q": q})
    # past the schema's 500 characters: a 422 like any other parameter out of bounds
    assert response.status_code in ((422,) if len(q) > 500 else (200, 400)), (response.status_code, q[:40])
    body = response.json()
    if response.status_code >= 400:
        assert error_shape(body, response.status_code)
    else:
        assert body["ok"] is True and body["total"] >= len(body["results"])


def test_decomposed_hangul_finds_what_composed_finds(api: Api) -> None:
    composed = api.search_ids("협력했다")
    assert composed and api.search_ids(unicodedata.normalize("NFD", "협력했다")) == composed


def test_filter_tokens_typed_as_words_do_not_filter(api: Api) -> None:
    """A reader's `s1` is a word to look for, never the source filter token."""
    assert api.get("/search", q="밝혔다", source="행정안전부")["total"] > 0
    for tag_like in ("s1", '"s1"', "y2025", "d20251201"):
        assert api.get("/search", q=tag_like)["total"] == 0


def test_a_date_at_the_end_of_time_is_not_an_error(api: Api) -> None:
    assert api.get("/search", q="협력", to="9999-12-31")["total"] > 0
    assert api.get("/search", q="협력", **{"from": "9999-12-31"})["total"] == 0
    assert api.get("/search", q="협력", **{"from": "0001-01-01"})["total"] > 0


# server errors keep the shape ---------------------------------------------------------------------


def test_an_unexpected_error_is_a_500_in_the_same_shape(corpus: Corpus, tmp_path: Path) -> None:
    def boom() -> None:
        raise RuntimeError("a bug")

    for api in open_api(tmp_path, corpus):
        api.client.app.add_api_route("/boom", boom)  # type: ignore[attr-defined]
        response = api.client.get("/boom")
    assert response.status_code == 500
    assert response.json() == {"ok": False, "error": "internal error", "status": 500}


# rate limit and CORS ------------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after(corpus: Corpus, tmp_path: Path) -> None:
    for api in open_api(tmp_path, corpus, rate_limit=3):
        answers = [api.client.get("/search", params={"q": "협력"}) for _ in range(4)]
        health = api.client.get("/health")
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert error_shape(answers[-1].json(), 429)
    assert int(answers[-1].headers["Retry-After"]) >= 1
    assert health.status_code == 200, "health checks are never limited"


def test_rate_limit_is_off_by_default(api: Api) -> None:
    assert all(api.client.get("/search", params={"q": "협력"}).status_code == 200 for _ in range(30))


def test_cors_headers_when_configured(corpus: Corpus, tmp_path: Path) -> None:
    origin = "https://reader.example.com"
    for api in open_api(tmp_path, corpus, cors_origins=(origin,), rate_limit=1):
        allowed = api.client.get("/search", params={"q": "협력"}, headers={"Origin": origin})
        limited = api.client.get("/search", params={"q": "협력"}, headers={"Origin": origin})
        other = api.client.get("/health", headers={"Origin": "https://elsewhere.example.com"})
        preflight = api.client.options(
            "/search", headers={"Origin": origin, "Access-Control-Request-Method": "GET"}
        )
    assert allowed.headers["access-control-allow-origin"] == origin
    assert limited.status_code == 429 and limited.headers["access-control-allow-origin"] == origin
    assert "access-control-allow-origin" not in other.headers
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == origin


def test_no_cors_headers_by_default(api: Api) -> None:
    response = api.client.get("/search", params={"q": "협력"}, headers={"Origin": "https://x.example.com"})
    assert "access-control-allow-origin" not in response.headers


def test_the_bucket_refills_with_time() -> None:
    from api.ratelimit import RateLimiter

    now = [0.0]
    limiter = RateLimiter(60, clock=lambda: now[0])  # one a second, bursts of 60
    assert all(limiter.check("a") == 0 for _ in range(60))
    assert limiter.check("a") == 1 and limiter.check("b") == 0, "per client"
    now[0] += 1.0
    assert limiter.check("a") == 0 and limiter.check("a") == 1
