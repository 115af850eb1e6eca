"""Flag detectors: one rule-based function per flag, each returning its evidence or None.

Detectors see the message text, the subject, the model's category and the receipt time, so a flag
can depend on the category: escalation belongs to complaints (and survey feedback), out_of_time to
complaints and repairs, legal_action never to thanks, suggestions or questions, and
also_service_request never accompanies a service request. Rules match lower-cased text with quoted
e-mail history removed; the evidence string is shown in the result's reasons.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property

from triage import rules_more, rules
from triage.dates import out_of_time
from triage.labels import Flag, Label
from triage.rule_engine import Rule, earliest, first_match, may_match, sub_all

# End punctuation: also । ؟ ۔ ። (Devanagari/Bengali, Arabic, Urdu, Ethiopic), an emoji before a
# space ("shes a star 🌟 back door sticks"), and 。！？ (Chinese), which needs no space after it.
ENDS = "[.!?\u0964\u061f\u06d4\u1362\u2600-\u27bf\U0001f300-\U0001faff]"
SENTENCE_BREAK = re.compile(rf"(?<={ENDS})\s+|(?<=[\u3002\uff01\uff1f])\s*|\n+")
# The same breaks where no full stop of Chinese script (。！？) occurs, found three times faster:
# led by the whitespace itself, so that `re` need not try a lookbehind at every position.
WESTERN_BREAK = re.compile(rf"\s(?:(?<={ENDS}\s)\s*|(?<=\n)\n*)")
# Quoted e-mail history says what was said before, not what this message says.
QUOTED = re.compile(r"^\s*>.*$|^on .{5,80} wrote:\s*$", re.I | re.M)
MAX_EVIDENCE = 60


@dataclass(frozen=True)
class FlagInput:
    """What a detector may look at."""

    text: str
    subject: str | None
    category: Label
    received_at: datetime | None = None
    language: str | None = None  # as detected; None when unknown

    @cached_property
    def body(self) -> str:
        """Subject and text without quoted e-mail history."""
        joined = f"{self.subject}\n{self.text}" if self.subject else self.text
        if ">" not in joined and "wrote:" not in joined.lower():
            return joined  # (nothing QUOTED could match)
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
    if not (may_match(rules.DESIGNATED_PERSON, msg.lowered)
            or may_match(rules.DESIGNATED_CAPS, msg.body)):
        return None  # (removing mentions, whole words at a time, never adds a word)
    # "MP" is only an office in capitals, so mentions are removed case-blind
    text = sub_all(rules.DESIGNATED_MENTION_ONLY, " ", msg.body)
    return find(rules.DESIGNATED_PERSON, text.lower()) or find(rules.DESIGNATED_CAPS, text)


def detect_representative(msg: FlagInput) -> str | None:
    """A relative, friend, advocate or professional writes for the resident (not an MP's office)."""
    if msg.designated:
        return None
    text = sub_all(rules.NOT_REPRESENTATIVE, " ", msg.lowered)
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
    text = sub_all(rules.NOT_A_HAZARD, " ", sub_all(rules.ROUTINE_SAFETY, " ", msg.lowered))
    found = (find(rules.URGENT_HAZARD, text) or find(rules_more.MORE_HAZARDS, text)
             or detect_cold_home(msg) or detect_harmful_mould(msg))
    if found and msg.category in (Label.COMPLIMENT, Label.FEEDBACK) and resolved(text, found):
        return None
    if found and made_safe(text, found):
        return None
    return found


def sentence_breaks(text: str) -> re.Pattern[str]:
    """`SENTENCE_BREAK`, or `WESTERN_BREAK` (which finds the same breaks) where it may stand in."""
    return SENTENCE_BREAK if any(stop in text for stop in "\u3002\uff01\uff1f") else WESTERN_BREAK


def sentences(text: str) -> list[str]:
    """The text split into sentences (at end punctuation or line breaks)."""
    return sentence_breaks(text).split(text)


def sentences_with(text: str, evidence: str) -> Iterator[str]:
    """The sentences holding a piece of evidence (its first part, for a combined one)."""
    head = evidence.split(" + ")[0].split(" … ")[0]
    return (s for s in sentences(text) if head in " ".join(s.split()))


def sentence_of(text: str, evidence: str | None) -> str:
    """The first sentence holding a piece of evidence, or "" when there is none."""
    return next(sentences_with(text, evidence), "") if evidence else ""


def made_safe(text: str, evidence: str) -> bool:
    """Whether the sentence holding the evidence says the hazard has been made safe (and not that
    it is still there)."""
    sentence = sentence_of(text, evidence)
    return find(rules.MADE_SAFE, sentence) is not None and not rules_more.STILL_LIVE.search(sentence)


def resolved(text: str, evidence: str) -> bool:
    """Whether the sentence holding the evidence tells of the hazard as past and dealt with."""
    return find(rules_more.RESOLVED, sentence_of(text, evidence)) is not None


def detect_legal_action(msg: FlagInput) -> str | None:
    """Court proceedings started or threatened through a solicitor (not in thanks or questions)."""
    if msg.category in (Label.COMPLIMENT, Label.FEEDBACK, Label.ENQUIRY):
        return None
    text = sub_all(rules.NOT_RESIDENT_LEGAL, " ", msg.lowered)
    return find(rules.LEGAL_ACTION, text)


def detect_out_of_time(msg: FlagInput) -> str | None:
    """The issue began, or the writer learnt of it, more than twelve months before receipt, in
    any category with an issue: a late ASB report or survey remark is out of time as much as a
    complaint. Thanks and questions have no issue to be late with ("tenant since 2019")."""
    if msg.category in (Label.COMPLIMENT, Label.ENQUIRY):
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


# What marks a further point, and what names a defect, for also_service_request.
NEW_NEED_MARKERS = (*rules.NEW_ISSUE_MARKER, *rules_more.NEW_ISSUE_MORE, *rules_more.NEW_ISSUE_TURN,
                    *rules_more.NEW_ISSUE_ABROAD, *rules_more.ALSO_ABROAD,
                    *rules_more.RECENT_START)
TURN_MARKERS = (*NEW_NEED_MARKERS, *rules_more.TURN, *rules_more.REQUEST_TURN)
REQUESTS_AND_DEFECTS = (*rules.DEFECT, *rules_more.DEFECT_WORDS[2:], *rules_more.DEFECT_MORE,
                        *rules_more.SERVICE_ASK, *rules_more.LOOK_AT_ASK, *rules_more.FAULT_PHRASES)
DEFECTS_ONLY = (*rules_more.DEFECT_WORDS, *rules_more.DEFECT_MORE, *rules_more.SERVICE_ASK,
                *rules_more.LOOK_AT_ASK, *rules_more.FAULT_PHRASES)
ASKS = (*rules.DEFECT[1:2], *rules_more.SERVICE_ASK, *rules_more.LOOK_AT_ASK)
# A defect named earlier in the message by the same noun is the complained-of one, unless the
# words before it say it is another.
DEFECT_NOUN = re.compile(r"\b(leak|mou?ld|damp|drip|mice|rat|pest|cockroach|condensation|pigeon|"
                         r"wasp|flea|crack|heating|hot water|boiler)")
# "...and it is now also leaking": the marker adds to a thing just named, not a new one.
SAME_THING = re.compile(r"\b(?:it|it's|its|this|that)(?: (?:is|was|has|now|just|been|keeps|"
                        r"still))*\s*$")
ANOTHER = re.compile(r"\b(?:new|another|different|second|other|separate)\b(?:\W+\w+){0,2}\W*$")
CLAUSE_START = re.compile(r"[,;:(\u2013\u2014]|\s-\s")
CLAUSE_STOP = re.compile(r"[;:(\u2013\u2014]|\s-\s|\bbut\b")
LIST_ITEM = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])(?:\s|$)")  # a fault in a list: one of a job's
PLAIN_TAIL = 150  # characters (a request, a sign-off) that may follow a plain new fault
PART_BEFORE, PART_AFTER = 50, 30  # characters around a plain fault searched for its part
LEAD, TAIL = 40, 60  # characters before and after a defect searched for "still", "again"
POOR_WORK_WITHIN = 200  # characters before a weak marker searched for "fitted badly"


