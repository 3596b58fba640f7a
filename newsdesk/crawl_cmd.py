"""`newsdesk crawl` and `newsdesk sources`: the crawler seen from the shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from crawler.runner import check_source, crawl_source, list_sources
from newsdesk.errors import CommandError
from newsdesk.output import emit
from newsdesk.progress import Progress, Status
from newsdesk.settings import Settings
from store.db import Database
from store.templates import describe_template


def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    with Progress(f"crawl {args.name}") as progress:  # the first page can take a while: the clock runs
        summary = crawl_source(settings, args.name, args.sources, args.limit, _counted(progress))
    for error in summary.errors[:20]:
        print(f"  failed {error.get('url')}: {error.get('reason')}", file=sys.stderr)
    print(summary.line())
    print(f"  {summary.details()}")
    if summary.health is not None:
        print(f"  {summary.health.line()}")
    # a crawl that got nothing, or left its source failing, is a failed command (cron, CI see it)
    failing = summary.health is not None and summary.health.failing
    return 1 if summary.fetched_nothing or failing else 0


def _counted(progress: Progress) -> Callable[[str], None]:
    """The crawl's per-page lines ("new https://…") counted by their first word."""
    return lambda line: progress.add(line.split(" ", 1)[0])


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "show":
        return _show(args, settings)
    if args.action == "check":
        if not args.name:
            raise CommandError("sources check needs a source NAME")
        with Status(f"checking {args.name}: fetching its start pages…", enabled=not args.json):
            found = check_source(settings, args.name, args.sources)
        verdict = "" if found else "  ← 0 links: has the site changed its layout?"
        print(f"{args.name}: {found} article links on the start page now{verdict}")
        return 0 if found else 1
    for health in list_sources(settings, args.sources):
        if args.json:
            emit(_health_dict(health))
        else:
            flag = f"  {health.health.status}: {health.reason}" if health.flagged else ""
            last = health.last_run.strftime("%Y-%m-%d %H:%M") if health.last_run else "never"
            counts = health.last_counts.line().split(": ", 1)[1] if health.last_counts else "-"
            print(f"{health.name:<24} {health.kind:<8} {health.schedule:<16} last {last}: {counts}{flag}")
    return 0


def _show(args: argparse.Namespace, settings: Settings) -> int:
    """What the source's stored pages taught the extractor: its template memory."""
    if not args.name:
        raise CommandError("sources show needs a source NAME")
    db = Database(settings.database_url)
    try:
        with db.sessions() as session:
            learned = describe_template(session, args.name)
    finally:
        db.dispose()
    if learned is None:
        raise CommandError(f"no stored pages for a source called {args.name!r}")
    if args.json:
        emit(learned)
        return 0
    print(f"{args.name}: template learned from {learned['pages']} pages ({learned['pages_seen']} seen)")
    for kind in ("titles", "lines"):
        for text in learned[kind]:
            print(f"  {kind[:-1]:<5} {text}")
    return 0


def _health_dict(health: Any) -> dict[str, Any]:
    counts = health.last_counts
    return {
        "name": health.name, "kind": health.kind, "schedule": health.schedule, "category": health.category,
        "confirmed": health.confirmed, "last_run": health.last_run.isoformat() if health.last_run else None,
        "last": None if counts is None else {k: getattr(counts, k) for k in
                                             ("seen", "new", "changed", "unchanged", "failed")},
        "flagged": health.flagged, "reason": health.reason, "health": health.health.as_dict(),
    }  # fmt: skip
