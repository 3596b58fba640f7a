"""Template memory: what a source prints on many pages is template; learned from the source's own pages.

Two made-up templates (a county press-release board and a newspaper archive viewer); each
page carries a different article, and the template's furniture sits inside the article's own
container, where general rules cannot tell it from prose.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from nlp.extract import extract_page, extract_source_pages
from nlp.page import ExtractedPage
from nlp.template import Fingerprint, learn_template

TOPICS = (
    (
        "노인 일자리",
        "어르신 일자리 사업 참여자를 1천200명으로 늘린다",
        "참여자는 공공시설 환경 정비와 돌봄 보조 업무를 맡는다",
    ),
    (
        "청년 월세",
        "청년 월세 지원 대상을 소득 기준 중위 150%까지 넓힌다",
        "신청은 주민센터와 누리집에서 받으며 매달 20만 원을 지원한다",
    ),
    (
        "어린이 통학로",
        "초등학교 통학로 12곳에 보행 신호 연장 장치를 설치한다",
        "설치 장소는 학부모 설문과 사고 기록을 바탕으로 골랐다",
    ),
    (
        "전통시장",
        "전통시장 세 곳의 지붕과 주차장을 새로 단장한다",
        "공사는 상인들의 영업에 지장이 없도록 야간에 진행한다",
    ),
    (
        "하천 정비",
        "도심 하천 4킬로미터 구간에 산책로와 생태 습지를 조성한다",
        "사업비는 국비와 군비를 합쳐 85억 원이 들어간다",
    ),
)


def paragraphs(index: int) -> list[str]:
    topic, plan, detail = TOPICS[index]
    return [
        f"새벽군은 {topic} 정책의 하나로 내년부터 {plan}고 {index + 3}일 밝혔다.",
        f"군 관계자는 “{detail}”며 “주민들이 변화를 바로 느낄 수 있도록 일정을 앞당기겠다”고 설명했다.",
        f"군은 올해 하반기 {topic} 현황 조사를 마쳤으며, 조사 결과를 토대로 세부 계획을 "
        "다음 달까지 확정한다.",
    ]


def headline(index: int) -> str:
    topic, plan, _ = TOPICS[index]
    return f"새벽군, {plan.split(' ', 1)[0]} {topic} 지원 확대"


# Template 1: a county board. The slogan heading and the 담당/공공누리 lines sit inside the view box.
def county_board(index: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs(index))
    return f"""<html><head><meta charset="utf-8"><title>새벽군청</title>
    <link rel="stylesheet" href="/css/board.css"></head><body>
    <div class="view_box"><h2>꿈과 희망이 자라는 행복 새벽군</h2>
    <h3>{headline(index)}</h3><div class="view_con">{body}
    <p>담당 부서 새벽군 기획예산실 정책기획팀 주무관 전화 안내 가능</p>
    <p>이 자료는 새벽군이 제작한 공공저작물로 출처를 밝히면 자유롭게 이용할 수 있습니다 제1유형</p>
    </div></div></body></html>"""


# Template 2: an archive viewer. The window header is <title> and a heading; a related list sits in the text.
def archive_viewer(index: int) -> str:
    body = "<br>".join(paragraphs(index))
    return f"""<html><head><meta charset="utf-8"><title>한빛일보 지난 기사 보기</title>
    <link rel="stylesheet" href="https://static.hanbit.example/viewer.css"></head><body>
    <table><tr><td><h1>한빛일보 지난 기사 보기</h1></td></tr>
    <tr><td><div><b>{headline(index)}</b></div><div class="text">{body}<br>
    함께 읽으면 좋은 한빛일보 기획 연재 모음 바로 보기<br>
    한빛일보 독자권익위원회가 독자의 목소리를 기다립니다 의견 보내기</div></td></tr></table></body></html>"""


TEMPLATES: dict[str, Callable[[int], str]] = {"county-board": county_board, "archive-viewer": archive_viewer}
FURNITURE = {
    "county-board": ("꿈과 희망이 자라는 행복 새벽군", "담당 부서 새벽군", "공공저작물로 출처를"),
    "archive-viewer": ("한빛일보 지난 기사 보기", "기획 연재 모음", "독자권익위원회"),
}


def page(template: str, index: int) -> bytes:
    return TEMPLATES[template](index).encode("utf-8")


@pytest.mark.parametrize("template", TEMPLATES)
def test_furniture_repeated_on_earlier_pages_is_dropped_from_the_next(template: str) -> None:
    learned = learn_template([extract_page(page(template, i)).fingerprint for i in range(3)])
    fresh = extract_page(page(template, 3), template=learned)
    assert fresh.title == headline(3)
    for text in FURNITURE[template]:
        assert text not in fresh.body
    assert all(line in fresh.body for line in paragraphs(3))


@pytest.mark.parametrize("template", TEMPLATES)
def test_without_memory_the_furniture_is_still_there(template: str) -> None:
    alone = extract_page(page(template, 3))
    assert any(text in alone.body for text in FURNITURE[template][1:])


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_site_wide_heading_is_never_the_title(template: str) -> None:
    learned = learn_template([extract_page(page(template, i)).fingerprint for i in range(3)])
    site_wide = FURNITURE[template][0]
    assert site_wide in learned.titles
    for index in range(5):
        assert extract_page(page(template, index), template=learned).title == headline(index)


def test_a_block_that_appears_once_stays() -> None:
    prints = [extract_page(page("county-board", i)).fingerprint for i in range(4)]
    learned = learn_template(prints)
    once = paragraphs(0)[0]
    assert once not in learned.lines
    assert once in extract_page(page("county-board", 0), template=learned).body


def test_pages_given_together_teach_each_other_their_template() -> None:
    batch = [(page(name, i), None) for name in TEMPLATES for i in range(4)]
    results = extract_source_pages(batch)
    for (name, index), result in zip([(n, i) for n in TEMPLATES for i in range(4)], results, strict=True):
        assert isinstance(result, ExtractedPage)
        assert result.title == headline(index)
        assert not any(text in result.body for text in FURNITURE[name])


def test_two_copies_of_one_page_do_not_make_its_text_template() -> None:
    copy = extract_page(page("county-board", 0)).fingerprint
    learned = learn_template([copy, copy])
    assert learned.pages == 1 and not learned


def test_memory_needs_half_of_a_small_source_and_a_fifth_of_a_large_one() -> None:
    small = [Fingerprint(lines=("공통 문구",) if i < 2 else (), body_hash=str(i)) for i in range(5)]
    assert "공통 문구" not in learn_template(small).lines  # 2 of 5 pages
    large = [Fingerprint(lines=("공통 문구",) if i < 6 else (), body_hash=str(i)) for i in range(30)]
    assert "공통 문구" in learn_template(large).lines  # 6 of 30 pages


def test_mobile_and_desktop_copies_of_one_article_count_once() -> None:
    desktop = extract_page(page("county-board", 1)).fingerprint
    mobile_html = county_board(1).replace('<div class="view_box">', '<div class="m"><p>모바일 메뉴 열기</p>')
    mobile = extract_page(mobile_html.encode()).fingerprint
    learned = learn_template([desktop, mobile, extract_page(page("county-board", 2)).fingerprint])
    assert learned.pages == 2
    assert headline(1) not in learned.titles


# Kept per source in the database: learned at ingest, used by the next page of the source ---------


def test_ingest_learns_the_source_template_and_uses_it_on_the_next_page(db: Any) -> None:
    from ingest.pipeline import Origin, ingest
    from store.models import Article, SourceTemplate

    for index in range(5):
        url = f"https://www.saebyeok.go.kr/board/view.do?id={index}"
        assert ingest(db, page("county-board", index), Origin(url, source="새벽군")).status == "new"
    with db.transaction() as session:
        articles = session.scalars(select(Article).order_by(Article.id)).all()
        learned = session.scalars(select(SourceTemplate)).one()
        first, last = articles[0], articles[-1]
        assert "공공저작물로 출처를" in first.body  # the first page had nothing to learn from
        assert not any(text in last.body for text in FURNITURE["county-board"])
        assert last.title == headline(4)
        assert learned.pages == 5 and "꿈과 희망이 자라는 행복 새벽군" in learned.titles
        assert any("공공저작물" in line for line in learned.lines)


def test_pages_of_other_sources_teach_nothing(db: Any) -> None:
    from ingest.pipeline import Origin, ingest
    from store.models import Article

    for index in range(3):
        ingest(
            db, page("county-board", index), Origin(f"https://a.example/v?id={index}", source=f"군{index}")
        )
    ingest(db, page("county-board", 3), Origin("https://a.example/v?id=3", source="군9"))
    with db.transaction() as session:
        last = session.scalars(select(Article).order_by(Article.id.desc())).first()
        assert last is not None and "공공저작물로 출처를" in last.body


def test_a_follow_up_sharing_paragraphs_keeps_them() -> None:
    """Two versions of one story (the later with a new lead) and an unrelated one, given together."""
    shared = paragraphs(0)[1:]
    first = county_board(0)
    follow_up = first.replace(
        paragraphs(0)[0], "새벽군은 노인 일자리 사업의 첫 참여자 모집을 오늘 마감했다고 밝혔다."
    )
    results = extract_source_pages(
        [(first.encode(), None), (follow_up.encode(), None), (page("county-board", 2), None)]
    )
    for result in results[:2]:
        assert isinstance(result, ExtractedPage)
        assert all(line in result.body for line in shared)


# A name no rule knows, after a separator on every <title> of the source ------------------------------


def magazine(index: int) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>{headline(index)} - 새벽 돋보기</title></head>
    <body><div class="wrap"><div class="txt">{"".join(f"<p>{p}</p>" for p in paragraphs(index))}</div></div>
    </body></html>""".encode()


