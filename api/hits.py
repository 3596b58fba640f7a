"""A search hit in the one shape both GET /search and `newsdesk search --json` give it."""

from __future__ import annotations

from api.schemas import HitOut
from search.articles import Hit


def hit_out(hit: Hit) -> HitOut:
    """The item of /search's `results` (the CLI prints the same, one per line)."""
    return HitOut(
        id=hit.article_id,
        title=hit.title,
        url=hit.url,
        source=hit.source,
        category=hit.category,
        published=hit.published,
        published_date_only=hit.published_date_only,
        excerpt=hit.excerpt,
        highlights=hit.highlights,
        story_id=hit.story_id,
        score=hit.score,
    )
