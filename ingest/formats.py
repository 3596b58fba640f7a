"""The formats a draft is exported in, apart from the renderers (``ingest.export``): the CLI's
parser offers them as choices without loading the store."""

from __future__ import annotations

from typing import Literal

Format = Literal["jekyll", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("jekyll", "markdown", "json")
MEDIA_TYPES = {"jekyll": "text/markdown; charset=utf-8", "markdown": "text/markdown; charset=utf-8"}
