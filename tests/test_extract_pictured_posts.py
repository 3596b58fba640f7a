"""Posts whose text is their pictures (card news, posters): the pictures' ``alt`` words under the
headline are the text, a linked banner's are not. Two templates written here."""

from __future__ import annotations

from nlp.extract import extract_page

TITLE = "[카드뉴스] 한눈에 보는 2024 청년정책"
CARDS = [
    "청년 월세 지원 월 최대 20만원",
    "신청은 가람시 누리집에서",
    "대상은 만 19세부터 34세까지 무주택 청년",
]
BANNER = '<a href="/youth"><img src="/banner.png" alt="가람시 청년정책 한곳에서 바로가기"></a>'


def _portal_view() -> bytes:
    """An office's card-news board: the title box, then the cards as bare images."""
    cards = "".join(f'<img src="/c{i}.jpg" alt="{alt}">' for i, alt in enumerate(CARDS))
    return f"""<html><head><meta charset="utf-8"><title>가람시</title></head><body>
<header><a href="/">가람시</a><ul><li><a href="/a">시정소식</a></li><li><a href="/b">알림마당</a></li></ul>
</header>
<div class="view_top"><h2 class="view_tit">{TITLE}</h2><span class="date">2024-05-03</span></div>
<div class="view_cont">{cards}</div><div class="banner">{BANNER}</div></body></html>""".encode()


def _paper_gallery() -> bytes:
    """A paper's card story: headline, input line, each card in a figure of its own."""
    cards = "".join(f'<figure><img src="/p{i}.png" alt="{alt}"></figure>' for i, alt in enumerate(CARDS))
    return f"""<html><head><meta charset="utf-8"><title>가온일보</title></head><body>
<div class="article"><h1 class="headline">{TITLE}</h1><p class="info">입력 2024.05.03 09:00</p>
<div class="cards">{cards}</div></div><aside>{BANNER}</aside></body></html>""".encode()


def test_a_post_of_pictures_reads_their_words_under_its_headline() -> None:
    for page in (_portal_view(), _paper_gallery()):
        extracted = extract_page(page)
        assert (extracted.kind, extracted.title) == ("article", TITLE)
        assert extracted.body.split("\n") == CARDS
        assert extracted.published is not None and extracted.published.date().isoformat() == "2024-05-03"
