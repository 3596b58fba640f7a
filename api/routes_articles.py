"""Articles, their related articles, and stories across outlets."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import SessionDep
from api.errors import ApiError
from api.schemas import ArticleBrief, ArticleOut, ErrorOut, RelatedOut, RevisionOut, SentenceOut, StoryOut
from worker.models import Article, Revision, Story
from worker.stories import canonical

router = APIRouter()
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}, 422: {"model": ErrorOut}}
RELATED_POOL = 500


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id}")
    return article


def brief(article: Article) -> ArticleBrief:
    return ArticleBrief(
        id=article.id,
        title=article.title,
        url=article.url,
        source=article.source.name if article.source else article.site_name,
        published=article.published,
        excerpt=article.excerpt,
    )


@router.get("/articles/{article_id}", response_model=ArticleOut, responses=NOT_FOUND)
def get_article(session: SessionDep, article_id: int) -> ArticleOut:
    a = _article(session, article_id)
    revisions = session.scalars(
        select(Revision).where(Revision.article_id == a.id).order_by(Revision.revision)
    )
    return ArticleOut(
        id=a.id,
        url=a.url,
        title=a.title,
        source=a.source.name if a.source else None,
        site_name=a.site_name,
        published=a.published,
        modified=a.modified,
        authors=a.authors,
        lead=a.lead,
        body=a.body,
        excerpt=a.excerpt,
        summary=[SentenceOut(**s) for s in a.summary],
        keywords=a.keywords,
        category=a.category,
        category_reason=a.category_reason,
        image=a.image,
        story_id=a.story_id,
        revision=a.revision,
        revisions=[
            RevisionOut(revision=r.revision, title=r.title, created_at=r.created_at) for r in revisions
        ],
    )


@router.get("/articles/{article_id}/related", response_model=RelatedOut, responses=NOT_FOUND)
def related(session: SessionDep, article_id: int, size: int = 10) -> RelatedOut:
    """The article's story first, then the recent articles sharing most keywords."""
    a = _article(session, article_id)
    size = max(1, min(size, 50))
    found: list[Article] = [x for x in (a.story.articles if a.story else []) if x.id != a.id]
    mine = set(a.keywords)
    pool = session.scalars(
        select(Article)
        .where(Article.id != a.id)
        .order_by(Article.published.desc().nulls_last())
        .limit(RELATED_POOL)
    )
    scored = sorted(
        ((len(mine & set(x.keywords)), x) for x in pool if x not in found),
        key=lambda pair: (-pair[0], -pair[1].id),
    )
    found += [x for score, x in scored if score > 0]
    return RelatedOut(id=a.id, results=[brief(x) for x in found[:size]])


@router.get("/stories/{story_id}", response_model=StoryOut, responses=NOT_FOUND)
def get_story(session: SessionDep, story_id: int) -> StoryOut:
    """The outlets that carried the story, canonical source first."""
    story = session.get(Story, story_id)
    if story is None or not story.articles:
        raise ApiError(404, f"no story with id {story_id}")
    first = canonical(story.articles)
    rest = sorted(
        (x for x in story.articles if x.id != first.id),
        key=lambda x: (x.published is None, x.published, x.id),
    )
    return StoryOut(id=story.id, canonical_id=first.id, articles=[brief(x) for x in [first, *rest]])
