"""The resident web form at ``/``: a GOV.UK-style page that works without JavaScript.

GET issues the form with a one-time ``submission_id`` signed into its CSRF token. POST streams
the multipart body, stopping each file as soon as it passes the size limit and sniffing its
first bytes; then it checks the token and the fields. Any error re-shows the form with what was
typed, and nothing is stored. A good form becomes a ``RawMessage`` whose ``external_id`` is the
submission id, so a double-submitted form finds the first message instead of creating another.

The confirmation is rendered directly in the POST response rather than by Post/Redirect/Get:
re-posting it (refresh, back-and-resubmit) is harmless because the submission id makes it
idempotent and shows the same reference, and the reference never appears in a URL, where it
would leak into browser history and logs. Pages are sent ``Cache-Control: no-store``.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import Any, ClassVar

from aiohttp import BodyPartReader, web
from sqlalchemy import select

from channels.base import AttachmentBlob, InboundMessage, RawMessage, Sender, Submit, SubmitResult
from channels.identity import normalise_email, normalise_phone
from gateway import keys
from gateway.errors import ParseError
from gateway.security import CSRF_FIELD, Guard, sniff_type
from gateway.settings import Settings, UploadSettings
from models import Case

log = logging.getLogger(__name__)

TEXT_FIELDS = ("name", "email", "phone", "preferred_contact", "address", "details", "outcome")
FORM_ORDER = (*TEXT_FIELDS, "attachments")  # as on the page, for the error summary
CONTACT_METHODS = {"email": "Email", "phone": "Phone (text message)", "post": "Post"}
CONTACT_DETAIL = {  # the field a chosen contact method needs, and the error when it is empty
    "email": ("email", "Enter an email address, or choose another way to be contacted"),
    "phone": ("phone", "Enter a phone number for text messages, or choose another way to be contacted"),
    "post": ("address", "Enter an address for letters, or choose another way to be contacted"),
}
MAX_FIELD_BYTES = 64 * 1024  # any text field is cut here, which is past every length limit
MAX_PARTS = 40
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FieldError:
    field: str  # the form field's name, which is also its element id
    message: str


@dataclass(frozen=True)
class FieldRule:
    """How one text field is checked: its label, length limit, and optional format."""

    label: str
    limit: int
    missing: str | None = None  # the error when the field is required and empty
    normalise: Callable[[str], str] | None = None
    invalid: str = ""

    def problem(self, value: str | None) -> str | None:
        if not value:
            return self.missing
        if len(value) > self.limit:
            return f"{self.label} must be {self.limit:,} characters or fewer"
        if self.normalise is not None:
            try:
                self.normalise(value)
            except ValueError:
                return self.invalid
        return None


RESIDENT_RULES: Mapping[str, FieldRule] = {
    "name": FieldRule("Full name", 200, "Enter your full name"),
    "email": FieldRule("Email address", 320, normalise=normalise_email,
                       invalid="Enter an email address in the correct format, like name@example.com"),
    "phone": FieldRule("Phone number", 40, normalise=normalise_phone,
                       invalid="Enter a phone number, like 07700 900 982 or +44 7700 900 982"),
    "address": FieldRule("Address", 500),
    "details": FieldRule("What happened", 5000, "Enter what happened"),
    "outcome": FieldRule("What you would like us to do", 2000),
}


def clean(value: str | None) -> str | None:
    """A typed value with browser line endings (CRLF) made plain and outer spaces trimmed."""
    text = (value or "").replace("\r\n", "\n").strip()
    return text or None


def check_fields(fields: Mapping[str, str], rules: Mapping[str, FieldRule], *,
                 contact_required: bool = True) -> list[FieldError]:
    """Every problem with the typed text fields, at most one per field."""
    found = {name: p for name, rule in rules.items() if (p := rule.problem(clean(fields.get(name))))}
    method = fields.get("preferred_contact", "")
    if method in CONTACT_DETAIL:
        needed, message = CONTACT_DETAIL[method]
        if not clean(fields.get(needed)):
            found.setdefault(needed, message)
    elif method or contact_required:
        found["preferred_contact"] = "Select how you would like to be contacted"
    return [FieldError(name, message) for name, message in found.items()]


def ordered(errors: list[FieldError], order: tuple[str, ...] = FORM_ORDER) -> list[FieldError]:
    """Errors in the order the fields appear on the page, as the error summary lists them."""
    rank = {name: i for i, name in enumerate(order)}
    return sorted(errors, key=lambda e: rank.get(e.field, len(rank)))


def sender_from(fields: Mapping[str, str]) -> Sender:
    """The sender, with the phone number in E.164; raises ParseError for a bad address or number."""
    email, phone = clean(fields.get("email")), clean(fields.get("phone"))
    try:
        return Sender(name=clean(fields.get("name")), email=email and normalise_email(email),
                      phone=phone and normalise_phone(phone))
    except ValueError as e:
        raise ParseError(f"stored form fields no longer parse: {e}") from e


def load_fields(payload: bytes) -> dict[str, str]:
    """The stored form fields; raises ParseError for anything but a JSON object of strings."""
    try:
        fields = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ParseError(f"form payload is not UTF-8 JSON: {e}") from e
    if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
        raise ParseError("form payload must be a JSON object of strings")
    return fields


@dataclass
class Submission:
    """A multipart form as read: text fields, accepted files, and problems with the files."""

    submission_id: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    files: list[AttachmentBlob] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)


async def read_limited(part: BodyPartReader, limit: int) -> tuple[bytes, bool]:
    """The part's first ``limit`` bytes, and whether it was longer; reading stops at the limit."""
    data = bytearray()
    while chunk := await part.read_chunk(CHUNK):
        if len(data) + len(chunk) > limit:
            return bytes(data + chunk[: limit - len(data)]), True
        data += chunk
    return bytes(data), False


