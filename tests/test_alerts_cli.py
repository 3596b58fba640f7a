"""`newsdesk alerts add|list|rm|test` on a real SQLite file; `test` posts to a real receiver."""

from __future__ import annotations

import dataclasses
import json

import pytest

from ingest.pipeline import Origin, ingest
from newsdesk.alerts_cmd import cmd_alerts
from newsdesk.cli import build_parser, main
from newsdesk.errors import CommandError
from newsdesk.settings import Settings
from store.db import Database
from tests.support.alerts import PUBLIC_HOOK, receiver, youth_page


def add(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    assert main(["alerts", "add", "청년 정책", "청년 지원", "--webhook", PUBLIC_HOOK, "--json", *extra]) == 0
    record: dict[str, object] = json.loads(capsys.readouterr().out)
    return record


def test_add_list_and_rm(capsys: pytest.CaptureFixture[str]) -> None:
    made = add(capsys, "--category", "고용·노동")
    assert made["filters"] == {"category": "고용·노동"} and len(str(made["secret"])) >= 32
    assert main(["alerts", "list", "--json"]) == 0
    (listed,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed["id"] == made["id"] and listed["paused"] is False and "secret" not in listed
    assert main(["alerts", "rm", str(made["id"])]) == 0
    assert main(["alerts", "list"]) == 0
    assert "청년" not in capsys.readouterr().out
    assert main(["alerts", "rm", str(made["id"])]) == 1
    assert capsys.readouterr().err.strip() == f"newsdesk alerts: no alert with id {made['id']}"


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["x", "청년", "--webhook", "http://127.0.0.1:8080/"], "loopback"),
        (["x", "청년", "--webhook", "http://192.168.0.10/"], "private"),
        (["x", "--webhook", PUBLIC_HOOK, "--", "-청년"], "no searchable words"),
    ],
)
def test_add_refuses_private_webhooks_and_empty_queries_in_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    assert main(["alerts", "add", *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsdesk alerts: ") and reason in err and err.count("\n") == 1


def test_test_posts_a_signed_sample_of_the_newest_match_and_reports_the_answer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = dataclasses.replace(Settings.from_env(), allow_loopback_fetch=True)
    db = Database(settings.database_url)
    raw = youth_page(1)
    article = ingest(db, raw, Origin("https://news.example.com/a/1", "고용신문")).article_id
    with receiver(script=[200, 503]) as hook:
        args = build_parser().parse_args(
            ["alerts", "add", "청년", "청년 지원", "--webhook", hook.url(), "--json"]
        )
        assert cmd_alerts(args, settings) == 0
        made = json.loads(capsys.readouterr().out)
        test = build_parser().parse_args(["alerts", "test", str(made["id"])])
        assert cmd_alerts(test, settings) == 0
        assert "HTTP 200" in capsys.readouterr().out
        with pytest.raises(CommandError, match="HTTP 503"):
            cmd_alerts(test, settings)
        first = hook.all()[0]
    db.dispose()
    assert first.signed_by(made["secret"])
    body = first.json()
    assert body["test"] is True and body["delivery_id"] == first.delivery_id
    assert body["article"]["id"] == article  # the newest stored article the search finds


def test_test_through_the_cli_applies_the_guard(capsys: pytest.CaptureFixture[str]) -> None:
    made = add(capsys)
    with receiver() as hook:  # point the stored alert at loopback behind the CLI's back
        db = Database(Settings.from_env().database_url)
        with db.transaction() as session:
            from store.models import Alert

            session.get_one(Alert, made["id"]).webhook = hook.url()
        db.dispose()
        assert main(["alerts", "test", str(made["id"])]) == 1
        assert hook.all() == []
    assert "loopback address" in capsys.readouterr().err


def test_test_of_a_health_only_alert_posts_a_health_event(capsys: pytest.CaptureFixture[str]) -> None:
    settings = dataclasses.replace(Settings.from_env(), allow_loopback_fetch=True)
    with receiver() as hook:
        argv = [
            "alerts",
            "add",
            "출처 경보",
            "",
            "--source-health",
            "--source",
            "고용신문",
            "--webhook",
            hook.url(),
        ]
        assert cmd_alerts(build_parser().parse_args([*argv, "--json"]), settings) == 0
        made = json.loads(capsys.readouterr().out)
        assert cmd_alerts(build_parser().parse_args(["alerts", "test", str(made["id"])]), settings) == 0
        (posted,) = hook.all()
    body = posted.json()
    assert posted.signed_by(made["secret"]) and body["test"] is True and "article" not in body
    assert body["event"] == "source_failing" and body["source"]["name"] == "고용신문"
    assert body["source"]["status"] == "failing" and body["source"]["reasons"]
