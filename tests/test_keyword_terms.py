"""Keywords are terms, judged by the written text rather than by the rule's own noun runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.analyse import analyse
from nlp.digest import title_terms_of
from nlp.keywords import keywords, noun_runs
from tests.support.terms import written_fragment

ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "summaries" / "articles.jsonl"
FRAGMENT_CEILING = 0.02  # issue 18: at most 2% of the top-10 keywords are fragments
MEASURED_HEADLINE_RECALL = 0.618  # bench/quality.py, 90 articles


def test_a_piece_of_a_written_word_is_a_fragment_and_a_term_that_heads_longer_ones_is_not() -> None:
    assert written_fragment("봄학교", "늘봄학교는 확대된다. 늘봄학교 참여 학생이 늘었다.")
    assert written_fragment("빼미버스", "올빼미버스가 달린다. 새 올빼미버스 노선이다.")
    # a term written on its own most of the time stays a term beside its longer compounds
    assert not written_fragment("드론", "드론이 날았다. 드론업체가 만든 드론은 가볍다.")
    # counters glued to a number begin a word of their own
    assert not written_fragment("학년", "3학년 학생과 4학년 학생이 참여한다.")


@pytest.mark.parametrize(
    ("title", "body", "term", "piece"),
    [
        (  # a ministry release: a school programme whose name Kiwi reads as 늘/MAG + 봄 + 학교
            "늘봄학교 3학년까지 확대",
            "교육부는 늘봄학교를 3학년까지 넓힌다고 밝혔다. 늘봄학교에 참여하는 학생은 간식을 받는다. "
            "늘봄학교 프로그램은 매일 2시간 운영된다. 학부모들은 늘봄학교에 만족한다고 답했다.",
            "늘봄학교",
            "봄학교",
        ),
        (  # a city notice in another register: a night-bus brand name
            "심야 올빼미버스 새 노선",
            "서울시는 올빼미버스 노선을 새로 만든다. 올빼미버스는 밤 11시 30분부터 다닌다. "
            "시민들은 올빼미버스 요금이 같다는 점을 반겼다. 시는 올빼미버스 배차를 늘린다.",
            "올빼미버스",
            "빼미버스",
        ),
    ],
)
def test_compound_names_stay_whole_and_no_keyword_is_a_fragment(
    title: str, body: str, term: str, piece: str
) -> None:
    top = keywords(analyse(body), 10, [t.term for t in title_terms_of(title)])
    assert term in top and piece not in top
    assert not [k for k in top if written_fragment(k, body)]


def test_fragments_stay_under_the_ceiling_on_real_articles() -> None:
    if not ARTICLES.exists():
        pytest.skip(f"no evaluation data at {ARTICLES} (../shared/eval is absent from a fresh clone)")
    shown = fragments = wanted = found = 0
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        text = "\n".join(doc["sentences"])
        top = keywords(analyse(text), 10, [t.term for t in title_terms_of(doc.get("title"))])
        shown += len(top)
        fragments += sum(1 for k in top if written_fragment(k, text))
        if doc.get("title"):
            headline = analyse(doc["title"])
            nouns = {r.text for r in noun_runs(tuple(headline.morphemes()), doc["title"]) if len(r.text) >= 2}
            wanted += len(nouns)
            found += sum(1 for n in nouns if any(n in k or k in n for k in top))
    assert fragments / shown <= FRAGMENT_CEILING, f"{fragments} of {shown} keywords are fragments"
    assert found / max(wanted, 1) >= MEASURED_HEADLINE_RECALL - 0.1
