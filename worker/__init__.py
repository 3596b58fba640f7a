"""The Celery app (``worker.celery_app``) and its tasks (``worker.tasks``); nothing else.

Storage lives in ``store``, the per-page path in ``ingest``, the crawl in ``crawler``.
"""
