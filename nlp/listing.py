"""Index pages: find the repeated article links (hrefs, ``javascript:`` and ``onclick`` ids)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from lxml import html

from nlp.titles import fold

MIN_LINKS = 6
MIN_LIST_LINKS = 3  # a short list counts when every link has its own list item and there is no prose
ITEM_TAGS = frozenset({"li", "tr", "dd", "dt", "article"})  # an HTML5 card is an <article> of its own
MIN_HEADLINE_CHARS = 8
MAX_ANCHORS = 20_000  # links read per page: index pages list far fewer; keeps huge pages linear
HEADLINE_SHARE = 0.6
MAX_PROSE_CHARS = 400  # one sentence of prose outside the article links at most: an index page
MAX_PAIR_CHECKS = 2_000_000  # line × link-text substring checks before only exact matches count
PROSE_SHARE = 0.2  # …or prose under this share of the text inside the links
PAGING_KEYS = frozenset(
    {"page", "pageindex", "pageno", "page_no", "pagenum", "cpage", "curpage", "currentpage", "pg", "p",
     "start", "offset", "npage", "pagesize", "pageunit", "rows", "listsize"}
)  # fmt: skip
# Search-form state that list pages append to every link; it never identifies an article.
STATE_KEYS = PAGING_KEYS | {
    "startdate", "enddate", "period", "srchword", "srchtype", "searchword", "searchtype", "searchkeyword",
    "searchcondition", "searchcnd", "searchwrd", "sword", "stype", "sort", "sortorder", "listtype",
}  # fmt: skip
NAV_TEXT_RE = re.compile(
    r"^(?:\d+|처음|이전|다음|마지막|맨\s*앞|맨\s*뒤|더\s*보기|more|next|prev|[<>«»‹›]+)$", re.I
)
MENU_MARKS_RE = re.compile(r"(?:^|[\s_-])(?:gnb|lnb|snb|nav|menu|footer|header|sitemap|quick)", re.I)
# Convention (HTML sectioning; HTML-AAM maps <header>/<footer> to the page's banner/contentinfo only
# outside <article>): a header or footer inside an <article> is that post's own (its headline link,
# date, ``Read more``), as a CMS loop prints each post of an index: not site chrome.
CHROME_MARKS_RE = re.compile(r"(?:^|[\s_-])(?:gnb|lnb|snb|nav|menu|sitemap|quick)", re.I)
SENTENCE_END_RE = re.compile(r"(?:다|요|죠|니다|까)\s*[.!?]?[\"'”’)]*\s*$|[.!?。]\s*$")
# ``function view(seq) { location.href = "/v.do?no=" + seq; }``: the function's parameters and the
# body's first string put together with ``+`` (``"/v.do?bbsId=" + bbsId + "&nttId=" + nttId``)
_FUNCTION_RE = re.compile(r"function\s+([\w$]+)\s*\(([^)]*)\)\s*\{([^}]{0,600})")
_CONCAT_RE = re.compile(r"""["'][^"'\s]*["'](?:\s*\+\s*(?:["'][^"'\s]*["']|[\w$]+))+""")
_TOKEN_RE = re.compile(r"""["']([^"']*)["']|([\w$]+)""")
_JS_CALL_RE = re.compile(r"([A-Za-z_$][\w$.]*)\s*\(\s*([^)]*)\)")
_ID_ARG_RE = re.compile(r"""^\s*["']?(\d{3,})["']?\s*$""")
# a handler that names its URL outright: ``onclick="location.href='/bbs/view.do?idx=12'"``
_DIRECT_URL_RE = re.compile(
    r"""(?:location(?:\.href)?\s*=|location\.(?:replace|assign)\s*\(|window\.open\s*\()\s*["']([^"']+)["']"""
)
# an anchor that leaves its row's handler to open the post: ``<tr onclick="fn_view('12')"><a href="#">``
_EMPTY_HREFS = frozenset(
    {"", "#", "#none", "#n", "javascript:;", "javascript:void(0)", "javascript:void(0);"}
)
MAX_ROW_LEVELS = 4


@dataclass(frozen=True, slots=True)
class Anchor:
    """One link on the page: its target (resolved when possible), its text, where it sits.

    ``item`` is the text of the list item or table row holding an article-like link, if any.
    """

    url: str
    text: str
    in_menu: bool = False
    item: str = ""


def page_anchors(tree: html.HtmlElement, base: str | None) -> list[Anchor]:
    """Every ``<a>`` target in page order (the first ``MAX_ANCHORS``), with ``javascript:``/``onclick``
    ids resolved if possible."""
    places = _Places()
    resolved: dict[str, str] = {}
    anchors: list[Anchor] = []
    pending: list[tuple[str, tuple[str, ...], str, str]] = []
    for count, link in enumerate(tree.iter("a")):
        if count >= MAX_ANCHORS:
            break
        text, parent = fold(link.text_content()), link.getparent()
        menu = places.in_menu(parent)
        href = (link.get("href") or "").strip()
        handler = link.get("onclick") or ""
        if href.lower() in _EMPTY_HREFS and not handler:
            handler = _row_handler(link)
        direct = _DIRECT_URL_RE.search(handler) if href.lower() in _EMPTY_HREFS else None
        href = direct.group(1).strip() if direct else href
        if href and not href.lower().startswith(("javascript:", "#", "mailto:", "tel:")):
            url = resolved.get(href)
            if url is None:
                url = resolved[href] = _resolve(base, href)
            if not url:
                continue
            item = places.item_text(parent) if not menu and _article_like(url) else ""
            anchors.append(Anchor(url, text, menu, item))
            continue
        script = href[11:] if href.lower().startswith("javascript:") else ""
        call = _js_call(script) or _js_call(handler)
        if call:
            pending.append((call[0], call[1], text, "" if menu else places.item_text(parent)))
            anchors.append(Anchor("", text, menu))
    return _fill_js(anchors, pending, tree, base)


def _row_handler(link: html.HtmlElement) -> str:
    """The ``onclick`` of the list item or table row an empty link sits in, or ``""``.

    Convention: boards make the whole row clickable (``<tr onclick="fn_view('123')">``) and leave
    the headline's own link empty (``href="#"``); the row's handler is the link's.
    """
    node = link.getparent()
    for _ in range(MAX_ROW_LEVELS):
        if node is None:
            break
        if node.get("onclick") and (node.tag in ITEM_TAGS or _is_row(node)):
            return str(node.get("onclick"))
        node = node.getparent()
    return ""


def article_links(anchors: list[Anchor], every: bool = False) -> list[Anchor]:
    """The largest group of article-like links sharing one URL pattern, deduplicated in page order;
    with ``every``, the links of every such group of ``MIN_LINKS`` or more (an index page's sections:
    a search page lists news, notices and photos, each under its own URL pattern).

    A group needs ``MIN_LINKS`` articles, or ``MIN_LIST_LINKS`` when each sits in its own list
    item or table row (a short board or press-release list).
    """
    groups: dict[tuple[str, str, tuple[str, ...]], list[Anchor]] = defaultdict(list)
    for anchor in anchors:
        if (
            anchor.url
            and not anchor.in_menu
            and not NAV_TEXT_RE.match(anchor.text)
            and _article_like(anchor.url)
        ):
            groups[_pattern(anchor.url)].append(anchor)
    best: list[Anchor] = []
    found: list[list[Anchor]] = []
    for members in groups.values():
        # a thumbnail's link beside the headline's, to the same article, has no words of its own;
        # a card's ``Read more`` beside its headline's link is the same article: each counts once,
        # by its longest words
        worded = [a for a in members if a.text]
        unique = _unique(worded)
        longest: dict[str, int] = {}
        for a in worded:  # (``…/post/#comments`` is the post's link too)
            key = _dedupe_key(a.url)
            longest[key] = max(longest.get(key, 0), len(a.text))
        headline = [n for n in longest.values() if n >= MIN_HEADLINE_CHARS]
        if not worded or len(headline) < HEADLINE_SHARE * len(longest):
            continue
        if len(unique) >= MIN_LINKS:  # a section of its own, not a side box of a few links
            found.append(unique)
        if len(unique) > len(best):
            best = unique
    if not _enough(best):
        return []
    if not every or len(found) < 2:
        return best
    order = {id(anchor): index for index, anchor in enumerate(anchors)}
    return _unique(sorted((a for group in found for a in group), key=lambda a: order[id(a)]))


def _enough(links: list[Anchor]) -> bool:
    return len(links) >= MIN_LINKS or (len(links) >= MIN_LIST_LINKS and _one_per_item(links))


def script_rows(anchors: list[Anchor]) -> list[Anchor]:
    """Rows of a board whose links open their posts by a script the page does not carry
    (``<a href="javascript:fn_view('1234')">``, ``onclick="fnDetail(…)"``): no URL to follow, but
    one headline per row, as an index prints them.

    Convention: boards built on the public sector's framework open a post by a script function
    defined in a shared file; such a page is an index all the same, never an article.
    """
    rows = [
        a
        for a in anchors
        if not a.url
        and not a.in_menu
        and a.item
        and len(a.text) >= MIN_HEADLINE_CHARS
        and not NAV_TEXT_RE.match(a.text)
    ]
    return rows if len(rows) >= MIN_LIST_LINKS and _one_per_item(rows) else []


def teaser_texts(anchors: list[Anchor]) -> list[str]:
    """Headlines of other articles listed on the page (related / most-read boxes): a body line
    that is exactly one of them belongs to such a box, not to the article.

    Convention: such boxes link each headline to an article URL, as list items or as
    paragraphs of their own (``▶ 관련기사`` followed by one linked headline per line).
    """
    return [
        a.text
        for a in anchors
        if not a.in_menu and (a.item or _article_like(a.url)) and len(a.text) >= MIN_HEADLINE_CHARS
    ]


def teaser_items(anchors: list[Anchor]) -> list[str]:
    """Texts of the list items and table rows that hold another article's linked headline (the
    headline with its summary, date or source), for items short enough to be such a teaser.

    Convention: a related or most-read box prints each story as one item: the linked headline,
    often a summary line beside it outside the link; the whole item belongs to the box.
    """
    return [
        a.item
        for a in anchors
        if a.item
        and not a.in_menu
        and len(a.text) >= MIN_HEADLINE_CHARS
        and len(a.item) <= MAX_TEASER_ITEM_CHARS
    ]


MAX_TEASER_ITEM_CHARS = 300


def _one_per_item(links: list[Anchor]) -> bool:
    """Every link sits in a list item or table row of its own."""
    items = [a.item for a in links]
    return all(items) and len(set(items)) == len(items)


class _Places:
    """Where elements sit: inside a menu, inside a list item; one walk up per element at most."""

    def __init__(self) -> None:
        self._menu: dict[html.HtmlElement, tuple[bool, bool]] = {}  # (in a menu, inside an <article>)
        self._item: dict[html.HtmlElement, html.HtmlElement | None] = {}
        self._texts: dict[html.HtmlElement, str] = {}

    def in_menu(self, node: html.HtmlElement | None) -> bool:
        """True when ``node`` or an ancestor is ``<nav>``, a menu block, or the page's ``<header>`` or
        ``<footer>`` (not an ``<article>``'s own)."""
        path: list[html.HtmlElement] = []
        while node is not None and node not in self._menu:
            path.append(node)
            node = node.getparent()
        flag, in_article = self._menu[node] if node is not None else (False, False)
        for element in reversed(path):
            flag = flag or _menu_mark(element, in_article)
            in_article = in_article or element.tag == "article"
            self._menu[element] = (flag, in_article)
        return flag

    def item_text(self, node: html.HtmlElement | None) -> str:
        """Text of the nearest ``<li>``, ``<tr>``, ``<dd>``, ``<dt>`` or row (``_is_row``) holding
        ``node``, or ``""``."""
        path: list[html.HtmlElement] = []
        while node is not None and node not in self._item:
            path.append(node)
            node = node.getparent()
        item = self._item[node] if node is not None else None
        for element in reversed(path):
            item = element if element.tag in ITEM_TAGS or _is_row(element) else item
            self._item[element] = item
        if item is None:
            return ""
        if item not in self._texts:
            self._texts[item] = fold(item.text_content())
        return self._texts[item]


def _is_row(element: html.HtmlElement) -> bool:
    """A ``div`` standing for a table row or list item: ``role="row"``/``"listitem"``, or a class
    naming a row (``<div class="tr">``, ``<div class="row">``).

    Convention: boards laid out in ``div``s instead of a table (accessible and responsive
    templates) mark their rows for the stylesheet or for assistive technology.
    """
    if (element.get("role") or "").lower() in ("row", "listitem"):
        return True
    return bool(ROW_CLASSES & set((element.get("class") or "").lower().split()))


ROW_CLASSES = frozenset({"tr", "row", "list-row", "list_row", "board-row", "board_row"})


def _menu_mark(element: html.HtmlElement, in_article: bool = False) -> bool:
    """``<nav>``, ``<header>``, ``<footer>``, or a class/id naming a menu block; inside an
    ``<article>``, a header or footer (by tag or class) is the post's own (``CHROME_MARKS_RE``)."""
    if element.tag == "nav" or (element.tag in ("header", "footer") and not in_article):
        return True
    if element.tag in ("body", "html"):
        return False  # a theme's layout words on ``<body class="nav-float-right …">`` name no menu
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    return marks != " " and bool((CHROME_MARKS_RE if in_article else MENU_MARKS_RE).search(marks))


def _unique(anchors: list[Anchor]) -> list[Anchor]:
    """First anchor per article, in page order."""
    seen: set[str] = set()
    unique: list[Anchor] = []
    for anchor in anchors:
        key = _dedupe_key(anchor.url)
        if key not in seen:
            seen.add(key)
            unique.append(anchor)
    return unique


def is_listing(links: list[Anchor], body: str, article_hint: bool = False) -> bool:
    """True when the page is an index: article links and hardly any prose of its own.

    Prose is a run of sentences outside the link texts; a summary right under a link, or inside
    the list item holding it, is part of the index, not prose. Pages that declare themselves
    articles (``og:type``, JSON-LD) need their prose to be small next to the link texts; a
    short list (fewer than ``MIN_LINKS``) must have no prose at all.
    """
    if len(links) < MIN_LIST_LINKS:
        return False
    short = len(links) < MIN_LINKS
    if short and not _one_per_item(links):
        return False
    texts = [a.text for a in links if len(a.text) >= MIN_HEADLINE_CHARS]
    items = [a.item for a in links if a.item]
    lines = [line for line in body.splitlines() if len(line) >= MIN_HEADLINE_CHARS]
    # Lines are matched against every link text only while that stays small; on huge pages
    # (many links and many lines) exact matches alone keep this linear.
    scan = len(lines) * (len(texts) + len(items)) <= MAX_PAIR_CHECKS
    exact_texts, exact_items = set(texts), set(items)
    prose: list[str] = []
    inside = 0
    follows_link = False
    for line in lines:
        if line in exact_texts or (scan and any(t in line or line in t for t in texts)):
            inside, follows_link = inside + len(line), True
            continue
        if fold(line) in exact_items or (scan and any(fold(line) in item for item in items)):
            inside += len(line)
            continue
        if SENTENCE_END_RE.search(line) and not follows_link:
            prose.append(line)
        follows_link = False
    prose_chars = sum(len(line) for line in prose)
    if short:
        return not prose
    if prose_chars < PROSE_SHARE * inside:
        return True
    return not article_hint and len(prose) <= 1 and prose_chars < MAX_PROSE_CHARS


def is_one_of(url: str | None, links: list[Anchor]) -> bool:
    """The page's own URL has the pattern of the article links it lists: it is one of them.

    Convention: a CMS files its articles under one URL pattern (``articleView.html?idxno=…``)
    and its indexes under others (``articleList.html?sc_section_code=…``); an article page's
    most-read or related box lists its siblings. However short the article's text, a page whose
    own address is one of those articles is an article.
    """
    if not url or not links or not _article_like(url):
        return False
    return _pattern(clean_link(url)) == _pattern(links[0].url)


def clean_link(url: str) -> str:
    """The link without blank, paging or search-state query parameters, or a fragment."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if v and k.lower() not in STATE_KEYS]
    return urlunsplit(parts._replace(query=urlencode(query, safe=":/"), fragment=""))


def _resolve(base: str | None, href: str) -> str:
    """Absolute URL when a base is known; the href as written (without ``./``) otherwise; ``""``
    for an href no URL parser reads (``http://[broken/``): a broken link is no link."""
    href = href.replace("&amp;", "&")
    try:
        url = urljoin(base, href) if base else re.sub(r"^(?:\./)+", "", href)
        urlsplit(url)
    except ValueError:
        return ""
    return url


def _js_call(code: str) -> tuple[str, tuple[str, ...]] | None:
    """``(function name, its arguments)`` for ``view('123')``-style handlers: a call with a numeric id
    among its arguments (``goView('BBS_0000012', '10930')``), the id first."""
    for match in _JS_CALL_RE.finditer(code):
        args = tuple(arg.strip().strip("\"'") for arg in match.group(2).split(","))
        ids = [found.group(1) for arg in match.group(2).split(",") if (found := _ID_ARG_RE.match(arg))]
        if ids:
            return match.group(1).split(".")[-1], (ids[0], *args)
    return None


def _script_templates(tree: html.HtmlElement) -> dict[str, tuple[tuple[str, ...], list[tuple[str, str]]]]:
    """URLs built by inline functions, by name: the parameters and the URL's pieces (a literal's
    text, or a parameter's name) of ``function view(id){location.href='/v.do?no='+id}``."""
    templates: dict[str, tuple[tuple[str, ...], list[tuple[str, str]]]] = {}
    for script in tree.iter("script"):
        for match in _FUNCTION_RE.finditer(script.text or ""):
            params = tuple(p.strip() for p in match.group(2).split(",") if p.strip())
            for expression in _CONCAT_RE.finditer(match.group(3)):
                pieces = [(lit, name) for lit, name in _TOKEN_RE.findall(expression.group(0))]
                opening = pieces[0][0] if pieces else ""
                if ("/" in opening or "=" in opening) and any(name in params for _, name in pieces):
                    templates.setdefault(match.group(1), (params, pieces))
                    break
    return templates


def _build(template: tuple[tuple[str, ...], list[tuple[str, str]]], args: tuple[str, ...]) -> str:
    """The URL a template builds from a call's arguments; ``""`` when it reads a name the call does
    not give (a wrong link is worse than none)."""
    params, pieces = template
    url = ""
    for literal, name in pieces:
        if not name:
            url += literal
        elif name in params and params.index(name) < len(args):
            url += args[params.index(name)]
        else:
            return ""
    return url


def _fill_js(
    anchors: list[Anchor],
    pending: list[tuple[str, tuple[str, ...], str, str]],
    tree: html.HtmlElement,
    base: str | None,
) -> list[Anchor]:
    """Give ``javascript:`` anchors a URL from a script template or a sibling link pattern."""
    if not pending:
        return anchors
    templates = _script_templates(tree)
    sibling = _sibling_template(anchors, [call[0] for _, call, _, _ in pending])
    calls = iter(pending)
    filled: list[Anchor] = []
    for anchor in anchors:
        if anchor.url:
            filled.append(anchor)
            continue
        name, (ident, *args), text, item = next(calls)
        template = templates.get(name)
        target = _build(template, tuple(args)) if template else (sibling + ident if sibling else "")
        filled.append(Anchor(_resolve(base, target) if target else "", text, anchor.in_menu, item))
    return filled


def _sibling_template(anchors: list[Anchor], idents: list[str]) -> str | None:
    """The commonest ``…?newsId=`` prefix among regular links whose ids look like the javascript ids."""
    lengths = {len(i) for i in idents}
    prefixes: Counter[str] = Counter()
    for anchor in anchors:
        parts = urlsplit(anchor.url)
        for key, value in parse_qsl(parts.query):
            if anchor.url and value.isdigit() and len(value) in lengths and key.lower() not in PAGING_KEYS:
                prefixes[f"{urlunsplit(parts._replace(query='', fragment=''))}?{key}="] += 1
    return prefixes.most_common(1)[0][0] if prefixes else None


def _article_like(url: str) -> bool:
    """The URL carries an identifier: a long number in the path, a non-paging id parameter, or a
    post's slug; never a file's download."""
    parts = urlsplit(url)
    if _is_file(parts.path, parts.query):
        return False
    if re.search(r"\d{4,}", parts.path) or _PATH_RECORD_RE.search(parts.path) or _slug(parts.path):
        return True
    return any(
        k.lower() not in PAGING_KEYS
        and (re.search(r"\d{3,}", v) is not None or (v.isdigit() and _RECORD_KEY_RE.search(k) is not None))
        for k, v in parse_qsl(parts.query)
    )


def _slug(path: str) -> str:
    """The post's slug ending ``path`` (``/entry/청년-월세-지원-확대``, ``/stories/new-housing-plan``),
    or ``""``.

    Convention: blogs and script-era sites name a post by its title's words joined by hyphens under
    a section's path; a menu's pages are one or two words (``/about/our-team``).
    """
    head, _, last = unquote(path).rstrip("/").rpartition("/")
    return last if head and _SLUG_RE.fullmatch(last) else ""


_SLUG_RE = re.compile(r"(?:[^\W_]+-){3,}[^\W_]+(?:\.html?)?")


def _is_file(path: str, query: str) -> bool:
    """A link to a file or its download (``…/report.pdf``, ``/cmm/fms/FileDown.do?atchFileId=…``).

    Convention: a release's or a post's attachments sit under its title in a list, as links to the
    board's download handler or the file itself; they are no articles however many a list holds.
    """
    last = path.rsplit("/", 1)[-1].lower()
    if _FILE_EXT_RE.search(last) or "download" in last or "filedown" in last:
        return True
    return any(k.lower() in _FILE_KEYS for k, _ in parse_qsl(query))


# the files a post attaches, by extension: one owner for the listing's links and the clean-up's lines
DOCUMENT_EXTENSIONS = r"hwpx?|pdf|docx?|xlsx?|pptx?|zip|hwt|odt"
IMAGE_EXTENSIONS = r"jpe?g|png|gif"
_FILE_EXT_RE = re.compile(rf"\.(?:{DOCUMENT_EXTENSIONS}|{IMAGE_EXTENSIONS}|mp4|mp3|txt|csv)$")
_FILE_KEYS = frozenset({"atchfileid", "filesn", "fileid", "file_id", "filename", "file_name", "fileno"})


# Convention: a site with clean URLs ends a post's path with its number (``/ko/news/214``); a young
# site's numbers are short. A page number (``/news/page/3``) is no post. A blog host numbers its
# posts at the root (Tistory's ``/412``).
_PATH_RECORD_RE = re.compile(
    r"/(?!(?:page|p|pg|list|category|cate|section|tag)/)[^/\d]+/\d{1,9}/?$|^/\d{1,9}/?$", re.IGNORECASE
)


# Convention: boards name the post's parameter for a record (``wr_id``, ``nttId``, ``idxno``,
# ``seq``, ``no``): on a young board its number is short (``wr_id=7``) and names a post all the same.
# A board's, section's or menu's own number (``bbsNo``, ``boardId``, ``sectionId``, ``menuNo``) sits on
# its list's links and tabs too, beside the post's.
_RECORD_KEY_RE = re.compile(
    r"(?<!bbs)(?<!board)(?<!menu)(?<!site)(?<!cate)(?<!category)(?<!section)(?<!code)(?<!type)"
    r"(?:id|no|seq|idx|num|sn)$",
    re.IGNORECASE,
)


def _pattern(url: str) -> tuple[str, str, tuple[str, ...]]:
    """Host, last path segment with digits masked, and the query keys: links of one kind share it."""
    parts = urlsplit(url)
    keys = sorted({k for k, v in parse_qsl(parts.query) if v and k.lower() not in STATE_KEYS})
    if _slug(parts.path):  # posts by slug share their section's path (its dates masked), not their words
        section = re.sub(r"\d+", "#", unquote(parts.path).rstrip("/").rsplit("/", 1)[0])
        return parts.netloc.lower(), section + "/*", tuple(keys)
    return parts.netloc.lower(), re.sub(r"\d+", "#", parts.path.rsplit("/", 1)[-1]), tuple(keys)


def _dedupe_key(url: str) -> str:
    """Links that differ only in paging or blank parameters are the same article."""
    parts = urlsplit(url)
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if v and k.lower() not in STATE_KEYS)
    return urlunsplit(parts._replace(query=urlencode(query), fragment="")).lower()
