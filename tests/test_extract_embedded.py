"""Pages whose article exists only as script data (client-rendered news sites): Arc XP
``Fusion.globalContent``, Next.js ``__NEXT_DATA__`` and JSON-LD ``articleBody``.

Every page here is made up by the test: two templates per shape, with different nesting, key
names, markup and menus, and an empty container where the article would be rendered.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from nlp import EmptyPageError
from nlp.embedded import EmbeddedArticle, embedded_article
from nlp.extract import extract_page, parse_html
from nlp.page import ExtractedPage

KST = ZoneInfo("Asia/Seoul")

PARAGRAPHS = (
    "정부가 내년부터 지역 소멸 위기 지역의 청년 창업 지원금을 두 배로 늘리기로 했다.",
    "행정안전부는 3일 정부서울청사에서 열린 국무회의에서 이런 내용의 지역 활력 종합대책을 보고했다.",
    "대책에 따르면 인구감소지역 89곳에서 창업하는 만 39세 이하 청년은 최대 6000만 원을 받을 수 있다.",
    "지원 대상 업종도 음식점과 숙박업에서 정보통신, 문화콘텐츠 분야로 넓어진다.",
    "행안부 관계자는 “청년이 지역에 머물 수 있도록 일자리와 주거를 함께 지원하겠다”고 말했다.",
)
HEADLINE = "지역 청년 창업 지원금 두 배로…인구감소지역 89곳 대상"
OTHER_PARAGRAPHS = (
    "서울시가 한강 수상버스 운항 시간을 평일 오전 6시 30분부터 오후 10시 30분까지로 늘린다고 밝혔다.",
    "시는 출퇴근 시간대 배차 간격을 15분으로 줄이고 정류장 두 곳을 새로 만들 계획이다.",
    "수상버스 요금은 지하철과 같은 1500원이며 기후동행카드로도 탈 수 있다.",
    "서울시 관계자는 “시민 의견을 들어 운항 노선을 계속 보완하겠다”고 설명했다.",
)


def page(head: str, body: str) -> bytes:
    """A whole HTML page, UTF-8."""
    document = (
        f'<!doctype html><html lang="ko"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    )
    return document.encode()


def menu(*items: str) -> str:
    """Site chrome: a navigation bar of section links."""
    links = "".join(f'<li><a href="/section/{i}">{item}</a></li>' for i, item in enumerate(items))
    return f'<header class="site-header"><nav class="gnb"><ul>{links}</ul></nav></header>'


def footer() -> str:
    return '<footer class="site-footer"><p>주소: 서울특별시 중구 세종대로 000 · 전화 02-000-0000</p></footer>'


def script_json(value: Any) -> str:
    """JSON for an inline script (``</`` escaped as browsers need)."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def assert_article(
    result: ExtractedPage, published: dt.datetime, paragraphs: tuple[str, ...] = PARAGRAPHS
) -> None:
    assert result.kind == "article"
    assert result.title == HEADLINE
    assert result.body.splitlines() == list(paragraphs)
    assert result.published == published
    assert result.published is not None and result.published.utcoffset() == dt.timedelta(hours=9)


# Arc XP (Fusion.globalContent, ANS) ----------------------------------------------------------------


