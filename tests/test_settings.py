"""api/core/settings.py: every environment variable, its default, each form of value the README
documents, and a bad value that stops the start with the variable's name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.core.settings import (
    DEFAULT_MODEL,
    PROJECT_ROOT,
    InvalidSettingError,
    RateLimit,
    Settings,
)
from bot.clock import BOT_TODAY_VAR, ClockConfigError

ROOT = Path(__file__).resolve().parent.parent
ENV_NAMES = {field.field_info.extra["env"] for field in Settings.__fields__.values()}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only what a test sets: none of the service's variables, nor BOT_TODAY."""
    for name in {*ENV_NAMES, BOT_TODAY_VAR}:
        monkeypatch.delenv(name, raising=False)


def settings_with(monkeypatch: pytest.MonkeyPatch, **env: str) -> Settings:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings.from_env()


def test_defaults() -> None:
    settings = Settings.from_env()
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.model_path == DEFAULT_MODEL and DEFAULT_MODEL.parent == PROJECT_ROOT / "models"
    assert settings.endpoints_path == PROJECT_ROOT / "endpoints.yml"
    assert settings.data_dir == PROJECT_ROOT / "var"
    assert settings.action_endpoint_url is None
    assert settings.log_level == "INFO"
    assert (settings.max_message_chars, settings.max_body_bytes) == (1000, 16_384)
    assert settings.rate_per_sender == RateLimit(20, 60)
    assert settings.rate_per_client == RateLimit(600, 60)
    assert settings.rate_feedback == RateLimit(30, 60)
    assert settings.cors_origins == () and settings.admin_users == ()
    assert settings.api_token is None and settings.admin_token is None
    assert settings.identity_header is None and settings.conversation_secret is None
    assert settings.frame_ancestors == "'self'"
    assert settings.action_webhook_open is False and settings.collect_unanswered is False
    assert settings.enable_docs is True
    assert (settings.retention_days, settings.purge_interval_minutes) == (30.0, 60.0)
    assert settings.turn_timeout_seconds == 20.0
    assert (settings.lock_wait_seconds, settings.lock_lifetime_seconds) == (20.0, 10.0)


