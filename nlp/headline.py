"""The headline, chosen by agreement between independent candidates.

A page names its article in several places that its CMS fills independently: metadata
(JSON-LD ``headline``, ``og:title``, ``twitter:title``), the ``<title>`` tag, a heading or a
title cell printed above the body, and often the body's own first line. Each of them can be
wrong on its own — a viewer's window header in ``<title>``, a slogan in the page header's
``<h1>``, a board label in a heading, keywords glued to ``og:title`` — but they rarely agree on a
wrong text. So each candidate counts the *groups* of sources that agree with it, and the text
with the most support wins; ties go to the source nearest the article.

Candidates that are site-wide (the same text on many pages of the source: ``template``) or
that name a page type, a board or a site are refused before the vote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from lxml import etree, html

from nlp.cleanup import BOILERPLATE_RE, is_sentence
from nlp.dates import DATE_RE
from nlp.headings import HEADING_TAGS, front_page, headline_words, in_menu, title_marked, title_text
from nlp.titles import (
    MIN_TITLE_CHARS,
    SEPARATORS,
    clean_title,
    fold,
    is_board_after,
    is_box_heading,
    is_cms_words,
    is_headline,
    is_menu_path,
    is_outlet_name,
)

# Groups of sources that a CMS fills independently of each other.
META, TAG, PAGE, BODY = "meta", "tag", "page", "body"
# When support is equal: a heading printed just above the body first (it is what the reader
# sees), then metadata, then <title>, then headings further away.
GROUP_ORDER = {PAGE: 0, META: 1, TAG: 2, BODY: 4}
NEAR_RANKS = 2  # page headings ranked below this count as printed next to the article
MAX_INNER_LINES = 500  # sub-headings are looked for this far into the body
MARKED_RANK = 20  # title-marked elements come after the headings by the body and the page's h1s
FIRST_RANKS = frozenset({NEAR_RANKS, MARKED_RANK})  # the page's first <h1>, its first title-marked box
MIN_AGREE_CHARS = 8  # a shorter text agrees with a longer one only from this length on
MAX_TITLE_CHARS = 300
# Board views print the headline in a cell labelled 제목 (a th/dt/label before a td/dd/span).
_TITLE_LABEL = r"^\s*(?:글\s*)?(?:제\s*목|기사\s*제목|title|subject)\s*"
TITLE_LABEL_RE = re.compile(_TITLE_LABEL + r"[:：]?\s*$", re.IGNORECASE)
# ... and some print that label inside the headline's own box: ``<p>제목 : 한빛도, …</p>`` (a colon
# tells the label from a headline that starts with the word: 제목 없는 그림전; a label in an element of
# its own is dropped from the page first, ``drop_inline_labels``)
_TITLE_LABEL_HEAD_RE = re.compile(_TITLE_LABEL + r"[:：]\s*(?=\S)", re.IGNORECASE)
_KEY_DROP_RE = re.compile(r"[\s\"'“”‘’`「」『』<>《》〈〉\[\]()·.,…!?~]+")
_ELLIPSIS_RE = re.compile(r"(?:\.{2,}|…)\s*$")
_APPENDED_RE = re.compile(r"\s*[,|｜ㅣ:：\-–—/\[(<《〈·]")
_QUOTE_RE = re.compile(r"[\"“”‘’`]")
# Convention: metadata often carries a desk or region tag in brackets before the headline the
# page prints without it (``[가온]``, ``[단독]``, ``【포토】``).
_TAG_HEAD_RE = re.compile(r"^\s*[\[【〔<]\s*[^\]】〕>]{1,12}\s*[\]】〕>]\s*")
MIN_MARKED_CHARS, MAX_MARKED = 6, 8
SKIP_MARK_TAGS = frozenset(
    {"html", "head", "body", "script", "style", "meta", "title", "img", "input", "form"}
)
# …or styled bold inline, as e-mail newsletters and editors' pasted text set everything
# (``<td style="font-size:26px;font-weight:bold">제목</td>``)
_BOLD_ABOVE = etree.XPath(
    "preceding::*[self::b or self::strong or self::font"
    " or re:test(@style, 'font-weight\\s*:\\s*(?:bold|[6-9]00)', 'i')][position() <= 3]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
_FULL_DATE = r"(?:19|20)\d{2}\s?[.\-/년]\s?\d{1,2}\s?[.\-/월]\s?\d{1,2}"
_META_TAIL_RE = re.compile(
    rf"\s(?:날짜|일자|등록일|작성일|게시일|입력|수정일?|작성자|글쓴이|담당부서)\s*[:：|]?\s*{_FULL_DATE}"
    r"|\s(?:조회수?|hits?|views?)\s*[:：|]?\s*[\d,]+\s*$"
    rf"|\s{_FULL_DATE}\.?\s*일?\s*(?:\([월화수목금토일]\))?(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*(?:조회\s*[\d,]+)?$"
    # the byline the box prints before the date: ``제목 홍길동 기자 2024.05.03``
    rf"|\s[가-힣]{{2,4}}\s?기자\s*[|·/,]?\s*(?:(?:입력|등록|승인)\s*[:：]?\s*)?{_FULL_DATE}",
    re.IGNORECASE,
)
_CELL_TAGS = frozenset({"th", "td", "dt", "dd", "span", "strong", "b", "em", "label", "div", "li", "p"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One text offered as the headline, with the group of its source and its rank there."""

    text: str
    group: str
    rank: int = 0
    in_body: bool = False  # printed as the body's first line: the body cannot confirm it


