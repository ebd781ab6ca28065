"""Service configuration, read once from environment variables (documented in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bot.clock import BOT_TODAY_VAR, today

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = PROJECT_ROOT / "models" / "poortwachter.tar.gz"


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    model_path: Path
    endpoints_path: Path
    data_dir: Path
    action_endpoint_url: str | None  # None: run the actions in this process, no HTTP
    log_level: str
    max_message_chars: int = 1000
    max_body_bytes: int = 16_384
    rate_per_sender: RateLimit = field(default_factory=lambda: RateLimit(20, 60))
    rate_per_client: RateLimit = field(default_factory=lambda: RateLimit(600, 60))
    cors_origins: tuple[str, ...] = ()
    api_token: str | None = field(default=None, repr=False)
    identity_header: str | None = None
    frame_ancestors: str = "'self'"
    action_webhook_open: bool = False
    retention_days: float = 30.0
    purge_interval_minutes: float = 60.0
    enable_docs: bool = True
    turn_timeout_seconds: float = 20.0
    # How long a message waits for its conversation's previous turn before a 503.
    lock_wait_seconds: float = 20.0
    # A held lock expires after this unless renewed (every third of it) by a running turn.
    lock_lifetime_seconds: float = 10.0
    # The admin page for content owners (/admin): 404 unless one of these is set.
    admin_token: str | None = None
    admin_users: tuple[str, ...] = ()  # identities in TRUSTED_IDENTITY_HEADER allowed in
    # Keep unanswered questions, scrubbed, when the user consents (off by default).
    collect_unanswered: bool = False
    # Votes and consented questions per client address per seconds (per replica).
    rate_feedback: RateLimit = field(default_factory=lambda: RateLimit(30, 60))
    # Signs conversation tokens and pseudonymises identities (api/conversations/tokens.py).
    # None: generated once and kept in BOT_DATA_DIR. Replicas must share one value.
    conversation_secret: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls) -> Settings:
        host = os.environ.get("HOST", "127.0.0.1")
        port = int(os.environ.get("PORT", "8000"))
        data_dir = Path(os.environ.get("BOT_DATA_DIR", str(PROJECT_ROOT / "var")))
        if os.environ.get(BOT_TODAY_VAR):
            today()  # fail at start-up, not on the first message, when BOT_TODAY is malformed
        return cls(
            host=host,
            port=port,
            model_path=Path(os.environ.get("MODEL_PATH", str(DEFAULT_MODEL))),
            endpoints_path=Path(
                os.environ.get("ENDPOINTS_PATH", str(PROJECT_ROOT / "endpoints.yml"))
            ),
            data_dir=data_dir,
            action_endpoint_url=os.environ.get("ACTION_ENDPOINT_URL") or None,
            log_level=os.environ.get("LOG_LEVEL", "INFO").upper(),
            max_message_chars=_int("MAX_MESSAGE_CHARS", 1000),
            max_body_bytes=_int("MAX_BODY_BYTES", 16_384),
            rate_per_sender=RateLimit.parse(os.environ.get("RATE_LIMIT_SENDER", "20/60")),
            rate_per_client=RateLimit.parse(os.environ.get("RATE_LIMIT_CLIENT", "600/60")),
            cors_origins=_names(os.environ.get("CORS_ORIGINS", "")),
            api_token=os.environ.get("API_TOKEN") or None,
            identity_header=(os.environ.get("TRUSTED_IDENTITY_HEADER") or "").lower() or None,
            frame_ancestors=os.environ.get("FRAME_ANCESTORS", "'self'"),
            action_webhook_open=os.environ.get("ACTION_WEBHOOK_OPEN", "") == "1",
            retention_days=float(os.environ.get("RETENTION_DAYS", "30")),
            purge_interval_minutes=float(os.environ.get("PURGE_INTERVAL_MINUTES", "60")),
            enable_docs=os.environ.get("ENABLE_DOCS", "1") != "0",
            turn_timeout_seconds=float(os.environ.get("TURN_TIMEOUT_SECONDS", "20")),
            lock_wait_seconds=float(os.environ.get("LOCK_WAIT_SECONDS", "20")),
            lock_lifetime_seconds=float(os.environ.get("LOCK_LIFETIME_SECONDS", "10")),
            admin_token=os.environ.get("ADMIN_TOKEN") or None,
            admin_users=_names(os.environ.get("ADMIN_USERS", "")),
            collect_unanswered=os.environ.get("COLLECT_UNANSWERED", "") == "1",
            rate_feedback=RateLimit.parse(os.environ.get("RATE_LIMIT_FEEDBACK", "30/60")),
            conversation_secret=os.environ.get("CONVERSATION_SECRET") or None,
        )


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


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _names(value: str) -> tuple[str, ...]:
    """A comma-separated list: "a, b" -> ("a", "b")."""
    return tuple(name.strip() for name in value.split(",") if name.strip())
