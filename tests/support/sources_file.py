"""A crawler sources file for the tests' loopback sites: the [crawler] table and [[source]] tables."""

from __future__ import annotations

SOURCES = """
[crawler]
contact = "crawl-tests@example.org"
download_timeout = 3.0  # generous: a loopback answer slowed by a loaded machine must not be retried
max_bytes = 1048576
retry_times = 2
backoff = 0.05
backoff_max = 0.2
redirect_max = 3
revisit_hours = 24
concurrency_per_host = 4
"""


def source(name: str, kind: str, *starts: str, **extra: object) -> str:
    """One [[source]] table; strings are written as TOML literal strings (no escapes)."""
    urls = ", ".join(f'"{u}"' for u in starts)
    lines = [
        f'name = "{name}"',
        f'kind = "{kind}"',
        f"start_urls = [{urls}]",
        'allowed_domains = ["127.0.0.1"]',
        'category = "행정"',
        'schedule = "*/30 * * * *"',
        "delay = 0",
    ]
    lines += [f"{k} = '{v}'" if isinstance(v, str) else f"{k} = {v!r}" for k, v in extra.items()]
    return "\n[[source]]\n" + "\n".join(lines) + "\n"
