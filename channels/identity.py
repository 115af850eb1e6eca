"""Normalising who a message is from: E.164 phone numbers and checked email addresses."""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email


def normalise_phone(text: str, region: str = "GB") -> str:
    """``07700 900123`` → ``+447700900123``; raises ValueError for something that is no number."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as e:
        raise ValueError(f"not a phone number: {e}") from e
    # is_possible rather than is_valid: Ofcom's drama ranges (07700 900xxx) are possible, not valid.
    if not phonenumbers.is_possible_number(number):
        raise ValueError("not a possible phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(text: str) -> str:
    """A syntactically valid address, with its domain lower-cased; raises ValueError otherwise."""
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError as e:
        raise ValueError(str(e)) from e
