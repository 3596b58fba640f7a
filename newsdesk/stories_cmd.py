"""`newsdesk stories show ID [--json]`: a story's coverage across outlets, from the shell."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from ingest.coverage import story_view
from newsdesk.errors import CommandError
from newsdesk.settings import Settings
from store.db import Database
from store.models import Story


def cmd_stories(args: argparse.Namespace, settings: Settings) -> int:
    """Print one story's coverage as text or JSON; an unknown id is a one-line error."""
    db = Database(settings.database_url)
    try:
        with db.sessions() as session:
            story = session.get(Story, args.id)
            if story is None or not story.articles:
                raise CommandError(f"no story with id {args.id}")
            view = {"id": story.id, **story_view(session, story)}
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(view, ensure_ascii=False, default=_json_default))
    else:
        print("\n".join(render(view)))
    return 0


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def render(view: dict[str, Any]) -> list[str]:
    """The story as an editor reads it on a terminal."""
    release = view["canonical"]
    lines = [
        f"이야기 {view['id']}: {release['title']} ({release['outlet']}, {_when(release['published'])})",
        "",
    ]
    lines.append(
        f"{'원문' if release['is_release'] else '첫 기사'} — 문장마다 그 문장을 옮긴 매체 수 "
        "(+ 더한 문장, - 빠진 요약 문장, ! 숫자가 다른 곳)"
    )
    for s in release["sentences"]:
        mark = "요약" if s["summary"] else "    "
        lines.append(f"  {s['kept_by']:>2}  {mark}  {s['text']}")
    for c in view["coverage"]:
        kept = "-" if c["release_kept_share"] is None else f"{c['release_kept_share']:.0%}"
        lag = "" if c["lag_minutes"] is None else f", {_lag(c['lag_minutes'])}"
        credit = f"출처 밝힘: {c['names_source']}" if c["names_source"] else "출처 밝히지 않음"
        lines += ["", f"{c['outlet']} ({_when(c['published'])}{lag}) 옮긴 비율 {c['copied_share']:.0%}, "
                  f"요약 문장 {kept} 반영, {credit}"]  # fmt: skip
        lines += [f"  + {a['text']}" for a in c["added"]]
        lines += [f"  - {d['text']}" for d in c["dropped"]]
        lines += [
            f"  ! {f['release']} → {f['outlet']}: {f['outlet_sentence']['text']}" for f in c["figure_differs"]
        ]
    lines += ["", "타임라인"]
    for t in view["timeline"]:
        tags = [
            x
            for x, on in (
                ("원문", t["canonical"]),
                ("첫 보도", t["first_report"]),
                ("뒤늦게", t["late_joiner"]),
            )
            if on
        ]
        revisions = f", 고침 {len(t['revisions']) - 1}번" if len(t["revisions"]) > 1 else ""
        lines.append(
            f"  {_when(t['published'])}  {t['outlet']}  {t['title']}{revisions}  {' '.join(tags)}".rstrip()
        )
    return lines


def _lag(minutes: int) -> str:
    """+28분, +41시간 48분; negative when the outlet ran before the release's stated time."""
    sign, m = ("-" if minutes < 0 else "+"), abs(minutes)
    return f"{sign}{m}분" if m < 60 else f"{sign}{m // 60}시간 {m % 60}분"


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "날짜 없음"