def city_board(index: int) -> bytes:
    return f"""<html><head><meta charset="utf-8">
    <title>새벽의 눈 :: {headline(index)} :: 군민과 함께</title></head><body><table><tr><td>
    {"<br>".join(paragraphs(index))}</td></tr></table></body></html>""".encode()


@pytest.mark.parametrize("template", [magazine, city_board])
def test_a_name_every_title_of_the_source_carries_leaves_its_headlines(
    template: Callable[[int], bytes],
) -> None:
    alone = extract_page(template(0))
    assert alone.title != headline(0)  # one page cannot tell the name from the headline
    pages = [(template(i), f"https://saebyeok.example/news/{i}") for i in range(4)]
    extracted = extract_source_pages(pages)
    assert [p.title for p in extracted] == [headline(i) for i in range(4)]  # type: ignore[union-attr]


def test_a_short_word_the_titles_share_does_not_cut_a_headline() -> None:
    # every title ends "| 경제"; a headline that ends with the word keeps it
    titles = ["새벽군 청년 창업 지원으로 살아나는 지역 경제", headline(1), headline(2)]
    pages = []
    for i, title in enumerate(titles):
        text = "".join(f"<p>{p}</p>" for p in paragraphs(i))
        html = f"<html><head><title>{title} | 경제</title></head><body><div>{text}</div></body></html>"
        pages.append((html.encode(), f"https://saebyeok.example/e/{i}"))
    assert extract_source_pages(pages)[0].title == titles[0]  # type: ignore[union-attr]


