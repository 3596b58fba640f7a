"""A real Jekyll build of exported approved drafts: the site builds, each post renders its sections and
front matter, and each post is dated by its article's publication (or, with none, its fetch date).

Needs Debian's ``jekyll`` (``apt-get install jekyll``): skipped in one line outside CI when it is
missing, failed with CI=true.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from ingest.drafts import change_status
from ingest.export import filename, post_date, render_jekyll
from ingest.pipeline import Origin, ingest
from nlp.dates import KST
from nlp.digest import DigestOptions
from store.db import Database
from store.models import Draft
from tests.support.pages import sample
from tests.support.sections import NEWS, NEWS_HEADINGS, NEWS_URL, RELEASE, RELEASE_HEADINGS, RELEASE_URL

JEKYLL = shutil.which("jekyll")
CONFIG = """title: newsdesk drafts
timezone: Asia/Seoul
future: true
markdown: kramdown
permalink: /:year-:month-:day/:title/
defaults:
  - scope: {path: ""}
    values: {layout: post}
"""
LAYOUT = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body>
<h1 class="title">{{ page.title }}</h1>
<time class="date">{{ page.date | date: "%Y-%m-%d" }}</time>
<ul class="categories">{% for c in page.categories %}<li>{{ c }}</li>{% endfor %}</ul>
<div class="excerpt">{{ page.excerpt }}</div>
<div class="feature">{{ page.feature_text | strip | newline_to_br }}</div>
<main>{{ content }}</main>
</body></html>
"""
UNDATED = NEWS.replace('<div class="byline">홍길동 기자 | 입력 2025.10.02 09:30</div>', "").replace(
    "경기도, 어르신 버스요금 환급 시행", "경기도, 어르신 버스요금 환급 확대"
)
UNDATED_URL = "https://www.hanbit-ilbo.example.com/news/articleView.html?idxno=1819"


def _need_jekyll() -> str:
    if JEKYLL:
        return JEKYLL
    line = "not installed: jekyll (apt-get install jekyll)"
    if os.environ.get("CI") == "true":
        pytest.fail(line + " (CI=true: the Jekyll build must run)", pytrace=False)
    pytest.skip(line)


def test_exported_drafts_build_as_a_jekyll_site(db: Database, tmp_path: Path) -> None:
    jekyll = _need_jekyll()
    raw, item = sample("01")
    pages = [
        (RELEASE.encode(), RELEASE_URL, "행정안전부", RELEASE_HEADINGS),
        (NEWS.encode(), NEWS_URL, "한빛일보", NEWS_HEADINGS),
        (raw, item["url"], item["source"], []),
        (UNDATED.encode(), UNDATED_URL, "한빛일보", NEWS_HEADINGS),
    ]
    ids = []
    for page, url, source, _ in pages:
        outcome = ingest(db, page, Origin(url, source=source), DigestOptions(sentences=3))
        assert outcome.article_id is not None, outcome
        ids.append(outcome.article_id)
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (site / "_layouts" / "post.html").write_text(LAYOUT, encoding="utf-8")
    expected = {}
    with db.transaction() as session:
        for article_id, (_, _, _, headings) in zip(ids, pages, strict=True):
            draft = session.scalars(select(Draft).where(Draft.article_id == article_id)).one()
            change_status(draft, "approved", "편집자")
            article = draft.article
            when = article.published or article.page.fetched_at  # undated: the stored fetch date
            assert post_date(draft) == when.astimezone(KST).date()
            (site / "_posts" / filename(draft)).write_text(render_jekyll(draft), encoding="utf-8")
            deck = (draft.feature_text or "").splitlines()
            expected[article.title] = (post_date(draft).isoformat(), [article.title, *headings], deck)
    undated = expected["경기도, 어르신 버스요금 환급 확대"]
    assert undated[0] != "2025-10-02"  # not the dated copy's day: its own fetch date

    built = subprocess.run(
        [jekyll, "build", "--source", str(site), "--destination", str(tmp_path / "_site")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr

    rendered = {}
    for path in (tmp_path / "_site").rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        title = html.unescape(re.search(r'<h1 class="title">(.*?)</h1>', text).group(1))  # type: ignore[union-attr]
        rendered[title] = (path, text)
    assert set(rendered) == set(expected)
    for title, (day, headings, deck) in expected.items():
        path, text = rendered[title]
        assert day in str(path.parent)  # the permalink carries the post's date
        assert f'<time class="date">{day}</time>' in text
        shown = [html.unescape(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", text)]
        # the undated copy retells the dated story: its draft lists the other outlet at the end
        assert shown in (headings, [*headings, "함께 보도한 곳"]), (title, shown)
        assert re.search(r"<p>[^\n]*<b>[^<]+</b>", text)  # key sentences in <b> inside paragraphs
        assert '<ul class="categories"><li>' in text and '<div class="excerpt">' in text
        feature = re.search(r'<div class="feature">(.*?)</div>', text, re.S).group(1)  # type: ignore[union-attr]
        decks = [html.unescape(line.strip()) for line in feature.split("<br />")]
        assert decks == deck, (title, decks)  # one deck line a line, never glued
