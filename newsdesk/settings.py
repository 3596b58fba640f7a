"""The one settings object; the only place that reads the environment.

A leaf of the house: it imports nothing of ours but the two import-free modules beside it
(``newsdesk.errors``, ``newsdesk.defaults``). The release version is read here, once.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsdesk.defaults import EXCERPT_CHARS, ROBOTS_AGENT, SUMMARY_SENTENCES
from newsdesk.errors import NewsdeskError

__all__ = [
    "EXCERPT_CHARS",
    "ROBOTS_AGENT",
    "SUMMARY_SENTENCES",
    "Settings",
    "SettingsError",
    "user_agent",
    "version",
]
PREFIX = "NEWSDESK_"
WORKER_MAX_TASKS = 100  # a child's private pages grow with the corpus (docs/scale.md, Memory)
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def version() -> str:
    """The installed release of newsdesk ("dev" when run from a tree that is not installed)."""
    # ~20 ms to import: paid on the first call (a User-Agent, the API), not by every CLI start
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _distribution_version

    try:
        return _distribution_version("newsdesk")
    except PackageNotFoundError:
        return "dev"


def user_agent(contact: str | None = None, purpose: str = "Korean policy-news crawler") -> str:
    """The identifying User-Agent every fetch sends, with a contact address when there is one."""
    return f"{ROBOTS_AGENT}/{version()} ({purpose}" + (f"; +mailto:{contact})" if contact else ")")


class SettingsError(NewsdeskError, ValueError):
    """An environment variable holds a value we cannot use."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Configuration for every component, read once from the environment."""

    data_dir: Path
    database_url: str
    broker_url: str
    sources: Path | None
    summary_sentences: int = SUMMARY_SENTENCES
    excerpt_chars: int = EXCERPT_CHARS
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    cors_origins: tuple[str, ...] = ()
    rate_limit: int = 0
    # where the API processes share their rate-limit counters (None: each keeps its own)
    redis_url: str | None = None
    redis_prefix: str = "newsdesk:"
    # peers whose X-Forwarded-For names the client (a reverse proxy); from any other peer the
    # header is the client's own claim, and ignored
    trusted_proxies: tuple[Network, ...] = ()
    editor_tokens: tuple[str, ...] = ()
    reader_tokens: tuple[str, ...] = ()
    # alerts: consecutive failed deliveries that pause an alert; the first retry's delay (doubling)
    alert_max_failures: int = 5
    # a worker's pool child is replaced by a fresh fork of the warmed parent after this many tasks:
    # it bounds what a child's heap grows to (docs/scale.md, Memory); 0 keeps children for good
    worker_max_tasks: int = WORKER_MAX_TASKS
    alert_retry_seconds: float = 10.0
    # tests only: lets "submit a URL" and webhooks reach loopback servers; never read from the environment
    allow_loopback_fetch: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from `environ` (default: the process environment)."""
        env = os.environ if environ is None else environ
        data_dir = Path(env.get(PREFIX + "DATA_DIR") or "./var").expanduser().resolve()
        database_url = env.get(PREFIX + "DATABASE_URL") or f"sqlite:///{data_dir / 'newsdesk.db'}"
        broker_url = env.get(PREFIX + "BROKER_URL") or f"filesystem://{data_dir / 'broker'}"
        sources = env.get(PREFIX + "SOURCES")
        return cls(
            data_dir=data_dir,
            database_url=database_url,
            broker_url=broker_url,
            sources=Path(sources).expanduser() if sources else None,
            summary_sentences=_positive_int(env, "SUMMARY_SENTENCES", SUMMARY_SENTENCES),
            excerpt_chars=_positive_int(env, "EXCERPT_CHARS", EXCERPT_CHARS),
            api_host=env.get(PREFIX + "API_HOST") or "127.0.0.1",
            api_port=_positive_int(env, "API_PORT", 8000, maximum=65535),
            cors_origins=_list(env, "CORS_ORIGINS"),
            rate_limit=_positive_int(env, "RATE_LIMIT", 0, minimum=0),
            # unset: the broker's Redis when the broker is Redis, else none
            redis_url=env.get(PREFIX + "REDIS_URL")
            or (broker_url if broker_url.startswith(("redis://", "rediss://")) else None),
            redis_prefix=env.get(PREFIX + "REDIS_PREFIX") or "newsdesk:",
            trusted_proxies=_networks(env, "TRUSTED_PROXIES"),
            editor_tokens=_list(env, "EDITOR_TOKENS"),
            reader_tokens=_list(env, "READONLY_TOKENS"),
            alert_max_failures=_positive_int(env, "ALERT_MAX_FAILURES", 5),
            worker_max_tasks=_positive_int(env, "WORKER_MAX_TASKS", WORKER_MAX_TASKS, minimum=0),
            alert_retry_seconds=_positive_float(env, "ALERT_RETRY_SECONDS", 10.0),
        )


def _list(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    """A comma-separated variable as a tuple of non-empty items."""
    return tuple(item.strip() for item in (env.get(PREFIX + name) or "").split(",") if item.strip())


def _networks(env: Mapping[str, str], name: str) -> tuple[Network, ...]:
    """A comma-separated list of IP addresses and CIDR blocks (10.0.0.0/8, ::1)."""
    networks = []
    for item in _list(env, name):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise SettingsError(f"{PREFIX}{name}: {item!r} is not an IP address or CIDR block") from None
    return tuple(networks)


def _positive_int(
    env: Mapping[str, str], name: str, default: int, minimum: int = 1, maximum: int | None = None
) -> int:
    raw = env.get(PREFIX + name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{PREFIX}{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{PREFIX}{name} must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise SettingsError(f"{PREFIX}{name} must be at most {maximum}, got {value}")
    return value


def _positive_float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(PREFIX + name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{PREFIX}{name} must be a number of seconds, got {raw!r}") from None
    if not value > 0 or value == float("inf"):
        raise SettingsError(f"{PREFIX}{name} must be a positive number of seconds, got {raw!r}")
    return value
