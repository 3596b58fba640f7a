"""Storage, processing and the search index; later the Celery app and tasks.

Errors::

    WorkerError
     └── PageNotFound    a page id or URL that is not stored
"""

from __future__ import annotations

from newsdesk.errors import NewsdeskError


class WorkerError(NewsdeskError):
    """Base for expected failures in storage and processing."""


class PageNotFound(WorkerError):
    """No stored page has that id or URL."""
