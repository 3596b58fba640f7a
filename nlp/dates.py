"""Korean news dates: parse 입력/수정 lines, ISO stamps and meta values into aware KST datetimes.

Naive values are read as Korea Standard Time; values carrying an offset (or ``Z``) are
converted to it. Impossible dates (month 13, before 1990, years ahead) give ``None``. A string
that names a day without a time gives a ``DateOnly``: midnight KST that says so, so the time
is never invented downstream (``is_date_only``).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
MIN_YEAR = 1990

_DATE = (
    # ``年月日``: the same date in hanja, as older papers and the archives print it
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-./]|년|年)\s*(?P<m>\d{1,2})\s*(?:[-./]|월|月)\s*(?P<d>\d{1,2})"
    r"(?!\d)(?:\s*(?:일|日|\.))?(?:\s*\([월화수목금토일]\))?"
)
_TIME = (
    # the time sometimes in brackets of its own: ``2024/05/03 [10:20]``
    r"(?:(?:\s*T\s*|\s+\[?|\s*\[)(?P<ampm1>오전|오후|AM|PM|am|pm)?\s*"
    r"(?P<H>\d{1,2})\s*(?::\s*(?P<M>\d{1,2})|시(?:\s*(?P<M2>\d{1,2})\s*분)?)"
    r"(?:\s*:\s*(?P<S>\d{1,2})(?:[.,]\d+)?|\s*(?P<S2>\d{1,2})\s*초)?"
    r"\s*(?P<ampm2>AM|PM|am|pm)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?|KST|UTC|GMT)?)?"
)
DATE_RE = re.compile(_DATE + _TIME)
_COMPACT_RE = re.compile(r"^\s*((?:19|20)\d{6})(\d{4}(?:\d{2})?)?\s*$")

PUBLISHED_LABELS = ("입력", "등록", "작성", "게재", "승인", "발행", "발간", "송고", "게시", "배포")
WEAK_LABELS = ("날짜",)  # used only when no stronger published label is found
MODIFIED_LABELS = ("수정", "업데이트", "갱신", "변경", "편집")  # ``최종 편집 일시``: a workspace page's
# Convention: pages styled in English print the same two stamps as ``Published``/``Posted`` and
# ``Updated``/``Modified`` (``Posted on 2024.05.03``), in any case.
ENGLISH_PUBLISHED_LABELS = ("published", "posted", "created")
ENGLISH_MODIFIED_LABELS = ("updated", "modified", "edited")
_ENGLISH = "(?i:" + "|".join(ENGLISH_PUBLISHED_LABELS + ENGLISH_MODIFIED_LABELS) + r")(?:\s+on)?"
_LABEL_RE = re.compile(
    r"(?<![가-힣A-Za-z])(?:기사|최초|최종|뉴스)?\s?"
    r"(?P<label>" + "|".join(PUBLISHED_LABELS + MODIFIED_LABELS + WEAK_LABELS) + "|" + _ENGLISH + r")"
    # ``[입력]``, ``(수정)``, ``입력 :``, ``등록일 | 2024…``: a closing bracket or bar may sit between.
    # …or a label closing its stamp at the line's end (``2025.08.28 발행``: ``_stamped_before``)
    r"(?:\s?(?:일시|일자|시간|시각|일|날짜))?\s*[\]\)】〕>]?\s*[:：|]?\s*(?=(?:19|20)\d{2}|\d{2}[-./]\d{1,2}[-./]\d{1,2}(?!\d)|$)",
    re.MULTILINE,
)
# Convention: some boards print a two-digit year after their date label (``작성일 25.11.03``,
# ``등록 25-11-03 14:30``); read only right after a label, where it cannot be a version or a ratio.
_SHORT_DATE_RE = re.compile(
    r"(?P<y>\d{2})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?!\d)\.?(?:\s*\([월화수목금토일]\))?" + _TIME
)
# a line holding one date and its time, nothing else: ``2024.05.03 10:20``, ``2024년 5월 3일 (금)``,
# ``2025.10.02 | 16:45`` (an info line's date and time set in two fields)
BARE_DATE = r"(?:19|20)\d{2}[-./년][-./년월일\d \t:()화수목금토|·]*"
BARE_DATE_LINE_RE = re.compile(rf"^[ \t]*{BARE_DATE}$", re.MULTILINE)
# A modified label just before a date: that date is never the publication time.
_MODIFIED_BEFORE_RE = re.compile(
    r"(?:" + "|".join(MODIFIED_LABELS) + "|(?i:" + "|".join(ENGLISH_MODIFIED_LABELS) + r"))[^\d가-힣]{0,4}$"
)
# Convention: bylines and archive datelines carry the date on a line of their own kind —
# ``홍길동 기자 | 2024.05.03 15:12``, ``글·사진 홍길동``, ``[한빛일보] 2019-03-04 12면``, ``hong@x.kr``.
_DATELINE_MARK_RE = re.compile(
    r"(?:기자|특파원|통신원|에디터)(?![가-힣])|기자명|^\s*[Bb]y\s+[A-Z가-힣]|작성자|글\s*[·/]\s*사진|@[\w.-]+\.[a-z]{2,}"
    r"|^\s*[\[【〔(][^\]】〕)]{1,20}[\]】〕)]\s*(?:19|20)\d{2}|(?:19|20)\d{2}[-./년\s\d월일]*\s\d{1,3}\s*면(?![가-힣])"
    # a wire's stamp under the text, the label after the time: ``2024-05-03 10:20 송고``
    r"|^\s*(?:19|20)\d{2}[-./년][-./년\s\d월일:]*\s(?:송고|입력|등록|발행|게재)(?![가-힣])"
)
# URL path dates (the CMS files the article under its day): ``/2020/08/27/``, ``/2020-08-27/``,
# ``/20200827/`` (a whole segment), ``/2020/0827/``. Query strings and longer digit runs never count.
_URL_DATE_RES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$|[._-][^\d])"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?=/|$|[._][^\d])"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?=/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{2})(?P<d>\d{2})(?=/|$)"),
)


# Convention: English-language pages (and some meta values) name the month: ``December 2, 2026``,
# ``Dec. 2, 2026``, ``2 December 2026``. Rewritten as ``2026-12-02`` before the numeric patterns run.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_ENGLISH_DATE_RE = re.compile(
    # ``Apr 13. 2025``: a blog platform's stamp, a full stop after the day
    rf"\b(?:{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?[,.]?\s+"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('mon', 'mon2')},?\s+)"
    r"(?P<y>(?:19|20)\d{2})\b,?",
    re.IGNORECASE,
)


def numeric_months(text: str) -> str:
    """``text`` with English month-name dates written ``YYYY-MM-DD`` (other text unchanged)."""
    if not _ENGLISH_DATE_RE.search(text):  # most text: one search, no rewrite
        return text

    def iso(match: re.Match[str]) -> str:
        month = _MONTHS.index((match.group("mon") or match.group("mon2"))[:3].lower()) + 1
        day = int(match.group("d1") or match.group("d2"))
        return f"{match.group('y')}-{month:02d}-{day:02d}"

    return _ENGLISH_DATE_RE.sub(iso, text)


class DateOnly(dt.datetime):
    """Midnight KST standing for a whole day: the text named the day (``2024.05.03``) but no time."""

    __slots__ = ()


def kst_day_bounds(
    first: dt.date | None, last: dt.date | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The instants a range of KST days spans: from the first day's midnight (inclusive) to the
    midnight after the last day (exclusive); None for an open end."""
    start = dt.datetime.combine(first, dt.time(), KST) if first else None
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), KST) if last else None
    return start, end


