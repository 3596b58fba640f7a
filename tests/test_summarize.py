"""Extractive summaries on Korean news written here: faithful, ordered, bounded, and free of captions."""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from nlp.analyse import Analysis, analyse, kiwi
from nlp.summarize import SummarySentence, summarise

CAPTION = "사진=보건복지부 제공 아동수당 확대 브리핑 모습"
PHOTO = "▲ 보건복지부 차관이 아동수당 지급 대상 확대 계획을 발표하고 있다."
BYLINE = "김하늘 기자 sky@newsdesk.example.kr"
DATELINE = "[세종=뉴스데스크]"
DECK = "아동수당 만 9세 미만까지…내년 1월부터 41만 명 추가"

LEAD = "보건복지부는 내년 1월부터 아동수당 지급 대상을 만 9세 미만으로 확대한다고 5일 밝혔다."
NEAR_REPEAT = "보건복지부는 내년 1월부터 아동수당 지급 대상을 만 9세 미만으로 확대한다고 이날 밝혔다."

BODY = [
    LEAD,
    "이번 확대로 만 8세 아동 약 41만 명이 새로 아동수당을 받게 되며, 지급액은 1인당 월 10만 원이다.",
    "아동수당은 양육에 드는 경제적 부담을 덜고 아동의 기본적 권리를 보장하기 위해 2018년 9월 도입됐다.",
    "부모의 소득이나 재산과 관계없이 지급 연령에 해당하는 모든 아동이 아동수당을 받을 수 있다.",
    "정부는 2029년까지 지급 연령을 매년 1세씩 높여 만 12세 미만 아동까지 지원할 계획이다.",
    "이를 위해 내년 예산에 국비 2조 6430억 원을 반영했으며, 이는 올해보다 3870억 원 늘어난 규모다.",
    "새로 대상이 되는 아동의 보호자는 주민센터를 방문하거나 복지로 누리집에서 신청하면 된다.",
    "신청은 내년 1월 2일부터 받으며, 1월 중 신청하면 1월분부터 소급해 받을 수 있다.",
    "복지부는 신청 누락을 막기 위해 전국 229개 시군구와 함께 대상 가정에 안내문을 보낼 예정이다.",
    "지방자치단체들도 자체 홍보에 나서 읍면동 주민센터에 전담 창구를 마련하기로 했다.",
    "전문가들은 지급 연령 확대가 저출생 대응에 어느 정도 도움이 될 것으로 내다봤다.",
    "다만 현금 지원만으로는 한계가 있어 돌봄과 주거 지원을 함께 늘려야 한다는 지적도 나온다.",
    "복지부 관계자는 지자체와 긴밀히 협력해 대상 아동이 빠짐없이 수당을 받도록 하겠다고 말했다.",
    "한편 복지부는 다음 달 아동수당 제도 개선을 위한 공청회를 열어 현장 의견을 들을 계획이다.",
]
ARTICLE = "\n".join([DECK, DATELINE, BYLINE, *BODY[:3], CAPTION, PHOTO, *BODY[3:]])


def _check_faithful(analysis: Analysis, chosen: list[SummarySentence]) -> None:
    for sentence in chosen:
        assert analysis.text[sentence.start : sentence.end] == sentence.text
        assert analysis.sentences[sentence.index].text == sentence.text
    assert [s.start for s in chosen] == sorted(s.start for s in chosen)
    assert len({s.index for s in chosen}) == len(chosen)


@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_sentences_are_verbatim_with_offsets_and_in_source_order(k: int) -> None:
    analysis = analyse(ARTICLE)
    chosen = summarise(analysis, k)
    assert chosen
    _check_faithful(analysis, chosen)


def test_count_is_respected() -> None:
    analysis = analyse(ARTICLE)
    assert len(summarise(analysis, 1)) == 1
    assert len(summarise(analysis, 2)) == 2
    assert len(summarise(analysis, 3)) == 3  # 14 prose sentences: three are wanted and allowed
    assert len(summarise(analysis, 10)) <= 10
    assert summarise(analysis, 0) == []


