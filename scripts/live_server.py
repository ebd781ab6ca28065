"""Start the real service (uvicorn subprocess): end-to-end tests, the soak test, the benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from api.conversations.tokens import TOKEN_HEADER, issue_token

ROOT = Path(__file__).resolve().parent.parent
FIXED_TODAY = "2026-11-23"
READY_TIMEOUT_S = 180.0
# The latest conversation token the service handed out per sender id, shared by every
# LiveServer in this process: replicas of one cluster accept each other's tokens.
CONVERSATION_TOKENS: dict[str, str] = {}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    data_dir: Path
    log_path: Path
    env_extra: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: bool = True) -> LiveServer:
        env = {
            **os.environ,
            "BOT_TODAY": FIXED_TODAY,
            "BOT_DATA_DIR": str(self.data_dir),
            "PORT": str(self.port),
            "RASA_TELEMETRY_ENABLED": "false",
            **self.env_extra,
        }
        log = self.log_path.open("ab")
        cmd = [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1"]
        cmd += ["--port", str(self.port), "--ws", "none"]
        self.process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, self.log_tail()
            try:
                health = httpx.get(f"{self.url}/health", timeout=2)
                if health.status_code == 200:
                    return
                if health.json().get("status") == "error":  # no point in waiting
                    raise AssertionError(f"service failed to start\n{self.log_tail()}")
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.2)
        raise AssertionError(f"service not ready in {READY_TIMEOUT_S}s\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def chat(self, sender: str, message: str) -> list[dict[str, Any]]:
        response = httpx.post(
            f"{self.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        remember_token(sender, response)
        result: list[dict[str, Any]] = response.json()
        return result

    def history(self, sender: str) -> list[dict[str, Any]]:
        """The conversation as the widget reads it back, with the token its chat got."""
        response = httpx.get(
            f"{self.url}/api/conversations/{sender}", headers=token_header(sender), timeout=60
        )
        assert response.status_code == 200, response.text
        messages: list[dict[str, Any]] = response.json()["messages"]
        return messages

    def history_as_operator(self, sender: str) -> list[dict[str, Any]]:
        """The conversation read with a token made from the service's CONVERSATION_SECRET, as
        an administrator could: for checks on conversations whose token nobody got."""
        secret = self.env_extra["CONVERSATION_SECRET"].encode()
        token = issue_token(secret, sender, None, time.time())
        response = httpx.get(
            f"{self.url}/api/conversations/{sender}", headers={TOKEN_HEADER: token}, timeout=60
        )
        assert response.status_code == 200, response.text
        messages: list[dict[str, Any]] = response.json()["messages"]
        return messages

    def delete(self, sender: str) -> httpx.Response:
        """Delete the conversation with the token its chat got."""
        return httpx.delete(
            f"{self.url}/api/conversations/{sender}", headers=token_header(sender), timeout=60
        )

    def rss_bytes(self) -> int:
        """Resident memory of the service process, from /proc (Linux)."""
        assert self.process is not None
        return rss_bytes(self.process.pid)

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


def remember_token(sender: str, response: httpx.Response) -> None:
    token = response.headers.get(TOKEN_HEADER)
    if token:
        CONVERSATION_TOKENS[sender] = token


def token_header(sender: str) -> dict[str, str]:
    token = CONVERSATION_TOKENS.get(sender)
    return {TOKEN_HEADER: token} if token else {}


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def peak_rss_bytes(pid: int) -> int:
    """The highest resident memory the process has had (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def texts(messages: list[dict[str, Any]]) -> str:
    """All bot texts of one turn, joined, for assertions."""
    return "\n".join(str(m.get("text", "")) for m in messages)
