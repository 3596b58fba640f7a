"""The `newsdesk` command, in-process on real files and SQLite, plus one run of the installed script."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk import commands
from newsdesk.cli import main
from newsdesk.settings import Settings
from store.db import head_revision
from tests.support.cli import json_lines, one_line, run
from tests.support.pages import (
    COOPERATION,
    FIXTURES,
    HIKING,
    SAMPLES,
    article_html,
    manifest,
    parse_front_matter,
)

CONTRACT = {
    "source",
    "url",
    "kind",
    "title",
    "published",
    "published_date_only",
    "modified",
    "authors",
    "body",
    "lead",
    "images",
    "links",
    "error",
}

ARTICLE = (
    "보건복지부는 2026년 1월부터 아동수당 지급 대상을 만 9세 미만으로 확대한다고 5일 밝혔다. "
    "이번 조치로 만 8세 아동 약 41만 명이 새로 아동수당을 받게 된다.\n"
    "복지부는 지자체와 협력해 대상 가구에 안내문과 문자 메시지를 보내기로 했다. "
    "신청은 1월 2일부터 행정복지센터나 복지로 누리집에서 할 수 있다."
)


def test_emit_follows_redirected_stdout() -> None:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        commands.emit({"ok": True})
    assert json.loads(buffer.getvalue()) == {"ok": True}


def copy_samples(folder: Path, *prefixes: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for item in manifest():
        if not prefixes or item["file"][:2] in prefixes:
            shutil.copy(SAMPLES / item["file"], folder / item["file"])
    return folder


# extract -----------------------------------------------------------------------------------------


def test_extract_json_prints_one_contract_object_per_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.html"
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"")
    files = [SAMPLES / "01-mohw-child-allowance.html", missing, FIXTURES / "listing.html", broken]
    code, out, _ = run(capsys, "extract", "--json", *map(str, files))
    assert code == 0
    records = json_lines(out)
    assert [r["source"] for r in records] == [str(f) for f in files]
    for record in records:
        assert set(record) == CONTRACT
    article, gone, listing, empty = records
    assert article["error"] is None and article["kind"] == "article"
    assert article["title"] == "아동수당 지급 대상, 2026년부터 만 9세 미만으로 확대"
    assert article["published"].startswith("2025-12-05T16:40") and article["published"].endswith("+09:00")
    assert "아동수당" in article["body"] and isinstance(article["authors"], list)
    assert article["url"] == "https://www.briefing.example.com/briefing/view.do?newsId=1001"
    assert gone["error"] and "missing.html" in gone["error"] and gone["kind"] is None
    assert listing["error"] is None and listing["kind"] == "listing" and len(listing["links"]) >= 4
    assert empty["error"] and empty["body"] == ""


def test_extract_newspaper_dates_with_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--json", str(SAMPLES / "02-daily-child-allowance.html"))
    assert code == 0
    (record,) = json_lines(out)
    assert record["published"] == "2025-12-05T17:20:00+09:00"
    assert record["modified"] == "2025-12-06T09:02:00+09:00"
    assert any("김하늘" in a for a in record["authors"])


def test_extract_fixtures(capsys: pytest.CaptureFixture[str]) -> None:
    names = ["press_release.html", "newspaper.html", "euckr.html", "listing.html", "no_body.html"]
    code, out, _ = run(capsys, "extract", "--json", *(str(FIXTURES / n) for n in names))
    assert code == 0
    records = {Path(r["source"]).name: r for r in json_lines(out)}
    assert set(records) == set(names)
    for name in ("press_release.html", "newspaper.html", "euckr.html"):
        assert records[name]["error"] is None and records[name]["kind"] == "article", records[name]
        assert records[name]["title"] and "\ufffd" not in records[name]["body"]
    assert records["newspaper.html"]["authors"]
    assert records["listing.html"]["kind"] == "listing" and records["listing.html"]["links"]
    assert records["no_body.html"]["error"]


def test_extract_url_with_two_files_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SAMPLES / "01-mohw-child-allowance.html"), str(SAMPLES / "02-daily-child-allowance.html")]
    code, out, err = run(capsys, "extract", "--url", "https://example.com/a", *files)
    assert code != 0 and out == ""
    assert "--url" in one_line(err)


def test_extract_url_names_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://news.example.com/a?id=7"
    code, out, _ = run(capsys, "extract", "--json", "--url", url, str(SAMPLES / "03-seoul-bus.html"))
    assert code == 0 and json_lines(out)[0]["url"] == url


def test_extract_text_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "extract", str(SAMPLES / "03-seoul-bus.html"), str(FIXTURES / "listing.html"),
        str(tmp_path / "nope.html"),
    )  # fmt: skip
    assert code == 0
    assert "심야 올빼미버스" in out and "article links" in out and "nope.html: error:" in out


# summarize ---------------------------------------------------------------------------------------


def test_summarize_jsonl_gives_verbatim_sentences_with_offsets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    second = "서울시는 심야 올빼미버스 노선을 새로 운행한다고 9일 밝혔다. 요금은 카드 기준 2,500원이다."
    batch = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": 1, "text": ARTICLE}), "", json.dumps({"id": "b", "text": second})]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "summarize", "--jsonl", "--sentences", "2", str(batch))
    assert code == 0
    results = json_lines(out)
    assert [r["id"] for r in results] == [1, "b"]
    for result, source in zip(results, (ARTICLE, second), strict=True):
        assert {"id", "sentences", "excerpt", "keywords"} <= set(result)
        assert result.get("error") is None
        assert 1 <= len(result["sentences"]) <= 2
        for sentence in result["sentences"]:
            assert set(sentence) == {"text", "index", "start", "end", "score"}
            assert source[sentence["start"] : sentence["end"]] == sentence["text"]
        assert [s["index"] for s in result["sentences"]] == sorted(s["index"] for s in result["sentences"])
        assert 0 < len(result["excerpt"]) <= 160
        assert result["keywords"] and len(result["keywords"]) <= 10


def test_summarize_jsonl_reports_bad_items_and_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": 1, "text": ""}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 3, "text": ARTICLE}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "summarize", "--jsonl", str(batch))
    results = json_lines(out)
    assert code == 0 and len(results) == 3
    assert results[0]["id"] == 1 and results[0]["error"] and results[0]["sentences"] == []
    assert results[1]["error"] and "line 2" in results[1]["error"]
    assert results[2]["id"] == 3 and results[2]["error"] is None and results[2]["sentences"]


def test_summarize_jsonl_malformed_line_is_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": ARTICLE}) + '\n{"id": 2, "text": \n', encoding="utf-8")
    code, _, err = run(capsys, "summarize", "--jsonl", str(batch))
    assert code != 0
    assert "JSON" in one_line(err)


def test_summarize_json_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE))
    code, out, _ = run(capsys, "summarize", "--json", "-")
    assert code == 0
    (result,) = json_lines(out)
    for sentence in result["sentences"]:
        assert ARTICLE[sentence["start"] : sentence["end"]] == sentence["text"]


def test_summarize_plain_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "summarize", "--sentences", "1", str(article))
    assert code == 0
    assert "요약문:" in out and "키워드:" in out
    assert out.splitlines()[0] in ARTICLE


@pytest.mark.parametrize("content", ["", "\n\n   \n"])
def test_summarize_empty_file_fails_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "summarize", str(empty))
    assert code != 0 and out == ""
    assert one_line(err).startswith("newsdesk summarize:")


def test_summarize_missing_file_fails_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "summarize", str(tmp_path / "nope.txt"))
    assert code != 0 and "nope.txt" in one_line(err)


def test_summarize_non_utf8_file_fails_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    legacy = tmp_path / "euckr.txt"
    legacy.write_bytes(ARTICLE.encode("cp949"))
    code, _, err = run(capsys, "summarize", str(legacy))
    assert code != 0 and one_line(err)


# ingest / search / db ----------------------------------------------------------------------------


def test_ingest_a_folder_then_search(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pages = copy_samples(tmp_path / "pages", "01", "02")
    shutil.copy(FIXTURES / "listing.html", pages / "listing.html")
    (pages / "notes.txt").write_text("not a page", encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(pages), "--source", "samples", "--category", "육아")
    assert code == 0
    assert out.count(": new (article ") == 2 and "listing with" in out
    assert out.strip().splitlines()[-1] == "ingested: 1 listing, 2 new"

    code, out, _ = run(capsys, "search", "협력했다", "--json")
    assert code == 0
    found = json_lines(out)  # JSON Lines: one hit per line
    assert len(found) == 2
    declared = {item["url"] for item in manifest() if item["file"][:2] in ("01", "02")}
    assert {hit["url"] for hit in found} == declared  # the pages' own canonical URLs
    for hit in found:
        assert hit["source"] == "samples"
        assert "<mark>협력</mark>" in hit["highlights"][0]
        assert hit["published"].endswith("+09:00")

    code, out, _ = run(capsys, "search", "협력했다")
    assert code == 0 and out.startswith("2 articles match") and "[협력]" in out

    code, out, _ = run(capsys, "ingest", str(pages))
    assert code == 0 and out.strip().splitlines()[-1] == "ingested: 3 unchanged"


def test_ingest_one_file_with_its_url(capsys: pytest.CaptureFixture[str]) -> None:
    page = SAMPLES / "03-seoul-bus.html"
    url = "https://www.briefing.example.com/briefing/view.do?newsId=1003&utm_source=x"
    code, out, _ = run(capsys, "ingest", str(page), "--url", url)
    assert code == 0 and ": new (article " in out
    code, out, _ = run(capsys, "search", "올빼미버스", "--json")
    assert json_lines(out)[0]["url"] == "https://www.briefing.example.com/briefing/view.do?newsId=1003"


def test_ingest_failures_are_one_line_each(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "ingest", str(tmp_path / "missing.html"))
    assert code != 0 and "missing.html" in one_line(err)

    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "ingest", str(tmp_path / "empty"))
    assert code != 0 and one_line(err).startswith("newsdesk ingest:")

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.html").write_bytes(b"")
    code, out, _ = run(capsys, "ingest", str(broken))
    assert code != 0 and "failed:" in out


def test_search_rejects_an_empty_query_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for query in ('"', "-협력", "')--"):
        code, out, err = run(capsys, "search", "--", query)
        assert code != 0 and out == ""
        assert one_line(err).startswith("newsdesk search:")


def test_db_upgrade_prints_the_revision(capsys: pytest.CaptureFixture[str], isolated_env: Path) -> None:
    code, out, _ = run(capsys, "db", "current")
    assert code == 1 and out.startswith("no database yet")
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and out.strip() == f"schema revision: {head_revision()}"
    assert head_revision() and (isolated_env / "newsdesk.db").exists()
    code, out, _ = run(capsys, "db", "current")
    assert out.strip() == f"schema revision: {head_revision()}"


def test_beat_with_a_schedule_celery_refuses_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Checked by the parser beat uses, at load: one line and exit 1, never a traceback."""
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[source]]\nname = "x"\nkind = "feed"\nstart_urls = ["https://example.go.kr/rss.xml"]\n'
        'allowed_domains = ["example.go.kr"]\ncategory = "복지"\nschedule = "0 9 * * 7"\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "beat", "--sources", str(sources))
    assert code == 1 and out == ""
    assert one_line(err).startswith("newsdesk beat:") and "schedule" in err and "Traceback" not in err


