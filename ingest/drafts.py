"""Drafts for editors: generated from an article, never overwriting an editor's edits.

Errors::

    StoreError
     └── DraftError
          ├── TransitionError   a status change the workflow does not allow (with the reason)
          └── EditError         an edit that does not fit the draft (unknown field, bad sentence)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ingest.coverage import best_added_in
from newsdesk.defaults import KEY_FACT_SENTENCES
from nlp.analyse import analyse
from nlp.digest import title_terms_of
from nlp.sections import heading_spans, split_sections
from nlp.summarize import summarise_sections
from store import StoreError
from store.models import Article, Coverage, Draft, Source, Story, now
from store.rows import driver_rows, insert_rows, update_rows
from store.savepoints import on_rollback

FEATURE_CHARS = 300
# the review queue's order, the API's and the CLI's alike: the draft changed last (an edit, a
# status, a regenerated summary, its story's outlets) first; the id settles equal times
NEWEST_CHANGE_FIRST = (Draft.updated_at.desc(), Draft.id.desc())
EDITABLE = ("headline", "category", "excerpt", "feature_text", "key_sentences", "keywords", "image")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("approved", "rejected"),
    "approved": ("published", "rejected"),
    "rejected": ("draft",),
    "published": (),
}


class DraftError(StoreError):
    """Base for expected failures when editing a draft."""


class TransitionError(DraftError):
    """The workflow does not allow this status change."""


class EditError(DraftError):
    """An edit that does not fit the draft."""


@dataclass(frozen=True, slots=True)
class Rights:
    """What a source lets drafts quote: the summary mode, caps, and the credit line."""

    mode: str = "full"
    max_sentences: int | None = None
    max_chars: int | None = None
    attribution: str | None = None

    @property
    def restricted(self) -> bool:
        """True when quoting is limited beyond the editor's own choice of length."""
        return self.mode != "full" or self.max_sentences is not None or self.max_chars is not None


def rights_of(article: Article) -> Rights:
    """The rights of the article's source (full rights when it has none)."""
    return source_rights(article.source)


def source_rights(source: Source | None) -> Rights:
    """The source's rights (full rights for no source)."""
    if source is None:
        return Rights()
    mode = source.summary_mode or "full"  # unset on an unsaved source: the column's default
    mode = mode if mode in ("full", "excerpt", "none") else "none"  # unknown: the strictest
    return Rights(mode, source.max_sentences, source.max_chars, source.attribution)


def upsert_draft(session: Session, article: Article) -> None:
    """Create or regenerate the article's draft; fields in `draft.edits` stay as the editor left them."""
    draft = article.draft
    left = None
    if draft is None:
        # one INSERT and no object (store.rows): a story sync loads it only when it needs it
        fields = {"article_id": article.id, "status": "draft", "edits": {}, "outlets": []}
        insert_rows(session, Draft, [{**fields, **generated_fields(article)}])
        session.expire(article, ["draft"])
    else:
        custom = draft.summary_sentences is not None or draft.summary_max_chars is not None
        chosen = resummarise(article, draft.summary_sentences, draft.summary_max_chars) if custom else None
        _assign(draft, generated_fields(article, chosen))
        left = draft.story_id if draft.story_id != article.story_id else None
    _sync_stories(session, left, article)


def regenerate(draft: Draft, sentences: int | None, max_chars: int | None) -> Draft:
    """Re-run the summariser on the stored body at another length; the editor's edits stay."""
    draft.summary_sentences, draft.summary_max_chars = sentences, max_chars
    _assign(draft, generated_fields(draft.article, resummarise(draft.article, sentences, max_chars)))
    return draft


def resummarise(article: Article, sentences: int | None, max_chars: int | None) -> list[dict[str, Any]]:
    """Key sentences of the stored body at this length (one analysis), within the source's caps."""
    rights = rights_of(article)
    if rights.mode != "full" or not article.body.strip():
        return []
    count = _least(sentences or len(article.summary) or 3, rights.max_sentences) or 3
    limit = _least(max_chars, rights.max_chars)
    title = [t.term for t in title_terms_of(article.title)]
    parts = split_sections(article.body, heading_spans_of(article))
    # key facts join an editor's own count but never outnumber it: one sentence asked for is one
    facts = KEY_FACT_SENTENCES if sentences is None else min(KEY_FACT_SENTENCES, sentences - 1)
    return [s.as_dict() for s in summarise_sections(analyse(article.body), parts, count, limit, title, facts)]


