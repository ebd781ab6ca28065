"""The custom-action webhook, served by this process through rasa-sdk's executor.

Same contract as `rasa run actions` (POST /webhook), so endpoints.yml works for both. The
service itself skips HTTP and calls the same executor in-process
(api/rasa_runtime/action_results.py) unless ACTION_ENDPOINT_URL names another action server.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

logger = logging.getLogger(__name__)


@cache
def action_executor(package: str = "actions") -> ActionExecutor:
    executor = ActionExecutor()
    executor.register_package(package)
    return executor


async def run_action(executor: ActionExecutor, action_call: dict[str, Any]) -> tuple[int, Any]:
    """One action call, as the status and JSON body `rasa run actions` would answer with."""
    try:
        return 200, await executor.run(action_call) or {"events": [], "responses": []}
    except ActionExecutionRejection as exc:
        return 400, {"error": exc.message, "action_name": exc.action_name}
    except ActionNotFoundException as exc:
        logger.error("unknown action %s", exc.action_name)
        return 404, {"error": exc.message, "action_name": exc.action_name}


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
