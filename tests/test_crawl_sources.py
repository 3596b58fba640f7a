"""The sources file: the shipped one is valid, and a bad one names the source and the key."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from celery.schedules import crontab

from crawler import SourcesError, UnknownSourceError
from crawler.schedule import last_fire, parse_schedule
from crawler.sources import DEFAULT_SOURCES, LinkRule, load_sources, sources_path

GOOD = """
[[source]]
name = "x"
kind = "listing"
start_urls = ["https://news.example.go.kr/list.do"]
allowed_domains = ["example.go.kr"]
category = "복지"
schedule = "*/30 * * * *"
article_links = "ul.board_list a"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_file_has_policy_sources_and_is_honest_about_them() -> None:
    sources = load_sources()
    names = {s.name for s in sources.sources}
    assert {"korea-policy", "korea-pressrelease", "korea-pressrelease-list", "seoul-news"} <= names
    ministries = {s.name for s in sources.sources if "korea.kr/rss/dept_" in s.start_urls[0]}
    assert len(ministries) >= 3
    assert {s.kind for s in sources.sources} <= {"feed", "sitemap", "listing"}
    assert all(s.note for s in sources.sources if not s.confirmed), (
        "an unconfirmed URL says where it comes from"
    )
    assert sources.get("korea-pressrelease").start_urls == ("https://www.korea.kr/rss/pressrelease.xml",)
    assert sources.crawler.contact and sources.crawler.max_bytes > 0


def test_a_good_file_reads_with_defaults(tmp_path: Path) -> None:
    spec = load_sources(write(tmp_path, GOOD)).get("x")
    assert spec.article_links == LinkRule("css", "ul.board_list a")
    assert (spec.max_pages, spec.delay, spec.next_page, spec.confirmed) == (3, 1.0, None, True)
    assert spec.drop_params == frozenset()
    assert spec.crontab() == crontab(minute="*/30")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('name = "x"', 'name = ""'), "source #1: key 'name': must not be empty"),
        (('name = "x"\n', ""), "source #1: key 'name': missing"),
        (
            ('kind = "listing"', 'kind = "rss"'),
            "source 'x': key 'kind': must be one of feed, sitemap, listing",
        ),
        (
            ('"*/30 * * * *"', '"61 * * * *"'),
            "source 'x': key 'schedule': cron expression '61 * * * *': Invalid end range: 61 > 59.",
        ),
        (('"*/30 * * * *"', '"0 9 * *"'), "key 'schedule': cron expression needs 5 fields"),
        (
            ('"*/30 * * * *"', '"0 9 * * funday"'),
            "key 'schedule': cron expression '0 9 * * funday': Invalid weekday literal 'funday'.",
        ),
        (
            ('["https://news.example.go.kr/list.do"]', '["https://elsewhere.kr/list.do"]'),
            "key 'start_urls': 'https://elsewhere.kr/list.do' is outside allowed_domains",
        ),
        (
            ('["https://news.example.go.kr/list.do"]', '["ftp://example.go.kr/x"]'),
            "key 'start_urls': 'ftp://",
        ),
        (
            ('["example.go.kr"]', '["https://example.go.kr"]'),
            "key 'allowed_domains': 'https://example.go.kr' is not a bare",
        ),
        (('article_links = "ul.board_list a"\n', ""), "source 'x': key 'article_links': missing"),
        (('"ul.board_list a"', '"re:("'), "key 'article_links': bad regular expression"),
        (('"ul.board_list a"', '"ul[class="'), "key 'article_links': bad CSS selector"),
        (
            ('category = "복지"', 'category = "복지"\nmax_pages = 0'),
            "key 'max_pages': must be at least 1, got 0",
        ),
        (('category = "복지"', 'category = "복지"\ndelay = "fast"'), "key 'delay': must be a number"),
        (
            ('category = "복지"', 'category = "복지"\nconfirmed = "yes"'),
            "key 'confirmed': must be true or false",
        ),
        (('category = "복지"', 'category = "복지"\nschedul = "x"'), "source 'x': key 'schedul': unknown key"),
        (
            ('category = "복지"', 'category = "복지"\ndrop_params = []'),
            "key 'drop_params': must be a non-empty list of strings",
        ),
    ],
)
def test_a_bad_source_names_the_source_and_the_key(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    with pytest.raises(SourcesError, match=re.escape(message)):
        load_sources(write(tmp_path, text))


def test_feeds_take_a_regex_not_a_css_selector(tmp_path: Path) -> None:
    text = GOOD.replace('kind = "listing"', 'kind = "feed"')
    with pytest.raises(SourcesError, match="key 'article_links': a feed takes a URL regex"):
        load_sources(write(tmp_path, text))
    regex = load_sources(write(tmp_path, text.replace('"ul.board_list a"', r"'re:/news/\d+'"))).get("x")
    assert regex.article_links == LinkRule("regex", r"/news/\d+")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD + GOOD, "source 'x': key 'name': used twice"),
        ('[crawler]\ncontact = "a@b"\nspeed = 3\n' + GOOD, r"\[crawler\]: key 'speed': unknown key"),
        ("[crawler]\nretry_times = -1\n" + GOOD, r"\[crawler\]: key 'retry_times': must be at least 0"),
        ("[[source]\nname = 1", "not a valid TOML file"),
        ('[crawler]\ncontact = "a@b"\n', r"no \[\[source\]\] tables"),
        ("[[sources]]\nname = 'x'\n" + GOOD, "unknown top-level key 'sources'"),
    ],
)
def test_a_bad_file_says_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SourcesError, match=message):
        load_sources(write(tmp_path, text))


