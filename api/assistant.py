"""The Rasa agent, loaded once per process and driven in-process (no Rasa HTTP server)."""

from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from api.conversation_store import delete_conversation, purge_before
from api.settings import Settings
from bot.faq_search import warm_up

logger = logging.getLogger(__name__)

Message = dict[str, Any]


class ModelNotReadyError(RuntimeError):
    """The model is still loading, or failed to load."""


class ModelFileError(RuntimeError):
    """The model file is missing or unreadable; the message names the file and the fix."""


@dataclass
class Assistant:
    """Owns the Rasa agent. Load state is visible to /health."""

    settings: Settings
    agent: Any = None
    error: str | None = None
    loaded: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def ready(self) -> bool:
        return self.agent is not None

    async def load(self) -> None:
        try:
            self.agent = await _load_agent(self.settings)
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

    async def handle(self, sender_id: str, text: str, metadata: Message | None) -> list[Message]:
        """One user turn through Rasa; returns the REST channel's bot messages."""
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        if self.agent is None:
            raise ModelNotReadyError(self.error or "model loading")
        collector = CollectingOutputChannel()
        message = UserMessage(text, collector, sender_id, input_channel="rest", metadata=metadata)
        try:
            # A hanging action server must not hold the user for Rasa's 5-minute default.
            await asyncio.wait_for(
                self.agent.handle_message(message), self.settings.turn_timeout_seconds
            )
        except asyncio.TimeoutError:
            logger.error(
                "a turn took over %s s; answered with an apology",
                self.settings.turn_timeout_seconds,
            )
            return []
        return list(collector.messages)

    async def tracker_events(self, sender_id: str) -> list[Message]:
        if self.agent is None:
            raise ModelNotReadyError(self.error or "model loading")
        tracker = await self.agent.tracker_store.retrieve(sender_id)
        return [] if tracker is None else [e.as_dict() for e in tracker.events]

    async def delete_conversation(self, sender_id: str) -> None:
        if self.agent is None:
            raise ModelNotReadyError(self.error or "model loading")
        await delete_conversation(self.agent.tracker_store, sender_id)

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


def _import_rasa() -> None:
    # TensorFlow's TFLite module imports JAX when it is installed (TF 2.12 installs it), for
    # a converter Rasa never uses: about 140 MB resident and half a second of start-up.
    sys.modules.setdefault("jax", None)  # type: ignore[arg-type]
    import rasa.core.agent  # noqa: F401  (pulls in TensorFlow: seconds of CPU)

    from api import inference_load

    inference_load.install()


async def _load_agent(settings: Settings) -> Any:
    """Build the agent like rasa.core.agent.load_agent, with the slow parts in a thread.

    Importing TensorFlow and loading the model take many seconds of CPU; on the event loop
    they would block /health, which must answer 503 while this runs.
    """
    check_model_file(settings.model_path)
    # The keyword index and FAQ classifier build on the other core while TensorFlow loads.
    indexes = asyncio.ensure_future(asyncio.to_thread(warm_up))
    await asyncio.to_thread(_import_rasa)
    from rasa.core.agent import Agent
    from rasa.core.brokers.broker import EventBroker
    from rasa.core.lock_store import LockStore
    from rasa.core.tracker_store import TrackerStore

    endpoints = _endpoints(settings)
    action_endpoint = await asyncio.to_thread(_action_endpoint, settings)
    broker = await EventBroker.create(endpoints.event_broker)
    agent = Agent(
        generator=endpoints.nlg,
        tracker_store=TrackerStore.create(endpoints.tracker_store, event_broker=broker),
        lock_store=LockStore.create(endpoints.lock_store),
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
    from rasa.core.tracker_store import TrackerStore
    from rasa.shared.core.domain import Domain

    return TrackerStore.create(_endpoints(settings).tracker_store, domain=Domain.empty())


def without_silent_fallback(agent: Any) -> None:
    """Rasa wraps the tracker store in a FailSafeTrackerStore: when the database is down it
    starts an empty conversation in memory and answers as if nothing happened, and the user's
    case is silently lost. Unwrapped, a store failure reaches the route and becomes a 503."""
    inner = getattr(agent.tracker_store, "_tracker_store", None)
    if inner is None or type(agent.tracker_store).__name__ != "FailSafeTrackerStore":
        return
    agent.tracker_store = inner
    if agent.processor is not None:
        agent.processor.tracker_store = inner


def _action_endpoint(settings: Settings) -> Any:
    """Another action server when ACTION_ENDPOINT_URL names one, else this process's actions
    called directly (importing the actions package takes a moment: call it off the loop)."""
    from rasa.utils.endpoints import EndpointConfig

    if settings.action_endpoint_url:
        return EndpointConfig(url=settings.action_endpoint_url)
    from api.action_webhook import (
        InProcessActionEndpoint,
        action_executor,
        trust_in_process_results,
    )

    trust_in_process_results()
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
