"""An article's header block (headline, deck, byline) kept out of its body and in its place.

Pages where the article's text is loose lines (``<br>`` between them) in a ``div`` beside its
header block: trafilatura hands the header back after the text, or runs the whole article into one
line. Each rule is checked on two templates written here, and each test first shows what
trafilatura alone gives on them, so it fails without the rule.
"""

from __future__ import annotations

import trafilatura

from nlp.extract import extract_page, parse_html
from nlp.headings import body_heads, first_line_index, page_elements

RENT = (
    "정부, 청년 월세 지원 1년 연장…소득 기준 완화",
    "월 20만원씩 최대 12개월…신청은 다음달부터",
    [
        "정부가 청년 월세 한시 특별지원 사업을 1년 연장한다.",
        "국토교통부는 3일 청년 월세 지원 개편안을 발표했다. 소득 기준은 중위소득 70% 이하로 완화된다.",
        "지원액은 월 최대 20만원으로 최대 12개월간 받을 수 있다. 신청은 다음달 1일부터 할 수 있다.",
        "국토부는 이번 개편으로 약 3만 명이 추가로 지원을 받을 것으로 내다봤다.",
    ],
)
CARE = (
    "한빛구, 모든 초등학교에 돌봄 교실…운영비 52억 지원",
    "36곳 새로 설치, 평일 오후 7시까지 운영",
    [
        "서울 한빛구가 내년부터 모든 초등학교에 방과후 돌봄 교실을 하나 이상 설치한다.",
        "한빛구는 2일 돌봄 종합계획을 발표했다. 돌봄 교실 36곳을 새로 만들고 운영비 52억 원을 지원한다.",
        "돌봄 교실은 평일 오후 7시까지 운영하며 방학 중에는 오전 9시부터 문을 연다.",
        '구 관계자는 "맞벌이 가정의 돌봄 공백을 줄이는 데 힘쓰겠다"고 말했다.',
    ],
)


def _newspaper(story: tuple[str, str, list[str]], copyright: bool = True) -> str:
    """A paper's article: header (headline, deck, byline) in <article>, text as <br> lines."""
    title, deck, lines = story
    notice = '<div class="copyright">저작권자 © 한빛신문 무단전재 및 재배포 금지</div>' if copyright else ""
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>한빛신문</title></head>
<body><div class="top"><a class="logo" href="/">한빛신문</a></div>
<div class="section-name"><h2>사회</h2></div>
<article class="news"><header class="art-head">
<h1 class="art-title">{title}</h1><h2 class="art-sub">{deck}</h2>
<div class="byline"><span>김한빛 기자</span> <span class="date">승인 2025.11.03 14:22</span></div></header>
<div class="art-body" id="articleBody">{"<br><br>".join(lines)}<br><br>김한빛 기자 hanbit@hanbit.news</div>
{notice}</article><aside><h3>많이 본 뉴스</h3><ol><li><a href="/1">다른 기사 제목 첫째</a></li></ol></aside>
</body></html>"""


def _portal(story: tuple[str, str, list[str]]) -> str:
    """Another CMS: a view block of divs (title box with headline, deck and date), no <header>."""
    title, deck, lines = story
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>누리일보</title></head>
<body><div class="gnb"><a href="/">누리일보</a></div>
<article class="view"><div class="view-head"><h1 class="tit">{title}</h1><h2 class="sub-tit">{deck}</h2>
<div class="info"><span>입력 2025.12.02 10:11</span></div></div>
<div class="view-cont" id="articleBody">{"<br><br>".join(lines)}</div></article>
<div class="side"><h3>인기 기사</h3><ul><li><a href="/x">다른 기사 하나</a></li></ul></div></body></html>"""


def _trafilatura_lines(page: str) -> list[str]:
    return (trafilatura.extract(page, favor_recall=True) or "").splitlines()


def test_a_header_block_handed_back_after_the_text_leaves_the_body() -> None:
    for page, (title, deck, lines) in ((_newspaper(RENT), RENT), (_portal(CARE), CARE)):
        # trafilatura alone: the text first, then the headline and the deck as its last lines
        alone = _trafilatura_lines(page)
        assert alone.index(title) > alone.index(lines[-1]) and deck in alone
        extracted = extract_page(page.encode())
        body = extracted.body.split("\n")
        assert body[: len(lines)] == lines
        assert title not in body and deck not in body and "사회" not in body
        assert extracted.title == title  # no longer refused as a sub-heading repeated in the body


def test_a_deck_under_its_headline_is_not_the_headline() -> None:
    """Nearest the text is the deck (<h2> right under the <h1>): the headline is still the <h1>."""
    for page, (title, _deck, _lines) in ((_newspaper(RENT), RENT), (_portal(CARE), CARE)):
        assert extract_page(page.encode()).title == title


def test_a_deck_needs_a_headline_above_it_not_a_site_name() -> None:
    """The headings above the text, nearest first: a deck goes after its headline, but a short <h1>
    (the site's name) right above a headline heading stays where it is."""
    title, deck, lines = CARE
    for top, expected in ((title, [title, deck]), ("누리일보", [deck, "누리일보"])):
        tree = parse_html(
            f"<html><body><div><h1>{top}</h1><h2>{deck}</h2><p>{lines[0]}</p></div></body></html>"
        )
        elements = page_elements(tree)
        assert body_heads(lines[0], elements, first_line_index(elements, lines[0])) == expected


def test_an_article_read_as_one_line_comes_back_in_its_lines_without_its_header() -> None:
    for page, (title, deck, lines) in (
        (_newspaper(RENT, copyright=False), RENT),
        (_newspaper(CARE, False), CARE),
    ):
        alone = _trafilatura_lines(page)
        assert len(alone) == 1 and title in alone[0]  # trafilatura alone: one line, header run in
        extracted = extract_page(page.encode())
        assert extracted.body.split("\n")[: len(lines)] == lines
        assert title not in extracted.body and deck not in extracted.body
        assert extracted.title == title and extracted.authors == ("김한빛",)
