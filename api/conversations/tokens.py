"""Conversation tokens: the proof that a client may read, delete or continue a conversation.

A token is `v1.<issued>.<mac>`: the Unix second it was issued and an HMAC-SHA256, under the
service's conversation secret, over the conversation id, the owner's identity key (empty
without an identity) and that second. The service hands one out with a chat answer (the
`X-Conversation-Token` response header, which stock Rasa REST clients ignore) and checks it
on `GET`/`DELETE /api/conversations/{sender}`. A token lives as long as a conversation can
without a new message (RETENTION_DAYS): every answer to its owner carries a fresh one.

The secret comes from CONVERSATION_SECRET, or is generated once and kept in BOT_DATA_DIR
(mode 0600). Whoever holds the secret can make a token for any conversation: it is as
sensitive as the database itself.

Identities (from TRUSTED_IDENTITY_HEADER) are never stored as names: the service keeps a
keyed hash of them (`identity_key`), which is all it needs to tell two people apart.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from api.conversations.retention import retention_cutoff
from api.core.settings import Settings

logger = logging.getLogger(__name__)

TOKEN_HEADER = "X-Conversation-Token"
# What a client that keeps tokens (the widget) sends before it has one for its conversation.
NO_TOKEN_YET = "new"
SECRET_FILE = "conversation_secret"
VERSION = "v1"
# Replicas' clocks may differ this much (seconds) when a token is compared with the time its
# conversation started.
CLOCK_SKEW_SECONDS = 300


class TokenStatus(Enum):
    ABSENT = "absent"  # no header: a stock Rasa REST client
    NOT_YET = "not_yet"  # the client keeps tokens but has none for this conversation yet
    VALID = "valid"
    INVALID = "invalid"  # malformed, forged, or for another conversation or identity
    EXPIRED = "expired"  # issued before a conversation could still live


@dataclass(frozen=True)
class TokenCheck:
    status: TokenStatus
    issued: int | None = None  # when a valid token was issued (Unix seconds)


def load_secret(settings: Settings) -> bytes:
    """CONVERSATION_SECRET, else the secret kept in BOT_DATA_DIR (made on first start)."""
    if settings.conversation_secret:
        return settings.conversation_secret.encode()
    path = settings.data_dir / SECRET_FILE
    if not path.exists():
        _create_secret_file(path)
    secret = path.read_text(encoding="ascii").strip()
    if not secret:
        raise RuntimeError(f"{path} is empty: delete it, or set CONVERSATION_SECRET")
    return secret.encode()


def _create_secret_file(path: Path) -> None:
    """Write a new secret atomically (0600); when another process won the race, keep its."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        try:
            os.link(scratch, path)  # fails when the file exists: never overwrite a secret
            logger.info("generated a conversation secret in BOT_DATA_DIR")
        except FileExistsError:
            pass
    finally:
        scratch.unlink(missing_ok=True)


def identity_key(secret: bytes, identity: str | None) -> str | None:
    """A keyed hash of a user's identity (stored instead of the name); None without one."""
    if identity is None:
        return None
    digest = hmac.new(secret, b"identity\0" + identity.encode(), hashlib.sha256)
    return digest.hexdigest()


def _mac(secret: bytes, sender_id: str, owner_key: str | None, issued: int) -> str:
    message = "\0".join((VERSION, sender_id, owner_key or "", str(issued))).encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def issue_token(secret: bytes, sender_id: str, owner_key: str | None, issued: float) -> str:
    second = int(issued)
    return f"{VERSION}.{second}.{_mac(secret, sender_id, owner_key, second)}"


def check_token(
    secret: bytes,
    header: str | None,
    sender_id: str,
    owner_key: str | None,
    now: float,
    retention_days: float,
) -> TokenCheck:
    """What the request's token header proves for this conversation and identity."""
    if header is None:
        return TokenCheck(TokenStatus.ABSENT)
    header = header.strip()
    if header in ("", NO_TOKEN_YET):
        return TokenCheck(TokenStatus.NOT_YET)
    version, _, rest = header.partition(".")
    issued_text, _, mac = rest.partition(".")
    if version != VERSION or not issued_text.isdigit() or len(issued_text) > 12:
        return TokenCheck(TokenStatus.INVALID)
    issued = int(issued_text)
    if not hmac.compare_digest(mac.encode(), _mac(secret, sender_id, owner_key, issued).encode()):
        return TokenCheck(TokenStatus.INVALID)
    if issued < retention_cutoff(now, retention_days):
        return TokenCheck(TokenStatus.EXPIRED, issued)
    return TokenCheck(TokenStatus.VALID, issued)
