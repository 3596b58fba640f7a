"""Drafts rendered for publishing: the newsroom blog's Jekyll post, plain Markdown, or JSON.

Every format ends with (or carries) the attribution: a link to the original and its outlet.
Links go only to public http(s) URLs (``nlp.urls.is_public_http_url``), checked here, at export,
whatever was stored: a saved file, a test server or a private address is named, never linked.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import yaml

from ingest.drafts import Rights, effective, heading_spans_of, rights_of
from nlp.dates import KST
from nlp.sections import split_sections
from nlp.urls import is_public_http_url
from store.models import Article, Draft

DEFAULT_CATEGORY = "기타"
UNNAMED = "출처"  # an outlet with no name and no public URL to take a host from
SPACER = '<p data-ke-size="size16"></p>'
_SLUG_CHARS = re.compile(r"[^0-9a-z\uac00-\ud7a3\u3131-\u318e]+")
_SITE_PATH = re.compile(r"^/(?![/\\])[^\s<>\"\\]*$")  # /assets/img/a.jpg: not //host, no space or markup
_NO_WRAP = 1_000_000  # PyYAML folds lines longer than its width; the seed post keeps one line
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def one_line(text: str | None) -> str:
    """The text on one line: YAML-printable characters only, runs of whitespace as one space."""
    return " ".join(_NOT_PRINTABLE.sub("", unicodedata.normalize("NFC", text or "")).split())


def _html_text(text: str | None) -> str:
    """One line, HTML-escaped as the body is: what a theme prints raw is text, never markup."""
    return html.escape(one_line(text))


class _Folded(str):
    """A string the front matter writes as a folded block (``key: >``), as the seed post does."""


class _Literal(str):
    """A string the front matter writes as a literal block (``key: |``): one item a line."""


class _Quoted(str):
    """A string the front matter writes single-quoted (``image: '…'``), as the seed post does."""


class _FrontMatterDumper(yaml.SafeDumper):
    """PyYAML's safe emitter, with list items indented under their key (``categories:\n  - …``)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _styled(style: str) -> Any:
    def represent(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)

    return represent


_FrontMatterDumper.add_representer(_Folded, _styled(">"))
_FrontMatterDumper.add_representer(_Literal, _styled("|"))
_FrontMatterDumper.add_representer(_Quoted, _styled("'"))


def front_matter(fields: dict[str, Any]) -> list[str]:
    """The seed post's front matter: title, categories, excerpt, feature_text, image.

    Every value is one line of HTML-escaped text (as the body's), emitted by PyYAML: plain where
    YAML reads it back as the same string, else quoted; excerpt and feature_text as folded blocks
    (PyYAML quotes what a block cannot hold), the image single-quoted. A feature text of several
    sub-headlines keeps one a line, as a literal block.
    """
    data: dict[str, Any] = {
        "title": _html_text(fields["headline"]),
        "categories": [_html_text(fields["category"]) or DEFAULT_CATEGORY],
        "excerpt": _folded(fields["excerpt"]),
        "feature_text": _lines(fields["feature_text"]),
    }
    if one_line(fields.get("image")):
        data["image"] = _Quoted(_html_text(fields["image"]))
    text = yaml.dump(
        data, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=_NO_WRAP,
        default_flow_style=False,
    )  # fmt: skip
    return ["---", *text.splitlines(), "---"]


def _folded(text: str | None) -> str:
    value = _html_text(text)
    return _Folded(value + "\n") if value else ""


def _lines(text: str | None) -> str:
    """The feature text: a folded block for one line, a literal block keeping each line apart."""
    lines = [line for line in (_html_text(raw) for raw in (text or "").splitlines()) if line]
    if len(lines) < 2:
        return _folded(text)
    return _Literal("\n".join(lines) + "\n")


def render_jekyll(draft: Draft) -> str:
    """The draft as a Jekyll post in the newsroom blog's shape, ending with the attribution line."""
    fields = effective(draft)
    parts = ["\n".join(front_matter(fields)), ""]
    src = image_src(fields.get("image"))
    if src:
        alt = html.escape(one_line(fields["headline"]))
        parts += [f'<p><img src="{html.escape(src)}" alt="{alt}" /></p>', ""]
    for heading, paragraphs in sections(draft, fields):
        parts += [f'<h2 data-ke-size="size26">{html.escape(heading)}</h2>  ', "", SPACER + "  ", ""]
        parts += [line for p in paragraphs for line in (p, "")]
        parts += [SPACER, ""]
    parts[-1:] = [attribution_html(draft.article)]
    return "\n".join(parts) + "\n"


