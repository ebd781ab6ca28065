"""Conversation ownership without the model (issue 18): the access decisions, the tokens,
the secret kept in BOT_DATA_DIR, the owners table on SQLite, and rate limits per identity.
The attacks over HTTP against the real service are in test_conversation_ownership_http.py."""

from __future__ import annotations

import asyncio
import stat
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from api.conversations.access import chat_access, new_conversation_id, read_access
from api.conversations.owners import Claim, Owner, SqlConversationOwners
from api.conversations.retention import DAY_SECONDS
from api.conversations.store import purge_before
from api.conversations.tokens import (
    SECRET_FILE,
    TokenCheck,
    TokenStatus,
    check_token,
    identity_key,
    issue_token,
    load_secret,
)
from api.core.settings import RateLimit, Settings
from api.main import create_app
from tests.test_security import WEBHOOK, EchoAssistant

SECRET = b"s" * 32
NOW = time.time()
VALID = TokenCheck(TokenStatus.VALID, int(NOW))


def owner(key: str | None = None, protected: bool = True, created: float = NOW) -> Owner:
    return Owner("w-1", key, created, protected)


def test_secret_is_made_once_kept_private_and_reused(tmp_path: Path) -> None:
    settings = Settings.from_env().copy(
        update={"data_dir": tmp_path / "data", "conversation_secret": None}
    )
    first = load_secret(settings)
    path = tmp_path / "data" / SECRET_FILE
    assert len(first) == 64 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret(settings) == first  # a restart keeps every token valid
    assert list(path.parent.iterdir()) == [path]  # no scratch file left behind
    shared = settings.copy(update={"conversation_secret": "from-the-environment"})
    assert load_secret(shared) == b"from-the-environment"
    assert "from-the-environment" not in repr(shared)


def test_tokens() -> None:
    token = issue_token(SECRET, "w-1", None, NOW)
    assert check_token(SECRET, token, "w-1", None, NOW, 30) == VALID
    assert check_token(SECRET, token, "w-2", None, NOW, 30).status is TokenStatus.INVALID
    assert check_token(SECRET, token, "w-1", "bob", NOW, 30).status is TokenStatus.INVALID
    assert check_token(b"other", token, "w-1", None, NOW, 30).status is TokenStatus.INVALID
    for broken in ("", "v1", "v1.x.y", "v2" + token[2:], token + "A", "v1.1.2.3"):
        assert check_token(SECRET, broken, "w-1", None, NOW, 30).status in (
            TokenStatus.INVALID,
            TokenStatus.NOT_YET,
        )
    assert check_token(SECRET, None, "w-1", None, NOW, 30).status is TokenStatus.ABSENT
    assert check_token(SECRET, "new", "w-1", None, NOW, 30).status is TokenStatus.NOT_YET
    # It lives as long as a conversation can without a new message: RETENTION_DAYS.
    later = NOW + 30 * DAY_SECONDS - 5
    assert check_token(SECRET, token, "w-1", None, later, 30).status is TokenStatus.VALID
    too_late = NOW + 30 * DAY_SECONDS + 5
    assert check_token(SECRET, token, "w-1", None, too_late, 30).status is TokenStatus.EXPIRED
    assert check_token(SECRET, token, "w-1", None, later, 7).status is TokenStatus.EXPIRED


def test_identity_keys_are_keyed_hashes_not_names() -> None:
    alice = identity_key(SECRET, "alice")
    assert alice is not None and "alice" not in alice and len(alice) == 64
    assert alice == identity_key(SECRET, "alice") != identity_key(SECRET, "bob")
    assert alice != identity_key(b"other", "alice")
    assert identity_key(SECRET, None) is None


