"""The `newsdesk` command: one line on stderr and a non-zero exit for expected failures."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from newsdesk import commands
from newsdesk.drafts_cmd import add_drafts_parser
from newsdesk.errors import NewsdeskError, UsageError
from newsdesk.settings import Settings
from newsdesk.stories_cmd import add_stories_parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdesk", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract title, dates, bylines and body from saved pages")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--url", help="where the page lived: an absolute http(s) URL (one FILE only)")
    p.add_argument("--json", action="store_true", help="one JSON object per line per file")

    p = sub.add_parser("summarize", help="summarise one plain-text article, or a JSONL batch")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-")
    p.add_argument("--sentences", type=_positive, default=None)
    p.add_argument("--max-chars", type=_positive, default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--jsonl", action="store_true", help='input lines {"id", "text"}')

    p = sub.add_parser("ingest", help="store, summarise and index saved pages (files or folders)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument(
        "--url",
        help="where the page lived: an absolute http(s) URL (one file only; default: the page's own "
        "canonical or og:url, else its file:// URL)",
    )
    p.add_argument("--source", help="source name (default: the site name)")
    p.add_argument("--category", help="the source's default category")

    p = sub.add_parser("search", help="search what was ingested")
    p.add_argument("query")
    p.add_argument("--limit", type=_positive, default=10)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("crawl", help="crawl one source end to end: fetch, extract, summarise, index")
    p.add_argument("name", help="the source's name in the sources file")
    p.add_argument("--sources", type=Path, help="sources file (default: NEWSDESK_SOURCES or the shipped one)")
    p.add_argument("--limit", type=_positive, help="handle at most N article links")

    p = sub.add_parser("sources", help="the sources file: list with health, or check one source's yield")
    p.add_argument("action", choices=["list", "check", "show"])
    p.add_argument("name", nargs="?", help="the source to check or show (show: what its pages taught)")
    p.add_argument("--sources", type=Path, help="sources file (default: NEWSDESK_SOURCES or the shipped one)")
    p.add_argument("--json", action="store_true")

    add_drafts_parser(sub)
    add_stories_parser(sub)

    p = sub.add_parser("serve", help="run the HTTP API (search, articles, drafts, health)")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=_positive, default=None)
    p.add_argument("--workers", type=_positive, default=1, help="processes (one per core serves the most)")

    p = sub.add_parser("worker", help="run a Celery worker (Kiwi loaded once, before the pool forks)")
    p.add_argument("--queues", default="crawl,process")
    p.add_argument("--concurrency", type=_positive, default=2)

    p = sub.add_parser("beat", help="run Celery beat: each source's crawl on its schedule, and reconcile")
    p.add_argument("--sources", type=Path, help="sources file (default: NEWSDESK_SOURCES or the shipped one)")

    p = sub.add_parser("up", help="API + worker + beat together on this machine; Ctrl-C stops all")
    p.add_argument("--concurrency", type=_positive, default=2)

    p = sub.add_parser(
        "db",
        help="database schema",
        description="upgrade: create the database or bring its schema up to date. current: print the "
        "schema revision, read only; with no database yet it says so and exits 1, creating nothing.",
    )
    p.add_argument("action", choices=["upgrade", "current"])

    p = sub.add_parser("demo", help="ingest the shipped sample pages, print a draft and a search")
    p.add_argument("--query", action="append", help="search to run (repeatable; default: 협력했다, 청년)")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        return int(commands.run(args, settings) or 0)
    except BrokenPipeError:  # `newsdesk … | head` closed the pipe: not an error worth a line
        sys.stderr.close()
        return 0
    except UsageError as error:  # bad usage the parser could not see: one line, exit 2
        print(f"newsdesk {args.command}: {_one_line(error)}", file=sys.stderr)
        return 2
    except (NewsdeskError, OSError) as error:  # every expected failure: one line, exit 1
        print(f"newsdesk {args.command}: {_one_line(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except json.JSONDecodeError as error:
        print(f"newsdesk {args.command}: invalid JSON input: {error}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as error:
        print(
            f"newsdesk {args.command}: input is not UTF-8 text ({error.reason} at byte {error.start})",
            file=sys.stderr,
        )
        return 1


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or error}: {error.filename}"
    return " ".join(str(error).split()) or type(error).__name__


if __name__ == "__main__":
    sys.exit(main())
