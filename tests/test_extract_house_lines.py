"""A distributor's house lines around a text, each on two made-up templates (a news view of
paragraphs and an old board cell of ``<br>`` lines in EUC-KR):

- a wire's photo caption in the text (``… *재판매 및 DB 금지``) and its closing house line
  (``◎공감언론 뉴스온이 제공하는 뉴스입니다.``), a recommendation box's AI notice;
- a release wire's tail: ``웹사이트: https://…``, a bare phone, ``…를 통해 배포한 보도자료입니다``;
- a card story's credits (``기획·제작 : … / 이미지 출처 : …``);
- a radio interview's programme card (``■ 방송 : …``, ``■ 진행 : …``), its quoting notice and its
  ``[… 공식 홈페이지 바로가기]`` link;
- a portal's notices in the polite style no news sentence takes (a reuse licence citing 저작권법,
  a pointer to the attachment, a transcript's caveat) and a letter's ``… 드림``;
- a weekly's print line (``승인 … | 1244호 4면 | 홍수빈 기자``) and a byline run
  together (``홍수빈12분 전조회수 3001``), its reporter box's heading
  (``… 기자의 기사 모음``) and its ``이전다음기사`` label;
- a caption labelled ``<사진 설명>`` and a blog host's buttons (``라이킷``, ``게시글 관리``);
- a public board's letter-spaced banner (``보 도 자 료``), its bracketed neighbours (``[이전글] …``)
  and buttons (``[목록] [인쇄]``);
- a portal's credit for the outlet (``기사제공 …``), its reaction prompts and report button, and
  copyright lines without a ⓒ (``무단 복제 및 배포를 금합니다``, ``Copyright THE POLICY``), an
  imprint among bar-set footer fields (``… | 발행·편집인 홍길동``), a single tag chip (``#에너지정책``);
- a print view's source line and notice (``출처 : … (https://…)``, ``…인쇄한 것으로, 최신 정보와 다를
  수 있습니다``), a wire's disclaimer (``…편집 방향과 무관합니다``), an old board's comment count and
  its engine's credit (``총 0개의 코멘트가 있습니다``, ``Copyright 1999-2008 Zeroboard / …``);
- an opinion page's disclaimer (``…편집 방향과 다를 수 있습니다``), the design system's survey
  (``이 페이지에서 원하는 정보를 얻으셨나요?``, ``만족해요``), a tip line (``…제보를 기다립니다``), a video
  box's ``재생시간 02:05`` and ``같은 섹션 기사``/``경제·농업 다른기사`` headings, a paper's
  ``지면 PDF 보기`` and ``발행 주기``,
  a mailed letter's footer (``본 메일은 … 발송됩니다``, ``수신거부``);
- a board's empty attachment field and comment box (``첨부파일이 없습니다.``, ``등록된 독자의견이
  없습니다.``), a skin's table caption (``List of Articles``), a reader-funded outlet's appeal
  (``…독자의 후원으로 만들어집니다``), a transcript's interview cue naming its speaker;
- a site builder's skip anchor (``bottom of page``), a share prompt, a contact address alone, a
  ``관련 누리집`` box heading, a feature's colon-less credits (``글 … · 사진 …``), a report's ISBN
  row, a caption ending in ``[… 자료사진]``;
- an editor's summary box over the text (``핵심 요약`` and its bullets), a column's ``다른 칼럼 보기``
  box with the titles after it;
- an HWP release's ``※ 사진 있음`` and its attachment list's continued line (its decks between
  dashes stay: drafts show them).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "정부, 청년 월세 지원 대상 만 34세까지 확대"
LINES = [
    "정부는 다음 달부터 청년 월세 지원 대상을 넓힌다고 26일 밝혔다.",
    "지원 대상은 만 19세부터 34세까지 무주택 청년이다.",
    "지원 금액은 월 최대 20만 원이며 12개월 동안 지급된다.",
    "신청은 복지로 누리집이나 행정복지센터에서 할 수 있다.",
]
FURNITURE = {
    "wire": (
        ["정부세종청사 전경. 2025.06.26. kms@newson.example *재판매 및 DB 금지"],
        [
            "◎공감언론 뉴스온이 제공하는 뉴스입니다.",
            "AI 추천 기사",
            "이 기사의 관련 기사는 AI 알고리즘이 자동 추천한 것입니다.",
        ],
    ),
    "release wire": (
        [],
        [
            "웹사이트: https://www.krei.example.kr",
            "02-6000-1200",
            "이 뉴스는 기업·기관·단체가 뉴스와이드를 통해 배포한 보도자료입니다.",
        ],
    ),
    "card story": ([], ["기획·제작 : 정책노트 디지털뉴스팀 / 이미지 출처 : 게티이미지뱅크"]),
    "radio": (
        ["■ 방송 : CBR 라디오 &lt;아침뉴스&gt; FM 98.1 (07:20~09:00)", "■ 진행 : 김지현 앵커"],
        [
            "[CBR 아침뉴스 공식 홈페이지 바로가기]",
            "※ 인터뷰를 인용보도할 때는 프로그램명 'CBR 아침뉴스'를 정확히 밝혀주시기 바랍니다.",
        ],
    ),
    "notices": (
        [],
        [
            "자료를 쓰실 경우 출처를 표기하여야 하며, 위반 시 저작권법 제37조에 따라 처벌될 수 있습니다.",
            "※ 이 보도자료는 관련 부처에서 제공한 것으로 자세한 내용은 첨부파일을 확인하시기 바랍니다.",
            "※ 이 브리핑 자료는 속기록으로 실제 발언과 다를 수 있습니다.",
            "- 정책레터 편집팀 드림",
        ],
    ),
    "weekly": (
        ["승인 2025.06.18 15:30 | 1244호 4면 | 홍수빈 기자", "홍수빈12분 전조회수 3001"],
        ["홍수빈 기자의 기사 모음", "이전다음기사"],
    ),
    "blog": (
        [],
        ["&lt;사진 설명&gt; 김하늘 의원이 교육위원회에서 질의하고 있다.", "라이킷", "게시글 관리"],
    ),
    "public board": (
        ["보 도 자 료"],
        [
            "[이전글] 진산교육지원청, 교직원 청렴 연수 실시",
            "[다음글] 2학기 방과후학교 운영 안내",
            "[목록] [인쇄]",
        ],
    ),
    "portal": (
        ["기사제공 한국정책신문"],
        [
            "이 기사에 대한 당신의 생각은?",
            "이 기사에 대한 감정",
            "권리침해신고",
            "본 기사는 정책위클리의 저작물로 무단 복제 및 배포를 금합니다.",
            "Copyright THE POLICY",
            "경인나우 | 인천광역시 남동구 예술로 000 | 발행·편집인 홍길동",
            "#에너지정책",
        ],
    ),
    "print view": (
        [],
        [
            "출처 : 한빛군청 누리집 (https://www.hanbit.example.kr/news/view.do?idx=1204)",
            "이 자료는 한빛군청 누리집에서 인쇄한 것으로, 최신 정보와 다를 수 있습니다.",
        ],
    ),
    "wire disclaimer": (
        [],
        ["이 보도자료는 한빛과학기술원이(가) 작성해 배포한 것으로, 한빛와이어의 편집 방향과 무관합니다."],
    ),
    "old board": ([], ["총 0개의 코멘트가 있습니다", "Copyright 1999-2008 Zeroboard / skin by hanbit"]),
    "opinion": ([], ["※ 외부 기고는 한빛통신의 편집 방향과 다를 수 있습니다."]),
    "design-system survey": ([], ["이 페이지에서 원하는 정보를 얻으셨나요?", "만족해요", "아쉬워요"]),
    "tip line": (
        [],
        ["기사제보 및 보도자료 news@hanbit.example / 한빛통신은 독자 여러분의 제보를 기다립니다."],
    ),
    "video box": (["재생시간 02:05"], ["같은 섹션 기사", "경제·농업 다른기사"]),
    "print edition": ([], ["지면 PDF 보기", "발행 주기: 격주 월요일"]),
    "mailed letter": ([], ["본 메일은 한빛 레터 수신에 동의하신 분들께 발송됩니다.", "수신거부 Unsubscribe"]),
    "board leftovers": ([], ["첨부파일이 없습니다.", "등록된 독자의견이 없습니다.", "List of Articles"]),
    "reader-funded": ([], ["한빛로움은 독자의 후원으로 만들어집니다"]),
    "interview cue": (["◀ 인터뷰 ▶ 김가람 / 한빛군 주민"], []),
    "site builder": (
        ["글 시정홍보담당관실 · 사진 한빛군"],
        ["작가의 글을 SNS에 공유해보세요", "press-korea@hanbit.example", "관련 누리집", "bottom of page"],
    ),
    "report card": (["| 발간일 | 2025. 3. 14. | ISBN | 979-11-0000-000-0 |"], []),
    "photo credit": (["관련 사진. [한빛통신 자료사진]"], []),
    "summary box": (["핵심 요약", "- 지원 대상이 만 34세까지로 넓어진다", "- 신청은 다음 달부터 받는다"], []),
    "column box": ([], ["다른 칼럼 보기", "지방 소멸 대응기금, 나눠 주기에서 골라 주기로"]),
    "hwp release": (
        ["※ 사진 있음"],
        ["붙임 1. 모바일 신분증 발급 안내 1부.", "2. 자주 묻는 질문 1부. 끝."],
    ),
}


def news_view(above: list[str], after: list[str]) -> str:
    text = "".join(f"<p>{line}</p>" for line in [*above, *LINES, *after])
    return f"""<html><head><meta charset="euc-kr"><title>{TITLE} | 한빛통신</title></head><body>
