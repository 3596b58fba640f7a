"""Excerpts: the opening of an article, whole sentences where they fit, never cut mid-word."""

from __future__ import annotations

import re

from newsdesk.defaults import EXCERPT_CHARS
from nlp.analyse import Analysis, Sentence
from nlp.marks import BULLETS, DASHES, char_class

# A leading dateline or byline: [서울=뉴시스], (세종=연합뉴스) 홍길동 기자 =, 【대전=한빛일보】
_DATELINE = re.compile(
    r"^\s*(?:[\[(（【〈<][^\])）】〉>]{1,30}=[^\])）】〉>]{0,30}[\])）】〉>]\s*)"
    r"(?:[가-힣]{2,4}\s*(?:기자|특파원)(?:\s*[=·,]\s*[가-힣]{2,4}\s*(?:기자|특파원))*\s*=?\s*)?"
    r"|^\s*[가-힣]{2,4}\s*(?:기자|특파원)\s*=\s*"
)
_NOT_PROSE = re.compile(
    rf"(?:사진|자료|그래픽|제공|출처)\s*[=:]|[\w.+-]+@[\w-]+\.\w|^\s*{char_class(DASHES + BULLETS)}"
)
_CLAUSE_TAGS = frozenset({"EC", "SP", "SC", "SF"})
ELLIPSIS = "…"


def excerpt(analysis: Analysis, max_chars: int = EXCERPT_CHARS) -> str:
    """Up to `max_chars` characters from the article's first prose sentences."""
    prose = [s for s in analysis.sentences if _is_prose(s)] or list(analysis.sentences)
    parts: list[str] = []
    used = 0
    for sentence in prose:
        text = _strip_dateline(sentence.text) if not parts else sentence.text.strip()
        if not text:  # a dateline on a line of its own
            continue
        extra = len(text) + (1 if parts else 0)
        if used + extra <= max_chars:
            parts.append(text)
            used += extra
            continue
        if not parts:
            parts.append(_cut(sentence, text, max_chars))
        break
    return " ".join(parts)


def _is_prose(sentence: Sentence) -> bool:
    text = sentence.text.strip()
    return len(text) >= 10 and not _NOT_PROSE.search(text)


def _strip_dateline(text: str) -> str:
    return _DATELINE.sub("", text, count=1).strip()


def _cut(sentence: Sentence, text: str, max_chars: int) -> str:
    """Cut `text` (a suffix of the sentence) at the last clause boundary that fits, then add '…'."""
    shift = sentence.text.rstrip().find(text) + sentence.start
    limit = max_chars - len(ELLIPSIS)
    cut = 0
    for m in sentence.morphemes:
        end = m.end - shift
        if 0 < end <= limit and m.tag in _CLAUSE_TAGS and _at_word_end(text, end):
            cut = end
    if cut == 0:
        cut = text.rfind(" ", 0, limit + 1)
    if cut <= 0:
        cut = limit
    return text[:cut].rstrip(" ,·") + ELLIPSIS


def _at_word_end(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalnum()
