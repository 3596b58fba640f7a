"""What one stored article tells about its source's extraction: did the headline, the date and
the body come out? The crawl adds these up into the run's field yields (crawler.yields)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from nlp.page import ExtractedPage
from nlp.template import Template

LONG_BODY = 200  # characters: a body shorter than this is a teaser, a stub or the page's chrome


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Per-field facts of one article, small enough to travel in a crawl event."""

    titled: bool  # the extractor found a headline (else the title is the body's first line)
    dated: bool  # a published date was found
    body_chars: int
    title: str
    template_title: bool  # the title is a line the source prints on many of its pages

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def article_facts(extracted: ExtractedPage, title: str, template: Template) -> ArticleFacts:
    """The facts of an article stored with `title` from `extracted`, `template` its source's."""
    text = title.strip()
    return ArticleFacts(
        titled=bool((extracted.title or "").strip()),
        dated=extracted.published is not None,
        body_chars=len(extracted.body.strip()),
        title=text[:300],
        template_title=bool(text) and (text in template.titles or text in template.lines),
    )
