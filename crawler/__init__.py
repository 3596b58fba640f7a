"""Scrapy crawls of Korean policy news, driven by a sources file.

``crawler.runner`` is what the CLI and the Celery task call: it runs each crawl in one child
process (``python -m crawler.child``, a fresh Twisted reactor per crawl) fed one serialised
``crawler.job.Job``. Only the child and the modules it loads (spiders, middlewares,
``crawler.page_store``) import Scrapy.

Errors::

    CrawlerError
     ├── SourcesError          the sources file is unreadable or a source is malformed
     │    └── UnknownSourceError   no source has that name
     ├── StartPageError       a source's start URL could not be fetched
     └── CrawlProcessError     the crawl's child process failed before it could report
          └── CrawlTimeout     ... or ran past its time and was killed
"""

from __future__ import annotations

from newsdesk.errors import NewsdeskError


class CrawlerError(NewsdeskError):
    """Base for expected crawler failures."""


class SourcesError(CrawlerError):
    """The sources file cannot be used; the message names the source and the key."""


class UnknownSourceError(SourcesError):
    """No source of that name in the sources file."""


class CrawlProcessError(CrawlerError):
    """The crawl's child process died or spoke nonsense."""


class CrawlTimeout(CrawlProcessError):
    """The crawl's child process ran past its time and was killed."""


class StartPageError(CrawlerError):
    """A source's start URL could not be fetched."""
