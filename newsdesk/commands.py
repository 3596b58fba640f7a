"""What each `newsdesk` subcommand does; the parser lives in cli.py.

A command imports what it needs when it runs (the store, the search engines, Kiwi, Scrapy,
Celery, the API), not when this module loads: `newsdesk --help` and `newsdesk extract` start
without the rest of the house. `tests/test_cli_imports.py` holds them to that.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newsdesk.errors import CommandError, UsageError
from newsdesk.output import emit, format_hit
from newsdesk.progress import Progress, loading_model
from newsdesk.settings import Settings
from nlp import NlpError
from nlp.urls import is_http_url

if TYPE_CHECKING:
    from ingest.pipeline import Outcome
    from nlp.digest import DigestOptions
    from nlp.page import ExtractedPage


def run(args: argparse.Namespace, settings: Settings) -> int:
    handlers: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
        "extract": cmd_extract,
        "summarize": cmd_summarize,
        "ingest": cmd_ingest,
        "search": cmd_search,
        "db": cmd_db,
        "serve": cmd_serve,
        "crawl": _crawl,
        "drafts": _drafts,
        "alerts": _alerts,
        "stories": _stories,
        "sources": _sources,
        "worker": cmd_worker,
        "beat": cmd_beat,
        "up": cmd_up,
        "demo": _demo,
    }
    return handlers[args.command](args, settings)


# the commands of their own modules, each imported when it runs -------------------------------


def _crawl(args: argparse.Namespace, settings: Settings) -> int:
    from newsdesk.crawl_cmd import cmd_crawl

    return cmd_crawl(args, settings)


def _sources(args: argparse.Namespace, settings: Settings) -> int:
    from newsdesk.crawl_cmd import cmd_sources

    return cmd_sources(args, settings)


def _drafts(args: argparse.Namespace, settings: Settings) -> int:
    from newsdesk.drafts_cmd import cmd_drafts

    return cmd_drafts(args, settings)


def _alerts(args: argparse.Namespace, settings: Settings) -> int:
    from newsdesk.alerts_cmd import cmd_alerts

    return cmd_alerts(args, settings)


def _stories(args: argparse.Namespace, settings: Settings) -> int:
    from newsdesk.stories_cmd import cmd_stories

    return cmd_stories(args, settings)


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from newsdesk.demo import run_demo

    return run_demo(settings, args.query or ["협력했다", "청년"])


# extract ---------------------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    _check_url(args.url)
    if args.url and len(args.files) > 1:
        raise CommandError("--url names one page: give exactly one FILE with it")
    for record in _extract_records(args.files, args.url):
        if args.json:
            emit(record)
        else:
            _print_extract(record)
    return 0


def _extract_records(paths: list[Path], url: str | None) -> list[dict[str, Any]]:
    """One record per file; pages of one site given together share what their template repeats."""
    from nlp.extract import extract_source_pages

    raws: dict[int, bytes] = {}
    records: list[dict[str, Any]] = []
    for index, path in enumerate(paths):
        records.append({"source": str(path), "url": url, "error": None})
        try:
            raws[index] = path.read_bytes()
        except OSError as error:
            _failed(records[-1], f"{error.strerror}: {path}")
    pages = extract_source_pages([(raw, url) for raw in raws.values()])
    for index, page in zip(raws, pages, strict=True):
        if isinstance(page, NlpError):
            _failed(records[index], str(page))
            continue
        records[index].update(_page_dict(page))
        records[index]["url"] = url or page.canonical_url
    return records


def _failed(record: dict[str, Any], reason: str) -> None:
    record.update(
        kind=None, title=None, published=None, published_date_only=False, modified=None, authors=[],
        body="", lead=None, images=[], links=[], error=reason,
    )  # fmt: skip


def _page_dict(page: ExtractedPage) -> dict[str, Any]:
    return {
        "kind": page.kind,
        "title": page.title,
        "published": page.published.isoformat() if page.published else None,
        "published_date_only": page.published_date_only,
        "modified": page.modified.isoformat() if page.modified else None,
        "authors": list(page.authors),
        "body": page.body,
        "lead": page.lead,
        "images": list(page.images),
        "links": list(page.links),
    }


def _print_extract(record: dict[str, Any]) -> None:
    if record["error"]:
        print(f"{record['source']}: error: {record['error']}")
        return
    print(f"{record['source']}: {record['kind']} — {record['title']}")
    published = record["published"]
    if published and record["published_date_only"]:
        published = published[:10]  # the page gave the day only: its midnight is no time
    print(f"  published {published}  modified {record['modified']}  by {', '.join(record['authors'])}")
    if record["kind"] == "listing":
        print(f"  {len(record['links'])} article links")
    else:
        print(f"  {len(record['body'])} characters of body")


# summarize -------------------------------------------------------------------------------------


def cmd_summarize(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.options import digest_options

    opts = digest_options(settings, args.sentences, args.max_chars)
    with _open_text(args.file) as stream:
        if args.jsonl:
            for number, line in enumerate(stream, 1):
                if line.strip():
                    emit(_summarize_line(line, number, opts))
            return 0
        text = stream.read()
    if _looks_like_html(text):
        text = _article_text(text)
    result = summarize_text(text, opts)
    if args.json:
        emit(result)
    else:
        for sentence in result["sentences"]:
            print(sentence["text"])
        print(f"\n요약문: {result['excerpt']}\n키워드: {', '.join(result['keywords'])}")
    return 0


_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)


def summarize_text(text: str, opts: DigestOptions) -> dict[str, Any]:
    """Summary sentences with offsets, an excerpt and keywords, from one analysis of `text`."""
    from nlp.analyse import analyse
    from nlp.excerpt import excerpt
    from nlp.keywords import keywords
    from nlp.summarize import summarise

    analysis = analyse(text)
    return {
        "sentences": [s.as_dict() for s in summarise(analysis, opts.sentences, opts.max_chars)],
        "excerpt": excerpt(analysis, opts.excerpt_chars),
        "keywords": keywords(analysis, opts.keywords),
    }


def _looks_like_html(text: str) -> bool:
    """A document that opens as markup: a doctype, <html>, <head> or <body>."""
    return bool(_HTML_START.match(text))


def _article_text(markup: str) -> str:
    """The article body of an HTML page (as nlp.extract finds it), or a one-line refusal."""
    from nlp.extract import extract_page

    page = extract_page(markup.encode("utf-8"), declared_charset="utf-8")
    body = page.body.strip()
    if page.kind != "article" or not body:
        raise CommandError(f"an HTML page with no article text to summarise (extracted as {page.kind})")
    return body


def _summarize_line(line: str, number: int, opts: DigestOptions) -> dict[str, Any]:
    item = json.loads(line)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return {
            "id": item.get("id") if isinstance(item, dict) else None,
            "sentences": [],
            "excerpt": "",
            "keywords": [],
            "error": f"line {number}: expected an object with a text string",
        }
    try:
        return {"id": item.get("id"), **summarize_text(item["text"], opts), "error": None}
    except NlpError as error:
        return {"id": item.get("id"), "sentences": [], "excerpt": "", "keywords": [], "error": str(error)}


class _open_text:
    """stdin for '-', else a UTF-8 file; a context manager either way."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stream: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.name == "-":
            return sys.stdin
        self.stream = open(self.name, encoding="utf-8")
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None:
            self.stream.close()


