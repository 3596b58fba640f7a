"""Argument errors read as the subcommand's, and `search -word` is a query, not an unknown option."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli import main
from tests.support.cli import json_lines, one_line, run
from tests.support.pages import COOPERATION, HIKING, article_html

GOV = "https://www.mois.example.go.kr/news/view.do?id=9001"
FOREST = "https://www.forest.example.org/news/42"


@pytest.fixture
def two_articles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Two articles that both say 밝혔다; only the second says 등산로."""
    for name, title, body, url in (
        ("gov.html", "지자체와 협력해 겨울철 재난 대응 점검", COOPERATION, GOV),
        ("forest.html", "등산로 안전시설 새로 정비", HIKING, FOREST),
    ):
        (tmp_path / name).write_bytes(article_html(title, body))
        assert run(capsys, "ingest", str(tmp_path / name), "--url", url)[0] == 0


@pytest.mark.usefixtures("two_articles")
def test_search_takes_a_dash_word_as_an_exclusion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "밝혔다", "--json")
    assert code == 0 and {hit["url"] for hit in json_lines(out)} == {GOV, FOREST}
    for argv in (
        ["-등산로", "밝혔다", "--json"],
        ["--json", "-등산로", "밝혔다"],
        ["밝혔다", "-등산로", "--json"],
        ["--limit", "5", "-등산로", "밝혔다", "--json"],
        ["--lim=5", "-등산로 밝혔다", "--json"],
        ["--json", "--", "-등산로", "밝혔다"],  # the old way still works
    ):
        code, out, err = run(capsys, "search", *argv)
        assert code == 0, err
        assert [hit["url"] for hit in json_lines(out)] == [GOV], argv
    code, out, _ = run(capsys, "search", "-등산로", "밝혔다")
    assert code == 0 and out.startswith("1 articles match '-등산로 밝혔다'")


def test_a_query_of_exclusions_only_is_refused_as_a_query_not_as_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Not "the following arguments are required: query": the query is there, and says too little."""
    code, out, err = run(capsys, "search", "-심야")
    assert code == 1 and out == ""
    assert one_line(err) == "newsdesk search: the query has no searchable words besides exclusions"


@pytest.mark.parametrize(
    ("argv", "usage", "said"),
    [
        (["demo", "--querry", "x"], "usage: newsdesk demo ", "unrecognized arguments: --querry x"),
        (["drafts", "list", "--stauts", "draft"], "usage: newsdesk drafts list ", "--stauts draft"),
        (["ingest", "a.html", "--sorce", "x"], "usage: newsdesk ingest ", "--sorce x"),
        (["search", "청년", "--limit"], "usage: newsdesk search ", "expected one argument"),
        (["serve", "--wokers", "2"], "usage: newsdesk serve ", "--wokers 2"),
        (["frobnicate"], "usage: newsdesk [-h] COMMAND", "invalid choice: 'frobnicate'"),
    ],
)
def test_an_argument_error_shows_the_usage_of_the_command_given(
    capsys: pytest.CaptureFixture[str], argv: list[str], usage: str, said: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage) and said in err.splitlines()[-1]
