"""Article HTML shipped inside scripts (Next.js flight data, hydration state) for JS-rendered pages."""

from __future__ import annotations

import contextlib
import json
import re

from lxml import html

MIN_RAW_CHARS = 400
_STRING_RE = re.compile(r'"((?:[^"\\]|\\.){' + str(MIN_RAW_CHARS) + r',})"', re.DOTALL)
_TAG_RE = re.compile(r"<(?:p|br|div|h[2-4])\b", re.IGNORECASE)


def embedded_html(tree: html.HtmlElement) -> str | None:
    """The longest HTML fragment found in a JSON string inside an inline script, if any."""
    best: str | None = None
    best_size = 0
    for script in tree.iter("script"):
        if script.get("src") or "ld+json" in (script.get("type") or "").lower():
            continue
        for fragment in _html_strings(script.text or ""):
            size = len(_text_of(fragment))
            if size > best_size:
                best, best_size = fragment, size
    return best


def _html_strings(code: str) -> list[str]:
    """JSON string literals in ``code`` that decode to HTML with paragraphs."""
    found: list[str] = []
    for match in _STRING_RE.finditer(code):
        value = _unescape(match.group(1))
        if value and value.lstrip().startswith("<") and len(_TAG_RE.findall(value)) >= 2:
            found.append(value)
    return found


def _unescape(literal: str) -> str | None:
    """Decode a JSON string body; a second pass when it was escaped twice."""
    try:
        value = str(json.loads(f'"{literal}"'))
    except ValueError:
        return None
    if '\\"' in value or "\\u003c" in value:
        with contextlib.suppress(ValueError):
            value = str(json.loads(f'"{value}"'))
    return value


def _text_of(fragment: str) -> str:
    """Visible text of an HTML fragment."""
    try:
        return str(html.fragment_fromstring(fragment, create_parent="div").text_content())
    except (ValueError, TypeError):
        return ""