def test_ingest_learns_the_name_on_the_sources_titles(db: Any) -> None:
    from ingest.pipeline import Origin, ingest
    from store.models import Article

    for index in range(4):
        ingest(db, magazine(index), Origin(f"https://saebyeok.example/news/{index}", source="새벽 돋보기"))
    with db.transaction() as session:
        titles = session.scalars(select(Article.title).order_by(Article.id)).all()
    assert titles[-1] == headline(3)


def _office_post(name: str, title: str, index: int) -> bytes:
    """An office's board post: its name closing every ``<title>`` after the board, and its headline
    opening with that name and a space, as offices write about themselves."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs(index))
    return f"""<html><head><meta charset="utf-8"><title>보도자료 | {name}</title></head><body>
<header><a href="/"><img alt="{name}" src="/logo.png"></a><ul><li><a href="/news">알림마당</a></li></ul>
</header><h4 class="tit">{title}</h4><p>작성일 : 2024-05-0{index + 1}</p><div class="cont">{text}</div>
</body></html>""".encode()


def _paper_about_itself(name: str, title: str, index: int) -> bytes:
    """A paper's page whose ``<title>`` opens with its name and a bar; one headline is its own news."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs(index))
    return f"""<html><head><meta charset="utf-8"><title>{name} | {title}</title></head>
<body><div class="art_head"><h2 class="headline">{title}</h2>
<span class="date">입력 2024.05.0{index + 1}</span></div><div class="art_body">{text}</div>
</body></html>""".encode()