def said_new(text: str) -> str | None:
    """A repair said in so many words to be new or not reported before ("no new issue" aside)."""
    if " new " in text:  # (in every match of NO_NEW_ISSUE)
        text = rules_more.NO_NEW_ISSUE.sub(" ", text)
    return find(rules.NEW_ISSUE_SAID, text) or find(rules_more.NEW_ISSUE_SAID_MORE, text)


def same_repair(before: str, lead: str, defect: str, tail: str, complaint: bool) -> bool:
    """Whether a defect after a marker is one the landlord already knows of: chased ("still"), a
    past job ("reported a leaking tap"), a defect noun named earlier ("mould", "leak") unless
    called another, or in a complaint the repair complained of: back again, worse ("and now
    it's..."), or poor work on what they fitted."""
    near = lead[-LEAD:] + tail
    if find(rules_more.DEFECT_CHASED, near) or rules_more.PAST_JOB.search(lead):
        return True
    if complaint and (find(rules_more.DEFECT_AGAIN, near) or find(rules_more.THEIR_WORK, lead)
                      or rules_more.SAME_PROBLEM_WORSE.search(lead)):
        return True
    if ANOTHER.search(lead[-LEAD:]):
        return False
    named = DEFECT_NOUN.search(defect)
    return bool(named and re.search(rf"\b{named.group(1)}", before))


