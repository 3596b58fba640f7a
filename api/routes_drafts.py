"""The editor API: list, read, edit, move along the workflow, regenerate, export, submit a URL."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from api.auth import EditorDep, ReaderDep
from api.deps import SessionDep
from api.errors import ApiError
from api.params import MAX_OFFSET, NO_NUL, IdPath, IsoDate
from api.schemas import (
    DraftBrief,
    DraftEditIn,
    DraftListOut,
    DraftOut,
    ErrorOut,
    OutletOut,
    RegenerateIn,
    RightsOut,
    SentenceOut,
    StatusIn,
    SubmitIn,
)
from ingest.drafts import (
    EDITABLE,
    NEWEST_CHANGE_FIRST,
    TRANSITIONS,
    EditError,
    TransitionError,
    apply_edits,
    change_status,
    effective,
    regenerate,
    rights_of,
)
from ingest.export import attribution_text, filename, render_jekyll, render_json, render_markdown
from ingest.fetch_guard import AddressGuard, Declined, FetchError, UnsafeURL
from ingest.fetch_url import FetchLimits, submit
from ingest.formats import MEDIA_TYPES
from ingest.options import digest_options
from newsdesk.settings import Settings
from nlp.dates import kst_day_bounds
from store.models import Article, Draft, Source

router = APIRouter(prefix="/drafts", tags=["drafts"])
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 422, 502)
}


def _draft(session: Session, draft_id: int) -> Draft:
    draft = session.get(Draft, draft_id)
    if draft is None:
        raise ApiError(404, f"no draft with id {draft_id}")
    return draft


def _source_name(article: Article) -> str | None:
    return article.source.name if article.source else article.site_name


def draft_brief(draft: Draft) -> DraftBrief:
    """One row of the queue."""
    fields, article = effective(draft), draft.article
    return DraftBrief(
        id=draft.id,
        article_id=article.id,
        story_id=draft.story_id,
        status=draft.status,
        title=fields["headline"],
        category=fields["category"],
        source=_source_name(article),
        url=article.url,
        published=article.published,
        published_date_only=article.published_date_only,
        updated_at=draft.updated_at,
        edited=sorted(k for k in (draft.edits or {}) if k in EDITABLE),
    )


def draft_out(draft: Draft) -> DraftOut:
    """The whole draft: effective fields, what was generated, the edits, and the source text."""
    fields, article, rights = effective(draft), draft.article, rights_of(draft.article)
    return DraftOut(
        **{k: v for k, v in fields.items() if k != "key_sentences"},
        key_sentences=[SentenceOut(**_sentence(s)) for s in fields["key_sentences"]],
        id=draft.id,
        article_id=article.id,
        story_id=draft.story_id,
        status=draft.status,
        transitions=list(TRANSITIONS.get(draft.status, ())),
        editor=draft.editor,
        created_at=draft.created_at,
        updated_at=draft.updated_at,
        status_changed_at=draft.status_changed_at,
        category_reason=[str(r) for r in article.category_reason],
        edits=dict(draft.edits or {}),
        generated={key: getattr(draft, key) for key in EDITABLE},
        summary_sentences=draft.summary_sentences,
        summary_max_chars=draft.summary_max_chars,
        source=_source_name(article),
        url=article.url,
        published=article.published,
        published_date_only=article.published_date_only,
        body=article.body,
        outlets=[OutletOut(**o) for o in draft.outlets or []],
        rights=RightsOut(
            summary_mode=rights.mode,
            max_sentences=rights.max_sentences,
            max_chars=rights.max_chars,
            attribution=rights.attribution,
        ),
        attribution=attribution_text(article),
    )


def _sentence(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "index": int(s.get("index", 0)),
        "text": s["text"],
        "start": int(s["start"]),
        "end": int(s["end"]),
        "score": float(s.get("score", 0.0)),
    }


def _filtered(
    status: str | None,
    category: str | None,
    source: str | None,
    since: dt.date | None,
    until: dt.date | None,
    kind: str | None,
) -> Select[Draft]:
    """Drafts matching the queue's filters (category as the editor left it)."""
    query = select(Draft).join(Draft.article).outerjoin(Article.source)
    if status:
        query = query.where(Draft.status == status)
    if category:
        query = query.where(func.coalesce(Draft.edits["category"].as_string(), Draft.category) == category)
    if source:
        query = query.where(func.coalesce(Source.name, Article.site_name) == source)
    when = func.coalesce(Article.published, Draft.created_at)
    start, end = kst_day_bounds(since, until)
    if start is not None:
        query = query.where(when >= start)
    if end is not None:
        query = query.where(when < end)
    if kind:
        query = query.where(Draft.story_id.is_not(None) if kind == "story" else Draft.story_id.is_(None))
    return query


