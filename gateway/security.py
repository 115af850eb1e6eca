"""Security for the HTML pages: signed CSRF tokens, the staff session cookie, and page rendering.

Every token is ``base64url(json) "." base64url(hmac)``, signed with a key derived from the app's
secret key and the token's purpose, so a CSRF token can never pass as a session and the other
way round. A CSRF token is bound to a random nonce in an HttpOnly cookie (a forged or copied
token fails without the visitor's own cookie), carries the form's one-time ``submission_id``
and expires. The staff session is a signed, expiring username; ``require_staff`` also checks
that the account is still active, so disabling an account ends its sessions at once.

Pages are rendered here because every page with a form (which includes every staff page, for
its sign-out button) needs a fresh CSRF token, and may need to set the nonce cookie. Uploaded
files are checked here too: a file's first bytes must agree with its allowed content type, so
an executable renamed ``.jpg`` is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import mimetypes
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import select

from gateway import keys
from gateway.acknowledgements import longdate
from models import StaffUser

TEMPLATES = Path(__file__).parent / "templates"
CSRF_COOKIE = "doorstep_csrf"
SESSION_COOKIE = "doorstep_staff"
CSRF_FIELD = "csrf_token"
FORM_MAX_AGE = timedelta(hours=12)  # long enough to write a complaint in one sitting
SESSION_MAX_AGE = timedelta(hours=9)  # a working day
SIGNATURES = {
    "image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"), "application/pdf": (b"%PDF-",),
    "application/msword": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
}
HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1")
EXECUTABLES = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")


class BadToken(Exception):
    """A token is missing, malformed, forged or expired; the message says which, for logs."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Signer:
    """Signs small JSON payloads for one purpose, with an expiry time."""

    secret_key: bytes
    purpose: str

    def _mac(self, body: str) -> bytes:
        key = hmac.new(self.secret_key, f"doorstep/{self.purpose}".encode(), hashlib.sha256).digest()
        return hmac.new(key, body.encode(), hashlib.sha256).digest()

    def sign(self, payload: dict[str, Any], expires: datetime) -> str:
        body = _b64(json.dumps({**payload, "exp": int(expires.timestamp())}).encode())
        return f"{body}.{_b64(self._mac(body))}"

    def unsign(self, token: str | None, now: datetime) -> dict[str, Any]:
        """The payload of a genuine, unexpired token; raises BadToken otherwise."""
        body, _, mac = (token or "").partition(".")
        if not body or not mac:
            raise BadToken("missing or malformed")
        try:
            genuine = hmac.compare_digest(_unb64(mac), self._mac(body))
            payload = json.loads(_unb64(body)) if genuine else None
        except ValueError as e:
            raise BadToken("malformed") from e
        if not isinstance(payload, dict):
            raise BadToken("bad signature")
        if int(payload.get("exp", 0)) < now.timestamp():
            raise BadToken("expired")
        return payload


