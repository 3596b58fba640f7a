"""Index pages and the boxes around an article: a young board's short post numbers, a thumbnail's
link beside each headline's, boards laid out in ``div`` rows, and a previous/next box with
summaries after the text. Each rule on two templates written here."""

from __future__ import annotations

import pytest

from nlp.extract import extract_page

TITLES = [
    "복지관 5월 프로그램 일정 안내",
    "어르신 건강 체조 교실 수강생 모집",
    "가정의 달 맞이 효 잔치 개최 안내",
    "여름철 무더위 쉼터 운영 시간 변경",
    "자원봉사자 정기 교육 일정 공지",
    "장애인 일자리 사업 참여자 모집 공고",
    "경로식당 식단표 5월 둘째 주 안내",
    "복지관 주차장 보수 공사 안내",
    "치매 예방 프로그램 2기 모집",
    "후원 물품 전달식 결과 보고",
]
HEAD = '<html><head><meta charset="utf-8"><title>공지사항 | 한빛복지관</title></head><body>'
NAV = (
    '<header><a href="/">한빛복지관</a><ul><li><a href="/about">소개</a></li>'
    '<li><a href="/bbs">알림</a></li></ul></header>'
)


def _board_table(link: str) -> bytes:
    rows = "".join(
        f'<tr><td>{n}</td><td><a href="{link.format(n=n)}">{t}</a></td><td>2024-05-0{n % 9 + 1}</td></tr>'
        for n, t in enumerate(TITLES, 1)
    )
    return f"""{HEAD}{NAV}<h3>공지사항</h3><table>
<thead><tr><th>번호</th><th>제목</th><th>날짜</th></tr></thead><tbody>{rows}</tbody></table></body></html>""".encode()


def _board_list(link: str) -> bytes:
    items = "".join(
        f'<li><a href="{link.format(n=n)}">{t}</a><span class="date">2024.05.0{n % 9 + 1}</span></li>'
        for n, t in enumerate(TITLES, 1)
    )
    return f"""{HEAD}{NAV}<h3>공지사항</h3><ul class="bbs_list">{items}</ul></body></html>""".encode()


@pytest.mark.parametrize(
    "page",
    [
        _board_table("/bbs/board.php?bo_table=notice&amp;wr_id={n}"),
        _board_list("/board/view.do?bbsNo=12&amp;nttNo={n}"),
    ],
)
def test_a_young_boards_short_post_numbers_still_name_posts(page: bytes) -> None:
    extracted = extract_page(page)
    assert extracted.kind == "listing"
    assert len(extracted.links) == len(TITLES)


def _thumbs_list(n: int, title: str) -> str:
    link = f"/news/articleView.html?idxno={3400 + n}"
    thumb = f'<a href="{link}"><img src="/t{n}.jpg" alt=""></a>'
    return f'<li>{thumb}<p class="tit"><a href="{link}">{title}</a></p></li>'


def _thumbs_cards(n: int, title: str) -> str:
    link = f"/cardnews/view.do?id={3400 + n}"
    thumb = f'<a href="{link}"><img src="/c{n}.jpg"></a>'
    return f'<div class="card">{thumb}<strong><a href="{link}">{title}</a></strong></div>'


@pytest.mark.parametrize(("item", "box"), [(_thumbs_list, "ul"), (_thumbs_cards, "div")])
def test_a_thumbnails_link_beside_each_headline_keeps_the_index(item, box) -> None:  # type: ignore[no-untyped-def]
    items = "".join(item(n, t) for n, t in enumerate(TITLES))
    page = f"""<html><head><meta charset="utf-8"><title>포토 | 가온일보</title></head><body>{NAV}
<h2>포토</h2><{box} class="gallery">{items}</{box}></body></html>""".encode()
    extracted = extract_page(page)
    assert extracted.kind == "listing"
    assert len(extracted.links) == len(TITLES)


def _div_rows(row: str) -> bytes:
    rows = "".join(
        f'<div {row}><div class="td">{n}</div><div class="td title">'
        f"<a href=\"javascript:fn_view('{3000 + n}');\">{t}</a></div>"
        f'<div class="td">24.05.0{n % 9 + 1}</div></div>'
        for n, t in enumerate(TITLES, 1)
    )
    return f"""{HEAD}{NAV}<h3>공지사항</h3><div class="board_list">{rows}</div></body></html>""".encode()


