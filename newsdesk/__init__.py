"""newsdesk: Korean policy news, crawled, summarised and searchable."""

__version__ = "0.1.0"
