"""A board view's subject row taken into the text is no sub-heading, on two made-up templates each:

- the accessible caption of a view table (``게시물 상세조회``) is page-type words, no opening line,
  so the headline the post repeats over its text stays a candidate;
- an old layout's view table read after the text (``제 목`` / the headline): the line under the
  제목 label is the subject row, not a sub-heading that rules the headline out.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "연안 구조정 배치 축소 보도 관련 설명"
LINES = [
    "□ 6월 10일 자 한 일간지의 구조정 배치 기사에 대해 다음과 같이 설명드립니다.",
    "○ 이번 조정은 노후 구조정 12척을 신형 고속 구조정 8척으로 교체하는 것입니다.",
    "○ 신형 구조정은 최고 속도가 기존보다 40% 빨라 현장 도착 시간이 6분가량 줄어듭니다.",
    "□ 여름철에는 해수욕장 주변에 임시 구조정 15척을 추가로 배치할 계획입니다.",
]


def egov_view(caption: str) -> str:
    text = "<br><br>".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>해양수산안전처</title></head><body>
<div id="leftmenu"><h2>알림마당</h2><ul class="lnb"><li><a href="/b/press.do">보도자료</a></li>
<li class="on"><a href="/b/explain.do">설명·해명자료</a></li></ul></div>
<div id="content"><div class="content_title"><h3>설명·해명자료</h3>
<p class="navi">HOME &gt; 알림마당 &gt; 설명·해명자료</p></div>
<table class="board_view" summary="게시글의 제목, 작성자, 작성일, 조회수, 내용을 나타냅니다">
<caption>{caption}</caption><tbody>
<tr><th scope="row">제목</th><td colspan="3" class="subject">{TITLE}</td></tr>
<tr><th scope="row">작성자</th><td>연안안전과</td><th scope="row">작성일</th><td>2026-06-10</td></tr>
<tr><td colspan="4" class="cont"><div style="text-align:center"><strong>{TITLE}</strong></div>
{text}</td></tr></tbody></table></div><div id="footer">해양수산안전처 | 세종시 다솜로 1</div></body></html>"""


def div_view(caption: str) -> str:
    text = "".join(f"<p>{line}</p>" for line in LINES)
    return f"""<html><head><meta charset="utf-8"><title>누리해양청</title></head><body>
<div class="gnb"><a href="/n/1">알림소식</a> <a href="/n/2">보도자료</a></div>
<div class="sub-visual"><h2>보도자료</h2></div>
<div class="bbs-view"><p class="blind">{caption}</p>
<div class="view-head"><span class="label">제목</span> <span class="subject">{TITLE}</span>
<span class="date">등록일 2026-06-10</span></div>
<div class="view-body"><p><b>{TITLE}</b></p>{text}</div></div>
<div class="copyright">누리해양청 | 누리시 바다로 1 | 대표전화 044-200-1234</div></body></html>"""


