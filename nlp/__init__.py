"""Pure text functions: extraction, analysis, summaries, excerpts, keywords, dates.

Nothing here reads files or the environment; callers pass bytes and strings in. The only
module of ours this package imports is the error root, ``newsdesk.errors`` (which imports nothing).

Errors::

    NlpError
     ├── DecodeError       the bytes are not text in any charset we accept
     ├── EmptyPageError    the page decoded but has no article body
     ├── EmptyTextError    there is no text to analyse
     └── QueryError        nlp.query: a query with nothing searchable (also a ValueError)
"""

from __future__ import annotations

from newsdesk.errors import NewsdeskError


class NlpError(NewsdeskError):
    """Base for expected failures on bad input."""


class DecodeError(NlpError):
    """The page's bytes cannot be decoded into Korean text."""


class EmptyPageError(NlpError):
    """The page holds no article body and no article links."""


class ExtractionFailedError(NlpError):
    """The extractor itself failed on one page (a defect, logged with its traceback)."""


class EmptyTextError(NlpError):
    """There is no text to analyse."""
