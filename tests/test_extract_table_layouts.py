"""Sites laid out in tables: a menu printed as a table of short links, a headline in bold inside the
cell whose loose lines are the article, and a <title> that is the site's brand with what the site
is. Each rule on two templates written here."""

from __future__ import annotations

from nlp.extract import extract_page

STORY = (
    "가람군, 여름철 자연재난 대비 종합대책 추진",
    [
        "가람군은 집중호우와 태풍에 대비해 인명피해 우려지역 42곳을 지정하고 관리자를 둔다고 3일 밝혔다.",
        "군은 지하차도와 하천변 산책로 등 위험 지역에 출입을 자동으로 막는 차단시설을 우선 설치할 계획이다.",
        "각 읍면은 다음 달까지 자체 점검을 마치고 그 결과를 군에 제출해야 한다.",
        '군수는 "극한 호우가 잦아지는 만큼 미리 대피하는 것이 무엇보다 중요하다"고 강조했다.',
        "군은 또 마을 방송과 문자 알림을 함께 쓰는 주민대피 체계를 이달 안에 시범 운영한다.",
        "대피소로 지정된 마을회관 35곳에는 비상 발전기와 구호 물품을 미리 갖춰 둘 계획이다.",
    ],
)
OTHER = (
    "한빛시, 청년 월세 지원 대상 두 배로 늘린다",
    [
        "한빛시는 청년 월세 지원 대상을 올해 500명에서 내년 1천명으로 늘린다고 21일 밝혔다.",
        "지원 대상은 만 19세부터 34세까지 무주택 청년으로, 월 최대 20만원을 1년간 받는다.",
        "시는 다음 달 1일부터 누리집에서 신청을 받아 12월 중 대상자를 확정할 예정이다.",
        "소득 기준은 중위소득 150% 이하로, 지난해보다 30%포인트 완화됐다.",
        '시장은 "청년이 떠나지 않는 도시를 만들려면 주거비 부담부터 덜어야 한다"고 말했다.',
        "시는 이번 확대에 필요한 예산 24억원을 내년 본예산에 반영했다.",
    ],
)
SIDEBAR = (
    "교육청, 늘봄학교 전 학교로 확대",
    "도, 수도권 광역급행철도 개통 앞당긴다",
    "농협, 쌀값 안정 위해 10만톤 매입",
)


PIPED_MENU = """<table width="100%"><tr><td><a href="/"><img src="/logo.gif"></a></td>
<td><a href="/s/1">정치</a> | <a href="/s/2">경제</a> | <a href="/s/3">사회</a></td></tr></table>"""
ROWS_MENU = """<table width="100%">
<tr><td><a href="/login">로그인</a> | <a href="/join">회원가입</a></td></tr>
<tr><td><a href="/s/1">정치</a> <a href="/s/2">경제</a> <a href="/s/3">사회</a>
<a href="/s/4">문화</a></td></tr></table>"""


def _table_paper(story: tuple[str, list[str]], menu: str, headline: str, line: str) -> bytes:
    """An old paper laid out in tables: a menu table, the article and a most-read box side by side."""
    title, lines = story
    text = "".join(line.format(line=one) for one in lines)
    side = "".join(
        f'<tr><td><a href="/news/articleView.html?idxno={100 + i}">{t}</a></td></tr>'
        for i, t in enumerate(SIDEBAR)
    )
    return f"""<html><head><meta charset="utf-8"><title>가람신문</title></head><body>{menu}
<table width="980"><tr><td width="680" valign="top"><table width="100%">
<tr><td>{headline.format(title=title)}</td></tr>
<tr><td align="right">입력 : 2024-05-03 10:20 | 홍길동 기자</td></tr>
<tr><td class="article">{text}</td></tr></table></td>
<td width="300" valign="top"><table><tr><td><b>많이 본 기사</b></td></tr>{side}</table></td></tr></table>
<table><tr><td>Copyright ⓒ 가람신문 All rights reserved.</td></tr></table></body></html>""".encode()


def test_a_menu_laid_out_as_a_table_is_not_the_article() -> None:
    pages = (
        (_table_paper(STORY, PIPED_MENU, '<font size="5"><b>{title}</b></font>', "{line}<br><br>"), STORY),
        (_table_paper(OTHER, ROWS_MENU, '<span class="title">{title}</span>', "<p>{line}</p>"), OTHER),
    )
    for page, (title, lines) in pages:
        extracted = extract_page(page)
        assert extracted.title == title
        assert extracted.body.split("\n") == lines
        assert extracted.published is not None and extracted.published.date().isoformat() == "2024-05-03"


