"""Articles, their related articles, and stories across outlets."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import SessionDep
from api.errors import ApiError
from api.params import IdPath
from api.schemas import ArticleBrief, ArticleOut, ErrorOut, RelatedOut, RevisionOut, SentenceOut, StoryOut
from ingest.stories import canonical
from store.models import Article, Revision, Story

router = APIRouter()
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}, 422: {"model": ErrorOut}}
RELATED_POOL = 500
ArticleId = IdPath
StoryId = IdPath


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
        published_date_only=article.published_date_only,
        excerpt=article.excerpt,
    )


@router.get("/articles/{article_id}", response_model=ArticleOut, responses=NOT_FOUND)
def get_article(session: SessionDep, article_id: ArticleId) -> ArticleOut:
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
        published_date_only=a.published_date_only,
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
def related(
    session: SessionDep, article_id: ArticleId, size: Annotated[int, Query(ge=1, le=50)] = 10
) -> RelatedOut:
    """The article's story first, then the recent articles sharing most keywords."""
    a = _article(session, article_id)
    found: list[Article] = [x for x in (a.story.articles if a.story else []) if x.id != a.id]
    ids = [x.id for x in found[:size]] + _sharing_keywords(session, a, {x.id for x in found})
    by_id = {x.id: x for x in session.scalars(select(Article).where(Article.id.in_(ids[:size])))}
    return RelatedOut(id=a.id, results=[brief(by_id[i]) for i in ids[:size] if i in by_id])


def _sharing_keywords(session: Session, article: Article, skip: set[int]) -> list[int]:
    """Ids of the recent articles sharing the most keywords with `article`, most first."""
    mine = set(article.keywords)
    pool = session.execute(
        select(Article.id, Article.keywords)
        .where(Article.id != article.id)
        .order_by(Article.published.desc().nulls_last(), Article.id.desc())
        .limit(RELATED_POOL)
    )
    scored = [(len(mine & set(keywords or [])), i) for i, keywords in pool if i not in skip]
    return [i for shared, i in sorted(scored, key=lambda p: (-p[0], -p[1])) if shared > 0]


@router.get("/stories/{story_id}", response_model=StoryOut, responses=NOT_FOUND)
def get_story(session: SessionDep, story_id: StoryId) -> StoryOut:
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
