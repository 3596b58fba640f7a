"""What every page of a source shares that is still each page's own, given in one batch.

A crawl of one section can be all one series: a recurring headline (``[오늘의 날씨] …``,
``[인사] …``) on every page, or interviews asking the outlet's stock questions. Two made-up
templates for each: the shared text is the page's, not the source's template.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable

import pytest

from nlp.extract import extract_page, extract_source_pages
from nlp.page import ExtractedPage

STORIES = (
    (
        "가람도 기상지청",
        "중부 지방은 오후부터 빗방울이 떨어지고 남부 지방은 밤늦게 비가 그치겠다고 7일 밝혔다.",
        "예상 강수량은 5에서 20밀리미터이며 산간 지역에는 돌풍이 불 수 있다.",
        "낮 최고기온은 19도에서 24도로 어제와 비슷하겠다.",
    ),
    (
        "나래시 재난안전과",
        "나래시는 출근길 안개로 교량 세 곳의 통행 속도를 시속 50킬로미터로 제한한다고 8일 밝혔다.",
        "안개는 오전 10시를 전후해 걷히겠으며 낮에는 구름이 많겠다.",
        "시는 가시거리가 100미터 아래로 떨어지면 문자로 알린다.",
    ),
    (
        "다온군 농업기술센터",
        "다온군은 늦서리 피해를 막기 위해 과수 농가에 방상팬을 가동하라고 9일 당부했다.",
        "아침 최저기온은 영하 1도에서 영상 4도로 평년보다 낮겠다.",
        "군은 피해 농가의 신고를 읍면 사무소에서 다음 주까지 받는다.",
    ),
    (
        "라온시 환경정책과",
        "라온시는 미세먼지 농도가 높아 공공 사업장의 운영 시간을 줄인다고 10일 밝혔다.",
        "미세먼지는 오후 들어 서풍이 불면서 점차 옅어지겠다.",
        "시는 어린이집과 경로당에 마스크 3만 장을 나눠 준다.",
    ),
)


def story(index: int) -> list[str]:
    office, first, second, third = STORIES[index]
    return [f"{office}에 따르면 {first}", f"{office} 관계자는 “{second}”고 설명했다.", third]


# A recurring headline: every page of the section carries the same one ------------------------------

WEATHER = "[오늘의 날씨] 전국 흐리고 곳곳 비"
PERSONNEL = "[인사] 다온군청"


def gazette(title: str, index: int) -> bytes:
    """A paper's article: ``og:title`` and an ``<h1>`` name the headline, ``<title>`` adds the paper."""
    text = "".join(f"<p>{p}</p>" for p in story(index))
    escaped = html.escape(title)
    return f"""<html><head><meta charset="utf-8"><title>{escaped} | 가람신문</title>
<meta property="og:title" content="{escaped}"></head><body>
<nav><a href="/">가람신문</a> <a href="/society">사회</a> <a href="/life">생활</a></nav>
<div class="article"><h1 class="headline">{escaped}</h1><p class="date">입력 2025.05.0{index + 1} 06:00</p>
<div class="article_txt">{text}</div></div><footer>가람신문 무단 전재 및 재배포 금지</footer>
</body></html>""".encode()


def wire(title: str, index: int) -> bytes:
    """A wire service's item: JSON-LD names the headline, ``<title>`` is the service's name on every
    page, the headline is printed in a board-like cell with a subtitle over the text."""
    text = "<br>".join(story(index))
    data = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": f"2025-06-0{index + 1}"})
    return f"""<html><head><meta charset="utf-8"><title>나래통신</title>
<script type="application/ld+json">{data}</script></head><body>
<table class="view"><tr><th>제목</th><td class="subject">{html.escape(title)}</td></tr>
<tr><td colspan="2"><h3 class="sub">{html.escape(STORIES[index][0])} 발표 내용 정리</h3>
{text}<br>나래통신 기사 제보 및 문의 안내</td></tr></table></body></html>""".encode()


@pytest.mark.parametrize(("template", "title"), [(gazette, WEATHER), (wire, PERSONNEL)])
@pytest.mark.parametrize("count", [3, 4])
def test_a_headline_every_page_of_the_source_shares_stays_each_pages_title(
    template: Callable[[str, int], bytes], title: str, count: int
) -> None:
    pages = [(template(title, i), f"https://garam.example/news/{i}") for i in range(count)]
    results = extract_source_pages(pages)
    for (raw, url), result in zip(pages, results, strict=True):
        assert isinstance(result, ExtractedPage)
        assert result.title == title
        assert result.title == extract_page(raw, url=url).title  # at worst what the page alone gives


