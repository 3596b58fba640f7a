"""The `newsdesk` command: one line on stderr and a non-zero exit for expected failures."""

# (The docstring above is `newsdesk --help`'s description.) The whole parser, each command group's
# too, is built here from modules that load nothing heavy (choices from `store.states` and
# `ingest.formats`), so `--help` and bad usage answer at once; `commands` imports what a command
# needs only when it runs.

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ingest.formats import FORMATS
from newsdesk import commands
from newsdesk.errors import NewsdeskError, UsageError
from newsdesk.output import JSON_LINES
from newsdesk.settings import Settings
from store.states import DRAFT_STATES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdesk", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=CommandParser)

    p = sub.add_parser("extract", help="extract title, dates, bylines and body from saved pages")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--url", help="where the page lived: an absolute http(s) URL (one FILE only)")
    p.add_argument("--json", action="store_true", help=f"{JSON_LINES}, one per file")

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
    p.add_argument(
        "query", nargs="+", metavar="QUERY", help='words, "phrases" and -exclusions (-word needs no --)'
    )
    p.add_argument("--limit", type=_positive, default=10)
    p.add_argument("--json", action="store_true", help=f"{JSON_LINES}, each an item of GET /search's results")

    p = sub.add_parser("crawl", help="crawl one source end to end: fetch, extract, summarise, index")
    p.add_argument("name", help="the source's name in the sources file")
    p.add_argument("--sources", type=Path, help="sources file (default: NEWSDESK_SOURCES or the shipped one)")
    p.add_argument("--limit", type=_positive, help="handle at most N article links")

    p = sub.add_parser("sources", help="the sources file: list with health, or check one source's yield")
    p.add_argument("action", choices=["list", "check", "show"])
    p.add_argument("name", nargs="?", help="the source to check or show (show: what its pages taught)")
    p.add_argument("--sources", type=Path, help="sources file (default: NEWSDESK_SOURCES or the shipped one)")
    p.add_argument("--json", action="store_true", help=f"list, show: {JSON_LINES}")

    add_drafts_parser(sub)
    add_alerts_parser(sub)
    add_stories_parser(sub)

    p = sub.add_parser("serve", help="run the HTTP API (search, articles, drafts, health)")
    p.add_argument("--host", default=None, help="default: NEWSDESK_API_HOST or 127.0.0.1")
    p.add_argument("--port", type=_port, default=None, help="1-65535 (default: NEWSDESK_API_PORT or 8000)")
    p.add_argument("--workers", type=_positive, default=1, help="processes (one per core serves the most)")

    p = sub.add_parser("worker", help="run a Celery worker (Kiwi loaded once, before the pool forks)")
    p.add_argument("--queues", default="crawl,process")
    p.add_argument("--concurrency", type=_positive, default=2)

    p = sub.add_parser("beat", help="run Celery beat: each source's crawl on its schedule, and reconcile")
    p.add_argument("--sources", type=Path, help="sources file (default: NEWSDESK_SOURCES or the shipped one)")

    p = sub.add_parser("up", help="API + worker + beat together on this machine; Ctrl-C stops all")
    p.add_argument("--host", default=None, help="the API's (default: NEWSDESK_API_HOST or 127.0.0.1)")
    p.add_argument(
        "--port", type=_port, default=None, help="the API's, 1-65535 (default: NEWSDESK_API_PORT or 8000)"
    )
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