def choose_headline(
    candidates: Iterable[Candidate],
    site_names: Sequence[str] = (),
    keywords: Sequence[str] = (),
    template: frozenset[str] = frozenset(),
    body: Sequence[str] = (),
    brands: Sequence[str] = (),
    page_text: Callable[[], str] | None = None,
) -> str | None:
    """The headline most sources agree on, in its cleanest printed form; ``None`` when none reads as one.

    Args:
        candidates: raw texts from metadata, ``<title>``, headings and the body opening.
        site_names: the site's names (stripped from candidates, never a headline).
        keywords: the page's meta keywords (a keyword list glued after a headline is cut).
        template: folded texts the source prints on many pages (never a headline).
        body: the body's lines: the first one confirms a headline a press release repeats;
            a heading equal to a later one is a sub-heading inside the article.
        brands: the names the site's front-page links print: never a headline, but never cut
            from one either (a city's name opens its own press releases: ``담양군 누리집, …``).
        page_text: the page's visible text without whitespace (asked only when a head title wins).
    """
    candidates = list(candidates)
    # short lines over the opening (a site's or section's name run in above the headline) are not
    # the body's first line: the line after them is, and only lines after it can be sub-headings
    # (a table's row is no opening line: a release's header table can open the text; nor is a
    # release's dashed deck, ``- 부제``, which HWP can set before the headline it repeats)
    first = next((i for i, line in enumerate(body) if _opening_line(line)), 0)
    printed = {_key(c.text) for c in candidates if c.in_body}
    # the heading found among the opening lines opens the text, not a slogan kept above it
    first = next((i for i, line in enumerate(body[:MAX_OPENING_LINES]) if _key(line) in printed), first)
    # …and so does a line the page prints as a heading or a title box further down the opening
    # lines: what the text took in above it (a sub-page banner's slogan) is above the headline
    heads = {_key(c.text) for c in candidates if c.group == PAGE and len(_key(c.text)) >= MIN_AGREE_CHARS}
    first = next(
        (i for i in range(first, min(len(body), first + MAX_OPENING_LINES)) if _key(body[i]) in heads), first
    )
    # a sub-heading divides the text, so it follows prose: a heading among the short lines the
    # text opens with (a link row or a most-read item kept above the headline) is no sub-heading
    prose = next((i for i in range(first, len(body)) if is_sentence(body[i])), len(body))
    inner = frozenset(
        _key(line)
        for index, line in enumerate(body[first + 1 : MAX_INNER_LINES], start=first + 1)
        if len(line) <= MAX_TITLE_CHARS and index > prose and not _subject_row(line, body[index - 1])
    )
    if body:
        # a release printing its headline again under its decks repeats the opening, the headline
        inner -= {_key(clean_title(body[first]) or body[first])}
    opening = [Candidate(body[first], BODY)] if body else []
    brand_keys = frozenset(_key(b) for b in brands)

    def clean(repeated: frozenset[str]) -> list[Candidate]:
        found = _clean_candidates([*candidates, *opening], site_names, keywords, repeated, inner)
        found = [_without_brand_head(_without_brand_tail(c, brands), brands, site_names) for c in found]
        return [c for c in found if c.group == BODY or not _brand_named(c.text, brand_keys, brands)]

    pool = clean(template)
    if template and not any(c.group != BODY for c in pool):
        # every candidate is one the source repeats. The page's own opening line, when it reads
        # as a headline, is the headline the template leaves standing; else two copies of one
        # article taught the template (a window header always leaves the real headline standing)
        unmarked = opening_title("\n".join(body), template)
        if unmarked is not None:
            return unmarked
        pool = clean(frozenset())
    pool = _without_bare_names(pool)
    if not pool:
        return None
    keys = [_key(c.text) for c in pool]
    support = [
        {
            pool[j].group
            for j in range(len(pool))
            if _agree(keys[i], keys[j], pool[i].text, pool[j].text)
            and not (pool[i].in_body and pool[j].group == BODY)
        }
        for i in range(len(pool))
    ]
    # Body lines only confirm: the body alone never names the headline, and the page's own head
    # (metadata, <title>, headings) agreeing outweighs a heading the text opens with (a sub-heading
    # a block editor sets first, ``<h2>`` inside the post)
    ranked = sorted(
        (i for i in range(len(pool)) if pool[i].group != BODY),
        key=lambda i: (-len(support[i] - {BODY}), -len(support[i]), _priority(pool[i]), pool[i].rank),
    )
    if not ranked:
        return None
    best = ranked[0]
    if page_text is not None and pool[best].group in (META, TAG):
        best = _printed_over_unprinted(pool, ranked, best, page_text)
    fuller = _fuller_printed(pool, keys, best)
    return pool[fuller].text if fuller is not None else _cleanest_form(pool, keys, best)


def _printed_over_unprinted(
    pool: list[Candidate], ranked: list[int], best: int, printed: Callable[[], str]
) -> int:
    """The heading printed over the text, when the head's title (``og:title``, ``<title>``) is
    printed nowhere on the page; else ``best``.

    Convention: an SEO plugin or a desk may rewrite the title written for search and sharing
    (``간병비 급여화 논쟁: … 해법``) while the page prints the newsroom's headline over the text;
    the reader's headline is the printed one. A head title the page also prints is left alone.
    """
    if "".join(pool[best].text.split()) in printed():
        return best
    # the page's first <h1> or first title-marked box before a heading found near the text, which
    # may be a sub-heading the text took in below its opening
    printed_first = sorted(
        (
            i
            for i in ranked
            if _printed_first(pool[i]) and not pool[i].in_body and headline_words(pool[i].text)
        ),
        key=lambda i: pool[i].rank < NEAR_RANKS,
    )
    return next(iter(printed_first), best)


def _subject_row(line: str, above: str) -> bool:
    """``line`` is a view's subject the text took in, not a sub-heading: it sits under a 제목 label
    (an old layout's ``제 목`` cell read as a line) or repeats the header row above it (``제목 …
    등록일 …`` over the post's own copy of its headline)."""
    if TITLE_LABEL_RE.match(above):
        return True
    key = _key(line)
    return len(key) >= MIN_AGREE_CHARS and len(_key(above)) > len(key) and key in _key(above)


