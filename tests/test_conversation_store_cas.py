"""The SQL tracker store's compare-and-swap save: a stale or concurrent writer gets an error
and writes nothing, instead of Rasa's silent drop of its events (SQLite here; PostgreSQL in
tests/test_scaleout.py and tests/test_stress.py)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from api.conversations.lock import CURRENT_LOCK, HeldLock, LockLostError
from api.conversations.store import ConversationConflictError, delete_conversation
from api.rasa_runtime.tracker_store import RECENT_EVENTS, SequencedSQLTrackerStore


def store_at(path: Path) -> SequencedSQLTrackerStore:
    return SequencedSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))


def user_texts(store: SequencedSQLTrackerStore, sender: str) -> list[str]:
    tracker = asyncio.run(store.retrieve_full_tracker(sender))
    assert tracker is not None
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]


def turn(tracker: DialogueStateTracker, text: str) -> None:
    tracker.update(UserUttered(text))
    tracker.update(BotUttered(f"antwoord op {text}"))
    tracker.update(ActionExecuted("action_listen"))


def first_turn(store: SequencedSQLTrackerStore, sender: str) -> None:
    tracker = asyncio.run(store.get_or_create_tracker(sender, append_action_listen=False))
    turn(tracker, "eerste")
    asyncio.run(store.save(tracker))


def test_turns_in_sequence_are_all_stored(tmp_path: Path) -> None:
    store = store_at(tmp_path / "c.db")
    first_turn(store, "s")
    for text in ("tweede", "derde"):
        tracker = asyncio.run(store.retrieve("s"))
        assert tracker is not None
        turn(tracker, text)
        asyncio.run(store.save(tracker))
    assert user_texts(store, "s") == ["eerste", "tweede", "derde"]


def test_a_second_save_in_one_turn_stores_only_what_is_new(tmp_path: Path) -> None:
    store = store_at(tmp_path / "c.db")
    tracker = asyncio.run(store.get_or_create_tracker("s", append_action_listen=False))
    turn(tracker, "een")
    asyncio.run(store.save(tracker))
    turn(tracker, "twee")
    asyncio.run(store.save(tracker))
    assert user_texts(store, "s") == ["een", "twee"]


def test_a_stale_writer_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    store = store_at(tmp_path / "c.db")
    first_turn(store, "s")
    # Two replicas load the same state; the first saves, the second is stale.
    a = asyncio.run(store.retrieve("s"))
    b = asyncio.run(store.retrieve("s"))
    assert a is not None and b is not None
    turn(a, "van a")
    turn(b, "van b")
    asyncio.run(store.save(a))
    with pytest.raises(ConversationConflictError):
        asyncio.run(store.save(b))
    assert user_texts(store, "s") == ["eerste", "van a"]
    # Rasa's own store would have appended nothing of b and said nothing: here b is retried.
    retried = asyncio.run(store.retrieve("s"))
    assert retried is not None
    turn(retried, "van b")
    asyncio.run(store.save(retried))
    assert user_texts(store, "s") == ["eerste", "van a", "van b"]


def test_two_first_writers_of_a_new_conversation_cannot_both_win(tmp_path: Path) -> None:
    store = store_at(tmp_path / "c.db")
    a = asyncio.run(store.get_or_create_tracker("new", append_action_listen=False))
    b = asyncio.run(store.get_or_create_tracker("new", append_action_listen=False))
    turn(a, "van a")
    turn(b, "van b")
    asyncio.run(store.save(a))
    with pytest.raises(ConversationConflictError):
        asyncio.run(store.save(b))
    assert user_texts(store, "new") == ["van a"]


def test_a_conversation_stored_before_heads_existed_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    legacy = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    tracker = DialogueStateTracker("old", slots=[])
    turn(tracker, "van vroeger")
    asyncio.run(legacy.save(tracker))
    store = store_at(path)
    loaded = asyncio.run(store.retrieve("old"))
    assert loaded is not None
    stale = asyncio.run(store.retrieve("old"))
    assert stale is not None
    turn(loaded, "nu")
    asyncio.run(store.save(loaded))
    turn(stale, "te laat")
    with pytest.raises(ConversationConflictError):
        asyncio.run(store.save(stale))
    assert user_texts(store, "old") == ["van vroeger", "nu"]


def test_a_turn_that_lost_its_lock_does_not_save(tmp_path: Path) -> None:
    store = store_at(tmp_path / "c.db")
    first_turn(store, "s")
    tracker = asyncio.run(store.retrieve("s"))
    assert tracker is not None
    turn(tracker, "na verlies")

    async def save_with_lost_lock() -> None:
        token = CURRENT_LOCK.set(HeldLock("s", lost=True))
        try:
            await store.save(tracker)
        finally:
            CURRENT_LOCK.reset(token)

    with pytest.raises(LockLostError):
        asyncio.run(save_with_lost_lock())
    assert user_texts(store, "s") == ["eerste"]


def test_delete_removes_the_head_so_a_stale_turn_cannot_bring_it_back(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    store = store_at(path)
    first_turn(store, "s")
    stale = asyncio.run(store.retrieve("s"))
    assert stale is not None
    asyncio.run(delete_conversation(store, "s"))
    with sqlite3.connect(path) as db:
        assert db.execute("select count(*) from conversation_heads").fetchone() == (0,)
        assert db.execute("select count(*) from events").fetchone() == (0,)
    turn(stale, "na verwijderen")
    with pytest.raises(ConversationConflictError):
        asyncio.run(store.save(stale))
    assert asyncio.run(store.retrieve("s")) is None


def long_conversation(store: SequencedSQLTrackerStore, sender: str, turns: int) -> None:
    first_turn(store, sender)
    for i in range(1, turns):
        tracker = asyncio.run(store.retrieve(sender))
        assert tracker is not None
        tracker.update(SlotSet("role", "werkgever" if i % 2 else "werknemer"))
        turn(tracker, f"vraag {i}")
        asyncio.run(store.save(tracker))


def role_domain() -> Domain:
    return Domain.from_dict({"slots": {"role": {"type": "text", "mappings": [{"type": "custom"}]}}})


def test_a_turn_works_on_a_short_tracker_with_the_same_state(tmp_path: Path) -> None:
    store = SequencedSQLTrackerStore(role_domain(), dialect="sqlite", db=str(tmp_path / "c.db"))
    long_conversation(store, "lang", 60)
    short = asyncio.run(store.retrieve("lang"))
    full = asyncio.run(store.retrieve_full_tracker("lang"))
    assert short is not None and full is not None
    assert len(full.events) == 60 * 3 + 59  # every turn and every slot event is stored
    assert len(short.events) <= RECENT_EVENTS + 1  # + the slot state
    assert short.get_slot("role") == full.get_slot("role") == "werkgever"
    assert short.latest_message.text == full.latest_message.text == "vraag 59"
    # A turn on the short tracker stores only its own events, after all the others.
    turn(short, "vraag 60")
    asyncio.run(store.save(short))
    texts = user_texts(store, "lang")
    assert texts == ["eerste"] + [f"vraag {i}" for i in range(1, 61)]
    history = asyncio.run(store.session_events("lang"))
    assert len(history) == len(full.events) + 3


def test_a_replica_with_an_old_short_tracker_reloads(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    a = SequencedSQLTrackerStore(role_domain(), dialect="sqlite", db=str(path))
    b = SequencedSQLTrackerStore(role_domain(), dialect="sqlite", db=str(path))
    long_conversation(a, "s", 3)  # a remembers the conversation
    tracker = asyncio.run(b.retrieve("s"))
    assert tracker is not None
    turn(tracker, "via b")
    asyncio.run(b.save(tracker))
    again = asyncio.run(a.retrieve("s"))  # a's copy is stale: it must read b's turn
    assert again is not None and again.latest_message.text == "via b"
    turn(again, "via a")
    asyncio.run(a.save(again))
    assert user_texts(a, "s")[-2:] == ["via b", "via a"]
