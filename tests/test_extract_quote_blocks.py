"""Quote blocks, report pages and survey-titled releases, each on two made-up templates:

- a quote block of the text's own words (a blog editor's quote component, a page builder's quote)
  is text; a pull quote repeating a sentence of the text is not printed twice;
- a report's summary page dates itself by its 발간일 row, and its ISBN row is no text;
- a release about a satisfaction survey keeps its headline (only the survey widget's own words go).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import html

from nlp.dates import find_labelled_dates
from nlp.extract import extract_page
from nlp.headings import title_marked

TITLE = "청년 월세 지원 1년 연장, 신청은 복지로에서"
LINES = [
    "정부는 올해 청년 월세 지원 사업을 1년 더 연장한다고 밝혔다.",
    "월 최대 20만 원씩 최장 12개월 동안 받을 수 있으며, 신청은 복지로 누리집에서 할 수 있다.",
    "임차보증금 5천만 원 이하, 월세 70만 원 이하 주택에 거주해야 신청할 수 있습니다.",
    "국토교통부는 예산이 소진되면 조기에 마감될 수 있다며 서둘러 신청해 달라고 당부했다.",
]


def _se_text(line: str) -> str:
    return (
        '<div class="se-component se-text"><div class="se-component-content">'
        '<div class="se-module se-module-text">'
        f'<p class="se-text-paragraph"><span class="__se-node">{line}</span></p></div></div></div>'
    )


def blog_editor() -> str:
    """A blog host's editor: each paragraph a text component, the third a quote component."""
    quote = (
        '<div class="se-component se-quotation"><div class="se-component-content"><blockquote '
        f'class="se-quotation-container"><div class="se-module se-module-text se-quote"><p>{LINES[2]}</p>'
        "</div></blockquote></div></div>"
    )
    parts = [_se_text(LINES[0]), _se_text(LINES[1]), quote, _se_text(LINES[3])]
    return f"""<html><head><meta charset="utf-8"><title>가람 블로그</title>
<meta property="og:title" content="{TITLE}"></head><body><div class="se-main-container">
<div class="se-component se-documentTitle"><div class="se-module se-title-text"><p>{TITLE}</p></div>
<span class="se_publishDate">2025. 3. 14. 9:12</span></div>{"".join(parts)}</div></body></html>"""


