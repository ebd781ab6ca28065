"""Who started each conversation: one row per conversation, in the tracker store's database
(SQLite or PostgreSQL), written when its first message arrives.

A row holds the owner's identity key (a keyed hash of the identity header, never the name;
empty without one), when the conversation started, and whether it was started by a client
that keeps conversation tokens (the widget): such a conversation cannot be continued without
its token. The rows go when their conversation is deleted or purged.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from api.rasa_runtime.fail_safe_store import innermost_store

logger = logging.getLogger(__name__)

_metadata = sa.MetaData()
OWNERS = sa.Table(
    "conversation_owners",
    _metadata,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("identity_key", sa.String(64), nullable=True),
    sa.Column("created", sa.Float, nullable=False),
    sa.Column("protected", sa.Boolean, nullable=False),
)
# Rasa's SQL tracker store keeps the events here (rasa.core.tracker_store.SQLTrackerStore).
EVENTS = sa.table("events", sa.column("sender_id"))


@dataclass(frozen=True)
class Owner:
    sender_id: str
    identity_key: str | None
    created: float
    protected: bool  # continuing needs the conversation token (started by the widget)


@dataclass(frozen=True)
class Claim:
    """A message's view of its conversation's owner: `new` when this message started it."""

    owner: Owner
    new: bool


class ConversationOwners(Protocol):
    async def claim(self, sender_id: str, identity_key: str | None, protected: bool) -> Claim:
        """The owner of the conversation, made this identity's when the conversation is new.

        A conversation with stored messages but no owner (stored before owners were kept)
        gets an owner without identity and is not new: nobody gets its token."""

    async def owner(self, sender_id: str) -> Owner | None: ...

    async def forget(self, sender_id: str) -> None: ...

    async def purge(self, cutoff: float) -> int:
        """Delete the owners started before `cutoff` whose conversation has no messages left."""


class SqlConversationOwners:
    def __init__(self, engine: Any) -> None:
        self.engine = engine
        try:
            _metadata.create_all(engine)
        except SQLAlchemyError as exc:  # replicas starting at once race to create it
            logger.warning("creating the conversation_owners table: %s", type(exc).__name__)

    async def claim(self, sender_id: str, identity_key: str | None, protected: bool) -> Claim:
        return await asyncio.to_thread(self._claim, sender_id, identity_key, protected)

    async def owner(self, sender_id: str) -> Owner | None:
        return await asyncio.to_thread(self._owner, sender_id)

    async def forget(self, sender_id: str) -> None:
        await asyncio.to_thread(self._forget, sender_id)

    async def purge(self, cutoff: float) -> int:
        return await asyncio.to_thread(self._purge, cutoff)

    def _claim(self, sender_id: str, identity_key: str | None, protected: bool) -> Claim:
        existing = self._owner(sender_id)
        if existing is not None:
            return Claim(existing, new=False)
        with self.engine.begin() as connection:
            stored = connection.execute(
                sa.select(EVENTS.c.sender_id).where(EVENTS.c.sender_id == sender_id).limit(1)
            ).first()
        if stored is not None:  # stored before owners were kept: nobody can prove to own it
            owner = Owner(sender_id, None, time.time(), protected=False)
        else:
            owner = Owner(sender_id, identity_key, time.time(), protected)
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    OWNERS.insert().values(
                        sender_id=owner.sender_id,
                        identity_key=owner.identity_key,
                        created=owner.created,
                        protected=owner.protected,
                    )
                )
        except IntegrityError:  # another replica's first message won: that one is the owner
            winner = self._owner(sender_id)
            if winner is None:
                raise
            return Claim(winner, new=False)
        return Claim(owner, new=stored is None)

    def _owner(self, sender_id: str) -> Owner | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(OWNERS).where(OWNERS.c.sender_id == sender_id)
            ).first()
        if row is None:
            return None
        return Owner(row.sender_id, row.identity_key, float(row.created), bool(row.protected))

    def _forget(self, sender_id: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(OWNERS.delete().where(OWNERS.c.sender_id == sender_id))

    def _purge(self, cutoff: float) -> int:
        has_events = sa.exists().where(EVENTS.c.sender_id == OWNERS.c.sender_id)
        with self.engine.begin() as connection:
            result = connection.execute(
                OWNERS.delete().where(OWNERS.c.created < cutoff, ~has_events)
            )
        return int(result.rowcount or 0)


class MemoryConversationOwners:
    """For a tracker store without a database (Rasa's in-memory store, tests). It cannot see
    which conversations still have messages, so it keeps owners until they are forgotten
    (everything is gone on restart anyway)."""

    def __init__(self) -> None:
        self._owners: dict[str, Owner] = {}

    async def claim(self, sender_id: str, identity_key: str | None, protected: bool) -> Claim:
        existing = self._owners.get(sender_id)
        if existing is not None:
            return Claim(existing, new=False)
        owner = self._owners[sender_id] = Owner(sender_id, identity_key, time.time(), protected)
        return Claim(owner, new=True)

    async def owner(self, sender_id: str) -> Owner | None:
        return self._owners.get(sender_id)

    async def forget(self, sender_id: str) -> None:
        self._owners.pop(sender_id, None)

    async def purge(self, cutoff: float) -> int:
        return 0


def owners_for(tracker_store: Any) -> ConversationOwners:
    """Owners in the tracker store's own database when it has one, else in memory."""
    store = innermost_store(tracker_store)
    engine = getattr(store, "engine", None)
    if isinstance(engine, sa.engine.Engine):
        return SqlConversationOwners(engine)
    return MemoryConversationOwners()
