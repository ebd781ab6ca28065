"""HTTP hardening as one ASGI middleware: security headers on every response, a body-size
cap, optional authentication (bearer token or a reverse proxy's identity header), per-client
rate limits, and the action webhook kept to this machine. Every refusal is a Dutch JSON body.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core.rate_limit import RateLimiter
from api.core.settings import Settings

# Paths that carry conversations or personal dates: authentication and rate limits apply.
PROTECTED_PREFIXES = ("/webhooks/", "/api/")
ACTION_WEBHOOK = "/webhook"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
DOCS_PATHS = ("/docs", "/redoc", "/openapi.json")

TOO_LARGE = "Het verzoek is te groot."
NO_ACCESS = "Je hebt geen toegang. Log in op het intranet en probeer het opnieuw."
TOO_MANY = "Je stuurt te veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw."
ONLY_LOCAL = "Dit adres is alleen bereikbaar voor de assistent zelf."


def security_headers(settings: Settings, path: str) -> list[tuple[bytes, bytes]]:
    csp = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        f"frame-ancestors {settings.frame_ancestors}"
    )
    if path.startswith("/docs"):
        # Swagger UI comes from a CDN with an inline bootstrap script; only on /docs, which
        # ENABLE_DOCS=0 switches off for production.
        csp = (
            "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: "
            f"https://fastapi.tiangolo.com; frame-ancestors {settings.frame_ancestors}"
        )
    return [
        (b"content-security-policy", csp.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]


def request_identity(settings: Settings, headers: Mapping[str, str]) -> str | None:
    """The user's identity from the reverse proxy's header (TRUSTED_IDENTITY_HEADER); None
    when that is not configured. `headers` must answer lower-case names."""
    if settings.identity_header is None:
        return None
    return headers.get(settings.identity_header, "").strip() or None


def rate_limit_key(settings: Settings, headers: Mapping[str, str], client: str) -> str:
    """Requests count per identity when one is known, else per client address (behind a
    proxy every user shares its address)."""
    identity = request_identity(settings, headers)
    return f"identity:{identity}" if identity is not None else f"address:{client}"


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.per_client = RateLimiter(settings.rate_per_client)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        extra = security_headers(self.settings, path)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        refusal = self.refusal(scope, path, headers)
        if refusal is not None:
            status, detail, more = refusal
            await _send_json(send_with_headers, status, {"detail": detail}, more)
            return
        streamed = "content-length" not in headers and path != ACTION_WEBHOOK
        if streamed and scope.get("method") in ("POST", "PUT", "PATCH"):
            replay = await self.buffered(receive)
            if replay is None:
                await _send_json(send_with_headers, 413, {"detail": TOO_LARGE}, [])
                return
            receive = replay
        await self.app(scope, receive, send_with_headers)

    def refusal(
        self, scope: Scope, path: str, headers: dict[str, str]
    ) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        client = (scope.get("client") or ("", 0))[0]
        webhook_closed = path == ACTION_WEBHOOK and not self.settings.action_webhook_open
        if webhook_closed and client not in LOOPBACK:
            return 403, ONLY_LOCAL, []
        if not self.settings.enable_docs and path.startswith(DOCS_PATHS):
            return 404, "Niet gevonden.", []
        length = headers.get("content-length", "")
        # Rasa's own calls to the action webhook carry the whole tracker: no cap there.
        capped = path != ACTION_WEBHOOK
        if capped and length.isdigit() and int(length) > self.settings.max_body_bytes:
            return 413, TOO_LARGE, []
        if not path.startswith(PROTECTED_PREFIXES) or scope.get("method") == "OPTIONS":
            return None
        if not self.authorised(headers):
            return 401, NO_ACCESS, [(b"www-authenticate", b"Bearer")]
        wait = self.per_client.retry_after(rate_limit_key(self.settings, headers, client))
        if wait is not None:
            return 429, TOO_MANY, [(b"retry-after", str(wait).encode())]
        return None

    def authorised(self, headers: dict[str, str]) -> bool:
        token = self.settings.api_token
        if token is not None:
            given = headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return False
        return self.settings.identity_header is None or bool(
            request_identity(self.settings, headers)
        )

    async def buffered(self, receive: Receive) -> Receive | None:
        """Read a body sent without Content-Length, up to the cap; None when it is larger.
        The app then reads the buffered body as usual."""
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.settings.max_body_bytes:
                return None
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay


async def _send_json(
    send: Send, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]]
) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
