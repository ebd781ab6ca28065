"""The Rasa agent, loaded once per process and driven in-process (no Rasa HTTP server)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from api import rasa_runtime
from api.conversations.lock import ConversationLocks, locks_from_endpoints
from api.conversations.owners import ConversationOwners, MemoryConversationOwners, owners_for
from api.conversations.store import (
    ConversationConflictError,
    delete_conversation,
    purge_before,
)
from api.core.settings import Settings
from api.rasa_runtime.fail_safe_store import without_silent_fallback
from bot.faq.search import warm_up

logger = logging.getLogger(__name__)

Message = dict[str, Any]
# Called under the conversation's lock before a turn runs; raises to refuse the message.
Admission = Callable[[], Awaitable[None]]


class ModelNotReadyError(RuntimeError):
    """The model is still loading, or failed to load."""


class ModelFileError(RuntimeError):
    """The model file is missing or unreadable; the message names the file and the fix."""


class TurnTimeoutError(RuntimeError):
    """The turn ran over TURN_TIMEOUT_SECONDS and was stopped before it saved."""


# A save that finds the conversation changed reruns the turn this many times in all.
SAVE_ATTEMPTS = 3


@dataclass
class Assistant:
    """Owns the Rasa agent. Load state is visible to /health."""

    settings: Settings
    agent: Any = None
    locks: ConversationLocks = field(init=False)
    # Who started each conversation; in the tracker store's database once the model loaded.
    owners: ConversationOwners = field(default_factory=MemoryConversationOwners)
    error: str | None = None
    loaded: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.locks = ConversationLocks(
            self.settings.lock_wait_seconds, self.settings.lock_lifetime_seconds
        )

    @property
    def ready(self) -> bool:
        return self.agent is not None

    async def load(self) -> None:
        try:
            self.locks = await asyncio.to_thread(_conversation_locks, self.settings)
            agent = await _load_agent(self.settings)
            self.owners = await asyncio.to_thread(owners_for, agent.tracker_store)
            self.agent = agent
            if _shared_store(agent.tracker_store) and not self.settings.conversation_secret:
                logger.warning(
                    "CONVERSATION_SECRET is not set: this replica made its own secret, and "
                    "replicas that do not share one refuse each other's conversation tokens"
                )
            logger.info(
                "Model loaded. Open the chat at http://%s:%s/",
                self.settings.host,
                self.settings.port,
            )
        except ModelFileError as exc:
            self.error = str(exc)
            logger.error("%s", exc)
        except Exception as exc:
            self.error = f"Loading the model failed ({type(exc).__name__})."
            logger.exception("loading the model failed")
        finally:
            self.loaded.set()

    async def handle(
        self,
        sender_id: str,
        text: str,
        metadata: Message | None,
        admit: Admission | None = None,
    ) -> list[Message]:
        """One user turn through Rasa, under the conversation's lock; returns the REST
        channel's bot messages. `admit` runs first under the lock (the ownership check: a
        delete cannot slip between it and the turn) and raises to refuse the message.

        Raises LockUnavailableError, TurnTimeoutError, LockLostError or
        ConversationConflictError when the message was not processed (the route answers 503
        with Retry-After, and nothing of the message was saved).
        """
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        if self.agent is None:
            raise ModelNotReadyError(self.error or "model loading")
        async with self.locks.hold(sender_id):
            if admit is not None:
                await admit()
            for attempt in range(1, SAVE_ATTEMPTS + 1):
                collector = CollectingOutputChannel()
                message = UserMessage(
                    text, collector, sender_id, input_channel="rest", metadata=metadata
                )
                try:
                    await self._run_turn(message)
                    return list(collector.messages)
                except ConversationConflictError:
                    # Someone else saved this conversation meanwhile: nothing of this turn
                    # was written, so run it again on the fresh state.
                    logger.warning("conversation changed while a turn ran (attempt %d)", attempt)
                    if attempt == SAVE_ATTEMPTS:
                        raise
        raise AssertionError("unreachable")

    async def _run_turn(self, message: Any) -> None:
        # The lock is held by the caller, so Rasa's own (ticket) lock store is bypassed:
        # the processor is driven directly. A hanging action server must not hold the user
        # for Rasa's 5-minute default.
        try:
            await asyncio.wait_for(
                self.agent.processor.handle_message(message), self.settings.turn_timeout_seconds
            )
        except asyncio.TimeoutError:
            logger.error("a turn took over %s s; not saved", self.settings.turn_timeout_seconds)
            raise TurnTimeoutError from None

    async def tracker_events(self, sender_id: str) -> list[Message]:
        if self.agent is None:
            raise ModelNotReadyError(self.error or "model loading")
        store = self.agent.tracker_store
        if hasattr(store, "session_events"):  # ours: the whole session, not the short tracker
            events: list[Message] = await store.session_events(sender_id)
            return events
        tracker = await store.retrieve(sender_id)
        return [] if tracker is None else [e.as_dict() for e in tracker.events]

    async def delete_conversation(self, sender_id: str) -> None:
        if self.agent is None:
            raise ModelNotReadyError(self.error or "model loading")
        # Under the lock: a turn in flight finishes (and saves) first, then all is deleted.
        async with self.locks.hold(sender_id):
            await delete_conversation(self.agent.tracker_store, sender_id)
            await self.owners.forget(sender_id)

    async def purge_before(self, cutoff: float) -> int:
        if self.agent is None:
            raise ModelNotReadyError(self.error or "model loading")
        return await purge_before(self.agent.tracker_store, cutoff)


def check_model_file(path: Path) -> None:
    """Fail early with a message that names the file and the command that fixes it."""
    import tarfile

    if not path.is_file():
        raise ModelFileError(
            f"Model file {path} is missing. Run `make train` (or `make run`, which trains)."
        )
    try:
        with tarfile.open(path, "r:gz") as archive:
            archive.getmembers()
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise ModelFileError(
            f"Model file {path} is corrupt ({type(exc).__name__}). Delete it and run `make train`."
        ) from exc


async def _load_agent(settings: Settings) -> Any:
    """Build the agent like rasa.core.agent.load_agent, with the slow parts in a thread.

    Importing TensorFlow and loading the model take many seconds of CPU; on the event loop
    they would block /health, which must answer 503 while this runs.
    """
    check_model_file(settings.model_path)
    # The keyword index and FAQ classifier build on the other core while TensorFlow loads.
    indexes = asyncio.ensure_future(asyncio.to_thread(warm_up))
    await asyncio.to_thread(rasa_runtime.install)
    from rasa.core.agent import Agent
    from rasa.core.brokers.broker import EventBroker

    endpoints = _endpoints(settings)
    action_endpoint = await asyncio.to_thread(_action_endpoint, settings)
    broker = await EventBroker.create(endpoints.event_broker)
    # No Rasa lock store: Assistant.handle holds the service's own conversation lock.
    agent = Agent(
        generator=endpoints.nlg,
        tracker_store=await asyncio.to_thread(_tracker_store, endpoints.tracker_store, broker),
        action_endpoint=action_endpoint,
    )
    try:
        await asyncio.to_thread(agent.load_model, str(settings.model_path))
        without_silent_fallback(agent)
        await indexes
    except Exception as exc:
        raise ModelFileError(
            f"Model file {settings.model_path} could not be loaded ({type(exc).__name__}). "
            "Delete it and run `make train`."
        ) from exc
    return agent


async def open_tracker_store(settings: Settings) -> Any:
    """The configured tracker store alone, without the model (for `make purge`)."""
    rasa_runtime.require_pinned_versions()
    from rasa.shared.core.domain import Domain

    store = _tracker_store(_endpoints(settings).tracker_store, None)
    store.domain = Domain.empty()
    return store


def _conversation_locks(settings: Settings) -> ConversationLocks:
    """Redis locks when the endpoints configure a redis lock store (scale-out)."""
    return locks_from_endpoints(
        _endpoints(settings).lock_store, settings.lock_wait_seconds, settings.lock_lifetime_seconds
    )


def _tracker_store(config: Any, broker: Any) -> Any:
    """SQL stores get the compare-and-swap save; other types are Rasa's own."""
    from rasa.core.tracker_store import TrackerStore

    if config is not None and (config.type or "").lower() == "sql":
        from api.rasa_runtime.tracker_store import SequencedSQLTrackerStore

        return SequencedSQLTrackerStore(host=config.url, event_broker=broker, **config.kwargs)
    return TrackerStore.create(config, event_broker=broker)


