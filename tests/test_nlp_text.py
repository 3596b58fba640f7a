"""Pure text helpers on Korean text: excerpts, keywords, categories, canonical URLs, summaries."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from nlp.analyse import analyse
from nlp.category import TAXONOMY, categorise
from nlp.digest import digest
from nlp.excerpt import ELLIPSIS, excerpt
from nlp.keywords import keywords
from nlp.summarize import summarise
from nlp.urls import canonical_url

CHILD_ALLOWANCE = "\n".join(
    [
        (
            "보건복지부는 2026년 1월부터 아동수당 지급 대상을 현행 만 8세 미만에서 만 "
            "9세 미만으로 확대한다고 5일 밝혔다. "
            "이번 조치로 만 8세 아동 약 41만 명이 새로 아동수당을 받게 된다."
        ),
        (
            "아동수당은 아동 양육에 드는 경제적 부담을 덜고 아동의 기본적 권리와 복지를 "
            "보장하기 위해 2018년 9월 처음 도입됐다. "
            "지급액은 아동 1인당 월 10만 원이며, 부모의 소득이나 재산과 관계없이 지급 "
            "연령에 해당하는 모든 아동이 받을 수 있다."
        ),
        (
            "정부는 이번 확대를 시작으로 2029년까지 지급 연령을 매년 1세씩 높여 "
            "최종적으로 만 12세 미만 아동까지 지원할 계획이다. "
            "이를 위해 2026년 예산에 국비 2조 6,430억 원을 반영했으며, 이는 "
            "올해보다 3,870억 원 늘어난 규모다."
        ),
        (
            "복지부는 어린이집 보육료 지원과 함께 아동수당 신청 누락을 막기 위해 전국 "
            "229개 시·군·구와 긴밀한 협력을 이어 갈 방침이다."
        ),
    ]
)

LEAD = "보건복지부는 아동수당 지급 대상을 확대한다고 5일 밝혔다."
SECOND = "이번 조치로 만 8세 아동 약 41만 명이 새로 아동수당을 받게 된다."

SENTENCE_END = re.compile(r"[.?!。\"'”’)]$|다$")


def _first_prose_sentence(text: str) -> str:
    return analyse(text).sentences[0].text


# excerpt -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("max_chars", [12, 20, 30, 45, 60, 80, 100, 120, 160, 240, 400])
def test_excerpt_fits_and_ends_cleanly(max_chars: int) -> None:
    text = excerpt(analyse(CHILD_ALLOWANCE), max_chars)
    assert text, "an excerpt is never empty for a text with prose"
    assert len(text) <= max_chars
    assert text == text.strip()
    assert text.endswith(ELLIPSIS) or SENTENCE_END.search(text), text
    assert text.startswith("보건복지부는")


@pytest.mark.parametrize("max_chars", [20, 30, 45, 60])
def test_excerpt_cut_falls_on_a_word_boundary(max_chars: int) -> None:
    first = _first_prose_sentence(CHILD_ALLOWANCE)
    text = excerpt(analyse(CHILD_ALLOWANCE), max_chars)
    assert text.endswith(ELLIPSIS)
    kept = text[: -len(ELLIPSIS)]
    assert first.startswith(kept), "the excerpt is the sentence's own opening, verbatim"
    following = first[len(kept)]
    assert not following.isalnum(), f"cut mid-word: {kept!r} + {following!r}"


def test_excerpt_takes_whole_sentences_when_they_fit() -> None:
    text = excerpt(analyse(CHILD_ALLOWANCE), 160)
    first = _first_prose_sentence(CHILD_ALLOWANCE)
    assert text.startswith(first)
    assert not text.endswith(ELLIPSIS)
    assert text.endswith("된다.")


@pytest.mark.parametrize(
    "dateline",
    [
        "[서울=뉴시스] ",
        "(세종=연합뉴스) 홍길동 기자 = ",
        "【대전=한빛일보】 김하늘 기자 = ",
        "[세종=뉴스1] 홍길동 기자 = ",
        "홍길동 기자 = ",
    ],
)
def test_excerpt_drops_a_leading_dateline(dateline: str) -> None:
    text = excerpt(analyse(dateline + LEAD + " " + SECOND), 160)
    assert text.startswith("보건복지부는"), text
    assert "=" not in text
    short = excerpt(analyse(dateline + LEAD), 30)
    assert short.startswith("보건복지부는") and len(short) <= 30


def test_excerpt_drops_a_dateline_on_its_own_line() -> None:
    analysis = analyse("(세종=연합뉴스) 홍길동 기자 =\n" + LEAD)
    assert excerpt(analysis, 160) == LEAD
    short = excerpt(analysis, 30)
    assert short.startswith("보건복지부는") and short.endswith(ELLIPSIS)


def test_excerpt_drops_a_full_width_dateline() -> None:
    text = excerpt(analyse("（세종=연합뉴스） 홍길동 기자 = " + LEAD), 160)
    assert text == LEAD


@pytest.mark.parametrize(
    "caption",
    [
        "사진=보건복지부 제공",
        "[사진=연합뉴스] 박은서 인구아동정책관이 5일 정부세종청사에서 브리핑하고 있다.",
        "▲ 박은서 인구아동정책관이 5일 정부세종청사에서 브리핑하고 있다.",
        "자료: 보건복지부 아동정책과 2025년 12월 집계",
        "김하늘 기자 haneul.kim@hanbit-ilbo.example.com",
    ],
)
def test_excerpt_skips_captions_and_contact_lines(caption: str) -> None:
    text = excerpt(analyse(caption + "\n" + LEAD + "\n" + SECOND), 160)
    assert text.startswith("보건복지부는"), text
    assert "사진" not in text and "@" not in text and "▲" not in text


# keywords ----------------------------------------------------------------------------------------


def test_keywords_are_at_most_ten_and_distinct() -> None:
    found = keywords(analyse(CHILD_ALLOWANCE))
    assert 0 < len(found) <= 10
    assert len(set(found)) == len(found)
    assert len(keywords(analyse(CHILD_ALLOWANCE), 3)) <= 3


def test_keywords_carry_no_particles_and_no_bare_numbers() -> None:
    found = keywords(analyse(CHILD_ALLOWANCE))
    for keyword in found:
        assert not re.fullmatch(r"[\d\s,.%~]+", keyword), f"a bare number: {keyword!r}"
        last = list(analyse(keyword).morphemes())[-1]
        assert not last.tag.startswith("J"), f"{keyword!r} ends in the particle {last.form!r}"
        assert not re.search(r"\s(?:을|를|이|가|은|는|의|에)$", keyword), keyword
        assert keyword == keyword.strip()


def test_keywords_keep_compound_noun_runs() -> None:
    assert "아동수당" in keywords(analyse(CHILD_ALLOWANCE))


# category ----------------------------------------------------------------------------------------


def test_child_allowance_is_parenting_with_its_reasons() -> None:
    found = digest(CHILD_ALLOWANCE, "아동수당 지급 대상, 2026년부터 만 9세 미만으로 확대")
    assert found.category.name == "육아"
    assert found.category.reason, "the category says which terms chose it"
    assert set(found.category.reason) <= set(TAXONOMY["육아"])
    assert {"아동", "보육"} & set(found.category.reason)


def test_unrelated_text_gets_the_default_category() -> None:
    recipe = (
        "오늘은 김치찌개 끓이는 법을 소개한다. 돼지고기와 김치를 먼저 볶은 뒤 물을 붓고 끓인다. "
        "두부와 파를 넣고 한소끔 더 끓이면 완성이다."
    )
    plain = digest(recipe, "김치찌개 끓이는 법")
    assert plain.category.name is None and plain.category.reason == ()
    assert categorise(plain.keywords, [t.term for t in plain.terms], default="행정").name == "행정"


def test_default_category_does_not_override_clear_evidence() -> None:
    found = digest(CHILD_ALLOWANCE)
    chosen = categorise(found.keywords, [t.term for t in found.terms], default="교통")
    assert chosen.name == "육아"


# canonical URLs ----------------------------------------------------------------------------------


def test_canonical_url_drops_tracking_paging_search_and_fragment() -> None:
    url = (
        "HTTPS://WWW.Korea.KR:443/briefing/pressReleaseView.do?newsId=148912345&pageIndex=3"
        "&srchWord=%EC%95%84%EB%8F%99&UTM_Source=naver&utm_medium=social#top"
    )
    assert canonical_url(url) == "https://www.korea.kr/briefing/pressReleaseView.do?newsId=148912345"


def test_canonical_url_keeps_identifying_parameters() -> None:
    url = "https://news.naver.com/main/read.naver?mode=LSD&sid1=102&oid=001&aid=0012345678&utm_campaign=x#c"
    canonical = canonical_url(url)
    query = parse_qs(urlsplit(canonical).query)
    assert query["oid"] == ["001"] and query["aid"] == ["0012345678"] and query["sid1"] == ["102"]
    assert "mode" not in query and not any(k.startswith("utm_") for k in query)
    assert "#" not in canonical


def test_canonical_url_maps_tracking_variants_to_one_key() -> None:
    base = "https://www.briefing.example.com/briefing/view.do?newsId=1001"
    variants = [base, base + "&utm_source=naver", base + "&pageIndex=2&srchWord=아동", base + "#body"]
    assert {canonical_url(v) for v in variants} == {base}
    assert canonical_url(canonical_url(variants[2])) == base


def test_canonical_url_drops_a_sites_own_parameters_only_when_asked() -> None:
    url = "https://www.korea.kr/briefing/pressReleaseView.do?newsId=148912345&pWise=sub&repCode=A1"
    assert canonical_url(url, {"pwise", "repcode"}) == (
        "https://www.korea.kr/briefing/pressReleaseView.do?newsId=148912345"
    )
    assert "pWise=sub" in canonical_url(url) and "repCode=A1" in canonical_url(url)
    assert canonical_url(canonical_url(url, {"pwise", "repcode"})) == canonical_url(url, {"pwise", "repcode"})


def test_canonical_url_keeps_non_default_ports_and_file_paths() -> None:
    assert canonical_url("http://Example.com:8080/a?id=1") == "http://example.com:8080/a?id=1"
    assert canonical_url("http://example.com") == "http://example.com/"
    assert canonical_url("file:///tmp/pages/a.html#x") == "file:///tmp/pages/a.html"


# summaries ---------------------------------------------------------------------------------------


def test_summary_sentences_are_verbatim_and_in_source_order() -> None:
    analysis = analyse(CHILD_ALLOWANCE)
    chosen = summarise(analysis, 3)
    assert 1 <= len(chosen) <= 3
    assert [s.index for s in chosen] == sorted(s.index for s in chosen)
    for sentence in chosen:
        assert CHILD_ALLOWANCE[sentence.start : sentence.end] == sentence.text
    limited = summarise(analysis, 5, max_chars=120)
    assert sum(len(s.text) for s in limited) <= 120 or len(limited) == 1
