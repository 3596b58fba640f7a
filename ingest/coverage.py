"""Coverage of a story's release across outlets: what each outlet copied, added and left out, and when.

Ingest stores each article's alignment units (``ArticleUnits``, from its one Kiwi pass) and, after
the article joins, changes in or leaves a story, brings the story's ``Coverage`` rows up to date:
one row per outlet article, aligned against the canonical article as of both revisions. Reading a
story recomputes in memory any row a newer revision has made stale; it never writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, delete, inspect, or_, select
from sqlalchemy.orm import Session

from ingest.stories import canonical as canonical_of
from ingest.stories import is_government
from nlp.agencies import agencies, credited
from nlp.align import Alignment, Unit, align, units
from nlp.analyse import Analysis, analyse
from store.models import Article, ArticleUnits, Coverage, Revision, Story, now
from store.rows import driver_rows, insert_rows, load_object
from store.savepoints import on_rollback

LATE_JOINER = dt.timedelta(hours=24)  # published this long after the first report: a late joiner
_PROSE_ENDINGS = ("다", "요", "까")
_TRAILING = " \t.!?…'\"’”)]"
_FRAGMENT_WEIGHT = 0.25  # a caption, byline or heading adds less than a sentence of prose


def store_units(session: Session, article: Article, analysis: Analysis, fresh: bool = False) -> None:
    """Keep the article's alignment units, from the analysis ingest just made of its body; a
    `fresh` article (stored just now for the first time) has none to look up."""
    found_units = units(analysis)
    data = [u.to_json() for u in found_units]
    if fresh:
        row = {"article_id": article.id, "revision": article.revision, "units": data}
        insert_rows(session, ArticleUnits, [row])
        _keep_units(session, article, found_units)
        return
    found = session.get(ArticleUnits, article.id)
    if found is None:
        session.add(ArticleUnits(article_id=article.id, revision=article.revision, units=data))
    else:
        found.revision, found.units = article.revision, data


def update_coverage(
    session: Session, article: Article, previous: Story | None = None, fresh: bool = False
) -> None:
    """After ingest: the coverage of the article's story (none when it is in no story), and of the
    story it left, whose canonical article may have changed with it. A `fresh` article in no story
    has nothing to bring up to date."""
    if fresh and article.story is None:
        return
    session.flush()
    if previous is not None and previous is not article.story:
        refresh(session, previous)
    if article.story is None:
        session.execute(delete(Coverage).where(Coverage.article_id == article.id))
        return
    refresh(session, article.story)


def refresh(session: Session, story: Story) -> None:
    """Recompute the story's stale coverage rows and drop the rows of articles no longer in it.

    Only keys are read for the whole story (ids, revisions): loading every member and its coverage
    JSON cost ~25 KB a member on every ingest, ~10 MiB a task for the bench's stories of 400, which
    is what a worker's children grew by (docs/scale.md, Memory). The stale rows load whole.
    """
    canonical_id = story.canonical_article_id
    release = load_object(session, Article, canonical_id) if canonical_id else None  # as session.get
    other = {"story": story.id, "release": release.id if release is not None else -1}  # ids are > 0
    members = dict(driver_rows(session, _MEMBERS, other))
    keys = driver_rows(session, _COVERAGE_KEYS, other)
    gone = [row[0] for row in keys if row[0] not in members]
    if gone:
        session.execute(delete(Coverage).where(Coverage.article_id.in_(gone)))
    if release is None:
        return
    current = {row[0]: row[1:] for row in keys if row[0] in members}
    stale = [
        article_id
        for article_id, revision in members.items()
        if current.get(article_id) != (story.id, release.id, release.revision, revision)
    ]
    if not stale:
        return
    release_units = _units(session, release, backfill=True)
    with_rows = [article_id for article_id in stale if article_id in current]  # the others have none
    found = {}
    if with_rows:
        rows = session.scalars(select(Coverage).where(Coverage.article_id.in_(with_rows)))
        found = {row.article_id: row for row in rows}
    new_rows = []
    for article in _articles(session, stale):
        data = outlet_coverage(release, release_units, article, _units(session, article, backfill=True))
        values = {"story_id": story.id, "canonical_id": release.id, "canonical_revision": release.revision,
                  "revision": article.revision, "data": data, "computed_at": now()}  # fmt: skip
        row = found.get(article.id)
        if row is None:  # a row of its own, which nothing in this session reads back as an object
            new_rows.append({"article_id": article.id, **values})
            continue
        for key, value in values.items():
            setattr(row, key, value)
    insert_rows(session, Coverage, new_rows)


# the story's members but its release (ids and revisions), and the coverage keys of the story's rows
# and of its members' rows: the driver's SQL, as they run on every page that joins a story
_MEMBERS = select(Article.id, Article.revision).where(
    Article.story_id == bindparam("story"), Article.id != bindparam("release")
)
_COVERAGE_KEYS = select(
    Coverage.article_id,
    Coverage.story_id,
    Coverage.canonical_id,
    Coverage.canonical_revision,
    Coverage.revision,
).where(
    or_(
        Coverage.story_id == bindparam("story"),
        Coverage.article_id.in_(_MEMBERS.with_only_columns(Article.id)),
    )
)


def _articles(session: Session, ids: Sequence[int]) -> list[Article]:
    """The articles with these ids, by id; those the session holds loaded (the one ingested just
    now, the match it joined) without a query."""
    held, mapper = {}, inspect(Article)
    for article_id in ids:
        article = session.identity_map.get(mapper.identity_key_from_primary_key((article_id,)))
        if isinstance(article, Article) and not inspect(article).expired_attributes:
            held[article_id] = article
    rest = [article_id for article_id in ids if article_id not in held]
    if rest:
        held.update((a.id, a) for a in session.scalars(select(Article).where(Article.id.in_(rest))))
    return [held[article_id] for article_id in sorted(held)]


def _fresh(row: Coverage, story: Story, release: Article, article: Article) -> bool:
    return (row.story_id, row.canonical_id, row.canonical_revision, row.revision) == (
        story.id,
        release.id,
        release.revision,
        article.revision,
    )


def _units(session: Session, article: Article, backfill: bool) -> list[Unit] | None:
    """The article's stored units; an article stored before units were (or of an older revision)
    is analysed once here when `backfill`, and the units kept."""
    kept = _kept_units(session).get(article.id)
    if kept is not None and kept[0] == article.revision:
        return kept[1]
    stored = _stored_units(session, article.id)
    if stored is not None and stored[0] == article.revision:
        return [Unit.from_json(u) for u in stored[1]]
    if not backfill or not article.body.strip():
        return None
    analysis = analyse(article.body)
    store_units(session, article, analysis)
    return units(analysis)


def _stored_units(session: Session, article_id: int) -> tuple[int, list[Any]] | None:
    """The article's stored units row (revision, units) as ``session.get`` would give it: the
    object the session holds, else the row read as the driver's SQL (a release's units are read
    on every page joining its story, and the ORM's load costs several times the read)."""
    held = session.identity_map.get(session.identity_key(ArticleUnits, article_id))
    if isinstance(held, ArticleUnits) and not inspect(held).expired_attributes:
        return held.revision, held.units
    found = driver_rows(session, _UNITS_OF, {"article": article_id})
    return (found[0][0], found[0][1]) if found else None


