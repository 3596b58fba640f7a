"""Keywords that are terms: whole compound nouns, weighted by frequency and position, generic words down.

A term is a run of nouns written without a space (Kiwi's NNG/NNP, plus Latin and Hanja), taken
whole: 아동수당, 올빼미버스; a prefix Kiwi leaves outside the nouns but glued to them at the start
of the word comes with it (늘봄학교, which Kiwi reads 늘/MAG + 봄 + 학교). A term is never a part of
longer terms more often than a term of its own in the same text (봄학교 beside 늘봄학교), never a number or
a unit, and words that are generic in news (a short shipped list, and any term found in a large
share of the stored articles: ``generic``) are ranked down.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nlp.analyse import Analysis, Morpheme

_NOUNS = frozenset({"NNG", "NNP", "SL", "SH"})
_PREFIX_TAGS = frozenset({"MAG", "MM", "XPN", "NNB"})  # read apart by Kiwi, yet part of the written word
_MAX_RUN = 4
# Nouns that name no subject of their own in news: time words, quantities, reporting furniture.
GENERIC_NEWS = frozenset(
    [
        "자료",
        "분석",
        "일대",
        "올해",
        "내년",
        "지난해",
        "작년",
        "이번",
        "오늘",
        "최근",
        "당시",
        "현재",
        "이상",
        "이하",
        "미만",
        "이후",
        "이전",
        "가운데",
        "관계자",
        "경우",
        "정도",
        "내용",
        "결과",
        "방안",
        "계획",
        "방침",
        "예정",
        "관련",
        "대상",
        "기준",
        "부분",
        "모두",
        "전국",
        "기자",
        "사진",
        "제공",
        "설명",
        "발표",
        "지역",
        "시작",
        "마련",
        "추진",
        "진행",
        "운영",
        "확인",
        "이날",
        "하루",
        "매년",
        "매일",
        "평균",
        "전체",
        "일부",
        "대부분",
        "등",
        "수준",
        "상황",
        "필요",
    ]
)
GENERIC_WEIGHT = 0.25  # a shipped generic word keeps a quarter of its weight
MIN_CORPUS = 20  # stored articles needed before their document frequencies are trusted
_UNIT = re.compile(r"^(?:km|kg|cm|mm|ml|m|g|l|t|kwh|mwh|mw|gw|ha|[%㎞㎡㎏℃])$", re.IGNORECASE)
_NUMBERISH = re.compile(r"^[\d.,\s]+$")


@dataclass(frozen=True, slots=True)
class NounRun:
    """A run of nouns as written (with a glued prefix), and its noun parts."""

    text: str
    parts: tuple[str, ...]


def keywords(
    analysis: Analysis,
    limit: int = 10,
    title_terms: Sequence[str] = (),
    generic: Mapping[str, float] | None = None,
) -> list[str]:
    """Up to `limit` terms, most telling first; `generic` maps a term to the share of stored
    articles that contain it (``search.generic_terms``): the higher, the lower it ranks."""
    weight: dict[str, float] = {}
    title = {t.lower() for t in title_terms}
    total = max(len(analysis.sentences), 1)
    runs: Counter[str] = Counter()
    for sentence in analysis.sentences:
        position = 1.0 + 0.5 * (1 - sentence.index / total)
        for run in noun_runs(sentence.morphemes, analysis.text):
            runs[run.text] += 1
            if not _is_term(run):
                continue
            bonus = 1.5 if title and all(p.lower() in title for p in run.parts) else 1.0
            gain = position * bonus * (1 + 0.3 * (len(run.parts) - 1))
            weight[run.text] = weight.get(run.text, 0.0) + gain
    for term in weight:
        weight[term] *= _generic_factor(term, generic)
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    terms = [phrase for phrase, _ in ranked if not is_fragment(phrase, runs)]
    out: list[str] = []
    for phrase in terms:
        if len(out) >= limit:
            break
        if any(phrase != longer and phrase in longer for longer in terms[: limit + len(out)]):
            continue  # a longer term holding it is as telling: 아동 beside 아동수당

        out.append(phrase)
    return out


def is_fragment(term: str, runs: Mapping[str, int]) -> bool:
    """A part of longer terms of the text more often than a term of its own (봄학교 of 늘봄학교)."""
    inside = sum(n for run, n in runs.items() if run != term and term in run)
    return inside > runs.get(term, 0)


def noun_runs(morphemes: Sequence[Morpheme], text: str) -> list[NounRun]:
    """The noun runs of a sentence as written: adjacent nouns with no space between them, plus a
    prefix glued to the run at the start of its word (늘 of 늘봄학교)."""
    runs: list[NounRun] = []
    current: list[Morpheme] = []
    for m in morphemes:
        if m.tag in _NOUNS and current and m.start == current[-1].end:
            current.append(m)
            continue
        if current:
            runs.append(_run(current, morphemes, text))
        current = [m] if m.tag in _NOUNS else []
    if current:
        runs.append(_run(current, morphemes, text))
    return runs


def _run(run: list[Morpheme], morphemes: Sequence[Morpheme], text: str) -> NounRun:
    start = run[0].start
    before = [m for m in morphemes if m.end == start]
    if before and before[0].tag in _PREFIX_TAGS and _word_start(before[0], morphemes):
        start = before[0].start
    return NounRun(text[start : run[-1].end], tuple(m.form for m in run))


def _word_start(m: Morpheme, morphemes: Sequence[Morpheme]) -> bool:
    """Nothing is written right before the morpheme: it opens a word."""
    return not any(other.end == m.start and other is not m for other in morphemes)


def _is_term(run: NounRun) -> bool:
    """A candidate term: at most four nouns, two characters or more, not a number or a unit."""
    if len(run.parts) > _MAX_RUN or len(run.text) < 2:
        return False
    return not (_UNIT.match(run.text) or _NUMBERISH.match(run.text))


def _generic_factor(term: str, generic: Mapping[str, float] | None) -> float:
    """How much of its weight a term keeps: less for shipped generic words and for terms that
    many stored articles contain."""
    factor = GENERIC_WEIGHT if term in GENERIC_NEWS else 1.0
    if generic:
        factor *= max(0.1, 1.0 - generic.get(term, 0.0)) ** 2
    return factor
