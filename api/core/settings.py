"""Service configuration, read once from environment variables (documented in the README).

pydantic's `BaseSettings` reads each variable named in `env=`; each default is written once,
in its `Field`. The validators keep the forms the README documents: "1"/"0" switches, an
empty value meaning unset, comma-separated lists and "20/60" rate limits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseSettings, Field, ValidationError, validator
from pydantic.fields import ModelField

from bot.clock import BOT_TODAY_VAR, today

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = PROJECT_ROOT / "models" / "poortwachter.tar.gz"


class InvalidSettingError(ValueError):
    """An environment variable has a value the service cannot use; the message names it."""


@dataclass(frozen=True)
class RateLimit:
    """At most `requests` per `seconds`; 0 requests switches the limit off."""

    requests: int
    seconds: float

    @classmethod
    def parse(cls, value: str) -> RateLimit:
        """ "20/60" -> 20 requests per 60 seconds."""
        try:
            requests, seconds = value.split("/", 1)
            return cls(int(requests), float(seconds))
        except ValueError as exc:
            raise ValueError(f"a rate limit is written as requests/seconds, got {value!r}") from exc

    @classmethod
    def __get_validators__(cls) -> Iterator[Callable[[Any], RateLimit]]:
        yield cls._validate

    @classmethod
    def _validate(cls, value: Any) -> RateLimit:
        return value if isinstance(value, cls) else cls.parse(str(value))


class Settings(BaseSettings):
    host: str = Field(default="127.0.0.1", env="HOST")
    port: int = Field(default=8000, env="PORT")
    model_path: Path = Field(default=DEFAULT_MODEL, env="MODEL_PATH")
    endpoints_path: Path = Field(default=PROJECT_ROOT / "endpoints.yml", env="ENDPOINTS_PATH")
    data_dir: Path = Field(default=PROJECT_ROOT / "var", env="BOT_DATA_DIR")
    # None: run the actions in this process, no HTTP.
    action_endpoint_url: str | None = Field(default=None, env="ACTION_ENDPOINT_URL")
    log_level: str = Field(default="INFO", env="LOG_LEVEL")
    max_message_chars: int = Field(default=1000, env="MAX_MESSAGE_CHARS")
    max_body_bytes: int = Field(default=16_384, env="MAX_BODY_BYTES")
    rate_per_sender: RateLimit = Field(default=RateLimit(20, 60), env="RATE_LIMIT_SENDER")
    rate_per_client: RateLimit = Field(default=RateLimit(600, 60), env="RATE_LIMIT_CLIENT")
    cors_origins: tuple[str, ...] = Field(default=(), env="CORS_ORIGINS")
    api_token: str | None = Field(default=None, env="API_TOKEN", repr=False)
    identity_header: str | None = Field(default=None, env="TRUSTED_IDENTITY_HEADER")
    frame_ancestors: str = Field(default="'self'", env="FRAME_ANCESTORS")
    action_webhook_open: bool = Field(default=False, env="ACTION_WEBHOOK_OPEN")
    retention_days: float = Field(default=30.0, env="RETENTION_DAYS")
    purge_interval_minutes: float = Field(default=60.0, env="PURGE_INTERVAL_MINUTES")
    enable_docs: bool = Field(default=True, env="ENABLE_DOCS")
    turn_timeout_seconds: float = Field(default=20.0, env="TURN_TIMEOUT_SECONDS")
    # How long a message waits for its conversation's previous turn before a 503.
    lock_wait_seconds: float = Field(default=20.0, env="LOCK_WAIT_SECONDS")
    # A held lock expires after this unless renewed (every third of it) by a running turn.
    lock_lifetime_seconds: float = Field(default=10.0, env="LOCK_LIFETIME_SECONDS")
    # The admin page for content owners (/admin): 404 unless one of these is set.
    admin_token: str | None = Field(default=None, env="ADMIN_TOKEN", repr=False)
    # Identities in TRUSTED_IDENTITY_HEADER allowed in.
    admin_users: tuple[str, ...] = Field(default=(), env="ADMIN_USERS")
    # Keep unanswered questions, scrubbed, when the user consents (off by default).
    collect_unanswered: bool = Field(default=False, env="COLLECT_UNANSWERED")
    # Votes and consented questions per client address per seconds (per replica).
    rate_feedback: RateLimit = Field(default=RateLimit(30, 60), env="RATE_LIMIT_FEEDBACK")
    # Signs conversation tokens and pseudonymises identities (api/conversations/tokens.py).
    # None: generated once and kept in BOT_DATA_DIR. Replicas must share one value.
    conversation_secret: str | None = Field(default=None, env="CONVERSATION_SECRET", repr=False)

    class Config:
        frozen = True  # read once at start; tests derive variants with .copy(update=...)
        case_sensitive = True  # HOST, not host or Host

        @classmethod
        def parse_env_var(cls, field_name: str, raw_val: str) -> Any:
            # The lists are comma-separated, not JSON: the validators below split them.
            return raw_val

    @classmethod
    def from_env(cls) -> Settings:
        """The settings from the environment; a bad value stops the start, naming its variable."""
        if os.environ.get(BOT_TODAY_VAR):
            today()  # fail at start-up, not on the first message, when BOT_TODAY is malformed
        try:
            return cls()
        except ValidationError as exc:
            raise InvalidSettingError(_explain(exc)) from None

    @validator("action_endpoint_url", "api_token", "admin_token", "conversation_secret", pre=True)
    def _empty_is_unset(cls, value: Any) -> Any:
        return value or None

    @validator("max_message_chars", "max_body_bytes", pre=True)
    def _empty_is_default(cls, value: Any, field: ModelField) -> Any:
        return field.default if value == "" else value

    @validator("identity_header", pre=True)
    def _header_name(cls, value: Any) -> Any:
        # HTTP header names are case-insensitive; Starlette's lookups use lower case.
        return value.lower() or None if isinstance(value, str) else value

    @validator("log_level")
    def _level_name(cls, value: str) -> str:
        return value.upper()

    @validator("action_webhook_open", "collect_unanswered", pre=True)
    def _on_with_1(cls, value: Any) -> Any:
        return value == "1" if isinstance(value, str) else value

    @validator("enable_docs", pre=True)
    def _off_with_0(cls, value: Any) -> Any:
        return value != "0" if isinstance(value, str) else value

    @validator("cors_origins", "admin_users", pre=True)
    def _comma_list(cls, value: Any) -> Any:
        return _names(value) if isinstance(value, str) else value


def _names(value: str) -> tuple[str, ...]:
    """A comma-separated list: "a, b" -> ("a", "b")."""
    return tuple(name.strip() for name in value.split(",") if name.strip())


def _explain(error: ValidationError) -> str:
    """ "PORT='abc': value is not a valid integer", one part per bad variable."""
    parts = []
    for problem in error.errors():
        name = str(problem["loc"][0])
        env = (
            Settings.__fields__[name].field_info.extra["env"]
            if name in Settings.__fields__
            else name
        )
        parts.append(f"{env}={os.environ.get(env)!r}: {problem['msg']}")
    return "Invalid setting " + "; ".join(parts)
