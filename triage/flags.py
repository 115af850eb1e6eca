"""Flag detectors: one rule-based function per flag, each returning its evidence or None.

Detectors see the message text, the subject, the model's category and the receipt time, so a flag
can depend on the category: escalation belongs to complaints (and survey feedback), out_of_time to
complaints and repairs, legal_action never to thanks, suggestions or questions, and
also_service_request never accompanies a service request. Rules match lower-cased text with quoted
e-mail history removed; the evidence string is shown in the result's reasons.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from triage import rules_more, rules
from triage.dates import out_of_time
from triage.labels import Flag, Label
from triage.rule_engine import Rule, first_match

# Quoted e-mail history says what was said before, not what this message says.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
QUOTED = re.compile(r"^\s*>.*$|^on .{5,80} wrote:\s*$", re.I | re.M)
MAX_EVIDENCE = 60


@dataclass(frozen=True)
class FlagInput:
    """What a detector may look at."""

    text: str
    subject: str | None
    category: Label
    received_at: datetime | None = None

    @cached_property
    def body(self) -> str:
        """Subject and text without quoted e-mail history."""
        joined = f"{self.subject}\n{self.text}" if self.subject else self.text
        return QUOTED.sub(" ", joined)

    @cached_property
    def lowered(self) -> str:
        """The body in lower case, which the rule tables are written for."""
        return self.body.lower()

    @cached_property
    def designated(self) -> str | None:
        """Designated-person evidence, computed once (representative depends on it too)."""
        return find_designated_person(self)

    @cached_property
    def vulnerable(self) -> str | None:
        """Vulnerability evidence, computed once (urgent_hazard depends on it too)."""
        return find(rules.VULNERABILITY, self.lowered) or find(rules_more.VULNERABILITY_MORE,
                                                                   self.lowered)


def find(table: Iterable[Rule], text: str) -> str | None:
    """The phrase matched by the table's first matching rule, trimmed for display."""
    match = first_match(table, text)
    return " ".join(match.group(0).split())[:MAX_EVIDENCE] if match else None


def detect_escalation(msg: FlagInput) -> str | None:
    """Unhappy with a response already given, asks to go further, or quotes a complaint ref."""
    if msg.category not in (Label.COMPLAINT, Label.FEEDBACK):
        return None
    strong = find(rules.ESCALATION, msg.lowered) or find(rules_more.ESCALATION_MORE, msg.lowered)
    if strong:
        return strong
    weak = find(rules.ESCALATION_WEAK, msg.lowered)
    context = find(rules.ESCALATION_CONTEXT, msg.lowered) or "complaints" in msg.lowered
    return weak if weak and context else None


def detect_designated_person(msg: FlagInput) -> str | None:
    """Written by or for an MP, councillor or other designated person (not merely mentioned)."""
    return msg.designated


def find_designated_person(msg: FlagInput) -> str | None:
    """Designated-person evidence once mere mentions ("I'll contact my MP") are removed."""
    text = msg.body  # "MP" is only an office in capitals, so mentions are removed case-blind
    for pattern in rules.DESIGNATED_MENTION_ONLY:
        text = pattern.sub(" ", text)
    return find(rules.DESIGNATED_PERSON, text.lower()) or find(rules.DESIGNATED_CAPS, text)


def detect_representative(msg: FlagInput) -> str | None:
    """A relative, friend, advocate or professional writes for the resident (not an MP's office)."""
    if msg.designated:
        return None
    text = msg.lowered
    for pattern in rules.NOT_REPRESENTATIVE:
        text = pattern.sub(" ", text)
    found = find(rules.REPRESENTATIVE, text) or find(rules_more.REPRESENTATIVE_MORE, text)
    if found or msg.category is Label.ENQUIRY:
        return found
    return find(rules.REPRESENTATIVE_LEGAL, text)


def detect_vulnerability(msg: FlagInput) -> str | None:
    """Disability, serious illness, mental health, pregnancy, old age or young children."""
    return msg.vulnerable


def detect_cold_home(msg: FlagInput) -> str | None:
    """No heating or hot water in cold weather (a cold spell, cold indoors, or winter months)
    for a vulnerable household."""
    text = msg.lowered
    heating = find(rules.HEATING_OUT, text) or find(rules_more.HEATING_OUT_MORE, text)
    if not heating:
        return None
    winter = msg.received_at is not None and msg.received_at.month in rules_more.WINTER_MONTHS
    cold = find(rules.COLD_WEATHER, text) or find(rules_more.COLD_MORE, text)
    vulnerable = msg.vulnerable or find(rules_more.VULNERABLE_MORE, text)
    if (cold or winter) and vulnerable:
        return f"{heating} + {'cold' if cold else 'winter'} + vulnerable household"
    return None


def detect_harmful_mould(msg: FlagInput) -> str | None:
    """Damp or mould said to be harming someone's health."""
    mould = find(rules.MOULD, msg.lowered)
    harm = mould and find(rules.HEALTH_HARM, msg.lowered)
    return f"{mould} + {harm}" if harm else None


def detect_urgent_hazard(msg: FlagInput) -> str | None:
    """An immediate, serious risk to health or safety, in any category; in thanks or a survey
    only if it is not told as already dealt with."""
    text = msg.lowered
    for pattern in rules.ROUTINE_SAFETY:
        text = pattern.sub(" ", text)
    found = (find(rules.URGENT_HAZARD, text) or find(rules_more.MORE_HAZARDS, text)
             or detect_cold_home(msg) or detect_harmful_mould(msg))
    if found and msg.category in (Label.COMPLIMENT, Label.FEEDBACK) and resolved(text, found):
        return None
    return found


def sentences(text: str) -> list[str]:
    """The text split into sentences (at end punctuation or line breaks)."""
    return SENTENCE_BREAK.split(text)


def sentences_with(text: str, evidence: str) -> Iterator[str]:
    """The sentences holding a piece of evidence (its first part, for a combined one)."""
    head = evidence.split(" + ")[0].split(" … ")[0]
    return (s for s in sentences(text) if head in " ".join(s.split()))


def resolved(text: str, evidence: str) -> bool:
    """Whether the sentence holding the evidence tells of the hazard as past and dealt with."""
    sentence = next(sentences_with(text, evidence), None)
    return sentence is not None and find(rules_more.RESOLVED, sentence) is not None


def detect_legal_action(msg: FlagInput) -> str | None:
    """Court proceedings started or threatened through a solicitor (not in thanks or questions)."""
    if msg.category in (Label.COMPLIMENT, Label.FEEDBACK, Label.ENQUIRY):
        return None
    text = msg.lowered
    for pattern in rules.NOT_RESIDENT_LEGAL:
        text = pattern.sub(" ", text)
    return find(rules.LEGAL_ACTION, text)


def detect_out_of_time(msg: FlagInput) -> str | None:
    """A complaint or repair whose issue began more than twelve months before receipt."""
    if msg.category not in (Label.COMPLAINT, Label.SERVICE_REQUEST):
        return None
    return out_of_time(msg.lowered, msg.received_at)


def detect_abusive(msg: FlagInput) -> str | None:
    """Abusive, threatening or hateful language towards staff."""
    if msg.category is Label.ASB_REPORT:
        return None  # abuse quoted from a neighbour is the report, not abuse of staff
    return find(rules.ABUSIVE, msg.lowered) or find(rules_more.ABUSIVE_MORE, msg.lowered)


def detect_no_response_wanted(msg: FlagInput) -> str | None:
    """The writer says no reply is needed."""
    strong = find(rules.NO_RESPONSE_WANTED, msg.lowered) or find(rules_more.NO_RESPONSE_MORE,
                                                                 msg.lowered)
    if strong or msg.category not in (Label.FEEDBACK, Label.COMPLIMENT):
        return strong
    return find(rules.NO_RESPONSE_WEAK, msg.lowered)


def new_need_sentence(text: str, said_new: bool = True) -> str | None:
    """A sentence that marks a new issue ("also", "another thing") and names a defect, or (with
    ``said_new``) says it has not been reported before."""
    said = said_new and find(rules.NEW_ISSUE_SAID, rules_more.NO_NEW_ISSUE.sub(" ", text))
    if said:
        return said
    for sentence in sentences(text):
        if rules_more.SAME_PROBLEM_WORSE.search(sentence):
            continue  # "and now the leak has wrecked the hall too" is the same repair, worse
        marker = find(rules.NEW_ISSUE_MARKER, sentence) or find(rules_more.NEW_ISSUE_MORE, sentence)
        defect = marker and (find(rules.DEFECT, sentence)
                             or find(rules_more.DEFECT_WORDS[2:], sentence))
        if defect:
            return f"{marker} … {defect}"
    return None


def detect_also_service_request(msg: FlagInput) -> str | None:
    """A new repair or service need reported alongside another primary intent.

    In a complaint the defect is usually what is complained of, so a new one must be marked as
    new ("also", "another thing", "not reported before"); an ASB report needs damage to put right.
    In thanks, a survey answer or a question any defect still to be put right, or a hazard, is a
    service need of its own.
    """
    if msg.category is Label.SERVICE_REQUEST:
        return None
    if msg.category is Label.COMPLAINT:
        return new_need_sentence(msg.lowered)
    if msg.category is Label.ASB_REPORT:  # damage left by the behaviour, or a new repair
        damage = find(rules.ASB_SERVICE_NEED, rules_more.ASB_NOT_DAMAGE.sub(" ", msg.lowered))
        return damage or new_need_sentence(msg.lowered, said_new=False)
    return outstanding_defect(msg.lowered) or raised_hazard(msg)


def raised_hazard(msg: FlagInput) -> str | None:
    """A hazard raised as a further point in thanks or a survey answer ("only thing, since he
    left there's a smell of gas"): a repair to raise alongside, not a story of one put right."""
    if msg.category not in (Label.COMPLIMENT, Label.FEEDBACK):
        return None
    hazard = detect_urgent_hazard(msg)
    for sentence in sentences_with(msg.lowered, hazard) if hazard else ():
        turn = find(rules.NEW_ISSUE_MARKER, sentence) or find(rules_more.TURN, sentence)
        if turn or "?" in sentence:
            return hazard
    return None


def outstanding_defect(text: str) -> str | None:
    """A defect raised as a further point ("but", "only thing", "PS", "also") in thanks, a survey
    answer or a question, in a sentence that does not tell of it as already put right."""
    said = find(rules.NEW_ISSUE_SAID, text)
    if said:
        return said
    for sentence in sentences(text):
        marker = find(rules.NEW_ISSUE_MARKER, sentence) or find(rules_more.TURN, sentence)
        defect = marker and find(rules_more.DEFECT_WORDS, sentence)
        if defect and not find(rules_more.RESOLVED, sentence):
            return f"{marker} … {defect}"
    return None


DETECTORS: dict[Flag, Callable[[FlagInput], str | None]] = {
    Flag.ALSO_SERVICE_REQUEST: detect_also_service_request,
    Flag.ESCALATION: detect_escalation,
    Flag.DESIGNATED_PERSON: detect_designated_person,
    Flag.REPRESENTATIVE: detect_representative,
    Flag.VULNERABILITY: detect_vulnerability,
    Flag.URGENT_HAZARD: detect_urgent_hazard,
    Flag.LEGAL_ACTION: detect_legal_action,
    Flag.OUT_OF_TIME: detect_out_of_time,
    Flag.ABUSIVE: detect_abusive,
    Flag.NO_RESPONSE_WANTED: detect_no_response_wanted,
}


def detect_flags(msg: FlagInput) -> list[tuple[Flag, str]]:
    """Every flag whose detector fires, sorted by flag value, with its evidence."""
    found = [(flag, detector(msg)) for flag, detector in DETECTORS.items()]
    return sorted(((flag, ev) for flag, ev in found if ev), key=lambda pair: pair[0].value)