def same_job(before: str, ahead: str, upto: str, scope: str, defects: tuple, behind: bool) -> bool:
    """Whether a fault added to a complaint with a weak marker ("also", "too") is more of the
    complained-of job: the same fault spreading ("into the kitchen as well"), a further fault
    after work said to be poor ("fitted badly"), or one more in a list of faults ("the tiles are
    uneven, the panel is loose and the fan also doesn't work"). Not if the resident asks for it
    to be seen to ("also can someone check my smoke alarm").

    ``ahead`` is the marker's sentence before it, ``upto`` the same up to the marker's end."""
    if rules_more.SPREAD.search(upto):
        return True
    if earliest(ASKS, scope):
        return False
    if rules_more.POOR_WORK.search(before[-POOR_WORK_WITHIN:]):
        return True
    return bool(not behind and earliest(defects, ahead)
                and not find(rules_more.DEFECT_CHASED, ahead))  # "still not fixed, and now..."


def marked_need(text: str, markers: tuple, defects: tuple, complaint: bool) -> str | None:
    """A further point ("also", "PS", "another thing", "but" in thanks) that names a defect after
    it (or before it, for a marker written after its point: "the lock's gone too"), or in the next
    sentence when the marker ends its own ("One more thing:"), and is not a defect the landlord
    already knows of (see ``same_repair`` and ``same_job``); outside complaints, not one told as
    put right. The markers are found in the whole text, then judged in their sentences."""
    spans, position = [], 0  # markers' (start, end) in the text
    while (marker := earliest(markers, text[position:])) is not None:
        spans.append((position + marker.start(), position + marker.end()))
        position = max(spans[-1][1], spans[-1][0] + 1)
    openers = (complaint and ("and" in text or "plus" in text)
               and rules_more.OPENER_ANYWHERE.search(text))
    if not spans and not openers:
        return None
    breaks = list(sentence_breaks(text).finditer(text))
    starts, ends = [0, *(m.end() for m in breaks)], [*(m.start() for m in breaks), len(text)]
    found = []  # (sentence number, marker start, marker end) in the sentence
    for number, (first, last) in enumerate(zip(starts, ends)) if openers else ():
        opener = rules_more.SENTENCE_OPENER.match(text, first, last)
        if opener:
            found.append((number, 0, opener.end() - first))
    for at, end in spans:
        number = bisect_right(starts, at) - 1
        if at < ends[number]:
            found.append((number, at - starts[number], min(end, ends[number]) - starts[number]))
    for number, at, end in sorted(found, key=lambda item: (item[0], item[1])):
        evidence = judged(text, starts[number], text[starts[number]:ends[number]], at, end,
                          text[starts[number + 1]:ends[number + 1]] if number + 1 < len(starts)
                          else None, defects, complaint)
        if evidence:
            return evidence
    return None


def judged(text: str, first: int, sentence: str, at: int, end: int, following: str | None,
           defects: tuple, complaint: bool) -> str | None:
    """The evidence for the marker at ``sentence[at:end]`` (the sentence starting at ``first`` in
    the text), or None when it names no defect, or one the landlord already knows of."""
    word = " ".join(sentence[at:end].split())
    recent = any(rule.pattern.fullmatch(word) for rule in rules_more.RECENT_START)
    if recent and first < len(text) / 2 and earliest(defects, text[:first]) is None:
        return None  # a fault begun lately, told early and first, is what the message is about
    behind = (recent or rules_more.TRAILING_MARKER.fullmatch(word) is not None
              or (rules_more.TRAILING_IF_LAST.fullmatch(word) is not None
                  and rules_more.CLAUSE_END.match(sentence, end) is not None))
    scope = sentence if behind else sentence[at:]
    defect = earliest(defects, scope)
    if defect is None and following is not None and rules_more.INTRODUCES.match(sentence[end:]):
        scope = f"{scope} {following}"
        defect = earliest(defects, scope)
    if defect is None:
        return None
    clause = 0 if behind else max(
        (m.end() for m in CLAUSE_START.finditer(sentence, 0, at)), default=0)
    start = fault_start(defect)
    lead = sentence[clause:at] + scope[:start]
    stop = CLAUSE_STOP.search(scope, defect.end())
    tail = scope[start:min(defect.end() + TAIL, stop.start() if stop else len(scope))]
    before = text[:first + clause]
    if complaint and rules_more.WEAK_MARKER.fullmatch(word):
        known = (same_job(before, sentence[:at], sentence[:end], scope, defects, behind)
                 or (not behind and SAME_THING.search(sentence[clause:at])))
    else:
        known = not complaint and find(rules_more.DEFECT_RESOLVED, scope)
    if (known or same_repair(before, lead, defect.group(0), tail, complaint)
            or rules_more.REPORTED_AFTER.search(scope, defect.end())):
        return None
    return f"{word} … {' '.join(defect.group(0).split())}"


