"""The custom-action webhook, served by this process through rasa-sdk's executor.

Same contract as `rasa run actions` (POST /webhook), so endpoints.yml works for both. The
service itself skips HTTP and calls the executor in-process (InProcessActionEndpoint) unless
ACTION_ENDPOINT_URL names another action server.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

logger = logging.getLogger(__name__)


@cache
def action_executor(package: str = "actions") -> ActionExecutor:
    executor = ActionExecutor()
    executor.register_package(package)
    return executor


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


async def run_action(executor: ActionExecutor, action_call: dict[str, Any]) -> tuple[int, Any]:
    """One action call, as the status and JSON body `rasa run actions` would answer with."""
    try:
        return 200, await executor.run(action_call) or {"events": [], "responses": []}
    except ActionExecutionRejection as exc:
        return 400, {"error": exc.message, "action_name": exc.action_name}
    except ActionNotFoundException as exc:
        logger.error("unknown action %s", exc.action_name)
        return 404, {"error": exc.message, "action_name": exc.action_name}


@cache
def rasa_event_names() -> frozenset[str]:
    """The event names Rasa can deserialise, from Rasa's own registry of event classes (the
    lookup `Event.from_parameters` does), so that this set follows the installed Rasa."""
    import inspect

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
    """Replace Rasa's JSON-schema check of in-process action results with a cheap check.

    Rasa checks every action server response against its event schema and, through
    jsonschema.validate, re-checks the schema itself on each call: over half of a turn's CPU
    time (measured, reports/bench.md). In-process results are built by rasa-sdk from this
    project's own actions, so they get only the check that matters for them: every event
    name must be one Rasa knows (check_event_names); an unknown one raises UnknownEventError
    naming the action and the event. Results of a remote action server still get Rasa's full
    check. tests/test_action_results.py runs every action's results through the full schema.
    """
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
    RemoteAction._validate_action_result = validate


def create_action_router(package: str = "actions") -> APIRouter:
    executor = action_executor(package)
    router = APIRouter(tags=["acties"])

    @router.post("/webhook", include_in_schema=False)
    async def webhook(request: Request) -> JSONResponse:
        try:
            action_call: Any = await request.json()
        except ValueError:
            return JSONResponse({"error": "Ongeldige JSON."}, status_code=400)
        if not isinstance(action_call, dict):
            return JSONResponse({"error": "Ongeldige actie-aanroep."}, status_code=400)
        status, body = await run_action(executor, action_call)
        return JSONResponse(body, status_code=status)

    @router.get("/actions", include_in_schema=False)
    async def actions() -> list[dict[str, str]]:
        return [{"name": name} for name in executor.actions]

    return router
