"""Per-source template memory: what a source prints on many of its pages is template, not article.

A source's pages share a template: a window header, a slogan, a board label, a 공공누리 or
담당부서 block, a related-articles list. On one page these look like content; across the
source's pages they repeat. Each extracted page carries a ``Fingerprint`` (its headline
candidates and its body lines); ``learn_template`` counts them over the source's pages and keeps
what repeats. Headline candidates and body lines are counted apart: a headline that other pages
list in a sidebar is still that page's headline.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from nlp.headline import META, PAGE, Candidate
from nlp.marks import HEADING_BULLETS
from nlp.titles import fold, split_segments

MAX_LINE_CHARS = 200  # longer lines are article prose: never template, not worth counting
MAX_LINES = 300  # per page and role, so a huge page costs the memory no more than a normal one
MIN_PAGES = 2  # a text on fewer distinct pages is never template
MIN_LINE_PAGES = 3  # body lines are learned from three pages on
# a page's own headline is template from three pages on: two pages may share one (a correction
# re-posted, an article split over two pages), a label mistaken for the headline is on them all
MIN_HEADLINE_PAGES = 3
MAX_DROPPED_SHARE = 0.4  # a template that would take more of a page's body is not its template
SMALL_SOURCE = 10  # up to this many pages a text must be on half of them…
SMALL_SHARE, LARGE_SHARE = 0.5, 0.2  # …beyond, on a fifth (a site changes its template over time)
LARGE_MIN_PAGES = 5
MAX_TEMPLATE_LINES = 500
OPENING_CHARS = 40
MIN_SIGNALS = 2  # assets and opening class names a page must have to be grouped by them


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What one page offers to the template memory: headline candidates and short body lines."""

    titles: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    body_hash: str = ""  # two copies of one article (mobile and desktop, a re-fetch) count once
    site: str = ""  # pages with the same site key share a template (``site_key``)
    headline: str = ""  # the headline extracted without a template (folded)


@dataclass(frozen=True, slots=True)
class Template:
    """Texts a source prints on many of its pages, and how many pages it was learned from."""

    titles: frozenset[str] = field(default_factory=frozenset)
    lines: frozenset[str] = field(default_factory=frozenset)
    pages: int = 0

    def __bool__(self) -> bool:
        return bool(self.titles or self.lines)


EMPTY = Template()


def fingerprint(titles: Iterable[str], body: str, site: str = "", headline: str = "") -> Fingerprint:
    """A page's fingerprint from its (folded) headline candidates, its cleaned body and headline."""
    lines = [line.strip() for line in body.splitlines()]
    # The article's first sentence names it: its mobile and desktop copies differ in furniture only.
    opening = next((line for line in lines if len(line) >= OPENING_CHARS), body)
    return Fingerprint(
        titles=_short(titles),
        lines=_short(lines),
        body_hash=hashlib.blake2b(opening[:OPENING_CHARS].encode("utf-8"), digest_size=8).hexdigest(),
        site=site,
        headline=headline,
    )


def site_key(
    url: str | None, site_name: str | None, assets: Sequence[str], skeleton: Sequence[str] = ()
) -> str:
    """Which source a page belongs to when nobody said: its host, else its site name, else the
    stylesheets and scripts it loads, else the class names its markup opens with (pages drawn by
    one template share both); ``""`` when none is known."""
    host = (urlsplit(url or "").hostname or "").removeprefix("www.").removeprefix("m.")
    if host:
        return f"host:{host}"
    if site_name:
        return f"name:{site_name.strip().lower()}"
    # host and path: two sites may load one library from one CDN, or share a vendor CMS's
    # relative paths, but hardly the same assets and the same opening markup together
    paths = sorted({f"{urlsplit(a).hostname or ''}{urlsplit(a).path}" for a in assets if a})
    signals = [*paths, "", *skeleton]
    return "markup:" + _digest("\n".join(signals)) if len(signals) > MIN_SIGNALS else ""


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def learn_template(prints: Sequence[Fingerprint]) -> Template:
    """The texts that repeat across a source's pages (each distinct page counted once).

    A text is template when it is on at least two distinct pages and half of them; on a
    source of more than ``SMALL_SOURCE`` pages, on a fifth of them (and at least five).
    """
    distinct = list({p.body_hash or str(i): p for i, p in enumerate(prints)}.values())
    pages = len(distinct)
    if pages < MIN_PAGES:
        return Template(pages=pages)
    if pages <= SMALL_SOURCE:
        need = max(MIN_PAGES, math.ceil(SMALL_SHARE * pages))
    else:
        need = max(LARGE_MIN_PAGES, math.ceil(LARGE_SHARE * pages))
    titles = Counter(t for p in distinct for t in set(p.titles))
    # a text holding a page's own headline (the headline, ``제목 - 가람일보``) needs more pages
    owned = {t for p in distinct if p.headline for t in p.titles if p.headline in t}
    frequent = _frequent(titles, need)
    own_need = max(need, MIN_HEADLINE_PAGES)
    learned = Template(
        titles=frozenset(t for t in frequent if t not in owned or titles[t] >= own_need), pages=pages
    )
    if pages < MIN_LINE_PAGES:  # two articles may share a paragraph (a follow-up, a series)
        return learned
    lines = Counter(t for p in distinct for t in set(p.lines))
    return Template(titles=learned.titles, lines=_frequent(lines, need), pages=pages)


