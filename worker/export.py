"""Drafts rendered in the newsroom blog's format: Markdown with YAML front matter."""

from __future__ import annotations

import html
import json
from typing import Any

from worker.drafts import effective
from worker.models import Draft


def _folded(text: str) -> str:
    """A YAML folded block scalar; any characters are literal inside it."""
    return ">\n  " + (" ".join(text.split()) or "''")


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def render_jekyll(draft: Draft) -> str:
    """The draft as a Jekyll post: front matter, key sentences in <b>, a link to the original."""
    fields = effective(draft)
    article = draft.article
    lines = ["---", f"title: {_quoted(fields['headline'])}", "categories:"]
    lines.append(f"  - {_quoted(fields['category'] or '기타')}")
    lines.append(f"excerpt: {_folded(fields['excerpt'])}")
    lines.append(f"feature_text: {_folded(fields['feature_text'])}")
    if fields.get("image"):
        lines.append(f"image: {_quoted(fields['image'])}")
    lines += ["---", *_body(fields), ""]
    outlet = article.source.name if article.source else (article.site_name or article.url)
    lines.append(f'원문: <a href="{html.escape(article.url)}">{html.escape(outlet)}</a>')
    return "\n".join(lines) + "\n"


def _body(fields: dict[str, Any]) -> list[str]:
    out = [f'<h2 data-ke-size="size26">{html.escape(fields["headline"])}</h2>']
    for sentence in fields["key_sentences"]:
        out.append(f"<p><b>{html.escape(sentence['text'])}</b></p>")
    if fields["keywords"]:
        out.append(f"<p>키워드: {html.escape(', '.join(fields['keywords']))}</p>")
    return out
