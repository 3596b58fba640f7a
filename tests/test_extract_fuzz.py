"""Headline and title rules never fail on odd text: any page gives a result or an ``NlpError``.

Generated pages put runs of separators, brackets, short words and dates where headlines, section
lines, window titles and metadata go (a section line ``오피니언 | 사설`` once left a headline
candidate of a bare bar, which a breadcrumb rule then indexed).
"""

from __future__ import annotations

import html as htmllib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp import ExtractionFailedError, NlpError, extract
from nlp.extract import extract_page, extract_source_pages
from nlp.page import ExtractedPage
from nlp.titles import clean_title, listing_title, split_segments, title_parts

PIECES = [
    "|", "｜", "ㅣ", "<", ">", "›", "»", "-", "–", ":", "::", "·", "/", "[", "]", "(", ")", "【", "】",
    "<<", "]]", "…", "‘", "’", "“", "”", " ", "  ", "사설", "오피니언", "가온일보", "뉴스", "보도자료",
    "가온시", "청년 월세 지원 확대", "2025.06.26", "입력", "제목", "게시판", "홈", "(종합)", "[포토]", "기자",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
SAMPLE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SAMPLE
@given(TEXT, st.lists(TEXT, max_size=3), st.booleans())
def test_title_rules_never_fail(text: str, sites: list[str], printed: bool) -> None:
    cleaned = clean_title(text, sites, printed=printed)
    assert cleaned is None or cleaned.strip()
    listing_title(text, sites)
    split_segments(text)
    title_parts(text)


def page(window: str, section: str, headline: str, meta: str) -> bytes:
    e = htmllib.escape
    return f"""<html><head><meta charset="utf-8"><title>{e(window)}</title>
<meta property="og:title" content="{e(meta)}"></head><body>
<p class="section"><a href="/o">{e(section)}</a><span>|</span><a href="/s">{e(headline)}</a></p>
<h1>{e(headline)}</h1><h3>{e(section)}</h3>
<div class="text"><p>가온시는 청년 월세 지원 대상을 연 소득 5000만 원 이하로 넓힌다고 26일 밝혔다.</p>
<p>지원 금액은 월 20만 원이며 최대 12개월 동안 받을 수 있다.</p></div></body></html>""".encode()


@SAMPLE
@given(TEXT, TEXT, TEXT, TEXT)
def test_any_page_gives_a_result_or_an_nlp_error(window: str, section: str, headline: str, meta: str) -> None:
    try:
        extracted = extract_page(page(window, section, headline, meta))
    except NlpError:
        return
    assert extracted.title is None or extracted.title.strip()


def test_a_page_that_fails_leaves_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    good = page("청년 월세 지원 확대 - 가온일보", "사회", "청년 월세 지원 확대", "청년 월세 지원 확대")
    broken = b"\xff\xfe<html>" + b"\x00" * 10
    results = extract_source_pages([(good, None), (broken, None), (good, None)])
    assert [getattr(r, "title", None) for r in (results[0], results[2])] == ["청년 월세 지원 확대"] * 2
    assert isinstance(results[1], NlpError) and not isinstance(results[1], ExtractionFailedError)

    # a defect in a rule (any other exception) fails its page alone, with why
    real = extract.extract_page

    def defective(raw: bytes, **kwargs: Any) -> ExtractedPage:
        if b"defect" in raw:
            raise IndexError("list index out of range")
        return real(raw, **kwargs)

    monkeypatch.setattr(extract, "extract_page", defective)
    results = extract_source_pages([(good, None), (good.replace(b"<body>", b"<body>defect"), None)])
    assert getattr(results[0], "title", None) == "청년 월세 지원 확대"
    assert isinstance(results[1], ExtractionFailedError) and "IndexError" in str(results[1])