@pytest.mark.parametrize(
    ("claim", "key", "check", "allowed", "reason", "token"),
    [
        (Claim(owner(), new=True), None, TokenCheck(TokenStatus.NOT_YET), True, "new_conversation", True),
        (Claim(owner("a"), new=True), "a", TokenCheck(TokenStatus.ABSENT), True, "new_conversation", True),
        (Claim(owner("a"), new=False), "a", TokenCheck(TokenStatus.ABSENT), True, "same_identity", True),
        (Claim(owner("a"), new=False), "b", VALID, False, "other_identity", False),
        (Claim(owner("a"), new=False), None, VALID, False, "other_identity", False),
        (Claim(owner(None), new=False), "b", VALID, False, "other_identity", False),
        (Claim(owner(), new=False), None, VALID, True, "valid_token", True),
        (Claim(owner(), new=False), None, TokenCheck(TokenStatus.INVALID), False, "token_invalid", False),
        (Claim(owner(), new=False), None, TokenCheck(TokenStatus.EXPIRED, 1), False, "token_expired", False),
        (Claim(owner(), new=False), None, TokenCheck(TokenStatus.NOT_YET), False, "token_missing", False),
        (Claim(owner(), new=False), None, TokenCheck(TokenStatus.ABSENT), False, "token_missing", False),
        (Claim(owner(protected=False), new=False), None, TokenCheck(TokenStatus.ABSENT), True, "open_conversation", False),
        (Claim(owner(protected=False), new=False), None, TokenCheck(TokenStatus.INVALID), False, "token_invalid", False),
        (Claim(owner(created=NOW + DAY_SECONDS), new=False), None, VALID, False, "token_of_earlier_conversation", False),
    ],
)  # fmt: skip
def test_who_may_continue_a_conversation(
    claim: Claim, key: str | None, check: TokenCheck, allowed: bool, reason: str, token: bool
) -> None:
    access = chat_access(claim, key, check)
    assert (access.allowed, access.reason, access.issue_token) == (allowed, reason, token)


@pytest.mark.parametrize(
    ("found", "stored", "key", "check", "allowed", "reason"),
    [
        (owner(), True, None, VALID, True, "valid_token"),
        (owner("a"), True, "a", VALID, True, "valid_token"),
        (owner("a"), True, "b", VALID, False, "other_identity"),
        (owner(), True, None, TokenCheck(TokenStatus.ABSENT), False, "token_missing"),
        (owner(), True, None, TokenCheck(TokenStatus.NOT_YET), False, "token_missing"),
        (owner(), True, None, TokenCheck(TokenStatus.INVALID), False, "token_invalid"),
        (owner(), True, None, TokenCheck(TokenStatus.EXPIRED, 1), False, "token_expired"),
        (owner(created=NOW + DAY_SECONDS), True, None, VALID, False, "token_of_earlier_conversation"),
        (None, True, None, VALID, False, "no_owner"),
        (None, False, None, VALID, True, "nothing_stored"),
        (None, False, None, TokenCheck(TokenStatus.ABSENT), False, "token_missing"),
    ],
)  # fmt: skip
def test_who_may_read_or_delete_a_conversation(
    found: Owner | None,
    stored: bool,
    key: str | None,
    check: TokenCheck,
    allowed: bool,
    reason: str,
) -> None:
    access = read_access(found, stored, key, check)
    assert (access.allowed, access.reason) == (allowed, reason)
    assert not access.issue_token


def test_server_made_ids_are_fresh_and_valid_sender_ids() -> None:
    ids = {new_conversation_id() for _ in range(100)}
    assert len(ids) == 100 and all(i.startswith("c-") and len(i) == 34 for i in ids)


def sqlite_store(tmp_path: Path) -> SQLTrackerStore:
    return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "c.db"))


def save_message(store: SQLTrackerStore, sender: str, when: float) -> None:
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(UserUttered("hallo", timestamp=when))
    asyncio.run(store.save(tracker))


def test_owners_on_sqlite_first_message_wins(tmp_path: Path) -> None:
    owners = SqlConversationOwners(sqlite_store(tmp_path).engine)
    first = asyncio.run(owners.claim("w-1", "alice", protected=True))
    assert first.new and first.owner.identity_key == "alice" and first.owner.protected
    second = asyncio.run(owners.claim("w-1", "bob", protected=False))
    assert not second.new and second.owner == first.owner
    assert asyncio.run(owners.owner("w-1")) == first.owner
    asyncio.run(owners.forget("w-1"))
    assert asyncio.run(owners.owner("w-1")) is None