def arc_story_a() -> dict[str, Any]:
    """An ANS story: text elements among images, an ad slot, raw HTML and a link box; a longer
    related story rides along in `related_content`."""
    return {
        "_id": "ABCDEF123", "type": "story", "version": "0.10.9",
        "canonical_url": "/national/2025/11/03/ABCDEF123/",
        "headlines": {"basic": HEADLINE, "web": ""},
        "subheadlines": {"basic": "인구감소지역 청년 창업 최대 6000만 원"},
        "display_date": "2025-11-03T01:20:00Z",
        "first_publish_date": "2025-11-03T01:05:00Z",
        "publish_date": "2025-11-03T02:40:00Z",
        "last_updated_date": "2025-11-03T02:41:10.123Z",
        "credits": {"by": [{"type": "author", "name": "김하늘", "_id": "kim"},
                           {"type": "author", "name": "이바다"}]},
        "content_elements": [
            {"type": "text", "_id": "p1", "content": f"<b>{PARAGRAPHS[0][:4]}</b>{PARAGRAPHS[0][4:]}"},
            {"type": "image", "_id": "i1", "url": "https://img.example/1.jpg",
             "caption": "국무회의에서 발언하는 장관. 사진 캡션은 본문이 아니다"},
            {"type": "text", "_id": "p2", "content": PARAGRAPHS[1].replace(" ", "&nbsp;", 1)},
            {"type": "custom_embed", "subtype": "ad_slot", "embed": {"config": {"text": "광고 영역입니다"}}},
            {"type": "text", "_id": "p3",
             "content": f'{PARAGRAPHS[2][:10]}<a href="/x">{PARAGRAPHS[2][10:20]}</a>{PARAGRAPHS[2][20:]}'},
            {"type": "raw_html", "content": "<div class='banner'>구독하고 선물 받기 이벤트 배너입니다</div>"},
            {"type": "text", "_id": "p4", "content": PARAGRAPHS[3]},
            {"type": "interstitial_link", "content": "[관련 기사] 지난해 청년 창업 지원 성과는", "url": "/a"},
            {"type": "text", "_id": "p5", "content": PARAGRAPHS[4]},
        ],
        "related_content": {"basic": [{
            "type": "story", "headlines": {"basic": "한강 수상버스 운항 시간 연장"},
            "content_elements": [{"type": "text", "content": p} for p in OTHER_PARAGRAPHS * 3]}]},
    }  # fmt: skip


def arc_page_a() -> bytes:
    """Menus, an empty Fusion root, and `Fusion.globalContent={...};Fusion.globalContentConfig=...`."""
    story = script_json(arc_story_a())
    code = (
        'window.Fusion=window.Fusion||{};Fusion.arcSite="daily";Fusion.deployment="1234";'
        f'Fusion.globalContent={story};Fusion.globalContentConfig={{"source":"content-api","query":{{}}}};'
        'Fusion.contentCache={"site-menu":{"children":[{"name":"정치"}]}};'
    )
    head = '<title>오늘신문</title><meta property="og:site_name" content="오늘신문">'
    body = (
        menu("정치", "경제", "사회", "국제", "문화", "오피니언", "로그인", "구독")
        + '<div id="fusion-app" class="layout-main"></div>'
        + footer()
        + f'<script id="fusion-metadata" type="application/javascript">{code}</script>'
        + '<script src="/pf/dist/engine/react.js" defer></script>'
    )
    return page(head, body)


def arc_story_b() -> dict[str, Any]:
    """Another ANS shape: header elements, a list, entities and <br>, no display_date, +09:00 offsets."""
    return {
        "type": "story",
        "headlines": {"basic": f"<i>{HEADLINE}</i>", "meta_title": ""},
        "first_publish_date": "2025-11-04T08:15:00+09:00",
        "last_updated_date": "2025-11-04T09:00:00+09:00",
        "credits": {"by": [{"name": "박산"}]},
        "promo_items": {"basic": {"type": "image", "caption": "대표 이미지 설명"}},
        "content_elements": [
            {"type": "header", "level": 3, "content": "지원금 두 배로"},
            {"type": "text", "content": f"{PARAGRAPHS[0]}<br/>{PARAGRAPHS[1]}"},
            {"type": "video", "headlines": {"basic": "영상 제목"}, "description": {"basic": "영상 설명"}},
            {"type": "list", "list_type": "unordered", "items": [
                {"type": "text", "content": PARAGRAPHS[2]}, {"type": "text", "content": PARAGRAPHS[3]}]},
            {"type": "gallery", "content_elements": [{"type": "image", "caption": "갤러리 사진 설명"}]},
            {"type": "text", "content": PARAGRAPHS[4].replace("“", "&ldquo;").replace("”", "&rdquo;")},
        ],
    }  # fmt: skip


def arc_page_b() -> bytes:
    """Different chrome; the assignment ends the script (no `;Fusion.x=` after it)."""
    story = script_json(arc_story_b())
    head = (
        f"<title>{HEADLINE} - 한결일보</title>"
        '<meta property="og:site_name" content="한결일보"><meta name="viewport" content="width=device-width">'
    )
    body = (
        '<div class="top-bar"><a href="/">한결일보</a><a href="/login">로그인</a>'
        '<a href="/subscribe">구독</a></div>'
        + menu("전체기사", "정책", "지역", "사람들", "포토", "영상")
        + '<main><div id="app-root"><div class="skeleton"></div></div></main>'
        + '<aside class="popular"><h3>많이 본 뉴스</h3><ol><li><a href="/1">오늘의 날씨</a></li></ol></aside>'
        + f"<script>var Fusion = Fusion || {{}};\nFusion.globalContent = {story}\n</script>"
    )
    return page(head, body)