<div class="gnb"><a href="/">한빛통신</a> <a href="/politics">정치</a> <a href="/economy">경제</a></div>
<div class="article"><h1 class="headline">{TITLE}</h1><p class="date">송고 2025-06-26 11:47</p>
<div class="article_body">{text}</div></div></body></html>"""


def board_cell(above: list[str], after: list[str]) -> str:
    text = "<br>\n".join([*above, *LINES, *after])
    return f"""<html><head><meta charset="euc-kr"><title>::: 한빛군 :::</title></head><body>
<table width="900"><tr><td><img src="/img/logo.gif" alt="한빛군"></td></tr>
<tr><td class="subject"><b>{TITLE}</b></td></tr><tr><td>등록일 : 2025-06-26 &nbsp; 조회 : 52</td></tr>
<tr><td class="view_text">{text}</td></tr></table></body></html>"""


@pytest.mark.parametrize("template", [news_view, board_cell])
@pytest.mark.parametrize("kind", list(FURNITURE))
def test_house_lines_are_no_text(template: Callable[[list[str], list[str]], str], kind: str) -> None:
    above, after = FURNITURE[kind]
    extracted = extract_page(template(above, after).encode("cp949"))
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", [news_view, board_cell])
def test_a_short_line_naming_a_label_in_passing_is_text(
    template: Callable[[list[str], list[str]], str],
) -> None:
    """An info line's field opens with its label (``문의 : 교육과``); a list item that says the word in
    passing (``학부모 문의 응대``, one of the duties a text lists) is the text's."""
    lines = [*LINES[:2], "학부모 문의 응대", *LINES[2:]]
    page = template([], []).replace(LINES[1], f"{LINES[1]}</p><p>학부모 문의 응대", 1)
    if template is board_cell:
        page = template([], []).replace(f"{LINES[1]}<br>", f"{LINES[1]}<br>\n학부모 문의 응대<br>", 1)
    extracted = extract_page(page.encode("cp949"))
    assert extracted.body.split("\n") == lines
