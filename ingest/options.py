"""The digest options every path uses, built from settings in one place."""

from __future__ import annotations

from newsdesk.settings import Settings
from nlp.digest import DigestOptions


def digest_options(
    settings: Settings, sentences: int | None = None, max_chars: int | None = None
) -> DigestOptions:
    """The settings' summary length and excerpt size, with a caller's own sentences / max_chars."""
    return DigestOptions(
        sentences=sentences or settings.summary_sentences,
        max_chars=max_chars,
        excerpt_chars=settings.excerpt_chars,
    )
