"""Checking typed form fields, GOV.UK style: one clear message per field, in page order."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from channels.base import Sender
from channels.identity import normalise_email, normalise_phone
from gateway.errors import ParseError

TEXT_FIELDS = ("name", "email", "phone", "preferred_contact", "address", "details", "outcome")
FORM_ORDER = (*TEXT_FIELDS, "attachments")  # as on the page, for the error summary
CONTACT_METHODS = {"email": "Email", "phone": "Phone (text message)", "post": "Post"}
CONTACT_DETAIL = {  # the field a chosen contact method needs, and the error when it is empty
    "email": ("email", "Enter an email address, or choose another way to be contacted"),
    "phone": ("phone", "Enter a phone number for text messages, or choose another way to be contacted"),
    "post": ("address", "Enter an address for letters, or choose another way to be contacted"),
}


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

