"""Sub-headings the page sets inside the article stay in the body, where trafilatura's
fallbacks drop them."""

from __future__ import annotations

import trafilatura

from nlp.extract import extract_page
from nlp.sections import split_sections

BOARD_RELEASE = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>보도자료 | 해양수산부</title></head><body>
<div id="top"><a href="/">해양수산부</a><ul class="menu"><li><a href="/a">정책</a></li><li><a
href="/b">알림</a></li></ul></div>
<div class="cnt">
<table class="bbs-view"><caption>보도자료 상세</caption>
<tr><th>제목</th><td class="tit">연안 여객선 운임 지원, 내년부터 모든 섬 주민으로 확대</td></tr>
<tr><th>등록일</th><td>2025.11.03</td></tr>
<tr><td colspan="2" class="view-body">
<p>해양수산부는 내년부터 연안 여객선 운임 지원을 모든 섬 주민으로 넓힌다고 3일 밝혔다. 지금은
인구 100명 이상 섬의 주민만 받을 수 있다.</p>
<h4>1. 추진 배경</h4>
<p>작은 섬의 주민은 뭍에 나가는 뱃삯이 한 번에 2만 원이 넘는다. 주민들은 병원과 장을 보러 갈
때마다 부담이 크다고 호소해 왔다.</p>
<h4>2. 주요 내용</h4>
<p>섬 주민은 운임의 70%를 지원받아 한 번에 최대 6,000원만 내면 된다. 지원 대상은 약 3만
2,000명으로 늘어난다.</p>
<p>정부는 이를 위해 내년 예산에 180억 원을 반영했다. 이는 올해보다 45억 원 늘어난 규모다.</p>
</td></tr></table>
<h2 class="tit-box">많이 본 자료</h2>
<ul><li><a href="/v/1">어촌 뉴딜 사업 대상지 선정 결과 발표</a></li><li><a href="/v/2">겨울철
해양 안전 수칙
안내</a></li></ul>
</div></body></html>"""
BOARD_HEADINGS = ["1. 추진 배경", "2. 주요 내용"]

CITY_NEWS = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>푸른시청 &gt; 시정소식 | 푸른시, 공공 자전거 1시간 무료로</title>
<meta property="og:title" content="푸른시, 공공 자전거 1시간 무료로">
<meta property="article:published_time" content="2025-10-14T09:00:00+09:00"></head><body>
<div id="wrap"><div id="top"><a href="/" class="ci">푸른시청</a>
<ul class="menu"><li><a href="/news">시정소식</a></li><li><a href="/notice">공지</a></li></ul></div>
<div id="body"><div class="side-menu"><strong class="side-title">시정소식</strong>
<ul><li class="on"><a href="/news/list">보도자료</a></li><li><a
href="/photo">포토뉴스</a></li></ul></div>
<div id="txt" class="board"><p class="navi">홈 / 시정소식 / 보도자료</p>
<h3>푸른시, 공공 자전거 1시간 무료로</h3>
<div class="contents">
<p>- 다음 달부터 시민 누구나 앱 가입만으로 이용 -</p>
<p>푸른시는 다음 달부터 공공 자전거를 1시간까지 무료로 탈 수 있게 한다고 14일 밝혔다. 시민
누구나 앱에 가입하면 이용할 수 있다.</p>
<h5>대여소 300곳으로 늘려</h5>
<p>시는 올해 안에 대여소를 200곳에서 300곳으로 늘리고 자전거 1,500대를 새로 들인다. 새 대여소는
지하철역과 대학가에 먼저 들어선다.</p>
<h5>안전모 무료 대여도</h5>
<p>대여소마다 안전모를 무료로 빌려주는 보관함도 설치한다. 시는 안전모 착용률을 높이기 위해
캠페인을 함께 벌일 예정이다.</p>
<p>푸른시 관계자는 "자전거가 시민의 일상 교통수단이 되도록 하겠다"고 말했다.</p>
</div>
<ul class="prev-next"><li>이전글 <a href="/news/76">가을 축제 교통 통제 안내</a></li></ul>
</div></div>
<div id="footer"><p>푸른시청 대표전화 120</p></div></div></body></html>"""
CITY_HEADINGS = ["대여소 300곳으로 늘려", "안전모 무료 대여도"]


def test_trafilatura_alone_loses_the_sub_headings_of_both_templates() -> None:
    for page, headings in ((BOARD_RELEASE, BOARD_HEADINGS), (CITY_NEWS, CITY_HEADINGS)):
        text = trafilatura.extract(page) or ""
        assert not any(h in text.splitlines() for h in headings)


def test_a_board_release_keeps_its_numbered_sub_headings_in_place() -> None:
    page = extract_page(BOARD_RELEASE.encode(), url="https://www.mof.example.go.kr/bbs/view.do?id=3")
    lines = page.body.splitlines()
    assert [line for line in lines if line in BOARD_HEADINGS] == BOARD_HEADINGS
    assert lines[lines.index("1. 추진 배경") + 1].startswith("작은 섬의 주민은")
    assert lines[lines.index("2. 주요 내용") + 1].startswith("섬 주민은 운임의 70%")
    assert "많이 본 자료" not in page.body and page.title not in page.body
    parts = split_sections(page.body, page.sections)
    assert [p.heading(page.body) for p in parts] == [None, *BOARD_HEADINGS]


def test_a_city_news_page_keeps_its_h5_sub_headings_in_place() -> None:
    page = extract_page(CITY_NEWS.encode(), url="https://www.pureun.example.kr/news/view?id=77")
    lines = page.body.splitlines()
    assert [line for line in lines if line in CITY_HEADINGS] == CITY_HEADINGS
    assert lines[lines.index("안전모 무료 대여도") + 1].startswith("대여소마다 안전모를")
    assert page.title == "푸른시, 공공 자전거 1시간 무료로" and page.title not in page.body
    parts = split_sections(page.body, page.sections)
    assert [p.heading(page.body) for p in parts] == [None, *CITY_HEADINGS]
