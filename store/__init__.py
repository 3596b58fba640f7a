"""Storage: the engine and sessions (``db``), the models, migrations (Alembic), and modules per
table family that create and query it: ``pages`` (what is stored for a URL), ``sources`` (the one
place Source rows are made), ``runs`` (crawl runs and the health rule). Imports ``nlp`` at most.

Errors::

    StoreError
     ├── PageNotFound    a page id or URL that is not stored
     ├── DraftError      ingest.drafts: a draft change that is not allowed
     └── FetchError      ingest.fetch_guard: a submitted URL could not be fetched
"""

from __future__ import annotations

from newsdesk.errors import NewsdeskError


class StoreError(NewsdeskError):
    """Base for expected failures in storage and processing."""


class PageNotFound(StoreError):
    """No stored page has that id or URL."""
