"""Drafts for editors: generated from an article, never overwriting an editor's edits."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from worker.models import Article, Draft

FEATURE_CHARS = 300


def upsert_draft(session: Session, article: Article) -> Draft:
    """Create or regenerate the article's draft; fields in `draft.edits` stay as the editor left them."""
    generated = generated_fields(article)
    draft = article.draft
    if draft is None:
        draft = Draft(article=article, status="draft", edits={}, **generated)
        session.add(draft)
    else:
        for key, value in generated.items():
            setattr(draft, key, value)
    return draft


def generated_fields(article: Article) -> dict[str, Any]:
    return {
        "headline": article.title,
        "category": article.category,
        "excerpt": article.excerpt,
        "feature_text": _feature_text(article),
        "key_sentences": article.summary,
        "keywords": article.keywords,
        "image": article.image,
    }


def effective(draft: Draft) -> dict[str, Any]:
    """The draft as an editor sees it: generated fields overlaid with their edits."""
    fields = {key: getattr(draft, key) for key in generated_fields(draft.article)}
    fields.update(draft.edits or {})
    return fields


def _feature_text(article: Article) -> str:
    """The lead when the page has one, else the key sentences, within FEATURE_CHARS."""
    if article.lead and article.lead.strip():
        text = " ".join(article.lead.split())
    else:
        text = " ".join(s["text"] for s in article.summary)
    return text if len(text) <= FEATURE_CHARS else text[: FEATURE_CHARS - 1].rsplit(" ", 1)[0] + "…"