def add_drafts_parser(sub: Any) -> argparse.ArgumentParser:
    """Add `drafts` with its `list` and `export` actions to the CLI's subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "drafts", help="list and export the editors' summary drafts"
    )
    actions = parser.add_subparsers(dest="drafts_command", required=True, metavar="ACTION")
    p = actions.add_parser(
        "list",
        help="list drafts, newest change first",
        description="Drafts, newest change first (an edit, a status, a regenerated summary, a new "
        "outlet of its story); the time shown is that change, in KST.",
    )
    p.add_argument("--status", choices=DRAFT_STATES)
    p.add_argument("--json", action="store_true", help=f"{JSON_LINES}, each a row of GET /drafts' results")
    p = actions.add_parser("export", help="export one draft to stdout, or many (--status) into --out DIR")
    p.add_argument("id", nargs="?", type=int, metavar="ID")
    p.add_argument("--format", choices=FORMATS, default="jekyll")
    p.add_argument("--status", choices=DRAFT_STATES, help="without ID: which drafts (default approved)")
    p.add_argument("--out", type=Path, metavar="DIR", help="write YYYY-MM-DD-slug.md files here")
    return parser


def add_alerts_parser(sub: Any) -> argparse.ArgumentParser:
    """Add `alerts` with its add, list, rm and test actions to the CLI's subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "alerts", help="saved searches whose new matches are posted to a webhook, signed"
    )
    actions = parser.add_subparsers(dest="alerts_command", required=True, metavar="ACTION")
    p = actions.add_parser("add", help="save a search; prints its id and signing secret (shown once)")
    p.add_argument("name")
    # required even when empty: an optional positional would swallow what follows `--`
    p.add_argument(
        "query",
        help='as /search takes it: words, "phrases", -exclusions; "" with --source-health: health only',
    )
    p.add_argument(
        "--source-health",
        action="store_true",
        help="also post when a source (the --source one, else any) goes failing or recovers",
    )
    p.add_argument("--webhook", required=True, help="http(s) URL on a public address")
    p.add_argument("--source", help="only articles of this source")
    p.add_argument("--category", help="only articles of this category")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("list", help="every alert with its state and delivery counts")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p = actions.add_parser("rm", help="remove an alert and its delivery log")
    p.add_argument("id", type=int, metavar="ID")
    p = actions.add_parser("test", help="post a sample signed delivery to the alert's webhook now")
    p.add_argument("id", type=int, metavar="ID")
    return parser


def add_stories_parser(sub: Any) -> argparse.ArgumentParser:
    """Add `stories show` to the CLI's subparsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "stories", help="a story across outlets: what each copied, added, left out, and when"
    )
    actions = parser.add_subparsers(dest="stories_command", required=True, metavar="ACTION")
    p = actions.add_parser(
        "show", help="the release sentence by sentence, each outlet's coverage, the timeline"
    )
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true", help="the same object GET /stories/ID returns")
    return parser


class CommandParser(argparse.ArgumentParser):
    """A subcommand's parser: an argument it does not know is refused with its own usage
    (argparse would hand it up to the top-level parser, which prints `newsdesk`'s usage)."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def _search_query_as_text(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """argv with `search`'s query words moved behind `--`: a dash-word after `search` that is
    not one of its options (-심야) is an exclusion in the query, not an unknown option."""
    at = next((i for i, token in enumerate(argv) if not token.startswith("-")), None)
    if at is None or argv[at] != "search":
        return argv
    search = next(a.choices["search"] for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    options: list[str] = []
    words: list[str] = []
    i = at + 1
    while i < len(argv):
        token = argv[i]
        if token == "--":
            words += argv[i + 1 :]
            break
        action = _option(search, token) if token.startswith("-") else None
        if action is None:
            words.append(token)
        else:
            with_value = action.nargs != 0 and "=" not in token
            options += argv[i : i + 1 + with_value]
            i += with_value
        i += 1
    return [*argv[: at + 1], *options, *(["--", *words] if words else [])]


def _option(parser: argparse.ArgumentParser, token: str) -> argparse.Action | None:
    """The option `token` names, as argparse would match it (exactly, or a unique prefix)."""
    name = token.split("=", 1)[0]
    known = parser._option_string_actions  # argparse has no public way to ask what an option is
    if name in known:
        return known[name]
    matches = {known[o] for o in known if o.startswith("--") and len(name) > 2 and o.startswith(name)}
    return matches.pop() if len(matches) == 1 else None


def _port(value: str) -> int:
    number = _positive(value)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, not {number}")
    return number


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_search_query_as_text(parser, list(sys.argv[1:] if argv is None else argv)))
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