def _shared_store(tracker_store: Any) -> bool:
    """A database other replicas may use too (not this machine's SQLite file)."""
    engine = getattr(tracker_store, "engine", None)
    return engine is not None and engine.dialect.name != "sqlite"


def _action_endpoint(settings: Settings) -> Any:
    """Another action server when ACTION_ENDPOINT_URL names one, else this process's actions
    called directly (importing the actions package takes a moment: call it off the loop)."""
    from rasa.utils.endpoints import EndpointConfig

    if settings.action_endpoint_url:
        return EndpointConfig(url=settings.action_endpoint_url)
    from api.action_webhook import action_executor
    from api.rasa_runtime.action_results import InProcessActionEndpoint

    return InProcessActionEndpoint(action_executor())


def _endpoints(settings: Settings) -> Any:
    """endpoints.yml, with the SQLite path placed in BOT_DATA_DIR (the action endpoint is
    _action_endpoint's)."""
    from rasa.core.utils import AvailableEndpoints

    endpoints = AvailableEndpoints.read_endpoints(str(settings.endpoints_path))
    store = endpoints.tracker_store
    if store is not None and store.type == "SQL" and store.kwargs.get("dialect") == "sqlite":
        db_name = Path(store.kwargs.get("db", "conversations.db")).name
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store.kwargs["db"] = str(settings.data_dir / db_name)
    return endpoints


def endpoints_config(settings: Settings) -> Any:
    """The endpoints as this service uses them (SQLite placed in BOT_DATA_DIR): the insights
    tables live in the same database as the conversations."""
    return _endpoints(settings)