@pytest.mark.parametrize("template", [gazette, wire])
def test_a_series_tag_the_headlines_share_with_one_other_headline(
    template: Callable[[str, int], bytes],
) -> None:
    titles = [WEATHER, WEATHER, WEATHER, "다온군 늦서리 피해 농가 신고 받는다"]
    pages = [(template(title, i), f"https://garam.example/s/{i}") for i, title in enumerate(titles)]
    assert [r.title for r in extract_source_pages(pages)] == titles  # type: ignore[union-attr]


# Interviews asking the outlet's stock questions between their own answers -------------------------

GUESTS = (
    ("김하늘", "청년 주거"),
    ("이바다", "지역 의료"),
    ("박솔잎", "소상공인 금융"),
    ("최나무", "농촌 돌봄"),
)


def interview(index: int) -> list[str]:
    """An interview's lines: the guest's own answers around the stock questions (marked ``Q``)."""
    name, topic = GUESTS[index]
    return [
        f"{name} 실장은 최근 인터뷰에서 {topic} 정책의 방향을 설명했다. 다음은 일문일답.",
        f"Q- {topic} 현황을 어떻게 보나.",
        f"“{topic} 문제는 한두 해에 풀 수 있는 일이 아니다. 올해 {index + 1}분기 지표는 나아지고 있다.”",
        "Q- 가장 시급한 과제는 무엇인가.",
        f"“{topic} 예산을 현장에 빨리 내려보내는 일이다. 집행률을 매달 점검하겠다.”",
        "Q- 앞으로의 계획은.",
        f"“{topic} 세부 시행계획을 다음 달까지 마련하고 관계 부처와 협의하겠다.”",
        "Q- 주민들이 달라진 점을 언제쯤 느낄까?",
        f"“{index + 2}년 안에는 {topic} 지원을 받는 가구가 눈에 띄게 늘 것이다.”",
    ]


def _lines(index: int, question: str) -> list[str]:
    return [line.replace("Q- ", question) for line in interview(index)]


def daily_interview(index: int) -> bytes:
    """A daily's interview: questions in bold paragraphs, the paper's boxes under the text."""
    name, _ = GUESTS[index]
    text = "".join(
        f"<p><strong>{line}</strong></p>" if line.startswith("- ") else f"<p>{line}</p>"
        for line in _lines(index, "- ")
    )
    return f"""<html><head><meta charset="utf-8">
<title>[인터뷰] {name} 실장 “속도보다 방향” - 바람일보</title></head>
<body><div class="art_head"><h2>[인터뷰] {name} 실장 “속도보다 방향”</h2>
<span class="date">승인 2025.05.1{index} 10:00</span></div><div class="art_body">{text}
<p>바람일보 인터뷰 연재 전체 보기</p><p>바람일보 구독하고 매일 아침 뉴스레터 받기</p></div>
</body></html>""".encode()


def agency_magazine(index: int) -> bytes:
    """An agency's web magazine: one text box broken by ``<br>``, questions after ``문)``, its
    boxes above and under the text."""
    name, _ = GUESTS[index]
    text = "<br>".join(_lines(index, "문) "))
    return f"""<html><head><meta charset="utf-8"><title>다온 웹진</title></head><body><table><tr><td>
<b>다온 웹진 사람과 정책 코너</b></td></tr><tr><td><b class="subject">{name} 실장이 말하는 정책의 방향</b><br>
2025.06.0{index + 1}<br>{text}<br>다온 웹진 지난 호 모아 보기<br>다온 웹진 독자 의견 보내기 안내</td></tr>
</table></body></html>""".encode()


INTERVIEWS: dict[str, tuple[Callable[[int], bytes], str, tuple[str, ...]]] = {
    "daily": (daily_interview, "- ", ("인터뷰 연재 전체 보기", "뉴스레터 받기")),
    "agency": (agency_magazine, "문) ", ("지난 호 모아 보기", "독자 의견 보내기")),
}


@pytest.mark.parametrize("name", INTERVIEWS)
def test_stock_questions_between_an_interviews_answers_stay_while_furniture_goes(name: str) -> None:
    template, question, furniture = INTERVIEWS[name]
    pages = [(template(i), f"https://baram.example/interview/{i}") for i in range(3)]
    results = extract_source_pages(pages)
    for index, result in enumerate(results):
        assert isinstance(result, ExtractedPage)
        assert all(line in result.body for line in _lines(index, question))
        assert not any(text in result.body for text in furniture)
