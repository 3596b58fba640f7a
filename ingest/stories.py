"""Stories: articles that retell the same release, found by MinHash LSH at ingest."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from sqlalchemy import delete, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ingest.story_lookup import forget, store_and_find
from nlp.dedupe import Signature, bands, near_duplicate
from store.models import Article, Story, StoryBand, now
from store.rows import insert_object, load_object, update_rows
from store.savepoints import on_rollback

# Government bodies publish the releases that papers retell: 보건복지부, 국세청, 서울특별시청, 위원회…
_GOVERNMENT_NAME = re.compile(r"(?:부|처|청|위원회|시|도|군|구|정책브리핑)$")
_GOVERNMENT_HOST = (".go.kr", "korea.kr")


def assign_story(
    session: Session, article: Article, signature: Signature, fresh: bool = False
) -> Story | None:
    """Store the article's signature and bands, and join it to the story of its nearest duplicate
    (a `fresh` article, stored just now for the first time, has no bands to replace)."""
    stored = signature.to_json()
    if article.signature != stored:  # _store_article put it in the INSERT: no UPDATE to say it again
        article.signature = stored
    if not fresh:
        session.execute(delete(StoryBand).where(StoryBand.article_id == article.id))
        forget(session, article.id)  # stored earlier in this transaction, still waiting for its commit
    # the candidates found and the bands stored (on SQLite a fresh article's at the commit;
    # on PostgreSQL one statement)
    match = _nearest(session, signature, store_and_find(session, bands(signature), article.id, fresh=fresh))
    if match is None:
        if article.story is not None:
            _leave(session, article)
        return None
    if article.story is None and _settled(article) and _settled(match):
        return _join(session, article, match)
    story = match.story or Story(articles=[match], canonical_article_id=match.id)
    if article.story is not None and article.story is not story:
        _leave(session, article)
    article.story = story
    session.add(story)
    session.flush()
    # the order is total, so the better of the current canonical and the newcomer is the best of all;
    # a story of hundreds of articles is never loaded whole
    current = session.get(Article, story.canonical_article_id) if story.canonical_article_id else None
    story.canonical_article_id = canonical([a for a in (current, article) if a is not None]).id
    return story


def _join(session: Session, article: Article, match: Article) -> Story:
    """An article in no story joins its match's (a new one for the two when the match has none)
    without the unit of work: a new story one INSERT, already naming its canonical article, and the
    articles' ``story_id`` one UPDATE (``store.rows``); the objects show it as if read, and a
    rolled-back savepoint expires what they show."""
    story = match.story
    if story is None:
        story = Story(canonical_article_id=canonical([match, article]).id)
        insert_object(session, story)  # its articles are read when asked for
        joining = [match, article]
    else:
        canonical_id = story.canonical_article_id
        current = load_object(session, Article, canonical_id) if canonical_id else None  # as session.get
        best = canonical([a for a in (current, article) if a is not None]).id
        if story.canonical_article_id != best:
            story.canonical_article_id = best
        joining = [article]
        if "articles" in inspect(story).dict:  # a collection loaded before: read again when asked for
            session.expire(story, ["articles"])
    stamp = now()
    update_rows(session, Article, [{"id": a.id, "story_id": story.id, "updated_at": stamp} for a in joining])
    for joined in joining:
        for key, value in (("story_id", story.id), ("story", story), ("updated_at", stamp)):
            set_committed_value(joined, key, value)

    def undo() -> None:
        for joined in joining:
            if joined in session:
                session.expire(joined, ["story_id", "story", "updated_at"])

    on_rollback(session, undo)
    return story


def _settled(article: Article) -> bool:
    """No change to its story waiting for a flush (which would write over an UPDATE sent now)."""
    attributes = inspect(article).attrs
    return not (attributes.story.history.has_changes() or attributes.story_id.history.has_changes())


def _nearest(session: Session, signature: Signature, ids: list[int]) -> Article | None:
    if not ids:
        return None
    if len(ids) == 1:  # the usual case: the one candidate read whole at once (it is the match if any)
        candidate = load_object(session, Article, ids[0])
        if candidate is None or near_duplicate(signature, Signature.from_json(candidate.signature)) <= 0.0:
            return None
        return candidate
    signatures = session.execute(select(Article.id, Article.signature).where(Article.id.in_(ids))).all()
    best, best_score = None, 0.0
    for candidate_id, data in signatures:
        score = near_duplicate(signature, Signature.from_json(data))
        if score > best_score:
            best, best_score = candidate_id, score
    return session.get(Article, best) if best is not None else None


def _leave(session: Session, article: Article) -> None:
    story = article.story
    article.story = None
    if story is None:
        return
    rest = [a for a in story.articles if a.id != article.id]
    story.canonical_article_id = canonical(rest).id if rest else None


def canonical(articles: Sequence[Article]) -> Article:
    """The government release when there is one, else the earliest published."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return min(articles, key=lambda a: (not is_government(a), a.published or far, a.id))


def is_government(article: Article) -> bool:
    host = urlsplit(article.url).hostname or ""
    name = article.source.name if article.source else (article.site_name or "")
    return host.endswith(_GOVERNMENT_HOST) or bool(_GOVERNMENT_NAME.search(name.strip()))
