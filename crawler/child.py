"""The crawl process: ``python -m crawler.child`` reads a Job (JSON) on stdin and writes events
(JSON lines) on stdout; Scrapy's log goes to stderr."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler, CrawlerProcess

from crawler import CrawlerError
from crawler.job import Job
from crawler.report import CRAWL_EVENT, Event, Publish, json_lines
from crawler.settings import crawl_settings
from crawler.sources import load_sources
from crawler.spiders import spider_for


def run_job(job: Job, publish: Publish) -> Event:
    """Run one crawl, check or fetch in this process; the ``done`` event."""
    sources = load_sources(Path(job.sources))
    spec = sources.get(job.name)
    settings = crawl_settings(spec, sources.crawler, check=job.mode != "crawl")
    settings.update(NEWSDESK_JOB=job)
    settings.update(job.overrides)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_for(spec.kind))
    crawler.signals.connect(lambda event, **_: publish(event), signal=CRAWL_EVENT, weak=False)
    process.crawl(crawler, spec=spec, limit=job.limit, check=job.mode == "check")
    process.start()
    return _done(crawler)


def _done(crawler: Crawler) -> Event:
    spider: Any = crawler.spider
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return {
        "event": "done",
        "articles": len(spider.articles),
        "links": list(spider.articles)[:100],
        "discovery_pages": spider.discovery_pages,
        "discovery_failures": spider.discovery_failures,
        "requests": stats.get("downloader/request_count", 0),
        "responses": stats.get("downloader/response_count", 0),
        "elapsed": stats.get("elapsed_time_seconds"),
        "finish_reason": stats.get("finish_reason"),
    }


def _event_stream() -> IO[str]:
    """Keep the real stdout for events; anything else printed goes to stderr."""
    events = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    return events


def main() -> int:
    events = _event_stream()
    publish = json_lines(events)
    try:
        job = Job.from_json(sys.stdin.read())
        done = run_job(job, publish)
    except CrawlerError as error:
        publish({"event": "fatal", "url": None, "reason": str(error)})
        return 2
    publish(done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