_UNITS_OF = select(ArticleUnits.revision, ArticleUnits.units).where(
    ArticleUnits.article_id == bindparam("article")
)


def _kept_units(session: Session) -> dict[int, tuple[int, list[Unit]]]:
    """Units written by Core in this transaction, by article id: the story the article joins reads
    them back at once. Another transaction's are not trusted (its rows may have been rolled back)."""
    held: tuple[object, dict[int, tuple[int, list[Unit]]]] = session.info.get(_UNITS, (None, {}))
    if held[0] is not session.get_transaction():
        held = session.info[_UNITS] = (session.get_transaction(), {})
    return held[1]


def _keep_units(session: Session, article: Article, found: list[Unit]) -> None:
    kept = _kept_units(session)
    kept[article.id] = (article.revision, found)
    article_id = article.id

    def undo() -> None:
        kept.pop(article_id, None)

    on_rollback(session, undo)


_UNITS = "article_units"  # session.info key: (transaction, units written in it by article id)


def outlet_coverage(
    release: Article, release_units: Sequence[Unit] | None, article: Article, outlet: Sequence[Unit] | None
) -> dict[str, Any]:
    """One outlet against the release: shares, added and dropped sentences, changed figures, credit."""
    result = align(release_units or (), outlet or ())
    summary = [s for s in release.summary or [] if isinstance(s, dict)]
    kept_summary = [s for s in summary if s.get("index") in result.kept]
    counts = {kind: sum(p.kind == kind for p in result.pairs) for kind in ("copied", "edited", "added")}
    return {
        "copied_share": round(result.copied_share(), 4),
        "release_kept_share": round(len(kept_summary) / len(summary), 4) if summary else None,
        "kept": sorted(result.kept),
        "counts": counts,
        "added": _added(article, result, outlet or ()),
        "dropped": [_quote(s) for s in summary if s.get("index") not in result.kept],
        "figure_differs": _figures(release, release_units or (), article, outlet or (), result),
        "names_source": credited(article.body, _source_names(release)),
    }


