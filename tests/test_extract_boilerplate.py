"""Boilerplate inside the article container, on two made-up templates per class."""

from __future__ import annotations

import pytest

from nlp.extract import extract_page

TITLE = "한빛시, 청년 월세 지원 대상 확대"
PARAGRAPHS = (
    "한빛시는 내년부터 청년 월세 지원 대상을 소득 기준 중위 150%까지 넓힌다고 3일 밝혔다. 신청은 주민센터와 "
    "누리집에서 받는다.",
    "시 관계자는 “청년들의 주거 부담을 덜기 위해 지원 폭을 넓혔다”며 “많은 신청을 바란다”고 말했다.",
    "시는 올해 하반기 주거 실태 조사를 마쳤으며, 조사 결과를 토대로 세부 계획을 다음 달까지 확정한다.",
    "지원 대상은 한빛시에 주민등록을 두고 혼자 사는 만 19세에서 34세 사이 청년으로, 임차보증금 5천만 원 이하 "
    "주택에 월세로 사는 사람이다.",
    "시는 신청자가 많으면 소득이 낮은 순으로 지원 대상을 정하고, 결과는 개별 문자로 알린다.",
)
RELATED = ("한빛시, 청년 창업 공간 개소 확대 추진 계획 발표", "한빛시 청년 정책 박람회 성황리에 마쳐")


def page(container: str) -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE}"></head>'
        f"<body>{container}</body></html>"
    ).encode()


def paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


RELATED_PARAGRAPHS = page(
    f'<div class="article">{paragraphs()}<p>▶ 관련기사</p>'
    + "".join(
        f'<p><a href="/news/articleView.html?idxno={100 + i}">· {t}</a></p>' for i, t in enumerate(RELATED)
    )
    + "</div>"
)
RELATED_DIVS = page(
    f"<article>{paragraphs()}<div><b>함께 보면 좋은 기사</b></div>"
    + "".join(
        f'<div><a href="https://news.example/2025/12/0{i}/story-{i}">{t}</a></div>'
        for i, t in enumerate(RELATED)
    )
    + "</article>"
)


@pytest.mark.parametrize("raw", [RELATED_PARAGRAPHS, RELATED_DIVS], ids=["paragraphs", "definition-list"])
def test_related_article_lines_inside_the_container_are_dropped(raw: bytes) -> None:
    body = extract_page(raw).body
    assert all(p in body for p in PARAGRAPHS)
    assert not any(t in body for t in RELATED)


def test_a_link_inside_a_sentence_stays() -> None:
    raw = page(
        f'<article>{paragraphs()}<p>자세한 내용은 <a href="/news/view?id=7">시 누리집 공고</a>'
        "를 보면 된다.</p></article>"
    )
    assert "자세한 내용은 시 누리집 공고를 보면 된다." in extract_page(raw).body


COMMENTED_OUT = page(
    f'<div class="view">{paragraphs()}'
    "<!-- <p>예전 편집본에 있던 문단으로 지금은 보이지 않는 내용이다 옛 문장</p> -->"
    "<p>시는 신청 기간을 한 달로 정했다고 덧붙였다.</p></div>"
)
COMMENTED_OUT_BROKEN = page(
    f"<section>{paragraphs()}"
    "<!-- 광고 영역 시작 <div>지금 가입하면 한 달 무료 구독 혜택을 드립니다 옛 문장</div> --!>"
    "<p>시는 신청 기간을 한 달로 정했다고 덧붙였다.</p></section>"
)


@pytest.mark.parametrize("raw", [COMMENTED_OUT, COMMENTED_OUT_BROKEN], ids=["comment", "broken-comment-end"])
def test_commented_out_markup_is_not_text(raw: bytes) -> None:
    body = extract_page(raw).body
    assert "옛 문장" not in body
    assert body.endswith("시는 신청 기간을 한 달로 정했다고 덧붙였다.")


KOGL_BLOCK = page(
    f'<div class="article">{paragraphs()}<div class="kogl"><img alt="공공누리 제1유형">'
    "<p>한빛시청이 창작한 이 저작물은 공공누리 제1유형 조건에 따라 이용할 수 있습니다.</p></div>"
    "<table><tr><th>담당부서</th><td>청년정책과</td><th>담당자</th><td>김하늘</td></tr>"
    "<tr><th>연락처</th><td>031-123-4567</td></tr></table></div>"
)
KOGL_LINES = page(
    f"<div id='txt'>{paragraphs()}<p>※ 본 저작물은 공공누리 출처표시 조건에 따라 이용할 수 있습니다.</p>"
    "<p>담당 : 주거정책과 주거복지팀 (☎ 031-123-4567)</p></div>"
)


@pytest.mark.parametrize("raw", [KOGL_BLOCK, KOGL_LINES], ids=["block-and-table", "lines"])
def test_licence_and_department_blocks_are_dropped(raw: bytes) -> None:
    body = extract_page(raw).body
    assert "공공누리" not in body and "031-123-4567" not in body and "청년정책과" not in body
    assert body.startswith(PARAGRAPHS[0])


# pointers to other articles and a closing dateline, written into the body's own paragraphs -------

POINTER_NEWS = page(
    f"<article>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[:3])}<p>▶ 관련기사: {RELATED[0]}</p>"
    f"{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[3:])}<p>[한빛일보=홍길동 기자]</p></article>"
)
POINTER_BOARD = page(
    f'<div class="view-con">{"<br><br>".join(PARAGRAPHS[:2])}<br><br>☞ 관련 기사 - {RELATED[1]}<br><br>'
    f"{'<br><br>'.join(PARAGRAPHS[2:])}<br><br>(한빛=한빛통신) 김하늘 기자</div>"
)


@pytest.mark.parametrize("raw", [POINTER_NEWS, POINTER_BOARD], ids=["news-paragraphs", "board-br-lines"])
def test_related_article_pointers_and_a_closing_dateline_leave_the_body(raw: bytes) -> None:
    body = extract_page(raw).body
    assert body.splitlines() == list(PARAGRAPHS)


def test_a_sentence_about_related_news_stays() -> None:
    said = "관련 기사에 따르면 시는 내년 예산을 20% 늘릴 계획이다."
    body = extract_page(page(f"<article>{paragraphs()}<p>{said}</p></article>")).body
    assert said in body.splitlines()