# ingest / search / db --------------------------------------------------------------------------


def _check_url(url: str | None) -> None:
    """A --url names where a page lived on the web: an absolute http(s) URL, or UsageError."""
    if url is not None and not is_http_url(url):
        raise UsageError(f"--url must be an absolute http(s) URL, not {url!r}")


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.options import digest_options
    from ingest.pipeline import Origin, ingest
    from nlp.analyse import warm
    from store.db import Database

    _check_url(args.url)
    files, missing = _page_files(args.paths)
    for path in missing:  # reported, and the others still go in (exit 1 at the end)
        print(f"newsdesk ingest: No such file or directory: {path}", file=sys.stderr)
    if not files:
        if missing:
            return 1
        raise CommandError("no .html or .htm pages found in " + ", ".join(map(str, args.paths)))
    if args.url and len(files) > 1:
        raise CommandError("--url names one page: give exactly one file with it")
    db = Database(settings.database_url)
    counts: dict[str, int] = {}
    unreadable = 0
    with loading_model():  # the first page would load it, with the bar frozen (Kiwi holds the GIL)
        warm()
    with Progress("ingest", len(files)) as progress:
        for path in files:
            try:
                raw = path.read_bytes()
            except OSError as error:
                progress.echo(f"newsdesk ingest: {error.strerror}: {path}", sys.stderr)
                progress.add("unreadable")
                unreadable += 1
                continue
            origin = Origin(
                url=args.url or path.resolve().as_uri(), source=args.source, category=args.category
            )
            outcome = ingest(db, raw, origin, digest_options(settings))
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            progress.echo(_outcome_line(path, outcome))
            progress.add(outcome.status)
    if counts:
        print("ingested: " + ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    if missing or unreadable:
        return 1
    return 1 if counts.get("failed") == len(files) else 0


def _page_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The pages named (folders give their .html and .htm files), and the paths that do not exist."""
    files: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".html", ".htm"))
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    return files, missing


def _outcome_line(path: Path, outcome: Outcome) -> str:
    if outcome.status == "failed":
        return f"{path}: failed: {outcome.error}"
    if outcome.status == "listing":
        return f"{path}: listing with {len(outcome.links)} article links"
    if outcome.article_id is None:  # a listing stored before: it has links, not an article
        return f"{path}: {outcome.status} (listing)"
    return f"{path}: {outcome.status} (article {outcome.article_id})"


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from search.articles import search
    from store.db import Database

    query = " ".join(args.query)  # `search 청년 -심야` is one query, as `search "청년 -심야"` is
    db = Database(settings.database_url)
    with db.transaction() as session:
        results = search(session, query, limit=args.limit)
        if args.json:
            from api.hits import hit_out  # pydantic: only when JSON is asked for

            for hit in results.hits:  # JSON Lines, each as an item of GET /search's results
                emit(hit_out(hit).model_dump(mode="json"))
            return 0
        print(f"{results.total} articles match {query!r}")
        for hit in results.hits:
            print(format_hit(hit))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from api.serve import serve
    from nlp.analyse import warm

    def load_model() -> None:  # one process: Kiwi loads here, before uvicorn's start lines
        with loading_model():
            warm()

    host, port = args.host or settings.api_host, args.port or settings.api_port
    return serve(settings, host, port, args.workers, load_model if args.workers == 1 else None)


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from newsdesk.services import run_worker

    return run_worker(settings, args.queues, args.concurrency)


def cmd_beat(args: argparse.Namespace, settings: Settings) -> int:
    from crawler.sources import load_sources, sources_path
    from newsdesk.services import run_beat

    found = load_sources(sources_path(args.sources, settings.sources))
    return run_beat(settings, [(s.name, s.schedule) for s in found.sources])


def cmd_up(args: argparse.Namespace, settings: Settings) -> int:
    from newsdesk.services import run_up

    return run_up(settings, args.host or settings.api_host, args.port or settings.api_port, args.concurrency)


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    from store.db import Database, current_revision, database_exists, upgrade

    if args.action == "current" and not database_exists(settings.database_url):
        print(f"no database yet: {settings.database_url} (`newsdesk db upgrade` creates it)")
        return 1  # read only: `current` never creates the database it reports on
    db = Database(settings.database_url, migrate=False)
    if args.action == "upgrade":
        upgrade(db.engine)
    print(f"schema revision: {current_revision(db.engine)}")
    return 0