def _printed_first(candidate: Candidate) -> bool:
    """A heading printed by the text, or the page's first ``<h1>`` or first title-marked box."""
    return candidate.group == PAGE and (candidate.rank < NEAR_RANKS or candidate.rank in FIRST_RANKS)


def _without_bare_names(pool: list[Candidate]) -> list[Candidate]:
    """The pool without a one-word ``<title>`` or ``og:title`` when a heading of words is printed by
    the text.

    Convention: a public body's site often titles every page with its own name alone
    (``<title>가온지방법원</title>``, the same ``og:title``); its releases open with that name
    (``가온지방법원, 전자소송 …``), so the name also reads as their shortened form. A headline is
    words; one word of letters in the window title, beside a printed heading, names the site.
    """
    # printed: a heading by the text, the page's first <h1>, or its first title-marked box
    # (``<div class="subject"><span class="num">No. 412</span> 제목</div>``)
    printed = any(_printed_first(c) and len(c.text.split()) >= 2 for c in pool)
    if not printed:
        return pool
    return [c for c in pool if c.group not in (META, TAG) or not _BARE_NAME_RE.fullmatch(c.text)]


_BARE_NAME_RE = re.compile(r"[가-힣A-Za-z]{2,20}")


def _fuller_printed(pool: list[Candidate], keys: list[str], best: int) -> int | None:
    """The heading printed over the text that tells the tagged headline at full length, or ``None``.

    Convention: a newsroom may tag a short form of its headline for sharing (``og:title``, and
    ``<title>`` built from it: ``재난 위험지도 개편``) while the page prints the full one over the
    text (``재난 위험지도 10년 만에 전면 개편``). The printed one is what the newsroom files when it
    holds every word of the short one, in order, with words added between them: a deck or a
    section run on after the headline adds words only at the end, a desk tag only in front.
    """
    if pool[best].group not in (META, TAG):
        return None
    short = _words(pool[best].text)
    if len(short) < 2:
        return None
    for i, candidate in enumerate(pool):
        if candidate.group != PAGE or candidate.in_body or candidate.rank >= NEAR_RANKS:
            continue
        if _agree(keys[best], keys[i], pool[best].text, candidate.text):
            continue
        long = _words(candidate.text)
        if len(short) < len(long) <= 2 * len(short) + 2 and _inserted_inside(short, long):
            return i
    return None


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(_norm(text))


_WORD_RE = re.compile(r"\w+")


def _inserted_inside(short: list[str], long: list[str]) -> bool:
    """``short`` is an ordered subsequence of ``long`` starting and ending on its ends' words,
    with at least one word of ``long`` between two of its own."""
    if long[0] != short[0] or long[-1] != short[-1]:
        return False
    at = 0
    for word in long:
        if at < len(short) and word == short[at]:
            at += 1
    return at == len(short)


def _without_brand_tail(candidate: Candidate, brands: Sequence[str]) -> Candidate:
    """A ``<title>`` that runs the site's brand on after the headline with only a space between
    (``제목 가람겨레``) without it. Only at the end: a city's name opens its own headlines."""
    if candidate.group != TAG:
        return candidate
    for brand in brands:
        head = candidate.text[: -len(brand)]
        if candidate.text.endswith(brand) and head.endswith(" ") and len(_key(head)) >= MIN_AGREE_CHARS:
            return Candidate(head.strip(), candidate.group, candidate.rank, candidate.in_body)
    return candidate


def _without_brand_head(candidate: Candidate, brands: Sequence[str], site_names: Sequence[str]) -> Candidate:
    """A window title opening with the site's brand and a spaced separator, without it (and the
    board's name after it): ``가람마을소식 - 마을뉴스 - 제목`` → ``제목``.

    Convention: some board CMSs (XE's default) title a post "site - board - subject". Only before a
    spaced separator: a city's name opens its own headlines with a comma (``가람군, …``).
    """
    if candidate.group not in (TAG, META):
        return candidate
    for brand in brands:
        rest = candidate.text[len(brand) :] if candidate.text.startswith(brand) else ""
        if not _SPACED_SEPARATOR_RE.match(rest):
            continue
        rest = _SPACED_SEPARATOR_RE.sub("", rest, count=1)
        parts = _SPACED_SEPARATOR_RE.split(rest, maxsplit=1)
        if len(parts) == 2 and is_board_after(parts[1], parts[0].strip()):
            rest = parts[1]  # the board's name between the site's and the subject
        text = clean_title(rest, site_names)
        if text and is_headline(text, site_names) and not _brand_named(text, frozenset(), brands):
            return Candidate(text, candidate.group, candidate.rank, candidate.in_body)
    return candidate


# Narrower than ``titles.SEPARATORS``: a spaced ``·`` or ``/`` after a brand joins words of the headline
# itself (``가온시 · 나래군 협약``) more often than it ends a brand. ``match`` anchors it at the start.
_SPACED_SEPARATOR_RE = re.compile(r"\s+(?:[-–—|｜>:]|::)\s+")


def _brand_named(text: str, brand_keys: frozenset[str], brands: Sequence[str]) -> bool:
    """``text`` is the site's brand, alone or with only words naming a kind of site after or before
    it (``가람신문 뉴스``, ``가람신문 인터넷신문``, ``가람군 누리집``).

    Convention: a site without a headline in its ``<title>`` prints its own name there, often with
    what it is; a headline that opens with the brand goes on with news (``가람군, 여름철 …``).
    """
    if _key(text) in brand_keys:
        return True
    for brand in brands:
        if text.startswith(brand):
            rest = text[len(brand) :]
        elif text.endswith(brand):
            rest = text[: -len(brand)]
        else:
            continue
        rest = _BRAND_JOIN_RE.sub(" ", rest).strip()
        if rest and (is_cms_words(rest) or (is_outlet_name(rest) and len(rest.split()) == 1)):
            return True
    return False


_BRAND_JOIN_RE = re.compile(r"[\s|｜:：\-–—·]+")


