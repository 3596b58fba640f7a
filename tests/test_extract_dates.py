"""Publication dates of pages the tests write themselves: two made-up templates per convention.

Templates: a newspaper-like page with a byline bar (``news_page``) and a county press-release
board with a 등록일/조회 table (``board_page``); archive viewers, mobile pages and pages whose
only date is in their URL or feed item are variations of those two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from nlp.extract import extract_page

KST = ZoneInfo("Asia/Seoul")
TITLE = "한빛군, 농촌 청년 창업 지원사업 참여자 모집"
PARAGRAPHS = (
    "한빛군은 농촌 지역에 정착하려는 청년 창업가를 돕기 위해 올해 지원사업 참여자를 모집한다고 밝혔다.",
    "선정된 참여자에게는 창업 공간과 교육, 판로 개척 비용이 최대 3년 동안 지원된다.",
    "군 관계자는 지역에 활력을 불어넣을 청년들의 많은 관심과 참여를 바란다고 말했다.",
)
PROSE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
SIDEBAR = (
    "<aside class='rank'><h3>많이 본 뉴스</h3><ul>"
    "<li><a href='/n/1'>지난해 행사 소식 2021.02.03 09:00</a></li>"
    "<li><a href='/n/2'>다른 기사 2022-07-08</a></li></ul></aside>"
)
FOOTER = "<footer><p>Copyright © 2024 한빛 All rights reserved. 2019.01.01 개정</p></footer>"


def kst(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=KST)  # type: ignore[misc]


def news_page(info: str, *, before: str = "", after: str = "", side: str = "", head: str = "") -> str:
    """A newspaper-like page: headline, a byline bar (``info``), the article, an optional line
    after it, a sidebar and a footer."""
    return (
        f"<html><head><meta charset='utf-8'><title>{TITLE} - 한빛신문</title>{head}</head><body>"
        f"<header><nav><a href='/'>홈</a><a href='/pol'>정치</a></nav></header>{side}"
        f"<div class='wrap'>{before}<h1 class='headline'>{TITLE}</h1>"
        f"<div class='byline-bar'>{info}</div>"
        f"<div id='article-text'>{PROSE}</div>{after}</div>"
        f"{SIDEBAR}{FOOTER}</body></html>"
    )


def board_page(rows: str, *, before: str = "", side: str = "") -> str:
    """A county press-release board: a view table whose header rows hold 제목, 등록일, 조회."""
    return (
        "<html><head><meta charset='utf-8'><title>보도자료 | 한빛군청</title></head><body>"
        f"<div id='lnb'><ul><li><a href='/a'>군정소식</a></li><li><a href='/b'>보도자료</a></li></ul></div>"
        f"{side}<div class='board-view'>{before}<table><tbody>"
        f"<tr><th>제목</th><td colspan='3'>{TITLE}</td></tr>{rows}"
        f"<tr><td colspan='4'>{PROSE}</td></tr></tbody></table></div>"
        f"{SIDEBAR}{FOOTER}</body></html>"
    )


def extract(
    page: str, url: str | None = None, **kwargs: object
) -> tuple[dt.datetime | None, dt.datetime | None]:
    result = extract_page(page.encode(), url, "utf-8", **kwargs)  # type: ignore[arg-type]
    assert result.kind == "article"
    assert PARAGRAPHS[1] in result.body
    return result.published, result.modified


@pytest.mark.parametrize(
    ("info", "published", "modified"),
    [
        (
            "홍길동 기자 | 입력 2024.05.03 15:12 | 수정 2024.05.04 09:01",
            kst(2024, 5, 3, 15, 12),
            kst(2024, 5, 4, 9, 1),
        ),
        (
            "<span>[입력]</span> <span>2024-05-03 15:12</span> <span>[수정]</span> 2024-05-04",
            kst(2024, 5, 3, 15, 12),
            kst(2024, 5, 4),
        ),
        (
            "기사입력 : 2024년 5월 3일 오후 3시 12분 최종수정 : 2024년 5월 3일 오후 4시",
            kst(2024, 5, 3, 15, 12),
            kst(2024, 5, 3, 16),
        ),
        ("승인 2024.05.03. 오후 3:12", kst(2024, 5, 3, 15, 12), None),
        ("송고시간 2024-05-03 15:12 업데이트 2024-05-03 18:00", kst(2024, 5, 3, 15, 12), kst(2024, 5, 3, 18)),
    ],
)
def test_labelled_dates_in_the_byline_bar(
    info: str, published: dt.datetime, modified: dt.datetime | None
) -> None:
    assert extract(news_page(info)) == (published, modified)


@pytest.mark.parametrize(
    ("rows", "published", "modified"),
    [
        ("<tr><th>등록일</th><td>2024-05-03</td><th>조회</th><td>123</td></tr>", kst(2024, 5, 3), None),
        ("<tr><th>작성일자</th><td>2024. 5. 3.</td><th>조회수</th><td>45</td></tr>", kst(2024, 5, 3), None),
        (
            "<tr><th>작성자</th><td>홍보담당관</td><th>등록일시</th><td>2024.05.03 15:12</td></tr>"
            "<tr><th>최종수정</th><td>2024.05.07 10:00</td><th>조회</th><td>9</td></tr>",
            kst(2024, 5, 3, 15, 12),
            kst(2024, 5, 7, 10),
        ),
    ],
)
def test_labelled_dates_in_a_board_table(
    rows: str, published: dt.datetime, modified: dt.datetime | None
) -> None:
    assert extract(board_page(rows)) == (published, modified)


@pytest.mark.parametrize(
    "page",
    [
        # newspaper template: a bare date line with a view counter under the headline
        news_page("<span>2024.05.03 15:12</span> <span>조회 123</span>"),
        # mobile template: the date sits in the byline line
        news_page("<p class='m-by'>홍길동 기자 | 2024.05.03 15:12</p>"),
        # board template: the date row has no label
        board_page("<tr><td>홍보담당관</td><td>2024-05-03 15:12</td><td>조회 123</td></tr>"),
    ],
)
def test_unlabelled_date_under_the_headline(page: str) -> None:
    assert extract(page)[0] == kst(2024, 5, 3, 15, 12)


def test_unlabelled_modified_date_is_not_published() -> None:
    page = news_page("<span>수정 2024.05.09 10:00</span> <span>2024.05.03 15:12</span>")
    assert extract(page) == (kst(2024, 5, 3, 15, 12), kst(2024, 5, 9, 10))


@pytest.mark.parametrize(
    "page",
    [
        # archive viewer (newspaper template): source, date and printed page above the headline
        news_page("", before="<div class='src'>[한빛일보] 2019-03-04 12면</div>"),
        # archive viewer (board template): the same line in the view table, before the title row
        board_page("", before="<p>【한빛신문】 2019.3.4 3면</p>"),
        # between headline and body, the page number after the date must not break the date
        news_page("<em>[한빛일보]</em> 2019. 3. 4. 12면 사회"),
    ],
)
def test_archive_dateline_gives_the_publish_date(page: str) -> None:
    assert extract(page)[0] == kst(2019, 3, 4)


@pytest.mark.parametrize(
    "page",
    [
        news_page("", after="<p class='reporter'>홍길동 기자 hong@hanbit.test 2024.05.03 15:12</p>"),
        news_page("", after="<div>기자명 입력 2024.05.03 15:12</div>"),
        board_page("", side=""),
    ],
)
def test_byline_after_the_body(page: str) -> None:
    if "board-view" in page:  # board template: the byline row after the text
        page = page.replace("</tbody>", "<tr><td>글·사진 홍길동 2024-05-03 15:12</td></tr></tbody>")
    assert extract(page)[0] == kst(2024, 5, 3, 15, 12)


@pytest.mark.parametrize(
    "page",
    [
        news_page("홍길동 기자", side=SIDEBAR.replace("aside", "div")),
        board_page(
            "<tr><th>담당부서</th><td>기획실</td></tr>", side="<div>공지 2020.01.02 게시판 점검</div>"
        ),
    ],
)
def test_sidebar_and_footer_dates_do_not_win(page: str) -> None:
    assert extract(page) == (None, None)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.hanbit.test/2020/08/27/farm-startup/", kst(2020, 8, 27)),
        ("https://news.hanbit.test/article/20200827/1234.html", kst(2020, 8, 27)),
        ("https://www.hanbit.test/news/2020-08-27/startup", kst(2020, 8, 27)),
        ("https://www.hanbit.test/news/2020/0827/startup.html", kst(2020, 8, 27)),
        ("https://www.hanbit.test/board/view.do?nttId=20200827", None),
        ("https://www.hanbit.test/article/2020082701234", None),
        ("https://www.hanbit.test/2020/13/45/x", None),
    ],
)
def test_date_only_in_the_url(url: str, expected: dt.datetime | None) -> None:
    assert extract(news_page("홍길동 기자"), url)[0] == expected
    assert extract(board_page("<tr><th>담당</th><td>기획실</td></tr>"), url)[0] == expected


def test_url_date_comes_after_visible_dates() -> None:
    url = "https://news.hanbit.test/2020/08/27/farm-startup/"
    assert extract(news_page("입력 2020.08.28 07:00"), url)[0] == kst(2020, 8, 28, 7)


@pytest.mark.parametrize(
    "page", [news_page("홍길동 기자"), board_page("<tr><th>담당</th><td>기획실</td></tr>")]
)
def test_feed_date_is_the_last_fallback(page: str) -> None:
    feed = dt.datetime(2024, 5, 3, 6, 12, tzinfo=dt.UTC)
    assert extract(page, feed_published=feed)[0] == kst(2024, 5, 3, 15, 12)
    naive = dt.datetime(2024, 5, 3, 15, 12)  # a naive feed date is read as KST
    assert extract(page, feed_published=naive)[0] == kst(2024, 5, 3, 15, 12)
    url = "https://news.hanbit.test/2020/08/27/x"
    assert extract(page, url, feed_published=feed)[0] == kst(2020, 8, 27)
    dated = page.replace("기획실", "기획실 등록일 2023-01-02").replace(
        "홍길동 기자", "홍길동 기자 입력 2023-01-02"
    )
    assert extract(dated, feed_published=feed)[0] == kst(2023, 1, 2)


def test_meta_date_comes_first_on_the_printed_day() -> None:
    head = "<meta property='article:published_time' content='2024-05-03T15:12:40+09:00'>"
    assert extract(news_page("입력 2024.05.03", head=head))[0] == kst(2024, 5, 3, 15, 12, 40)
    assert extract(news_page("홍길동 기자", head=head))[0] == kst(2024, 5, 3, 15, 12, 40)


STOCK_META = "<meta property='article:published_time' content='2021-03-15T00:00:00+09:00'>"
LAST_CHANGE_LD = (
    "<script type='application/ld+json'>"
    '{"@type": "NewsArticle", "datePublished": "2024-05-09T11:00:00"}</script>'
)


@pytest.mark.parametrize("head", [STOCK_META, LAST_CHANGE_LD])
@pytest.mark.parametrize(
    "template",
    [
        lambda head: news_page("입력 2024.05.03 15:12 | 수정 2024.05.09 11:00", head=head),
        lambda head: board_page(
            "<tr><th>작성일</th><td>2024. 5. 3.(금) 15:12</td><th>수정일</th><td>2024-05-09</td></tr>"
        ).replace("</head>", f"{head}</head>"),
    ],
)
def test_a_printed_date_by_the_headline_beats_a_declared_one_on_another_day(
    head: str, template: Callable[[str], str]
) -> None:
    """A template's stock date, or the record's last change, in metadata nobody sees."""
    assert extract(template(head))[0] == kst(2024, 5, 3, 15, 12)


def test_time_element_comes_after_labels_and_before_unlabelled_dates() -> None:
    time = "<time datetime='2023-03-03T08:00:00+09:00'>3월 3일</time>"
    assert extract(news_page(f"{time} 입력 2024.05.03 15:12"))[0] == kst(2024, 5, 3, 15, 12)
    assert extract(news_page(f"{time} 2024.05.03 15:12"))[0] == kst(2023, 3, 3, 8)


def test_two_megabyte_page_extracts() -> None:
    sentence = "지역 균형 발전을 위한 정책 방안이 발표되었다. " * 20
    count = 2 * 1024 * 1024 // len(sentence.encode())
    filler = "".join(f"<div class='sec'><p>{n}번째 문단: {sentence}</p></div>" for n in range(count))
    page = news_page("입력 2024.05.03 15:12").replace("</p></div>", f"</p>{filler}</div>", 1)
    result = extract_page(page.encode(), None, "utf-8")
    assert len(page.encode()) > 2 * 1024 * 1024 * 0.9
    assert result.kind == "article"
    assert result.published == kst(2024, 5, 3, 15, 12)
    assert PARAGRAPHS[0] in result.body and len(result.body) > 500_000


@pytest.mark.parametrize(
    "side",
    [
        "<aside><time datetime='2021-01-01T09:00:00+09:00'>1월 1일</time></aside>",
        "<nav><ul><li><time datetime='2021-01-01'>2021.01.01</time></li></ul></nav>",
    ],
)
def test_time_elements_in_sidebars_do_not_win(side: str) -> None:
    own = "<time datetime='2024-05-03T15:12:00+09:00'>5월 3일</time>"
    assert extract(news_page(own, side=side))[0] == kst(2024, 5, 3, 15, 12)
    article = (
        board_page("", side=side)
        .replace("<table>", f"<article>{own}<table>")
        .replace("</table>", "</table></article>")
    )
    assert extract(article)[0] == kst(2024, 5, 3, 15, 12)
    assert extract(news_page("홍길동 기자", side=side)) == (None, None)


def test_text_below_nesting_level_256_is_kept() -> None:
    depth = 400  # libxml2 drops everything below level 256 unless the parser allows huge trees
    nested = "<div>" * depth + PROSE + "</div>" * depth
    page = news_page("입력 2024.05.03 15:12").replace(f"<div id='article-text'>{PROSE}</div>", nested)
    result = extract_page(page.encode(), None, "utf-8")
    assert all(paragraph in result.body for paragraph in PARAGRAPHS)
    assert result.published == kst(2024, 5, 3, 15, 12)


@pytest.mark.parametrize(
    "side",
    [
        "<aside class='notice'><ul><li>홈페이지 점검 안내 등록일 2021-01-01</li></ul></aside>",
        "<table><tr><th>공지</th><td>시스템 점검</td><th>작성일</th><td>2021.01.01</td></tr></table>",
    ],
)
def test_a_labelled_date_in_a_sidebar_loses_to_the_date_under_the_headline(side: str) -> None:
    filler = "".join(f"<li><a href='/n/{n}'>다른 소식 제목 {n}번째 안내</a></li>" for n in range(40))
    page = news_page("2024.05.03 15:12 조회 123", side=f"{side}<ul class='menu-x'>{filler}</ul>")
    assert extract(page)[0] == kst(2024, 5, 3, 15, 12)
    board = board_page("<tr><td>홍보과</td><td>2024-05-03 15:12</td></tr>", side=f"{side}<ul>{filler}</ul>")
    assert extract(board)[0] == kst(2024, 5, 3, 15, 12)


@pytest.mark.parametrize(
    "page",
    [
        news_page(
            "<p class='sub'>참여 신청은 2024년 6월 1일부터 2024년 6월 30일까지 군청 누리집에서 받는다</p>",
            after="<p>홍길동 기자 hong@hanbit.test 2024.05.03 15:12</p>",
        ),
        board_page(
            "<tr><td colspan='4'>접수 기간은 2024. 6. 1.부터 2024. 6. 30.까지이며 누리집 신청</td></tr>",
            before="<p>[한빛군보] 2024-05-03 15:12 2면</p>",
        ),
    ],
)
def test_a_date_in_a_sub_headline_loses_to_the_byline_date(page: str) -> None:
    assert extract(page)[0] == kst(2024, 5, 3, 15, 12)


def test_a_page_with_more_paragraphs_than_trafilatura_takes_still_has_its_body() -> None:
    many = "".join(f"<p>{n}번째 문단에는 지역 발전 계획의 세부 내용이 담겼다.</p>" for n in range(20_500))
    page = news_page("입력 2024.05.03 15:12").replace(f"{PROSE}</div>", f"{PROSE}{many}</div>", 1)
    result = extract_page(page.encode(), None, "utf-8")
    assert result.kind == "article" and result.published == kst(2024, 5, 3, 15, 12)
    assert PARAGRAPHS[0] in result.body and "20499번째 문단" in result.body


@pytest.mark.parametrize(
    "page",
    [
        news_page(
            "<h2 class='sub'>2026년 3월 1일부터 신청을 받고 결과는 4월 중 발표하기로</h2>",
            after="<p>홍길동 기자</p><p>ⓒ 한빛신문</p><div>입력 2025.12.01 10:20</div>",
        ),
        board_page(
            "<tr><td colspan='4'>신청 기간은 2026. 3. 1.부터 한 달 동안이며 누리집에서 받는다</td></tr>",
            side="<div class='info'>등록일 2025-12-01</div>",
        ),
    ],
    ids=["news-subheadline", "board-notice-line"],
)
def test_a_date_in_a_subheadline_loses_to_a_labelled_date(page: str) -> None:
    published, _ = extract(page)
    assert published is not None and published.date() == dt.date(2025, 12, 1)


# two-digit years after a date label ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "published"),
    [
        (board_page("<tr><th>작성일</th><td>25.11.03</td><th>조회</th><td>41</td></tr>"), kst(2025, 11, 3)),
        (news_page("홍길동 기자 | 등록 25-11-03 14:30 | 수정 25-11-04 09:00"), kst(2025, 11, 3, 14, 30)),
    ],
    ids=["board-yy.mm.dd", "news-yy-mm-dd-time"],
)
def test_a_two_digit_year_after_a_date_label_is_read(page: str, published: dt.datetime) -> None:
    assert extract(page)[0] == published


def test_a_two_digit_triple_without_a_label_is_no_date() -> None:
    page = news_page("홍길동 기자 | 버전 25.11.03 배포 안내", after="<p>비율은 10.5.3으로 정했다.</p>")
    assert extract(page)[0] is None


@pytest.mark.parametrize(
    ("page", "published"),
    [
        (news_page("<span class='date'>24.05.03 14:22</span>"), kst(2024, 5, 3, 14, 22)),
        (
            board_page("<tr><th>작성자</th><td>홍보팀</td><td>24-05-03 오후 2:22</td><td>조회 41</td></tr>"),
            kst(2024, 5, 3, 14, 22),
        ),
    ],
    ids=["news-yy.mm.dd-time", "board-yy-mm-dd-ampm"],
)
def test_a_two_digit_year_with_its_time_under_the_headline_is_read(page: str, published: dt.datetime) -> None:
    assert extract(page)[0] == published
    assert "24" not in extract_page(page.encode()).body  # the stamp is no line of the text