@dataclass(frozen=True)
class Guard:
    """CSRF tokens, staff sessions and page rendering for one application's secret key."""

    secret_key: bytes

    @property
    def csrf(self) -> Signer:
        return Signer(self.secret_key, "csrf")

    @property
    def sessions(self) -> Signer:
        return Signer(self.secret_key, "staff-session")

    def _nonce_digest(self, nonce: str) -> str:
        return _b64(hmac.new(self.secret_key, nonce.encode(), hashlib.sha256).digest()[:16])

    def issue_csrf(self, nonce: str, submission_id: str, now: datetime) -> str:
        """A form token bound to the cookie ``nonce`` and carrying ``submission_id``."""
        return self.csrf.sign({"n": self._nonce_digest(nonce), "s": submission_id},
                              now + FORM_MAX_AGE)

    def verify_csrf(self, nonce: str | None, token: str | None, now: datetime) -> str:
        """The token's submission id; raises BadToken if it is not this visitor's genuine token."""
        payload = self.csrf.unsign(token, now)
        if not nonce or not hmac.compare_digest(str(payload.get("n")), self._nonce_digest(nonce)):
            raise BadToken("not bound to this visitor's cookie")
        return str(payload.get("s", ""))

    def check_csrf(self, request: web.Request, token: str | None) -> str:
        """Like ``verify_csrf`` for a request; answers 403 with an explanatory page on failure."""
        try:
            return self.verify_csrf(request.cookies.get(CSRF_COOKIE), token, now_of(request))
        except BadToken as e:
            page = render_html(request, "web/forbidden.html", reason=str(e))
            raise web.HTTPForbidden(text=page, content_type="text/html") from e

    def start_session(self, request: web.Request, response: web.StreamResponse, username: str) -> None:
        token = self.sessions.sign({"u": username}, now_of(request) + SESSION_MAX_AGE)
        _set_cookie(request, response, SESSION_COOKIE, token, max_age=SESSION_MAX_AGE)

    def end_session(self, response: web.StreamResponse) -> None:
        response.del_cookie(SESSION_COOKIE, path="/")

    def session_user(self, request: web.Request) -> str | None:
        """The username in a genuine, unexpired session cookie, if any."""
        try:
            return str(self.sessions.unsign(request.cookies.get(SESSION_COOKIE), now_of(request))["u"])
        except (BadToken, KeyError):
            return None

    async def require_staff(self, request: web.Request) -> StaffUser:
        """The signed-in, active staff member; otherwise a redirect to the sign-in page."""
        username = self.session_user(request)
        user = None
        if username:
            async with request.app[keys.DEPS].sessions() as session:
                user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
        if user is None or not user.active:
            raise web.HTTPSeeOther(f"/staff/login?next={quote(request.path_qs, safe='')}")
        return user

    def render(self, request: web.Request, template: str, *, status: int = 200,
               submission_id: str | None = None, **context: Any) -> web.Response:
        """A page with a fresh CSRF token, setting the nonce cookie when the visitor has none."""
        nonce = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        sid = submission_id or secrets.token_hex(16)
        token = self.issue_csrf(nonce, sid, now_of(request))
        html = render_html(request, template, csrf_token=token, submission_id=sid, **context)
        response = web.Response(text=html, status=status, content_type="text/html")
        response.headers["Cache-Control"] = "no-store"
        if request.cookies.get(CSRF_COOKIE) != nonce:
            _set_cookie(request, response, CSRF_COOKIE, nonce, max_age=None)
        return response


def now_of(request: web.Request) -> datetime:
    return request.app[keys.DEPS].clock()


def _set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str,
                max_age: timedelta | None) -> None:
    response.set_cookie(
        name, value, path="/", httponly=True, samesite="Lax",
        secure=request.app[keys.SETTINGS].security.cookie_secure,
        max_age=int(max_age.total_seconds()) if max_age else None,
    )


@cache
def environment() -> Environment:
    """The Jinja2 environment for the HTML pages (autoescaped), built once."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(longdate=longdate, words=lambda value: str(value or "").replace("_", " "))
    return env


def render_html(request: web.Request, template: str, **context: Any) -> str:
    """Render ``template`` with the landlord, ``when`` for local times, and errors by field."""
    settings = request.app[keys.SETTINGS]
    zone = request.app[keys.DEPS].calendar.zone
    errors = context.pop("errors", [])
    return environment().get_template(template).render(
        landlord=settings.landlord, when=lambda moment: local_time(moment, zone), errors=errors,
        error_for={e.field: e.message for e in errors}, **{"staff": None, **context},
    )


def local_time(moment: datetime | None, zone: tzinfo) -> str:
    """``20 Nov 2026, 10:00`` in the landlord's time zone."""
    if moment is None:
        return ""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b %Y, %H:%M}"


def sniff_type(filename: str, declared: str, data: bytes, allowed: tuple[str, ...]) -> str | None:
    """The file's content type if it is allowed and its first bytes agree with it, else None."""
    declared = declared.split(";")[0].strip().lower()
    guessed = mimetypes.guess_type(filename)[0]
    kind = declared if declared in allowed else guessed if guessed in allowed else None
    if kind is None or data.startswith(EXECUTABLES):
        return None
    return kind if _looks_like(kind, data) else None


def _looks_like(kind: str, data: bytes) -> bool:
    if kind == "image/webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if kind == "image/heic":
        return data[4:8] == b"ftyp" and data[8:12] in HEIC_BRANDS
    if kind == "text/plain":
        return b"\x00" not in data[:8192]
    prefixes = SIGNATURES.get(kind)
    return prefixes is None or data.startswith(prefixes)