def _added(article: Article, result: Alignment, outlet: Sequence[Unit]) -> list[dict[str, Any]]:
    by_index = {u.index: u for u in outlet}
    out = []
    for pair in result.pairs:
        unit = by_index[pair.outlet]
        if pair.kind != "added":
            continue
        text = article.body[unit.start : unit.end]
        prose = text.rstrip(_TRAILING).endswith(_PROSE_ENDINGS)
        score = pair.novel * (1.0 if prose else _FRAGMENT_WEIGHT)
        out.append({"index": unit.index, "text": text, "start": unit.start, "end": unit.end, "score": score})
    return out


def _figures(
    release: Article,
    release_units: Sequence[Unit],
    article: Article,
    outlet: Sequence[Unit],
    result: Alignment,
) -> list[dict[str, Any]]:
    ours = {u.index: u for u in release_units}
    theirs = {u.index: u for u in outlet}
    out = []
    for pair in result.pairs:
        if pair.release is None:
            continue
        r, o = ours[pair.release], theirs[pair.outlet]
        for was, became in pair.figure_differs:
            out.append(
                {
                    "release": was.text,
                    "outlet": became.text,
                    "unit": was.unit,
                    "release_sentence": {"index": r.index, "text": release.body[r.start : r.end]},
                    "outlet_sentence": {"index": o.index, "text": article.body[o.start : o.end]},
                }
            )
    return out


def _quote(sentence: dict[str, Any]) -> dict[str, Any]:
    return {k: sentence.get(k) for k in ("index", "text", "start", "end")}


def _source_names(release: Article) -> list[str]:
    """What crediting the release looks like: the bodies it names, and its publisher if a government one."""
    names = agencies(release.title + "\n" + release.body)
    if is_government(release):
        names += [n for n in (release.source.name if release.source else None, release.site_name) if n]
    return names


def best_added(session: Session, article_id: int) -> str | None:
    """The outlet article's highest-scoring added sentence, verbatim, from its stored coverage."""
    row = session.get(Coverage, article_id)
    return best_added_in(row.data if row is not None else None)


def best_added_in(data: dict[str, Any] | None) -> str | None:
    """The highest-scoring added sentence of a coverage row's data, verbatim (None: nothing scored)."""
    added = data.get("added", []) if data else []
    best = max(added, key=lambda s: (s.get("score", 0), -s.get("index", 0)), default=None)
    return str(best["text"]) if best and best.get("score", 0) > 0 else None


