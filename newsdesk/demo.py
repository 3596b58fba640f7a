"""`newsdesk demo`: the main job, offline, on the sample pages the package ships."""

from __future__ import annotations

import json
from importlib import resources

from sqlalchemy import select

from ingest.export import render_jekyll
from ingest.options import digest_options
from ingest.pipeline import Origin, Outcome, ingest
from newsdesk.output import format_hit
from newsdesk.settings import Settings
from search.articles import search
from store.db import Database
from store.models import Article


def run_demo(settings: Settings, queries: list[str]) -> int:
    """Ingest the samples, print the first article's draft and a search for each query."""
    db = Database(settings.database_url)
    print(f"database: {settings.database_url}")
    outcomes = [_ingest_sample(db, settings, item) for item in _manifest()]
    for outcome in outcomes:
        print(f"  {outcome.status:<9} {outcome.url}" + (f"  ({outcome.error})" if outcome.error else ""))
    first = next((o.article_id for o in outcomes if o.article_id is not None), None)
    with db.transaction() as session:
        article = session.get(Article, first) if first else session.scalars(select(Article)).first()
        if article is not None and article.draft is not None:
            print("\n── summary draft (Jekyll export) ──")
            print(render_jekyll(article.draft))
        for query in queries:
            results = search(session, query, limit=3)
            print(f"── search: {query} → {results.total} articles ──")
            for hit in results.hits:
                print(format_hit(hit))
    return 0


def _manifest() -> list[dict[str, str]]:
    text = resources.files("newsdesk").joinpath("samples/manifest.json").read_text(encoding="utf-8")
    items: list[dict[str, str]] = json.loads(text)
    return items


def _ingest_sample(db: Database, settings: Settings, item: dict[str, str]) -> Outcome:
    raw = resources.files("newsdesk").joinpath("samples", item["file"]).read_bytes()
    origin = Origin(url=item["url"], source=item.get("source"), category=item.get("category"))
    return ingest(db, raw, origin, digest_options(settings))