def test_the_lead_is_chosen() -> None:
    assert LEAD in [s.text for s in summarise(analyse(ARTICLE), 3)]


@pytest.mark.parametrize("max_chars", [30, 60, 100, 150, 200, 300, 1000])
def test_max_chars_is_respected(max_chars: int) -> None:
    analysis = analyse(ARTICLE)
    chosen = summarise(analysis, 5, max_chars=max_chars)
    assert sum(len(s.text) for s in chosen) <= max_chars
    _check_faithful(analysis, chosen)
    if max_chars >= len(LEAD):
        assert chosen, "a sentence that fits is always found"


@pytest.mark.parametrize("k", [1, 2, 3, 5, 20])
def test_captions_bylines_datelines_and_decks_are_never_chosen(k: int) -> None:
    texts = {s.text.strip() for s in summarise(analyse(ARTICLE), k)}
    for line in (CAPTION, PHOTO, BYLINE, DATELINE, DECK):
        assert not any(line in t or t in line for t in texts), line


@pytest.mark.parametrize("k", [2, 3, 5])
def test_a_near_repeat_of_a_chosen_sentence_is_not_chosen(k: int) -> None:
    # right after the lead, the repeat is as central and as early as the lead itself
    text = "\n".join([LEAD, NEAR_REPEAT, *BODY[1:]])
    chosen = [s.text for s in summarise(analyse(text), k)]
    assert not (LEAD in chosen and NEAR_REPEAT in chosen)
    assert LEAD in chosen or NEAR_REPEAT in chosen


def test_a_short_article_gives_what_it_has() -> None:
    text = "\n".join(BODY[:2])
    analysis = analyse(text)
    chosen = summarise(analysis, 5)
    assert [s.text for s in chosen] == BODY[:2]
    _check_faithful(analysis, chosen)


def test_text_without_prose_still_gives_a_sentence_but_never_a_byline() -> None:
    chosen = summarise(analyse("\n".join([DECK, BYLINE])), 3)
    assert [s.text for s in chosen] == [DECK]


# quality floor on real articles (../shared/eval, absent from a fresh clone) -------------------------

ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "summaries" / "articles.jsonl"
MEASURED_EXT_R2 = 55.5  # eval_summary.py, project column, k=3, 90 articles
MEASURED_ABS_R2 = 35.5  # the same, against the 55 human summaries
_CLEAN = re.compile(r"[^A-Za-z0-9가-힣]")


def _morphs(text: str) -> list[str]:
    return [t.form for t in kiwi().tokenize(_CLEAN.sub(" ", text.lower()))]


def _rouge2(hypothesis: str, reference: str) -> float:
    h, r = _morphs(hypothesis), _morphs(reference)
    hb, rb = Counter(pairwise(h)), Counter(pairwise(r))
    overlap = sum((hb & rb).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(hb.values()), overlap / sum(rb.values())
    return 2 * precision * recall / (precision + recall)


def test_quality_floor_on_real_articles() -> None:
    if not ARTICLES.exists():
        pytest.skip(f"no evaluation data at {ARTICLES} (../shared/eval is absent from a fresh clone)")
    scores, human = [], []
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        chosen = " ".join(s.text for s in summarise(analyse("\n".join(doc["sentences"])), 3))
        scores.append(_rouge2(chosen, " ".join(doc["sentences"][i] for i in doc["extractive"])))
        if doc.get("abstractive"):
            human.append(_rouge2(chosen, doc["abstractive"]))
    mean = 100 * sum(scores) / len(scores)
    assert mean >= MEASURED_EXT_R2 - 2, f"extractive ROUGE-2 {mean:.1f} fell below {MEASURED_EXT_R2 - 2:.1f}"
    abstractive = 100 * sum(human) / len(human)
    assert abstractive >= MEASURED_ABS_R2 - 2, f"abstractive ROUGE-2 {abstractive:.1f} fell below floor"
