"""The real service as a subprocess, for end-to-end tests (lives in scripts/ so that the
benchmark and the soak test start it the same way)."""

from scripts.live_server import (
    FIXED_TODAY,
    ROOT,
    LiveServer,
    free_port,
    remember_token,
    texts,
    token_header,
)

__all__ = [
    "FIXED_TODAY",
    "ROOT",
    "LiveServer",
    "free_port",
    "remember_token",
    "texts",
    "token_header",
]
