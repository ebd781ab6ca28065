"""In-process action calls, and a cheap check of their results instead of Rasa's schema check.

`InProcessActionEndpoint` is Rasa's action endpoint answered by calling rasa-sdk's executor
directly: the same contract as POST /webhook without an HTTP round trip through this very
process (api/action_webhook.py serves the same executor over HTTP).

`trust_in_process_results` replaces Rasa's private `RemoteAction._validate_action_result`.
Rasa checks every action server response against its event schema and, through
jsonschema.validate, re-checks the schema itself on each call: over half of a turn's CPU
time (measured, reports/bench.md). In-process results are built by rasa-sdk from this
project's own actions, so they get only the check that matters for them: every event name
must be one Rasa knows (`check_event_names`); an unknown one raises `UnknownEventError`
naming the action and the event (issue 15: "user_utterance_reverted" instead of "rewind"
made every not-understood message end in the apology). Results of a remote action server
still get Rasa's full check. tests/test_action_results.py runs every action's results
through the full schema.
"""

from __future__ import annotations

import inspect
import json
import logging
from functools import cache
from typing import Any

from rasa.utils.endpoints import EndpointConfig
from rasa_sdk.executor import ActionExecutor

from api.action_webhook import run_action

logger = logging.getLogger(__name__)


class InProcessActionEndpoint(EndpointConfig):  # type: ignore[misc]
    """Rasa's action endpoint, answered by calling the executor directly: the same contract
    as POST /webhook without an HTTP round trip through this very process."""

    def __init__(self, executor: ActionExecutor) -> None:
        super().__init__(url="in-process://actions")
        self.executor = executor

    async def request(self, method: str = "post", subpath: str | None = None, **kwargs: Any) -> Any:
        from rasa.utils.endpoints import ClientResponseError

        status, body = await run_action(self.executor, kwargs["json"])
        if status != 200:
            raise ClientResponseError(status, "Action failed", json.dumps(body))
        return body


@cache
def rasa_event_names() -> frozenset[str]:
    """The event names Rasa can deserialise, from Rasa's own registry of event classes (the
    lookup `Event.from_parameters` does), so that this set follows the installed Rasa."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    return frozenset(
        str(cls.type_name) for cls in all_subclasses(Event) if not inspect.isabstract(cls)
    )


class UnknownEventError(ValueError):
    """An action returned an event that Rasa does not know (a bug in that action)."""

    def __init__(self, action: str, event_name: str) -> None:
        super().__init__(
            f"Action '{action}' returned the event '{event_name}', which Rasa does not know. "
            f"Known event names: {', '.join(sorted(rasa_event_names()))}."
        )
        self.action = action
        self.event_name = event_name


def check_event_names(action: str, result: Any) -> None:
    """Raise UnknownEventError unless every event in an action result has a name Rasa knows.

    The cheap part of Rasa's schema check (a set lookup per event), for the in-process path
    where the full jsonschema check is skipped. Event names are chosen by code, never by
    the user, so they may be logged (cut short, and only strings).
    """
    events = (result.get("events") or []) if isinstance(result, dict) else [result]
    known = rasa_event_names()
    for event in events if isinstance(events, list) else [events]:
        name = event.get("event") if isinstance(event, dict) else None
        if not isinstance(name, str) or name not in known:
            shown = name[:40] if isinstance(name, str) else f"<{type(name).__name__}>"
            logger.error("action %s returned an event Rasa does not know: %r", action, shown)
            raise UnknownEventError(action, shown)


def trust_in_process_results() -> None:
    """Replace RemoteAction._validate_action_result in this process (idempotent): in-process
    results get check_event_names, all others Rasa's own check (see the module docstring)."""
    from rasa.core.actions.action import RemoteAction

    check = RemoteAction._validate_action_result
    if getattr(check, "trusts_in_process", False):
        return

    def validate(self: RemoteAction, result: dict[str, Any]) -> bool:
        if isinstance(self.action_endpoint, InProcessActionEndpoint):
            check_event_names(str(self.name()), result)
            return True
        return bool(check(self, result))

    validate.trusts_in_process = True  # type: ignore[attr-defined]
    validate.rasa_check = check  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate


def distrust_in_process_results() -> None:
    """Back to Rasa's own check (for the test that shows what the patch changes)."""
    from rasa.core.actions.action import RemoteAction

    current = RemoteAction._validate_action_result
    if getattr(current, "trusts_in_process", False):
        RemoteAction._validate_action_result = current.rasa_check
