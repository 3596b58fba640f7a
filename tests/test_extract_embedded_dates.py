"""Dates of script-shipped articles under Korean back-end column names (``regDt``, ``REG_DT``,
``registDate``, ``FRST_REGIST_PNTTM``…): Spring/eGovFrame back ends name date columns ``*_DT`` and
camelCase them in the JSON a client-rendered page ships.

Every page here is made up by the test: two templates (Next.js ``__NEXT_DATA__`` with camelCase
keys, a Redux ``__INITIAL_STATE__`` with upper snake_case columns), different outlets and chrome.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from nlp.embedded import embedded_article
from nlp.extract import extract_page, parse_html
from nlp.page import ExtractedPage

KST = ZoneInfo("Asia/Seoul")

HEADLINE = "농촌 빈집 정비 지원 확대…올해 3천 곳 철거·리모델링"
PARAGRAPHS = (
    "농림축산식품부는 올해 농촌 빈집 3000곳을 철거하거나 리모델링하는 데 국비 450억 원을 지원한다고 밝혔다.",
    "지원 대상은 1년 이상 아무도 살지 않은 농어촌 주택으로, 시군이 실태조사를 거쳐 정비 대상을 정한다.",
    "리모델링한 빈집은 귀농인과 청년 농업인에게 5년 동안 싼값에 임대주택으로 제공된다.",
    "농식품부 관계자는 “빈집이 마을 경관과 안전을 해치지 않도록 지자체와 함께 정비하겠다”고 말했다.",
)
PUBLISHED = dt.datetime(2025, 5, 15, 15, 21, 7, tzinfo=KST)
MODIFIED = dt.datetime(2025, 5, 16, 9, 0, tzinfo=KST)
# publication-like columns: registration, insert/input, write, create, publish, article/service/send
PUBLISHED_COLUMNS = (
    "regDt", "reg_dt", "registDate", "regist_dt", "inputDt", "insDt", "wrtDt", "createDt", "sendDate",
    "serviceDate", "articleDate", "frstRegistPnttm",
)  # fmt: skip


def camel_to_column(key: str) -> str:
    """``registDate`` → ``REGIST_DATE``, ``reg_dt`` → ``REG_DT``: the back end's column name."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", key).upper()


def script_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def next_page(fields: dict[str, Any]) -> bytes:
    """Template A: `__NEXT_DATA__`, the article deep in a query state, camelCase keys."""
    article = {"articleTitle": HEADLINE, "articleBody": "\n\n".join(PARAGRAPHS), "writer": "한들", **fields}
    data = {
        "props": {"pageProps": {"dehydratedState": {"queries": [{"state": {"data": article}}]}}},
        "page": "/news/[no]", "buildId": "x1",
    }  # fmt: skip
    document = (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>들녘뉴스</title></head><body>'
        '<div id="__next"><ul class="gnb"><li><a href="/a">농업</a></li><li><a href="/b">농촌</a></li></ul>'
        '<div class="view"></div></div>'
        f'<script id="__NEXT_DATA__" type="application/json">{script_json(data)}</script></body></html>'
    )
    return document.encode()


def state_page(fields: dict[str, Any]) -> bytes:
    """Template B: Redux `window.__INITIAL_STATE__` with upper snake_case columns and an HTML body."""
    detail = {
        "NEWS_SJ": "", "TITLE": HEADLINE, "CONTENTS": "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
        "WRITER_NM": "가온", **fields,
    }  # fmt: skip
    state = {"newsView": {"loading": False, "detail": detail}, "menu": [{"title": "홈"}]}
    document = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>고을소식 - 뉴스</title></head><body>'
        '<div id="wrap"><div id="header"><a href="/">고을소식</a></div><div id="app"></div>'
        '<div id="footer">고을소식 · 대표전화 000-0000</div></div>'
        f"<script>window.__INITIAL_STATE__ = {script_json(state)};window.__ENV__='prod';</script>"
        "</body></html>"
    )
    return document.encode()


def extracted(template: str, fields: dict[str, Any]) -> ExtractedPage:
    if template == "next":
        return extract_page(next_page(fields), url="https://www.deulnyeok.example/news/2025051501")
    columns = {camel_to_column(k): v for k, v in fields.items()}
    return extract_page(state_page(columns), url="https://news.goeul.example/view.do?newsNo=88123")


@pytest.mark.parametrize("template", ["next", "state"])
@pytest.mark.parametrize("key", PUBLISHED_COLUMNS)
def test_publication_column_gives_the_published_time(template: str, key: str) -> None:
    result = extracted(template, {"section": "농촌", key: "2025-05-15 15:21:07", "hitCnt": 12})
    assert result.kind == "article"
    assert result.title == HEADLINE
    assert result.body.splitlines() == list(PARAGRAPHS)
    assert result.published == PUBLISHED


@pytest.mark.parametrize("template", ["next", "state"])
def test_modification_column_is_the_modified_time_never_the_published(template: str) -> None:
    fields = {"updDt": "2025-05-16 09:00:00", "regDt": "2025-05-15 15:21:07"}
    result = extracted(template, fields)
    assert result.published == PUBLISHED
    assert result.modified == MODIFIED


@pytest.mark.parametrize("template", ["next", "state"])
@pytest.mark.parametrize("key", ["updDt", "modDt", "editDate", "lastUpdtPnttm"])
def test_modification_column_alone_is_no_published_time(template: str, key: str) -> None:
    """The script data's article has no published time (the page falls back on the modified one
    only when nothing dates it, as ``nlp.extract`` documents)."""
    fields = {key: "2025-05-16 09:00:00"}
    page = next_page(fields) if template == "next" else state_page({camel_to_column(key): fields[key]})
    article = embedded_article(parse_html(page.decode()))
    assert article is not None and article.title == HEADLINE
    assert article.published is None
    assert article.modified == MODIFIED


@pytest.mark.parametrize("template", ["next", "state"])
def test_publication_column_that_is_no_date_is_skipped(template: str) -> None:
    """`regId`-like neighbours and a non-date value under a date-like name are not dates; the next
    publication column is read."""
    fields = {"regDt": "관리자", "regId": "admin01", "inputDt": "2025-05-15 15:21:07"}
    assert extracted(template, fields).published == PUBLISHED
