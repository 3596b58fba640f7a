"""Search over stored articles: the engines (SQLite FTS5, PostgreSQL GIN), BM25, highlights.

``search.articles`` is the entry point (``search``, ``index_document``); it reads ``store``
and tokenises with ``nlp``, like the documents were.
"""
