"""The one root of every expected failure, so the CLI can catch them all in one place.

This module imports nothing: every package (``nlp`` too) may subclass ``NewsdeskError``.

Errors::

    NewsdeskError
     ├── SettingsError            newsdesk.settings: an environment variable we cannot use (a ValueError)
     ├── CommandError             newsdesk CLI: a command's expected failure
     │    └── UsageError          an argument the parser cannot check (a --url): exit 2
     ├── NlpError                 nlp: bad input text or pages
     │    ├── DecodeError         the bytes are not text in any charset we accept
     │    ├── EmptyPageError      no article body and no article links
     │    ├── EmptyTextError      no text to analyse
     │    └── QueryError          nlp.query: a query with nothing searchable (a ValueError)
     ├── StoreError               store: storage and processing
     │    ├── PageNotFound        a page id or URL that is not stored
     │    ├── DraftError          ingest.drafts: TransitionError, EditError
     │    └── FetchError          ingest.fetch_guard: a submitted URL could not be fetched
     │         ├── UnsafeURL      refused before connecting
     │         └── Declined       robots.txt says no, or not a web page
     ├── CrawlerError             crawler: the sources file and crawl processes
     │    ├── SourcesError        a malformed sources file (a bad schedule too)
     │    │    └── UnknownSourceError
     │    ├── StartPageError      no start URL of a source could be fetched
     │    └── CrawlProcessError   the crawl's child process failed
     │         └── CrawlTimeout   ... or ran past its time
     └── ApiError                 api: an expected failure with its HTTP status

The CLI catches NewsdeskError once (one line, exit 1; a UsageError exits 2, as bad usage does);
the API maps ApiError and QueryError to its one error shape; the worker records an NlpError's
message as the reason a page failed.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base for every expected failure; its message is one line a person can act on."""


class CommandError(NewsdeskError):
    """An expected failure of a command, reported as one line."""


class UsageError(CommandError):
    """Bad usage the parser cannot see; one line and exit 2, like the parser's own refusals."""
