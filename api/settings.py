"""Service configuration, read once from environment variables (documented in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bot.clock import BOT_TODAY_VAR, today

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = PROJECT_ROOT / "models" / "poortwachter.tar.gz"


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    model_path: Path
    endpoints_path: Path
    data_dir: Path
    action_endpoint_url: str
    log_level: str

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
            action_endpoint_url=os.environ.get(
                "ACTION_ENDPOINT_URL", f"http://{_loopback_for(host)}:{port}/webhook"
            ),
            log_level=os.environ.get("LOG_LEVEL", "INFO").upper(),
        )


def _loopback_for(host: str) -> str:
    """The address the service uses to reach its own action webhook."""
    return "127.0.0.1" if host in ("0.0.0.0", "", "localhost") else host
