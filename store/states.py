"""The states a stored row moves through, apart from the models: the CLI's parser offers them
as choices without loading SQLAlchemy."""

from __future__ import annotations

PAGE_STATES = ("fetched", "processed", "failed")
DRAFT_STATES = ("draft", "approved", "published", "rejected")
