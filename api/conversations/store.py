"""Deleting conversations from Rasa's tracker store: one on request, and all that are older
than the retention period (AVG/GDPR). Rasa itself has no delete, so this works on the two
stores the service supports: SQL (SQLite, PostgreSQL) and in-memory."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from api.conversations.owners import owners_for
from api.rasa_runtime.fail_safe_store import innermost_store


class ConversationConflictError(RuntimeError):
    """Another writer saved this conversation since it was loaded; nothing was written."""


def is_store_failure(exc: BaseException) -> bool:
    """The tracker or lock store is down (database, Redis): fail fast with 503, not 200."""
    module = type(exc).__module__
    return isinstance(exc, ConnectionError | TimeoutError) or module.startswith(
        ("sqlalchemy", "psycopg2", "redis", "sqlite3")
    )


def _is_sql(store: Any) -> bool:
    return hasattr(store, "SQLEvent") and hasattr(store, "session_scope")


def _delete_sql(store: Any, sender_ids: list[str]) -> int:
    if not sender_ids:
        return 0
    if hasattr(store, "delete_conversations"):  # ours: removes the heads too
        store.delete_conversations(sender_ids)
        return len(sender_ids)
    with store.session_scope() as session:
        query = session.query(store.SQLEvent).filter(store.SQLEvent.sender_id.in_(sender_ids))
        query.delete(synchronize_session=False)
        session.commit()
    return len(sender_ids)


def _stale_sql(store: Any, cutoff: float) -> list[str]:
    from sqlalchemy import func

    event = store.SQLEvent
    with store.session_scope() as session:
        rows = (
            session.query(event.sender_id)
            .group_by(event.sender_id)
            .having(func.max(event.timestamp) < cutoff)
            .all()
        )
    return [sender_id for (sender_id,) in rows]


def _last_timestamp(serialised: str) -> float:
    events = json.loads(serialised).get("events") or [{}]
    return float(events[-1].get("timestamp") or 0.0)


async def delete_conversation(tracker_store: Any, sender_id: str) -> None:
    store = innermost_store(tracker_store)
    if _is_sql(store):
        await asyncio.to_thread(_delete_sql, store, [sender_id])
    elif isinstance(getattr(store, "store", None), dict):
        store.store.pop(sender_id, None)
    else:
        raise NotImplementedError(f"cannot delete from {type(store).__name__}")


async def purge_before(tracker_store: Any, cutoff: float) -> int:
    """Delete every conversation whose last event is older than `cutoff` (a Unix time), and
    the owners of conversations with no messages left; returns how many were deleted."""
    store = innermost_store(tracker_store)
    if _is_sql(store):
        stale = await asyncio.to_thread(_stale_sql, store, cutoff)
        deleted = await asyncio.to_thread(_delete_sql, store, stale)
        owners = await asyncio.to_thread(owners_for, store)
        await owners.purge(cutoff)
        return deleted
    if isinstance(getattr(store, "store", None), dict):
        stale_ids = [k for k, v in store.store.items() if _last_timestamp(v) < cutoff]
        for sender_id in stale_ids:
            store.store.pop(sender_id, None)
        return len(stale_ids)
    raise NotImplementedError(f"cannot purge {type(store).__name__}")
