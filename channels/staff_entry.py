"""Staff entry at ``/staff/entry``: the Customer Services Team keys in a call, a letter or a visit.

The message's channel is the one chosen (``phone``, ``letter`` or ``in_person``) and its
``received_at`` is when the resident made contact, typed in the landlord's local time and
stored in UTC, so deadlines run from the day the landlord really heard. The signed-in staff
member is recorded as ``entered_by``. As on the resident form, the signed ``submission_id``
is the ``external_id``, so pressing the button twice records one contact.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any, ClassVar

from aiohttp import web

from channels.base import STAFF_CHANNELS, InboundMessage, RawMessage, Submit
from channels.form_fields import (
    CONTACT_METHODS, RESIDENT_RULES, FieldError, FieldRule, check_fields, clean, load_fields,
    ordered, sender_from,
)
from gateway import keys
from gateway.errors import ParseError
from gateway.security import CSRF_FIELD, Guard
from gateway.settings import Settings
from models import StaffUser

log = logging.getLogger(__name__)

CHANNEL_NAMES = {"phone": "Phone call", "letter": "Letter", "in_person": "In person"}
DATE_PARTS = ("contact_day", "contact_month", "contact_year", "contact_time")
ENTRY_ORDER = ("channel", "name", "email", "phone", "preferred_contact", "address", "contact_at",
               "details", "outcome")
ENTRY_FIELDS = ("channel", "name", "email", "phone", "preferred_contact", "address", *DATE_PARTS,
                "details", "outcome")
STAFF_RULES: Mapping[str, FieldRule] = {
    **RESIDENT_RULES,
    "name": FieldRule("The resident's name", 200, "Enter the resident's name"),
    "details": FieldRule("What the resident said", 5000, "Enter what the resident said"),
    "outcome": FieldRule("The outcome wanted", 2000),
}
EARLIEST_YEAR = 2000


def contact_time(fields: Mapping[str, str], zone: tzinfo, now: datetime) -> datetime | FieldError:
    """The contact's moment in UTC from local day, month, year and ``HH:MM``, or the error."""
    try:
        day, month, year = (int(fields.get(k, "")) for k in DATE_PARTS[:3])
        hour, minute = (int(x) for x in fields.get("contact_time", "").strip().replace(".", ":").split(":"))
        local = datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        return FieldError("contact_at", "Enter a real date and a time like 14:30")
    if year < EARLIEST_YEAR:
        return FieldError("contact_at", f"The date of the contact must be after {EARLIEST_YEAR}")
    moment = local.astimezone(UTC)
    if moment > now:
        return FieldError("contact_at", "The date and time of the contact must be in the past")
    return moment


def local_defaults(now: datetime, zone: tzinfo) -> dict[str, str]:
    """The form's date and time fields pre-filled with the current local time."""
    local = now.astimezone(zone)
    return {"contact_day": str(local.day), "contact_month": str(local.month),
            "contact_year": str(local.year), "contact_time": f"{local:%H:%M}"}


class StaffEntryChannel:
    """The staff-only form for contacts that reached the landlord off-line."""

    name: ClassVar[str] = "staff_entry"

    def __init__(self, *, settings: Settings, submit: Submit, secret_key: bytes, **_: Any) -> None:
        self.settings, self.submit, self.guard = settings, submit, Guard(secret_key)

    def routes(self) -> list[web.RouteDef]:
        return [web.get("/staff/entry", self.show_form), web.post("/staff/entry", self.receive_form)]

    async def poll(self, submit: Submit) -> None:
        return None

    def parse(self, raw: RawMessage) -> InboundMessage:
        """The stored entry as a message on the channel the staff member chose."""
        fields = load_fields(raw.payload)
        channel, details = fields.get("channel"), clean(fields.get("details"))
        if channel not in STAFF_CHANNELS or not details:
            raise ParseError(f"staff entry needs a channel in {STAFF_CHANNELS} and 'details'")
        meta = {"entered_by": fields.get("entered_by")}
        if outcome := clean(fields.get("outcome")):
            meta["outcome"] = outcome
        return InboundMessage(
            channel=channel, external_id=raw.external_id, sender=sender_from(fields),
            received_at=raw.received_at, subject=None, body=details,
            address=clean(fields.get("address")), preferred_contact=clean(fields.get("preferred_contact")),
            meta=meta,
        )

    async def show_form(self, request: web.Request) -> web.Response:
        user = await self.guard.require_staff(request)
        deps = request.app[keys.DEPS]
        return self.render_form(request, user, local_defaults(deps.clock(), deps.calendar.zone), [])

    async def receive_form(self, request: web.Request) -> web.Response:
        """Record the contact, or show the form again with what is wrong."""
        user = await self.guard.require_staff(request)
        data = await request.post()
        submission_id = self.guard.check_csrf(request, data.get(CSRF_FIELD))
        fields = {name: str(data.get(name, "")) for name in ENTRY_FIELDS}
        deps = request.app[keys.DEPS]
        when = contact_time(fields, deps.calendar.zone, deps.clock())
        errors = check_fields(fields, STAFF_RULES, contact_required=False)
        if fields["channel"] not in STAFF_CHANNELS:
            errors.append(FieldError("channel", "Select how the resident contacted us"))
        if isinstance(when, FieldError):
            errors.append(when)
        if errors:
            return self.render_form(request, user, fields, ordered(errors, ENTRY_ORDER),
                                    submission_id, status=400)
        result = await self.submit(self.raw_message(fields, user, submission_id, when))
        log.info("staff_entry.submitted channel=%s external_id=%s raw_id=%s by=%s",
                 fields["channel"], submission_id, result.message_id, user.username)
        return self.guard.render(
            request, "web/staff_entry_done.html", staff=user, reference=result.case_reference,
            ack_due=result.ack_due)

    def raw_message(self, fields: dict[str, str], user: StaffUser, submission_id: str,
                    when: datetime) -> RawMessage:
        """The form as typed, with who keyed it in, as a UTF-8 JSON document."""
        payload = {**fields, "entered_by": user.username}
        return RawMessage(
            source=self.name, channel=fields["channel"], external_id=submission_id,
            payload=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            content_type="application/json", received_at=when,
        )

    def render_form(self, request: web.Request, user: StaffUser, values: Mapping[str, str],
                    errors: list[FieldError], submission_id: str | None = None, *,
                    status: int = 200) -> web.Response:
        return self.guard.render(
            request, "web/staff_entry.html", status=status, submission_id=submission_id,
            staff=user, values=values, errors=errors,
            channels=CHANNEL_NAMES, methods=CONTACT_METHODS,
        )
