"""Briefs and notices: one short paragraph under a headline and a date, on pages whose chrome an
extractor's fallback keeps in full (the header's menu words above the headline). Each rule on two
templates written here."""

from __future__ import annotations

import pytest

from nlp import EmptyPageError
from nlp.extract import extract_page

MENU = (
    '<div class="top_util"><a href="/member/login.html">로그인</a><a href="/member/join.html">회원가입</a>'
    '<a href="/sitemap.html">사이트맵</a></div><nav id="gnb"><ul>'
    + "".join(
        f'<li><a href="/news/articleList.html?sc_section_code=S1N{i}">{word}</a></li>'
        for i, word in enumerate(("정치", "경제", "사회", "지역", "오피니언", "포토"))
    )
    + "</ul></nav>"
)


def _paper_brief(title: str, text: str, date_line: str) -> bytes:
    """A paper's brief: a linked logo and its menu, the headline, a date, one paragraph."""
    return f"""<html><head><meta charset="utf-8"><title>{title} - 가온일보</title></head><body>
<header><a href="/">가온일보</a><ul><li><a href="/s/1">정치</a></li><li><a href="/s/2">경제</a></li>
<li><a href="/s/3">사회</a></li><li><a href="/login">로그인</a></li></ul></header>
<h1>{title}</h1>{date_line}<div class="body"><p>{text}</p></div></body></html>""".encode()


def _office_notice(title: str, text: str, date_line: str) -> bytes:
    """An office's notice board: utility links, a menu of sections, the post under its title."""
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>공지사항 - 가람시</title>
</head><body><header id="header">{MENU}
<h1 class="logo"><a href="/"><img src="/logo.png" alt="가람시"></a></h1></header>
<div id="container"><div class="bbs_view"><h4 class="tit">{title}</h4><p class="info">{date_line}</p>
<div class="cont"><p>{text}</p></div></div></div>
<footer><address>가람시 중앙로 100 | 대표전화 031-123-4567</address></footer></body></html>""".encode()


AWARD = (
    "한빛군, 우수 공무원 10명 표창",
    "한빛군은 3일 군청 대회의실에서 적극행정 우수 공무원 10명에게 표창을 수여했다고 밝혔다.",
)
HOURS = (
    "2024년 5월 가람시 민원실 운영시간 변경 안내",
    "5월 6일(월) 대체공휴일에는 민원실을 운영하지 않습니다.",
)


@pytest.mark.parametrize(
    ("page", "story"),
    [
        (_paper_brief(*AWARD, '<span class="date">2024.05.03 10:00</span>'), AWARD),
        (_office_notice(*AWARD, "작성자 총무과 | 작성일 2024-05-03 | 조회 88"), AWARD),
    ],
)
def test_a_menu_kept_above_a_briefs_headline_is_not_its_text(page: bytes, story: tuple[str, str]) -> None:
    extracted = extract_page(page)
    assert extracted.title == story[0]
    assert extracted.body == story[1]
    assert extracted.published is not None and extracted.published.date().isoformat() == "2024-05-03"


@pytest.mark.parametrize(
    "page",
    [
        _office_notice(*HOURS, "작성자 민원봉사과 | 작성일 2024-05-03 | 조회 88"),
        _paper_brief(*HOURS, "<p>입력 2024.05.03 09:00</p>"),
    ],
)
def test_a_one_line_notice_under_its_headline_and_date_is_an_article(page: bytes) -> None:
    extracted = extract_page(page)
    assert (extracted.kind, extracted.title, extracted.body) == ("article", *HOURS)
    assert extracted.published is not None and extracted.published.date().isoformat() == "2024-05-03"


def test_a_one_line_page_without_a_date_or_a_headline_is_still_empty() -> None:
    undated = _office_notice(*HOURS, "작성자 민원봉사과 | 조회 88")
    with pytest.raises(EmptyPageError):
        extract_page(undated)
    headless = b"<html><head><meta charset='utf-8'><title>x</title></head><body><p>2024.05.03</p>" + (
        f"<div><p>{HOURS[1]}</p></div></body></html>".encode()
    )
    with pytest.raises(EmptyPageError):
        extract_page(headless)


def _video_post(title: str, text: str, site_title: str) -> bytes:
    """A video post: the office's menu, the clip's title over its player, one line describing it."""
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{site_title}</title></head>
<body><header id="header">{MENU}</header><div id="container"><div class="vod_view">
<h3 class="vod_title">{title}</h3>
<div class="vod_info"><span>등록일 2024-05-03</span><span>조회수 1,024</span></div>
<div class="player"><iframe src="https://video.example/embed/abc123" title="동영상 플레이어"></iframe></div>
<div class="vod_desc"><p>{text}</p></div></div></div></body></html>""".encode()


CLIP = (
    "[영상] 가람시장 신년 기자회견 주요 발언",
    "김가람 가람시장이 3일 시청에서 신년 기자회견을 열고 올해 시정 방향을 발표했다.",
)


@pytest.mark.parametrize("site_title", ["가람시 영상뉴스", "영상자료실 | 가람시"])
def test_a_clips_title_under_a_kept_menu_is_its_headline(site_title: str) -> None:
    extracted = extract_page(_video_post(*CLIP, site_title))
    assert (extracted.title, extracted.body) == CLIP