async def read_submission(request: web.Request, guard: Guard, uploads: UploadSettings) -> Submission:
    """Stream the form; the CSRF token is checked before the first file is read (403 if bad)."""
    if request.content_type != "multipart/form-data":
        guard.check_csrf(request, (await request.post()).get(CSRF_FIELD))
        raise web.HTTPBadRequest(text="send the form as multipart/form-data")
    form = Submission()
    try:
        await _read_parts(request, form, guard, uploads)
    except ValueError as e:  # aiohttp's word for a malformed body: no boundary, or cut short
        raise web.HTTPBadRequest(text=f"malformed multipart body: {e}") from e
    form.submission_id = form.submission_id or guard.check_csrf(request, form.fields.get(CSRF_FIELD))
    return form


async def _read_parts(request: web.Request, form: Submission, guard: Guard,
                      uploads: UploadSettings) -> None:
    reader, parts = await request.multipart(), 0
    while (part := await reader.next()) is not None:
        parts += 1
        if not isinstance(part, BodyPartReader) or parts > MAX_PARTS:
            raise web.HTTPBadRequest(text="unexpected form structure")
        if part.filename is None:
            await _read_text(part, form)
            continue
        form.submission_id = form.submission_id or guard.check_csrf(request, form.fields.get(CSRF_FIELD))
        if not await _read_file(part, form, uploads):
            return  # stop reading the body: the form is shown again whatever follows


async def _read_text(part: BodyPartReader, form: Submission) -> None:
    if part.name in (*TEXT_FIELDS, CSRF_FIELD):
        data, _ = await read_limited(part, MAX_FIELD_BYTES)  # a cut answer fails its length check
        form.fields[part.name] = data.decode("utf-8", errors="ignore")


async def _read_file(part: BodyPartReader, form: Submission, uploads: UploadSettings) -> bool:
    """Read one file into ``form``; False when reading should stop (too big or too many)."""
    name = PurePosixPath((part.filename or "").replace("\\", "/")).name[:255]
    if not name:  # the empty part a browser sends when no file was chosen
        await part.release()
        return True
    if len(form.files) >= uploads.max_files:
        form.errors.append(FieldError("attachments", f"Select up to {uploads.max_files} files"))
        return False
    data, too_big = await read_limited(part, uploads.max_file_bytes)
    if too_big:
        limit = size_text(uploads.max_file_bytes)
        form.errors.append(FieldError("attachments", f"The selected file {name} must be smaller than {limit}"))
        return False
    kind = sniff_type(name, part.headers.get("Content-Type", ""), data, uploads.allowed_types)
    if not data or kind is None:
        problem = "is empty" if not data else f"must be {accepted_summary(uploads)}"
        form.errors.append(FieldError("attachments", f"The selected file {name} {problem}"))
    else:
        form.files.append(AttachmentBlob(filename=name, content_type=kind, data=data))
    return True


