"""`newsdesk drafts list|export`: the editors' drafts from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.drafts import NEWEST_CHANGE_FIRST
from ingest.export import filename, render_jekyll, render_json, render_markdown
from newsdesk.errors import CommandError
from newsdesk.output import emit
from newsdesk.settings import Settings
from nlp.dates import KST
from store.db import Database
from store.models import Draft


def cmd_drafts(args: argparse.Namespace, settings: Settings) -> int:
    """Dispatch `drafts list` and `drafts export`."""
    if args.drafts_command == "list":
        return cmd_drafts_list(args, settings)
    return cmd_drafts_export(args, settings)


def cmd_drafts_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print the drafts (optionally of one status), newest change first, as text or JSON Lines."""
    from api.routes_drafts import draft_brief  # the API's row, so both name the same fields

    with Database(settings.database_url).sessions() as session:
        for draft in _drafts(session, args.status):
            row = draft_brief(draft)
            if args.json:
                emit(row.model_dump(mode="json"))
            else:
                changed = row.updated_at.astimezone(KST).strftime("%Y-%m-%d %H:%M")
                print(f"{row.id:>5}  {row.status:<9} {changed}  {row.title}  [{row.source or ''}]")
    return 0


def cmd_drafts_export(args: argparse.Namespace, settings: Settings) -> int:
    """One draft to stdout (or --out DIR), or every draft of a status into --out DIR."""
    if args.id is None and args.out is None:
        _fail("give a draft ID, or --out DIR (with --status, default approved)")
    with Database(settings.database_url).sessions() as session:
        if args.id is not None:
            draft = session.get(Draft, args.id)
            if draft is None:
                _fail(f"no draft with id {args.id}")
            drafts = [draft]
        else:
            drafts = _drafts(session, args.status or "approved")
        if args.out is None:
            sys.stdout.write(render(drafts[0], args.format))
            return 0
        for path in write_exports(drafts, args.format, args.out):
            print(path)
    return 0


def render(draft: Draft, fmt: str) -> str:
    """The draft in one export format, as text."""
    if fmt == "json":
        return json.dumps(render_json(draft), ensure_ascii=False, indent=2) + "\n"
    return render_jekyll(draft) if fmt == "jekyll" else render_markdown(draft)


def write_exports(drafts: Iterable[Draft], fmt: str, out: Path) -> list[Path]:
    """One file per draft, `YYYY-MM-DD-slug.md` (`.json` for JSON); a clash gets the draft id."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for draft in drafts:
        name = filename(draft)
        if fmt == "json":
            name = name.removesuffix(".md") + ".json"
        path = out / name
        if path in written:
            path = path.with_stem(f"{path.stem}-{draft.id}")
        path.write_text(render(draft, fmt), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def _drafts(session: Session, status: str | None) -> list[Draft]:
    query = select(Draft).order_by(*NEWEST_CHANGE_FIRST)
    if status:
        query = query.where(Draft.status == status)
    return list(session.scalars(query))


def _fail(message: str) -> NoReturn:
    """One line on stderr and exit 1, through the CLI's CommandError."""
    raise CommandError(message)