def is_date_only(value: dt.datetime | None) -> bool:
    """True when ``value`` came from a day without a time (a ``DateOnly``)."""
    return isinstance(value, DateOnly)


def parse_date(text: str) -> dt.datetime | None:
    """Parse the first date (and time) in ``text`` into an aware Asia/Seoul datetime."""
    if not text:
        return None
    compact = _COMPACT_RE.match(text)
    if compact:
        return _from_compact(compact.group(1), compact.group(2))
    match = DATE_RE.search(numeric_months(text))
    return _from_match(match) if match else None


def from_epoch(text: str) -> dt.datetime | None:
    """Unix time in seconds (10 digits) or milliseconds (13) as KST; ``None`` for any other text or
    an implausible year.

    Convention: script-era templates keep the stamp a relative time is printed from as Unix time
    (``<span data-ts="1747710000000">6시간 전</span>``).
    """
    digits = text.strip()
    if not _EPOCH_RE.fullmatch(digits):
        return None
    seconds = int(digits) / (1000 if len(digits) == 13 else 1)
    return as_kst(dt.datetime.fromtimestamp(seconds, dt.UTC))


_EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")


def find_labelled_dates(text: str) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Find visible 입력/등록/작성 (published) and 수정/업데이트 (modified) dates in page text."""
    found: dict[str, dt.datetime] = {}
    text = numeric_months(text)
    for label in _LABEL_RE.finditer(text):
        closes_line = text[label.end() : label.end() + 1] in ("\n", "")
        if closes_line and _label_kind(label.group("label")) != "published":
            continue  # a bare ``수정`` closing a line dates no publication (``_stamped_before``'s own case)
        stamped = _stamped_before(text, label)
        if stamped is not None:
            found.setdefault(_label_kind(label.group("label")), stamped)
            continue
        match = DATE_RE.match(text, label.end())
        short = None if match else _SHORT_DATE_RE.match(text, label.end())
        value = _from_match(match) if match else _from_match(short, century=2000) if short else None
        if value is not None:
            found.setdefault(_label_kind(label.group("label")), value)
    return found.get("published") or found.get("weak"), found.get("modified")


def _stamped_before(text: str, label: re.Match[str]) -> dt.datetime | None:
    """The date a label stands after, when it closes a stamp (``2024-05-03 10:20 송고``), or ``None``.

    Convention: wire services print the label after the time, one stamp per line or with a bar
    between (``… 송고 | 2024-05-04 09:05 수정``). Such a label closes its own stamp when it ends
    the line, or when the next date closes with a label of its own; otherwise a label between two
    dates opens the second (``입력 2024.05.02 09:00 수정 2024.05.03 10:20``).
    """
    line_start = text.rfind("\n", 0, label.start()) + 1
    before = None
    for match in DATE_RE.finditer(text, line_start, label.start()):
        if not text[match.end() : label.start()].strip():
            before = match
    if before is None:
        return None
    after_label = text[label.end() :].lstrip(" \t")[:1]
    ends_line = "\n" in text[label.end("label") : label.end()] or after_label in ("\n", "")
    after = DATE_RE.match(text, label.end())
    closes_next = after is not None and bool(_TRAILING_LABEL_RE.match(text, after.end()))
    # a label on a line of its own with a date after it is a field's (a view table's ``게시기간 …
    # ~ 2024-03-18`` row, then ``등록일`` over ``2024-03-04``): it opens the date after it
    opens_line = not text[text.rfind("\n", 0, label.start("label")) + 1 : label.start("label")].strip()
    if opens_line and after is not None and not closes_next:
        return None
    return _from_match(before) if ends_line or closes_next else None


_TRAILING_LABEL_RE = re.compile(
    r"[ \t]*(?:" + "|".join(PUBLISHED_LABELS + MODIFIED_LABELS) + r")(?:일시|일자|시간|시각|일)?(?![가-힣])"
)


def find_unlabelled_date(text: str, *, datelines_only: bool = False) -> dt.datetime | None:
    """The first date in ``text`` that is not a 수정/업데이트 (modified) date.

    With ``datelines_only`` a date counts only on a byline or archive dateline (``홍길동 기자 |
    2024.05.03``, ``[한빛일보] 2019-03-04 12면``): used for text around, not inside, the article head.
    """
    text = _FIELD_TIME_RE.sub(r"\1 \2", numeric_months(text))
    for line in text.splitlines() if datelines_only else (text,):
        if datelines_only and not _DATELINE_MARK_RE.search(line):
            continue
        for match in DATE_RE.finditer(line):
            if _MODIFIED_BEFORE_RE.search(line, max(0, match.start() - 12), match.start()):
                continue
            value = _from_match(match)
            if value is not None:
                return value
    return None


def find_release_date(text: str) -> dt.datetime | None:
    """The day a release is for, printed after ``보도일``/``보도일시``/``보도일자``, or ``None``.

    Convention: a press release's head names the day it may run (``보도일 : 2013년 2월 21일``). It
    is the page's date only when the page prints no posting date of its own: a board's 등록일 or a
    writer line's stamp is when the page went up, and an embargo (``보도시점``, ``조간``) may be a
    day later.
    """
    text = numeric_months(text)
    for label in _RELEASE_LABEL_RE.finditer(text):
        match = DATE_RE.match(text, label.end())
        value = _from_match(match) if match else None
        if value is not None:
            return value
    return None


_RELEASE_LABEL_RE = re.compile(r"(?<![가-힣])보도\s?(?:일시|일자|일)\s*[\])】]?\s*[:：|]?\s*")


# an info line's date and time set in two fields (``2025.10.02 | 16:45``): one stamp
_FIELD_TIME_RE = re.compile(r"((?:19|20)\d{2}[-./]\s?\d{1,2}[-./]\s?\d{1,2}\.?)\s*[|·]\s*(\d{1,2}:\d{2})")


def find_short_stamp(text: str) -> dt.datetime | None:
    """The first two-digit-year stamp with its time in ``text`` (``24.05.03 14:22``) that is not a
    modified date.

    Convention: compact article heads print the year in two digits with the time (``24.05.03
    14:22``, ``24-05-03 오후 2:22``); with a time beside it, three two-digit numbers are a date, not a
    version or a score. Used only for the short lines under a headline.
    """
    for match in _SHORT_STAMP_RE.finditer(text):
        if match.group("H") is None or _MODIFIED_BEFORE_RE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue
        value = _from_match(match, century=2000)
        if value is not None:
            return value
    return None


_SHORT_STAMP_RE = re.compile(r"(?<![\d.\-/])" + _SHORT_DATE_RE.pattern)


def is_short_stamp(line: str) -> bool:
    """``line`` is a two-digit-year stamp with its time and nothing else (``24.05.03 14:22``)."""
    match = _SHORT_STAMP_RE.fullmatch(line.strip())
    return match is not None and match.group("H") is not None


def date_from_url(url: str | None) -> dt.datetime | None:
    """The day in a URL's path (``/2020/08/27/``, ``/20200827/``, ``/2020-08-27/``, ``/2020/0827``),
    at midnight KST; ``None`` when the parts are no real date, lie in the future, or sit in the query."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATE_RES:
        match = pattern.search(path)
        if match is None:
            continue
        value = _build(
            int(match.group("y")), int(match.group("m")), int(match.group("d")), 0, 0, 0, None, date_only=True
        )
        if value is not None and value <= dt.datetime.now(KST) + dt.timedelta(days=1):
            return value
    return None