def size_text(limit: int) -> str:
    """``10 MB``, ``500 KB`` or ``900 bytes``, as people read file sizes."""
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{limit / 1024:g} KB" if limit >= 1024 else f"{limit} bytes"


def accepted_summary(uploads: UploadSettings) -> str:
    """``a JPG, PNG, PDF or TXT`` for the allowed content types."""
    names = list(dict.fromkeys(
        (mimetypes.guess_extension(t) or t.rsplit("/", 1)[-1]).lstrip(".").upper().replace("JPE", "JPG")
        for t in uploads.allowed_types))
    return "a " + (", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0])


class WebFormChannel:
    """Serves the resident form and turns each good submission into a raw message."""

    name: ClassVar[str] = "web_form"

    def __init__(self, *, settings: Settings, submit: Submit, secret_key: bytes, **_: Any) -> None:
        self.settings, self.submit, self.guard = settings, submit, Guard(secret_key)

    def routes(self) -> list[web.RouteDef]:
        return [web.get("/", self.show_form), web.post("/", self.receive_form)]

    async def poll(self, submit: Submit) -> None:
        return None

    def parse(self, raw: RawMessage) -> InboundMessage:
        """The stored form fields as a message; raises ParseError if they no longer parse."""
        fields = load_fields(raw.payload)
        details, outcome = clean(fields.get("details")), clean(fields.get("outcome"))
        if not details:
            raise ParseError("web form payload has no 'details'")
        return InboundMessage(
            channel=raw.channel, external_id=raw.external_id, sender=sender_from(fields),
            received_at=raw.received_at, subject=None, body=details,
            address=clean(fields.get("address")), preferred_contact=clean(fields.get("preferred_contact")),
            meta={"outcome": outcome} if outcome else {},
        )

    async def show_form(self, request: web.Request) -> web.Response:
        return self.render_form(request, {}, [], str(uuid.uuid4()))

    async def receive_form(self, request: web.Request) -> web.Response:
        """Validate and submit: the form again with its errors, or the confirmation page."""
        form = await read_submission(request, self.guard, self.settings.uploads)
        errors = ordered(check_fields(form.fields, RESIDENT_RULES) + form.errors)
        if errors:  # chosen files are never kept, so say so whenever there were any
            dropped = bool(form.files) or any(e.field == "attachments" for e in errors)
            return self.render_form(request, form.fields, errors, form.submission_id, status=400,
                                    files_dropped=dropped)
        result = await self.submit(self.raw_message(request, form))
        log.info("web_form.submitted channel=web_form external_id=%s raw_id=%s created=%s",
                 form.submission_id, result.message_id, result.created)
        return await self.confirmation(request, result, form.fields)

    def raw_message(self, request: web.Request, form: Submission) -> RawMessage:
        """The fields exactly as typed, as a UTF-8 JSON document, with the accepted files."""
        typed = {name: form.fields.get(name, "") for name in TEXT_FIELDS}
        return RawMessage(
            source=self.name, channel=self.name, external_id=form.submission_id,
            payload=json.dumps(typed, ensure_ascii=False).encode("utf-8"),
            content_type="application/json", received_at=request.app[keys.DEPS].clock(),
            attachments=tuple(form.files),
        )

    def render_form(self, request: web.Request, values: Mapping[str, str], errors: list[FieldError],
                    submission_id: str, *, status: int = 200, files_dropped: bool = False) -> web.Response:
        uploads = self.settings.uploads
        return self.guard.render(
            request, "web/form.html", status=status, submission_id=submission_id, values=values,
            errors=errors, methods=CONTACT_METHODS,
            files_dropped=files_dropped, max_files=uploads.max_files, accept=",".join(uploads.allowed_types),
            max_size=size_text(uploads.max_file_bytes), accepted=accepted_summary(uploads),
        )

    async def confirmation(self, request: web.Request, result: SubmitResult,
                           fields: Mapping[str, str]) -> web.Response:
        return self.guard.render(
            request, "web/confirmation.html", reference=result.case_reference,
            ack_due=await case_ack_due(request, result.case_reference),
            method=fields.get("preferred_contact"),
        )


async def case_ack_due(request: web.Request, reference: str | None) -> date | None:
    """The date the case's acknowledgement is due, read back from the database."""
    if reference is None:
        return None
    async with request.app[keys.DEPS].sessions() as session:
        return await session.scalar(select(Case.ack_due).where(Case.reference == reference))
