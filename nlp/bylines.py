"""Reporter bylines: ``홍길동 기자``, ``(서울=연합뉴스) 홍길동 기자 =``, ``By 홍길동``."""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_AUTHORS = 5
# the kind of reporter before the role word (``객원기자``, ``시민 기자``): never a name
ROLE_KINDS = (
    "선임", "수석", "전문", "객원", "인턴", "편집", "논설", "사진", "영상",
    "시민", "명예", "학생", "청소년", "대학생",
)  # fmt: skip
ROLES = rf"(?:(?:{'|'.join(ROLE_KINDS)})\s?)?(?:기자|특파원|위원|논설위원|에디터|통신원|PD)"
NAME = r"[가-힣]{2,4}"
# ``(서울=연합뉴스) 홍길동 김철수 기자 =`` at the start of the first paragraph.
DATELINE_RE = re.compile(
    rf"^\s*[(\[【]\s*[^()\[\]【】=]{{1,15}}=\s*[^()\[\]【】]{{1,15}}[)\]】]\s*"
    rf"(?:(?P<names>(?:{NAME}[\s·,]*){{1,4}})\s*{ROLES}\s*)?=?\s*"
)
# A line that is only a byline, possibly with an e-mail: ``홍길동 기자 hong@example.com``.
BYLINE_LINE_RE = re.compile(
    rf"^\s*/?\s*(?:글|사진|취재|정리)?\s*[=:]?\s*(?P<names>(?:{NAME}[\s·,]*){{1,4}})\s*{ROLES}"
    rf"(?:\s*외\s*\d+\s*명)?\s*(?:[(<\[]?\s*[\w.+-]+@[\w.-]+\s*[)>\]]?)?\s*[=]?\s*$"
)
# A bracketed closing byline: ``[한빛일보 홍길동 기자]``, ``(한빛일보 홍길동·김철수 기자)``.
BRACKET_BYLINE_RE = re.compile(
    rf"^\s*[\[(【]\s*[^\[\]()【】=]{{1,15}}?\s+(?P<names>(?:{NAME}[\s·,]*){{1,4}})\s*{ROLES}\s*[\])】]\s*$"
)
# A reporter field labelled in an article header's info line: ``기자명 홍길동``.
LABELLED_REPORTER_RE = re.compile(
    rf"^\s*기자(?:명|\s*이름)?\s*[:：]?\s*(?P<names>{NAME}(?:\s*[·,]\s*{NAME}){{0,3}})\s*$"
)
# Fields of an info line: ``홍길동 기자 | 입력 2024.05.03 | 조회 12``.
_INFO_FIELD_SPLIT_RE = re.compile(r"\s*[|│ㅣ]\s*|\s{2,}")
EMAIL_LINE_RE = re.compile(r"^\s*(?:[가-힣]{2,4}\s*)?[(<\[]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)>\]]?\s*$")
_NAMES_BEFORE_ROLE_RE = re.compile(rf"(?<![가-힣])((?:{NAME}\s*[·,]\s*)*{NAME})\s*{ROLES}(?![가-힣])")
_ROLE_WORD_RE = re.compile(rf"\s*{ROLES}\b.*$")
_SPLIT_RE = re.compile(r"\s*(?:[,·/&;]|\s및\s|\s그리고\s|\band\b)\s*")
_NAME_RE = re.compile(r"^(?:[가-힣]{2,4}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})$")
_NOT_NAMES = frozenset(
    {"연합뉴스", "뉴시스", "뉴스1", "기자", "편집국", "온라인", "디지털", "관리자", "운영자", *ROLE_KINDS}
)


def byline_names(line: str) -> list[str]:
    """Reporter names when ``line`` is a byline (or starts with a dateline); otherwise ``[]``."""
    match = BYLINE_LINE_RE.match(line) or DATELINE_RE.match(line)
    if not match or not match.group("names"):
        return []
    return _names(match.group("names"))


def _names(found: str) -> list[str]:
    return [n for n in re.split(r"[\s·,]+", found) if _NAME_RE.match(n) and n not in _NOT_NAMES]


def header_byline_names(line: str) -> list[str]:
    """Reporter names on an article header's info line, field by field: ``홍길동 기자 | 입력 …``,
    ``[한빛일보 홍길동 기자]``, ``기자명 홍길동``; otherwise ``[]``."""
    for field in _INFO_FIELD_SPLIT_RE.split(line):
        match = (
            BYLINE_LINE_RE.match(field) or BRACKET_BYLINE_RE.match(field) or LABELLED_REPORTER_RE.match(field)
        )
        if match and match.group("names"):
            return _names(match.group("names"))
    return []


def strip_dateline(line: str) -> str:
    """Remove a leading ``(서울=연합뉴스) 홍길동 기자 =`` dateline from a paragraph."""
    match = DATELINE_RE.match(line)
    return line[match.end() :] if match and match.end() < len(line) else line


def is_byline(line: str) -> bool:
    """True for a line that holds only a byline, a reporter e-mail, a bracketed byline
    (``[한빛일보 홍길동 기자]``), or a bracketed dateline with nothing after it
    (``[한빛일보=홍길동 기자]`` closing the article, ``(서울=연합뉴스)``)."""
    if BYLINE_LINE_RE.match(line) or EMAIL_LINE_RE.match(line) or BRACKET_BYLINE_RE.match(line):
        return True
    dateline = DATELINE_RE.match(line)
    return dateline is not None and not line[dateline.end() :].strip()


def clean_author(raw: str) -> list[str]:
    """Names from one author value: ``By 홍길동 기자 외 1명`` → ``["홍길동"]``."""
    with_role = [n for m in _NAMES_BEFORE_ROLE_RE.finditer(raw) for n in re.split(r"\s*[·,]\s*", m.group(1))]
    if with_role:
        return [n for n in with_role if n not in _NOT_NAMES]
    text = re.sub(r"^\s*(?:by|글|기자)\s*[:=]?\s*", "", raw, flags=re.IGNORECASE)
    text = re.sub(r"[\w.+-]+@[\w.-]+|\(.*?\)|\[.*?\]|외\s*\d+\s*명", " ", text)
    names = []
    for part in _SPLIT_RE.split(text):
        part = _ROLE_WORD_RE.sub("", part).strip()
        if _NAME_RE.match(part) and part not in _NOT_NAMES:
            names.append(part)
    return names


def merge_authors(groups: Iterable[Iterable[str]], exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """Deduplicated names, first source first, without site names; at most ``MAX_AUTHORS``."""
    skip = {e.replace(" ", "") for e in exclude}
    names: list[str] = []
    for group in groups:
        for name in group:
            if name.replace(" ", "") not in skip and name not in names:
                names.append(name)
    return tuple(names[:MAX_AUTHORS])