def test_a_table_of_headlines_or_of_data_is_no_menu() -> None:
    title, lines = STORY
    # a table in the text: short links beside words of its own
    data = (
        "<table><tr><th>기관</th><th>누리집</th></tr>"
        "<tr><td>가람군청 재난안전과</td><td><a href='/x'>바로가기</a></td></tr>"
        "<tr><td>가람소방서 대응팀</td><td><a href='/y'>바로가기</a></td></tr>"
        "<tr><td>가람경찰서 생활안전과</td><td><a href='/z'>바로가기</a></td></tr></table>"
    )
    text = "".join(f"<p>{line}</p>" for line in lines)
    page = f"""<html><head><meta charset="utf-8"><title>{title} - 가람신문</title></head><body>
<div class="article"><h1>{title}</h1><p class="date">2024.05.03</p><div class="text">{text}{data}</div></div>
</body></html>""".encode()
    extracted = extract_page(page)
    assert "가람경찰서 생활안전과" in extracted.body
    # a board's list: a table of article links, each a headline, is an index page
    rows = "".join(
        f'<tr><td>{n}</td><td><a href="/board/view.do?nttId=10{n}">{t}</a></td><td>2024-05-0{n}</td></tr>'
        for n, t in enumerate((*SIDEBAR, title, OTHER[0]), 1)
    )
    listing = f"""<html><head><meta charset="utf-8"><title>보도자료 | 가람군</title></head><body>
<table class="board_list"><tr><th>번호</th><th>제목</th><th>등록일</th></tr>{rows}</table>
</body></html>""".encode()
    assert extract_page(listing, url="https://garam.go.kr/board/list").kind == "listing"


def _one_cell_lines(story: tuple[str, list[str]], headline_markup: str, date_line: str, side: bool) -> bytes:
    """A page whose headline, date and text are loose lines in one cell, the text after ``<br>``s;
    with ``side``, beside a column of the latest headlines printed before it."""
    title, lines = story
    text = "".join(f"{line}<br><br>" for line in lines)
    rows = "".join(
        f'<tr><td><a href="/news/articleView.html?idxno={100 + i}">{t}</a></td></tr>'
        for i, t in enumerate(SIDEBAR)
    )
    column = f'<td width="200" valign="top"><table><tr><td><b>최신기사</b></td></tr>{rows}</table></td>'
    return f"""<html><head><meta charset="utf-8"><title>가람신문 뉴스</title></head><body>
<table width="960"><tr>{column if side else ""}
<td valign="top">{headline_markup.format(title=title)}<br>{date_line}<br>{text}</td></tr></table>
</body></html>""".encode()


CENTERED = '<center><font size="5"><b>{title}</b></font></center>'
STRONG = '<strong style="font-size:18px">{title}</strong>'
RIGHT_DATE = '<div align="right">입력 2024-05-03</div>'


def test_a_bold_headline_inside_the_cell_of_loose_lines_is_the_headline() -> None:
    pages = (
        (_one_cell_lines(STORY, CENTERED, RIGHT_DATE, side=False), STORY),
        (
            _one_cell_lines(
                OTHER, "<center><b>{title}</b></center>", "<span>등록일 2024-05-03</span>", side=False
            ),
            OTHER,
        ),
    )
    for page, (title, lines) in pages:
        extracted = extract_page(page)
        assert extracted.title == title
        assert extracted.body.split("\n") == lines


def test_a_column_of_other_headlines_before_the_article_is_not_its_opening() -> None:
    # a short article: the extractor keeps the column of headlines beside it
    short, other = (STORY[0], STORY[1][:3]), (OTHER[0], OTHER[1][:3])
    pages = (
        (_one_cell_lines(short, CENTERED, RIGHT_DATE, side=True), short),
        (_one_cell_lines(other, STRONG, "<span>등록일 2024-05-03</span>", side=True), other),
    )
    for page, (title, lines) in pages:
        extracted = extract_page(page)
        assert extracted.title == title
        assert extracted.body.split("\n") == lines


def _brand_titled(site_title: str, brand: str, story: tuple[str, list[str]], shape: str) -> bytes:
    """A page whose <title> is the site's brand and what it is; the headline a plain line over the text."""
    title, lines = story
    text = "".join(f"<p>{line}</p>" for line in lines)
    logo = f'<a href="/index.html">{brand}</a>'
    if shape == "logo":
        logo = f'<a href="/"><img src="/logo.png" alt="{brand}"></a>'
    return f"""<html><head><meta charset="utf-8"><title>{site_title}</title></head><body>
<div class="top">{logo}</div><div><div>{title}</div><div>입력 2024-05-03</div><div>{text}</div></div>
</body></html>""".encode()


def test_a_title_naming_the_brand_and_its_kind_is_not_the_headline() -> None:
    pages = (
        (_brand_titled("가람신문 인터넷신문", "가람신문", STORY, "logo"), STORY),
        (_brand_titled("한빛일보 뉴스", "한빛일보", OTHER, "words"), OTHER),
    )
    for page, (title, _) in pages:
        assert extract_page(page).title == title


def test_a_headline_that_opens_with_the_brand_stays_whole() -> None:
    title, _ = STORY  # 가람군, 여름철 … opens with the county's own name
    page = _brand_titled(f"{title} - 가람군", "가람군", STORY, "logo")
    assert extract_page(page).title == title
