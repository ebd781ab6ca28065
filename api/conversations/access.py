"""Who may continue, read or delete a conversation: the decisions, each returned as an
`Access` (allowed or not, the reason, whether to hand out a fresh token).

- Continuing (the chat webhook). The message that starts a conversation makes its sender the
  owner, and gets a token. With an identity (TRUSTED_IDENTITY_HEADER) only that identity may
  continue. Without one, a conversation started by a token-keeping client (the widget) needs
  its token; one started by a stock Rasa REST client (no token header) can be continued by
  whoever sends its id, as Rasa's REST channel always allowed, but that gives no token.
- Reading and deleting (`/api/conversations/{sender}`) always need a valid, unexpired token
  for this conversation and, when there is one, the owner's identity.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass

from api.conversations.owners import Claim, Owner
from api.conversations.tokens import (
    CLOCK_SKEW_SECONDS,
    TOKEN_HEADER,
    TokenCheck,
    TokenStatus,
    check_token,
    identity_key,
    issue_token,
)
from api.core.security import request_identity
from api.core.settings import Settings
from bot.messages import CONVERSATION_ACCESS_EXPIRED, NO_CONVERSATION_ACCESS


@dataclass(frozen=True)
class Access:
    allowed: bool
    reason: str
    issue_token: bool = False

    @property
    def detail(self) -> str:
        """The Dutch message for a refusal."""
        return (
            CONVERSATION_ACCESS_EXPIRED
            if self.reason == "token_expired"
            else NO_CONVERSATION_ACCESS
        )


def _refused_token(check: TokenCheck, owner: Owner | None) -> Access | None:
    """A refusal when the token does not prove access to this owner's conversation."""
    if check.status is TokenStatus.EXPIRED:
        return Access(False, "token_expired")
    if check.status is not TokenStatus.VALID:
        return Access(
            False, "token_missing" if check.status is not TokenStatus.INVALID else "token_invalid"
        )
    if owner is not None and (check.issued or 0) < owner.created - CLOCK_SKEW_SECONDS:
        # Issued for an earlier conversation under this id, deleted since.
        return Access(False, "token_of_earlier_conversation")
    return None


def chat_access(claim: Claim, key: str | None, check: TokenCheck) -> Access:
    """May this message continue its conversation? (Decided under the conversation's lock.)"""
    owner = claim.owner
    if claim.new:
        return Access(True, "new_conversation", issue_token=True)
    if owner.identity_key != key:
        return Access(False, "other_identity")
    if key is not None:
        return Access(True, "same_identity", issue_token=True)
    if check.status in (TokenStatus.VALID, TokenStatus.INVALID, TokenStatus.EXPIRED):
        refusal = _refused_token(check, owner)
        return refusal or Access(True, "valid_token", issue_token=True)
    if owner.protected:
        return Access(False, "token_missing")
    return Access(True, "open_conversation")


def read_access(owner: Owner | None, stored: bool, key: str | None, check: TokenCheck) -> Access:
    """May this request read or delete the conversation? `stored`: it has messages."""
    refusal = _refused_token(check, owner)
    if refusal is not None:
        return refusal
    if owner is None:
        # Messages without an owner were stored before owners were kept: nobody can prove
        # to own them. Nothing stored: there is nothing to read or delete.
        return Access(False, "no_owner") if stored else Access(True, "nothing_stored")
    if owner.identity_key != key:
        return Access(False, "other_identity")
    return Access(True, "valid_token")


def new_conversation_id() -> str:
    """A fresh, unguessable id for a message sent without one (never a shared "default")."""
    return "c-" + secrets.token_hex(16)


class ConversationGuard:
    """The service's secret and settings, applied to one request's headers."""

    def __init__(self, settings: Settings, secret: bytes) -> None:
        self.settings = settings
        self.secret = secret

    def identity_key(self, headers: Mapping[str, str]) -> str | None:
        return identity_key(self.secret, request_identity(self.settings, headers))

    def check(self, headers: Mapping[str, str], sender_id: str, key: str | None) -> TokenCheck:
        return check_token(
            self.secret,
            headers.get(TOKEN_HEADER.lower()),
            sender_id,
            key,
            time.time(),
            self.settings.retention_days,
        )

    def token(self, sender_id: str, key: str | None) -> str:
        return issue_token(self.secret, sender_id, key, time.time())
