"""``python -m crawler NAME [--sources FILE] [--limit N] [--run-id N] [--queue]``: one crawl, one line out.

The Celery ``newsdesk.crawl`` task runs this in its own process; it prints the summary line on
stdout, or one error line on stderr and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler import CrawlerError
from crawler.run import crawl_source
from newsdesk.settings import Settings, SettingsError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler", description="Crawl one source.")
    parser.add_argument("name", help="the source's name in the sources file")
    parser.add_argument(
        "--sources", type=Path, help="sources file (default: NEWSDESK_SOURCES or the shipped one)"
    )
    parser.add_argument("--limit", type=int, help="handle at most N article links")
    parser.add_argument("--run-id", type=int, help="an open CrawlRun to fill in (the scheduler's)")
    parser.add_argument("--queue", action="store_true", help="store pages and enqueue their processing")
    args = parser.parse_args(argv)
    try:
        summary = crawl_source(
            Settings.from_env(), args.name, args.sources, args.limit, run_id=args.run_id, queue=args.queue
        )
    except (CrawlerError, SettingsError) as error:
        print(f"crawl: {error}", file=sys.stderr)
        return 1
    print(summary.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