@pytest.mark.parametrize("row", ['class="tr"', 'role="row" class="list"'])
def test_a_board_laid_out_in_div_rows_opening_posts_by_script_is_an_index(row: str) -> None:
    assert extract_page(_div_rows(row)).kind == "listing"


STORY = (
    "가람시 무인민원발급기 10대 확대",
    [
        "가람시는 주민센터 10곳에 무인민원발급기를 새로 설치했다고 3일 밝혔다.",
        "발급기에서는 주민등록등본과 가족관계증명서 등 80여 종을 뗄 수 있다고 시는 설명했다.",
        "시는 연말까지 지하철역 다섯 곳에도 발급기를 더 둘 계획이다.",
    ],
)
OTHER = ("가람시 도서관 야간 개관", "가람시는 시립도서관 3곳의 운영 시간을 오후 10시까지 연장한다고 밝혔다.")
NEXT = ("가람시 공영주차장 요금 인하", "가람시는 다음 달부터 공영주차장 요금을 30% 내린다고 밝혔다.")


def _prev_next_dl() -> str:
    return "".join(
        f'<dl><dt>{label}</dt><dd><a href="/news/articleView.html?idxno={n}">{t}</a><p>{s}</p></dd></dl>'
        for label, n, (t, s) in (("이전기사", 1101, OTHER), ("다음기사", 1103, NEXT))
    )


def _prev_next_ul() -> str:
    return "".join(
        f'<li><span>{label}</span><a href="/news/view.php?no={n}">{t}</a> <em>{s}</em></li>'
        for label, n, (t, s) in (("이전글", 1101, OTHER), ("다음글", 1103, NEXT))
    )


@pytest.mark.parametrize(
    "box", [f'<div class="prevnext">{_prev_next_dl()}</div>', f"<ul>{_prev_next_ul()}</ul>"]
)
def test_a_previous_and_next_box_with_summaries_after_the_text_is_not_text(box: str) -> None:
    title, lines = STORY
    text = "".join(f"<p>{line}</p>" for line in lines)
    page = f"""<html><head><meta charset="utf-8"><title>{title} - 가온일보</title></head><body>{NAV}
<h1>{title}</h1><p>입력 2024.05.03 15:20</p><div class="article">{text}</div>{box}</body></html>""".encode()
    extracted = extract_page(page)
    assert extracted.title == title
    assert extracted.body.split("\n") == lines


# a site with clean URLs: cards of <article>, a "Read more" beside each headline ---------------------

CARDS = [
    ("214", "한국 현대 도예전 ‘흙과 불 사이’ 가온문화원서 개최"),
    ("213", "세종학당 가을학기 수강생 모집 안내"),
    ("212", "가온 한식 축제 성황리에 마쳐"),
    ("211", "한국 영화의 밤 8월 상영작 안내"),
]


def _article_cards() -> bytes:
    cards = "".join(
        f'<article class="card"><a href="/ko/news/{n}"><img src="/u/{n}.jpg" alt=""><h3>{t}</h3></a>'
        f'<time>2024-10-0{i + 1}</time><a href="/ko/news/{n}" class="more">Read more</a></article>'
        for i, (n, t) in enumerate(CARDS)
    )
    return f"""<html lang="ko"><head><meta charset="utf-8"><title>News – 가온문화원</title></head><body>
<main><h2>News &amp; Notice</h2><div class="grid">{cards}</div></main></body></html>""".encode()


def _more_list() -> bytes:
    items = "".join(
        f'<li><a href="/news/{n}" class="tit">{t}</a><span>2024.10.0{i + 1}</span>'
        f'<a href="/news/{n}" class="btn">더보기</a></li>'
        for i, (n, t) in enumerate(CARDS)
    )
    return f"""<html><head><meta charset="utf-8"><title>새소식 | 가온연구원</title></head><body>
<div id="content"><h2>새소식</h2><ul class="news_list">{items}</ul></div></body></html>""".encode()


@pytest.mark.parametrize("page", [_article_cards(), _more_list()], ids=["article-cards", "li-more"])
def test_short_numbers_ending_clean_paths_with_a_more_link_each_are_an_index(page: bytes) -> None:
    extracted = extract_page(page)
    assert extracted.kind == "listing"
    assert [link.rsplit("/", 1)[-1] for link in extracted.links] == [n for n, _ in CARDS]


def test_a_page_number_ending_a_path_names_no_post() -> None:
    from nlp.listing import _article_like

    assert _article_like("/news/214") and not _article_like("/news/page/3")