def test_arc_fusion_story_gives_headline_paragraphs_in_order_and_kst_dates() -> None:
    result = extract_page(arc_page_a(), url="https://www.oneul.example/national/2025/11/03/ABCDEF123/")
    assert_article(result, dt.datetime(2025, 11, 3, 10, 20, tzinfo=KST))  # display_date, Z → KST
    assert result.modified == dt.datetime(2025, 11, 3, 11, 41, 10, tzinfo=KST)
    assert result.authors == ("김하늘", "이바다")
    for furniture in ("캡션", "광고", "배너", "관련 기사", "정치", "수상버스"):
        assert furniture not in result.body


def test_arc_fusion_story_in_another_template() -> None:
    result = extract_page(arc_page_b(), url="https://www.hangyeol.example/policy/2025/11/04/XYZ/")
    paragraphs = ("지원금 두 배로", *PARAGRAPHS)
    assert_article(result, dt.datetime(2025, 11, 4, 8, 15, tzinfo=KST), paragraphs)
    assert result.modified == dt.datetime(2025, 11, 4, 9, 0, tzinfo=KST)
    assert result.authors == ("박산",)
    for furniture in ("영상", "갤러리", "대표 이미지", "많이 본"):
        assert furniture not in result.body


# Next.js (__NEXT_DATA__) ---------------------------------------------------------------------------


def next_page_a() -> bytes:
    """`props.pageProps.article` with an HTML body (figure and ad div inside), related teasers and one
    related story longer than the article (the page's og:title names the article)."""
    body_html = (
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        '<figure class="photo"><img src="/p.jpg">'
        "<figcaption>창업 지원 설명회 모습. 사진 설명</figcaption></figure>"
        f"<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>"
        '<div class="ad"><script>loadAd()</script></div>'
        f"<p>{PARAGRAPHS[4]}</p>"
    )
    other_story = "".join(f"<p>{p}</p>" for p in OTHER_PARAGRAPHS * 2)
    data = {
        "props": {
            "pageProps": {
                "article": {
                    "id": 90211, "title": HEADLINE, "bodyHtml": body_html,
                    "summary": "청년 창업 지원금 확대", "publishedAt": "2025-10-01T09:30:00+09:00",
                    "updatedAt": "2025-10-01T11:02:00+09:00",
                    "author": {"name": "정우리", "email": "w@example.kr"},
                },
                "related": [
                    {"title": "한강 수상버스 운항 시간 연장", "body": other_story},
                    {"title": "지난해 청년 창업 지원 성과", "summary": "짧은 소개 글", "url": "/news/1"},
                    {"title": "인구감소지역 지정 현황", "summary": "또 다른 짧은 소개 글", "url": "/news/2"},
                ],
                "menu": [{"title": "정책", "href": "/policy"}, {"title": "경제", "href": "/economy"}],
            },
            "__N_SSP": True,
        },
        "page": "/news/[id]", "query": {"id": "90211"}, "buildId": "b1", "isFallback": False,
    }  # fmt: skip
    head = f'<title>정책뉴스</title><meta property="og:title" content="{HEADLINE} | 정책뉴스">'
    body = (
        '<div id="__next"><div class="gnb-wrap">'
        + menu("홈", "정책", "경제", "지역", "오피니언")
        + '</div><div class="article-view"></div></div>'
        + f'<script id="__NEXT_DATA__" type="application/json">{script_json(data)}</script>'
    )
    return page(head, body)