@pytest.mark.parametrize("template", [egov_view, div_view])
@pytest.mark.parametrize("caption", ["게시물 상세조회", "게시글 상세보기"])
def test_a_view_captions_words_open_no_text(template: Callable[[str], str], caption: str) -> None:
    extracted = extract_page(template(caption).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


def ledger(label: str) -> str:
    text = "<br>\n<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>:: 달뫼광역시의회 ::</title></head><body>
<table width="950" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td><img src="/img/top.jpg" width="950" height="120" alt="달뫼광역시의회"></td></tr>
<tr><td><table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>
<td width="180" valign="top"><img src="/img/left.gif" alt="의회소식"><br>
<a href="/n/news.asp">의정소식</a><br><a href="/n/press.asp">보도자료</a><br>
<a href="/n/photo.asp">포토갤러리</a></td>
<td valign="top" style="padding:15px">
<table width="100%" border="0"><tr><td><img src="/img/stit.gif" alt="보도자료"></td>
<td align="right"><font color="#888888">HOME &gt; 의회소식 &gt; 보도자료</font></td></tr></table>
<table width="100%" border="0" cellspacing="1" cellpadding="6" bgcolor="#D5D5D5">
<tr><td width="15%" bgcolor="#F7F7F7" align="center">{label}</td>
<td bgcolor="#FFFFFF" colspan="3"><b>{TITLE}</b></td></tr>
<tr><td bgcolor="#F7F7F7">작성자</td><td>의정홍보팀</td>
<td bgcolor="#F7F7F7">등록일</td><td>2026/06/09</td></tr>
<tr><td bgcolor="#F7F7F7">조회수</td><td>58</td><td bgcolor="#F7F7F7">첨부파일</td>
<td><a href="/inc/down.asp?f=press1.hwp">press1.hwp</a></td></tr>
<tr><td colspan="4" bgcolor="#FFFFFF" style="padding:15px" class="text">{text}</td></tr></table>
<table width="100%" border="0" cellpadding="3"><tr><td>
<img src="/img/icon_prev.gif" alt="이전글">
<a href="/n/press_view.asp?idx=101">의회 행정자치위, 공공청사 에너지 점검</a><br>
<img src="/img/icon_next.gif" alt="다음글">
<a href="/n/press_view.asp?idx=103">청소년 의회교실, 중학생 80명 체험</a>
</td><td align="right"><a href="/n/press.asp"><img src="/img/btn_list.gif" alt="목록"></a></td></tr></table>
</td></tr></table></td></tr>
<tr><td align="center">달뫼광역시 중앙구 시청로 201 TEL:052-229-3114 FAX:052-229-3000</td></tr>
</table></body></html>"""


def nested_ledger(label: str) -> str:
    text = "<br>\n<br>\n".join(LINES)
    return f"""<html><head><meta charset="utf-8"><title>한들군의회에 오신 것을 환영합니다</title></head>
<body><table width="900" align="center"><tr><td colspan="2"><img src="/i/logo.gif" alt="한들군의회"></td></tr>
<tr><td width="160" valign="top"><a href="/c/1.php">의회소개</a><br><a href="/c/2.php">의정소식</a></td>
<td valign="top"><table width="100%"><tr><td><img src="/i/t_news.gif" alt="의정소식"></td>
<td align="right"><font size="2">처음으로 &gt; 의정소식 &gt; 보도자료</font></td></tr></table>
<table width="100%" cellpadding="5" bgcolor="#CCCCCC">
<tr><td width="100" bgcolor="#EEEEEE"><font size="2">{label}</font></td>
<td bgcolor="#FFFFFF" colspan="3"><font size="2"><b>{TITLE}</b></font></td></tr>
<tr><td bgcolor="#EEEEEE"><font size="2">글쓴이</font></td><td><font size="2">의사담당관</font></td>
<td bgcolor="#EEEEEE"><font size="2">날짜</font></td><td><font size="2">2026.06.09</font></td></tr>
<tr><td colspan="4" bgcolor="#FFFFFF" class="text"><font size="2">{text}</font></td></tr></table>
<table width="100%"><tr><td>
<img src="/i/prev.gif" alt="윗글"> <a href="/c/view.php?no=55">군의회 예결특위, 추경 예산안 심사 마쳐</a><br>
<img src="/i/next.gif" alt="아랫글"> <a href="/c/view.php?no=57">의원 연구단체, 농촌 돌봄 정책 토론회</a>
</td></tr></table></td></tr>
<tr><td colspan="2" align="center">
<font size="2">한들군 군청로 1 TEL 055-123-4567 FAX 055-123-4568</font></td></tr>
</table></body></html>"""


@pytest.mark.parametrize("template", [ledger, nested_ledger])
@pytest.mark.parametrize("label", ["제 목", "제목"])
def test_the_subject_row_after_the_text_is_no_sub_heading(template: Callable[[str], str], label: str) -> None:
    extracted = extract_page(template(label).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n")[: len(LINES)] == LINES
