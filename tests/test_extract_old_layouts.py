"""Old and plain CMS layouts: a site naming itself in <title>, a short article laid out in one table
cell with <br> lines, a slash byline. Each rule on two templates written here."""

from __future__ import annotations

from nlp.extract import extract_page

PARKING = (
    "가온시, 전통시장 주차장 3곳 새로 조성…내년 6월 완공",
    [
        "가온시는 전통시장 이용객 불편을 줄이려 시장 주변에 공영주차장 3곳을 새로 조성한다고 3일 밝혔다.",
        "새 주차장은 모두 210면 규모로 사업비 64억 원이 든다. 공사는 이달 착공해 내년 6월 완공 예정이다.",
        "시는 주차장이 문을 열면 시장 방문객이 20% 이상 늘 것으로 기대하고 있다.",
    ],
)
FARMERS = (
    "가람군, 귀농 청년에 정착금 월 100만원…3년간 지원",
    [
        "가람군은 40세 미만 귀농 청년에게 월 100만원의 정착금을 최대 3년간 지원한다고 21일 밝혔다.",
        "지원 대상은 올해 이후 가람군으로 전입해 농업에 종사하는 청년 50명이다.",
        "군은 정착금 외에도 주택 임차료와 영농 교육비를 함께 지원해 청년 농업인의 조기 정착을 돕기로 했다.",
    ],
)


def _board_table(site: str, story: tuple[str, list[str]]) -> bytes:
    """A city board: the site's own name in <title> and og:title, the headline in a subject cell."""
    title, lines = story
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{site}</title>
<meta property="og:title" content="{site}"></head><body><div id="contents"><h3 class="cont-tit">보도자료</h3>
<table class="board-view"><tbody><tr><td colspan="4" class="subject">{title}</td></tr>
<tr><th>작성자</th><td>경제정책과</td><th>작성일</th><td>2025-11-03</td></tr>
<tr><td colspan="4" class="content">{paragraphs}</td></tr></tbody></table></div></body></html>""".encode()


def _view_divs(site: str, story: tuple[str, list[str]]) -> bytes:
    """Another CMS: the same self-naming <title>, the headline in a title div over <p> paragraphs."""
    title, lines = story
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{site}</title></head>
<body><div class="bbs_view"><div class="view_tit"><strong>{title}</strong></div>
<div class="view_info">등록일 2025.10.21</div><div class="view_con">{paragraphs}</div></div>
</body></html>""".encode()


def _one_cell(story: tuple[str, list[str]], byline: str, title_markup: str) -> bytes:
    """An old paper's page: masthead and article in layout tables, the article's lines in one cell."""
    title, lines = story
    text = "<br><br>\n".join([*lines, byline])
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="euc-kr">
<title>가람일보 :: 지역</title></head>
<body><table width="100%"><tr><td class="logo">가람일보</td></tr></table>
<table width="760"><tr><td>
{title_markup.format(title=title)}<br>
<font size="2" color="#666">기사입력 : 2025-10-21 오전 9:40:12</font><br><br>
<span class="article">{text}</span></td></tr></table></body></html>""".encode("euc-kr")


def test_a_site_naming_itself_in_its_title_is_not_the_headline() -> None:
    for page, (title, lines) in (
        (_board_table("가온시 누리집", PARKING), PARKING),
        (_view_divs("한빛구청 홈페이지", FARMERS), FARMERS),
    ):
        extracted = extract_page(page)
        assert extracted.title == title
        assert extracted.body.split("\n") == lines


def test_a_short_article_in_one_table_cell_keeps_its_lines_and_its_headline() -> None:
    marks = ('<font class="news_title" size="4"><b>{title}</b></font>', '<b class="subject">{title}</b>')
    for markup in marks:
        extracted = extract_page(_one_cell(FARMERS, "정가람 기자 garam@garam.co.kr", markup))
        title, lines = FARMERS
        assert extracted.title == title
        assert [line for line in extracted.body.split("\n") if line in lines] == lines
        assert title not in extracted.body and "|" not in extracted.body


def test_a_slash_byline_closes_the_article() -> None:
    """Papers close an article with ``/홍길동 기자``: a byline, not a body line."""
    for story, byline in ((FARMERS, "/정가람 기자 garam@garam.co.kr"), (PARKING, "/ 이가온 기자")):
        page = _one_cell(story, byline, '<font class="news_title" size="4"><b>{title}</b></font>')
        extracted = extract_page(page)
        assert byline.strip("/ ").split()[0] in extracted.authors
        assert "기자" not in extracted.body