def test_a_conversation_stored_before_owners_is_nobodys(tmp_path: Path) -> None:
    """Its sender id may be known to others: whoever sends it first must not get its token."""
    store = sqlite_store(tmp_path)
    save_message(store, "legacy", time.time())
    claim = asyncio.run(SqlConversationOwners(store.engine).claim("legacy", "alice", True))
    assert not claim.new and claim.owner.identity_key is None and not claim.owner.protected
    assert chat_access(claim, "alice", TokenCheck(TokenStatus.NOT_YET)).allowed is False
    assert chat_access(claim, None, TokenCheck(TokenStatus.ABSENT)).issue_token is False


def test_owners_go_with_their_conversations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = sqlite_store(tmp_path)
    owners = SqlConversationOwners(store.engine)
    now = time.time()
    with monkeypatch.context() as past:  # these conversations started 40 days ago
        past.setattr(time, "time", lambda: now - 40 * DAY_SECONDS)
        for sender in ("stale", "active", "never-answered"):
            asyncio.run(owners.claim(sender, None, protected=True))
    asyncio.run(owners.claim("just-started", None, protected=True))
    save_message(store, "stale", now - 31 * DAY_SECONDS)
    save_message(store, "active", now - 60)
    # The purge of the service's schedule and of `make purge`.
    assert asyncio.run(purge_before(store, now - 30 * DAY_SECONDS)) == 1
    assert asyncio.run(owners.owner("stale")) is None
    assert asyncio.run(owners.owner("never-answered")) is None  # its first answer never came
    assert asyncio.run(owners.owner("active")) is not None
    assert asyncio.run(owners.owner("just-started")) is not None


def test_rate_limit_per_identity_behind_one_proxy(tmp_path: Path) -> None:
    settings = Settings.from_env().copy(
        update={
            "data_dir": tmp_path,
            "identity_header": "x-remote-user",
            "rate_per_client": RateLimit(2, 60),
        }
    )
    assistant = EchoAssistant(settings)
    assistant.agent = object()
    proxy = TestClient(create_app(settings, assistant), client=("10.0.0.1", 5000))

    def send(user: str, sender: str) -> int:
        body = {"sender": sender, "message": "hoi"}
        return proxy.post(WEBHOOK, json=body, headers={"X-Remote-User": user}).status_code

    # Changing the sender id does not dodge it: the identity is counted.
    assert [send("alice", f"a{i}") for i in range(3)] == [200, 200, 429]
    assert [send("bob", f"b{i}") for i in range(2)] == [200, 200]  # same proxy address


def test_a_stranger_cannot_use_up_a_conversations_limit(tmp_path: Path) -> None:
    settings = Settings.from_env().copy(
        update={
            "data_dir": tmp_path,
            "identity_header": "x-remote-user",
            "rate_per_sender": RateLimit(2, 60),
        }
    )
    assistant = EchoAssistant(settings)
    assistant.agent = object()
    client = TestClient(create_app(settings, assistant))

    def send(user: str) -> int:
        body = {"sender": "w-alice", "message": "hoi"}
        return client.post(WEBHOOK, json=body, headers={"X-Remote-User": user}).status_code

    assert send("alice") == 200
    assert [send("bob") for _ in range(3)] == [403, 403, 403]  # refused, and not counted
    assert [send("alice") for _ in range(2)] == [200, 429]


def test_a_widget_on_another_intranet_host_can_keep_and_send_its_token(tmp_path: Path) -> None:
    origin = "https://intranet.example"
    settings = Settings.from_env().copy(update={"data_dir": tmp_path, "cors_origins": (origin,)})
    assistant = EchoAssistant(settings)
    assistant.agent = object()
    client = TestClient(create_app(settings, assistant))
    preflight = client.options(
        "/api/conversations/w-1",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "x-conversation-token",
        },
    )
    assert preflight.status_code == 200
    assert "x-conversation-token" in preflight.headers["access-control-allow-headers"].lower()
    answer = client.post(
        WEBHOOK,
        json={"sender": "w-1", "message": "hoi"},
        headers={"Origin": origin, "X-Conversation-Token": "new"},
    )
    assert answer.status_code == 200 and answer.headers["x-conversation-token"].startswith("v1.")
    exposed = answer.headers["access-control-expose-headers"].lower()
    assert "x-conversation-token" in exposed  # else the browser hides it from the widget
