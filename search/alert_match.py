"""Saved searches matched against each newly stored article revision, at ingest.

A saved search is parsed once, when it is created, by the parser `/search` uses (nlp.query, then
the index tokens of search.articles), and kept as token phrases. An article is matched with the
index tokens its analysis already produced (no second Kiwi pass), by the rule FTS5 applies: every
included phrase runs consecutively inside the title or inside the body, no excluded one does.

Searches are indexed by their rarest required token (fewest documents in the index when the
search was created), so an article only checks the searches keyed by a token it contains.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from nlp.query import parse_query
from search.articles import query_phrases
from search.bm25 import Phrase
from search.engines import engine_for
from store.alerts import ActiveAlert, active_alerts, add_deliveries, alerts_version
from store.models import Article


def plan_query(session: Session, text: str) -> tuple[dict[str, Any], str]:
    """The query's phrases as stored on the alert, and the required token to index it by;
    raises QueryError when nothing searchable is left."""
    include, exclude = query_phrases(parse_query(text))
    required = sorted({t for phrase in include for t in phrase})
    engine = engine_for(session)
    # rarest first; among equally rare (an empty index), the longest is the likeliest to be rare
    key = min(required, key=lambda t: (engine.doc_freq((t,)), -len(t), t))
    return {"include": [list(p) for p in include], "exclude": [list(p) for p in exclude]}, key


def alert_plan(session: Session, text: str, source_health: bool) -> tuple[dict[str, Any], str]:
    """`plan_query`, except that an alert hearing source health may have no query (then it
    matches no article: store.alerts leaves it out of the active ones)."""
    if source_health and not text.strip():
        return {"include": [], "exclude": []}, ""
    return plan_query(session, text)


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """One active alert as the matcher holds it."""

    alert_id: int
    name: str
    include: tuple[Phrase, ...]
    exclude: tuple[Phrase, ...]
    source: str | None
    category: str | None

    @property
    def words(self) -> frozenset[str]:
        """Every token an included phrase has: a document lacking one cannot match."""
        return frozenset(t for p in self.include for t in p)

    @property
    def runs(self) -> tuple[Phrase, ...]:
        """The included phrases of two or more tokens: these need the in-a-row test."""
        return tuple(p for p in self.include if len(p) > 1)


class Document:
    """An article's index tokens, ready for phrase tests: a set, and each column space-bounded."""

    __slots__ = ("body", "title", "tokens")

    def __init__(self, title: Sequence[str], body: Sequence[str]) -> None:
        self.tokens = set(title) | set(body)
        self.title = " " + " ".join(title) + " "
        self.body = " " + " ".join(body) + " "

    def has(self, phrase: Phrase) -> bool:
        """The phrase's tokens in a row inside one column, as FTS5 matches a phrase."""
        if len(phrase) == 1:
            return phrase[0] in self.tokens
        if not all(t in self.tokens for t in phrase):
            return False
        needle = " " + " ".join(phrase) + " "
        return needle in self.title or needle in self.body


_Entry = tuple[frozenset[str], tuple[Phrase, ...], SavedSearch]


class Matcher:
    """Saved searches by their key token, each with its word set and phrase runs precomputed."""

    def __init__(self, searches: Iterable[tuple[str, SavedSearch]]) -> None:
        self.by_key: dict[str, list[_Entry]] = {}
        self.size = 0
        for key, search in searches:
            self.by_key.setdefault(key, []).append((search.words, search.runs, search))
            self.size += 1

    def match(
        self, document: Document, source: str | None = None, category: str | None = None
    ) -> list[SavedSearch]:
        """The saved searches the document satisfies, by alert id."""
        tokens, by_key = document.tokens, self.by_key
        if len(by_key) <= len(tokens):
            groups = [group for key, group in by_key.items() if key in tokens]
        else:
            groups = [by_key[t] for t in tokens if t in by_key]
        found = [
            s
            for group in groups
            for words, runs, s in group
            if words <= tokens  # a set test in C: most candidates end here
            and (s.source is None or s.source == source)
            and (s.category is None or s.category == category)
            and all(document.has(p) for p in runs)
            and not any(document.has(p) for p in s.exclude)
        ]
        return sorted(found, key=lambda s: s.alert_id)


def saved_search(alert: ActiveAlert) -> tuple[str, SavedSearch]:
    """The alert as the matcher holds it, with the token it is indexed by."""
    plan, filters = alert.plan or {}, alert.filters or {}
    return alert.match_key, SavedSearch(
        alert_id=alert.id,
        name=alert.name,
        include=tuple(tuple(p) for p in plan.get("include", [])),
        exclude=tuple(tuple(p) for p in plan.get("exclude", [])),
        source=filters.get("source"),
        category=filters.get("category"),
    )


_LOCK = threading.Lock()
_MATCHERS: dict[str, tuple[tuple[str, int], Matcher]] = {}  # database → (alerts version, matcher)


def matcher_for(session: Session) -> Matcher:
    """The active alerts' matcher, rebuilt only when an alert was added, removed or (un)paused."""
    key = str(session.get_bind().engine.url)
    version = alerts_version(session)
    kept = _MATCHERS.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    matcher = Matcher(saved_search(a) for a in active_alerts(session))
    with _LOCK:
        _MATCHERS[key] = (version, matcher)
    return matcher


def article_payload(article: Article) -> dict[str, Any]:
    """The article as a webhook body carries it."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source.name if article.source is not None else article.site_name,
        "category": article.category,
        "published": article.published.isoformat() if article.published else None,
        "summary": [str(s["text"]) for s in article.summary or []],
        "excerpt": article.excerpt,
    }


def match_alerts(session: Session, article: Article, title: Sequence[str], body: Sequence[str]) -> list[str]:
    """Pending deliveries (their ids) for every active alert the stored revision matches, added
    to the article's own transaction."""
    matcher = matcher_for(session)
    if not matcher.size:
        return []
    source = article.source.name if article.source is not None else article.site_name
    found = matcher.match(Document(title, body), source, article.category)
    if not found:
        return []
    alerts = [(s.alert_id, s.name) for s in found]
    return add_deliveries(session, article.id, article.revision, alerts, article_payload(article))
