"""Exports: the seed post's shape, YAML that survives any headline, slugs, and the `drafts` CLI."""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.export import filename, front_matter, one_line, render_jekyll, render_json, render_markdown, slug
from newsdesk.cli import add_drafts_parser
from newsdesk.commands import CommandError
from newsdesk.drafts_cmd import cmd_drafts
from nlp.dates import KST
from nlp.urls import is_public_http_url
from store.db import Database
from store.models import Article, Draft, Source
from tests.support.drafts import Seeded, editor_settings, seed
from tests.support.pages import FIXTURES

SEED = (FIXTURES / "seed-post.md").read_text(encoding="utf-8")
BODY = (
    "첫 문단의 첫 문장입니다. 여기가 핵심 문장입니다.\n둘째 문단은 맥락을 줍니다. 둘째 핵심 문장도 있습니다."
)


def transient_draft(headline: str = "제목", **fields: Any) -> Draft:
    """A draft and article that never touch a database (enough to render)."""
    first, second = BODY.index("여기가"), BODY.index("둘째 핵심")
    key = [
        {"index": 1, "text": "여기가 핵심 문장입니다.", "start": first, "end": first + 13, "score": 1.0},
        {"index": 3, "text": "둘째 핵심 문장도 있습니다.", "start": second, "end": second + 15, "score": 0.5},
    ]
    article = Article(
        title=headline,
        body=BODY,
        url="https://www.korea.kr/news/1?a=1&b=2",
        summary=key,
        source=Source(name="문화체육관광부"),
        published=dt.datetime(2025, 12, 5, 9, tzinfo=KST),
    )
    values: dict[str, Any] = {
        "headline": headline,
        "category": "육아",
        "excerpt": "발췌",
        "feature_text": "소개",
        "key_sentences": key,
        "keywords": ["핵심"],
        "image": "/assets/img/a.jpg",
    }
    values.update(fields)
    return Draft(id=7, article=article, status="approved", edits={}, outlets=[], **values)


def split_post(post: str) -> tuple[dict[str, Any], str, list[str]]:
    """Front matter (parsed), its raw text, and the body lines."""
    assert post.startswith("---\n")
    raw, body = post[4:].split("\n---\n", 1)
    loaded: dict[str, Any] = yaml.safe_load(raw)
    return loaded, raw, body.split("\n")


def shape(lines: list[str]) -> str:
    """The body as line kinds: I(mage) H(eading) S(pacer) P(aragraph) L(inks) C(redit) _(blank)."""
    kinds = []
    for line in lines:
        if not line.strip():
            kinds.append("_")
        elif re.fullmatch(r'<h2 data-ke-size="size26">[^<]+</h2>  ', line):
            kinds.append("H")
        elif re.fullmatch(r'<p data-ke-size="size16"></p>(  )?', line):
            kinds.append("S")
        elif re.fullmatch(r'<p><img src="[^"]+" alt="[^"]*" /></p>', line):
            kinds.append("I")
        elif re.fullmatch(r"<p>.*<b>.+</b>.*</p>", line):
            kinds.append("P")
        elif re.fullmatch(r'<p>((<a href="[^"]+">[^<]+</a>|[^<·]+)( · )?)+</p>', line):
            kinds.append("L")
        elif re.search(r'<a href="https?://[^"]+"[^>]*>[^<]+</a>', line) or re.match(r"원문: [^<]+$", line):
            kinds.append("C")  # the credit: linked, or (no public URL) the outlet named
        else:
            kinds.append("?")
    return "".join(kinds)


POST_SHAPE = re.compile(r"_(I_)?(H_S_([PL]_)+S_?)+C_*")


def test_the_seed_post_has_the_shape_we_check() -> None:
    meta, raw, lines = split_post(SEED)
    assert list(meta) == ["title", "categories", "excerpt", "feature_text", "image"]
    assert "excerpt: >\n  " in raw and "feature_text: >\n  " in raw and "image: '" in raw
    assert POST_SHAPE.fullmatch(shape(lines)), shape(lines)