def test_a_bad_setting_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_SUMMARY_SENTENCES", "many")
    code, _, err = run(capsys, "db", "current")
    assert code != 0 and "NEWSDESK_SUMMARY_SENTENCES" in one_line(err)


@pytest.mark.parametrize(
    "argv",
    [[], ["bogus"], ["search"], ["db", "sideways"], ["summarize", "--sentences", "0"], ["extract"]],
)
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


# demo --------------------------------------------------------------------------------------------


def test_demo_prints_a_draft_and_a_search_hit(capsys: pytest.CaptureFixture[str], isolated_env: Path) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert str(isolated_env.resolve()) in out.splitlines()[0]
    assert out.count("  new ") == 6 and out.count("  listing ") == 1
    draft = out[out.index("── summary draft") :]
    meta = parse_front_matter(draft)
    assert meta["title"] == "아동수당 지급 대상, 2026년부터 만 9세 미만으로 확대"
    assert meta["categories"] == ["육아"]
    assert 0 < len(meta["excerpt"]) <= 160
    assert meta["feature_text"]
    assert "<h2" in draft and "<b>" in draft and "원문: <a href=" in draft
    cooperation = out[out.index("── search: 협력했다 → 2 articles ──") : out.index("── search: 청년")]
    assert cooperation.count("[협력]") == 2, "two hits, each with the matched surface marked"
    assert "── search: 청년 → " in out and "고용노동부" in out