def heading_spans_of(article: Article) -> list[tuple[int, int]]:
    """The article's sub-heading spans: as extraction stored them, else (stored before they were)
    the marked sub-headings (□, 1., < … >) found in the body text."""
    if article.sections is not None:
        return [(int(a), int(b)) for a, b in article.sections]
    return heading_spans(article.body)


def generated_fields(article: Article, key_sentences: Sequence[Any] | None = None) -> dict[str, Any]:
    """The draft fields made from the article, within its source's rights."""
    rights = rights_of(article)
    chosen = cap_sentences(article.summary if key_sentences is None else key_sentences, rights)
    excerpt = "" if rights.mode == "none" else article.excerpt
    return {
        "headline": article.title,
        "category": article.category,
        "excerpt": excerpt,
        "feature_text": _feature_text(article.lead, chosen, excerpt, rights),
        "key_sentences": chosen,
        "keywords": article.keywords,
        "image": article.image,
    }


def cap_sentences(sentences: Sequence[Any], rights: Rights) -> list[dict[str, Any]]:
    """The highest-scored sentences that fit the source's caps, back in source order."""
    if rights.mode != "full":
        return []
    kept: list[dict[str, Any]] = []
    used = 0
    for sentence in sorted(sentences, key=lambda s: -float(s.get("score", 0.0))):
        if rights.max_sentences is not None and len(kept) >= rights.max_sentences:
            break
        if rights.max_chars is not None and used + len(sentence["text"]) > rights.max_chars:
            continue
        kept.append(dict(sentence))
        used += len(sentence["text"])
    return sorted(kept, key=lambda s: int(s.get("index", 0)))


def effective(draft: Draft) -> dict[str, Any]:
    """The draft as an editor sees it: generated fields overlaid with their edits (within rights)."""
    fields = {key: getattr(draft, key) for key in EDITABLE}
    fields.update({k: v for k, v in (draft.edits or {}).items() if k in EDITABLE})
    fields["key_sentences"] = cap_sentences(fields["key_sentences"] or [], rights_of(draft.article))
    return fields


def apply_edits(draft: Draft, changes: Mapping[str, Any]) -> Draft:
    """Store the editor's changes in `edits`; None drops an edit and restores the generated value."""
    edits = dict(draft.edits or {})
    for key, value in changes.items():
        if key not in EDITABLE:
            raise EditError(f"{key} is not an editable field")
        if value is None:
            edits.pop(key, None)
            continue
        edits[key] = _checked_sentences(draft.article, value) if key == "key_sentences" else value
    draft.edits = edits
    return draft


def change_status(draft: Draft, status: str, editor: str | None = None) -> Draft:
    """Move the draft along the workflow, or raise TransitionError saying why not."""
    allowed = TRANSITIONS.get(draft.status, ())
    if status not in TRANSITIONS:
        raise TransitionError(f"unknown status {status!r}; one of {', '.join(TRANSITIONS)}")
    if status not in allowed:
        raise TransitionError(_refusal(draft.status, status, allowed))
    draft.status = status
    draft.status_changed_at = now()
    draft.editor = editor or draft.editor
    return draft


def _refusal(current: str, wanted: str, allowed: Sequence[str]) -> str:
    if current == wanted:
        return f"the draft is already {current}"
    if not allowed:
        return f"a {current} draft is final and cannot become {wanted}"
    if current == "draft" and wanted == "published":
        return "a draft must be approved before it is published"
    return f"cannot go from {current} to {wanted}; from {current} only to {' or '.join(allowed)}"


def _checked_sentences(article: Article, value: Any) -> list[dict[str, Any]]:
    """Edited key sentences must quote the source: text equal to body[start:end]."""
    if not isinstance(value, list):
        raise EditError("key_sentences must be a list")
    out = []
    for item in value:
        try:
            start, end, text = int(item["start"]), int(item["end"]), str(item["text"])
        except (KeyError, TypeError, ValueError):
            raise EditError("each key sentence needs text, start and end") from None
        if not 0 <= start < end <= len(article.body) or article.body[start:end] != text:
            raise EditError(f"key sentence at {start}:{end} does not quote the source text")
        out.append(
            {
                "index": int(item.get("index", 0)),
                "text": text,
                "start": start,
                "end": end,
                "score": float(item.get("score", 0.0)),
            }
        )
    return out