@pytest.mark.parametrize(
    ("template", "name", "titles"),
    [
        (
            _office_post,
            "새벽군",
            ["새벽군 청년 월세 지원 확대 추진", "새벽군 올해 첫 폭염주의보 발령", headline(2)],
        ),
        (_paper_about_itself, "새벽일보", ["새벽일보 창간 30주년 기념식 열려", headline(1), headline(2)]),
    ],
)
def test_the_sources_name_opening_a_headline_with_a_space_stays_in_it(
    template: Callable[[str, str, int], bytes], name: str, titles: list[str]
) -> None:
    pages = [(template(name, title, i), f"https://saebyeok.example/v/{i}") for i, title in enumerate(titles)]
    assert [p.title for p in extract_source_pages(pages)] == titles  # type: ignore[union-attr]


def _series_page(title: str, index: int, og: bool) -> bytes:
    """A paper's article: ``제목 | 새벽일보`` in ``<title>``, the headline printed over the text."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs(index))
    meta = f'<meta property="og:title" content="{html.escape(title)}">' if og else ""
    return f"""<html><head><meta charset="utf-8"><title>{html.escape(title)} | 새벽일보</title>{meta}</head>
<body><div class="art_head"><h1 class="headline">{html.escape(title)}</h1>
<span class="date">입력 2024.05.0{index + 1}</span></div><div class="art_body">{text}</div>
</body></html>""".encode()


@pytest.mark.parametrize(
    ("titles", "og"),
    [
        (
            [
                '<인터뷰> 김마루 새벽군수 "청년 정책 두 배로"',
                "<인터뷰> 30년째 골목 지킨 환경미화원",
                headline(2),
            ],
            True,
        ),
        (
            [
                "2027 새벽군 예산안 분석 - ① 복지 예산 늘었다",
                "2027 새벽군 예산안 분석 - ② 도로 예산 줄었다",
                headline(2),
            ],
            False,
        ),
    ],
)
def test_a_series_part_the_headlines_share_is_no_name_of_the_source(titles: list[str], og: bool) -> None:
    pages = [
        (_series_page(title, i, og), f"https://saebyeok.example/s/{i}") for i, title in enumerate(titles)
    ]
    assert [p.title for p in extract_source_pages(pages)] == titles  # type: ignore[union-attr]


# What the pages of a source share that is still each page's own ---------------------------------


@pytest.mark.parametrize(
    ("template", "name"),
    [(_office_post, "새벽군"), (lambda _name, title, i: _series_page(title, i, True), "")],
)
def test_a_headline_two_pages_share_stays_their_headline(
    template: Callable[[str, str, int], bytes], name: str
) -> None:
    # a correction posted again with a new first paragraph, or an article split over two pages
    shared = "새벽군, 노인 일자리 참여자 1천200명으로 늘린다"
    titles = [shared, shared, headline(2)]
    pages = [(template(name, title, i), f"https://saebyeok.example/c/{i}") for i, title in enumerate(titles)]
    assert [p.title for p in extract_source_pages(pages)] == titles  # type: ignore[union-attr]


def test_a_headline_on_three_pages_of_a_board_is_its_label() -> None:
    prints = [Fingerprint(titles=("보도자료",), headline="보도자료", body_hash=str(i)) for i in range(3)]
    assert "보도자료" in learn_template(prints).titles
    assert "보도자료" not in learn_template(prints[:2]).titles


def _county_news(name: str, title: str, index: int) -> bytes:
    """A county's news page: ``제목 - 새벽군`` in ``<title>``, the headline in an ``<h1>`` over the text."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs(index))
    return f"""<html><head><meta charset="utf-8"><title>{title} - {name}</title></head><body>
<div id="gnb"><a href="/news">군정소식</a> <a href="/notice">고시공고</a></div>
<h1 class="tit">{title}</h1><p>등록일 2024-05-0{index + 1}</p><div class="cont">{text}
<p>새벽군 소식을 카카오톡 채널에서 받아 보세요</p></div></body></html>""".encode()