def test_missing_file_and_unknown_name(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="cannot read sources file"):
        load_sources(tmp_path / "nope.toml")
    with pytest.raises(UnknownSourceError, match=r"no source named 'y' \(sources: x\)"):
        load_sources(write(tmp_path, GOOD)).get("y")


def test_the_file_asked_for_wins_over_the_configured_one(tmp_path: Path) -> None:
    assert sources_path(tmp_path / "a.toml", tmp_path / "b.toml") == tmp_path / "a.toml"
    assert sources_path(None, tmp_path / "b.toml") == tmp_path / "b.toml"
    assert sources_path(None, None) == DEFAULT_SOURCES


@pytest.mark.parametrize(
    "expression", ["*/15 8-18 * * mon-fri", "5,35 * * jan-mar 0,6", "0 9-17/2 1 * *", "0 9 * * sun"]
)
def test_cron_expressions_that_read(expression: str) -> None:
    """Read by Celery's own parser: what loads is what beat fires."""
    assert parse_schedule(expression) == crontab.from_string(expression)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("0 9 * * 7", "7 > 6"),  # Celery's weekdays are 0-6: once loaded, then beat died on it
        ("0 0 31 2 *", "never occurs"),
        ("* 24 * * *", "24 > 23"),
        ("* * * 13 *", "13 > 12"),
        ("@daily", "5 fields"),
    ],
)
def test_cron_expressions_that_do_not(expression: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_schedule(expression)


def test_a_schedule_celery_refuses_is_refused_at_load_in_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("*/30 * * * *", "0 9 * * 7"))
    with pytest.raises(SourcesError, match="schedule") as caught:
        load_sources(path)
    assert "\n" not in str(caught.value) and "7 > 6" in str(caught.value)


def test_a_fires_slot_is_the_last_fire_celery_would_make() -> None:
    kst = dt.timezone(dt.timedelta(hours=9))
    monday = dt.datetime(2025, 12, 15, 8, 59, tzinfo=kst)
    assert last_fire("0 9 * * mon-fri", monday) == dt.datetime(2025, 12, 12, 9, 0, tzinfo=kst)
    assert last_fire("0 9 29 2 *", monday).date() == dt.date(2024, 2, 29)


def test_drop_params_name_a_sites_own_list_state(tmp_path: Path) -> None:
    """Read lower-cased; the shipped 보도자료 list drops its menu state from article keys."""
    text = GOOD.replace('category = "복지"', 'category = "복지"\ndrop_params = ["pWise", "menuNo"]')
    assert load_sources(write(tmp_path, text)).get("x").drop_params == {"pwise", "menuno"}
    assert "pwise" in load_sources().get("korea-pressrelease-list").drop_params
