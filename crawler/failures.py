"""Why a request failed, in one line a person can act on."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer, error
from twisted.python.failure import Failure


class NotModified(IgnoreRequest):
    """The stored copy is current: a 304, the revisit window, or the feed's date says so."""


class Offsite(IgnoreRequest):
    """The request (or a redirect) leaves the source's allowed_domains."""


def failure_reason(failure: Failure, settings: Any) -> str:
    """A short reason for `failure`, with attempts counted where retries happened."""
    exc = failure.value
    request = getattr(failure, "request", None)
    tries = (request.meta.get("retry_times", 0) if request is not None else 0) + 1
    attempts = f" after {tries} attempts" if tries > 1 else ""
    if isinstance(exc, HttpError):
        return f"HTTP {exc.response.status}{attempts}"
    if isinstance(exc, Offsite):
        return f"redirected outside allowed_domains: {exc}"
    if isinstance(exc, IgnoreRequest):
        return _ignored(str(exc), settings)
    if isinstance(exc, DownloadTimeoutError | defer.TimeoutError | error.TimeoutError):
        return f"timeout: no answer within {settings.getfloat('DOWNLOAD_TIMEOUT'):g} s{attempts}"
    if isinstance(exc, DownloadCancelledError | defer.CancelledError):
        return f"response larger than the {settings.getint('DOWNLOAD_MAXSIZE')}-byte cap"
    if isinstance(exc, DownloadConnectionRefusedError | error.ConnectionRefusedError):
        return f"connection refused{attempts}"
    if isinstance(exc, CannotResolveHostError | error.DNSLookupError):
        return "host name not found"
    return f"{type(exc).__name__}: {exc}{attempts}".strip()


# reason classes a run counts its failures by, each with the start of the reasons above it covers
REASON_CLASSES = (
    ("dns", ("host name not found",)),
    ("connect", ("connection refused", "ConnectError", "ConnectionLost", "TCPTimedOutError")),
    ("timeout", ("timeout:",)),
    ("http_4xx", tuple(f"HTTP 4{n}" for n in range(10))),
    ("http_5xx", tuple(f"HTTP 5{n}" for n in range(10))),
    ("robots", ("forbidden by robots.txt",)),
    ("too_large", ("response larger than",)),
    ("offsite", ("redirected outside allowed_domains",)),
    ("not_html", ("not HTML",)),
    ("redirect_loop", ("redirect loop",)),
)


def reason_class(reason: str | None) -> str:
    """The class of a reason written by `failure_reason` (or the spider): ``dns``, ``connect``,
    ``timeout``, ``http_4xx``, ``http_5xx``, ``robots``, ``too_large``, ``offsite``, ``not_html``,
    ``redirect_loop``; ``other`` for the rest (a page that came but gave no article)."""
    text = reason or ""
    for name, starts in REASON_CLASSES:
        if text.startswith(starts):
            return name
    return "other"


def _ignored(message: str, settings: Any) -> str:
    if "robots.txt" in message:
        return "forbidden by robots.txt"
    if "max redirections" in message:
        return f"redirect loop: more than {settings.getint('REDIRECT_MAX_TIMES')} redirects"
    return message or "request ignored"