def fault_start(defect: re.Match[str]) -> int:
    """Where the fault itself starts in a defect match: "snapped" in "the latch has snapped", so
    that "still", "again" are looked for around the fault, not the part of the home."""
    return defect.start("fault") if "fault" in defect.re.groupindex else defect.start()


def new_need_sentence(text: str, said: bool = True) -> str | None:
    """A new repair marked as new ("also", "another thing") or, with ``said``, said to be new."""
    return (said and said_new(text)) or marked_need(text, NEW_NEED_MARKERS,
                                                    REQUESTS_AND_DEFECTS, complaint=True)


def detect_also_service_request(msg: FlagInput) -> str | None:
    """A new repair or service need reported alongside another primary intent.

    In a complaint the defect is usually what is complained of, so a new one must be marked as
    new ("also", "another thing", "not reported before") and not be the same repair chased or
    worse; an ASB report needs damage to put right. In thanks, a survey answer or a question a
    defect raised as a further point ("but", "only thing", "PS") and still to be put right, or a
    hazard, is a service need of its own.
    """
    if msg.category is Label.SERVICE_REQUEST:
        return None
    text = sub_all(rules_more.NOT_A_DEFECT, " ", msg.lowered)
    abroad = msg.language != "en"  # words of other languages are not looked for in English
    if msg.category is Label.COMPLAINT:
        return new_need_sentence(text) or plain_new_fault(text, abroad=abroad)
    if msg.category is Label.ASB_REPORT:  # damage left by the behaviour, or a new repair
        cleared = rules_more.ASB_CLEAN_UP.sub(" ", text)
        return (asb_damage(text, cleared) or new_need_sentence(text, said=False)
                or plain_new_fault(cleared, abroad=abroad))
    if msg.category in (Label.COMPLIMENT, Label.FEEDBACK):
        asked = find(rules_more.SERVICE_ASK, text)  # "could I have a grab rail fitted?"
        return (asked or outstanding_defect(text) or raised_hazard(msg, text)
                or plain_new_fault(text, told_fixed=True, abroad=abroad))
    return outstanding_defect(text)


ANY_HOME_PART = re.compile("|".join(f"(?:{system.pattern})" for system in rules_more.HOME_SYSTEMS))


@cache
def systems_of(word: str) -> frozenset[int]:
    """The systems in `rules_more.HOME_SYSTEMS` a part of the home belongs to ("leak": two)."""
    return frozenset(number for number, system in enumerate(rules_more.HOME_SYSTEMS)
                     if system.fullmatch(word))


def home_systems(text: str, abroad: bool = True) -> set[int]:
    """Which of `rules_more.HOME_SYSTEMS` (heating, plumbing, doors and windows…) a text names,
    in English or, with ``abroad``, in another language (`rules_more.HOME_SYSTEMS_ABROAD`)."""
    named = set().union(*(systems_of(match.group()) for match in ANY_HOME_PART.finditer(text)))
    if not abroad:
        return named
    table = rules_more.HOME_SYSTEMS_ABROAD
    return named.union(number for number in table.gates.candidates(text)
                       if table[number].search(text))


def names_a_part(text: str, start: int = 0, end: int | None = None, abroad: bool = True) -> bool:
    """Whether ``text[start:end]`` names a part of the home in English or, with ``abroad``, in
    another language."""
    if ANY_HOME_PART.search(text, start, len(text) if end is None else end):
        return True
    return abroad and first_match(rules_more.HOME_SYSTEMS_ABROAD, text[start:end]) is not None


