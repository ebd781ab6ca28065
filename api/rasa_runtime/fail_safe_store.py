"""No silent fallback: the tracker store under Rasa's wrappers, used directly.

Rasa's Agent wraps the configured tracker store in a FailSafeTrackerStore (and in an
AwaitableTrackerStore), keeping the real one in the private attribute `_tracker_store`.
When the database is down, the fail-safe store starts an empty conversation in memory and
answers as if nothing happened: the user's case is silently lost. `without_silent_fallback`
takes that wrapper out of the agent, so a store failure reaches the route and becomes a
503 with Retry-After. `innermost_store` finds the real store under any wrappers (deleting and
purging conversations work on it).
"""

from __future__ import annotations

from typing import Any

WRAPPED_STORE_ATTRIBUTE = "_tracker_store"  # where Rasa 3.6's wrappers keep the inner store


def innermost_store(store: Any) -> Any:
    """The store under Rasa's wrappers (AwaitableTrackerStore, FailSafeTrackerStore)."""
    while hasattr(store, WRAPPED_STORE_ATTRIBUTE):
        store = getattr(store, WRAPPED_STORE_ATTRIBUTE)
    return store


def without_silent_fallback(agent: Any) -> None:
    """Replace the agent's (and its processor's) FailSafeTrackerStore by the store inside."""
    inner = getattr(agent.tracker_store, WRAPPED_STORE_ATTRIBUTE, None)
    if inner is None or type(agent.tracker_store).__name__ != "FailSafeTrackerStore":
        return
    agent.tracker_store = inner
    if agent.processor is not None:
        agent.processor.tracker_store = inner
