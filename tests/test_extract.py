"""Page extraction on pages the project wrote itself (tests/fixtures/*.html)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from nlp import DecodeError, EmptyPageError
from nlp.dates import KST
from nlp.extract import extract_page
from nlp.page import ExtractedPage

FIXTURES = Path(__file__).parent / "fixtures"
PRESS_URL = "https://www.hanbit.go.kr/board/view.do?nttId=4411"
NEWS_URL = "https://www.hanbit.co.kr/news/articleView.html?idxno=200100"
LIST_URL = "https://www.hanbit.go.kr/news/list.do?menuId=2001"


def extract(name: str, url: str | None = None) -> ExtractedPage:
    """Extract one fixture page."""
    return extract_page((FIXTURES / f"{name}.html").read_bytes(), url=url)


@pytest.fixture(scope="module")
def press() -> ExtractedPage:
    return extract("press_release", PRESS_URL)


@pytest.fixture(scope="module")
def news() -> ExtractedPage:
    return extract("newspaper", NEWS_URL)


def test_press_release_title_without_menu_or_site_name(press: ExtractedPage) -> None:
    assert press.kind == "article"
    assert press.title == "한빛시, 어린이 통학로 안전 강화 위해 스마트 횡단보도 30곳 설치"
    assert press.site_name == "한빛시청"


def test_press_release_date_from_the_visible_label(press: ExtractedPage) -> None:
    assert press.published == dt.datetime(2025, 12, 5, 16, 40, tzinfo=KST)
    assert press.published is not None and press.published.utcoffset() == dt.timedelta(hours=9)


def test_press_release_body_keeps_its_sentences(press: ExtractedPage) -> None:
    assert press.body.splitlines()[0].startswith("한빛시(시장 이서준)는 어린이 보호구역 내 교통사고를")
    assert "총사업비 12억 원을 투입했다." in press.body
    assert press.body.endswith("통학로 안전 시설을 계속 늘려 나가겠다”고 말했다.")
    assert len(press.body.splitlines()) == 4


@pytest.mark.parametrize(
    "boilerplate",
    ["등록일", "작성자", "조회수", "1,234", "담당부서", "연락처", "첨부파일", ".hwp", "다운로드", "미리보기",
     "공공누리", "만족하십니까", "매우만족", "댓글은 자유롭게", "업무담당자", "Copyright", "이전글"],
)  # fmt: skip
def test_press_release_body_has_no_cms_furniture(press: ExtractedPage, boilerplate: str) -> None:
    assert boilerplate not in press.body


def test_press_release_title_is_not_repeated_in_body(press: ExtractedPage) -> None:
    assert press.title is not None and press.title not in press.body


def test_newspaper_title_without_site_suffix(news: ExtractedPage) -> None:
    assert news.title == '폭염 속 전력수요 역대 최고…정부 "예비력 충분"'
    assert news.site_name == "한빛일보"


def test_newspaper_input_and_modified_times(news: ExtractedPage) -> None:
    assert news.published == dt.datetime(2024, 5, 3, 15, 12, tzinfo=KST)
    assert news.modified == dt.datetime(2024, 5, 3, 16, 20, tzinfo=KST)


def test_newspaper_byline_gives_just_the_name(news: ExtractedPage) -> None:
    assert news.authors == ("홍길동",)


def test_newspaper_lead_is_the_sub_headline(news: ExtractedPage) -> None:
    assert (
        news.lead
        == '산업부, 오후 5시 최대 전력수요 9만 메가와트 넘어\n"발전소 정비 일정 조정해 공급 여력 확보"'
    )
    assert "9만 메가와트 넘어" not in news.body


def test_newspaper_body_is_clean(news: ExtractedPage) -> None:
    lines = news.body.splitlines()
    assert lines[0] == "때 이른 폭염으로 3일 오후 전력수요가 5월 기준 역대 최고치를 기록했다."
    assert lines[-1].endswith('예비 전력을 추가로 확보하겠다"고 말했다.')
    for boilerplate in (
        "무단전재",
        "재배포",
        "hong@hanbit.co.kr",
        "사진=",
        "/뉴시스",
        "세종=",
        "페이스북",
        "입력",
    ):
        assert boilerplate not in news.body
    assert "여름철 전기요금" not in news.body  # the related-news box


def test_newspaper_images_are_absolute_og_image_first(news: ExtractedPage) -> None:
    assert news.images[0] == "https://www.hanbit.co.kr/photo/2024/05/03/power_main.jpg"
    assert "https://img.hanbit.co.kr/photo/2024/05/03/fan.jpg" in news.images


def test_euc_kr_page_decodes_as_cp949() -> None:
    page = extract("euckr")
    assert page.charset == "cp949"
    assert page.title == "똠방각하 마을, 햏빛 축제 개최"
    assert "햏빛 등불 행렬" in page.body
    assert page.published == dt.datetime(2009, 7, 15, 14, 30, tzinfo=KST)


def test_unlabelled_cp949_page() -> None:
    body = "".join(
        f"<p>한빛군 똠방각하 마을은 {n}일 주민 총회를 열고 햏빛 축제 준비 상황을 점검했다고 밝혔다.</p>"
        for n in range(1, 6)
    )
    raw = f"<html><head><title>햏빛 축제 준비 점검 - 한빛신문</title></head><body>{body}</body></html>"
    page = extract_page(raw.encode("cp949"))
    assert page.charset == "cp949"
    assert page.title == "햏빛 축제 준비 점검"
    assert "똠방각하 마을은 3일" in page.body


def test_listing_links_are_exact_in_page_order() -> None:
    page = extract("listing", LIST_URL)
    assert page.kind == "listing"
    assert page.body == ""
    assert page.links == tuple(f"https://www.hanbit.go.kr/news/view.do?nttId={n}" for n in range(1001, 1012))


def test_listing_without_url_still_finds_every_article() -> None:
    page = extract("listing")
    assert page.kind == "listing"
    ids = sorted(link.rsplit("=", 1)[-1] for link in page.links)
    assert ids == [str(n) for n in range(1001, 1012)]
    assert not any("pageIndex" in link or "menuId" in link for link in page.links)


def test_listing_uses_canonical_url_as_base() -> None:
    raw = (
        (FIXTURES / "listing.html")
        .read_bytes()
        .replace(b"</head>", b'<link rel="canonical" href="https://www.hanbit.go.kr/news/list.do"></head>')
    )
    page = extract_page(raw)
    assert page.links[0] == "https://www.hanbit.go.kr/news/view.do?nttId=1001"
    assert page.links[-1] == "https://www.hanbit.go.kr/news/view.do?nttId=1011"


def test_article_results_do_not_depend_on_the_url() -> None:
    with_url, without = extract("press_release", PRESS_URL), extract("press_release")
    assert (with_url.title, with_url.body, with_url.published) == (
        without.title,
        without.body,
        without.published,
    )


def test_page_without_article_raises_empty_page() -> None:
    with pytest.raises(EmptyPageError, match="no article body"):
        extract("no_body")


def test_empty_bytes_raise_decode_error() -> None:
    with pytest.raises(DecodeError, match="empty page"):
        extract_page(b"")


def test_binary_garbage_raises_decode_error() -> None:
    with pytest.raises(DecodeError):
        extract_page(random.Random(3).randbytes(8192))


def test_whitespace_only_page_raises_empty_page() -> None:
    with pytest.raises(EmptyPageError):
        extract_page(b"   \n  ")


def test_short_article_with_a_box_of_links_is_still_an_article() -> None:
    others = "".join(
        f'<li><a href="/board/view.do?nttId={900 + n}">한빛시 다른 보도자료 제목 {n}번 안내</a></li>'
        for n in range(12)
    )
    raw = f"""<html><head><title>보도자료 | 한빛시청</title></head><body>
    <div class="view"><h3 class="subject">한빛시, 청년 주거비 지원 대상 확대</h3><p>작성일 2025.11.03</p>
    <div class="con">
    <p>한빛시는 내년부터 청년 월세 지원 대상을 중위소득 150% 이하로 확대한다고 3일 밝혔다.</p>
    <p>지원 금액은 월 최대 20만 원이며, 신청은 다음 달부터 시 누리집에서 받는다.</p></div></div>
    <div class="side"><h4>최근 보도자료</h4><ul>{others}</ul></div></body></html>"""
    page = extract_page(raw.encode())
    assert page.kind == "article"
    assert page.title == "한빛시, 청년 주거비 지원 대상 확대"
    assert page.published == dt.datetime(2025, 11, 3, tzinfo=KST)
    assert "다른 보도자료" not in page.body


def test_index_with_summaries_under_each_link_is_a_listing() -> None:
    items = "".join(
        f'<li><a href="/news/{1000 + n}">한빛시 소식 제목 {n}번 기사</a>'
        f"<p>한빛시의 {n}번째 소식을 요약한 문장입니다. 자세한 내용은 기사에서 확인할 수 있습니다.</p></li>"
        for n in range(10)
    )
    head = "<html><head><title>뉴스 | 한빛일보</title></head>"
    raw = f"{head}<body><h2>최신 뉴스</h2><ul>{items}</ul></body></html>"
    page = extract_page(raw.encode(), url="https://news.hanbit.example/list")
    assert page.kind == "listing"
    assert page.links == tuple(f"https://news.hanbit.example/news/{1000 + n}" for n in range(10))