def plain_new_fault(text: str, told_fixed: bool = False, abroad: bool = True) -> str | None:
    """A fault told in a sentence of its own with no marker, in a part of the home that belongs
    to none of the systems the rest of the message names: "I was charged for a missed
    appointment … The shower pull switch has jammed." Not when its sentence ties it to the rest
    (see `rules_more.TIED_FAULT`) or it is in the first half of the message (where what the
    message is about is told); not, where the rest names no part of the home, unless the rest is
    about some other matter than a repair (`rules_more.OTHER_MATTER`); with ``told_fixed``
    (thanks), not when the sentence tells of it as put right. With ``abroad`` (a message not
    in English), the parts of the home, tied words and other matters of the residents' other
    languages (`triage.rules_abroad`) are looked for too."""
    parts = sentences(text)
    if len(parts) < 2:
        return None
    abroad = abroad and may_match(rules_more.HOME_SYSTEMS_ABROAD, text)  # (any there may be)
    tail = 0  # characters after the sentence looked at
    for number in range(len(parts) - 1, len(parts) // 2 - 1, -1):  # a further point comes late
        sentence = parts[number]
        defect = earliest(DEFECTS_ONLY, sentence) if names_a_part(sentence, abroad=abroad) else None
        # a part of the home must be named around the fault ("the cold tap in the kitchen drips")
        if defect is None or not names_a_part(sentence, max(0, defect.start() - PART_BEFORE),
                                              defect.end() + PART_AFTER, abroad):
            tail += len(sentence)
            if tail > PLAIN_TAIL or tail > len(text) / 2:
                return None
            continue
        if (rules_more.TIED_FAULT.search(sentence)
                or abroad and first_match(rules_more.TIED_ABROAD, sentence)
                or LIST_ITEM.match(sentence)
                or LIST_ITEM.fullmatch(parts[number - 1])):  # (an item's number on a line above)
            return None
        if told_fixed and find(rules_more.DEFECT_RESOLVED, sentence):
            return None
        rest = " ".join(parts[:number] + parts[number + 1:])
        if rules_more.POOR_WORK.search(rest) or find(rules_more.THEIR_WORK, rest):
            return None  # a fault in the job complained of
        own, named = home_systems(sentence, abroad), home_systems(rest, abroad)
        if named & own or (not named and not (
                rules_more.OTHER_MATTER.search(rest)
                or abroad and first_match(rules_more.OTHER_MATTER_ABROAD, rest))):
            return None
        return f"plain … {' '.join(defect.group(0).split())}"
    return None


def asb_damage(text: str, cleared: str) -> str | None:
    """Damage left by the behaviour to the home or the building, to put right; for clearing up
    after it (``cleared`` is the text without it, see `rules_more.ASB_CLEAN_UP`), damage to a
    car, or damage said to be reported already or put right, nothing."""
    if rules_more.ASB_REPAIR_KNOWN.search(text):
        return None
    need = find(rules.ASB_SERVICE_NEED, rules_more.ASB_NOT_DAMAGE.sub(" ", cleared))
    sentence = sentence_of(cleared, need)
    if need and not rules_more.ASB_PUT_RIGHT.search(sentence):
        return need
    damage = find(rules_more.ASB_DAMAGE, cleared)
    sentence = sentence_of(cleared, damage)
    if not damage or rules_more.ASB_DAMAGE_NOT.search(sentence):
        return None
    return None if rules_more.ASB_PUT_RIGHT.search(sentence) else damage


def raised_hazard(msg: FlagInput, text: str) -> str | None:
    """A hazard raised as a further point in thanks or a survey answer ("only thing, since he
    left there's a smell of gas"): a repair to raise alongside, not a story of one put right.
    The hazard tables are those of `detect_urgent_hazard`, whose story test ("yesterday") is too
    strict for a new fault ("padlocked since yesterday")."""
    text = sub_all(rules.ROUTINE_SAFETY, " ", text)
    hazard = (find(rules.URGENT_HAZARD, text) or find(rules_more.MORE_HAZARDS, text)
              or detect_cold_home(msg) or detect_harmful_mould(msg))
    for sentence in sentences_with(msg.lowered, hazard) if hazard else ():
        story = find(rules_more.RESOLVED, sentence) and not rules_more.STILL_LIVE.search(sentence)
        if story or find(rules_more.DEFECT_RESOLVED, sentence):
            continue  # "last Tuesday ... made it safe"
        turn = (find(rules.NEW_ISSUE_MARKER, sentence) or find(rules_more.TURN, sentence)
                or find(rules_more.NEW_ISSUE_TURN, sentence) or find(rules_more.FYI, sentence))
        if turn or "?" in sentence:
            return hazard
    return None


def outstanding_defect(text: str) -> str | None:
    """A defect raised as a further point ("but", "only thing", "PS", "also") in thanks, a survey
    answer or a question, in a part that does not tell of it as already put right."""
    return said_new(text) or marked_need(text, TURN_MARKERS, DEFECTS_ONLY, complaint=False)


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