def next_page_b() -> bytes:
    """React Query state deep in pageProps; body as typed blocks (paragraph/image/ad/subheading),
    epoch-millisecond dates, snake_case keys, and a sidebar of popular stories with their own text."""
    blocks = [
        {"type": "paragraph", "text": PARAGRAPHS[0]},
        {"type": "image", "src": "/a.jpg", "caption": "사진 캡션입니다 사진 캡션입니다"},
        {"type": "paragraph", "text": PARAGRAPHS[1]},
        {"type": "paragraph", "text": PARAGRAPHS[2]},
        {"type": "ad", "slot": "middle", "text": "광고 영역 광고 영역"},
        {"type": "paragraph", "text": PARAGRAPHS[3]},
        {"type": "relatedArticles", "items": [{"title": "관련 기사 제목", "text": "관련 기사 요약"}]},
        {"type": "paragraph", "text": PARAGRAPHS[4]},
    ]
    popular = [{"news_title": f"인기 기사 {i}", "contents": [{"type": "paragraph", "text": "짧은 요약 " * 3}]}
               for i in range(3)]  # fmt: skip
    detail = {
        "news_id": "N2025102", "news_title": HEADLINE, "contents": blocks,
        "created_at": int(dt.datetime(2025, 10, 2, 6, 45, tzinfo=KST).timestamp() * 1000),
        "updated_at": int(dt.datetime(2025, 10, 2, 7, 0, tzinfo=KST).timestamp() * 1000),
        "reporters": [{"name": "한솔", "dept": "정책팀"}],
    }  # fmt: skip
    state = {"queries": [
        {"queryKey": ["popular"], "state": {"data": {"list": popular}}},
        {"queryKey": ["news", "N2025102"],
         "state": {"data": {"result": {"newsDetail": detail}}, "status": "success"}},
    ]}  # fmt: skip
    data = {
        "props": {"pageProps": {"dehydratedState": state, "_sentryTraceData": "x"}},
        "page": "/article/[id]",
    }
    head = '<meta property="og:site_name" content="바른경제"><title>바른경제</title>'
    body = (
        '<div id="__next">'
        '<div class="header"><a href="/">바른경제</a><ul class="menu"><li><a href="/m">시장</a></li>'
        '<li><a href="/f">금융</a></li><li><a href="/r">부동산</a></li></ul></div>'
        '<section class="content"><article></article></section>'
        '<div class="footer">바른경제 · 등록번호 서울 아00000</div></div>'
        '<script id="__NEXT_DATA__" type="application/json" crossorigin="anonymous">'
        f"{script_json(data)}</script>"
    )
    return page(head, body)


def test_next_data_article_with_html_body() -> None:
    result = extract_page(next_page_a(), url="https://news.jeongchaek.example/news/90211")
    assert_article(result, dt.datetime(2025, 10, 1, 9, 30, tzinfo=KST))
    assert result.modified == dt.datetime(2025, 10, 1, 11, 2, tzinfo=KST)
    assert result.authors == ("정우리",)
    assert "사진 설명" not in result.body and "loadAd" not in result.body and "수상버스" not in result.body


def test_next_data_article_deep_in_query_state_with_blocks() -> None:
    result = extract_page(next_page_b(), url="https://www.bareun.example/article/N2025102")
    assert_article(result, dt.datetime(2025, 10, 2, 6, 45, tzinfo=KST))  # epoch milliseconds
    assert result.modified == dt.datetime(2025, 10, 2, 7, 0, tzinfo=KST)
    assert result.authors == ("한솔",)
    for furniture in ("캡션", "광고", "관련 기사", "인기 기사", "짧은 요약"):
        assert furniture not in result.body


# JSON-LD articleBody -------------------------------------------------------------------------------


def ld_page_a() -> bytes:
    """One NewsArticle with a plain-text articleBody, paragraphs split by newlines."""
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
        "articleBody": "\n\n".join(OTHER_PARAGRAPHS[:0] + PARAGRAPHS),
        "datePublished": "2025-09-15T14:00:00+09:00", "dateModified": "2025-09-15T15:10:00+09:00",
        "author": [{"@type": "Person", "name": "오누리"}],
        "publisher": {"@type": "Organization", "name": "새빛뉴스"},
    }  # fmt: skip
    head = f'<title>새빛뉴스</title><script type="application/ld+json">{script_json(ld)}</script>'
    body = menu("뉴스", "정치", "경제", "사회", "전국") + '<div id="root"></div>' + footer()
    return page(head, body)


