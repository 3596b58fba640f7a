"""Settings: the only reader of the environment."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsdesk.settings import Settings, SettingsError


def test_defaults_live_under_a_resolved_var_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.from_env({})
    var = (tmp_path / "var").resolve()
    assert settings.data_dir == var
    assert settings.data_dir.is_absolute()
    assert settings.database_url == f"sqlite:///{var / 'newsdesk.db'}"
    assert settings.broker_url.startswith("filesystem://")
    assert str(var / "broker") in settings.broker_url
    assert settings.sources is None
    assert settings.summary_sentences == 3
    assert settings.excerpt_chars == 160


def test_reading_settings_touches_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Settings.from_env({})
    assert not (tmp_path / "var").exists()


def test_process_environment_is_the_default_source(isolated_env: Path) -> None:
    settings = Settings.from_env()
    assert settings.data_dir == isolated_env.resolve()
    assert settings.database_url == f"sqlite:///{isolated_env.resolve() / 'newsdesk.db'}"


def test_environment_overrides_every_setting(tmp_path: Path) -> None:
    env = {
        "NEWSDESK_DATA_DIR": str(tmp_path / "data"),
        "NEWSDESK_DATABASE_URL": "postgresql+psycopg://news@db/newsdesk",
        "NEWSDESK_BROKER_URL": "redis://broker:6379/0",
        "NEWSDESK_SOURCES": str(tmp_path / "sources.toml"),
        "NEWSDESK_SUMMARY_SENTENCES": "5",
        "NEWSDESK_EXCERPT_CHARS": "200",
        "NEWSDESK_API_HOST": "0.0.0.0",
        "NEWSDESK_API_PORT": "8080",
        "NEWSDESK_CORS_ORIGINS": "https://a.example.com, ,https://b.example.com",
        "NEWSDESK_RATE_LIMIT": "0",
        "NEWSDESK_EDITOR_TOKENS": "ed1,ed2",
        "NEWSDESK_WORKER_MAX_TASKS": "0",
    }
    settings = Settings.from_env(env)
    assert settings.data_dir == (tmp_path / "data").resolve()
    assert settings.database_url == "postgresql+psycopg://news@db/newsdesk"
    assert settings.broker_url == "redis://broker:6379/0"
    assert settings.sources == tmp_path / "sources.toml"
    assert settings.summary_sentences == 5
    assert settings.excerpt_chars == 200
    assert (settings.api_host, settings.api_port, settings.rate_limit) == ("0.0.0.0", 8080, 0)
    assert settings.cors_origins == ("https://a.example.com", "https://b.example.com")
    assert settings.editor_tokens == ("ed1", "ed2")
    assert settings.worker_max_tasks == 0  # children kept for good


def test_data_dir_override_moves_the_default_database(tmp_path: Path) -> None:
    settings = Settings.from_env({"NEWSDESK_DATA_DIR": str(tmp_path / "elsewhere")})
    assert settings.database_url == f"sqlite:///{(tmp_path / 'elsewhere').resolve() / 'newsdesk.db'}"
    assert str((tmp_path / "elsewhere").resolve()) in settings.broker_url


def test_data_dir_expands_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = Settings.from_env({"NEWSDESK_DATA_DIR": "~/news"})
    assert settings.data_dir == (tmp_path / "news").resolve()


def test_empty_values_fall_back_to_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.from_env(
        {"NEWSDESK_DATABASE_URL": "", "NEWSDESK_SUMMARY_SENTENCES": "", "NEWSDESK_SOURCES": ""}
    )
    assert settings.database_url.startswith("sqlite:///")
    assert settings.summary_sentences == 3
    assert settings.sources is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NEWSDESK_SUMMARY_SENTENCES", "three"),
        ("NEWSDESK_SUMMARY_SENTENCES", "0"),
        ("NEWSDESK_SUMMARY_SENTENCES", "-2"),
        ("NEWSDESK_EXCERPT_CHARS", "1.5"),
        ("NEWSDESK_EXCERPT_CHARS", "160자"),
        ("NEWSDESK_API_PORT", "80a"),
        ("NEWSDESK_API_PORT", "0"),
        ("NEWSDESK_RATE_LIMIT", "-1"),
        ("NEWSDESK_WORKER_MAX_TASKS", "-5"),
    ],
)
def test_bad_numbers_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name) as caught:
        Settings.from_env({name: value})
    assert isinstance(caught.value, ValueError)


def test_an_impossible_port_is_refused() -> None:
    with pytest.raises(SettingsError, match="NEWSDESK_API_PORT"):
        Settings.from_env({"NEWSDESK_API_PORT": "70000"})


def test_settings_are_frozen() -> None:
    settings = Settings.from_env({})
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.database_url = "sqlite:///elsewhere.db"  # type: ignore[misc]
    with pytest.raises((dataclasses.FrozenInstanceError, AttributeError, TypeError)):
        settings.extra = 1  # type: ignore[attr-defined]
