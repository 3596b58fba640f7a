"""Links on a page picked by a source's rule: a CSS selector, or a regex over absolute URLs."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from parsel import Selector

from crawler.sources import LinkRule

_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")


def rule_links(page: Selector, base_url: str, rule: LinkRule) -> list[str]:
    """Absolute URLs `rule` picks from `page`, deduplicated in page order."""
    hrefs = _css_hrefs(page, rule.pattern) if rule.kind == "css" else page.xpath("//a/@href").getall()
    urls = [
        urljoin(base_url, h.strip()) for h in hrefs if h.strip() and not h.strip().startswith(_SKIP_SCHEMES)
    ]
    if rule.kind == "regex":
        pattern = re.compile(rule.pattern)
        urls = [u for u in urls if pattern.search(u)]
    return list(dict.fromkeys(u for u in urls if u.startswith(("http://", "https://"))))


def url_matches(url: str, rule: LinkRule | None) -> bool:
    """True when `url` passes a regex rule (or there is no rule); CSS rules do not apply to URLs."""
    return rule is None or rule.kind != "regex" or re.search(rule.pattern, url) is not None


def _css_hrefs(page: Selector, pattern: str) -> list[str]:
    """hrefs of the matched elements, or of the links inside them; ``::attr()`` values as they are."""
    hrefs: list[str] = []
    for node in page.css(pattern):
        value = node.root
        if isinstance(value, str):
            hrefs.append(value)
        elif node.attrib.get("href"):
            hrefs.append(node.attrib["href"])
        else:
            hrefs.extend(node.css("a::attr(href)").getall())
    return hrefs
