"""Drafts an editor can publish as they are (issue 18): sections from the source's sub-headings,
deck lines kept apart, key facts kept, keywords that are whole terms.

Two pages written here (a ministry release with □/○ parts, a newspaper article with <h3>
sub-heads) and the shipped samples go through the real pipeline (real Kiwi, real SQLite).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from ingest.drafts import regenerate
from ingest.export import render_jekyll
from ingest.pipeline import Origin, ingest
from nlp.analyse import analyse
from nlp.digest import DigestOptions, digest
from nlp.keywords import MIN_CORPUS, is_fragment, keywords, noun_runs
from nlp.sections import heading_spans, split_sections
from nlp.summarize import fact_weight, is_dependent, summarise
from search.generic_terms import refresh, shares
from store.db import Database
from store.models import Article, Draft
from tests.support.pages import article_html, manifest, sample
from tests.support.sections import (
    NEWS,
    NEWS_HEADINGS,
    NEWS_URL,
    RELEASE,
    RELEASE_HEADINGS,
    RELEASE_URL,
)

# the facts a reader of each page needs, as the source writes them
SAMPLE_FACTS = {
    "01": ["2026년 1월 2일부터", "1월 31일까지 신청하면 1월분부터 소급", "2조 6,430억 원"],
    "03": ["12월 19일부터", "밤 11시 30분부터", "2,500원"],
}
H2 = re.compile(r'<h2 data-ke-size="size26">(.*?)</h2>')


def _ingest(db: Database, raw: bytes, url: str, source: str) -> tuple[Article, Draft, str]:
    outcome = ingest(db, raw, Origin(url, source=source), DigestOptions(sentences=3))
    assert outcome.article_id is not None, outcome
    with db.transaction() as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None and article.draft is not None
        return article, article.draft, render_jekyll(article.draft)


def _body_sections(post: str) -> list[tuple[str, str]]:
    """(heading, the section's HTML up to the next heading) of an exported post's body."""
    body = post.split("\n---\n", 1)[1]
    found = list(H2.finditer(body))
    return [
        (m.group(1), body[m.end() : found[n + 1].start() if n + 1 < len(found) else len(body)])
        for n, m in enumerate(found)
    ]


def _front(post: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(post[4:].split("\n---\n", 1)[0])
    return loaded


def _assert_verbatim(post: str, article: Article, headline: str) -> None:
    """Every heading is the headline or a source line; every bold span is a source sentence."""
    lines = {line.strip().lstrip("□■◆▲○ ") for line in article.body.splitlines()}
    for heading, section in _body_sections(post):
        assert heading == headline or heading in lines or heading == "함께 보도한 곳", heading
        for bold in re.findall(r"<b>(.*?)</b>", section):
            assert bold.replace("&quot;", '"') in article.body, bold


@pytest.mark.parametrize(
    ("page", "url", "headings"), [(RELEASE, RELEASE_URL, RELEASE_HEADINGS), (NEWS, NEWS_URL, NEWS_HEADINGS)]
)
def test_a_draft_has_one_section_per_source_sub_heading(
    db: Database, page: str, url: str, headings: list[str]
) -> None:
    article, _, post = _ingest(db, page.encode(), url, "테스트")
    assert [article.body[a:b].lstrip("□ ") for a, b in article.sections or []] == headings
    sections = _body_sections(post)
    # the part before the first sub-heading under the headline, then each sub-heading verbatim
    assert [h for h, _ in sections] == [article.title, *headings]
    for heading, html_part in sections:
        assert "<b>" in html_part, heading  # each section has its own key sentence
    _assert_verbatim(post, article, article.title)


def test_the_key_sentence_of_a_section_comes_from_that_section(db: Database) -> None:
    article, draft, _ = _ingest(db, RELEASE.encode(), RELEASE_URL, "행정안전부")
    parts = split_sections(article.body, article.sections or [])
    owners = [
        next(n for n, p in enumerate(parts) if p.start <= s["start"] < p.end) for s in draft.key_sentences
    ]
    assert set(owners) == set(range(len(parts)))  # every section, none left without a sentence


def test_a_release_draft_keeps_its_key_facts_and_deck_lines(db: Database) -> None:
    _, _, post = _ingest(db, RELEASE.encode(), RELEASE_URL, "행정안전부")
    body = post.split("\n---\n", 1)[1]
    for fact in ("1,200억 원", "2026년 3월 2일부터", "12월 31일까지"):
        assert fact in body, fact
    assert _front(post)["feature_text"].splitlines() == [
        "월 최대 20만 원씩 12개월 지원",
        "2026년 3월 2일부터 복지로에서 신청 접수",
    ]


@pytest.mark.parametrize("prefix", ["01", "03"])
def test_the_samples_export_with_their_key_facts_and_apart_deck_lines(db: Database, prefix: str) -> None:
    raw, item = sample(prefix)
    article, _, post = _ingest(db, raw, item["url"], item["source"])
    body = post.split("\n---\n", 1)[1]
    for fact in SAMPLE_FACTS[prefix]:
        assert fact in body, fact
    deck = _front(post)["feature_text"].splitlines()
    assert len(deck) == 2 and all(line in (article.lead or "").splitlines() for line in deck)
    # no sub-headings in these pages: today's shape, one section under the headline
    assert [h for h, _ in _body_sections(post)] == [article.title]
    _assert_verbatim(post, article, article.title)


def test_the_sectioned_sample_exports_one_section_per_source_sub_heading(db: Database) -> None:
    raw, item = sample("07")  # a release in a board table whose <h4> sub-headings trafilatura drops
    article, _, post = _ingest(db, raw, item["url"], item["source"])
    sections = _body_sections(post)
    assert [h for h, _ in sections] == [article.title, "1. 추진 배경", "2. 달라지는 점", "3. 향후 계획"]
    assert all("<b>" in html for _, html in sections)  # each section shows its own key sentence
    body = post.split("\n---\n", 1)[1]
    for fact in ("2027년 1월 1일부터", "300원", "412억 원"):
        assert fact in body, fact
    _assert_verbatim(post, article, article.title)


def test_a_short_regeneration_still_reaches_past_the_lead_paragraph(db: Database) -> None:
    raw, item = sample("01")
    outcome = ingest(db, raw, Origin(item["url"], source=item["source"]), DigestOptions(sentences=3))
    with db.transaction() as session:
        draft = session.scalars(select(Draft).where(Draft.article_id == outcome.article_id)).one()
        regenerate(draft, 2, None)
        paragraphs = {draft.article.body.count("\n", 0, s["start"]) for s in draft.key_sentences}
        assert len(paragraphs) >= 3
        assert "2026년 1월 2일부터" in render_jekyll(draft)


def test_a_sentence_leaning_on_the_one_before_is_not_chosen_alone() -> None:
    raw, _ = sample("04")
    from nlp.extract import extract_page

    body = extract_page(raw).body
    analysis = analyse(body)
    dependent = next(s for s in analysis.sentences if s.text.startswith("이번 방안은"))
    assert is_dependent(dependent.text)
    for count, budget in [(1, 60), (1, None), (2, None), (3, None), (2, 200)]:
        chosen = {s.index for s in summarise(analysis, count, budget)}
        for index in chosen:
            if is_dependent(analysis.sentences[index].text):
                assert index - 1 in chosen, (count, budget)
    assert dependent.index not in {s.index for s in summarise(analysis, 1, 60)}


def test_dependent_openings_and_key_facts() -> None:
    assert is_dependent("이번 조치로 약 15만 명이 혜택을 받는다.")
    assert is_dependent("○ 이를 위해 예산 1,200억 원을 반영했다.")
    assert not is_dependent("이번달 행사는 취소됐다.") and not is_dependent("정부는 이번 조치로 밝혔다.")
    assert fact_weight("신청은 2026년 3월 2일부터 할 수 있다.") > 1.0
    assert fact_weight("요금은 카드 기준 2,500원이다.") > 1.0
    assert fact_weight("연구진은 쥐 20마리를 관찰했다.") == 1.0  # a number alone is no policy fact
    assert fact_weight("신청 방법은 누리집에 안내돼 있다.") == 1.0  # nor a policy word alone


@pytest.mark.parametrize(
    "item", [m for m in manifest() if not m["file"].startswith("06")], ids=lambda m: m["file"]
)
def test_sample_keywords_are_whole_terms(item: dict[str, str]) -> None:
    from nlp.extract import extract_page
    from tests.support.pages import SAMPLES

    page = extract_page((SAMPLES / item["file"]).read_bytes())
    found = digest(page.body, page.title)
    analysis, top = found.analysis, found.keywords
    runs = Counter(r.text for s in analysis.sentences for r in noun_runs(s.morphemes, analysis.text))
    assert top and not [k for k in top if is_fragment(k, runs)]
    assert not [k for k in top if re.fullmatch(r"[\d.,%]+|km|kg|m|원|명", k)]
    assert not {"자료", "분석", "일대", "올해", "이상"} & set(top)
    if item["file"].startswith("04"):
        assert "늘봄학교" in top and "봄학교" not in top
    if item["file"].startswith("03"):
        assert "올빼미버스" in top


def test_generic_words_from_the_stored_corpus_rank_down(db: Database) -> None:
    text = analyse(
        "협약식은 서울에서 열렸다. 협약식에는 시민 대표가 참석했다. 대표는 협약식 의미를 설명했다."
    )
    assert keywords(text, 1) == ["협약식"]
    assert keywords(text, 1, generic={"협약식": 0.95}) != ["협약식"]
    raw, item = sample("01")
    ingest(db, raw, Origin(item["url"], source=item["source"]), DigestOptions(sentences=3))
    with db.transaction() as session:
        assert refresh(session) == 0  # one article is no corpus: nothing is called generic yet
        assert shares(session) == {}


def test_sub_headings_are_lines_that_head_prose() -> None:
    body = "\n".join(
        [
            "정부는 새 제도를 시행한다고 밝혔다.",
            "1. 추진 배경",
            "그동안 현장의 요구가 많았다.",
            "□ 대상: 만 19~34세",  # a list of marked lines: no heading
            "□ 기간: 12개월",
            "< 향후 계획 >",
            "정부는 제도를 보완할 계획이다.",
            "□ 정부는 내년까지 이 제도를 전국으로 넓힐 계획이다.",  # a marked line of prose: no heading
        ]
    )
    spans = heading_spans(body)
    assert [body[a:b] for a, b in spans] == ["1. 추진 배경", "< 향후 계획 >"]
    parts = split_sections(body, spans)
    assert [p.heading(body) for p in parts] == [None, "1. 추진 배경", "< 향후 계획 >"]
    assert heading_spans(body, marked=["그동안 현장의 요구가 많았다."]) == spans  # prose is never a heading


def test_a_word_in_most_stored_articles_becomes_generic_and_ranks_down(db: Database) -> None:
    topics = ["도서관", "수영장", "주차장", "놀이터", "체육관", "미술관", "복지관", "공원", "시장", "병원"]
    for n in range(MIN_CORPUS):
        topic = topics[n % len(topics)]
        paragraphs = [
            f"시는 {topic} 협약식을 열고 {topic} 운영을 시작한다고 {n + 1}일 밝혔다.",
            f"협약식에는 {topic} 관계 기관 대표들이 참석했으며 {topic} 이용 시간을 늘리기로 했다.",
            f"시는 {topic} 이용자 의견을 듣고 협약식 이후 {topic} 안내를 강화할 계획이다.",
        ]
        page = article_html(f"{topic} 협약식 열려 {n}", paragraphs, site="시청소식")
        outcome = ingest(db, page, Origin(f"https://city.example.kr/news/{n}", source="시청소식"))
        assert outcome.article_id is not None, outcome
    with db.transaction() as session:
        assert refresh(session) > 0
        found = shares(session)
    assert found["협약식"] == 1.0 and found.get("도서관", 0.0) < 0.2
    text = analyse(
        "협약식은 도서관에서 열렸다. 협약식에는 도서관 이용자 대표가 참석했다. 대표는 협약식 의미를 말했다."
    )
    assert keywords(text, 1) == ["협약식"]  # most frequent here…
    assert keywords(text, 1, generic=found) == ["도서관"]  # …but in every stored article


def test_markdown_and_json_exports_keep_the_sections(db: Database) -> None:
    from ingest.export import render_json, render_markdown

    article, draft, _ = _ingest(db, NEWS.encode(), NEWS_URL, "한빛일보")
    with db.transaction() as session:
        draft = session.get(Draft, draft.id)
        assert draft is not None
        data = render_json(draft)
        assert [s["heading"] for s in data["sections"]] == [article.title, *NEWS_HEADINGS]
        assert sum(len(s["key_sentences"]) for s in data["sections"]) == len(data["key_sentences"])
        headings = [line[3:] for line in render_markdown(draft).splitlines() if line.startswith("## ")]
        assert headings == [article.title, *NEWS_HEADINGS]


def test_an_article_stored_before_sections_finds_its_marked_sub_headings(db: Database) -> None:
    article, draft, _ = _ingest(db, RELEASE.encode(), RELEASE_URL, "행정안전부")
    with db.transaction() as session:
        draft = session.get(Draft, draft.id)
        assert draft is not None
        draft.article.sections = None  # as a row migrated by 0013 has it
        regenerate(draft, 3, None)
        headings = [h for h, _ in _body_sections(render_jekyll(draft))]
    assert headings == [article.title, *RELEASE_HEADINGS]  # □ lines need no page to be found


def test_beat_recounts_the_generic_words() -> None:
    from newsdesk.services import beat_schedule

    entry = beat_schedule([])["generic-terms"]
    assert entry["task"] == "newsdesk.generic_terms" and float(entry["schedule"]) >= 3600


def test_background_dated_years_before_the_news_is_not_a_key_sentence(db: Database) -> None:
    raw, item = sample("01")
    _, draft, _ = _ingest(db, raw, item["url"], item["source"])
    chosen = [s["text"] for s in draft.key_sentences]
    assert not [t for t in chosen if "2018년" in t]  # 2018 history in a 2026 policy
    assert any("2026년 1월 2일부터" in t for t in chosen)  # how and when to apply


def test_speaker_labels_and_captions_are_not_sub_headings() -> None:
    body = "[앵커]\n정부가 새 제도를 시행합니다.\n[기자]\n제도는 다음 달부터 시행됩니다."
    assert heading_spans(body) == []
