"""Pages the tests read or write: the shipped samples, fixtures, and the written article page."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures"
SAMPLES = TESTS.parent / "newsdesk" / "samples"


def sqlite_url(path: Path) -> str:
    """A SQLite URL for a database file."""
    return f"sqlite:///{path}"


def manifest() -> list[dict[str, str]]:
    items: list[dict[str, str]] = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    return items


def sample(prefix: str) -> tuple[bytes, dict[str, str]]:
    """The raw bytes and manifest entry of the sample whose file name starts with `prefix`."""
    item = next(i for i in manifest() if i["file"].startswith(prefix))
    return (SAMPLES / item["file"]).read_bytes(), item


def article_html(
    title: str,
    paragraphs: Sequence[str],
    published: str | None = None,
    modified: str | None = "2025-12-06T09:02:00+09:00",
    site: str | None = None,
    charset: str = "utf-8",
    *,
    layout: Literal["newspaper", "government"] = "newspaper",
    department: str = "정책기획과",
) -> bytes:
    """The one written article page: a small newspaper CMS's (meta tags, ISO dates, `modified`),
    or with ``layout="government"`` a ministry's (no meta dates: 입력 text, a department line).
    """
    if layout == "government":
        return _government_page(
            title, paragraphs, published or "2025.05.03. 오후 3:12", department, site or "정책브리핑", charset
        )
    published = published or "2025-12-05T16:40:00+09:00"
    site = site or "테스트일보"
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    mod_meta = f'<meta property="article:modified_time" content="{modified}">' if modified else ""
    mod_line = f"<span>수정 {modified[:10].replace('-', '.')}</span>" if modified else ""
    page = f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="{charset}">
<title>{html.escape(title)} - {site}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
{mod_meta}
</head>
<body>
<header><nav><a href="/">홈</a> <a href="/politics">정치</a> <a href="/society">사회</a></nav></header>
<main>
<article>
<h1>{html.escape(title)}</h1>
<div class="info"><span>입력 {published[:10].replace("-", ".")}</span> {mod_line}</div>
<div id="article-body">
{body}
</div>
</article>
</main>
<footer><p>Copyright (c) {site}. 무단전재 및 재배포 금지</p></footer>
</body>
</html>
"""
    return page.encode(charset)


def _government_page(
    title: str, sentences: Sequence[str], published: str, department: str, site: str, charset: str
) -> bytes:
    """A government CMS: header and menus, title, 입력 date and department, sentences two to a paragraph."""
    paragraphs = "\n".join(
        f"<p>{html.escape(' '.join(sentences[i : i + 2]))}</p>" for i in range(0, len(sentences), 2)
    )
    page = f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="{charset}">
<title>{html.escape(title)} | {site}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{site}">
</head>
<body>
<div id="header"><a href="/">{site}</a>
<ul class="gnb"><li><a href="/news/">정책뉴스</a></li><li><a href="/briefing/">브리핑룸</a></li>
<li><a href="/policy/">정책정보</a></li></ul></div>
<div id="container">
<div class="article_head">
<h1 class="title">{html.escape(title)}</h1>
<div class="info"><span class="date">입력 {published}</span> <span class="dept">{department}</span></div>
</div>
<div class="article_body" id="articleBody">
{paragraphs}
</div>
<div class="share"><a href="#">공유하기</a> <a href="#">인쇄</a></div>
</div>
<div id="footer"><p>Copyright ⓒ {site}. All rights reserved. 무단전재 및 재배포 금지</p></div>
</body>
</html>
"""
    return page.encode("cp949" if charset.lower() in ("euc-kr", "cp949") else charset)


# Prose for pages the tests write themselves: long enough for an extractor to call it a body.
COOPERATION = [
    "행정안전부는 지방자치단체와 긴밀한 협력을 바탕으로 겨울철 재난 대응 체계를 점검한다고 3일 밝혔다.",
    "이번 점검은 폭설과 한파에 대비해 제설 장비와 인력, 비상 연락망을 미리 확인하기 위한 것이다.",
    "정부는 각 시도와 협력해 취약 지역의 도로와 보행로를 중심으로 현장 점검을 벌일 계획이다.",
    "점검 결과 부족한 장비는 연말까지 보강하고, 담당 공무원을 대상으로 한 교육도 실시한다.",
    "행정안전부 관계자는 주민들이 불편을 겪지 않도록 끝까지 대응하겠다고 말했다.",
]

HIKING = [
    "산림청은 가을철 등산객이 늘어남에 따라 주요 등산로의 안전시설을 새로 정비한다고 밝혔다.",
    "정비 대상은 전국 국유림 등산로 120곳이며, 낡은 난간과 계단, 안내판을 차례로 교체한다.",
    "산림청은 정비가 끝난 구간부터 순차적으로 개방하고, 공사 기간에는 우회로를 안내할 예정이다.",
    "등산객은 산림청 누리집에서 구간별 공사 일정과 우회로 정보를 확인할 수 있다.",
]


def parse_front_matter(text: str) -> dict[str, Any]:
    """The Jekyll front matter of `text`: through PyYAML when it is installed, else a strict reading
    of the subset a draft uses (plain, quoted and folded scalars, one list)."""
    lines = text.splitlines()
    start = lines.index("---")
    end = lines.index("---", start + 1)
    block = lines[start + 1 : end]
    try:
        import yaml
    except ImportError:
        return _read_front_matter(block)
    loaded: dict[str, Any] = yaml.safe_load("\n".join(block))
    return loaded


def _scalar(value: str) -> str:
    if value.startswith('"'):
        loaded: str = json.loads(value)
        return loaded
    if value.startswith("'"):
        assert value.endswith("'") and len(value) >= 2, value
        return value[1:-1].replace("''", "'")
    assert not re.match(r"[-?:,\[\]{}#&*!|>%@`]", value) and ": " not in value and " #" not in value, value
    return value


def _read_front_matter(block: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    folded: set[str] = set()
    key = ""
    for line in block:
        if line.startswith("  - "):
            data[key].append(_scalar(line[4:].strip()))
        elif line.startswith("  "):
            assert isinstance(data[key], str), line
            data[key] = (data[key] + " " + line.strip()).strip()
        else:
            match = re.fullmatch(r"([A-Za-z_]+):(?: (.*))?", line)
            assert match, f"not a front matter line: {line!r}"
            key, value = match.group(1), (match.group(2) or "").strip()
            data[key] = [] if value == "" else "" if value == ">" else _scalar(value)
            folded.discard(key)
            if value == ">":
                folded.add(key)
    for key in folded:  # a folded scalar keeps one final line break (YAML "clip" chomping)
        data[key] += "\n"
    return data