def test_plain_values(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_with(
        monkeypatch,
        HOST="0.0.0.0",
        PORT="9000",
        BOT_DATA_DIR="/srv/data",
        MODEL_PATH="/srv/model.tar.gz",
        ENDPOINTS_PATH="/srv/endpoints.yml",
        FRAME_ANCESTORS="'self' https://intranet.example",
        RETENTION_DAYS="0.5",
        PURGE_INTERVAL_MINUTES="5",
        TURN_TIMEOUT_SECONDS="3",
        LOCK_WAIT_SECONDS="2",
        LOCK_LIFETIME_SECONDS="9",
        MAX_MESSAGE_CHARS="50",
        MAX_BODY_BYTES="100",
    )
    assert (settings.host, settings.port) == ("0.0.0.0", 9000)
    assert settings.data_dir == Path("/srv/data")
    assert settings.model_path == Path("/srv/model.tar.gz")
    assert settings.endpoints_path == Path("/srv/endpoints.yml")
    assert settings.frame_ancestors == "'self' https://intranet.example"
    assert (settings.retention_days, settings.purge_interval_minutes) == (0.5, 5.0)
    assert settings.turn_timeout_seconds == 3.0
    assert (settings.lock_wait_seconds, settings.lock_lifetime_seconds) == (2.0, 9.0)
    assert (settings.max_message_chars, settings.max_body_bytes) == (50, 100)


def test_case_of_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """LOG_LEVEL is upper-cased, the header name lower-cased (Starlette's lookups), and the
    variables' own names are case-sensitive, as before."""
    settings = settings_with(
        monkeypatch, LOG_LEVEL="debug", TRUSTED_IDENTITY_HEADER="X-Remote-User", port="1"
    )
    assert settings.log_level == "DEBUG"
    assert settings.identity_header == "x-remote-user"
    assert settings.port == 8000


def test_empty_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    names = ("ACTION_ENDPOINT_URL", "API_TOKEN", "ADMIN_TOKEN", "CONVERSATION_SECRET")
    settings = settings_with(
        monkeypatch,
        **dict.fromkeys(names, ""),
        TRUSTED_IDENTITY_HEADER="",
        MAX_MESSAGE_CHARS="",
        MAX_BODY_BYTES="",
        CORS_ORIGINS="",
        ADMIN_USERS=" , ",
    )
    assert settings.action_endpoint_url is None and settings.api_token is None
    assert settings.admin_token is None and settings.conversation_secret is None
    assert settings.identity_header is None
    assert (settings.max_message_chars, settings.max_body_bytes) == (1000, 16_384)
    assert settings.cors_origins == () and settings.admin_users == ()


def test_optional_values_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_with(
        monkeypatch,
        ACTION_ENDPOINT_URL="http://actions:5055/webhook",
        API_TOKEN="api-geheim",
        ADMIN_TOKEN="admin-geheim",
        CONVERSATION_SECRET="gesprek-geheim",
    )
    assert settings.action_endpoint_url == "http://actions:5055/webhook"
    assert settings.api_token == "api-geheim"
    assert settings.admin_token == "admin-geheim"
    assert settings.conversation_secret == "gesprek-geheim"
    shown = repr(settings)
    assert "geheim" not in shown, shown  # secrets stay out of logs and tracebacks


@pytest.mark.parametrize(
    ("value", "on"),
    [("1", True), ("0", False), ("", False), ("true", False), ("yes", False)],
)
def test_switches_that_are_off_unless_1(
    monkeypatch: pytest.MonkeyPatch, value: str, on: bool
) -> None:
    settings = settings_with(monkeypatch, ACTION_WEBHOOK_OPEN=value, COLLECT_UNANSWERED=value)
    assert settings.action_webhook_open is on and settings.collect_unanswered is on


@pytest.mark.parametrize(("value", "on"), [("0", False), ("1", True), ("", True), ("false", True)])
def test_enable_docs_is_on_unless_0(monkeypatch: pytest.MonkeyPatch, value: str, on: bool) -> None:
    assert settings_with(monkeypatch, ENABLE_DOCS=value).enable_docs is on


def test_comma_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_with(
        monkeypatch, CORS_ORIGINS=" https://a.example , ,https://b.example ", ADMIN_USERS="jan,piet"
    )
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.admin_users == ("jan", "piet")


def test_rate_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_with(
        monkeypatch, RATE_LIMIT_SENDER="0/1", RATE_LIMIT_CLIENT="5/2.5", RATE_LIMIT_FEEDBACK="1/60"
    )
    assert settings.rate_per_sender == RateLimit(0, 1.0)
    assert settings.rate_per_client == RateLimit(5, 2.5)
    assert settings.rate_feedback == RateLimit(1, 60.0)


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("PORT", "abc", "not a valid integer"),
        ("PORT", "", "not a valid integer"),
        ("MAX_BODY_BYTES", "1.5", "not a valid integer"),
        ("RETENTION_DAYS", "dertig", "not a valid float"),
        ("RATE_LIMIT_SENDER", "20", "requests/seconds"),
    ],
)
def test_a_bad_value_stops_the_start_naming_its_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, problem: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(InvalidSettingError) as raised:
        Settings.from_env()
    message = str(raised.value)
    assert f"{name}={value!r}" in message and problem in message, message


def test_a_malformed_bot_today_stops_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BOT_TODAY_VAR, "2 december")
    with pytest.raises(ClockConfigError, match=BOT_TODAY_VAR):
        Settings.from_env()


def test_settings_are_immutable_and_copied_with_changes(tmp_path: Path) -> None:
    settings = Settings.from_env()
    with pytest.raises(TypeError):
        settings.port = 1  # type: ignore[misc]
    changed = settings.copy(update={"data_dir": tmp_path})
    assert changed.data_dir == tmp_path and settings.data_dir == PROJECT_ROOT / "var"
    assert hash(changed) != hash(settings)


def test_readme_lists_every_variable() -> None:
    """The Configuration table names exactly the variables the service reads (and BOT_TODAY,
    read by bot/clock.py)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n\n", 2)[1]
    documented = {
        name for row in table.splitlines() for name in re.findall(r"`([A-Z_]+)`", row.split("|")[1])
    }
    assert documented == {*ENV_NAMES, BOT_TODAY_VAR}