def ld_page_b() -> bytes:
    """`@graph` inside a list, a ReportageNewsArticle with an HTML articleBody, naive dates."""
    body_html = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    body_html += '<figure><img src="/x.png"><figcaption>현장 사진 설명</figcaption></figure>'
    body_html += "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    graph = [
        {"@context": "https://schema.org", "@type": "BreadcrumbList",
         "itemListElement": [{"@type": "ListItem", "position": 1, "name": "정책"}]},
        {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "누리소식", "url": "https://nuri.example"},
            {"@type": ["ReportageNewsArticle"], "headline": HEADLINE, "articleBody": body_html,
             "datePublished": "2025-09-16 08:05:00", "author": {"@type": "Person", "name": "문가람"}},
        ]},
    ]  # fmt: skip
    head = f"<script type='application/ld+json'>{script_json(graph)}</script><title>누리소식 - 정책</title>"
    body = (
        '<div class="wrap"><div class="lnb"><a href="/a">알림</a> <a href="/b">소식</a></div>'
        '<div class="view-area" data-role="article"><div class="loading">불러오는 중</div></div></div>'
    )
    return page(head, body)


def test_json_ld_article_body_plain_text() -> None:
    result = extract_page(ld_page_a(), url="https://www.saebit.example/news/7")
    assert_article(result, dt.datetime(2025, 9, 15, 14, 0, tzinfo=KST))
    assert result.authors == ("오누리",)


def test_json_ld_article_body_html_in_a_graph() -> None:
    result = extract_page(ld_page_b(), url="https://nuri.example/policy/8")
    assert_article(result, dt.datetime(2025, 9, 16, 8, 5, tzinfo=KST))  # naive → KST
    assert "사진 설명" not in result.body and "불러오는 중" not in result.body


# falls back, or is not needed ----------------------------------------------------------------------


DEEP_LIST = "[" * 50000 + "]" * 50000  # deeper than Python's recursion limit
DEEP_OBJECT = '{"a":' * 50000 + "1" + "}" * 50000
VISIBLE_SHORT = "한빛군은 4일 군청 대회의실에서 올해 하반기 읍면장 회의를 열었다고 밝혔다."


@pytest.mark.parametrize(
    "script",
    [
        '<script>Fusion.globalContent={"headlines":{"basic":"깨진 기사"},"content_elements":[{"type":"text",'
        '"content":"잘린 문단</script>',
        '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"article":{"title":'
        '"깨진 기사","body":"<p>잘린 문단</p>"</script>',
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"깨진 기사",'
        '"articleBody":"잘린 문단</script>',
        "<script>window.__INITIAL_STATE__ = {title: '자바스크립트 객체', body: undefined};</script>",
        f'<script type="application/json">{DEEP_LIST}</script>'
        f'<script type="application/ld+json">{DEEP_LIST}</script>'
        f"<script>Fusion.globalContent={DEEP_OBJECT};</script>",
    ],
    ids=["fusion", "next", "json-ld", "js-object", "too-deep"],
)
def test_malformed_script_json_is_ignored(script: str) -> None:
    raw = page(
        "<title>한빛군청</title>",
        menu("군정소식", "보도자료")
        + f'<div class="article"><h1>하반기 읍면장 회의</h1><p>{VISIBLE_SHORT}</p></div>{script}',
    )
    result = extract_page(raw)
    assert result.body == VISIBLE_SHORT
    assert "잘린 문단" not in result.body


def test_malformed_json_and_empty_container_is_an_empty_page() -> None:
    raw = page(
        "", menu("홈") + '<div id="root"></div><script>Fusion.globalContent={"content_elements":[</script>'
    )
    with pytest.raises(EmptyPageError):
        extract_page(raw)


def test_long_visible_body_is_kept_over_embedded_data() -> None:
    """A fully rendered article wins; another story in the page's data is not used."""
    other = {
        "props": {
            "pageProps": {
                "story": {"title": "한강 수상버스 운항 시간 연장", "content": "\n".join(OTHER_PARAGRAPHS * 3)}
            }
        }
    }
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    raw = page(
        f'<meta property="og:title" content="{HEADLINE}">'
        '<meta property="article:published_time" content="2025-11-05T10:00:00+09:00">',
        menu("정치", "경제")
        + f"<article><h1>{HEADLINE}</h1>{paragraphs}</article>"
        + f'<script id="__NEXT_DATA__" type="application/json">{script_json(other)}</script>',
    )
    result = extract_page(raw)
    assert_article(result, dt.datetime(2025, 11, 5, 10, 0, tzinfo=KST))
    assert "수상버스" not in result.body


