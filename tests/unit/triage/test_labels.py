"""The label contract: six categories, ten flags, StrEnum values other packages rely on."""

from __future__ import annotations

from enum import StrEnum

import pytest

from triage.labels import FLAGS, LABELS, Flag, Label, parse_flags, parse_label


def test_categories_are_the_six_of_the_guide() -> None:
    assert issubclass(Label, StrEnum)
    assert LABELS == (
        "complaint", "service_request", "asb_report", "compliment", "feedback", "enquiry",
    )  # fmt: skip
    assert Label.COMPLAINT == "complaint"


def test_flags_are_the_ten_of_the_guide() -> None:
    assert issubclass(Flag, StrEnum)
    assert set(FLAGS) == {
        "also_service_request", "escalation", "designated_person", "representative",
        "vulnerability", "urgent_hazard", "legal_action", "out_of_time", "abusive",
        "no_response_wanted",
    }  # fmt: skip


def test_parse_label_is_forgiving_about_case_and_space() -> None:
    assert parse_label(" ASB_Report ") is Label.ASB_REPORT


def test_parse_label_names_the_allowed_values() -> None:
    with pytest.raises(ValueError, match="complaint"):
        parse_label("moan")


def test_parse_flags_sorts_and_deduplicates() -> None:
    assert parse_flags(["vulnerability", "abusive", "vulnerability"]) == (
        Flag.ABUSIVE,
        Flag.VULNERABILITY,
    )


def test_parse_flags_rejects_unknown() -> None:
    with pytest.raises(ValueError, match="unknown flag"):
        parse_flags(["urgent"])
