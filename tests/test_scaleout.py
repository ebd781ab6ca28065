"""Scale-out with real servers: two replicas of the service share PostgreSQL (tracker store)
and Redis (lock store), selected by ENDPOINTS_PATH=endpoints.scaleout.yml.

PostgreSQL and Redis run on these machines on their default local ports. Where they do not,
these tests skip with a note on how to run them; with CI set, they fail instead.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from bot.messages import NOT_PROCESSED, STORE_UNAVAILABLE
from scripts.scaleout_env import (
    PG_HOST,
    PG_PORT,
    REDIS_DB,
    REDIS_PORT,
    scaleout_env,
)
from tests.live_server import LiveServer, remember_token, texts
from tests.tcp_proxy import TcpProxy


@pytest.fixture(scope="module")
def database(scaleout_database: str) -> str:
    return scaleout_database


@pytest.fixture(scope="module")
def replicas(database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[LiveServer]]:
    base = tmp_path_factory.mktemp("replicas")
    servers = [
        LiveServer(base / f"r{i}", base / f"r{i}.log", env_extra=scaleout_env(database))
        for i in range(2)
    ]
    for server in servers:
        server.start(wait=False)
    for server in servers:
        server.wait_ready()
    yield servers
    for server in servers:
        server.stop()


def history(server: LiveServer, sender: str) -> list[dict[str, Any]]:
    return server.history(sender)  # with the token the conversation's chat got


def test_one_conversation_alternates_between_replicas(replicas: list[LiveServer]) -> None:
    a, b = replicas
    sender = f"alt-{uuid.uuid4().hex[:6]}"
    assert "klopt dat?" in texts(a.chat(sender, "3 maart 2026"))
    assert "werknemer" in texts(b.chat(sender, "ja"))  # B knows the date A asked about
    reply = a.chat(sender, "ik ben werkgever")
    assert "Je termijnen bij eerste ziektedag dinsdag 3 maart 2026:" in texts(reply)
    assert "**Eerstejaarsevaluatie**" in texts(b.chat(sender, "en de eerstejaarsevaluatie?"))
    assert len([m for m in history(a, sender) if m["role"] == "user"]) == 4


# Twenty rounds: the lost-message race this guards against hit about one run in three.
@pytest.mark.parametrize("round_", range(20))
def test_concurrent_messages_for_one_sender_are_processed_in_order(
    replicas: list[LiveServer], round_: int
) -> None:
    sender = f"order-{round_}-{uuid.uuid4().hex[:6]}"
    messages = ["wat is spoor 1?", "wat is passend werk?", "hallo", "wat doet een casemanager?",
                "bedankt", "wat is een deskundigenoordeel?"]  # fmt: skip

    def send(i: int) -> int:
        server = replicas[i % 2]
        response = httpx.post(
            f"{server.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": messages[i]},
            timeout=60,
        )
        remember_token(sender, response)  # the answer that started it carries its token
        return response.status_code

    with ThreadPoolExecutor(max_workers=len(messages)) as pool:
        codes = list(pool.map(send, range(len(messages))))
    assert codes == [200] * len(messages)
    turns = history(replicas[0], sender)
    users = [m["text"] for m in turns if m["role"] == "user"]
    assert sorted(users) == sorted(messages)  # none lost
    # Each message's answers follow it before the next message: no interleaving.
    roles = "".join("u" if m["role"] == "user" else "b" for m in turns)
    assert "uu" not in roles and roles.startswith("u") and roles.endswith("b"), roles


def test_a_replica_killed_mid_conversation_loses_nothing(
    database: str, tmp_path: Path, replicas: list[LiveServer]
) -> None:
    doomed = LiveServer(
        tmp_path / "doomed", tmp_path / "doomed.log", env_extra=scaleout_env(database)
    )
    doomed.start()
    sender = f"kill-{uuid.uuid4().hex[:6]}"
    assert "klopt dat?" in texts(doomed.chat(sender, "ik ben sinds 12 oktober 2025 ziek"))
    assert doomed.process is not None
    doomed.process.kill()  # no graceful shutdown
    doomed.process.wait()
    survivor = replicas[0]
    reply = survivor.chat(sender, "ja")
    assert "werknemer" in texts(reply) or "eerstejaarsevaluatie" in texts(reply)
    assert [m["text"] for m in history(survivor, sender) if m["role"] == "user"] == [
        "ik ben sinds 12 oktober 2025 ziek",
        "ja",
    ]


def test_database_unreachable_fails_fast_with_503_and_recovers(
    database: str, tmp_path: Path
) -> None:
    proxy = TcpProxy(PG_PORT, PG_HOST).start()
    server = LiveServer(
        tmp_path / "proxied", tmp_path / "proxied.log", env_extra=scaleout_env(database, proxy.port)
    ).start()
    try:
        sender = f"outage-{uuid.uuid4().hex[:6]}"
        assert "Poortwachter-assistent" in texts(server.chat(sender, "hallo"))
        proxy.cut()
        began = time.monotonic()
        response = httpx.post(
            f"{server.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": "wat is spoor 2?"},
            timeout=60,
        )
        assert response.status_code == 503 and response.json()["detail"] == STORE_UNAVAILABLE
        assert time.monotonic() - began < 10  # fails fast: connect_timeout 3 s
        proxy.start()  # the network is back, on the same port
        deadline = time.monotonic() + 30
        status = 0
        while time.monotonic() < deadline and status != 200:
            status = httpx.post(
                f"{server.url}/webhooks/rest/webhook",
                json={"sender": sender, "message": "bedankt"},
                timeout=60,
            ).status_code
        assert status == 200  # recovered by itself, no restart
        users = [m["text"] for m in history(server, sender) if m["role"] == "user"]
        assert users[0] == "hallo" and users[-1] == "bedankt"
        # The outage was logged without what the user wrote (SQLAlchemy errors carry it).
        log = server.log_text()
        assert "OperationalError" in log and "wat is spoor 2?" not in log
        assert "[parameters:" not in log
    finally:
        server.stop()
        proxy.cut()


def test_a_conversation_held_in_redis_waits_on_every_replica(replicas: list[LiveServer]) -> None:
    """The replicas lock conversations in Redis: while another holder (a third replica, here
    the test) has the conversation, a message waits, and goes on once it is released."""
    sender = f"lock-{uuid.uuid4().hex[:6]}"
    client = redis.Redis(port=REDIS_PORT, db=int(REDIS_DB))
    held = client.lock(f"poortwachter:conversation:{sender}", timeout=30)
    assert held.acquire(blocking=False)
    with ThreadPoolExecutor(max_workers=1) as pool:
        began = time.monotonic()
        waiting = pool.submit(replicas[1].chat, sender, "wat is passend werk?")
        time.sleep(1.5)
        assert not waiting.done()  # blocked by the lock, not answered past it
        held.release()
        answer = waiting.result()
    assert time.monotonic() - began >= 1.5
    assert "passend werk" in texts(answer).lower()
    assert [m["text"] for m in history(replicas[0], sender) if m["role"] == "user"] == [
        "wat is passend werk?"
    ]


def test_a_message_that_waits_too_long_gets_503_with_retry_after(
    database: str, tmp_path: Path
) -> None:
    server = LiveServer(
        tmp_path / "impatient",
        tmp_path / "impatient.log",
        env_extra={**scaleout_env(database), "LOCK_WAIT_SECONDS": "1"},
    ).start()
    sender = f"busy-{uuid.uuid4().hex[:6]}"
    held = redis.Redis(port=REDIS_PORT, db=int(REDIS_DB)).lock(
        f"poortwachter:conversation:{sender}", timeout=30
    )
    assert held.acquire(blocking=False)
    try:
        response = httpx.post(
            f"{server.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": "wat is passend werk?"},
            timeout=60,
        )
        assert response.status_code == 503
        assert response.json()["detail"] == NOT_PROCESSED
        assert int(response.headers["Retry-After"]) > 0
        held.release()
        # Not processed, so nothing stored (read as the operator: nobody got its token).
        assert server.history_as_operator(sender) == []
        # Sent again, it is answered.
        assert "passend werk" in texts(server.chat(sender, "wat is passend werk?")).lower()
    finally:
        server.stop()
