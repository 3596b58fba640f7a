"""The one root of every expected failure, so the CLI can catch them all in one place.

This module imports nothing: every package (``nlp`` too) may subclass ``NewsdeskError``.

Errors::

    NewsdeskError
     ├── SettingsError            newsdesk.settings: an environment variable we cannot use
     ├── CommandError             newsdesk: a CLI command's expected failure
     ├── NlpError                 nlp: bad input text or pages
     │    ├── DecodeError, EmptyPageError, EmptyTextError
     │    └── QueryError          nlp.query: a query with nothing searchable (also a ValueError)
     ├── StoreError               store: storage and processing
     │    ├── PageNotFound        a page id or URL that is not stored
     │    ├── DraftError          ingest.drafts: TransitionError, EditError
     │    └── FetchError          ingest.fetch_guard: a submitted URL could not be fetched
     │         ├── UnsafeURL, Declined
     ├── CrawlerError             crawler: the sources file and crawl processes
     │    ├── SourcesError ── UnknownSourceError
     │    ├── StartPageError      a source's start URL could not be fetched
     │    └── CrawlProcessError
     └── ApiError                 api: an expected failure with its HTTP status
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base for every expected failure; its message is one line a person can act on."""


class CommandError(NewsdeskError):
    """An expected failure of a command, reported as one line."""