def sync_story(session: Session, story: Story | None) -> int | None:
    """Make the canonical article's draft the story's draft, listing the other outlets; its id (None:
    no story, or a canonical article without a draft)."""
    if story is None:
        return None
    canonical_id = story.canonical_article_id
    # the keys of the drafts listed under the story and of the canonical article's, in one statement
    found = {"story": story.id, "canonical": canonical_id if canonical_id is not None else -1}  # ids > 0
    draft_id: int | None = None
    others: list[int] = []
    for row_id, article_id, story_id in driver_rows(session, _STORY_DRAFTS, found):
        if article_id == canonical_id:
            draft_id = row_id
        elif story_id == story.id:
            others.append(row_id)
    if others:  # listed under the story, no longer its canonical article's: loaded to change (rare)
        for row in session.scalars(select(Draft).where(Draft.id.in_(others))):
            row.story_id, row.outlets = None, []
    if draft_id is None or canonical_id is None:
        return None
    outlets = story_outlets(session, story.id, canonical_id)  # its queries flush: set both after
    _set_story(session, draft_id, story.id, outlets)
    return draft_id


_STORY_DRAFTS = select(Draft.id, Draft.article_id, Draft.story_id).where(
    or_(Draft.story_id == bindparam("story"), Draft.article_id == bindparam("canonical"))
)


def _set_story(session: Session, draft_id: int, story_id: int, outlets: list[dict[str, Any]]) -> None:
    """The draft's story and outlets in one UPDATE sent now (``store.rows``), not the unit of work's;
    a draft the session holds shows them as if read, and a rolled-back savepoint expires them."""
    values = {"story_id": story_id, "outlets": outlets, "updated_at": now()}
    update_rows(session, Draft, [{"id": draft_id, **values}])
    draft = session.identity_map.get(session.identity_key(Draft, draft_id))
    if draft is None:
        return
    for key, value in values.items():
        set_committed_value(draft, key, value)

    def undo() -> None:
        if draft in session:
            session.expire(draft, list(values))

    on_rollback(session, undo)


def story_outlets(session: Session, story_id: int, canonical_id: int) -> list[dict[str, Any]]:
    """Who else ran the story, and where, with what each added when its rights allow quoting.

    Read as columns, the coverage JSON a row at a time: this runs on every ingest into a story,
    and loading a story of hundreds of articles whole made each task's heap grow with the corpus
    (docs/scale.md, Memory)."""
    # the members with their coverage, in one statement (the driver's SQL: it runs on every page
    # joining a story, and an ORM statement's own work is several times the read); each row's
    # JSON dropped once read
    found = driver_rows(session, _OUTLETS, {"story": story_id, "canonical": canonical_id})
    members = [(member, best_added_in(data)) for *member, data in found]
    outlets = []
    for (member_id, url, title, site_name, source_id), quote in members:
        source = session.get(Source, source_id) if source_id is not None else None
        outlets.append(
            {
                "article_id": member_id,
                "name": source.name if source else (site_name or url),
                "url": url,
                "title": title,
                "added": quote if quote and source_rights(source).mode == "full" else None,
            }
        )
    return outlets


_OUTLETS = (
    select(Article.id, Article.url, Article.title, Article.site_name, Article.source_id, Coverage.data)
    .outerjoin(Coverage, Coverage.article_id == Article.id)
    .where(Article.story_id == bindparam("story"), Article.id != bindparam("canonical"))
    .order_by(Article.id)
)


def _sync_stories(session: Session, left: int | None, article: Article) -> None:
    """Refresh the story the article belongs to, and the one (id) its draft was listed under."""
    if left is None and article.story is None:
        return
    session.flush()
    if left is not None:
        sync_story(session, session.get(Story, left))
    sync_story(session, article.story)


def _assign(draft: Draft, fields: Mapping[str, Any]) -> None:
    for key, value in fields.items():
        setattr(draft, key, value)


def _least(value: int | None, cap: int | None) -> int | None:
    if value is None:
        return cap
    return value if cap is None else min(value, cap)


def _feature_text(lead: str | None, chosen: Sequence[Any], excerpt: str, rights: Rights) -> str:
    """The lead when the page has one (full rights only), one sub-headline a line; else the key
    sentences, else the excerpt. Cut at the last whole line (or word) within the limit."""
    if rights.mode != "full":
        return excerpt
    limit = _least(FEATURE_CHARS, rights.max_chars) or FEATURE_CHARS
    if lead and lead.strip() and not rights.restricted:
        lines = [" ".join(line.split()) for line in lead.splitlines() if line.strip()]
        kept = [line for n, line in enumerate(lines) if len("\n".join(lines[: n + 1])) <= limit]
        if kept:
            return "\n".join(kept)
        text = lines[0]
    else:
        text = " ".join(s["text"] for s in chosen) or excerpt
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
