"""The sources file: which sites to crawl, how to find their articles, and how politely.

A TOML file of ``[[source]]`` tables (see the shipped ``sources.toml``) and an optional
``[crawler]`` table of crawl-wide defaults. Anything malformed raises ``SourcesError`` naming
the source and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from crawler import SourcesError, UnknownSourceError
from crawler.schedule import parse_schedule

DEFAULT_SOURCES = Path(__file__).with_name("sources.toml")
KINDS = ("feed", "sitemap", "listing")
_HOST_RE = re.compile(r"^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$")
_SOURCE_KEYS = frozenset(
    {"name", "kind", "start_urls", "article_links", "next_page", "allowed_domains", "category",
     "schedule", "max_pages", "delay", "confirmed", "note", "drop_params"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LinkRule:
    """How to pick links: a CSS selector, or a regex over absolute URLs (written ``re:…``)."""

    kind: Literal["css", "regex"]
    pattern: str

    @classmethod
    def parse(cls, text: str) -> LinkRule:
        """Read ``re:PATTERN`` as a regex, ``css:SELECTOR`` or anything else as a CSS selector."""
        if text.startswith("re:"):
            rule = cls("regex", text[3:])
            re.compile(rule.pattern)
            return rule
        rule = cls("css", text.removeprefix("css:"))
        from parsel.csstranslator import HTMLTranslator

        HTMLTranslator().css_to_xpath(rule.pattern)
        return rule


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One site section to crawl, as the sources file describes it."""

    name: str
    kind: Literal["feed", "sitemap", "listing"]
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    category: str
    schedule: str
    article_links: LinkRule | None = None
    next_page: LinkRule | None = None
    max_pages: int = 3
    delay: float = 1.0
    confirmed: bool = True
    note: str | None = None
    drop_params: frozenset[str] = frozenset()  # this site's list-state parameters, lower-cased

    def url_allowed(self, url: str) -> bool:
        """True when `url`'s host is allowed and, where a start URL on that host names a port, its port
        is one of those (127.0.0.1:8001 is another site than 127.0.0.1:8002)."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            return False
        host = (parts.hostname or "").lower()
        if not host_allowed(host, self.allowed_domains):
            return False
        pinned = {p for h, p in _start_origins(self.start_urls) if h == host and p is not None}
        return not pinned or (port or _DEFAULT_PORTS.get(parts.scheme.lower())) in pinned

    def crontab(self) -> Any:
        """The schedule as the ``celery.schedules.crontab`` beat fires it with."""
        return parse_schedule(self.schedule)


@dataclass(frozen=True, slots=True)
class CrawlDefaults:
    """Crawl-wide settings from the ``[crawler]`` table; every source shares them."""

    contact: str = "newsroom@example.org"
    user_agent: str | None = None
    download_timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    retry_times: int = 2
    backoff: float = 1.0
    backoff_max: float = 30.0
    redirect_max: int = 5
    revisit_hours: float = 24.0
    concurrency_per_host: int = 2
    autothrottle: bool = True
    autothrottle_max_delay: float = 30.0


@dataclass(frozen=True, slots=True)
class SourcesFile:
    """A parsed sources file."""

    path: Path
    crawler: CrawlDefaults
    sources: tuple[SourceSpec, ...]

    def get(self, name: str) -> SourceSpec:
        """The source called `name`, or UnknownSourceError listing the names there are."""
        for spec in self.sources:
            if spec.name == name:
                return spec
        names = ", ".join(s.name for s in self.sources) or "none"
        raise UnknownSourceError(f"{self.path}: no source named {name!r} (sources: {names})")


def sources_path(sources_file: Path | None, configured: Path | None) -> Path:
    """The file to read: the one asked for, else the configured one, else the shipped default."""
    return sources_file or configured or DEFAULT_SOURCES


def load_sources(path: Path | None = None) -> SourcesFile:
    """Read and check a sources file (default: the shipped one)."""
    path = path or DEFAULT_SOURCES
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourcesError(f"{path}: cannot read sources file: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SourcesError(f"{path}: not a valid TOML file: {error}") from None
    extra = set(data) - {"source", "crawler"}
    if extra:
        raise SourcesError(
            f"{path}: unknown top-level key {sorted(extra)[0]!r} (use [[source]] or [crawler])"
        )
    tables = data.get("source", [])
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{path}: no [[source]] tables")
    crawler = _crawler_defaults(_Table(data.get("crawler", {}), f"{path}: [crawler]"))
    specs = tuple(_source(_Table(t, f"{path}: source #{i}"), path) for i, t in enumerate(tables, 1))
    _check_unique(specs, path)
    return SourcesFile(path, crawler, specs)


class _Table:
    """One TOML table with typed getters whose errors name the table and the key."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise SourcesError(f"{where}: must be a table")
        self.data: dict[str, Any] = data
        self.where = where

    def fail(self, key: str, problem: str) -> SourcesError:
        return SourcesError(f"{self.where}: key {key!r}: {problem}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ..., what: str = "") -> Any:
        if key not in self.data:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _types(kind)):
            raise self.fail(key, f"must be {what or _name(kind)}, got {value!r}")
        return value

    def number(self, key: str, default: float, minimum: float, integer: bool = False) -> Any:
        value = self.get(
            key, int if integer else (int, float), default, "a whole number" if integer else "a number"
        )
        if value < minimum:
            raise self.fail(key, f"must be at least {minimum}, got {value}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, what="a list of strings")
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            raise self.fail(key, "must be a non-empty list of strings")
        return tuple(v.strip() for v in values)

    def check_keys(self, allowed: frozenset[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(key, "unknown key")


def _types(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "a whole number", float: "a number", bool: "true or false", list: "a list"}
    return " or ".join(names.get(k, k.__name__) for k in _types(kind))


def _source(table: _Table, path: Path) -> SourceSpec:
    name = table.get("name", str).strip()
    if not name:
        raise table.fail("name", "must not be empty")
    table.where = f"{path}: source {name!r}"
    table.check_keys(_SOURCE_KEYS)
    kind = table.get("kind", str)
    if kind not in KINDS:
        raise table.fail("kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
    domains = _domains(table)
    return SourceSpec(
        name=name,
        kind=kind,
        start_urls=_start_urls(table, domains),
        allowed_domains=domains,
        category=table.get("category", str),
        schedule=_schedule(table),
        article_links=_article_rule(table, kind),
        next_page=_rule(table, "next_page", required=False),
        max_pages=table.number("max_pages", 3, 1, integer=True),
        delay=float(table.number("delay", 1.0, 0.0)),
        confirmed=table.get("confirmed", bool, True),
        note=table.get("note", str, None),
        drop_params=frozenset(p.lower() for p in table.strings("drop_params"))
        if "drop_params" in table.data
        else frozenset(),
    )


def _domains(table: _Table) -> tuple[str, ...]:
    domains = tuple(d.lower() for d in table.strings("allowed_domains"))
    for domain in domains:
        if not _HOST_RE.match(domain):
            raise table.fail(
                "allowed_domains", f"{domain!r} is not a bare host name (no scheme, port or path)"
            )
    return domains


def _start_urls(table: _Table, domains: tuple[str, ...]) -> tuple[str, ...]:
    urls = table.strings("start_urls")
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise table.fail("start_urls", f"{url!r} is not an http(s) URL")
        if not host_allowed(parts.hostname, domains):
            raise table.fail("start_urls", f"{url!r} is outside allowed_domains")
    return urls


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _start_origins(urls: tuple[str, ...]) -> list[tuple[str, int | None]]:
    """(host, explicit port or None) of each start URL."""
    found: list[tuple[str, int | None]] = []
    for url in urls:
        try:
            parts = urlsplit(url)
            found.append(((parts.hostname or "").lower(), parts.port))
        except ValueError:
            continue
    return found


def host_allowed(host: str, domains: tuple[str, ...]) -> bool:
    """True when `host` is one of `domains` or a subdomain of one."""
    host = host.lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def _schedule(table: _Table) -> str:
    schedule = " ".join(table.get("schedule", str).split())
    try:
        parse_schedule(schedule)
    except ValueError as error:
        raise table.fail("schedule", str(error)) from None
    return schedule


def _article_rule(table: _Table, kind: str) -> LinkRule | None:
    rule = _rule(table, "article_links", required=kind == "listing")
    if rule is not None and rule.kind == "css" and kind != "listing":
        raise table.fail("article_links", f"a {kind} takes a URL regex written 're:…', not a CSS selector")
    return rule


def _rule(table: _Table, key: str, required: bool) -> LinkRule | None:
    text = table.get(key, str, ... if required else None)
    if text is None:
        return None
    if not text.strip():
        raise table.fail(key, "must not be empty")
    try:
        return LinkRule.parse(text.strip())
    except re.error as error:
        raise table.fail(key, f"bad regular expression: {error}") from None
    except Exception as error:  # cssselect's SelectorSyntaxError and friends
        raise table.fail(key, f"bad CSS selector: {error}") from None


def _crawler_defaults(table: _Table) -> CrawlDefaults:
    base = CrawlDefaults()
    table.check_keys(frozenset(CrawlDefaults.__dataclass_fields__))
    return CrawlDefaults(
        contact=table.get("contact", str, base.contact),
        user_agent=table.get("user_agent", str, base.user_agent),
        download_timeout=float(table.number("download_timeout", base.download_timeout, 0.1)),
        max_bytes=table.number("max_bytes", base.max_bytes, 1024, integer=True),
        retry_times=table.number("retry_times", base.retry_times, 0, integer=True),
        backoff=float(table.number("backoff", base.backoff, 0.0)),
        backoff_max=float(table.number("backoff_max", base.backoff_max, 0.0)),
        redirect_max=table.number("redirect_max", base.redirect_max, 1, integer=True),
        revisit_hours=float(table.number("revisit_hours", base.revisit_hours, 0.0)),
        concurrency_per_host=table.number("concurrency_per_host", base.concurrency_per_host, 1, integer=True),
        autothrottle=table.get("autothrottle", bool, base.autothrottle),
        autothrottle_max_delay=float(
            table.number("autothrottle_max_delay", base.autothrottle_max_delay, 0.0)
        ),
    )


def _check_unique(specs: tuple[SourceSpec, ...], path: Path) -> None:
    seen: set[str] = set()
    for spec in specs:
        if spec.name in seen:
            raise SourcesError(f"{path}: source {spec.name!r}: key 'name': used twice")
        seen.add(spec.name)
