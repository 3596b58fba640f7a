"""An article's headline over a date line of its own, however long the related list under a short
text; and stamps labelled in English (``Published``/``Updated``). Each rule on two templates
written here."""

from __future__ import annotations

from nlp.extract import extract_page

TITLE = "가람군, 여름철 자연재난 대비 인명피해 우려지역 42곳 지정"
LINES = [
    "가람군은 집중호우와 태풍에 대비해 인명피해 우려지역 42곳을 지정했다고 3일 밝혔다.",
    "군은 지하차도와 하천변 산책로에 출입을 자동으로 막는 차단시설을 우선 설치한다.",
    "각 읍면은 다음 달까지 자체 점검을 마치고 결과를 군에 제출해야 한다.",
]
RELATED = [
    (
        "한빛시, 청년 월세 지원 대상 두 배로 늘린다",
        "한빛시는 청년 월세 지원 대상을 내년 1천명으로 늘린다고 밝혔다.",
    ),
    ("교육청, 늘봄학교 전 학교로 확대한다", "교육청은 2학기부터 늘봄학교를 모든 초등학교로 넓힌다고 밝혔다."),
    ("도, 광역급행철도 개통 1년 앞당긴다", "도는 광역급행철도 개통 시기를 1년 앞당기기로 했다고 밝혔다."),
    ("농협, 쌀값 안정 위해 10만톤 매입", "농협은 쌀값 안정을 위해 올해 햅쌀 10만톤을 사들인다고 밝혔다."),
]


def _related(markup: str) -> str:
    """Twenty related stories, each a linked headline with its summary line."""
    return "".join(
        markup.format(n=300 + i, title=title, summary=summary)
        for i, (title, summary) in enumerate(RELATED * 5)
    )


def _short_story_with_related(head: str, date: str, item: str) -> bytes:
    """A short article (three lines) under its headline and date line, a long related list after it;
    no metadata names the headline."""
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>가람일보</title></head>
<body><div class="view">{head.format(title=TITLE)}{date}<div class="txt">{text}</div>
<div class="related"><h3>관련기사</h3><ul>{_related(item)}</ul></div></div></body></html>""".encode()


ITEM_SUMMARY_INSIDE = (
    '<li><a href="/news/articleView.html?idxno={n}"><strong>{title}</strong><p>{summary}</p></a></li>'
)
ITEM_SUMMARY_AFTER = '<li><a href="/news/view.php?no={n}">{title}</a><span class="lead">{summary}</span></li>'


def test_a_headline_over_a_date_line_heads_an_article_despite_a_long_related_list() -> None:
    pages = (
        _short_story_with_related(
            '<h2 class="title">{title}</h2>', '<p class="date">2024.05.03 10:20</p>', ITEM_SUMMARY_INSIDE
        ),
        _short_story_with_related(
            '<div class="subject">{title}</div>',
            "<div><span>2024년 5월 3일 (금)</span></div>",
            ITEM_SUMMARY_AFTER,
        ),
    )
    for page in pages:
        extracted = extract_page(page)
        assert extracted.kind == "article"
        assert extracted.title == TITLE
        assert extracted.body.split("\n") == LINES
        assert extracted.published is not None and extracted.published.date().isoformat() == "2024-05-03"


def test_a_board_name_over_a_date_line_still_heads_an_index() -> None:
    rows = "".join(
        f'<li><a href="/news/articleView.html?idxno={300 + i}">{title}</a><span>{summary}</span></li>'
        for i, (title, summary) in enumerate(RELATED * 5)
    )
    page = f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>가람일보</title></head>
<body><div class="list"><h2 class="title">2024년 5월 보도자료 목록</h2><p class="date">2024.05.03</p>
<ul>{rows}</ul></div></body></html>""".encode()
    assert extract_page(page).kind == "listing"


def _english_stamps(stamps: str) -> bytes:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{TITLE} - 가람일보</title>
</head><body><div class="view"><h1>{TITLE}</h1>{stamps}<div class="txt">{text}</div></div>
</body></html>""".encode()


def test_stamps_labelled_in_english_tell_published_from_updated() -> None:
    pages = (
        _english_stamps(
            '<div class="info"><span>Updated 2024.05.06 09:00</span> <span>Published 2024.05.03</span></div>'
        ),
        _english_stamps('<p class="meta">POSTED ON May 3, 2024 · Last modified: May 6, 2024</p>'),
    )
    for page in pages:
        extracted = extract_page(page)
        assert extracted.published is not None and extracted.published.date().isoformat() == "2024-05-03"
        assert extracted.modified is not None and extracted.modified.date().isoformat() == "2024-05-06"


def test_a_box_after_the_text_carrying_this_articles_own_lead_leaves_the_text_whole() -> None:
    own = f'<li><a href="/news/articleView.html?idxno=299">{TITLE}</a><span>{LINES[0]}</span></li>'
    page = _short_story_with_related(
        '<h2 class="title">{title}</h2>', '<p class="date">2024.05.03 10:20</p>', ITEM_SUMMARY_AFTER
    ).replace(b"<ul>", f"<ul>{own}".encode(), 1)
    extracted = extract_page(page)
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


def test_a_date_in_hanja_dates_the_page() -> None:
    pages = (
        _english_stamps('<p class="info">입력 2024年 5月 3日 10:20</p>'),
        _english_stamps('<div class="date">2024年5月3日</div>'),
    )
    for page in pages:
        extracted = extract_page(page)
        assert extracted.published is not None and extracted.published.date().isoformat() == "2024-05-03"