def test_an_export_has_the_seed_posts_shape() -> None:
    post = render_jekyll(transient_draft("서울시 위기임산부 통합지원센터 출범"))
    meta, raw, lines = split_post(post)
    assert list(meta) == ["title", "categories", "excerpt", "feature_text", "image"]
    assert meta == {
        "title": "서울시 위기임산부 통합지원센터 출범",
        "categories": ["육아"],
        "excerpt": "발췌\n",
        "feature_text": "소개\n",
        "image": "/assets/img/a.jpg",
    }
    assert "title: 서울시 위기임산부 통합지원센터 출범\n" in raw  # plain, as the seed writes it
    assert "categories:\n  - 육아\n" in raw and "image: '/assets/img/a.jpg'" in raw
    assert POST_SHAPE.fullmatch(shape(lines)), shape(lines)
    assert "<p>첫 문단의 첫 문장입니다. <b>여기가 핵심 문장입니다.</b></p>" in lines
    assert "<p>둘째 문단은 맥락을 줍니다. <b>둘째 핵심 문장도 있습니다.</b></p>" in lines
    assert lines[-2] == '원문: <a href="https://www.korea.kr/news/1?a=1&amp;b=2">문화체육관광부</a>'


HOSTILE = [
    'He said "yes": it\'s #1 🎉',
    "- 목록처럼 보이는 제목",
    "* 별표로 시작",
    "& 앵커",
    "! 태그",
    "| 파이프",
    "> 꺾쇠",
    "% 지시어",
    "@ 골뱅이",
    "` 백틱",
    "'작은따옴표'",
    '"큰따옴표"',
    "[대괄호] 제목, {중괄호}",
    "키: 값",
    "끝이 콜론:",
    "해시 #태그",
    "#해시로 시작",
    "---",
    "...",
    "yes",
    "No",
    "null",
    "~",
    "123",
    "1.5e3",
    "0x1F",
    "2025-12-05",
    "2025-12-05 10:00:00",
    ".inf",
    "<< 병합",
    "=",
    "줄\n바꿈\r\n두 번",
    "탭\t과 \u2028 줄 구분자 \x85 NEL",
    "제어\x00문자\x07와 \ufeffBOM",
    "  앞뒤 공백  ",
    "",
    "🇰🇷 국기 👨‍👩‍👧 가족",
]


@pytest.mark.parametrize("headline", HOSTILE)
def test_yaml_stays_valid_for_hostile_headlines(headline: str) -> None:
    draft = transient_draft(
        headline, category=headline or None, excerpt=headline, feature_text=headline, image=headline or None
    )
    meta, _, lines = split_post(render_jekyll(draft))
    text = html.escape(one_line(headline))  # the front matter holds text as the body does: escaped
    assert meta["title"] == text
    assert meta["categories"] == [text or "기타"]
    assert meta["excerpt"] in ("", text + "\n")
    if headline.strip():
        assert meta["image"] == text
    assert "<script" not in "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(max_size=40), st.text(max_size=120))
def test_any_text_round_trips_through_the_front_matter(headline: str, category: str, excerpt: str) -> None:
    fields = {
        "headline": headline,
        "category": category or None,
        "excerpt": excerpt,
        "feature_text": excerpt,
        "image": headline or None,
    }
    loaded = yaml.safe_load("\n".join(front_matter(fields)[1:-1]))
    assert loaded["title"] == html.escape(one_line(headline))
    assert loaded["categories"] == [html.escape(one_line(category)) or "기타"]
    assert loaded["excerpt"] == (html.escape(one_line(excerpt)) + "\n" if one_line(excerpt) else "")


def test_html_in_a_headline_is_escaped_in_the_body() -> None:
    post = render_jekyll(transient_draft("<script>alert(1)</script> & 제목"))
    assert "<script>" not in post.split("\n---\n", 1)[1]
    assert "&lt;script&gt;" in post


