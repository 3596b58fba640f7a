"""Downloader middlewares: offsite filtering, retry backoff, incremental (conditional) fetching."""
