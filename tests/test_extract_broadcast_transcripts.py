"""A broadcaster's report page, on two made-up templates (a news channel's ``<br>`` text and a
regional station's paragraphs in EUC-KR): the transcript's cue marks (``[앵커]``, ``<기자>``,
``◀ 리포트 ▶``), the crew's credit line, the reporter's sign-off and e-mail line, and the tip-line
appeal are no part of the text; sentences that name 취재, 기자 or 제보 stay.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "청년 월세 지원 대상 확대…다음 달부터 신청"
LINES = [
    "정부는 다음 달부터 청년 월세 지원 대상을 넓힌다고 26일 밝혔다.",
    "지원 대상은 만 19세부터 34세까지 무주택 청년이다.",
    "경찰은 전세사기 제보를 전화와 메일로 받는다고 밝혔다.",
    "기자 회견에서 장관은 취재진의 질문에 답했다.",
]
CUES = ("[앵커]", "<기자>", "◀ 리포트 ▶")
CREDITS = (
    "(영상취재 : 김승태, 영상편집 : 박지인, 디자인 : 최서윤)",
    "촬영기자:김민혁/영상편집:박수연/그래픽:이하나",
)
SIGN_OFF = ("한빛뉴스 정다은입니다.", "HBC 정다은 (dejung@hbc.example)")
TIP_LINE = (
    "※ '당신의 제보가 뉴스가 됩니다' 여러분의 소중한 제보를 기다립니다. "
    "[카카오톡] 한빛뉴스 검색 [전화] 02-398-0000 [메일] jebo@hbc.example"
)


def _lines(cue: str, credit: str) -> list[str]:
    return [cue, LINES[0], LINES[1], "<기자>", LINES[2], LINES[3], *SIGN_OFF, credit, TIP_LINE]


def channel_page(cue: str, credit: str) -> str:
    text = "<br>\n".join(_lines(cue, credit)).replace("<기자>", "&lt;기자&gt;")
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 한빛뉴스</title></head><body>
<div class="gnb"><a href="/">한빛뉴스</a> <a href="/politics">정치</a> <a href="/society">사회</a></div>
<div class="news_view"><h2 class="tit">{TITLE}</h2><span class="date">2025-06-26 14:03</span>
<div class="vod_area">동영상 영역</div><div class="article_txt">{text}</div></div></body></html>"""


def station_page(cue: str, credit: str) -> str:
    text = "".join(f"<p>{line.replace('<', '&lt;').replace('>', '&gt;')}</p>" for line in _lines(cue, credit))
    return f"""<html><head><meta charset="euc-kr"><title>HBC 뉴스</title></head><body>
<table width="960"><tr><td><a href="/"><img src="/logo.gif" alt="HBC"></a></td></tr></table>
<div id="news"><div class="news_title">{TITLE}</div><div class="news_date">입력 2025.06.26 14:03</div>
<div class="news_cont">{text}</div></div></body></html>"""


@pytest.mark.parametrize("template", [channel_page, station_page])
@pytest.mark.parametrize(("cue", "credit"), list(zip(CUES[::2], CREDITS, strict=True)))
def test_a_transcripts_furniture_is_no_text(
    template: Callable[[str, str], str], cue: str, credit: str
) -> None:
    extracted = extract_page(template(cue, credit).encode("cp949"))
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES
