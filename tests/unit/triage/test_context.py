"""Earlier contacts: same topic within a year raises complaint; a complaint follow-up escalates."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from triage.context import (
    EarlierContact,
    ContextEvidence,
    reweigh,
    same_topic,
    topics_of,
    weigh,
)
from triage.corpus_io import parse_earlier
from triage.model import TriageInput, Triager

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LABELS = ["asb_report", "complaint", "compliment", "enquiry", "feedback", "service_request"]


def contact(text: str, days_ago: int = 30, **kw) -> EarlierContact:
    when = datetime.fromordinal(NOW.toordinal() - days_ago).replace(tzinfo=UTC)
    return EarlierContact(text=text, received_at=when, **kw)


def test_topics_name_what_a_message_is_about():
    assert topics_of("The boiler is off and the radiators are cold") == {"heating"}
    assert {"damp", "leak"} <= topics_of("Water dripping through the ceiling, mould everywhere")
    assert topics_of("Can I pay my rent by direct debit?") == {"rent_money"}


def test_same_topic_by_topic_or_by_shared_words():
    assert same_topic("boiler gone again", "No heating since Friday") == {"heating"}
    assert same_topic("Mae'r gwresogydd wedi torri eto", "gwresogydd wedi torri") == set()
    assert same_topic("Can I pay my rent by card?", "The boiler is broken") is None


def test_each_earlier_contact_on_the_topic_counts_within_a_year():
    earlier = [contact("boiler not working", 10, reference="DS-2026-000010"),
               contact("still no heating", 40, reference="DS-2026-000010"),
               contact("rent statement please", 20),
               contact("boiler broken", 400)]
    evidence = weigh("The heating has failed yet again", NOW, earlier)
    assert evidence.repeats == 2 and evidence.topics == ("heating",)
    assert evidence.references == ("DS-2026-000010",)
    assert evidence.odds == 9.0  # 3 × 3: two contacts
    assert evidence.reason() == "context: 2 earlier contacts about heating (DS-2026-000010)"


def test_a_reply_on_a_complaint_case_is_a_follow_up():
    replied = EarlierContact("", NOW, category="complaint", reference="DS-2026-000042",
                             same_case=True)
    evidence = weigh("I do not accept what you said", NOW, [replied])
    assert evidence.complaint_follow_up == "DS-2026-000042" and evidence.odds == 3.0
    assert evidence.reason() == "context: follows up complaint DS-2026-000042"


def test_no_history_changes_nothing():
    evidence = weigh("My tap drips", NOW, [])
    assert evidence == ContextEvidence(0, (), (), None) and evidence.odds == 1.0
    assert evidence.reason() is None


def test_reweigh_multiplies_complaint_odds_and_renormalises():
    proba = np.array([0.05, 0.25, 0.05, 0.05, 0.05, 0.55])
    out = reweigh(proba, LABELS, 3.0)
    assert out.sum() == pytest.approx(1.0)
    assert out[1] / out[5] == pytest.approx(3 * 0.25 / 0.55)
    assert reweigh(proba, LABELS, 1.0) is proba


def test_parse_earlier_validates_its_input():
    [parsed] = parse_earlier([{"text": "boiler", "received_at": "2026-01-02T10:00:00Z",
                               "category": "service_request", "reference": "DS-2026-000001"}])
    assert parsed.received_at == datetime(2026, 1, 2, 10, tzinfo=UTC) and not parsed.same_case
    assert parse_earlier(None) == ()
    for bad in ("text", [1], [{"text": 3}], [{"text": "x", "colour": "red"}]):
        with pytest.raises(ValueError):
            parse_earlier(bad)


def test_repeat_contacts_turn_a_repair_report_into_a_complaint(fixture_model: Path):
    triager = Triager.load(fixture_model)
    text = "The boiler has stopped working."
    first = triager.classify(TriageInput(text, received_at=NOW))
    earlier = tuple(contact("boiler not working, no heating", d, category="service_request",
                            reference="DS-2026-000007") for d in (12, 30))
    again = triager.classify(TriageInput(text, received_at=NOW, earlier=earlier))
    assert first.category == "service_request"
    assert again.probabilities["complaint"] > first.probabilities["complaint"]
    assert again.category == "complaint"
    assert "context: 2 earlier contacts about heating (DS-2026-000007)" in again.reasons


def test_a_complaint_following_up_a_complaint_case_carries_escalation(fixture_model: Path):
    triager = Triager.load(fixture_model)
    replied = EarlierContact("", NOW, category="complaint", reference="DS-2026-000042",
                             same_case=True)
    text = "This is unacceptable, I complained and nothing has changed."
    result = triager.classify(TriageInput(text, received_at=NOW, earlier=(replied,)))
    assert result.category == "complaint" and "escalation" in result.flags
    assert "context: follows up complaint DS-2026-000042 → escalation" in result.reasons