def learned_names(template: Template) -> tuple[str, ...]:
    """The template's short titles, stripped from headline candidates like the site's own name.

    Convention: a source ends (or opens) every ``<title>`` with the same name, section or slogan
    (``제목 - 가온인사이트``); a name no rule knows is still the same on each of its pages.
    """
    # a name strips after a mere space too (``제목 가온일보``): a two-letter word (``경제``) would cut
    # headlines that end with it
    names = (
        t for t in template.titles if len(t.replace(" ", "")) >= MIN_NAME_CHARS and len(t) <= MAX_NAME_CHARS
    )
    return tuple(sorted(names, key=len, reverse=True))


MIN_NAME_CHARS, MAX_NAME_CHARS = 3, 30


def page_template(template: Template, candidates: Iterable[Candidate]) -> Template:
    """The source's template as it applies to one page: without the texts holding the headline
    the page declares (its metadata names a heading it prints).

    Convention: a CMS fills ``og:title`` and the JSON-LD ``headline`` per article. When they name
    a heading the page prints, that is the page's headline however many of the source's pages
    carry it: a recurring headline (``[오늘의 날씨] …``, ``[인사] 기획재정부``, a 1보 and its 2보)
    is each page's own. A label taken for the headline (a board's name, a viewer's window header)
    is printed and in ``<title>``, but not in the metadata the CMS writes for the article.
    """
    if not template.titles:
        return template
    candidates = list(candidates)
    printed = {fold(c.text) for c in candidates if c.group == PAGE}
    # the headline is the long part of a metadata title with separators (``제목 - 가람일보``)
    declared = {
        max(split_segments(c.text) or [fold(c.text)], key=len) for c in candidates if c.group == META
    } & printed
    if not declared:
        return template
    titles = frozenset(t for t in template.titles if not any(head in t for head in declared))
    return replace(template, titles=titles) if titles != template.titles else template


def template_lines(template: Template, body: str) -> frozenset[str]:
    """The template's lines to drop from this body: none when they would take more than
    ``MAX_DROPPED_SHARE`` of it (then the source's pages share its article, not a template)."""
    if not template.lines:
        return frozenset()
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    # Convention: a board's releases share their outline (``□ 주요 내용``, ``○ 향후 계획``) and stock
    # sentences (``…할 계획이다.``) between their own lines; template furniture frames the text or
    # sits in it as a label (``광고``, ``관련기사``), never as a part heading or a sentence
    own = [i for i, line in enumerate(lines) if line not in template.lines]
    inner = lines[own[0] + 1 : own[-1]] if own else []
    drop = template.lines - {line for line in inner if _is_text_part(line)}
    dropped = sum(len(line) for line in lines if line in drop)
    total = sum(len(line) for line in lines) or 1
    return drop if dropped <= MAX_DROPPED_SHARE * total else frozenset()


_SENTENCE_END_RE = re.compile(r"(?:다|요|죠)[.!?]?[\"”’'」』)]*$")
# Convention: an interview's 일문일답 asks in the written style, a question mark or a full stop
# after a question ending (``- 가장 시급한 과제는 무엇인가.``, ``어떻게 보나.``) or a topic alone
# (``- 앞으로의 계획은.``); an outlet asks its stock questions in each of its interviews
_QUESTION_END_RE = re.compile(r"(?:[?？]|[은는가까나냐니지]\.)[\"”’'」』)]*$")


def _is_text_part(line: str) -> bool:
    """A line the text itself is made of: a part's heading under a release's mark, a sentence or
    an interview's question."""
    return (
        line.startswith(tuple(HEADING_BULLETS))
        or bool(_SENTENCE_END_RE.search(line))
        or bool(_QUESTION_END_RE.search(line))
    )


def _frequent(counts: Counter[str], need: int) -> frozenset[str]:
    """The texts counted at least ``need`` times, most frequent first, capped."""
    return frozenset(t for t, n in counts.most_common(MAX_TEMPLATE_LINES) if n >= need)


def _short(texts: Iterable[str]) -> tuple[str, ...]:
    """Distinct non-empty texts short enough to be template, capped."""
    kept = dict.fromkeys(t for t in texts if t and len(t) <= MAX_LINE_CHARS)
    return tuple(kept)[:MAX_LINES]