def _clean_candidates(
    candidates: Iterable[Candidate],
    site_names: Sequence[str],
    keywords: Sequence[str],
    template: frozenset[str],
    inner: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Candidates cleaned of site names and glued keywords; refused ones left out.

    ``inner`` holds the keys of lines inside the body: a heading printed there again is a
    sub-heading, but metadata and ``<title>`` name the page's article wherever the extractor
    found its text to begin (a body taken too wide starts with the page's chrome).
    """
    sites = list(site_names)
    templated = {_key(t) for t in template} - {""}
    candidates = list(candidates)
    cleaned = [
        fold(c.text or "")[:MAX_TITLE_CHARS]
        if c.group == BODY
        else clean_title(_strip_keywords(_boxed(c), keywords), sites, printed=c.group == PAGE) or ""
        for c in candidates
    ]
    confirmed = _confirmed_short(candidates, cleaned)
    pool: list[Candidate] = []
    for candidate, text in zip(candidates, cleaned, strict=True):
        raw = fold(candidate.text or "")[:MAX_TITLE_CHARS]
        if candidate.group != BODY:
            headline = is_headline(text, sites) or (_key(text) in confirmed and is_headline(text, sites, 1))
            refused = BOILERPLATE_RE.search(text) or TITLE_LABEL_RE.match(text) or is_box_heading(text)
            if not headline or refused:
                continue  # …or the 제목 label itself, printed in a cell of its own; or a box's heading
        if not text:
            continue
        if _key(text) in templated or _key(raw) in templated:
            continue
        if candidate.group in (PAGE, BODY) and (_key(text) in inner or _key(raw) in inner):
            continue
        pool.append(Candidate(text, candidate.group, candidate.rank, candidate.in_body))
    return pool


def _boxed(candidate: Candidate) -> str:
    """The candidate's text without a printed box's field label and info tail."""
    raw = fold(candidate.text or "")[:MAX_TITLE_CHARS]
    return _strip_meta_tail(_strip_label_head(raw)) if candidate.group == PAGE else raw


def _confirmed_short(candidates: list[Candidate], cleaned: list[str]) -> frozenset[str]:
    """Keys of headlines too short to stand alone (``장마 시작``, ``물가 비상``) that the page's heading
    and its metadata or ``<title>`` both give.

    Convention: a weekly's or a column's headline can be two short words; one source saying so
    could be a menu's or a box's words, but the printed heading and the window title agreeing name
    the article.
    """
    printed, declared = set(), set()
    for candidate, text in zip(candidates, cleaned, strict=True):
        if len(text.split()) < 2 or len(text.replace(" ", "")) >= MIN_TITLE_CHARS or is_cms_words(text):
            continue
        if _printed_first(candidate):
            printed.add(_key(text))
        elif candidate.group in (META, TAG):
            declared.add(_key(text))
    return frozenset(printed & declared)


def _cleanest_form(pool: list[Candidate], keys: list[str], best: int) -> str:
    """Among the texts agreeing with the winner, the shortest complete one (no ellipsis).

    A headline with keywords or a section appended agrees with the bare headline; the bare
    one is what the newsroom files.
    """
    forms = [
        c
        for i, c in enumerate(pool)
        if c.group != BODY and (i == best or _agree(keys[best], keys[i], pool[best].text, c.text))
    ]
    complete = [c for c in forms if not _ELLIPSIS_RE.search(c.text)]
    # Convention: the page prints its headline bare and ``<title>`` runs the site's path on after
    # it (``제목 : 사회일반 : 사회 : 뉴스 : 가람겨레``); the printed opening line it starts is the headline
    complete += [
        c
        for i, c in enumerate(pool)
        if c.group == BODY
        and len(keys[i]) < len(keys[best])
        and keys[best].startswith(keys[i])
        and _agree(keys[best], keys[i], pool[best].text, c.text)
        and not _ELLIPSIS_RE.search(c.text)
    ]
    if not complete:
        # Convention: a board cuts its ``<title>`` short (``제목...``); the line it starts, printed
        # over the text, is the headline whole
        printed = [
            c
            for i, c in enumerate(pool)
            if c.group == BODY and _agree(keys[best], keys[i], pool[best].text, c.text)
        ]
        complete = [c for c in printed if not _ELLIPSIS_RE.search(c.text)][:1] or forms
    first = {c.text: c for c in reversed(complete)}  # each text by the most trusted source giving it
    # of two spellings of one headline, the one with more words: a label element run into the
    # heading's text (``<span>단독</span>재난 …`` reads ``단독재난 …``) lost a boundary the tag keeps
    chosen = min(
        first.values(),
        key=lambda c: (len(_key(c.text)), -len(c.text.split()), GROUP_ORDER[c.group], pool.index(c)),
    ).text
    # Convention: the desk's tag printed before the headline (``[속보]``, ``[단독]``, ``[인터뷰]``) is
    # the headline's, as portals show it; metadata written for sharing drops it. A section's or a
    # series' label over the headline (``[캠퍼스]``, ``[기획-청년주거 ③]``) is a kicker, not one
    tagged = (
        c.text
        for c in complete
        if c.group == PAGE and (m := _TAG_HEAD_RE.match(c.text)) and _desk_tag(m.group())
        and _key(c.text[m.end() :]) == _key(chosen)
    )  # fmt: skip
    return next(tagged, chosen)


def _desk_tag(tag: str) -> bool:
    """``[속보]``, ``[종합2]``, ``【인터뷰】``: a desk's tag, whose words the headline keeps."""
    return _TAG_WORDS_RE.sub("", tag) in DESK_TAGS


DESK_TAGS = frozenset(
    {"속보", "단독", "긴급", "인터뷰", "포토", "영상", "기고", "사설", "칼럼", "시론", "종합", "르포", "현장"}
    | {"팩트체크", "해설", "분석"}
)
_TAG_WORDS_RE = re.compile(r"[\s\d\[\]【】〔〕<>]")


def _priority(candidate: Candidate) -> int:
    """Tie-break between candidates with equal support (lower first)."""
    if candidate.group == PAGE and candidate.rank >= NEAR_RANKS:
        return 3
    return GROUP_ORDER[candidate.group]


def _agree(a: str, b: str, a_text: str, b_text: str) -> bool:
    """Two candidates name the same headline: equal keys, or one is the other with a part appended
    after a separator (``제목 | 사이트``, ``제목, 키워드``, ``제목 - 부제``); a truncated candidate
    (``…``) agrees with the full one it starts."""
    if not a or not b:
        return False
    if a == b:
        return True
    (short, short_text), (long, long_text) = sorted(((a, a_text), (b, b_text)), key=lambda p: len(p[0]))
    tag = _TAG_HEAD_RE.match(long_text)
    if tag and len(short) >= MIN_AGREE_CHARS and _key(long_text[tag.end() :]) == short:
        return True  # ``[가온] 제목`` in metadata, ``제목`` printed: a region or desk tag put before it
    if len(short) >= MIN_AGREE_CHARS and long.endswith(short) and _site_first(long_text, short_text):
        return True  # ``가온프레스 | 제목`` in metadata, ``제목`` printed: the site's name put first
    if len(short) < MIN_AGREE_CHARS or not long.startswith(short):
        return False
    if _ELLIPSIS_RE.search(short_text):
        return True
    head, tail = _norm(short_text), _norm(long_text)
    return tail.startswith(head) and bool(_APPENDED_RE.match(tail, len(head)))


def _site_first(long_text: str, short_text: str) -> bool:
    """``long_text`` is ``short_text`` after a short name and a separator (``가온프레스 | 제목``,
    ``가온프레스｜제목``): a window title that names the site first."""
    head, tail = _norm(long_text), _norm(short_text)
    if not head.endswith(tail):
        return False
    match = _SITE_HEAD_RE.fullmatch(head[: -len(tail)])
    return match is not None


# a name of at most three words, then a title separator: the site before the headline
_SITE_HEAD_RE = re.compile(rf"\s*[^\s|｜ㅣ‖]+(?: [^\s|｜ㅣ‖]+){{0,2}}?(?:{SEPARATORS})\s*")


def _norm(text: str) -> str:
    """Folded, lower case, one kind of quote: enough to find where one text continues another."""
    return _QUOTE_RE.sub("'", fold(text)).lower()


def _key(text: str) -> str:
    """A comparison key: lower case, without spaces, quotes, brackets and punctuation."""
    return _KEY_DROP_RE.sub("", _ELLIPSIS_RE.sub("", text)).lower()


def _strip_label_head(text: str) -> str:
    """The headline without the field label a board prints before it in the same box (``제목 …``)."""
    stripped = _TITLE_LABEL_HEAD_RE.sub("", text, count=1)
    return stripped if len(stripped) >= MIN_AGREE_CHARS else text


def _strip_meta_tail(text: str) -> str:
    """The headline without the date, view count or writer printed after it in the same box
    (``제목 날짜 2025.12.10 조회수 52``).

    Convention: board views put the post's metadata in the title box, each after its label.
    """
    match = _META_TAIL_RE.search(text)
    return text[: match.start()].strip() if match and match.start() >= MIN_AGREE_CHARS else text


def _strip_keywords(text: str, keywords: Sequence[str]) -> str:
    """Cut a list of the page's meta keywords glued after the headline (``제목, 시이름, 도이름``).

    Convention: some CMSs build ``og:title``/``<title>`` from the headline and the keywords
    field; the cut needs at least two trailing comma-separated items that are page keywords.
    """
    if not keywords or "," not in text:
        return text
    known = {_key(k) for k in keywords if _key(k)}
    parts = text.split(",")
    cut = len(parts)
    while cut > 1 and _key(parts[cut - 1]) in known:
        cut -= 1
    if len(parts) - cut >= 2:
        return ",".join(parts[:cut]).strip()
    return text


def drop_inline_labels(tree: html.HtmlElement) -> int:
    """Drop 제목-label elements that open a line whose value follows as text in the same element
    (``<div class="title"><span>제목</span> 한빛도, …</div>``), keeping that text; how many.

    Convention: board views label their fields; where the value is not a cell of its own, the
    label is a ``span``/``strong`` at the start of the headline's box, and without it the box reads
    as the headline.
    """
    labels = [
        element
        for element in tree.iter(*_CELL_TAGS)
        if len(element) == 0
        and TITLE_LABEL_RE.match(fold(element.text or ""))
        and _WORD_RE.search(element.tail or "")  # a value, not the label's own colon (``<b>Subject</b> :``)
        and element.getparent() is not None
        and not fold(element.getparent().text or "")
    ]
    for label in labels:
        label.drop_tree()  # lxml keeps the tail: the headline stays where it was
    return len(labels)


def title_cells(tree: html.HtmlElement) -> list[str]:
    """Texts printed in a cell labelled 제목 (board views: ``<th>제목</th><td>…</td>``), and a view
    header's term over its writer and date (``<dl><dt>제목</dt><dd>작성일 : 2024.12.03</dd></dl>``)."""
    found = _headed_terms(tree)
    for element in tree.iter(*_CELL_TAGS):
        # the label's own text, or all of it when short: a cell may wrap its label (``<td><font>Subject
        # :</font></td>``, an old board's English labels)
        whole = _bounded_text(element, MAX_LABEL_CHARS)
        own = whole if whole is not None else fold(element.text or "")
        if not own or len(own) > MAX_LABEL_CHARS or not TITLE_LABEL_RE.match(own):
            continue
        value = element.getnext()
        if value is not None and isinstance(value.tag, str):
            # a deck the cell sets under its headline (``<p>- 부제</p>``, one or more) goes
            text = _before_blocks(value) or title_text(value)
            if text:
                found.append(text)
    return found


MAX_LABEL_CHARS = 12  # ``글 제목 :``, ``Subject :``


def _bounded_text(element: html.HtmlElement, limit: int) -> str | None:
    """The element's folded text when it is at most ``limit`` characters, else ``None``; reads no
    further than the limit (every cell of a deeply nested page is asked)."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece.strip())
        if size > 2 * limit:
            break
    text = fold("".join(pieces))
    return text if len(text) <= limit else None


def _opening_line(line: str) -> bool:
    """A body line that can open the text: long enough, and no table row, dashed deck, dated
    banner (an old masthead's ``2025년 06월 10일 화요일 | 로그인`` the extractor kept) or menu path
    (the view's ``농민신보 > 농업`` over the headline)."""
    if len(line) < MIN_AGREE_CHARS or line[0] in "|-" or is_menu_path(line):
        return False
    return not (len(line) <= DATE_BANNER_CHARS and DATE_RE.search(line))


DATE_BANNER_CHARS = 40


def _before_blocks(cell: html.HtmlElement) -> str:
    """The text a cell holds before its first block child (``제목<p>- 부제</p><p>- 부제</p>``), or ``""``."""
    parts = [cell.text or ""]
    for child in cell:
        if isinstance(child.tag, str) and child.tag in _DECK_BLOCKS:
            head = fold("".join(parts))
            return head if len(head) >= MIN_MARKED_CHARS else ""
        parts.append((child.text_content() if isinstance(child.tag, str) else "") + (child.tail or ""))
    return ""


_DECK_BLOCKS = frozenset({"p", "div", "ul", "ol", "dl", "br"})


def _headed_terms(tree: html.HtmlElement) -> list[str]:
    """Convention: a board view prints its header as a list, the post's subject the first term and
    its writer and date the description under it; a glossary's terms have no dates under them."""
    found: list[str] = []
    for term in tree.iter("dt"):
        parent, value = term.getparent(), term.getnext()
        if parent is None or parent.find("dt") is not term or value is None or value.tag != "dd":
            continue
        text = title_text(term)
        if _subject_over_info(text, fold(value.text_content())):
            found.append(text)
    return found


def _subject_over_info(text: str, info: str) -> bool:
    """A headline-length subject over a short info line with a date (the writer's and date's)."""
    return (
        MIN_MARKED_CHARS <= len(text) <= MAX_TITLE_CHARS
        and len(info) <= MAX_INFO_CHARS
        and bool(DATE_RE.search(info))
    )


MAX_INFO_CHARS = 120


def headed_tables(tree: html.HtmlElement) -> list[str]:
    """Subjects of board views set as tables; read before layout tables are unwrapped into blocks.

    Convention: a board view set as a table heads it with the post's subject alone in one header
    cell (``<thead><tr><th>제목</th></tr></thead>``) over a row of its writer and date; a data
    table's header row names several columns, and a caption names the table, not a post."""
    found: list[str] = []
    for table in tree.iter("table"):
        rows = _ROWS(table)
        if len(rows) < 2:
            continue
        cells = [c for c in rows[0] if isinstance(c.tag, str) and c.tag in ("th", "td")]
        if len(cells) != 1 or cells[0].tag != "th":
            continue
        text = title_text(cells[0])
        if _subject_over_info(text, fold(rows[1].text_content())) and not DATE_RE.search(text):
            found.append(text)
    return found


_ROWS = etree.XPath("./tr | ./thead/tr | ./tbody/tr")


def marked_titles(elements: Sequence[html.HtmlElement], stop: html.HtmlElement | None = None) -> list[str]:
    """Texts of elements a template marks as a title (class or id ``tit``/``subject``/``headline``),
    outside menus and links, in page order up to ``stop`` (the body's first line).

    Convention: CMS templates name the headline's element for their stylesheet, and print it
    before the article text.
    """
    found: list[str] = []
    for element in elements:
        if element is stop or len(found) >= MAX_MARKED:
            break
        if element.tag in SKIP_MARK_TAGS or not (element.get("class") or element.get("id")):
            continue
        if not title_marked(element):
            continue
        if element.tag == "a" or in_menu(element) or is_home_link(element):
            continue
        text = title_text(element) or _pictured_title(element)
        if MIN_MARKED_CHARS <= len(text) <= MAX_TITLE_CHARS:
            found.append(text)
    return found


def _pictured_title(element: html.HtmlElement) -> str:
    """The ``alt`` of the one picture a text-less title box holds, when it reads as words.

    Convention: photo and card-news boards set a headline as an image of lettering (``<div
    class="photo_tit"><img src="…_tit.png" alt="[포토] 장맛비에 젖은 출근길"></div>``); its
    ``alt`` carries the words for screen readers (KWCAG).
    """
    pictures = list(element.iter("img"))
    if len(pictures) != 1:
        return ""
    alt = fold(pictures[0].get("alt") or "")
    return alt if len(alt.split()) >= 2 else ""


def bold_lines_above(first_line: html.HtmlElement | None) -> list[str]:
    """Stand-alone bold lines just above the body's first line, nearest first.

    Convention: older CMSs and archive viewers print the headline as a bold line
    (``<b>``, ``<strong>``, ``<font>``) filling its own block right before the text.
    """
    if first_line is None:
        return []
    found: list[tuple[html.HtmlElement, str]] = []
    above = _BOLD_ABOVE(first_line)
    # a heading of a headline's words between a bold line and the text is the headline; the bold
    # line above it is a banner's slogan or a box's name (``<strong>교육이 희망입니다</strong>``)
    heads = [first_line] if first_line.tag in HEADING_TAGS else []
    heading = next(
        (h for h in [*heads, *_HEADINGS_ABOVE(first_line)] if headline_words(fold(h.text_content()))), None
    )
    if heading is not None:
        start = _ORDER(heading)
        above = [e for e in above if _ORDER(e) > start]
    for element in [*reversed(_bold_inside(first_line)), *reversed(above)]:
        text = fold(element.text_content())
        if (
            own_line(element, text)
            and MIN_MARKED_CHARS <= len(text) <= MAX_TITLE_CHARS
            and not in_menu(element)
            and not _links_only(element, text)
            and not DATE_RE.search(text)  # a masthead's issue line: ``제850호 | 발행일 2025.06.05``
        ):
            found.append((element, text))
    # Convention: an old layout sets the headline in the largest font, its deck under it smaller
    # (``<font size=4><b>제목</b></font><br><font size=3>부제</font>``): the largest goes first
    found.sort(key=lambda pair: -_font_weight(pair[0]))
    return list(dict.fromkeys(text for _, text in found))


_HEADINGS_ABOVE = etree.XPath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4][position() <= 2]")


_ORDER = etree.XPath("count(preceding::*) + count(ancestor::*)")  # an element's place in page order


def _links_only(element: html.HtmlElement, text: str) -> bool:
    """The line is a run of links (an old layout's menu set in one ``<font>``: ``지역소식<br>교육…``)."""
    links = [fold(a.text_content()) for a in element.iter("a")]
    return len(links) >= 2 and sum(len(t) for t in links) >= MENU_LINK_SHARE * len(text)


MENU_LINK_SHARE = 0.8


def _font_size(value: str) -> int:
    """HTML's ``<font size>``: 1–7, or relative to the default 3 (``+2`` is 5)."""
    return 3 + int(value) if value[0] in "+-" else int(value)


_FONT_SIZE_RE = re.compile(r"[+-]?[1-7]")


def _font_weight(element: html.HtmlElement) -> int:
    """How large a line is set: its ``<font size>`` or inline CSS ``font-size`` (3 without one), one
    more when it is bold."""
    sized = (element, *element.iterancestors("font"), *element.iter("font"))
    sizes = [(e.get("size") or "").strip() for e in sized]
    size = next((_font_size(v) for v in sizes if _FONT_SIZE_RE.fullmatch(v)), 0)
    size = size or next(filter(None, (_css_size(e.get("style") or "") for e in (*sized, *element.iter()))), 3)
    bold = (
        element.tag in ("b", "strong")
        or any(True for _ in element.iter("b", "strong"))
        or any(True for _ in element.iterancestors("b", "strong"))
        or bool(_CSS_BOLD_RE.search(element.get("style") or ""))
    )
    return 2 * size + bold


def _css_size(style: str) -> int:
    """An inline ``font-size`` in px or pt as ``<font size>``'s 1–7 (16px is 3, 24px 5), or 0."""
    match = _CSS_SIZE_RE.search(style)
    if not match:
        return 0
    px = float(match.group(1)) * (4 / 3 if match.group(2).lower() == "pt" else 1)
    return 1 + sum(px >= step for step in _FONT_STEPS_PX)


_CSS_SIZE_RE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt)", re.IGNORECASE)
_CSS_BOLD_RE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_FONT_STEPS_PX = (12, 15, 17, 21, 28, 40)  # the browsers' sizes for <font size=1…7>: 10 13 16 18 24 32 48


def own_line(element: html.HtmlElement, text: str) -> bool:
    """``element`` (whose text is ``text``) fills a line of its own: its block holds nothing else, or
    it stands between line breaks among loose lines (``<td><b>제목</b><br>본문…``)."""
    parent = element.getparent()
    if parent is None:
        return False
    if element.tag in _LINE_BLOCKS or fold(parent.text_content()) == text:
        return True  # a block is a line of its own (a ``<div style="font-weight:bold">`` headline)
    before = element.getprevious()
    opens = (
        not fold(parent.text or "") if before is None else before.tag == "br" and not fold(before.tail or "")
    )
    after = element.getnext()
    return opens and not fold(element.tail or "") and (after is None or after.tag == "br")


_LINE_BLOCKS = frozenset(
    {"div", "p", "td", "th", "li", "dt", "dd", "center", "h1", "h2", "h3", "h4", "h5", "h6"}
)


def _bold_inside(first_line: html.HtmlElement) -> list[html.HtmlElement]:
    """Bold elements inside ``first_line`` before its own text starts, in page order.

    Convention: a CMS without paragraphs writes headline and text as loose lines in one cell
    (``<td><center><b>제목</b></center><br>입력 …<br>본문…``): the line the body starts with is then
    the cell's own text after the ``<br>``s (the extractor leaves the centred headline out), and the
    headline is inside the cell, not before it.
    """
    found: list[html.HtmlElement] = []
    if len(fold(first_line.text or "")) >= MIN_MARKED_CHARS:
        return found
    for child in first_line:
        if not isinstance(child.tag, str):
            continue
        found.extend(e for e in child.iter("b", "strong", "font") if len(found) < MAX_MARKED)
        if len(fold(child.tail or "")) >= MIN_MARKED_CHARS:
            break  # the cell's own text has begun
    return found


def opening_headings(tree: html.HtmlElement, body: str) -> list[str]:
    """A heading (``h1``–``h4``) whose text is the body's first line: the extractor took the
    headline into the body, so no heading stands above it.

    Convention: a CMS prints the headline as a heading directly before the text. Short lines
    above it (a menu word or a section label the extractor kept) do not hide it: as in
    ``choose_headline``, the first line of at least ``MIN_AGREE_CHARS`` is the opening.
    """
    # menu words an extractor's fallback kept above the headline are short: past them, the opening
    opening = [line for line in body_lines(body) if len(line) >= MIN_AGREE_CHARS][:MAX_OPENING_LINES]
    opening = [line for line in opening if len(line) <= MAX_TITLE_CHARS]
    if not opening:
        return []
    # a slogan or label the extractor kept above the heading is a plain line: the heading wins
    printed = {fold(h.text_content()): h for h in reversed(list(tree.iter("h1", "h2", "h3", "h4")))}
    before_text: list[str] = []
    for line in opening:
        heading = printed.get(line)
        if heading is not None and not in_menu(heading):
            return [line]
        if _SENTENCE_END_RE.search(line):
            break  # the text has begun
        before_text.append(line)
    # no heading among them: a line set bold (a banner's slogan set bold over a heading is not)
    return next(([line] for line in before_text if _opening_bold(tree, line)), [])


def _opening_bold(tree: html.HtmlElement, first: str) -> bool:
    """The body's first line when the page prints it as a bold block of its own.

    Convention: older CMSs and word-processor conversions print the headline as a bold line
    (``<p><strong>…</strong></p>``, a ``<b>`` filling a table cell or a line between ``<br>``s) right
    before the text, as in ``bold_lines_above``; an extractor that keeps it as the body's first line
    hides it from there.
    A sentence in bold (``…했다.``) is a lead, not a headline.
    """
    if len(first) < MIN_MARKED_CHARS or _SENTENCE_END_RE.search(first):
        return False
    for element in _BOLD_ELEMENTS(tree):
        text = fold(element.text_content())
        if text == first and own_line(element, text) and not in_menu(element):
            return True
    return False


# ``<b>``, ``<strong>``, or an element styled bold inline (a mailed newsletter's headline cell)
_BOLD_ELEMENTS = etree.XPath(
    "//*[self::b or self::strong or re:test(@style, 'font-weight\\s*:\\s*(?:bold|[6-9]00)', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


# a sentence ends with its period (headlines drop it: ``…두 배로 늘린다``)
_SENTENCE_END_RE = re.compile(r"(?:다|요|죠|음|함)\s*[.。][\"'”’)]*$")


def opening_title(body: str, template: frozenset[str] = frozenset()) -> str | None:
    """The body's first line as the headline, when no candidate is left and that line reads as one.

    Convention: an article's text is preceded by its headline. When nothing on the page marks the
    headline (no metadata, a generic ``<title>``, a plain ``<p>`` above the text), the extractor's
    first line is it if it is short, not a sentence, not a list item and not a date or label
    line, and text follows it. The source's repeated texts (``template``) above it are skipped.
    """
    repeated = {_key(t) for t in template}
    lines = body_lines(body)
    # a slogan the source prints above every article, a menu word, a site name or a row of links
    # (``로그인 | 신문구독``) run in above it
    while lines and (
        _key(lines[0]) in repeated or len(lines[0]) < MIN_AGREE_CHARS or _LINK_ROW_RE.match(lines[0])
    ):
        lines = lines[1:]
    # a release's issuer printed over its headline (``남부권 산학협력단``): a short label, then a line
    # that reads as a headline, then the text
    if len(lines) > 2 and len(lines[0]) < MIN_OPENING_CHARS * 2 and not _reads_as_opening(lines[0]):
        lines = lines[1:] if _reads_as_opening(lines[1]) else lines
    if len(lines) < 2 or not _reads_as_opening(lines[0]):
        return None
    first = lines[0]
    return first if len(lines[1]) > len(first) or len(lines) > 2 else None


def _reads_as_opening(line: str) -> bool:
    """A line of headline length and shape: no sentence, no list mark, no label or date line."""
    if not MIN_OPENING_CHARS <= len(line) <= MAX_OPENING_CHARS or line[0] in OPENING_MARKS:
        return False
    if _SENTENCE_END_RE.search(line) or line.endswith((".", ":", "：")) or BOILERPLATE_RE.search(line):
        return False
    return is_headline(line)


MIN_OPENING_CHARS, MAX_OPENING_CHARS = 10, 120
# a row of one- or two-word links set apart by bars: a header's tools, never a headline
_LINK_ROW_RE = re.compile(r"[^|\s]{1,8}(?: [^|\s]{1,8})?(?:\s*\|\s*[^|\s]{1,8}(?: [^|\s]{1,8})?)+$")
MAX_OPENING_LINES = 3  # body lines a headline taken into the text may sit under (labels, a slogan)
OPENING_MARKS = "-–—•·*□■○●◇◆▶▷►※☞<([【〔#0123456789←→↑↓«»‹›"


def brand_names(tree: html.HtmlElement) -> list[str]:
    """The names the site's own front-page links print: a logo's ``alt`` or the link's words.

    Convention: a page's brand links to its own front page (``<a href="/"><img alt="가람일보"></a>``);
    that name is the site's, never an article's headline, in whatever script it is written
    (``GARAM NEWS`` reads like no Korean outlet name).
    """
    found: list[str] = []
    for link in tree.iter("a"):
        if len(found) >= MAX_BRANDS:
            break
        href = (link.get("href") or "").strip().lower()
        if href.startswith(("http:", "https:", "//")) or not front_page(href):
            continue  # another site's front page: a banner to 정부24 names no brand of this one
        text = fold(link.text_content()) or fold(" ".join(img.get("alt") or "" for img in link.iter("img")))
        if MIN_BRAND_CHARS <= len(text.replace(" ", "")) <= MAX_BRAND_CHARS and not is_cms_words(text):
            found.append(text)
    return list(dict.fromkeys(found))


MAX_BRANDS = 3
MIN_BRAND_CHARS = 3
MAX_BRAND_CHARS = 20  # a name in Latin letters runs longer than a Korean one: ``GAON WEEKLY NEWS``


def is_home_link(element: html.HtmlElement) -> bool:
    """The element is or sits in a link to the site's front page (a logo or a slogan, not an article).

    Convention: a site's brand in the page header links to ``/`` (or ``index.*``, ``./``).
    """
    if element.tag == "a" and front_page(element.get("href")):
        return True
    if any(front_page(a.get("href")) for a in element.iterancestors("a")):
        return True
    inner = list(element.iterdescendants("a"))  # a heading that is nothing but a home link
    return (
        bool(inner)
        and any(front_page(a.get("href")) for a in inner)
        and len(fold(element.text_content())) == len(fold(" ".join(a.text_content() for a in inner)))
    )


def body_lines(body: str) -> list[str]:
    """The body's non-empty lines, folded."""
    return [line for line in (fold(raw) for raw in body.splitlines()) if line]
