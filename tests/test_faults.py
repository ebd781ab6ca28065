"""Faults injected into the running service, and recovery: the action webhook down or hanging,
the conversation database gone, a shutdown with requests in flight."""

from __future__ import annotations

import http.server
import signal
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from bot.messages import APOLOGY, NOT_PROCESSED
from tests.action_proxy import ActionProxy
from tests.live_server import LiveServer, free_port, remember_token, texts

pytestmark = pytest.mark.model


def closed_port() -> int:
    port = free_port()
    with socket.socket() as probe:  # nothing listens there
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    return port


class HangingActionServer(http.server.ThreadingHTTPServer):
    """Accepts the action call and answers only after `delay` seconds."""

    def __init__(self, delay: float) -> None:
        delay_s = delay

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                time.sleep(delay_s)
                self.send_response(500)
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[list[LiveServer]]:
    servers: list[LiveServer] = []
    yield servers
    for server in servers:
        server.stop()


def start(servers: list[LiveServer], tmp_path: Path, name: str, **env: str) -> LiveServer:
    server = LiveServer(
        data_dir=tmp_path / name, log_path=tmp_path / f"{name}.log", env_extra=env
    ).start()
    servers.append(server)
    return server


def test_action_server_down_gives_an_apology_and_the_chat_goes_on(
    server_factory: list[LiveServer], tmp_path: Path
) -> None:
    port = closed_port()
    server = start(
        server_factory,
        tmp_path,
        "noactions",
        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{port}/webhook",
    )
    # Every message goes to one action (bot/turn.py), so all get the apology; the messages
    # themselves are kept, as the apology says.
    assert texts(server.chat("f1", "3 maart 2025")) == APOLOGY
    assert texts(server.chat("f1", "hallo")) == APOLOGY
    history = server.history("f1")
    assert [m["text"] for m in history if m["role"] == "user"] == ["3 maart 2025", "hallo"]
    # The action server is back (on the same address): the chat goes on by itself.
    back = ActionProxy(f"{server.url}/webhook", port=port)
    try:
        assert "Poortwachter-assistent" in texts(server.chat("f1", "hallo"))
    finally:
        back.shutdown()


def test_hanging_action_server_times_out_into_503_and_nothing_is_saved(
    server_factory: list[LiveServer], tmp_path: Path
) -> None:
    hanging = HangingActionServer(delay=30)
    threading.Thread(target=hanging.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{hanging.server_address[1]}/webhook"
    server = start(
        server_factory, tmp_path, "hanging", ACTION_ENDPOINT_URL=url, TURN_TIMEOUT_SECONDS="3"
    )
    began = time.monotonic()
    response = httpx.post(
        f"{server.url}/webhooks/rest/webhook",
        json={"sender": "f2", "message": "3 maart 2025"},
        timeout=60,
    )
    took = time.monotonic() - began
    assert took < 25, f"the turn should end at the timeout, not after {took:.0f} s"
    # Not "your conversation is saved": the message was not processed; send it again.
    assert response.status_code == 503 and response.json()["detail"] == NOT_PROCESSED
    assert int(response.headers["Retry-After"]) > 0
    remember_token("f2", response)  # the message started the conversation: its token came too
    assert server.history("f2") == []
    # The action server answers again (on the same address): the chat goes on by itself.
    port = hanging.server_address[1]
    hanging.shutdown()
    hanging.server_close()
    back = ActionProxy(f"{server.url}/webhook", port=port)
    try:
        assert "Poortwachter-assistent" in texts(server.chat("f2", "hallo"))
    finally:
        back.shutdown()


def test_shutdown_lets_requests_in_flight_finish(
    server_factory: list[LiveServer], tmp_path: Path
) -> None:
    # Each turn waits 3 s for a slow action server, so it is surely in flight at SIGTERM.
    slow = HangingActionServer(delay=3)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{slow.server_address[1]}/webhook"
    server = start(server_factory, tmp_path, "shutdown", ACTION_ENDPOINT_URL=url)
    assert server.process is not None

    def ask(i: int) -> tuple[int, str, float]:
        response = httpx.post(
            f"{server.url}/webhooks/rest/webhook",
            json={"sender": f"sd{i}", "message": "3 maart 2025"},
            timeout=60,
        )
        return response.status_code, texts(response.json()), time.monotonic()

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(ask, i) for i in range(4)]
        time.sleep(1.0)
        signalled = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        results = [f.result() for f in futures]
    assert [(code, text) for code, text, _ in results] == [(200, APOLOGY)] * 4
    assert min(done for _, _, done in results) > signalled  # all finished after the signal
    # uvicorn ends with the signal it got (-15) once the requests are done.
    assert server.process.wait(timeout=60) in (0, -signal.SIGTERM)
    slow.shutdown()
