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


def trust_in_process_results() -> None:
    """Skip Rasa's JSON-schema check of action results that come from the in-process executor.

    Rasa checks every action server response against its event schema and, through
    jsonschema.validate, re-checks the schema itself on each call: over half of a turn's CPU
    time (measured, reports/bench.md). In-process results are built by rasa-sdk from this
    project's own actions; results of a remote action server are still checked.
    """
    from rasa.core.actions.action import RemoteAction

    check = RemoteAction._validate_action_result
    if getattr(check, "trusts_in_process", False):
        return

    def validate(self: RemoteAction, result: dict[str, Any]) -> bool:
        if isinstance(self.action_endpoint, InProcessActionEndpoint):
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