def sections(draft: Draft, fields: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The body: the key sentences in <b> within their paragraphs, one section per source sub-heading
    (``source_sections``), then the other outlets (stories)."""
    rights = rights_of(draft.article)
    key = fields["key_sentences"]
    if key:
        out = source_sections(draft.article, one_line(fields["headline"]), key, context=not rights.restricted)
    elif rights.mode != "none" and fields["excerpt"]:
        out = [(one_line(fields["headline"]), [f"<p>{html.escape(one_line(fields['excerpt']))}</p>"])]
    else:
        out = []
    if draft.outlets:
        links = [_html_link(public_url(o.get("url")), _outlet_label(o)) for o in draft.outlets]
        if any(o.get("added") for o in draft.outlets):  # one line per outlet: what it added
            notes = [_added_note(o, html.escape) for o in draft.outlets]
            lines = [f"<p>{link}{note}</p>" for link, note in zip(links, notes, strict=True)]
            out.append(("함께 보도한 곳", lines))
        else:
            out.append(("함께 보도한 곳", [f"<p>{' · '.join(links)}</p>"]))
    return out


def source_sections(
    article: Article, headline: str, key: Sequence[dict[str, Any]], context: bool
) -> list[tuple[str, list[str]]]:
    """One section per source section holding key sentences, headed by the source's sub-heading
    verbatim (the part before the first sub-heading, or a text without any, by the headline)."""
    return [
        (heading, quoted_paragraphs(article.body, group, context))
        for heading, group in grouped(article, headline, key)
    ]


def grouped(
    article: Article, headline: str, key: Sequence[dict[str, Any]]
) -> list[tuple[str, list[dict[str, Any]]]]:
    """The key sentences by source section: (the sub-heading, or the headline before the first
    one, and the section's key sentences); all under the headline when one no longer quotes the body."""
    body = article.body
    parts = split_sections(body, heading_spans_of(article))
    groups = [
        [dict(s) for s in key if _quotes(body, s) and part.start <= int(s["start"]) < part.end]
        for part in parts
    ]
    if sum(len(g) for g in groups) < len(key):  # edited or stale sentences: today's one section
        return [(headline, [dict(s) for s in key])]
    return [
        (one_line(part.heading(body) or headline), group)
        for part, group in zip(parts, groups, strict=True)
        if group
    ]


def _quotes(body: str, sentence: dict[str, Any]) -> bool:
    try:
        start, end = int(sentence["start"]), int(sentence["end"])
    except (KeyError, TypeError, ValueError):
        return False
    return 0 <= start < end <= len(body) and body[start:end] == sentence.get("text")


def _added_note(outlet: dict[str, Any], escape: Any) -> str:
    """' — 더한 내용: “…”' with the outlet's own added sentence, verbatim; '' when it added none."""
    added = outlet.get("added")
    return f" — 더한 내용: “{escape(one_line(str(added)))}”" if added else ""


def image_src(image: object) -> str | None:
    """The image when a post may show it: a public http(s) URL, or a path on the blog's own site."""
    value = one_line(image) if isinstance(image, str) else ""
    if _SITE_PATH.match(value):
        return value
    return public_url(value)


def public_url(url: object) -> str | None:
    """The URL when an export may link to it (public http(s)), else None."""
    return url if isinstance(url, str) and is_public_http_url(url) else None


def _html_link(url: str | None, name: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(name)}</a>' if url else html.escape(name)


def _md_link(url: str | None, name: str) -> str:
    return f"[{_md(name)}](<{url}>)" if url else _md(name)


def _outlet_label(outlet: dict[str, Any]) -> str:
    """An outlet's name; one stored as a URL (it had no other) shows only a public URL's host."""
    name = one_line(str(outlet.get("name") or ""))
    if name and name != outlet.get("url") and "://" not in name:
        return name
    url = public_url(outlet.get("url"))
    return urlsplit(url).hostname or UNNAMED if url else UNNAMED


def quoted_paragraphs(body: str, key: Sequence[dict[str, Any]], context: bool) -> list[str]:
    """Source paragraphs holding key sentences, each in <b>; without context, the sentences alone."""
    spans = [
        (int(s["start"]), int(s["end"])) for s in key if body[int(s["start"]) : int(s["end"])] == s["text"]
    ]
    if len(spans) != len(key) or not context:
        return [f"<p><b>{html.escape(one_line(s['text']))}</b></p>" for s in key]
    out = []
    for match in re.finditer(r"[^\n]+", body):
        inside = sorted((a, b) for a, b in spans if match.start() <= a and b <= match.end())
        if inside:
            out.append(f"<p>{_bolded(body, match.start(), match.end(), inside)}</p>")
    return out


def _bolded(body: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    pieces, cursor = [], start
    for a, b in spans:
        pieces += [html.escape(body[cursor:a]), f"<b>{html.escape(body[a:b])}</b>"]
        cursor = b
    pieces.append(html.escape(body[cursor:end]))
    return " ".join("".join(pieces).split())


def outlet_name(article: Article) -> str:
    """The outlet that published the article: its source, else its site name, else its public host."""
    name = article.source.name if article.source else article.site_name
    return _outlet_label({"name": name, "url": article.url})


def attribution_text(article: Article) -> str:
    """The credit line as plain text: outlet, link, and the source's own notice when it has one."""
    rights: Rights = rights_of(article)
    notice = f" ({one_line(rights.attribution)})" if rights.attribution else ""
    url = public_url(article.url)
    return f"원문: {outlet_name(article)}{' ' + url if url else ''}{notice}"


def attribution_html(article: Article) -> str:
    """The closing line of a post: a link to the original and its outlet."""
    rights = rights_of(article)
    notice = f" ({html.escape(one_line(rights.attribution))})" if rights.attribution else ""
    return f"원문: {_html_link(public_url(article.url), outlet_name(article))}{notice}"


def render_markdown(draft: Draft) -> str:
    """Plain Markdown: headline, excerpt, key sentences as a list (under the source's sub-headings
    when it has them), keywords, attribution."""
    fields = effective(draft)
    lines = [f"# {_md(one_line(fields['headline']))}", ""]
    if fields["excerpt"]:
        lines += [_md(one_line(fields["excerpt"])), ""]
    parts = grouped(draft.article, one_line(fields["headline"]), fields["key_sentences"])
    for heading, group in parts:
        if len(parts) > 1:  # the source's own sections, each under its sub-heading
            lines += [f"## {_md(heading)}", ""]
        lines += [f"- **{_md(one_line(s['text']))}**" for s in group]
        lines.append("")
    if fields["keywords"]:
        lines += ["키워드: " + ", ".join(_md(one_line(k)) for k in fields["keywords"]), ""]
    if draft.outlets and any(o.get("added") for o in draft.outlets):
        lines += ["함께 보도한 곳:", ""]
        lines += [
            f"- {_md_link(public_url(o.get('url')), _outlet_label(o))}{_added_note(o, _md)}"
            for o in draft.outlets
        ]
        lines.append("")
    elif draft.outlets:
        links = (_md_link(public_url(o.get("url")), _outlet_label(o)) for o in draft.outlets)
        lines += ["함께 보도한 곳: " + " · ".join(links), ""]
    article = draft.article
    notice = f" ({_md(one_line(rights_of(article).attribution))})" if rights_of(article).attribution else ""
    lines.append(f"원문: {_md_link(public_url(article.url), outlet_name(article))}{notice}")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def render_json(draft: Draft) -> dict[str, Any]:
    """The draft as data: effective fields, status, provenance, the key sentences by source section
    and the attribution."""
    article = draft.article
    fields = effective(draft)
    return {
        "id": draft.id,
        "article_id": article.id,
        "story_id": draft.story_id,
        "status": draft.status,
        **fields,
        "sections": [
            {"heading": heading, "key_sentences": group}
            for heading, group in grouped(article, one_line(fields["headline"]), fields["key_sentences"])
        ],
        "url": public_url(article.url),
        "outlet": outlet_name(article),
        "outlets": [
            {**o, "name": _outlet_label(o), "url": public_url(o.get("url"))} for o in draft.outlets or []
        ],
        "published": _published(article),
        "published_date_only": article.published_date_only,
        "attribution": attribution_text(article),
    }


def _published(article: Article) -> str | None:
    """ISO 8601: the time with its offset, or the day alone when the page gave no time."""
    if article.published is None:
        return None
    when = article.published.astimezone(KST)
    return when.date().isoformat() if article.published_date_only else when.isoformat()


def slug(title: str, fallback: str = "draft") -> str:
    """A file-name-safe slug that keeps Hangul: lower-case ASCII letters, digits, syllables, hyphens."""
    text = unicodedata.normalize("NFC", title).lower()
    out = _SLUG_CHARS.sub("-", text).strip("-")[:60].strip("-")
    return out or fallback


def post_date(draft: Draft) -> dt.date:
    """The date a post is filed under (KST): the article's publication, else when its page was
    fetched (a page with no date of its own), else the draft's creation."""
    article = draft.article
    fetched = article.page.fetched_at if article.page is not None else None
    when = article.published or fetched or draft.created_at
    return (when.astimezone(KST) if when.tzinfo else when).date()


def filename(draft: Draft) -> str:
    """`YYYY-MM-DD-slug.md`, the Jekyll post name."""
    return f"{post_date(draft).isoformat()}-{slug(effective(draft)['headline'], f'draft-{draft.id}')}.md"