def _magazine_story(name: str, title: str, index: int) -> bytes:
    """A magazine's story: ``:: 새벽 돋보기`` closing ``<title>``, its name in ``og:site_name``."""
    text = "<br>".join(paragraphs(index))
    return f"""<html><head><meta charset="utf-8"><title>{title} :: {name}</title>
<meta property="og:site_name" content="{name}"></head><body><table><tr><td>
<b class="subject">{title}</b><br>2024.05.0{index + 1}<br>{text}</td></tr></table></body></html>""".encode()


@pytest.mark.parametrize(("template", "name"), [(_county_news, "새벽군"), (_magazine_story, "새벽 돋보기")])
def test_the_sources_name_ending_a_printed_headline_stays_in_it(
    template: Callable[[str, str, int], bytes], name: str
) -> None:
    # the other headlines do not carry the name: it is learned from the ``<title>``s alone
    titles = [f"청년 창업 박람회 처음 연 {name}", "가을 음악회 시민공원서 열린다", "군립 도서관 새단장 마쳐"]
    pages = [(template(name, title, i), f"https://saebyeok.example/n/{i}") for i, title in enumerate(titles)]
    assert [p.title for p in extract_source_pages(pages)] == titles  # type: ignore[union-attr]
    assert extract_page(pages[0][0]).title == titles[0]


def _release_lines(index: int) -> list[str]:
    """A release in the outline every release of the board follows, with its stock closing sentence."""
    topic, plan, detail = TOPICS[index]
    return [
        f"새벽군은 {topic} 정책의 하나로 내년부터 {plan}고 {index + 3}일 밝혔다.",
        "□ 주요 내용",
        f"○ {detail}. 대상은 관내에 주소를 둔 군민이다.",
        "새벽군은 앞으로도 군민이 체감하는 정책을 꾸준히 발굴해 나갈 계획이다.",
        "□ 향후 계획",
        f"○ 군은 {topic} 사업의 성과를 점검해 내년에 대상을 넓힌다.",
        f"군 관계자는 “{topic} 사업으로 주민 부담이 줄어들 것”이라고 말했다.",
    ]


@pytest.mark.parametrize("template", ["county-board", "archive-viewer"])
def test_a_shared_outline_between_a_releases_lines_stays_while_furniture_goes(template: str) -> None:
    def release(index: int) -> bytes:
        text = TEMPLATES[template](index)
        for old, new in zip(paragraphs(index), _release_lines(index)[:3], strict=True):
            text = text.replace(old, new)
        rest = _release_lines(index)[3:]
        joined = (
            "".join(f"<p>{line}</p>" for line in rest)
            if template == "county-board"
            else "<br>" + "<br>".join(rest)
        )
        anchor = "<p>담당 부서" if template == "county-board" else "<br>\n    함께 읽으면"
        return text.replace(anchor, joined + anchor, 1).encode()

    results = extract_source_pages([(release(i), None) for i in range(4)])
    for index, result in enumerate(results):
        assert isinstance(result, ExtractedPage)
        assert all(line in result.body for line in _release_lines(index))
        assert not any(text in result.body for text in FURNITURE[template][1:])
