"""newsdesk: Korean policy news, crawled, summarised and searchable.

This package is two things, kept apart by the import-linter contract in ``pyproject.toml``:
the bottom of the house (``newsdesk.errors``, ``newsdesk.settings``: import nothing of ours but
each other) and its top (the CLI: ``newsdesk.cli`` and the ``*_cmd``/``services`` modules, which
may import everything). This ``__init__`` imports nothing, so loading the bottom never loads the top.
"""