def as_kst(value: dt.datetime | None) -> dt.datetime | None:
    """``value`` in Asia/Seoul (naive values are read as KST); ``None`` when implausible."""
    if value is None:
        return None
    value = value.replace(tzinfo=KST) if value.tzinfo is None else value.astimezone(KST)
    return value if MIN_YEAR <= value.year <= dt.datetime.now(KST).year + 1 else None


def _label_kind(label: str) -> str:
    """``published``, ``modified`` or ``weak`` for one visible label."""
    if label in MODIFIED_LABELS or label.split()[0].lower() in ENGLISH_MODIFIED_LABELS:
        return "modified"
    return "weak" if label in WEAK_LABELS else "published"


def _from_compact(day: str, clock: str | None) -> dt.datetime | None:
    """Read ``20251205`` / ``202512051640`` / ``20251205164012`` stamps."""
    date_only, clock = clock is None, clock or "0000"
    return _build(
        int(day[:4]), int(day[4:6]), int(day[6:8]), int(clock[:2]), int(clock[2:4]),
        int(clock[4:6] or 0), None, date_only,
    )  # fmt: skip


def _from_match(match: re.Match[str], century: int = 0) -> dt.datetime | None:
    """Turn a ``DATE_RE`` match (or a two-digit year's, with its ``century``) into a datetime,
    or ``None`` when impossible."""
    hour = int(match.group("H") or 0)
    ampm = (match.group("ampm1") or match.group("ampm2") or "").lower()
    if ampm in ("오후", "pm") and hour < 12:
        hour += 12
    elif ampm in ("오전", "am") and hour == 12:
        hour = 0
    second = int(match.group("S") or match.group("S2") or 0)
    return _build(
        century + int(match.group("y")), int(match.group("m")), int(match.group("d")), hour,
        int(match.group("M") or match.group("M2") or 0), second, match.group("tz"), match.group("H") is None,
    )  # fmt: skip


def _build(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    tz: str | None,
    date_only: bool = False,
) -> dt.datetime | None:
    """Validate the parts and attach the zone; ``None`` for impossible values."""
    kind = DateOnly if date_only else dt.datetime
    try:
        value = kind(year, month, day, hour, minute, min(second, 59), tzinfo=_zone(tz))
    except ValueError:
        return None
    value = value.astimezone(KST)
    latest = dt.datetime.now(KST).year + 1
    return value if MIN_YEAR <= value.year <= latest else None


def _zone(tz: str | None) -> dt.tzinfo:
    """The zone named by an ISO offset, ``Z``/UTC/GMT or KST; KST when absent."""
    if not tz or tz == "KST":
        return KST
    if tz in ("Z", "UTC", "GMT"):
        return dt.UTC
    match = re.search(r"([+-])(\d{1,2}):?(\d{2})?$", tz)
    if not match:
        return KST
    sign = -1 if match.group(1) == "-" else 1
    offset = dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    return dt.timezone(sign * offset)