@router.get("", response_model=DraftListOut, responses=ERRORS)
def list_drafts(
    session: SessionDep,
    _: ReaderDep,
    status: Literal["draft", "approved", "published", "rejected"] | None = None,
    category: Annotated[str | None, Query(pattern=NO_NUL)] = None,
    source: Annotated[str | None, Query(pattern=NO_NUL)] = None,
    since: Annotated[IsoDate | None, Query(description="published on or after (YYYY-MM-DD, KST)")] = None,
    until: Annotated[IsoDate | None, Query(description="published on or before (YYYY-MM-DD, KST)")] = None,
    kind: Literal["article", "story"] | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> DraftListOut:
    """The review queue, newest change first."""
    query = _filtered(status, category, source, since, until, kind)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    ordered = query.order_by(*NEWEST_CHANGE_FIRST)
    page = session.scalars(ordered.limit(limit).offset(offset))
    return DraftListOut(total=total, results=[draft_brief(d) for d in page])


@router.get("/{draft_id}", response_model=DraftOut, responses=ERRORS)
def read_draft(session: SessionDep, _: ReaderDep, draft_id: IdPath) -> DraftOut:
    return draft_out(_draft(session, draft_id))


@router.patch("/{draft_id}", response_model=DraftOut, responses=ERRORS)
def edit_draft(session: SessionDep, who: EditorDep, draft_id: IdPath, body: DraftEditIn) -> DraftOut:
    """Store the editor's changes apart from the generated text; null restores a field."""
    draft = _draft(session, draft_id)
    changes = body.model_dump(exclude_unset=True, exclude={"editor"})
    try:
        apply_edits(draft, changes)
    except EditError as error:
        raise ApiError(422, str(error)) from None
    draft.editor = body.editor or who.editor_name
    session.commit()
    return draft_out(draft)


@router.post("/{draft_id}/status", response_model=DraftOut, responses=ERRORS)
def set_status(session: SessionDep, who: EditorDep, draft_id: IdPath, body: StatusIn) -> DraftOut:
    """draft → approved → published; draft/approved → rejected; rejected → draft. Else 409 and why."""
    draft = _draft(session, draft_id)
    try:
        change_status(draft, body.status, body.editor or who.editor_name)
    except TransitionError as error:
        raise ApiError(409, str(error)) from None
    session.commit()
    return draft_out(draft)


@router.post("/{draft_id}/regenerate", response_model=DraftOut, responses=ERRORS)
def regenerate_draft(session: SessionDep, _: EditorDep, draft_id: IdPath, body: RegenerateIn) -> DraftOut:
    """Summarise the stored text again at another length; the editor's edits stay."""
    draft = regenerate(_draft(session, draft_id), body.sentences, body.max_chars)
    session.commit()
    return draft_out(draft)


EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    200: {
        "description": "jekyll and markdown: the post as text/markdown; json: the fields as JSON",
        "content": {
            "text/markdown": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "object"}},
        },
    },
}


@router.get("/{draft_id}/export", responses=EXPORT_RESPONSES)
def export_draft(
    session: SessionDep,
    _: ReaderDep,
    draft_id: IdPath,
    format: Literal["jekyll", "markdown", "json"] = "jekyll",
) -> Response:
    """The draft in the blog's Jekyll format, plain Markdown, or JSON; each carries the attribution."""
    draft = _draft(session, draft_id)
    if format == "json":
        return JSONResponse({"ok": True, **render_json(draft)})
    text = render_jekyll(draft) if format == "jekyll" else render_markdown(draft)
    disposition = f"inline; filename*=UTF-8''{quote(filename(draft))}"
    headers = {"Content-Disposition": disposition}
    return PlainTextResponse(text, media_type=MEDIA_TYPES[format], headers=headers)


@router.post("/submit", response_model=DraftOut, responses=ERRORS)
def submit_url(
    request: Request, response: Response, session: SessionDep, _: EditorDep, body: SubmitIn
) -> DraftOut:
    """Fetch a URL now (public addresses only, every redirect re-checked), ingest it, return its draft."""
    settings: Settings = request.app.state.settings
    limits: FetchLimits = getattr(request.app.state, "fetch_limits", None) or FetchLimits()
    guard = AddressGuard(allow_loopback=settings.allow_loopback_fetch)
    options = digest_options(settings)
    try:
        outcome = submit(request.app.state.db, body.url, limits, guard, options)
    except UnsafeURL as error:
        raise ApiError(400, str(error)) from None
    except Declined as error:
        raise ApiError(422, str(error)) from None
    except FetchError as error:
        raise ApiError(502, str(error)) from None
    if outcome.status == "failed" or outcome.article_id is None:
        reason = outcome.error or "a listing page, not an article"
        raise ApiError(422, f"could not make an article of {outcome.url}: {reason}")
    article = session.get(Article, outcome.article_id)
    if article is None or article.draft is None:
        raise ApiError(422, f"no draft was made for {outcome.url}")
    response.status_code = 201 if outcome.status == "new" else 200
    return draft_out(article.draft)