def test_extract_sample_06_is_a_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--json", str(SAMPLES / "06-briefing-list.html"))
    (record,) = json_lines(out)
    assert code == 0 and record["kind"] == "listing"
    assert len(record["links"]) == 4 and all("newsId=" in link for link in record["links"])


def test_demo_stores_six_articles_and_one_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--query", "청년")
    assert code == 0
    assert out.count("  new ") == 6 and out.count("  listing ") == 1
    assert "── search: 청년 → 1 articles ──" in out


def test_demo_twice_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "demo")[0] == 0
    code, out, _ = run(capsys, "demo", "--query", "청년")
    assert code == 0
    assert out.count("  unchanged ") == 7 and "  new " not in out
    assert "── search: 청년 → 1 articles ──" in out and "고용노동부" in out


# the installed script ----------------------------------------------------------------------------


def test_installed_script_usage_and_missing_file(tmp_path: Path) -> None:
    script = shutil.which("newsdesk") or str(Path(sys.executable).with_name("newsdesk"))
    assert Path(script).exists()
    bad = subprocess.run([script, "frobnicate"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "usage:" in bad.stderr

    missing = subprocess.run(
        [script, "ingest", str(tmp_path / "missing.html")], capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 1 and missing.stdout == ""
    assert "Traceback" not in missing.stderr
    (line,) = missing.stderr.strip().splitlines()
    assert line.startswith("newsdesk ingest:") and "missing.html" in line


def test_sources_show_tells_what_the_pages_of_a_source_taught(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    topics = ("어르신 일자리", "청년 월세", "어린이 통학로", "전통시장 주차장")
    for index, topic in enumerate(topics):
        page = tmp_path / f"{index}.html"
        page.write_text(
            f"<html><head><meta charset='utf-8'><title>새벽군청</title></head><body>"
            f"<h2>꿈과 희망이 자라는 행복 새벽군</h2><h3>새벽군, {topic} 지원 늘린다</h3>"
            f"<p>새벽군은 내년부터 {topic} 지원을 늘리고 대상자를 두 배로 늘린다고 {index + 3}일 밝혔다.</p>"
            f"<p>군은 {topic} 사업 예산 {index + 20}억 원을 확보했으며 다음 달부터 신청을 받는다.</p>"
            "<p>담당 부서 새벽군 기획예산실 정책기획팀</p></body></html>",
            encoding="utf-8",
        )
        url = f"https://www.saebyeok.go.kr/board/view.do?id={index}"
        assert run(capsys, "ingest", str(page), "--url", url, "--source", "새벽군")[0] == 0
    code, out, _ = run(capsys, "sources", "show", "새벽군", "--json")
    learned = json_lines(out)[0]
    assert code == 0 and learned["pages"] == 4
    assert "꿈과 희망이 자라는 행복 새벽군" in learned["titles"] + learned["lines"]
    assert "담당 부서 새벽군 기획예산실 정책기획팀" in learned["lines"]
    code, out, _ = run(capsys, "sources", "show", "새벽군")
    assert code == 0 and "learned from 4 pages" in out and "꿈과 희망이 자라는 행복 새벽군" in out
    code, _, err = run(capsys, "sources", "show", "없는곳")
    assert code != 0 and len(err.strip().splitlines()) == 1


# issue 15: what a new user and a hostile probe found ----------------------------------------------


def with_head(page: bytes, *tags: str) -> bytes:
    """The page with `tags` added to its <head>."""
    return page.replace(b"</head>", "\n".join(tags).encode() + b"\n</head>", 1)


def test_a_saved_page_is_keyed_by_its_own_canonical_url(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Saved copies of pages stored from the web are the same articles, not copies under file://."""
    canonical = "https://news.example.com/society/article/1001"
    shared = "https://news.example.com/society/article/2002"
    first = with_head(
        article_html("지자체와 협력해 겨울철 재난 대응 점검", COOPERATION),
        f'<link rel="canonical" href="{canonical}?utm_source=rss">',
    )
    second = with_head(
        article_html("등산로 안전시설 새로 정비", HIKING), f'<meta property="og:url" content="{shared}">'
    )
    web, saved = tmp_path / "web", tmp_path / "saved"
    web.mkdir(), saved.mkdir()
    (web / "a.html").write_bytes(first)
    (web / "b.html").write_bytes(second)
    (saved / "a.html").write_bytes(first)
    (saved / "b.html").write_bytes(second)
    assert run(capsys, "ingest", str(web / "a.html"), "--url", canonical)[0] == 0
    assert run(capsys, "ingest", str(web / "b.html"), "--url", shared + "#top")[0] == 0

    code, out, _ = run(capsys, "ingest", str(saved))
    assert code == 0 and out.strip().splitlines()[-1] == "ingested: 2 unchanged", out

    code, out, _ = run(capsys, "extract", "--json", str(saved / "a.html"), str(saved / "b.html"))
    assert [r["url"] for r in json_lines(out)] == [f"{canonical}?utm_source=rss", shared]

    for query, url in (("협력했다", canonical), ("등산로", shared)):
        code, out, _ = run(capsys, "search", query, "--json")
        assert [hit["url"] for hit in json_lines(out)] == [url]


def test_a_saved_page_with_a_canonical_url_is_published_under_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Ingested from a file alone, the API and the exports know the article by its http(s) URL."""
    from fastapi.testclient import TestClient

    from tests.support.drafts import make_app

    canonical = "https://news.example.com/society/article/1001"
    page = tmp_path / "saved.html"
    page.write_bytes(
        with_head(
            article_html("지자체와 협력해 겨울철 재난 대응 점검", COOPERATION),
            f'<link rel="canonical" href="{canonical}">',
        )
    )
    code, out, _ = run(capsys, "ingest", str(page))
    assert code == 0 and ": new (article " in out
    article_id = int(out.split("(article ")[1].split(")")[0])
    with TestClient(make_app(Settings.from_env())) as client:
        assert client.get(f"/articles/{article_id}").json()["url"] == canonical


@pytest.mark.parametrize(
    "url",
    [
        "not-a-url",
        "javascript:alert(document.domain)//x",
        "file:///etc/passwd",
        "ftp://files.example.com/a.html",
        "https://",
        "http:///news/1",
        "//news.example.com/a/1",
        "https://news.example.com/a/<script>",
        "https://news.example.com:port/a",
        "",
    ],
)
def test_ingest_url_must_be_an_absolute_http_url(
    capsys: pytest.CaptureFixture[str], isolated_env: Path, tmp_path: Path, url: str
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(article_html("지자체와 협력해 겨울철 재난 대응 점검", COOPERATION))
    code, out, err = run(capsys, "ingest", str(page), "--url", url)
    assert code == 2 and out == ""
    assert one_line(err).startswith("newsdesk ingest: --url")
    assert not isolated_env.exists(), "nothing stored: not even a database"
    code, out, err = run(capsys, "extract", str(page), "--url", url)
    assert code == 2 and out == "" and one_line(err).startswith("newsdesk extract: --url")


def test_ingest_reports_a_missing_file_and_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.html"
    good.write_bytes(article_html("지자체와 협력해 겨울철 재난 대응 점검", COOPERATION))
    missing = tmp_path / "nonexistent.html"
    code, out, err = run(capsys, "ingest", str(missing), str(good))
    assert code == 1
    line = one_line(err)
    assert line.startswith("newsdesk ingest:") and str(missing) in line
    assert f"{good}: new (article " in out and out.strip().splitlines()[-1] == "ingested: 1 new"
    code, out, _ = run(capsys, "search", "협력했다", "--json")
    assert len(json_lines(out)) == 1


def test_db_current_only_reads(capsys: pytest.CaptureFixture[str], isolated_env: Path) -> None:
    """On an empty data folder `db current` says there is no database, and creates none."""
    code, out, err = run(capsys, "db", "current")
    assert code == 1 and err == ""
    assert out.startswith("no database yet") and str(isolated_env / "newsdesk.db") in out
    assert not isolated_env.exists()


def test_ingest_names_an_unchanged_listing_as_a_listing(capsys: pytest.CaptureFixture[str]) -> None:
    listing = str(FIXTURES / "listing.html")
    assert run(capsys, "ingest", listing)[0] == 0
    code, out, _ = run(capsys, "ingest", listing)
    assert code == 0 and out.splitlines()[0] == f"{listing}: unchanged (listing)"


def test_summarize_jsonl_echoes_every_id_as_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": 1}), json.dumps({"id": 2.5, "text": 3}), json.dumps({"id": "c", "text": ""})]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "summarize", "--jsonl", str(batch))
    results = json_lines(out)
    assert code == 0 and [r["id"] for r in results] == [1, 2.5, "c"]
    assert all(r["error"] and r["sentences"] == [] for r in results)


def test_summarize_a_three_sentence_text_gives_at_least_two(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = "시는 새 공원을 열었다. 공원은 넓다. 시민들이 좋아한다."
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": text}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "summarize", "--jsonl", str(batch))
    (result,) = json_lines(out)
    assert code == 0 and len(result["sentences"]) >= 2
    for sentence in result["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_summarize_an_html_file_summarises_the_article_not_the_markup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(article_html("아동수당 대상 확대", ARTICLE.split("\n")))
    code, out, _ = run(capsys, "summarize", str(page))
    assert code == 0
    assert "<" not in out and "DOCTYPE" not in out
    keywords = out.split("키워드:", 1)[1]
    assert not {"li", "href", "div"} & {k.strip() for k in keywords.split(",")}


def test_summarize_html_without_an_article_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "empty.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>", encoding="utf-8"
    )
    code, out, err = run(capsys, "summarize", str(page))
    assert code != 0 and out == ""
    assert one_line(err).startswith("newsdesk summarize:")
