"""What a community board leaves around a short post, each rule on two made-up templates (an old
gnuboard-like table skin in EUC-KR and a div skin):

- empty links after the text (``<a href=""></a>``, a bookmark ``<a name="top"></a>``) are nothing:
  trafilatura would read the post's short block as navigation for them and drop the text;
- a comment table headed ``댓글 N`` in its first row goes whole, rows of ``이름 25-06-24 15:10`` too;
- the writer's signature box under the post is no part of it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "폭염 대비 무더위쉼터 운영 시간 연장"
LINES = [
    "구청 안내에 따라 우리 동 무더위쉼터 운영 시간이 7월 1일부터 저녁 9시까지로 연장됩니다.",
    "쉼터는 주민센터 1층, 새마을경로당, 햇살아파트 경로당 등 세 곳입니다.",
    "폭염특보가 내려진 날에는 주말과 공휴일에도 문을 엽니다.",
]
EMPTY_LINKS = "<!-- 태그 방지 --><a href=\"\"></a><a href=''></a>"
SIGNATURE = '<div class="signature">햇살마을 주민자치회 사무국 | 전화 02-123-4567 | 평일 09:00~18:00</div>'
COMMENTS = (
    '<table width="100%"><tr><td><b>댓글 2</b></td></tr>'
    "<tr><td>김영순 &nbsp; 25-06-24 15:10<br>좋은 소식이네요. 감사합니다.</td></tr>"
    "<tr><td>박준서 &nbsp; 25-06-24 18:44<br>문의는 어디로 하면 되나요?</td></tr></table>"
)


def table_skin(after_text: str = "", under_post: str = "") -> str:
    text = "<br>\n<br>\n".join(LINES)
    return f"""<html><head><meta http-equiv="content-type" content="text/html; charset=euc-kr">
<title>{TITLE} > 공지사항 | 햇살마을 주민자치회</title></head><body>
<table width="900" align="center"><tr><td colspan="2"><a href="../"><b>햇살마을 주민자치회</b></a>
<a href="../bbs/board.php?bo_table=notice">공지사항</a> |
<a href="../bbs/board.php?bo_table=free">자유게시판</a></td></tr>
<tr><td width="180" valign="top"><b>접속자</b> 12명</td><td valign="top">
<table width="100%"><tr><td><strong>[안내] {TITLE}</strong></td></tr>
<tr><td>글쓴이 : 사무국 &nbsp; 날짜 : 25-06-24 09:40 &nbsp; 조회 : 140</td></tr>
<tr><td style="padding:10px;"><span id="writeContents">{text}</span>
{after_text}</td></tr></table>{under_post}
</td></tr><tr><td colspan="2">Copyright (c) maeul.example All rights reserved.</td></tr></table>
</body></html>"""


def div_skin(after_text: str = "", under_post: str = "") -> str:
    text = "<br>\n".join(LINES)
    return f"""<html><head><meta charset="euc-kr"><title>{TITLE} - 한들마을</title></head><body>
<div class="hd"><a href="/">한들마을</a> <a href="/notice">알림</a> <a href="/free">자유게시판</a></div>
<div class="board_read"><div class="read_head"><h3>{TITLE}</h3><span>2025.06.24 09:40</span></div>
<div class="read_body">{text}{after_text}</div>{under_post}</div>
<div class="footer">한들마을 주민자치회 | 전화 055-000-0000</div></body></html>"""


@pytest.mark.parametrize("template", [table_skin, div_skin])
@pytest.mark.parametrize(
    ("after_text", "under_post"),
    [
        (EMPTY_LINKS, ""),
        ('<a name="top"></a>', ""),
        (EMPTY_LINKS, COMMENTS),
        (EMPTY_LINKS + SIGNATURE, COMMENTS),
        ("", SIGNATURE),
    ],
)
def test_a_short_posts_leftovers_are_no_text(
    template: Callable[..., str], after_text: str, under_post: str
) -> None:
    extracted = extract_page(template(after_text, under_post).encode("cp949"))
    assert extracted.body.split("\n") == LINES
