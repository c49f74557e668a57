"""Request guards: the write token, the request body limit and the security headers.

- Writes need the token configured on the app (``PATLIT_TOKEN`` or
  ``create_app(token=...)``), given as ``Authorization: Bearer TOKEN`` or in the
  form field ``token``; without a configured token every write answers 403.
- Bodies larger than the limit are refused with 413 before they are parsed.
- Every response carries a Content-Security-Policy allowing only the app's own
  scripts and styles (no inline script), so even a slip in escaping cannot run.
"""
from __future__ import annotations

import hmac
import time

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class WriteAccess:
    """Decides whether a request may write, given the token the app was started with."""

    def __init__(self, token: str | None):
        self.token = token or None

    @property
    def enabled(self) -> bool:
        return self.token is not None

    def check(self, given: str | None) -> int:
        """0 when allowed, else the HTTP status to answer: 403 (read-only app) or 401."""
        if self.token is None:
            return 403
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            return 401
        return 0


def bearer(header: str | None) -> str | None:
    if header and header[:7].lower() == "bearer ":
        return header[7:].strip()
    return None


class GuardMiddleware:
    """Pure ASGI middleware: body size limit, security headers and a Server-Timing header."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(send)
            return
        seen = 0
        limit = self.max_body
        started = False

        async def guarded_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge()
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                dur = (time.perf_counter() - t0) * 1000
                extra = [*SECURITY_HEADERS, (b"server-timing", f"app;dur={dur:.2f}".encode())]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, guarded_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _too_large(send)


class BodyTooLarge(HTTPException):
    """Raised while reading a body without Content-Length that outgrows the limit (answered 413)."""

    def __init__(self) -> None:
        super().__init__(413, "request body too large")


async def _too_large(send: Send) -> None:
    body = b'{"detail":"request body too large"}'
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                        *SECURITY_HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})
