"""Korean dates as aware Asia/Seoul datetimes."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.dates import KST, as_kst, date_from_url, find_labelled_dates, find_unlabelled_date, parse_date


def kst(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    """A KST datetime from its parts."""
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=KST)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-12-11", kst(2025, 12, 11)),
        ("2025.12.09", kst(2025, 12, 9)),
        ("2025.12.05 16:40", kst(2025, 12, 5, 16, 40)),
        ("2020.08.27 20:27", kst(2020, 8, 27, 20, 27)),
        ("2020/08/27 [20:27]", kst(2020, 8, 27, 20, 27)),  # the time in brackets of its own
        ("2020-08-27 [12면]", kst(2020, 8, 27)),  # a printed page in brackets is no time
        ("2024.05.03. 오후 3:12", kst(2024, 5, 3, 15, 12)),
        ("2024.05.03. 오전 12:05", kst(2024, 5, 3, 0, 5)),
        ("2025년 12월 5일", kst(2025, 12, 5)),
        ("2025년 12월 5일 오후 3시 12분", kst(2025, 12, 5, 15, 12)),
        ("2025. 12. 5.(금) 09:30", kst(2025, 12, 5, 9, 30)),
        ("입력 2020.08.27 20:27", kst(2020, 8, 27, 20, 27)),
        ("2025-05-15T20:00:52.000+0900", kst(2025, 5, 15, 20, 0, 52)),
        ("2025-05-15T20:00:52+09:00", kst(2025, 5, 15, 20, 0, 52)),
        ("20200827202700", kst(2020, 8, 27, 20, 27)),
    ],
)
def test_parse_date_formats(text: str, expected: dt.datetime) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed is not None and parsed.tzinfo is not None
    assert parsed.utcoffset() == dt.timedelta(hours=9)


def test_offsets_and_utc_are_converted_to_kst() -> None:
    assert parse_date("2025-05-15T11:00:52Z") == kst(2025, 5, 15, 20, 0, 52)
    assert parse_date("2025-12-05T08:00:00-05:00") == kst(2025, 12, 5, 22, 0)
    converted = parse_date("2025-12-31T20:00:00Z")
    assert converted is not None and converted.date() == dt.date(2026, 1, 1)


def test_naive_values_are_kst() -> None:
    parsed = parse_date("2023-11-02 20:06:13")
    assert parsed is not None
    assert parsed.tzinfo == KST and parsed.hour == 20


@pytest.mark.parametrize(
    "text", ["2025-13-01", "2025.02.30", "1985-01-01", "2999-01-01", "25:61", "", "오늘"]
)
def test_impossible_or_missing_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_labelled_published_and_modified() -> None:
    published, modified = find_labelled_dates("입력 2024.05.03. 오후 3:12 수정 2024.05.04. 오전 9:01")
    assert published == kst(2024, 5, 3, 15, 12)
    assert modified == kst(2024, 5, 4, 9, 1)


@pytest.mark.parametrize(
    "text",
    [
        "등록일 2025.12.05 16:40",
        "작성일 : 2025-12-05 16:40",
        "기사입력 2025-12-05 16:40:00",
        "승인 2025.12.05 16:40",
        "게재 2025.12.05 16:40",
        "발행일 2025.12.05 16:40",
        "등록일\n2025.12.05 16:40\n조회수 42",
        "[입력] 2025.12.05 16:40",
        "입력 : 2025-12-05 16:40",
        "기사입력 2025.12.05. 오후 4:40",
        "작성일자 | 2025년 12월 5일 16시 40분",
        "송고시간 2025-12-05 16:40",
        "(등록) 2025.12.05 16:40",
    ],
)
def test_published_labels(text: str) -> None:
    assert find_labelled_dates(text) == (kst(2025, 12, 5, 16, 40), None)


@pytest.mark.parametrize(
    "text", ["수정 2025.12.06 10:00", "업데이트 2025.12.06 10:00", "최종수정 2025.12.06 10:00"]
)
def test_modified_labels(text: str) -> None:
    assert find_labelled_dates(text) == (None, kst(2025, 12, 6, 10))


def test_a_plain_date_label_is_only_a_fallback() -> None:
    assert find_labelled_dates("날짜 2025.12.10") == (kst(2025, 12, 10), None)
    assert find_labelled_dates("날짜 2025.12.10 입력 2025.12.11 09:00")[0] == kst(2025, 12, 11, 9)


def test_no_labels_no_dates() -> None:
    assert find_labelled_dates("검색어입력 회원정보 수정 2025년 계획") == (None, None)


def test_hour_without_minutes() -> None:
    assert parse_date("2025년 12월 5일 오후 4시") == kst(2025, 12, 5, 16)


def test_digits_before_the_year_are_not_a_date() -> None:
    assert parse_date("12019-03-04") is None
    assert parse_date("no.2019-03-04") == kst(2019, 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        "[한빛일보] 2019-03-04 12면",
        "【한빛신문】 2019. 3. 4. 3면 사회",
        "2019.03.04 12면",
        "2019년 3월 4일 A12면",
    ],
)
def test_archive_page_number_does_not_break_the_date(text: str) -> None:
    assert parse_date(text) == kst(2019, 3, 4)
    assert find_unlabelled_date(text) == kst(2019, 3, 4)


def test_unlabelled_date_skips_modified_dates() -> None:
    assert find_unlabelled_date("수정 2024.05.09 10:00 | 2024.05.03 15:12") == kst(2024, 5, 3, 15, 12)
    assert find_unlabelled_date("업데이트: 2024.05.09") is None
    assert find_unlabelled_date("조회 123") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("홍길동 기자 | 2024.05.03 15:12", kst(2024, 5, 3, 15, 12)),
        ("기자명 입력 2024.05.03", kst(2024, 5, 3)),
        ("글·사진 홍길동 2024-05-03", kst(2024, 5, 3)),
        ("hong@hanbit.test 2024-05-03", kst(2024, 5, 3)),
        ("[한빛일보] 2019-03-04 12면", kst(2019, 3, 4)),
        ("많이 본 뉴스 2021.02.03", None),
        ("대통령 기자회견 2021.02.03", None),
        ("홍길동기자 2024.05.03", kst(2024, 5, 3)),
        ("2024.05.03 15:12", None),
    ],
)
def test_datelines_only(line: str, expected: dt.datetime | None) -> None:
    assert find_unlabelled_date(f"사이드 메뉴\n{line}", datelines_only=True) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.test/2020/08/27/slug/", kst(2020, 8, 27)),
        ("https://a.test/news/2020/8/7/slug", kst(2020, 8, 7)),
        ("https://a.test/news/20200827/123", kst(2020, 8, 27)),
        ("https://a.test/20200827", kst(2020, 8, 27)),
        ("https://a.test/2020-08-27/x.html", kst(2020, 8, 27)),
        ("https://a.test/news/2020/0827/x", kst(2020, 8, 27)),
        ("https://a.test/view.do?id=20200827", None),
        ("https://a.test/view?date=2020/08/27", None),
        ("https://a.test/article/2020082712345", None),
        ("https://a.test/article/120200827/", None),
        ("https://a.test/2020/13/27/", None),
        ("https://a.test/2020/02/30/", None),
        ("https://a.test/20201340/", None),
        ("https://a.test/2020/08/", None),
        ("https://a.test/1985/01/01/", None),
        ("https://a.test/2099/01/01/", None),
        ("", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: dt.datetime | None) -> None:
    assert date_from_url(url) == expected


def test_as_kst() -> None:
    assert as_kst(dt.datetime(2024, 5, 3, 6, 12, tzinfo=dt.UTC)) == kst(2024, 5, 3, 15, 12)
    assert as_kst(dt.datetime(2024, 5, 3, 15, 12)) == kst(2024, 5, 3, 15, 12)
    assert as_kst(dt.datetime(1970, 1, 1)) is None
    assert as_kst(None) is None
