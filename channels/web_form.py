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
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

from aiohttp import web

from channels.base import InboundMessage, RawMessage, Submit, SubmitResult
from channels.form_fields import (
    CONTACT_METHODS, RESIDENT_RULES, TEXT_FIELDS, FieldError, check_fields, clean, load_fields,
    ordered, sender_from,
)
from channels.uploads import Submission, accepted_summary, read_submission, size_text
from gateway import keys
from gateway.errors import ParseError
from gateway.security import Guard
from gateway.settings import Settings

log = logging.getLogger(__name__)


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
            ack_due=result.ack_due,
            method=fields.get("preferred_contact"),
        )
