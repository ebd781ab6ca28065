"""The FastAPI service: chat, action webhook, timeline API, widget, health.

Start it with `make run` (uvicorn api.main:app --ws none).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from api.core import logging_setup  # first: it quiets third-party warnings before Rasa is imported

# isort: split
from api import rasa_runtime
from api.action_webhook import create_action_router
from api.assistant import Assistant
from api.conversations.access import ConversationGuard
from api.conversations.retention import purge_periodically
from api.conversations.tokens import TOKEN_HEADER, load_secret
from api.core.errors import install_error_handlers
from api.core.security import SecurityMiddleware
from api.core.settings import Settings
from api.insights.recorder import Insights
from api.routes.admin import create_admin_router
from api.routes.chat import create_chat_router
from api.routes.conversation import create_conversation_router
from api.routes.insights import create_insights_router
from api.routes.timeline import create_timeline_router

STATIC_DIR = Path(__file__).resolve().parent / "static"

# TensorFlow prints banners to stderr on import unless told otherwise.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def create_app(
    settings: Settings | None = None,
    assistant: Assistant | None = None,
    insights: Insights | None = None,
) -> FastAPI:
    settings = settings or Settings.from_env()
    logging_setup.configure_logging(settings.log_level)
    # Before anything of Rasa is loaded or patched: refuse to start on another version.
    rasa_runtime.require_pinned_versions()
    assistant = assistant or Assistant(settings)
    insights = insights or Insights(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Load in the background so /health can answer 503 while the model loads.
        tasks = [asyncio.create_task(purge_periodically(assistant, settings, insights))]
        if not assistant.loaded.is_set():
            tasks.append(asyncio.create_task(assistant.load()))
        yield
        await insights.settled()  # the counts of the last answers, before the process ends
        for task in tasks:
            if not task.done():
                task.cancel()

    app = FastAPI(
        title="Poortwachter-assistent",
        description="Nederlandstalige assistent voor de Wet verbetering Poortwachter.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs" if settings.enable_docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.enable_docs else None,
    )
    app.state.assistant = assistant
    app.state.insights = insights
    guard = ConversationGuard(settings, load_secret(settings))
    app.include_router(create_chat_router(assistant, settings, guard, insights))
    app.include_router(create_insights_router(insights, settings))
    app.include_router(create_admin_router(insights, settings))
    app.include_router(create_conversation_router(assistant, guard))
    app.include_router(create_timeline_router())
    install_error_handlers(app)
    app.include_router(create_action_router())

    @app.get("/health", tags=["service"], summary="Is de assistent klaar?")
    async def health() -> JSONResponse:
        if assistant.ready:
            return JSONResponse({"status": "ok", "model": settings.model_path.name})
        status = "error" if assistant.error else "loading"
        body: dict[str, Any] = {"status": status}
        if assistant.error:
            body["error"] = assistant.error
        return JSONResponse(body, status_code=503)

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> FileResponse:
        # The pages link /static/favicon.svg; browsers still ask here for other pages.
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Content-Type", "Authorization", TOKEN_HEADER],
            expose_headers=[TOKEN_HEADER],
        )
    # Outermost: its headers and refusals apply to every response, CORS ones included.
    app.add_middleware(SecurityMiddleware, settings=settings)
    return app


app = create_app()
