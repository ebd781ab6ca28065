"""/admin: the insights page for content owners.

Not there (404) unless ADMIN_TOKEN is set or ADMIN_USERS names identities. Access:
- the identity in TRUSTED_IDENTITY_HEADER (set by the intranet's proxy) is in ADMIN_USERS, or
- `Authorization: Bearer <ADMIN_TOKEN>`, or
- the login form posts the token; the browser then keeps a cookie derived from the token
  (HMAC, HttpOnly, SameSite=Strict), so the token itself never appears in a URL or a log.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)

from api.core.rate_limit import RateLimiter
from api.core.settings import RateLimit, Settings
from api.insights.recorder import Insights
from api.insights.store import InsightsStore
from api.routes.admin_page import admin_page, chart_csv, login_page
from bot.clock import today
from bot.insights.figures import Figures, figures, period
from bot.knowledge.base import knowledge

logger = logging.getLogger(__name__)

COOKIE = "poortwachter_admin"
NOT_FOUND = {"detail": "Not Found"}
LOGIN_ATTEMPTS = RateLimit(10, 60)  # per client address


def session_value(token: str) -> str:
    """The cookie a correct login sets: derived from the token, useless without it."""
    return hmac.new(token.encode(), b"poortwachter-admin-session", hashlib.sha256).hexdigest()


class AdminAccess:
    """Who may see /admin (see the module docstring). `decide` returns what it chose."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def enabled(self) -> bool:
        return bool(self.settings.admin_token or self.settings.admin_users)

    def by_identity(self, request: Request) -> bool:
        header = self.settings.identity_header
        if not header or not self.settings.admin_users:
            return False
        return request.headers.get(header, "").strip() in self.settings.admin_users

    def by_token(self, request: Request) -> bool:
        token = self.settings.admin_token
        if not token:
            return False
        given = request.headers.get("authorization", "")
        if hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return True
        cookie = request.cookies.get(COOKIE, "")
        return hmac.compare_digest(cookie.encode(), session_value(token).encode())

    def decide(self, request: Request) -> str:
        """ "absent" (404), "login" (the form), or "allowed"."""
        if not self.enabled:
            return "absent"
        if self.by_identity(request) or self.by_token(request):
            return "allowed"
        return "login" if self.settings.admin_token else "absent"


def same_origin(request: Request) -> bool:
    """A form post from this page, not from another site: an identity header set by the proxy
    would otherwise let any intranet page delete questions in an admin's name."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    return origin is None or origin == f"{request.url.scheme}://{request.url.netloc}"


def create_admin_router(insights: Insights, settings: Settings) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    access = AdminAccess(settings)
    attempts = RateLimiter(LOGIN_ATTEMPTS)

    def refused(request: Request) -> Response | None:
        decision = access.decide(request)
        if decision == "absent":
            return JSONResponse(NOT_FOUND, status_code=404)
        if decision == "login":
            return HTMLResponse(login_page(failed=False), status_code=401)
        return None

    async def current(request: Request) -> Figures:
        await insights.settled()
        now = today()
        start, end = period(request.query_params.get("van"), request.query_params.get("tot"), now)

        def read(store: InsightsStore) -> Figures:
            rows, votes = store.turn_rows(start, end), store.vote_rows(start, end)
            return figures(knowledge(), rows, votes, start, end, now)

        return await insights.run(read)

    @router.get("/admin")
    async def admin(request: Request) -> Response:
        refusal = refused(request)
        if refusal is not None:
            return refusal
        found = await current(request)
        questions = await insights.run(lambda s: s.unanswered_rows(found.start, found.end))
        logged_in = COOKIE in request.cookies
        html = admin_page(found, questions, settings.collect_unanswered, logged_in)
        return HTMLResponse(html, headers={"cache-control": "no-store"})

    @router.get("/admin/csv/{chart_id}")
    async def chart_download(chart_id: str, request: Request) -> Response:
        refusal = refused(request)
        if refusal is not None:
            return refusal
        found = await current(request)
        chart = found.chart(chart_id)
        if chart is None:
            return JSONResponse(NOT_FOUND, status_code=404)
        name = f"{chart.id}_{found.start.isoformat()}_{found.end.isoformat()}.csv"
        return PlainTextResponse(
            chart_csv(chart),
            media_type="text/csv; charset=utf-8",
            headers={
                "content-disposition": f'attachment; filename="{name}"',
                "cache-control": "no-store",
            },
        )

    @router.post("/admin/login")
    async def login(request: Request) -> Response:
        token = settings.admin_token
        if not token:
            return JSONResponse(NOT_FOUND, status_code=404)
        client = request.client.host if request.client else ""
        if attempts.retry_after(client) is not None:
            return HTMLResponse(login_page(failed=True), status_code=429)
        given = _form(await request.body()).get("token", "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            logger.warning("admin login refused")
            return HTMLResponse(login_page(failed=True), status_code=401)
        response = RedirectResponse("/admin", status_code=303)
        response.set_cookie(
            COOKIE,
            session_value(token),
            max_age=int(timedelta(hours=8).total_seconds()),
            path="/admin",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @router.post("/admin/logout")
    async def logout() -> Response:
        response = RedirectResponse("/admin", status_code=303)
        response.delete_cookie(COOKIE, path="/admin")
        return response

    @router.post("/admin/onbeantwoord/{question_id}/verwijder")
    async def delete_question(question_id: int, request: Request) -> Response:
        refusal = refused(request)
        if refusal is not None:
            return refusal
        if not same_origin(request):
            return JSONResponse({"detail": "Alleen vanaf de beheerpagina."}, status_code=403)
        await insights.run(lambda s: s.delete_unanswered(question_id))
        back = _form(await request.body())
        query = urlencode({k: v for k, v in back.items() if k in ("van", "tot")})
        return RedirectResponse(f"/admin?{query}" if query else "/admin", status_code=303)

    return router


def _form(body: bytes) -> dict[str, Any]:
    """An urlencoded form body (no python-multipart needed for two fields)."""
    parsed = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    return {key: values[0] for key, values in parsed.items()}