def page_builder() -> str:
    """A published workspace page: blocks of text, one a quote block."""
    blocks = "".join(
        f'<div class="notion-{"quote" if n == 2 else "text"}-block"><div>{line}</div></div>'
        for n, line in enumerate(LINES)
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="notion-page-content"><h1 class="notion-header-block">{TITLE}</h1>
<div class="notion-text-block"><div>작성일 2025년 3월 14일</div></div>{blocks}</div></body></html>"""


@pytest.mark.parametrize("template", [blog_editor, page_builder])
def test_a_quote_block_of_the_texts_own_words_is_text(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == TITLE
    assert extracted.body.splitlines() == LINES


def test_a_pull_quote_repeating_the_text_is_printed_once() -> None:
    pull = f'<aside class="pull-quote">{LINES[2]}</aside>'
    page = f"""<html><head><meta charset="utf-8"><title>{TITLE} - 가람일보</title></head><body>
<h1>{TITLE}</h1><p class="date">입력 2025.03.14 09:12</p><div id="article-body">
<p>{LINES[0]}</p><p>{LINES[1]}</p>{pull}<p>{LINES[2]}</p><p>{LINES[3]}</p></div></body></html>"""
    assert extract_page(page.encode()).body.splitlines() == LINES


REPORT = "지방소멸 대응기금 집행 실태와 개선 과제"
SUMMARY = [
    "이 보고서는 지방소멸 대응기금이 도입된 뒤 3년 동안의 집행 실태를 분석했다.",
    "기금의 절반 이상이 시설 건립에 쓰였고, 인구 유입 효과는 뚜렷하지 않았다.",
    "보고서는 기금 배분 기준에 성과 지표를 반영해야 한다고 제안했다.",
]


def institute_view() -> str:
    """A research institute's report page: an info table (저자, 발간일, ISBN) over the summary."""
    summary = "".join(f"<p>{line}</p>" for line in SUMMARY)
    return f"""<html><head><meta charset="utf-8"><title>연구보고서 | 가람지방행정연구원</title></head><body>
<div class="report-view"><h3 class="tit">{REPORT}</h3>
<table class="info"><tr><th>저자</th><td>김가람, 이나래</td>
<th>발간일</th><td>2025. 3. 14.</td></tr><tr><th>ISBN</th><td>979-11-0000-000-0</td><th>쪽수</th>
<td>212</td></tr></table><div class="summary"><h4>요약</h4>{summary}</div></div></body></html>"""


def foundation_view() -> str:
    """A foundation's publication page: the abstract, then the details in a list under it."""
    summary = "".join(f"<p>{line}</p>" for line in SUMMARY)
    return f"""<html><head><meta charset="utf-8"><title>가람재단</title></head><body>
<div class="pub"><h2 class="pub-title">{REPORT}</h2><div class="abstract">{summary}
<ul class="pub-meta"><li>발간일 : 2025-03-14</li><li>ISBN : 979-11-0000-000-0 (PDF)</li></ul></div></div>
</body></html>"""


@pytest.mark.parametrize("template", [institute_view, foundation_view])
def test_a_reports_page_is_dated_by_its_publication_row(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == REPORT
    assert extracted.published is not None and extracted.published.date().isoformat() == "2025-03-14"
    assert "ISBN" not in extracted.body and "979-11" not in extracted.body


SURVEY = "행정서비스 이용 만족도 조사 결과 발표"


@pytest.mark.parametrize(
    "page",
    [
        f"""<html><head><meta charset="utf-8"><title>가람시청</title></head><body>
<div class="view"><h4 class="subject">{SURVEY}</h4><span>등록일 2025-03-14</span>
<div class="cont"><p>{SUMMARY[0]}</p><p>{SUMMARY[1]}</p></div></div>
<div class="satisfaction"><strong>만족도 조사</strong>
<p>이 페이지에서 원하는 정보를 얻으셨나요?</p></div></body></html>""",
        f"""<html><head><meta charset="utf-8"><title>알림마당</title></head><body><table>
<tr><th>제목</th><td>{SURVEY}</td></tr><tr><th>작성일</th><td>2025.03.14</td></tr>
<tr><td colspan="2">{SUMMARY[0]}<br>{SUMMARY[1]}</td></tr></table><p>콘텐츠 만족도 평가</p></body></html>""",
    ],
)
def test_a_release_about_a_satisfaction_survey_keeps_its_headline(page: str) -> None:
    extracted = extract_page(page.encode())
    assert extracted.title == SURVEY
    assert "만족도 조사" not in extracted.body.replace(SURVEY, "") and "만족도 평가" not in extracted.body


def _workspace(title_field: str) -> str:
    cell = '<div role="cell"><div>{}</div></div>'
    rows = "".join(
        f'<div role="row">{cell.format(label)}{cell.format(value)}</div>'
        for label, value in [
            ("작성자", "시민랩 정책팀"),
            ("작성일", "2025년 3월 14일"),
            ("최종 편집 일시", "2025년 4월 2일 오후 3:12"),
        ]
    )
    text = "".join(
        f'<div class="selectable text-block"><div><div>{line}</div></div></div>' for line in SUMMARY
    )
    contents = '<div class="selectable toc-block"><a href="#a1"><div>주요 결과</div></a></div>'
    return f"""<html><head><meta charset="utf-8"><title>Workspace</title>
<meta property="og:site_name" content="Workspace"></head><body>
<div id="app"><div class="frame"><div class="topbar"><div class="shadow-cursor-breadcrumb">
<a href="/lab">시민랩</a><span>/</span><a href="/lab/reports">활동 보고</a></div></div>
<main class="frame-main"><div class="scroller">
<div class="layout"><div class="layout-content"><div>{title_field}</div>
<div role="table" aria-label="페이지 속성">{rows}</div></div><div class="page-content">{contents}{text}</div>
</div></div></main></div></div></body></html>"""


def block_editor_page() -> str:
    """A block editor's published page: the title field keeps its placeholder ``제목 없음``."""
    field = f'<div placeholder="제목 없음" contenteditable="false">{REPORT}</div>'
    return _workspace(f'<div class="selectable page-block">{field}</div>')


def rich_editor_page() -> str:
    """Another editor's published page: an untitled-placeholder field over its properties."""
    return _workspace(f'<div data-editor="doc"><p placeholder="Untitled" data-leaf="true">{REPORT}</p></div>')


@pytest.mark.parametrize("template", [block_editor_page, rich_editor_page])
def test_a_workspace_pages_title_field_and_its_last_edit(template: Callable[[], str]) -> None:
    extracted = extract_page(template().encode())
    assert extracted.title == REPORT
    assert extracted.published is not None and extracted.published.date().isoformat() == "2025-03-14"


def test_an_editors_title_field_and_last_edit_label_read_as_such() -> None:
    """The rules the workspace pages lean on, read directly: a placeholder naming the title field
    marks it (a numbered heading's does not), and ``최종 편집 일시`` dates a change, not the page."""
    field = html.fromstring('<div placeholder="제목 없음">보고서 제목</div>')
    heading = html.fromstring('<h3 placeholder="제목2">주요 결과</h3>')
    assert title_marked(field) and not title_marked(heading)
    published, modified = find_labelled_dates(
        "작성일\n2025년 3월 14일\n최종 편집 일시\n2025년 4월 2일 오후 3:12"
    )
    assert published is not None and published.date().isoformat() == "2025-03-14"
    assert modified is not None and modified.date().isoformat() == "2025-04-02"
