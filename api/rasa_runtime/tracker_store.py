"""An SQL tracker store whose save cannot silently drop events.

Rasa 3.6's SQLTrackerStore.save appends "the tracker's events after the number already
stored". When two writers hold the same conversation (a lost lock, a stale replica), the later
one skips its own new events by the earlier one's count: user messages vanish while every
request answered 200. Here each conversation has a head row with its event count, and a save
is a compare-and-swap inside the same transaction as the inserts: it moves the head from the
count the tracker was loaded at to that count plus the new events, or it fails with
`ConversationConflictError` and nothing is written. The turn is then retried on fresh state.

Retrieve and save run their database work in a worker thread, so a slow database does not
stall every other conversation on the event loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base

from api.conversation_lock import CURRENT_LOCK
from api.conversation_store import ConversationConflictError

logger = logging.getLogger(__name__)

HeadBase: Any = declarative_base()


class ConversationHead(HeadBase):  # type: ignore[misc]
    """How many events of one conversation are stored: the value the save compares."""

    __tablename__ = "conversation_heads"

    sender_id = sa.Column(sa.String(255), primary_key=True)
    event_count = sa.Column(sa.Integer, nullable=False)


@dataclass
class _Loaded:
    """Where a tracker came from: the stored count then, and its length then."""

    stored_count: int
    tracker_length: int


_LOADED_ATTRIBUTE = "_poortwachter_loaded"


def _loaded(tracker: DialogueStateTracker) -> _Loaded:
    # A tracker this store did not load (Rasa's create_tracker) starts from nothing.
    loaded = getattr(tracker, _LOADED_ATTRIBUTE, None)
    return loaded if isinstance(loaded, _Loaded) else _Loaded(0, 0)


class SequencedSQLTrackerStore(SQLTrackerStore):  # type: ignore[misc]
    """SQLTrackerStore with a compare-and-swap save (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            HeadBase.metadata.create_all(self.engine)
        except sa.exc.SQLAlchemyError as exc:  # replicas starting at once race to create it
            logger.warning("creating the conversation_heads table: %s", type(exc).__name__)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._load(sender_id, all_sessions=False)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._load(conversation_id, all_sessions=True)

    async def _load(self, sender_id: str, all_sessions: bool) -> DialogueStateTracker | None:
        rows, stored_count = await asyncio.to_thread(self._read, sender_id, all_sessions)
        if not rows or self.domain is None:
            return None
        tracker = DialogueStateTracker.from_dict(
            sender_id, [json.loads(row) for row in rows], self.domain.slots
        )
        setattr(tracker, _LOADED_ATTRIBUTE, _Loaded(stored_count, len(tracker.events)))
        return tracker

    def _read(self, sender_id: str, all_sessions: bool) -> tuple[list[str], int]:
        with self.session_scope() as session:
            rows = [
                event.data
                for event in self._event_query(
                    session, sender_id, fetch_events_from_all_sessions=all_sessions
                ).all()
            ]
            return rows, self._stored_count(session, sender_id)

    def _stored_count(self, session: Any, sender_id: str) -> int:
        head = session.get(ConversationHead, sender_id)
        if head is not None:
            return int(head.event_count)
        # A conversation stored before heads existed: its rows are the count.
        count = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id)
        return int(count.count())

    async def save(self, tracker: DialogueStateTracker) -> None:
        loaded = _loaded(tracker)
        new_events = list(tracker.events)[loaded.tracker_length :]
        if not new_events:
            return
        held = CURRENT_LOCK.get()
        if held is not None:
            await held.ensure_owned()  # a turn that lost its lock must not save
        await self.stream_events(tracker)
        rows = [self._row(tracker.sender_id, event) for event in new_events]
        await asyncio.to_thread(self._write, tracker.sender_id, loaded.stored_count, rows)
        setattr(
            tracker,
            _LOADED_ATTRIBUTE,
            _Loaded(loaded.stored_count + len(rows), len(tracker.events)),
        )

    def _row(self, sender_id: str, event: Any) -> Any:
        data = event.as_dict()
        return self.SQLEvent(
            sender_id=sender_id,
            type_name=event.type_name,
            timestamp=data.get("timestamp"),
            intent_name=(data.get("parse_data") or {}).get("intent", {}).get("name"),
            action_name=data.get("name"),
            data=json.dumps(data),
        )

    def _write(self, sender_id: str, expected: int, rows: list[Any]) -> None:
        with self.session_scope() as session:
            try:
                self._advance_head(session, sender_id, expected, expected + len(rows))
                session.add_all(rows)
                session.commit()
            except IntegrityError as exc:  # two first writers inserted the head at once
                session.rollback()
                raise ConversationConflictError("conversation saved concurrently") from exc

    def _advance_head(self, session: Any, sender_id: str, expected: int, new: int) -> None:
        moved = session.execute(
            sa.update(ConversationHead)
            .where(
                ConversationHead.sender_id == sender_id,
                ConversationHead.event_count == expected,
            )
            .values(event_count=new)
        ).rowcount
        if moved == 1:
            return
        if session.get(ConversationHead, sender_id) is not None:
            raise ConversationConflictError("conversation saved concurrently")
        # No head yet: a new conversation (or one stored before heads existed). Its rows must
        # still be what the tracker was loaded from; the primary key stops a second inserter.
        stored = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id)
        if stored.count() != expected:
            raise ConversationConflictError("conversation changed since it was loaded")
        session.add(ConversationHead(sender_id=sender_id, event_count=new))
        session.flush()

    def delete_conversations(self, sender_ids: list[str]) -> None:
        """Delete conversations with their heads, in one transaction."""
        if not sender_ids:
            return
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(self.SQLEvent.sender_id.in_(sender_ids)).delete(
                synchronize_session=False
            )
            session.query(ConversationHead).filter(
                ConversationHead.sender_id.in_(sender_ids)
            ).delete(synchronize_session=False)
            session.commit()