def test_html_in_the_front_matter_is_escaped_as_in_the_body() -> None:
    """title, categories, excerpt, feature_text and image reach the page as the theme prints them."""
    draft = transient_draft(
        "<script>alert(1)</script> & 제목",
        category="<b>육아</b>",
        excerpt="<img src=x onerror=alert(1)> 발췌: #1",
        feature_text="</p><script>alert(2)</script> '소개'",
        image='/a.jpg" onerror="alert(3)',
    )
    post = render_jekyll(draft)
    meta, raw, _ = split_post(post)
    for tag in ("<script", "<img src=x", "<b>", "</p>", '" onerror'):
        assert tag not in raw, tag
    assert meta == {
        "title": "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 제목",
        "categories": ["&lt;b&gt;육아&lt;/b&gt;"],
        "excerpt": "&lt;img src=x onerror=alert(1)&gt; 발췌: #1\n",
        "feature_text": "&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt; &#x27;소개&#x27;\n",
        "image": "/a.jpg&quot; onerror=&quot;alert(3)",
    }
    assert "excerpt: >\n  " in raw and "feature_text: >\n  " in raw and "\nimage: '" in raw


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "내년부터 만 8세도 아동수당 받는다…41만 명 새로 혜택",
            "내년부터-만-8세도-아동수당-받는다-41만-명-새로-혜택",
        ),
        ("../../etc/passwd", "etc-passwd"),
        ("Seoul 올빼미버스 N75번 🚌", "seoul-올빼미버스-n75번"),
        ("🎉🎉", "draft"),
        ('CON:AUX?*<>|"', "con-aux"),
        ("가" * 100, "가" * 60),
    ],
)
def test_slugs_keep_hangul_and_are_safe_file_names(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_file_names_are_dated_by_publication() -> None:
    assert filename(transient_draft("서울시 위기임산부 지원")) == "2025-12-05-서울시-위기임산부-지원.md"
    assert filename(transient_draft("🎉")) == "2025-12-05-draft-7.md"


# ── links: public http(s) only ───────────────────────────────────────────────

PUBLIC = "https://www.hanbit-ilbo.example.com/news/articleView.html?idxno=7001&sc=1"
NOT_PUBLIC = [
    "file:///home/editor/saved/a.html",
    "http://127.0.0.1:8765/news/1",
    "http://localhost/news/1",
    "http://localhost./news/1",
    "http://news.localhost/1",
    "http://10.1.2.3/news/1",
    "https://192.168.0.7/news/1",
    "http://172.16.5.4:8080/news/1",
    "http://[::1]/news/1",
    "http://[::ffff:127.0.0.1]/news/1",
    "http://169.254.169.254/latest/meta-data",
    "http://printer.local/news/1",
    "http://intranet/news/1",
    "http://2130706433/news/1",
    "http://0x7f.1/news/1",
    "http://0.0.0.0/news/1",
    "https://user:pass@www.example.com/news/1",
    "javascript:alert(document.domain)//x",
    "not-a-url",
    "//www.example.com/news/1",
    'https://www.example.com/news/1"><script>alert(1)</script>',
    "",
]


@pytest.mark.parametrize("url", NOT_PUBLIC)
def test_exports_link_only_to_public_http_urls(url: str) -> None:
    """The 원문 and 함께 보도한 곳 links: a public http(s) URL, else the outlet named without a link."""
    draft = transient_draft("제목")
    draft.article.url = url
    draft.outlets = [
        {"article_id": 2, "name": "한빛일보", "url": PUBLIC, "title": "다른 기사"},
        {"article_id": 3, "name": url or "로컬", "url": url, "title": "저장한 기사"},
    ]
    post = render_jekyll(draft)
    assert re.findall(r'href="([^"]*)"', post) == [html.escape(PUBLIC)]
    assert "원문: 문화체육관광부" in post and ">한빛일보</a>" in post
    _, _, lines = split_post(post)
    assert POST_SHAPE.fullmatch(shape(lines)), shape(lines)
    markdown = render_markdown(draft)
    assert re.findall(r"\]\(<([^>]*)>\)", markdown) == [PUBLIC]
    assert "원문: 문화체육관광부" in markdown
    data = render_json(draft)
    assert data["url"] is None and [o["url"] for o in data["outlets"]] == [PUBLIC, None]
    if url:
        assert url not in post and url not in markdown and url not in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    "url", [PUBLIC, "http://www.korea.kr/news/1", "https://8.8.8.8/x", "https://정부.한국/뉴스"]
)
def test_public_http_urls_are_linked(url: str) -> None:
    assert is_public_http_url(url)
    draft = transient_draft("제목")
    draft.article.url = url
    assert f'원문: <a href="{html.escape(url)}">문화체육관광부</a>' in render_jekyll(draft)
    assert render_json(draft)["url"] == url


