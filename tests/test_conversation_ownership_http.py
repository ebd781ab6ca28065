"""A conversation belongs to whoever started it (issue 18), tried as an attacker would, over
HTTP against the real service: on SQLite and on PostgreSQL, without and with the reverse
proxy's identity header. Two users each try to read, continue and delete the other's
conversation by its id, with no token, their own token, a forged and an expired one; and a
message without a sender must never land in a shared conversation.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import pytest
from rasa.core.channels.console import send_message_receive_block

from api.conversations.retention import DAY_SECONDS
from api.conversations.tokens import NO_TOKEN_YET, TOKEN_HEADER, identity_key, issue_token
from bot.messages import CONVERSATION_ACCESS_EXPIRED, NO_CONVERSATION_ACCESS, SHARED_SENDER
from scripts.scaleout_env import scaleout_env, scratch_database
from tests.conftest import require_scaleout_servers
from tests.live_server import LiveServer, texts

pytestmark = pytest.mark.model

SECRET = "test-secret-for-issue-18"
IDENTITY_HEADER = "X-Remote-User"
HEALTH_TEXT = "ik ben sinds 3 maart 2026 ziek, burn-out door mijn baas"


@dataclass
class Service:
    server: LiveServer
    identities: bool  # the service trusts the proxy's identity header

    def post(self, sender: str | None, text: str, **headers: str) -> httpx.Response:
        body: dict[str, Any] = {"message": text}
        if sender is not None:
            body["sender"] = sender
        return httpx.post(
            f"{self.server.url}/webhooks/rest/webhook", json=body, headers=headers, timeout=60
        )

    def get(self, sender: str, **headers: str) -> httpx.Response:
        return httpx.get(f"{self.server.url}/api/conversations/{sender}", headers=headers)

    def delete(self, sender: str, **headers: str) -> httpx.Response:
        return httpx.delete(f"{self.server.url}/api/conversations/{sender}", headers=headers)


@dataclass
class User:
    """A user of the service: the widget's headers (its token; the proxy's identity)."""

    service: Service
    name: str
    sender: str
    token: str | None = None

    def headers(self, token: str | None = None) -> dict[str, str]:
        headers = {TOKEN_HEADER: token or self.token or NO_TOKEN_YET}
        if self.service.identities:
            headers[IDENTITY_HEADER] = self.name
        return headers

    def chat(self, text: str) -> httpx.Response:
        response = self.service.post(self.sender, text, **self.headers())
        assert response.status_code == 200, response.text
        self.token = response.headers.get(TOKEN_HEADER) or self.token
        return response

    def history(self, sender: str | None = None, token: str | None = None) -> httpx.Response:
        return self.service.get(sender or self.sender, **self.headers(token))

    def user_texts(self) -> list[str]:
        response = self.history()
        assert response.status_code == 200, response.text
        return [m["text"] for m in response.json()["messages"] if m["role"] == "user"]


def start(tmp_path: Path, name: str, env: dict[str, str]) -> LiveServer:
    env = {"CONVERSATION_SECRET": SECRET, **env}
    return LiveServer(tmp_path / name, tmp_path / f"{name}.log", env_extra=env).start()


@pytest.fixture(
    scope="module",
    params=[
        "sqlite",
        "sqlite+identity",
        pytest.param("postgresql", marks=pytest.mark.scaleout),
        pytest.param("postgresql+identity", marks=pytest.mark.scaleout),
    ],
)
def service(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    database, _, mode = str(request.param).partition("+")
    identities = mode == "identity"
    env = {"TRUSTED_IDENTITY_HEADER": IDENTITY_HEADER} if identities else {}
    base = tmp_path_factory.mktemp(str(request.param).replace("+", "-"))
    if database == "sqlite":
        server = start(base, "service", env)
        yield Service(server, identities)
        server.stop()
        return
    require_scaleout_servers()
    with scratch_database() as name:
        server = start(
            base, "service", {**scaleout_env(name), **env, "CONVERSATION_SECRET": SECRET}
        )
        yield Service(server, identities)
        server.stop()


def users(service: Service, tag: str) -> tuple[User, User]:
    """Alice has a conversation about her health; Bob has his own and wants hers."""
    stamp = time.monotonic_ns()
    alice = User(service, "alice", f"w-{tag}-alice-{stamp}")
    bob = User(service, "bob", f"w-{tag}-bob-{stamp}")
    first = alice.chat(HEALTH_TEXT)
    assert first.json()[0]["recipient_id"] == alice.sender
    assert alice.token, "the answer that starts a conversation carries its token"
    bob.chat("wat is spoor 2?")
    assert bob.token and bob.token != alice.token
    return alice, bob


def refused(response: httpx.Response, detail: str = NO_CONVERSATION_ACCESS) -> bool:
    return response.status_code == 403 and response.json()["detail"] == detail


def refused_anonymous(service: Service, response: httpx.Response) -> bool:
    """A request with neither token nor identity: 401 where the proxy's identity is required
    (it never gets past the door), else 403."""
    if service.identities:
        return response.status_code == 401 and "geen toegang" in response.json()["detail"]
    return refused(response)


def test_the_owner_reads_continues_and_gets_a_fresh_token(service: Service) -> None:
    alice, _ = users(service, "owner")
    first_token = alice.token
    reply = alice.chat("wat is een probleemanalyse?")
    assert "probleemanalyse" in texts(reply.json()).lower()
    assert reply.headers.get(TOKEN_HEADER), "every answer to the owner carries a fresh token"
    assert alice.user_texts() == [HEALTH_TEXT, "wat is een probleemanalyse?"]
    assert alice.history(token=first_token).status_code == 200  # the older one still works


def test_nobody_reads_anothers_conversation_by_its_id(service: Service) -> None:
    alice, bob = users(service, "read")
    assert refused_anonymous(service, service.get(alice.sender))  # no token, no identity
    assert refused(bob.history(alice.sender, token=NO_TOKEN_YET))
    assert refused(bob.history(alice.sender))  # ...Bob's own token is for his conversation
    version, issued, mac = str(alice.token).split(".")
    assert refused(bob.history(alice.sender, token=f"{version}.{issued}.{'A' * len(mac)}"))
    assert refused(bob.history(alice.sender, token=f"{version}.{int(issued) + 1}.{mac}"))
    guessed_secret = issue_token(b"secret", alice.sender, None, time.time())
    assert refused(bob.history(alice.sender, token=guessed_secret))
    if service.identities:
        # Alice's own token, stolen (a shared computer, a log line): not Bob's to use.
        assert refused(bob.history(alice.sender, token=alice.token))
    assert HEALTH_TEXT in alice.user_texts()


def test_an_expired_token_is_refused(service: Service) -> None:
    alice, _ = users(service, "expired")
    key = identity_key(SECRET.encode(), alice.name if service.identities else None)
    # Signed with the real secret, but issued longer ago than a conversation can live.
    old = issue_token(SECRET.encode(), alice.sender, key, time.time() - 31 * DAY_SECONDS)
    assert refused(alice.history(token=old), CONVERSATION_ACCESS_EXPIRED)
    assert refused(
        alice.service.delete(alice.sender, **alice.headers(old)), CONVERSATION_ACCESS_EXPIRED
    )
    # Signed with the real secret and in time, but before this conversation began: a token of
    # an earlier conversation under the same id.
    earlier = issue_token(SECRET.encode(), alice.sender, key, time.time() - DAY_SECONDS)
    assert refused(alice.history(token=earlier))
    assert alice.history().status_code == 200  # her current token works


def test_nobody_deletes_anothers_conversation(service: Service) -> None:
    alice, bob = users(service, "delete")
    assert refused_anonymous(service, service.delete(alice.sender))
    assert refused(service.delete(alice.sender, **bob.headers()))
    if service.identities:
        assert refused(service.delete(alice.sender, **bob.headers(alice.token)))
    assert HEALTH_TEXT in alice.user_texts()  # still there
    assert service.delete(alice.sender, **alice.headers()).status_code == 204
    assert alice.history().json()["messages"] == []


def test_nobody_continues_anothers_widget_conversation(service: Service) -> None:
    alice, bob = users(service, "continue")
    attempts = [
        service.post(alice.sender, "wanneer was mijn eerste ziektedag?", **bob.headers()),
        service.post(
            alice.sender, "wanneer was mijn eerste ziektedag?", **bob.headers(NO_TOKEN_YET)
        ),
    ]
    if service.identities:
        attempts.append(
            service.post(alice.sender, "wat weet je van mij?", **bob.headers(alice.token))
        )
        # Even as a stock client without token header: the identity decides.
        stock = service.post(alice.sender, "wat weet je van mij?", **{IDENTITY_HEADER: "bob"})
        attempts.append(stock)
    for attempt in attempts:
        assert refused(attempt), attempt.text
        assert TOKEN_HEADER.lower() not in attempt.headers
    assert alice.user_texts() == [HEALTH_TEXT]  # nothing of Bob's got into it


def test_a_stock_clients_conversation_by_id(service: Service) -> None:
    """Rasa's own REST clients send only a sender: they keep working. Whoever else sends that
    id can continue it only without an identity (as Rasa's REST channel always allowed), and
    never gets its token, so never reads its history."""
    sender = f"stock-{time.monotonic_ns()}"
    alice = {IDENTITY_HEADER: "alice"} if service.identities else {}
    first = service.post(sender, "3 maart 2026", **alice)
    assert first.status_code == 200 and "klopt dat?" in texts(first.json())
    token = first.headers[TOKEN_HEADER]  # stock clients ignore it; the list is unchanged
    assert all(set(m) <= {"recipient_id", "text", "buttons", "custom"} for m in first.json())
    stranger = service.post(
        sender, "ja", **({IDENTITY_HEADER: "bob"} if service.identities else {})
    )
    if service.identities:
        assert refused(stranger)
    else:
        assert stranger.status_code == 200 and TOKEN_HEADER.lower() not in stranger.headers
    assert refused_anonymous(service, service.get(sender))
    assert service.get(sender, **{TOKEN_HEADER: token, **alice}).status_code == 200


def test_no_shared_default_conversation(service: Service) -> None:
    headers = {IDENTITY_HEADER: "alice"} if service.identities else {}
    one = service.post(None, HEALTH_TEXT, **headers)
    two = service.post(None, "hallo", **headers)
    assert one.status_code == two.status_code == 200
    first_id, second_id = one.json()[0]["recipient_id"], two.json()[0]["recipient_id"]
    assert first_id != second_id and "default" not in (first_id, second_id)
    assert first_id.startswith("c-") and len(first_id) > 30  # server-made, unguessable
    # Each got its own conversation and its token.
    mine = service.get(first_id, **{TOKEN_HEADER: one.headers[TOKEN_HEADER], **headers})
    assert [m["text"] for m in mine.json()["messages"] if m["role"] == "user"] == [HEALTH_TEXT]
    assert refused(service.get("default", **headers))
    explicit = service.post("default", "hallo", **headers)
    assert explicit.status_code == 422 and explicit.json()["detail"] == SHARED_SENDER


def test_the_identity_header_counts_only_when_trusted(service: Service) -> None:
    alice, _ = users(service, "header")
    token = {TOKEN_HEADER: str(alice.token)}
    as_bob = service.get(alice.sender, **token, **{IDENTITY_HEADER: "bob"})
    if service.identities:
        assert refused(as_bob)
        assert service.get(alice.sender, **token).status_code == 401  # the proxy must send it
        assert service.post(alice.sender, "hallo").status_code == 401
    else:
        # Not configured: anyone could send the header, so it means nothing; the token does.
        assert as_bob.status_code == 200


def test_rasa_console_client_works_unchanged(service: Service) -> None:
    """Rasa's own console client code path (`rasa shell --connector rest` talks like this)."""
    sender = f"console-{time.monotonic_ns()}"
    if service.identities:
        # It cannot send the proxy's identity header: behind the proxy it gets one; here 401.
        with pytest.raises(aiohttp.ClientResponseError) as refusal:
            asyncio.run(send_message_receive_block(service.server.url, "", sender, "hallo"))
        assert refusal.value.status == 401
        return

    async def conversation() -> list[list[dict[str, Any]]]:
        url = service.server.url
        return [
            await send_message_receive_block(url, "", sender, "3 maart 2026"),
            await send_message_receive_block(url, "", sender, "ja"),
        ]

    first, second = asyncio.run(conversation())
    assert "dinsdag 3 maart 2026, klopt dat?" in texts(first)
    assert all(m["recipient_id"] == sender for m in first + second)
    assert "werknemer" in texts(second)  # the same conversation went on
