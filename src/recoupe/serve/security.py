"""Who may do what, and what every response carries.

- Passwords are hashed with Argon2id (argon2-cffi); the store keeps only the hash.
- A signed-in reviewer holds a random session token in an HttpOnly, SameSite=Strict cookie; sessions live in the
  server's memory (a restart signs everyone out).
- Every state-changing request carries a CSRF token: the session's, in the form field ``csrf_token`` or the
  ``X-CSRF-Token`` header; the sign-in form uses a double-submitted cookie.
- Every response carries a strict Content-Security-Policy (scripts and styles from the server's own static folder
  only, no inline script, no frame, no plugin) and no-sniff; request bodies are limited in size.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

SESSION_COOKIE = "recoupe_session"
LOGIN_COOKIE = "recoupe_login"
# A session unused for this long signs out (seconds): a working day.
SESSION_IDLE_S = 8 * 3600
# The largest request body accepted (bytes): a review or a sign-in is a few hundred bytes; 64 KiB leaves room
# for a long note and refuses anything that is not one.
MAX_BODY_BYTES = 64 * 1024
# The largest upload of new inputs (bytes): a day's worth of saved pages for one analyst.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
UPLOAD_PATHS = ("/runs", "/api/runs")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@dataclass(slots=True)
class Session:
    user: str
    csrf: str
    seen: float


class Sessions:
    """Signed-in reviewers, by session token."""

    def __init__(self) -> None:
        self._by_token: dict[str, Session] = {}
        self._lock = threading.Lock()

    def open(self, user: str) -> tuple[str, Session]:
        token = secrets.token_urlsafe(32)
        session = Session(user=user, csrf=secrets.token_urlsafe(32), seen=time.monotonic())
        with self._lock:
            self._by_token[token] = session
        return token, session

    def get(self, token: str | None) -> Session | None:
        if not token:
            return None
        with self._lock:
            session = self._by_token.get(token)
            if session is None:
                return None
            now = time.monotonic()
            if now - session.seen > SESSION_IDLE_S:
                del self._by_token[token]
                return None
            session.seen = now
            return session

    def close(self, token: str | None) -> None:
        with self._lock:
            self._by_token.pop(token or "", None)


def same_token(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


class TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: refuses bodies over MAX_BODY_BYTES (413, in the API's error shape) and adds the security
    headers to every HTTP response."""

    def __init__(self, app: Any, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if query:  # an empty parameter means "any" (what a filter form sends for a field left blank)
            scope = {**scope, "query_string": b"&".join(
                part for part in query.split(b"&") if part and not part.endswith(b"="))}
        limit = MAX_UPLOAD_BYTES if scope.get("path") in UPLOAD_PATHS else self.max_body
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(send, limit)
            return
        seen = 0
        started = False

        async def limited_receive() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise TooLarge
            return message

        async def send_with_headers(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except TooLarge:
            if not started:
                await _too_large(send, limit)


async def _too_large(send: Any, limit: int) -> None:
    body = (b'{"error": {"code": "too_large", "message": "the request body is over '
            + str(limit).encode() + b' bytes"}}')
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})