# ── the `drafts` CLI functions ───────────────────────────────────────────────


@pytest.fixture
def cli_db(tmp_path: Path) -> tuple[Any, Seeded]:
    settings = editor_settings(tmp_path)
    db = Database(settings.database_url)
    seeded = seed(db)
    with db.transaction() as session:
        for draft_id in (seeded.story, seeded.hiking):
            draft = session.get(Draft, draft_id)
            assert draft is not None
            draft.status = "approved"
    db.dispose()
    return settings, seeded


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsdesk")
    add_drafts_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["drafts", *argv])


def test_drafts_list_prints_json_lines(
    cli_db: tuple[Any, Seeded], capsys: pytest.CaptureFixture[str]
) -> None:
    settings, seeded = cli_db
    assert cmd_drafts(parse("list", "--json"), settings) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["id"] for r in rows} == {seeded.story, seeded.paper, seeded.hiking}
    assert all({"id", "status", "title", "article_id"} <= set(r) for r in rows)
    assert cmd_drafts(parse("list", "--status", "draft", "--json"), settings) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == [seeded.paper]
    assert cmd_drafts(parse("list", "--status", "approved"), settings) == 0
    text = capsys.readouterr().out
    assert "approved" in text and "등산로 안전시설 새로 정비" in text


def test_drafts_export_writes_one_parsable_file_per_approved_draft(
    cli_db: tuple[Any, Seeded], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings, _ = cli_db
    out = tmp_path / "posts"
    assert cmd_drafts(parse("export", "--status", "approved", "--out", str(out)), settings) == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == [
        "2025-10-02-등산로-안전시설-새로-정비.md",
        "2025-12-05-지자체와-협력해-겨울철-재난-대응-점검.md",
    ]
    assert capsys.readouterr().out.splitlines() == [str(out / name) for name in files]
    for name in files:
        meta, _, lines = split_post((out / name).read_text(encoding="utf-8"))
        assert set(meta) >= {"title", "categories", "excerpt", "feature_text"}
        assert POST_SHAPE.fullmatch(shape(lines)), shape(lines)
    assert (
        cmd_drafts(parse("export", "--status", "approved", "--format", "json", "--out", str(out)), settings)
        == 0
    )
    assert len(list(out.glob("*.json"))) == 2


def test_drafts_export_one_to_stdout(cli_db: tuple[Any, Seeded], capsys: pytest.CaptureFixture[str]) -> None:
    settings, seeded = cli_db
    assert cmd_drafts(parse("export", str(seeded.hiking), "--format", "markdown"), settings) == 0
    assert capsys.readouterr().out.startswith("# 등산로 안전시설 새로 정비\n")
    assert cmd_drafts(parse("export", str(seeded.hiking)), settings) == 0
    assert split_post(capsys.readouterr().out)[0]["title"] == "등산로 안전시설 새로 정비"
    with pytest.raises(CommandError, match="no draft with id 999"):
        cmd_drafts(parse("export", "999"), settings)
    with pytest.raises(CommandError, match="--out DIR"):
        cmd_drafts(parse("export"), settings)


@pytest.mark.parametrize(
    ("image", "shown"),
    [
        ("/assets/img/a.jpg", True),
        ("https://img.example.com/news/a.jpg", True),
        ("javascript:alert(document.domain)//x.jpg", False),
        ("http://127.0.0.1:8765/a.jpg", False),
        ("file:///home/editor/a.jpg", False),
        ("//evil.example.com/a.jpg", False),
        ("data:image/svg+xml,<svg onload=alert(1)>", False),
    ],
)
def test_the_post_image_is_a_public_url_or_a_site_path(image: str, shown: bool) -> None:
    """The <img> in the body is a URL written into HTML: checked at export like the links."""
    _, _, lines = split_post(render_jekyll(transient_draft("제목", image=image)))
    images = [line for line in lines if line.startswith("<p><img ")]
    assert images == ([f'<p><img src="{html.escape(image)}" alt="제목" /></p>'] if shown else [])
