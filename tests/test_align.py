"""Sentence alignment of outlets against a release, on real Kiwi analyses: two rewrite styles."""

from __future__ import annotations

from nlp.agencies import agencies, credited
from nlp.align import Alignment, Unit, align, figures, units
from nlp.analyse import analyse
from tests.support.coverage import CRITIC, EXPERT, LOCAL, RELEASE


def aligned(outlet: list[str]) -> tuple[Alignment, list[Unit]]:
    release = units(analyse("\n".join(RELEASE)))
    mine = units(analyse("\n".join(outlet)))
    return align(release, mine), release


def test_a_wire_copy_is_copied_sentence_by_sentence_with_its_changed_figure_flagged() -> None:
    """Style 1: whole sentences lifted, particles and endings changed, one figure changed."""
    outlet = [
        RELEASE[0],
        RELEASE[1].replace("약 120만 가구다", "약 125만 가구이다"),  # an ending and a figure
        RELEASE[2].replace("단가도", "단가가"),  # a particle
        CRITIC,
        RELEASE[7],
    ]
    result, _ = aligned(outlet)
    assert [p.kind for p in result.pairs] == ["copied", "copied", "copied", "added", "copied"]
    assert [p.release for p in result.pairs] == [0, 1, 2, None, 7]
    assert result.kept == {0, 1, 2, 7}
    changed = [(a.text, b.text) for p in result.pairs for a, b in p.figure_differs]
    assert changed == [("120만 가구", "125만 가구")]
    assert result.copied_share() == 4 / 5


def test_a_reworded_retelling_is_edited_and_its_own_lines_are_added() -> None:
    """Style 2: the same content reworded (order, words dropped, a split), with local numbers added."""
    outlet = [
        "정부가 올겨울 취약계층 가구의 난방비 지원을 평균 10만 원 늘리기로 했다고 보건복지부가 3일 밝혔다.",
        LOCAL,
        "난방비 지원 예산은 지난해보다 15% 늘어 모두 3,200억 원이 됐다.",
        "읍면동 공무원이 신청하지 않은 가구를 직접 찾아가 방문 상담을 한다.",
        EXPERT,
    ]
    result, _ = aligned(outlet)
    assert [p.kind for p in result.pairs] == ["edited", "added", "edited", "edited", "added"]
    assert [p.release for p in result.pairs] == [0, None, 5, 3, None]
    assert result.kept == {0, 3, 5}
    assert not any(p.figure_differs for p in result.pairs), "reordered figures of equal value agree"
    assert result.pairs[1].novel >= 3  # 서울, 지역, 새로…: what the outlet brings


def test_a_sentence_release_sentences_were_merged_into_keeps_them_all() -> None:
    two = (
        "지원 대상은 기초생활수급 가구와 차상위 계층 등 약 120만 가구로, "
        "에너지바우처 지원 단가도 함께 올라 가스와 등유 구입 부담이 줄어들 전망이다."
    )
    three = (
        "올해 난방비 지원 예산은 모두 3,200억 원으로 지난해보다 15% 늘었고, 신청은 다음 달 31일까지 "
        "주소지 행정복지센터나 복지로 누리집에서 받으며, 신청하지 않은 가구를 찾기 위해 읍면동 공무원이 "
        "직접 방문 상담에 나선다."
    )
    result, _ = aligned([two, three])
    assert [p.kind for p in result.pairs] == ["edited", "edited"]
    assert result.kept == {1, 2, 3, 5, 6}


def test_figures_are_numbers_with_units() -> None:
    found = figures("예산은 1조 2,000억원, 대상은 50만 명으로 12.5% 늘고 2025년 3월 1일부터 3억 5000만원")
    assert [(f.value, f.unit) for f in found] == [
        (1.2e12, "원"),
        (500000, "명"),
        (12.5, "%"),
        (2025, "년"),
        (3, "월"),
        (1, "일"),
        (3.5e8, "원"),
    ]
    assert figures("2천억 원")[0].value == figures("2,000억원")[0].value == 2e11


def test_units_survive_storage() -> None:
    unit = units(analyse(RELEASE[5]))[0]
    assert Unit.from_json(unit.to_json()) == unit


def test_an_outlet_credits_the_release_by_the_bodies_it_names_or_the_word_보도자료() -> None:
    names = agencies(
        "보건복지부는 국토교통부와 함께 정부는 일부 신청을 받는다. 통계청에 따르면 에너지바우처와 "
        "거래처도 식품의약품안전처와 법제처가"
    )
    assert names == ["보건복지부", "국토교통부", "통계청", "식품의약품안전처", "법제처"]
    assert credited("국토교통부가 3일 밝혔다", names) == "국토교통부"
    assert credited("정부가 보도자료를 내고 밝혔다", names) == "보도자료"
    assert credited("정부가 3일 밝혔다", names) is None


def test_nothing_to_align_is_all_added_and_keeps_nothing() -> None:
    mine = units(analyse(CRITIC))
    result = align([], mine)
    assert [p.kind for p in result.pairs] == ["added"] and not result.kept
    assert align(units(analyse("\n".join(RELEASE))), []).copied_share() == 0.0
