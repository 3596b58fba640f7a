"""Words a headline's box holds but does not print as the headline.

Screen-reader words hidden by a class or a style (``<span class="sr-only">새 창 열림</span>``), a
board's badge before the title (``NEW`` in an icon element), and a post's number printed first
(``No. 1234``) are no part of the headline; a headline printed as an image keeps its hidden
words, since they are all the box says. Each rule is checked on a newspaper's view and a public
office's board written here; the templates are made up, no site's page is copied.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

HEAT = (
    "가온시, 폭염 대비 무더위쉼터 150곳 운영",
    [
        "가온시는 여름철 폭염에 대비해 무더위쉼터 150곳을 운영한다고 3일 밝혔다.",
        "쉼터는 경로당과 주민센터, 도서관 등에 마련되며 오후 9시까지 문을 연다.",
        "시는 쉼터마다 냉방기와 생수를 갖추고 담당 공무원을 배치해 어르신의 건강 상태를 살필 계획이다.",
    ],
)
BUS = (
    "한빛구, 심야 마을버스 4개 노선 신설…새벽 2시까지 운행",
    [
        "한빛구는 다음 달부터 심야 마을버스 4개 노선을 새로 운행한다고 3일 밝혔다.",
        "심야 노선은 지하철 막차 시간 이후인 밤 12시부터 새벽 2시까지 20분 간격으로 다닌다.",
        "구는 노선별 이용객을 분석해 내년 상반기에 운행 구간을 조정할 계획이다.",
    ],
)
NAV = (
    '<ul class="gnb"><li><a href="/">홈</a></li><li><a href="/news">뉴스</a></li>'
    '<li><a href="/p">정책</a></li></ul>'
)


def _paper(head: str, lines: list[str]) -> str:
    text = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<html><head><meta charset="utf-8"><title>가람일보</title></head><body>{NAV}
<div class="article-head">{head}<p class="byline">입력 2024.05.03 10:20</p></div>
<div class="article-body">{text}</div><footer>Copyright © 가람일보</footer></body></html>"""


def _board(head: str, lines: list[str]) -> str:
    text = "<br>".join(lines)
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | 한빛구청</title></head><body>{NAV}
<div class="bbs_view">{head}<ul class="info"><li>작성일 2024-05-03</li><li>조회 12</li></ul>
<div class="view_con">{text}</div></div><footer>한빛구청 대표전화 02-000-0000</footer></body></html>"""


HIDDEN = [
    '<h1 class="tit">{title}<span class="sr-only">새 창 열림</span></h1>',
    '<h2 class="subject">{title}<span class="sound_only">본문 바로가기</span></h2>',
    '<h3 class="title">{title}<em style="display: none">공유 레이어 열기</em></h3>',
]
BADGES = [
    '<h3 class="title"><em class="ico_new">NEW</em>{title}</h3>',
    '<div class="subject"><span class="num">No. 1234</span><h4>{title}</h4></div>',
    '<p class="tit"><span class="icon-hot">HOT</span>{title}</p>',
]
Template = Callable[[str, list[str]], str]


@pytest.mark.parametrize("template", [_paper, _board])
@pytest.mark.parametrize("head", HIDDEN)
@pytest.mark.parametrize("story", [HEAT, BUS])
def test_words_hidden_from_sight_are_no_part_of_the_headline(
    template: Template, head: str, story: tuple[str, list[str]]
) -> None:
    title, lines = story
    assert extract_page(template(head.format(title=title), lines).encode()).title == title


@pytest.mark.parametrize("template", [_paper, _board])
@pytest.mark.parametrize("head", BADGES)
@pytest.mark.parametrize("story", [HEAT, BUS])
def test_a_badge_or_post_number_before_the_title_is_no_part_of_it(
    template: Template, head: str, story: tuple[str, list[str]]
) -> None:
    title, lines = story
    assert extract_page(template(head.format(title=title), lines).encode()).title == title


@pytest.mark.parametrize("template", [_paper, _board])
@pytest.mark.parametrize("story", [HEAT, BUS])
def test_a_headline_printed_as_an_image_keeps_its_hidden_words(
    template: Template, story: tuple[str, list[str]]
) -> None:
    title, lines = story
    head = f'<h2 class="tit"><img src="/title.png" alt=""><span class="blind">{title}</span></h2>'
    assert extract_page(template(head, lines).encode()).title == title


@pytest.mark.parametrize("word", ["AI", "K"])
def test_a_latin_word_opening_the_headline_stays(word: str) -> None:
    title = f"{word} 반도체 인재 1000명 키운다…가온시 교육센터 개소"
    head = (
        f'<h2 class="tit"><span class="en">{word}</span> 반도체 인재 1000명 키운다…가온시 교육센터 개소</h2>'
    )
    assert extract_page(_paper(head, HEAT[1]).encode()).title == title


def _region_titled_paper(story: tuple[str, list[str]]) -> bytes:
    """A paper titling its regions for screen readers with hidden headings before its headline."""
    title, lines = story
    text = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>가온일보</title></head>
<body><div id="skip"><a href="#content">본문 바로가기</a></div>
<div id="content"><h1 class="blind">가온일보 기사 본문 영역입니다</h1>
<h2 class="sr-only">기사 제목과 본문</h2>
<div class="view"><h3 class="tit">{title}</h3><p class="date">입력 2024.05.03 10:20</p>
<div class="txt">{text}</div></div></div></body></html>""".encode()


def _board_with_closed_layer(story: tuple[str, list[str]]) -> bytes:
    """An office's board with a notice layer kept closed and a heading hidden from sight by attribute."""
    title, lines = story
    text = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>한빛구청</title></head>
<body><div class="layer_popup" style="display: none">
<h2>시스템 점검 안내: 5월 4일 새벽 서비스가 중단됩니다</h2>
<p>이용에 불편을 드려 죄송합니다.</p></div><h2 aria-hidden="true">한빛구청 알림마당 게시판 본문</h2>
<div class="board_view"><p class="b_title">{title}</p><ul><li>등록일 2024.05.03</li></ul>
<div class="b_content">{text}</div></div></body></html>""".encode()


def test_headings_hidden_from_sight_are_no_headline_and_no_text() -> None:
    for page, (title, lines) in ((_region_titled_paper(HEAT), HEAT), (_board_with_closed_layer(BUS), BUS)):
        extracted = extract_page(page)
        assert extracted.title == title
        assert extracted.body.split("\n") == lines
