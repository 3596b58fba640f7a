"""Scrapy settings for newsdesk crawls: the defaults in one place, then each source's own."""

from __future__ import annotations

from typing import Any

from crawler.sources import CrawlDefaults, SourceSpec
from newsdesk.settings import ROBOTS_AGENT, user_agent

DEFAULTS: dict[str, Any] = {
    "BOT_NAME": "newsdesk",
    "ROBOTSTXT_OBEY": True,
    "ROBOTSTXT_PARSER": "scrapy.robotstxt.ProtegoRobotParser",
    "ROBOTSTXT_USER_AGENT": ROBOTS_AGENT,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "REMOTE_CONTROL_ENABLED": False,  # Scrapy >= 2.19 opens an HTTP control port otherwise
    "LOG_LEVEL": "INFO",
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
    "DOWNLOAD_DELAY": 1.0,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
    "AUTOTHROTTLE_MAX_DELAY": 30.0,
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 2,
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
    "REDIRECT_ENABLED": True,
    "REDIRECT_MAX_TIMES": 5,
    "METAREFRESH_MAXDELAY": 0,
    "DOWNLOAD_TIMEOUT": 30.0,
    "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 5 * 1024 * 1024,
    "DEFAULT_REQUEST_HEADERS": {
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5",
    },
    "DOWNLOADER_MIDDLEWARES": {
        "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
        "crawler.middlewares.offsite.StrictOffsiteMiddleware": 50,
        "crawler.middlewares.backoff.RetryBackoffMiddleware": 110,
        "crawler.middlewares.incremental.IncrementalMiddleware": 540,
    },
    "ITEM_PIPELINES": {"crawler.page_store.IngestPipeline": 300},
    "NEWSDESK_BACKOFF": 1.0,
    "NEWSDESK_BACKOFF_MAX": 30.0,
    "NEWSDESK_REVISIT_HOURS": 24.0,
}


def crawl_user_agent(defaults: CrawlDefaults) -> str:
    """The sources file's own User-Agent, else the one every fetch sends, with the contact address."""
    return defaults.user_agent or user_agent(defaults.contact)


def crawl_settings(spec: SourceSpec, defaults: CrawlDefaults, check: bool = False) -> dict[str, Any]:
    """DEFAULTS with the crawl-wide `[crawler]` values and the source's delay applied."""
    settings = dict(DEFAULTS)
    settings.update(
        USER_AGENT=crawl_user_agent(defaults),
        DOWNLOAD_DELAY=spec.delay,
        CONCURRENT_REQUESTS_PER_DOMAIN=defaults.concurrency_per_host,
        AUTOTHROTTLE_ENABLED=defaults.autothrottle,
        AUTOTHROTTLE_START_DELAY=spec.delay,
        AUTOTHROTTLE_MAX_DELAY=max(defaults.autothrottle_max_delay, spec.delay),
        DOWNLOAD_TIMEOUT=defaults.download_timeout,
        DOWNLOAD_MAXSIZE=defaults.max_bytes,
        DOWNLOAD_WARNSIZE=defaults.max_bytes // 2,
        RETRY_TIMES=defaults.retry_times,
        REDIRECT_MAX_TIMES=defaults.redirect_max,
        NEWSDESK_BACKOFF=defaults.backoff,
        NEWSDESK_BACKOFF_MAX=defaults.backoff_max,
        NEWSDESK_REVISIT_HOURS=defaults.revisit_hours,
        NEWSDESK_SOURCE=spec.name,
        NEWSDESK_CATEGORY=spec.category,
    )
    if check:  # a check stores nothing and fetches no article
        settings["ITEM_PIPELINES"] = {}
        middlewares = dict(settings["DOWNLOADER_MIDDLEWARES"])
        middlewares["crawler.middlewares.incremental.IncrementalMiddleware"] = None
        settings["DOWNLOADER_MIDDLEWARES"] = middlewares
    return settings
