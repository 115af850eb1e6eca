"""The label contract: the six primary categories and the flags a message may carry."""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    """The one primary category every inbound message gets."""

    COMPLAINT = "complaint"
    SERVICE_REQUEST = "service_request"
    ASB_REPORT = "asb_report"
    COMPLIMENT = "compliment"
    FEEDBACK = "feedback"
    ENQUIRY = "enquiry"


class Flag(StrEnum):
    """Secondary markers; a message may carry any number of them."""

    ALSO_SERVICE_REQUEST = "also_service_request"
    ESCALATION = "escalation"
    DESIGNATED_PERSON = "designated_person"
    REPRESENTATIVE = "representative"
    VULNERABILITY = "vulnerability"
    URGENT_HAZARD = "urgent_hazard"
    LEGAL_ACTION = "legal_action"
    OUT_OF_TIME = "out_of_time"
    ABUSIVE = "abusive"
    NO_RESPONSE_WANTED = "no_response_wanted"


LABELS: tuple[str, ...] = tuple(label.value for label in Label)
FLAGS: tuple[str, ...] = tuple(flag.value for flag in Flag)


def parse_label(value: str) -> Label:
    """Return the Label for a string, raising ValueError with the allowed values."""
    try:
        return Label(value.strip().lower())
    except ValueError as e:
        raise ValueError(f"unknown label {value!r}; expected one of {', '.join(LABELS)}") from e


def parse_flags(values: list[str] | tuple[str, ...]) -> tuple[Flag, ...]:
    """Return the sorted, de-duplicated Flags for a list of strings."""
    flags = set()
    for value in values:
        try:
            flags.add(Flag(value.strip().lower()))
        except ValueError as e:
            raise ValueError(f"unknown flag {value!r}; expected one of {', '.join(FLAGS)}") from e
    return tuple(sorted(flags))
