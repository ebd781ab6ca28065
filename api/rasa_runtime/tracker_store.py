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

A turn's cost must not grow with the conversation. Rasa hands the whole session to the
policies and to every action, and replays it from the database on each turn. Here the tracker
a turn works on holds the slots (as SlotSet events) plus only the last RECENT_EVENTS events,
cut at a user message: the policies look back `max_history` turns, and the actions read only
the latest message and the slots. The replica that saved a conversation last keeps that short
tracker in memory and reuses it while the stored count is unchanged; the history shown to the
user is read from the database in full (`session_events`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base

from api.conversations.lock import CURRENT_LOCK
from api.conversations.store import ConversationConflictError

logger = logging.getLogger(__name__)

HeadBase: Any = declarative_base()


# A conversation's head as this replica saw it: (stored event count, when the head was made).
HeadKey = tuple[int, float | None]


class ConversationHead(HeadBase):  # type: ignore[misc]
    """How many events of one conversation are stored: the value the save compares."""

    __tablename__ = "conversation_heads"

    sender_id = sa.Column(sa.String(255), primary_key=True)
    event_count = sa.Column(sa.Integer, nullable=False)
    # When this head was made: a conversation deleted and started again is another one.
    started = sa.Column(sa.Float)


@dataclass
class _Loaded:
    """Where a tracker came from: the stored count then, and its length then."""

    stored_count: int
    tracker_length: int


_LOADED_ATTRIBUTE = "_poortwachter_loaded"
# Events kept besides the slots; about 8 turns (a turn is a user message, its intent and
# slot events and the bot's answers).
RECENT_EVENTS = 60
# Conversations whose short tracker this process keeps (the most recently saved ones).
CACHED_CONVERSATIONS = 1000


def _loaded(tracker: DialogueStateTracker) -> _Loaded:
    # A tracker this store did not load (Rasa's create_tracker) starts from nothing.
    loaded = getattr(tracker, _LOADED_ATTRIBUTE, None)
    return loaded if isinstance(loaded, _Loaded) else _Loaded(0, 0)


def _recent_start(events: list[Event]) -> int:
    """Index of the first event to keep: a user message (with the action_listen before it)
    no more than RECENT_EVENTS from the end; 0 when the session is short."""
    if len(events) <= RECENT_EVENTS:
        return 0
    for index in range(len(events) - RECENT_EVENTS, len(events)):
        if isinstance(events[index], UserUttered):
            before = events[index - 1]
            listen = isinstance(before, ActionExecuted) and before.action_name == "action_listen"
            return index - 1 if listen else index
    return 0


def shortened(tracker: DialogueStateTracker, slots: Any) -> DialogueStateTracker:
    """The same conversation state with only its recent events (see the module docstring)."""
    events = list(tracker.events)
    start = _recent_start(events)
    if start == 0:
        return tracker
    timestamp = events[start].timestamp
    state: list[Event] = [
        SlotSet(slot.name, slot.value, timestamp=timestamp)
        for slot in tracker.slots.values()
        if slot.value != slot.initial_value
    ]
    return DialogueStateTracker.from_events(tracker.sender_id, state + events[start:], slots)


class SequencedSQLTrackerStore(SQLTrackerStore):  # type: ignore[misc]
    """SQLTrackerStore with a compare-and-swap save (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # sender id -> (head key, the short tracker's events as dicts)
        self._recent: dict[str, tuple[HeadKey, list[dict[str, Any]]]] = {}
        try:
            HeadBase.metadata.create_all(self.engine)
        except sa.exc.SQLAlchemyError as exc:  # replicas starting at once race to create it
            logger.warning("creating the conversation_heads table: %s", type(exc).__name__)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The current session, shortened to its slots and recent events."""
        if self.domain is None:
            return None
        cached = self._recent.get(sender_id)
        if cached is not None:
            key = await asyncio.to_thread(self._key, sender_id)
            if key == cached[0]:
                return self._tracker(sender_id, cached[1], key[0])
        tracker = await self._load(sender_id, all_sessions=False)
        return None if tracker is None else self._shorten(tracker)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._load(conversation_id, all_sessions=True)

    async def session_events(self, sender_id: str) -> list[dict[str, Any]]:
        """Every stored event of the current session, as dicts (the history the user sees)."""
        rows, _ = await asyncio.to_thread(self._read, sender_id, False)
        return [json.loads(row) for row in rows]

    async def _load(self, sender_id: str, all_sessions: bool) -> DialogueStateTracker | None:
        rows, stored_count = await asyncio.to_thread(self._read, sender_id, all_sessions)
        if not rows or self.domain is None:
            return None
        return self._tracker(sender_id, [json.loads(row) for row in rows], stored_count)

    def _tracker(
        self, sender_id: str, events: list[dict[str, Any]], stored_count: int
    ) -> DialogueStateTracker:
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        setattr(tracker, _LOADED_ATTRIBUTE, _Loaded(stored_count, len(tracker.events)))
        return tracker

    def _shorten(self, tracker: DialogueStateTracker) -> DialogueStateTracker:
        short = shortened(tracker, self.domain.slots)
        if short is not tracker:
            loaded = _Loaded(_loaded(tracker).stored_count, len(short.events))
            setattr(short, _LOADED_ATTRIBUTE, loaded)
        return short

    def _remember(self, tracker: DialogueStateTracker, key: HeadKey) -> None:
        """Keep the saved conversation's short tracker for this replica's next turn."""
        short = self._shorten(tracker)
        self._recent.pop(tracker.sender_id, None)
        self._recent[tracker.sender_id] = (key, [event.as_dict() for event in short.events])
        while len(self._recent) > CACHED_CONVERSATIONS:
            self._recent.pop(next(iter(self._recent)))

    def _key(self, sender_id: str) -> HeadKey:
        with self.session_scope() as session:
            head = session.get(ConversationHead, sender_id)
            if head is None:
                return (self._stored_count(session, sender_id), None)
            return (int(head.event_count), head.started)

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
        try:
            key = await asyncio.to_thread(self._write, tracker.sender_id, loaded.stored_count, rows)
        except ConversationConflictError:
            self._recent.pop(tracker.sender_id, None)
            raise
        setattr(tracker, _LOADED_ATTRIBUTE, _Loaded(key[0], len(tracker.events)))
        self._remember(tracker, key)

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

    def _write(self, sender_id: str, expected: int, rows: list[Any]) -> HeadKey:
        """Insert the rows if the head still stands at `expected`; returns the new head key."""
        with self.session_scope() as session:
            try:
                started = self._advance_head(session, sender_id, expected, expected + len(rows))
                session.add_all(rows)
                session.commit()
            except IntegrityError as exc:  # two first writers inserted the head at once
                session.rollback()
                raise ConversationConflictError("conversation saved concurrently") from exc
            return (expected + len(rows), started)

    def _advance_head(self, session: Any, sender_id: str, expected: int, new: int) -> float | None:
        """Move the head from `expected` to `new` or raise; returns when the head was made."""
        moved = session.execute(
            sa.update(ConversationHead)
            .where(
                ConversationHead.sender_id == sender_id,
                ConversationHead.event_count == expected,
            )
            .values(event_count=new)
        ).rowcount
        if moved == 1:
            started = session.execute(
                sa.select(ConversationHead.started).where(ConversationHead.sender_id == sender_id)
            ).scalar_one()
            return float(started) if started is not None else None
        if session.get(ConversationHead, sender_id) is not None:
            raise ConversationConflictError("conversation saved concurrently")
        # No head yet: a new conversation (or one stored before heads existed). Its rows must
        # still be what the tracker was loaded from; the primary key stops a second inserter.
        stored = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id)
        if stored.count() != expected:
            raise ConversationConflictError("conversation changed since it was loaded")
        started = time.time()
        session.add(ConversationHead(sender_id=sender_id, event_count=new, started=started))
        session.flush()
        return started

    def delete_conversations(self, sender_ids: list[str]) -> None:
        """Delete conversations with their heads, in one transaction."""
        if not sender_ids:
            return
        for sender_id in sender_ids:
            self._recent.pop(sender_id, None)
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(self.SQLEvent.sender_id.in_(sender_ids)).delete(
                synchronize_session=False
            )
            session.query(ConversationHead).filter(
                ConversationHead.sender_id.in_(sender_ids)
            ).delete(synchronize_session=False)
            session.commit()