def test_visible_article_borrows_the_embedded_dates_when_meta_has_none() -> None:
    """Same story rendered and in the data: the data's date fills in for missing meta dates."""
    story = {"headlines": {"basic": HEADLINE}, "display_date": "2025-11-06T00:30:00Z",
             "content_elements": [{"type": "text", "content": p} for p in PARAGRAPHS]}  # fmt: skip
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    raw = page("<title>오늘신문</title>", f"<article><h1>{HEADLINE}</h1>{paragraphs}</article>"
               f"<script>Fusion.globalContent={script_json(story)};</script>")  # fmt: skip
    result = extract_page(raw)
    assert_article(result, dt.datetime(2025, 11, 6, 9, 30, tzinfo=KST))


def test_embedded_article_reads_portable_text_and_wordpress_shapes() -> None:
    portable = {"_type": "post", "title": HEADLINE, "publishedAt": "2025-08-01T00:00:00Z", "body": [
        {"_type": "block", "style": "normal", "children": [
            {"_type": "span", "text": PARAGRAPHS[0][:10]}, {"_type": "span", "text": PARAGRAPHS[0][10:]}]},
        {"_type": "image", "asset": {"_ref": "image-1"}, "alt": "이미지 설명"},
        {"_type": "block", "children": [{"_type": "span", "text": PARAGRAPHS[1]}]},
        {"_type": "block", "children": [{"_type": "span", "text": PARAGRAPHS[2], "marks": ["strong"]}]},
    ]}  # fmt: skip
    wordpress = {
        "title": {"rendered": HEADLINE}, "date": "2025-08-02T10:00:00", "modified": "2025-08-02T11:00:00",
        "content": {"rendered": "".join(f"<p>{p}</p>" for p in PARAGRAPHS), "protected": False},
    }  # fmt: skip
    for data, paragraphs, published in (
        (portable, PARAGRAPHS[:3], dt.datetime(2025, 8, 1, 9, 0, tzinfo=KST)),
        (wordpress, PARAGRAPHS, dt.datetime(2025, 8, 2, 10, 0, tzinfo=KST)),
    ):
        tree = parse_html(
            f'<html><body><script type="application/json">{script_json(data)}</script></body></html>'
        )
        article = embedded_article(tree)
        assert article is not None
        assert article.title == HEADLINE
        assert article.paragraphs == paragraphs
        assert article.published == published


def test_redux_initial_state_with_contentful_rich_text() -> None:
    """`window.__INITIAL_STATE__ = {...}` (Redux hydration) holding a Contentful rich-text document."""

    def paragraph(text: str) -> dict[str, Any]:
        return {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": text, "marks": []}]}

    document = {"nodeType": "document", "content": [
        paragraph(PARAGRAPHS[0]),
        {"nodeType": "embedded-asset-block", "data": {"target": {"title": "사진 설명"}}, "content": []},
        {"nodeType": "unordered-list", "content": [
            {"nodeType": "list-item", "content": [paragraph(PARAGRAPHS[1])]},
            {"nodeType": "list-item", "content": [paragraph(PARAGRAPHS[2])]}]},
        *(paragraph(p) for p in PARAGRAPHS[3:]),
    ]}  # fmt: skip
    fields = {"headline": HEADLINE, "body": document, "publishDate": "2025-07-01T08:00+09:00"}
    state = {"router": {"path": "/a/1"}, "article": {"entry": {"fields": fields}}}
    raw = page(
        "<title>새소식</title>",
        menu("홈", "소식") + '<div id="app"></div>'
        f"<script>window.__INITIAL_STATE__ = {script_json(state)};window.__ENV__ = {{}};</script>",
    )
    assert_article(extract_page(raw), dt.datetime(2025, 7, 1, 8, 0, tzinfo=KST))


def test_found_in_matches_the_same_article_only() -> None:
    article = EmbeddedArticle("제목", ("짧은 문단 하나", "두 번째 문단은 조금 더 길게 쓴 문장입니다"))
    assert article.found_in("머리말\n두 번째 문단은 조금 더 길게 쓴 문장입니다\n맺음말")
    assert not article.found_in("전혀 다른 기사의 본문입니다")