def outlet_name(article: Article) -> str:
    return article.source.name if article.source else (article.site_name or article.url)


def story_view(session: Session, story: Story) -> dict[str, Any]:
    """The story as an editor reads it: the release sentence by sentence with how many outlets kept
    each, every outlet's coverage, and the timeline. Stale rows are recomputed, not written."""
    articles = list(story.articles)
    release = session.get(Article, story.canonical_article_id) if story.canonical_article_id else None
    if release is None or release not in articles:
        release = canonical_of(articles)
    release_units = _units(session, release, backfill=False)
    rows = {
        r.article_id: r
        for r in session.scalars(select(Coverage).where(Coverage.article_id.in_([a.id for a in articles])))
    }
    coverage = []
    for article in _in_publish_order(a for a in articles if a.id != release.id):
        row = rows.get(article.id)
        if row is not None and _fresh(row, story, release, article):
            data = row.data
        else:
            outlet = _units(session, article, backfill=False)
            if outlet is None or release_units is None:
                continue  # stored before units were kept and not re-ingested since: nothing to align
            data = outlet_coverage(release, release_units, article, outlet)
        coverage.append(_coverage_entry(release, article, data))
    return {
        "canonical": _canonical_entry(release, release_units or [], coverage),
        "coverage": coverage,
        "timeline": timeline(session, articles, release),
    }


def _coverage_entry(release: Article, article: Article, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "outlet": outlet_name(article),
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "lag_minutes": lag_minutes(release, article),
        **{k: data.get(k) for k in ("copied_share", "release_kept_share", "counts", "names_source")},
        **{k: data.get(k, []) for k in ("kept", "added", "dropped", "figure_differs")},
    }


def _canonical_entry(
    release: Article, release_units: Sequence[Unit], coverage: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    summary = {s.get("index") for s in release.summary or [] if isinstance(s, dict)}
    kept_by = {u.index: sum(u.index in c["kept"] for c in coverage) for u in release_units}
    return {
        "article_id": release.id,
        "outlet": outlet_name(release),
        "title": release.title,
        "url": release.url,
        "published": release.published,
        "is_release": is_government(release),
        "sentences": [
            {
                "index": u.index,
                "text": release.body[u.start : u.end],
                "start": u.start,
                "end": u.end,
                "summary": u.index in summary,
                "kept_by": kept_by[u.index],
            }
            for u in release_units
        ],
    }


def timeline(session: Session, articles: Sequence[Article], release: Article) -> list[dict[str, Any]]:
    """The story's articles in publish order: the first report, each one's revisions, late joiners."""
    ordered = _in_publish_order(articles)
    first = next((a for a in ordered if a.published is not None), None)
    history: dict[int, list[dict[str, Any]]] = {}
    for revision in session.scalars(
        select(Revision).where(Revision.article_id.in_([a.id for a in articles])).order_by(Revision.revision)
    ):
        history.setdefault(revision.article_id, []).append(
            {"revision": revision.revision, "created_at": revision.created_at}
        )
    return [
        {
            "article_id": a.id,
            "outlet": outlet_name(a),
            "title": a.title,
            "published": a.published,
            "lag_minutes": lag_minutes(release, a),
            "canonical": a.id == release.id,
            "first_report": first is not None and a.id == first.id,
            "late_joiner": bool(
                first and a.published and first.published and a.published - first.published > LATE_JOINER
            ),
            "revisions": history.get(a.id, []),
        }
        for a in ordered
    ]


def lag_minutes(release: Article, article: Article) -> int | None:
    """Minutes from the release's publication to the article's (negative: the article came first)."""
    if release.published is None or article.published is None:
        return None
    return round((article.published - release.published).total_seconds() / 60)


def _in_publish_order(articles: Any) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published is None, a.published, a.id))
