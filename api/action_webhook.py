"""The custom-action webhook, served by this process through rasa-sdk's executor.

Same contract as `rasa run actions` (POST /webhook), so endpoints.yml works for both.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

logger = logging.getLogger(__name__)


def create_action_router(package: str = "actions") -> APIRouter:
    executor = ActionExecutor()
    executor.register_package(package)
    router = APIRouter(tags=["acties"])

    @router.post("/webhook", include_in_schema=False)
    async def webhook(request: Request) -> JSONResponse:
        try:
            action_call: Any = await request.json()
        except ValueError:
            return JSONResponse({"error": "Ongeldige JSON."}, status_code=400)
        if not isinstance(action_call, dict):
            return JSONResponse({"error": "Ongeldige actie-aanroep."}, status_code=400)
        try:
            result = await executor.run(action_call)
        except ActionExecutionRejection as exc:
            return JSONResponse(
                {"error": exc.message, "action_name": exc.action_name}, status_code=400
            )
        except ActionNotFoundException as exc:
            logger.error("unknown action %s", exc.action_name)
            return JSONResponse(
                {"error": exc.message, "action_name": exc.action_name}, status_code=404
            )
        return JSONResponse(result or {"events": [], "responses": []})

    @router.get("/actions", include_in_schema=False)
    async def actions() -> list[dict[str, str]]:
        return [{"name": name} for name in executor.actions]

    return router
